"""Editing the book-wide sheet rewrites exactly the pages that read the changed names;
incremental builds equal clean ones; parallel builds equal serial ones."""

from __future__ import annotations

import re
from pathlib import Path

from .qanda_helpers import build, clean_build_of, copy_root, html_pages, write


def outputs(outdir: Path) -> dict[str, str]:
    pages = html_pages(outdir)
    pages["numbers.json"] = (outdir / "numbers.json").read_text()
    return pages


def written_pages(app) -> set[str]:
    status = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())
    written = status.split("writing output...", 1)[1].split("generating indices", 1)[0]
    return set(re.findall(r"\] ([\w/-]+)", written))


def raise_engineer_cost(src: Path) -> None:
    sheet = src / "book-sheet.md"
    write(sheet, sheet.read_text().replace("270k", "300k"))


def test_editing_a_book_figure_rewrites_exactly_its_readers(tmp_path):
    src = copy_root("numbers-basic", tmp_path)
    build(src)
    raise_engineer_cost(src)
    second = build(src)
    # Sphinx itself rewrites the edited page and the index whose toctree lists it;
    # of the pages with sheets, only staffing reads engineer_year_usd.
    assert written_pages(second) == {"book-sheet", "index", "staffing"}
    assert "$900k" in (Path(second.outdir) / "staffing.html").read_text()


def test_incremental_build_equals_clean_build(tmp_path):
    src = copy_root("numbers-basic", tmp_path / "incremental")
    before = outputs(Path(build(src).outdir))
    raise_engineer_cost(src)
    second = build(src)
    clean = clean_build_of(src, tmp_path / "clean")
    assert second.warning.getvalue() == clean.warning.getvalue() == ""
    assert outputs(Path(second.outdir)) == outputs(Path(clean.outdir))
    assert before != outputs(Path(clean.outdir))


def test_a_claim_broken_by_the_book_sheet_fails_the_next_build(tmp_path):
    src = copy_root("numbers-basic", tmp_path)
    build(src)
    sheet = src / "book-sheet.md"
    write(sheet, sheet.read_text().replace("270k", "400k"))
    second = build(src)
    assert "staffing.md:8: WARNING: claim does not hold: team_usd < 1M" in second.warning.getvalue()
    third = build(src)  # nothing changed, but the claim still fails
    assert "claim does not hold" in third.warning.getvalue()


def test_builders_sharing_one_doctree_folder_each_stay_current(tmp_path):
    """As sphinx-build -M and Read the Docs do: html, then text, then html again."""
    src = copy_root("numbers-basic", tmp_path)

    def run(builder):  # one build folder: <folder>/<builder> for output, <folder>/doctrees shared
        return build(src, builder, outdir=tmp_path / "shared")

    run("html")
    raise_engineer_cost(src)
    run("text")
    html = run("html")
    assert "$900k" in (Path(html.outdir) / "staffing.html").read_text()


def test_parallel_build_equals_serial_build(tmp_path):
    serial = build(copy_root("numbers-basic", tmp_path / "serial"), parallel=1)
    parallel = build(copy_root("numbers-basic", tmp_path / "parallel"), parallel=2)
    assert parallel.warning.getvalue() == ""
    assert outputs(Path(parallel.outdir)) == outputs(Path(serial.outdir))


def test_only_the_sheets_read_again_are_evaluated_again(tmp_path, monkeypatch):
    from numbersheet import derive

    src = copy_root("numbers-basic", tmp_path)
    build(src)
    evaluated = []
    evaluate_page = derive.evaluate_page

    def counting(lines, *args, **kwargs):
        evaluated.append(lines)
        return evaluate_page(lines, *args, **kwargs)

    monkeypatch.setattr(derive, "evaluate_page", counting)
    local = src / "local.md"
    write(local, local.read_text() + "\nOne more sentence.\n")
    second = build(src)
    assert len(evaluated) == 1, "an edit to one page re-evaluates that page's sheet only"
    assert outputs(Path(second.outdir)) == outputs(Path(clean_build_of(src, tmp_path / "clean").outdir))
    evaluated.clear()
    raise_engineer_cost(src)
    build(src)
    assert len(evaluated) > 2, "an edit to the book sheet re-evaluates every sheet"


def test_removing_the_book_sheet_reevaluates_every_sheet(tmp_path):
    src = copy_root("numbers-basic", tmp_path / "incremental")
    build(src)
    (src / "book-sheet.md").unlink()
    index = src / "index.md"
    write(index, index.read_text().replace("book-sheet\n", ""))
    second = build(src)
    clean = clean_build_of(src, tmp_path / "clean")
    warnings = sorted(second.warning.getvalue().replace(str(src), "SRC").splitlines())
    clean_warnings = sorted(clean.warning.getvalue().replace(str(tmp_path / "clean" / "src"), "SRC").splitlines())
    assert any("'book." in line for line in clean_warnings)  # the pages that read it now say so
    assert warnings == clean_warnings
    # Sphinx leaves a removed page's old HTML in the output folder; every other page must agree.
    want, got = outputs(Path(clean.outdir)), outputs(Path(second.outdir))
    assert {name: got[name] for name in want} == want
