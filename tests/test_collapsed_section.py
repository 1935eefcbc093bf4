"""collapsed-section folds the rest of its section in the website, and nowhere else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .qanda_helpers import build, copy_root, pdf_text, soup


@pytest.fixture
def source(tmp_path):
    src = copy_root("collapsed-section", tmp_path)
    (src / "misplaced.md").unlink()
    return src


def test_html_folds_the_rest_of_the_section_into_details(source):
    app = build(source)
    assert app.warning.getvalue() == ""
    page = soup(app, "index.html")
    fold = page.select_one("details.collapsed-section")
    assert fold.summary.get_text() == "Show the details"
    assert [h.get_text(strip=True).rstrip("¶") for h in fold.select("h3")] == ["Budget", "Follow-ups"]
    assert "Always shown." not in fold.get_text()
    assert fold.find(id="budget") is not None  # links to folded sections still land


def test_epub_shows_everything(source):
    app = build(source, "epub")
    assert app.warning.getvalue() == ""
    page = (Path(app.outdir) / "index.xhtml").read_text()
    assert "<details" not in page and "Folded text about the budget." in page


def test_latex_and_rst2pdf_show_everything(source):
    latex = build(source, "latex")
    assert latex.warning.getvalue() == ""
    assert r"Folded text about follow\sphinxhyphen{}ups." in (Path(latex.outdir) / "collapsed-test.tex").read_text()
    pdf = build(source, "pdf")
    assert "Folded text about the budget." in pdf_text(pdf, "collapsed-test.pdf")


def test_a_marker_outside_a_section_body_is_a_located_warning(tmp_path):
    app = build(copy_root("collapsed-section", tmp_path))
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).strip().splitlines()
    assert len(warnings) == 1
    assert re.search(r"misplaced\.md:\d+: WARNING: collapsed-section must stand directly under", warnings[0])
