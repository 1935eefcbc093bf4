"""Incremental builds equal clean ones, and parallel builds equal serial ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from .qanda_helpers import build, clean_build_of, copy_root, html_pages, write

NEW_ANSWER = """# Demand answer

::::{answer} demand-forecast
:author: Katherine Johnson

Forecast per store with a gradient-boosted model.
::::
"""


def add_answer(src: Path) -> None:
    write(src / "answers" / "demand.md", NEW_ANSWER)
    index = src / "index.md"
    write(index, index.read_text().replace("answers/search\n", "answers/search\nanswers/demand\n"))


def edit_answer(src: Path) -> None:
    page = src / "answers" / "fraud.md"
    write(page, page.read_text().replace("Ada Lovelace", "Ada King"))


def move_answer(src: Path) -> None:
    fraud, search = src / "answers" / "fraud.md", src / "answers" / "search.md"
    moved = fraud.read_text().split("\n", 1)[1]
    write(fraud, "# Fraud answer\n\nMoved to the search page.\n")
    write(search, search.read_text() + "\n" + moved)


def delete_answer(src: Path) -> None:
    search = src / "answers" / "search.md"
    first_answer = search.read_text().split("::::{answer} search-ranking\n", 2)[1].split("::::\n", 1)[0]
    write(search, search.read_text().replace(f"::::{{answer}} search-ranking\n{first_answer}::::\n", ""))


def renumber(src: Path) -> None:
    """alpha-questions.md, named by its only question, becomes Question 1: its title, the
    contents and the neighbours' prev/next change on pages whose sources did not."""
    index = src / "index.md"
    write(index, index.read_text().replace("zeta-questions\nalpha-questions\n", "alpha-questions\nzeta-questions\n"))


CHANGES = {"add": add_answer, "edit": edit_answer, "move": move_answer, "delete": delete_answer,
           "renumber": renumber}


def outputs(outdir: Path) -> dict[str, str]:
    pages = html_pages(outdir)
    pages["questions.json"] = (outdir / "questions.json").read_text()
    return pages


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_incremental_build_equals_clean_build(tmp_path, change):
    src = copy_root("qanda-basic", tmp_path / "incremental")
    before = outputs(Path(build(src).outdir))
    CHANGES[change](src)
    second = build(src)  # same output and environment: incremental
    assert "0 added, 0 changed" not in second.status.getvalue()
    clean = clean_build_of(src, tmp_path / "clean")
    assert second.warning.getvalue() == clean.warning.getvalue() == ""
    assert outputs(Path(second.outdir)) == outputs(Path(clean.outdir))
    assert before != outputs(Path(clean.outdir))


def test_unchanged_catalog_rewrites_only_the_edited_page(tmp_path):
    src = copy_root("qanda-basic", tmp_path)
    build(src)
    page = src / "answers" / "fraud.md"
    write(page, page.read_text().replace("gradient-boosted", "boosted-tree"))
    second = build(src)
    written = second.status.getvalue().split("writing output...")[1]
    assert "answers/fraud" in written
    assert "zeta-questions" not in written and "lists" not in written


def test_parallel_build_equals_serial_build(tmp_path):
    serial = build(copy_root("qanda-basic", tmp_path / "serial"), parallel=1)
    parallel = build(copy_root("qanda-basic", tmp_path / "parallel"), parallel=2)
    assert parallel.warning.getvalue() == ""
    assert outputs(Path(parallel.outdir)) == outputs(Path(serial.outdir))
