"""The bookstats and website extensions: counts from the build, download links, sitemap order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from website.downloads import readthedocs_downloads_base

from .qanda_helpers import build, copy_root, soup
from .test_qanda_incremental import write

STATS = {"questions": "3", "answers": "2", "answered": "1", "terms": "2", "pages": "3", "chapters": "2"}
RTD_BASE = "https://mlsd.example.org/_/downloads/en/latest/"


def shown_stats(app, page: str = "stats.html") -> dict[str, str]:
    items = soup(app, page).select("article li, div.body li, main li")
    pairs = (item.get_text(" ", strip=True).split(": ", 1) for item in items)
    return {key: value for key, value in pairs}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return build(copy_root("bookstats", tmp_path_factory.mktemp("stats")))


def test_build_is_warning_free(app):
    assert app.warning.getvalue() == ""


def test_counts_come_from_the_sources(app):
    assert shown_stats(app) == STATS


def test_counts_appear_in_running_text(app):
    text = " ".join(soup(app, "index.html").select_one("section p").get_text().split())
    assert "holds 3 questions and 2 answers; 1 questions are answered." in text
    assert "Stage A has 3 pages, 2 of them chapters." in text
    assert "The glossary has 2 terms." in text


def test_parallel_build_shows_the_same_counts(tmp_path):
    parallel = build(copy_root("bookstats", tmp_path), parallel=2)
    assert parallel.warning.getvalue() == ""
    assert shown_stats(parallel) == STATS


def test_unchanged_pages_show_new_counts_after_an_incremental_build(tmp_path):
    src = copy_root("bookstats", tmp_path)
    outdir = tmp_path / "out" / "html"
    build(src, outdir=outdir)
    answers = src / "answers" / "fraud.md"
    write(answers, answers.read_text() + "\n::::{answer} demand-forecast\n\nPer-store model.\n::::\n")
    glossary = src / "glossary.md"
    write(glossary, glossary.read_text().replace(":::\n", "\nshadow test\n  Run the new model beside the old one.\n:::\n"))
    second = build(src, outdir=outdir)
    assert second.warning.getvalue() == ""
    assert shown_stats(second) == {**STATS, "answers": "3", "answered": "2", "terms": "3"}


def test_unknown_keys_and_folders_warn_with_the_place(tmp_path):
    src = copy_root("bookstats", tmp_path)
    (src / "stats.md").write_text("# Statistics\n\n{bookstat}`questoins` and {bookstat}`pages:nowhere`\n"
                                  "and {bookstat}`chapters:` and {bookdownload}`mobi`\n")
    warnings = build(src).warning.getvalue()
    assert re.search(r"stats\.md:3: WARNING: unknown statistic 'questoins'; known: questions, .*\[bookstats\.unknown\]",
                     warnings)
    assert re.search(r"stats\.md:3: WARNING: cannot count 'pages:nowhere': there is no folder 'nowhere' "
                     r"\[bookstats\.missing\]", warnings)
    assert "'chapters:' needs a folder name, as in 'chapters:serving'" in warnings
    assert re.search(r"stats\.md:3: WARNING: unknown download 'mobi'; known: pdf, epub \[website\.download\]", warnings)


def test_text_output_has_the_counts(tmp_path):
    text_app = build(copy_root("bookstats", tmp_path), "text")
    assert text_app.warning.getvalue() == ""
    text = (Path(text_app.outdir) / "stats.txt").read_text()
    assert "questions: 3" in text and "chapters: 2" in text


# -- download links ------------------------------------------------------------

def download_links(app, page: str) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in soup(app, page).select("a.bookdownload")]


def test_local_download_links_are_relative_to_each_page(app):
    assert download_links(app, "index.html") == [("PDF", "_downloads-book/stats.pdf"),
                                                 ("the ePub", "_downloads-book/stats.epub")]
    assert download_links(app, "stage-a/index.html") == [("PDF", "../_downloads-book/stats.pdf")]


def test_read_the_docs_links_go_to_its_offline_formats(tmp_path):
    rtd = build(copy_root("bookstats", tmp_path), confoverrides={"website_readthedocs_downloads": RTD_BASE})
    assert download_links(rtd, "index.html") == [("PDF", f"{RTD_BASE}pdf/"), ("the ePub", f"{RTD_BASE}epub/")]


@pytest.mark.parametrize("builder", ["epub", "text"])
def test_outputs_outside_the_website_show_the_text_without_a_link(tmp_path, builder):
    other = build(copy_root("bookstats", tmp_path), builder)
    assert other.warning.getvalue() == ""
    suffix = {"epub": ".xhtml", "text": ".txt"}[builder]
    page = (Path(other.outdir) / f"index{suffix}").read_text()
    assert "_downloads-book" not in page
    assert "Download the PDF or the ePub" in re.sub(r"<[^>]+>|\s+", lambda m: " " if m.group().isspace() else "", page)


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, ""),
    ({"READTHEDOCS": "False", "READTHEDOCS_CANONICAL_URL": "https://b.readthedocs.io/en/latest/"}, ""),
    ({"READTHEDOCS": "True", "READTHEDOCS_CANONICAL_URL": "https://b.readthedocs.io/en/latest/"},
     "https://b.readthedocs.io/_/downloads/en/latest/"),
    ({"READTHEDOCS": "True", "READTHEDOCS_CANONICAL_URL": "https://b.readthedocs.io/fr/stable/",
      "READTHEDOCS_LANGUAGE": "fr", "READTHEDOCS_VERSION": "stable"},
     "https://b.readthedocs.io/_/downloads/fr/stable/"),
    ({"READTHEDOCS": "True", "READTHEDOCS_CANONICAL_URL": "https://book.example.org/"},
     "https://book.example.org/_/downloads/en/latest/"),
    # A pull-request preview has no PDF or ePub of its own: link the published book's.
    ({"READTHEDOCS": "True", "READTHEDOCS_VERSION_TYPE": "external", "READTHEDOCS_VERSION": "42",
      "READTHEDOCS_CANONICAL_URL": "https://b--42.org.readthedocs.build/en/42/"},
     "https://b.readthedocs.io/_/downloads/en/latest/"),
])
def test_read_the_docs_downloads_address(environ, expected):
    assert readthedocs_downloads_base(environ) == expected


# -- diagrams ------------------------------------------------------------------

def test_diagrams_are_named_by_their_caption(app):
    diagram = soup(app, "diagram.html").select_one("object.graphviz")
    name = "Diagram: Requests flow from the app to the ranker"
    assert (diagram["role"], diagram["aria-label"]) == ("img", name)
    assert diagram.get_text(strip=True) == name  # the fallback, instead of the dot source


# -- sitemap -------------------------------------------------------------------

def sitemap_locations(app) -> list[str]:
    return re.findall(r"<loc>([^<]+)</loc>", (Path(app.outdir) / "sitemap.xml").read_text())


def test_sitemap_is_sorted_whatever_order_pages_are_written_in(tmp_path):
    parallel = build(copy_root("bookstats", tmp_path), parallel=2)
    locations = sitemap_locations(parallel)
    assert "https://example.org/book/stage-a/two.html" in locations
    assert locations == sorted(locations)
