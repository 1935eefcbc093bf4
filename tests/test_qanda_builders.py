"""Every builder the book uses renders the question bank with no warning and working links."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .qanda_helpers import build, copy_root, pdf_text

DROPDOWN_TEXT = "A lean design: BM25 and a linear reranker."


@pytest.fixture
def source(tmp_path):
    return copy_root("qanda-basic", tmp_path)


def test_latex_links_resolve_and_dropdown_is_in_full(source):
    app = build(source, "latex")
    assert app.warning.getvalue() == ""
    tex = (Path(app.outdir) / "qanda-test.tex").read_text()
    assert "Question 1: Detect card fraud" in tex
    assert "A lean design: BM25 and a linear reranker." in tex
    targets = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    links = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex))
    assert {"answers/fraud:answer-card-fraud", "zeta-questions:card-fraud"} <= links
    assert links <= targets


def test_epub_shows_dropdown_answers_in_full(source):
    app = build(source, "epub")
    assert app.warning.getvalue() == ""
    page = (Path(app.outdir) / "answers" / "search.xhtml").read_text()
    assert "<details" not in page
    assert DROPDOWN_TEXT in page
    assert 'href="../zeta-questions.xhtml#search-ranking"' in page


def test_singlehtml_links_stay_on_the_one_page(source):
    app = build(source, "singlehtml")
    assert app.warning.getvalue() == ""
    page = BeautifulSoup((Path(app.outdir) / "index.html").read_text(), "html.parser")
    hrefs = [a["href"] for a in page.select(".qanda-question a, .qanda-answer a, .qanda-questionlist a")]
    assert hrefs and all(h.startswith("#") and "#" not in h[1:] for h in hrefs if not h.startswith("http"))
    ids = {tag["id"] for tag in page.select("[id]")}
    assert {h[1:] for h in hrefs if h.startswith("#")} <= ids


def test_dirhtml_links_point_at_existing_anchors(source):
    app = build(source, "dirhtml")
    assert app.warning.getvalue() == ""
    page = BeautifulSoup((Path(app.outdir) / "answers" / "fraud" / "index.html").read_text(), "html.parser")
    link = page.select_one("a.qanda-question-link")["href"]
    path, anchor = link.split("#")
    target = (Path(app.outdir) / "answers" / "fraud" / path / "index.html").resolve()
    assert BeautifulSoup(target.read_text(), "html.parser").find(id=anchor) is not None


def test_text_builder_writes_headings_and_answer_lists(source):
    app = build(source, "text")
    assert app.warning.getvalue() == ""
    text = (Path(app.outdir) / "zeta-questions.txt").read_text()
    assert "Question 2: Rank search results" in text
    assert "Answer 2.2" in text
    assert "*Data pipeline* · *Modeling* · *Hard* · *fraud*" in text


def test_rst2pdf_renders_without_its_own_warnings(source, caplog):
    with caplog.at_level(logging.WARNING, logger="rst2pdf"):
        app = build(source, "pdf")
    assert app.warning.getvalue() == ""
    assert [r.getMessage() for r in caplog.records if r.name.startswith("rst2pdf")] == []
    text = pdf_text(app, "qanda-test.pdf")
    assert "Question 1: Detect card fraud" in text
    assert "Answer 2.2 to Question 2: Rank search results" in text
    assert DROPDOWN_TEXT in text
