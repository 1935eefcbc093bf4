"""The built website's reader features, read from the files: social cards, sitemap, 404 page,
edit and repository links, copy buttons, and the landing page's place in the print editions.
What needs a browser is in test_browser.py."""

from __future__ import annotations

import pickle
import re
import sys
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from book_facts import STAGES

BASE_URL = "https://mlsd-book.readthedocs.io/en/latest/"
REPOSITORY = "https://github.com/mlsd-book/mlsd-book"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def html(book_html, page: str) -> BeautifulSoup:
    return BeautifulSoup((book_html.dir / "html" / page).read_text(encoding="utf-8"), "html.parser")


def environment(book_html):
    sys.path.insert(0, str(book_html.source / "_ext"))
    with open(book_html.dir / "doctrees" / "html" / "environment.pickle", "rb") as stream:
        return pickle.load(stream)


def meta(page: BeautifulSoup, key: str) -> str:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else ""


@pytest.mark.parametrize("page", ["index.html", "serving/index.html", "questions/card-fraud.html"])
def test_pages_have_a_description_and_a_social_card(book_html, page):
    soup = html(book_html, page)
    assert meta(soup, "og:url") == BASE_URL + page
    assert len(meta(soup, "description").split()) >= 10
    assert meta(soup, "og:description") == meta(soup, "description")
    card = meta(soup, "og:image")
    assert card.startswith(BASE_URL + "_images/social_previews/") and card.endswith(".png")
    assert (book_html.dir / "html" / card[len(BASE_URL):]).read_bytes()[:4] == b"\x89PNG"


def test_sitemap_lists_every_page_once_in_order(book_html):
    tree = ElementTree.parse(book_html.dir / "html" / "sitemap.xml")
    locations = [loc.text for loc in tree.getroot().iter(f"{SITEMAP_NS}loc")]
    pages = {f"{BASE_URL}{doc}.html" for doc in environment(book_html).found_docs}
    assert locations == sorted(pages)


def test_404_page_links_its_assets_from_the_site_root(book_html):
    soup = html(book_html, "404.html")
    assert soup.select_one("article h1").get_text() == "Page not found"
    assets = [tag.get("href") or tag.get("src") for tag in soup.select("link[rel=stylesheet], script[src]")]
    assert assets and all(re.match(r"/[_a-z]", asset) for asset in assets), assets
    assert soup.find("a", string="home page")["href"] == "/index.html"


@pytest.mark.parametrize("doc", [f"{stage}/index" for stage in STAGES] + ["answers/card-fraud", "index"])
def test_every_page_has_edit_repository_and_issue_links(book_html, doc):
    soup = html(book_html, f"{doc}.html")
    assert soup.select_one("a.btn-source-edit-button")["href"] == f"{REPOSITORY}/edit/main/{doc}.md"
    assert soup.select_one("a.btn-source-repository-button")["href"] == REPOSITORY
    assert soup.select_one("a.btn-source-issues-button")["href"].startswith(f"{REPOSITORY}/issues/new")


def test_code_pages_load_the_copy_button(book_html):
    soup = html(book_html, "about/how-to-cite.html")
    assert soup.select("div.highlight pre")
    assert any(script["src"].split("?")[0].endswith("copybutton.js") for script in soup.select("script[src]"))


def test_errata_and_changelog_are_in_the_about_pages(book_html):
    env = environment(book_html)
    assert {"about/errata", "about/changelog"} <= set(env.toctree_includes["about/index"])
    labels = env.domaindata["std"]["labels"]
    assert labels["about-errata"][0] == "about/errata" and labels["about-changelog"][0] == "about/changelog"


def test_landing_page_cards_reach_every_part(book_html):
    cards = html(book_html, "index.html").select(".sd-card a.sd-stretched-link")
    assert [a["href"] for a in cards] == [*(f"{stage}/index.html" for stage in STAGES),
                                          "questions/index.html", "answers/index.html"]


def test_root_toctree_is_hidden_behind_the_cards(book_html):
    soup = html(book_html, "index.html")
    assert soup.select("article .toctree-wrapper a") == []


def test_landing_sections_are_front_matter_in_the_latex_book(book_latexpdf):
    tex = (book_latexpdf.dir / "latex" / "mlsd-book.tex").read_text(encoding="utf-8")
    chapters = re.findall(r"\\chapter\{([^}]*)\}", tex)
    assert chapters[:5] == ["Introduction: how to use this book", "Project setup", "Data pipeline", "Modeling", "Serving"]
    assert "The book at a glance" not in chapters and "How to cite" not in chapters
    assert tex.index("The book at a glance") < tex.index(r"\chapter{Introduction: how to use this book}")


def test_epub_pages_carry_no_website_scripts(book_epub):
    epub = next((book_epub.dir / "epub").glob("*.epub"))
    import zipfile

    with zipfile.ZipFile(epub) as book:
        pages = [name for name in book.namelist() if name.endswith(".xhtml")]
        assert pages and not any(b"<script" in book.read(name) for name in pages)


# -- the header's book downloads and the search weights (_ext/website/), no build needed --

class FakeEnvironment:
    """Stands for a build's environment, which outputs.py maps to its builder."""


def fake_app(readthedocs: str = ""):
    from types import SimpleNamespace

    import outputs

    config = SimpleNamespace(website_readthedocs_downloads=readthedocs, website_downloads_dir="_downloads-book",
                             website_downloads={"pdf": "mlsd-book.pdf", "epub": "mlsd-book.epub"},
                             html_search_language=None, language="en", html_search_options={})
    builder = SimpleNamespace(name="html", format="html", get_target_uri=lambda doc: f"{doc}.html")
    app = SimpleNamespace(config=config, builder=builder, env=FakeEnvironment())
    outputs.record_builder(app)
    return app


@pytest.mark.parametrize("readthedocs, pdf", [
    ("", "../_downloads-book/mlsd-book.pdf"),
    ("https://mlsd-book.readthedocs.io/_/downloads/en/latest/", "https://mlsd-book.readthedocs.io/_/downloads/en/latest/pdf/"),
])
def test_header_download_menu_replaces_nothing_but_leads_to_the_book(readthedocs, pdf):
    from website.downloads import book_download_buttons

    context = {"header_buttons": [{"type": "group", "label": "source-buttons", "buttons": []}]}
    book_download_buttons(fake_app(readthedocs), "questions/card-fraud", "page.html", context, None)
    menu, source = context["header_buttons"]
    assert source["label"] == "source-buttons" and menu["label"] == "book-downloads"
    assert [(b["text"], b["url"]) for b in menu["buttons"]][0] == ("PDF", pdf)
    assert [b["text"] for b in menu["buttons"]] == ["PDF", "ePub"]
    epub = fake_app()
    epub.builder.embedded = True  # the ePub builder's pages: no header menu, whatever the theme offers
    context = {"header_buttons": []}
    book_download_buttons(epub, "index", "page.html", context, None)
    assert context == {"header_buttons": []}


def test_search_weights_keep_only_counts_that_change_an_order():
    from website.search_weights import search_weights

    weights = search_weights({"b": {"leakag": 5, "rare": 3}, "a": {"leakag": 2}, "c": {}})
    assert weights == {"docs": ["a", "b"], "terms": {"leakag": [0, 2, 1, 5]}}


def test_term_counts_read_a_page_as_the_search_index_does():
    from docutils.core import publish_doctree

    from website.search_weights import term_counts

    doctree = publish_doctree("Leakage\n=======\n\nData leakage, leaked labels and a split.\n")
    counts = term_counts(fake_app().config, doctree)
    assert counts == {"leakag": 2}  # the title and the text, stemmed as the index stems; "leaked" once
