"""Names and lists in a real browser (issue 22): numbered titles, the sidebar, practice lists.

A question's page is titled with its numbered heading everywhere a reader meets it (the
page, the browser tab, the sidebar, prev/next), and shows it once; an answer's page is
titled "Answer to Question N: ...", on one line, and listed in the sidebar by number;
a chapter's practice list is a table; practice mode stays on the answer pages and the
question bank's index. Each check runs at 1280 and 375 px, in light and dark mode, and
axe must find nothing serious or critical on the pages involved.

The site is the one conftest.py serves (``BOOK_HTML`` checks a quick HTML build instead).
"""

from __future__ import annotations

import re

import pytest

from book_facts import NOT_QUESTIONS

from .browser_helpers import expect


@pytest.fixture
def tab(look):
    """Here every tab is one of conftest's `look`s: each width and color scheme in turn."""
    return look


QUESTION, ANSWER, BANK = "questions/card-fraud.html", "answers/card-fraud.html", "questions/index.html"
CHAPTER = "project-setup/index.html"
NUMBERED_QUESTION = re.compile(r"^Question \d+: \S")
NUMBERED_ANSWER = re.compile(r"^\d+(\.\d+)?\. \S")


def heading(page) -> str:
    """The page's H1 as a reader sees it, without the theme's "#" link."""
    return page.locator("article h1").first.evaluate(
        "h => { const c = h.cloneNode(true); c.querySelectorAll('.headerlink').forEach(a => a.remove());"
        " return c.textContent.trim(); }")


def sidebar(page, base: str) -> dict[str, str]:
    """Sidebar entries by page address from the site root (the sidebar is a drawer on a
    phone: read, not seen); the current page's own entry is there too."""
    entries = {}
    for link in page.locator("nav.bd-docs-nav a.reference.internal").all():
        href = link.evaluate("a => a.href").split("#")[0]
        entries[href.removeprefix(base)] = link.evaluate("a => a.textContent").strip()
    return entries


def test_a_question_page_is_named_by_its_numbered_heading_once(tab):
    page = tab.open(QUESTION)
    title = heading(page)
    assert title == "Question 2: Stop fraudulent card payments before they are approved"
    expect(page).to_have_title(re.compile("^" + re.escape(title) + " "))
    assert page.locator("article").inner_text().count(title) == 1  # the box does not repeat it
    expect(page.locator("#card-fraud .qanda-title")).to_have_count(0)
    expect(page.locator("#card-fraud .qanda-meta")).to_be_visible()
    assert sidebar(page, tab.base)[QUESTION] == title
    for name in page.locator(".prev-next-area .prev-next-title").all_inner_texts():
        assert NUMBERED_QUESTION.match(name), name


def test_the_sidebar_numbers_questions_and_does_not_repeat_worked_answer(tab):
    page = tab.open(ANSWER)
    entries = sidebar(page, tab.base)
    questions = {href: text for href, text in entries.items() if href.startswith("questions/")
                 and not href.endswith(tuple(f"{name}.html" for name in NOT_QUESTIONS))}
    answers = {href: text for href, text in entries.items() if href.startswith("answers/")
               and not href.endswith("index.html")}
    assert len(questions) >= 40 and all(NUMBERED_QUESTION.match(t) for t in questions.values()), questions
    assert len(answers) >= 27 and all(NUMBERED_ANSWER.match(t) for t in answers.values()), answers
    assert not [t for t in entries.values() if ": a worked answer" in t]
    assert answers[ANSWER] == "2. Stop fraudulent card payments before they are approved"
    assert questions[QUESTION] == "Question 2: Stop fraudulent card payments before they are approved"


def test_the_answer_heading_reads_on_one_line_and_links_its_question(tab):
    page = tab.open(ANSWER)
    title = heading(page)
    assert title == "Answer to Question 2: Stop fraudulent card payments before they are approved"
    expect(page).to_have_title(re.compile("^" + re.escape(title) + " "))
    link = page.locator("article h1 a.qanda-question-link")
    expect(link).to_have_attribute("href", "../questions/card-fraud.html#card-fraud")
    # the words and the link flow as one line of text (a flex column put them on two)
    h1 = page.locator("article h1").first
    assert h1.evaluate("h => getComputedStyle(h).display") == "block"
    if page.viewport_size["width"] >= 768:  # on a phone the 42 px words wrap where they must
        tops = h1.evaluate(
            "h => { const r = document.createRange(); r.selectNodeContents(h.firstChild);"
            " const link = h.querySelector('a.qanda-question-link');"
            " return [r.getClientRects()[0].top, link.getClientRects()[0].top]; }")
        assert abs(tops[0] - tops[1]) < 2, tops
    assert page.locator("article").inner_text().count(title) == 1


def test_a_chapters_practice_list_is_a_compact_table_and_no_practice_switch(tab):
    page = tab.open(CHAPTER)
    expect(page.locator("button.practice-mode-toggle")).to_have_count(0)
    table = page.locator("#project-setup-practice-questions table.qanda-questionlist")
    expect(table).to_have_count(1)
    expect(table.locator("thead th")).to_have_text(["No.", "Question", "Difficulty", "Stages"])
    rows = table.locator("tbody tr")
    assert rows.count() >= 10
    first = rows.first.locator("td").all_inner_texts()
    assert first[0] == "1" and first[2] in ("Easy", "Medium", "Hard"), first
    assert "(" not in rows.first.inner_text()  # no raw metadata in parentheses
    assert "All stages" in table.locator("tbody td:nth-child(4)").all_inner_texts()
    rows.nth(1).locator("a").click()
    expect(page).to_have_url(re.compile(r"/questions/card-fraud\.html#card-fraud$"))
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_practice_mode_is_offered_on_the_bank_index_and_answer_pages_only(tab):
    for path in (BANK, ANSWER):
        page = tab.open(path)
        expect(page.locator("button.practice-mode-toggle")).to_have_count(1)
    page = tab.open(QUESTION)
    expect(page.locator("button.practice-mode-toggle")).to_have_count(0)


def test_axe_finds_nothing_serious_on_the_renamed_pages_and_the_tables(tab):
    from axe_playwright_python.sync_playwright import Axe

    axe, found = Axe(), []
    for path in (QUESTION, ANSWER, CHAPTER, BANK):
        page = tab.open(path)
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
        tab.watching = False  # axe's own stylesheet fetches
        violations = axe.run(page).response["violations"]
        tab.watching = True
        found += [f"{path}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes'][:3]]}"
                  for v in violations if v["impact"] in ("serious", "critical")]
    assert found == []
