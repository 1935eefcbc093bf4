"""Every builder the book uses prints the sheet's values and tables, with no warning."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .qanda_helpers import build, copy_root, pdf_text, soup

PROSE = "Peak load is 740 authorizations a second; the budget is 65 ms"


@pytest.fixture
def source(tmp_path):
    return copy_root("numbers-basic", tmp_path)


@pytest.fixture(scope="module")
def html(tmp_path_factory):
    return build(copy_root("numbers-basic", tmp_path_factory.mktemp("html")))


def test_html_prints_values_in_prose_and_tables(html):
    page = soup(html, "fraud.html")
    assert html.warning.getvalue() == ""
    assert PROSE in " ".join(page.get_text().split())
    assert "$480M" in [cell.get_text() for cell in page.select("td")]


def test_html_sheet_table_has_figures_values_and_derivations(html):
    table = soup(html, "fraud.html").select_one("table.numbersheet-table")
    assert table.caption.get_text(strip=True).startswith("Traffic and latency")
    rows = [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in table.select("tbody tr")]
    assert rows[2] == ["Holiday peak, 8x the average (assumption) peak_tps", "740", "8 × avg_tps"]
    assert "Holds: latency_ms ≤ slo_ms (the budget fits)" in soup(html, "fraud.html").get_text(" ", strip=True)


def test_hidden_sheet_computes_without_a_table(html):
    page = soup(html, "fraud.html")
    assert len(page.select("table.numbersheet-table")) == 1
    assert "fraud_share" not in page.get_text()
    assert "Fraud is 0.4% of value." in " ".join(page.get_text().split())


def test_numbers_json_lists_every_figure_with_value_formula_and_description(html):
    data = json.loads((Path(html.outdir) / "numbers.json").read_text())
    pages = {page["page"]: page for page in data["pages"]}
    assert set(pages) == {"book-sheet", "fraud", "staffing", "local"}
    peak = next(f for f in pages["fraud"]["figures"] if f["name"] == "peak_tps")
    assert peak["value"] == pytest.approx(8 * 8_000_000 / 86_400)
    assert (peak["formula"], peak["shown"], peak["line"]) == ("8 * avg_tps", "740", 10)
    assert peak["description"] == "holiday peak, 8x the average (assumption)"
    assert pages["fraud"]["claims"] == [{"claim": "latency_ms <= slo_ms", "description": "the budget fits",
                                         "holds": True, "line": 13}]
    assert pages["fraud"]["url"] == "fraud.html"


def test_a_value_in_a_heading_shows_in_the_tables_of_contents(html):
    # Sphinx copies headings into tables of contents after post-transforms run.
    index = " ".join(soup(html, "index.html").get_text().split())
    assert "Local: 1 TB on disk" in index
    assert soup(html, "local.html").title.get_text().startswith("Local: 1 TB on disk")


@pytest.mark.parametrize("builder, page", [("dirhtml", "fraud/index.html"), ("singlehtml", "index.html"),
                                           ("epub", "fraud.xhtml")])
def test_other_html_builders(source, builder, page):
    app = build(source, builder)
    assert app.warning.getvalue() == ""
    text = " ".join(BeautifulSoup((Path(app.outdir) / page).read_text(), "html.parser").get_text().split())
    assert PROSE in text


def test_text_builder(source):
    app = build(source, "text")
    assert app.warning.getvalue() == ""
    text = (Path(app.outdir) / "fraud.txt").read_text()
    assert PROSE in " ".join(text.split())
    assert "| Holiday peak, 8x the average (assumption)" in text
    assert "Local: 1 TB on disk" in (Path(app.outdir) / "index.txt").read_text()


def test_latex_builder(source):
    app = build(source, "latex")
    assert app.warning.getvalue() == ""
    tex = (Path(app.outdir) / "numbers-test.tex").read_text()
    assert "Peak load is 740 authorizations a second" in tex
    assert r"\sphinxcaption{Traffic and latency}" in tex or "Traffic and latency" in tex
    assert r"\$480M" in tex
    assert r"\chapter{Local: 1 TB on disk}" in tex
    # Fixed column shares, so LaTeX cannot squeeze "8,000,000" into a clipped column.
    assert r"\begin{tabular}[t]{\X{40}{100}\X{18}{100}\X{42}{100}}" in tex
    # Names, formulas and long values may break inside their column.
    assert r"\sphinxcode{\sphinxupquote{tx\_\allowbreak{}per\_\allowbreak{}day}}" in tex
    assert r"8,\allowbreak{}000,\allowbreak{}000" in tex


def test_rst2pdf_builder(source, caplog):
    with caplog.at_level(logging.WARNING, logger="rst2pdf"):
        app = build(source, "pdf")
    assert app.warning.getvalue() == ""
    assert [r.getMessage() for r in caplog.records if r.name.startswith("rst2pdf")] == []
    text = pdf_text(app, "numbers-test.pdf")
    assert PROSE in " ".join(text.split())
    assert "Three engineers cost $810k a year." in " ".join(text.split())
    assert "Local: 1 TB on disk" in text
