"""The site's chrome in a real browser: the question and answer boxes, the one search box,
the article header, its book downloads, and how search ranks and summarises its results.

Each check runs at 1280 px and 375 px, in light and dark mode, on the site that
conftest.py serves (``BOOK_HTML`` checks a quick HTML build instead).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from .browser_helpers import expect
from .test_browser import SEARCH_HIT


QUESTION, ANSWER = "questions/card-fraud.html", "answers/card-fraud.html"
CHAPTER = "data-pipeline/leakage-and-skew.html"


def px(value: str) -> float:
    return float(value.removesuffix("px"))


# -- question and answer boxes ----------------------------------------------------

@pytest.mark.parametrize("path, box", [(QUESTION, ".qanda-question"), (ANSWER, ".qanda-answer")])
def test_question_and_answer_text_keeps_clear_of_the_box_edges(look, path, box):
    page = look.open(path)
    element = page.locator(box).first
    style = element.evaluate("e => { const s = getComputedStyle(e); return [s.paddingLeft, s.paddingRight] }")
    assert all(px(side) >= 12 for side in style), style
    outer = element.bounding_box()
    border = px(element.evaluate("e => getComputedStyle(e).borderLeftWidth"))
    for text in element.locator(":scope > p, :scope > ul").all()[:4]:
        inner = text.bounding_box()
        assert inner["x"] - (outer["x"] + border) >= 12, (path, inner, outer)
        assert (outer["x"] + outer["width"]) - (inner["x"] + inner["width"]) >= 12, (path, inner, outer)


# -- one search box, and a header that earns its space ------------------------------

def visible_search_buttons(page) -> list:
    return [b for b in page.locator(".search-button__button").all() if b.is_visible()]


@pytest.mark.parametrize("path", ["index.html", CHAPTER, QUESTION])
def test_one_search_box_in_the_article_header(look, path):
    page = look.open(path)
    # no top bar above the article header: no second search box, no empty strip on a phone
    expect(page.locator("#pst-header .bd-header__inner")).to_have_count(0)
    assert page.evaluate("document.getElementById('pst-header').getBoundingClientRect().height") < 1
    buttons = visible_search_buttons(page)
    assert len(buttons) == 1
    assert buttons[0].evaluate("b => !!b.closest('.bd-header-article')")
    expect(page.locator(".bd-sidebar-primary .search-button__button")).to_have_count(0)
    expect(page.locator(".bd-sidebar-primary form.bd-search")).to_have_count(0)
    header = page.locator(".bd-header-article").bounding_box()
    assert header["y"] <= 1 and header["height"] <= 64, header
    if look.phone:  # the menu, the page's contents and four buttons between them at most
        controls = [c for c in page.locator(".bd-header-article button, .bd-header-article a").all()
                    if c.is_visible() and not c.evaluate("c => !!c.closest('.dropdown-menu')")]
        assert len(controls) <= 6, [c.get_attribute("class") for c in controls]
        expect(buttons[0].locator(".mlsd-search__text")).to_be_hidden()
    else:
        expect(buttons[0].locator(".mlsd-search__text")).to_be_visible()
    expect(page.locator(".btn-fullscreen-button")).to_have_count(0)


def test_the_search_box_and_its_shortcut_open_the_search_dialog(look):
    page = look.open(CHAPTER)
    visible_search_buttons(page)[0].click()
    field = page.get_by_role("dialog").get_by_role("searchbox")
    expect(field).to_be_focused()
    field.press("Escape")
    expect(field).to_be_hidden()
    page.keyboard.press("Control+k")
    expect(field).to_be_focused()
    field.fill("leakage")
    field.press("Enter")
    expect(page).to_have_url(re.compile(r"/search\.html\?q=leakage"))


# -- the book's downloads in the header ---------------------------------------------------

@pytest.mark.parametrize("path", ["index.html", QUESTION, CHAPTER])
def test_header_download_menu_offers_the_books_pdf_and_epub(site_downloads, look, path):
    page = look.open("index.html")
    in_text = {link.inner_text(): urljoin(page.url, link.get_attribute("href"))
               for link in page.locator("a.bookdownload").all()}
    page = look.open(path)
    expect(page.locator(".btn-download-source-button, .btn-download-pdf-button")).to_have_count(0)
    menu = page.get_by_role("button", name="Download the book")
    expect(menu).to_be_visible()
    menu.click()
    items = page.locator(".dropdown-book-downloads .dropdown-menu a")
    expect(items).to_have_count(2)
    expect(items.first).to_be_visible()
    found = {item.inner_text().strip(): urljoin(page.url, item.get_attribute("href")) for item in items.all()}
    assert found == in_text == {"PDF": found["PDF"], "ePub": found["ePub"]}
    for address in found.values():
        assert page.request.get(address).status == 200, address


# -- search -----------------------------------------------------------------------------

def search(tab, query: str):
    page = tab.open(f"search.html?q={query}")
    results = page.locator("#search-results ul.search > li")
    expect(results.first).to_be_visible(timeout=15_000)
    # finished (Sphinx has put its title back) and every summary fetched
    page.wait_for_function("""() => Search.title && Search.title.innerText === Documentation.gettext(
        'Search Results') && [...document.querySelectorAll(
        '#search-results ul.search > li')].every(li => li.querySelector('p.context, span'))""", timeout=40_000)
    return page, results


def test_search_ranks_headings_first_then_pages_by_how_much_they_say(look):
    page, results = search(look, "leakage")
    rows = [(li.get_attribute("class"), float(li.locator("a").first.get_attribute("data-score")),
             li.locator("a").first.get_attribute("href")) for li in results.all()]
    scores = [score for _kind, score, _href in rows]
    assert scores == sorted(scores, reverse=True)
    kinds = [kind for kind, _score, _href in rows]
    first_text = kinds.index("kind-text")
    assert first_text > 0 and all(k != "kind-text" for k in kinds[:first_text])
    assert all(k == "kind-text" for k in kinds[first_text:])
    # the chapter about it comes first among the pages that only mention it
    assert rows[first_text][2].split("#")[0].endswith(SEARCH_HIT), rows[:first_text + 1]
    # and the rest is not simply alphabetical
    titles = [li.locator("a").first.inner_text() for li in results.all()[first_text:]]
    assert titles != sorted(titles, key=str.lower)


def test_search_snippets_are_readable_text(look):
    page, results = search(look, "leakage")
    for li in results.all()[:6]:
        snippet = li.locator("p.context")
        expect(snippet).to_have_count(1, timeout=15_000)
        text = snippet.inner_text()
        assert text and "System Settings" not in text and "Light Dark" not in text, text
        assert len(text) <= 230, text
    # a table row reads as its cells, and a page found by its title shows how it begins
    summary = page.evaluate("""() => [
        Search.makeSearchSummary('<main role="main"><article class="bd-article"><h1>Costs</h1>'
          + '<table><tr><td>Leakage</td><td>split by time</td></tr></table></article></main>',
          ['leakag'], '').textContent,
        Search.makeSearchSummary('<main role="main"><article class="bd-article"><h1>Leakage</h1>'
          + '<p>First words.</p><p>About leakage.</p></article></main>', ['leakag'], '').textContent]""")
    assert summary == ["Leakage · split by time", "First words."]


def test_search_results_and_header_menus_pass_axe(look):
    from axe_playwright_python.sync_playwright import Axe

    axe, found = Axe(), []
    for path in ("search.html?q=leakage", QUESTION):
        page = search(look, "leakage")[0] if path.startswith("search") else look.open(path)
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
        if path == QUESTION:
            page.get_by_role("button", name="Download the book").click()
        look.watching = False  # axe fetches stylesheets itself; its failed fetches are its own
        violations = axe.run(page).response["violations"]
        look.watching = True
        found += [f"{path}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes'][:3]]}"
                  for v in violations if v["impact"] in ("serious", "critical")]
    assert found == []
