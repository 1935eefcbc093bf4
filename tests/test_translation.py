"""A translation of a tiny book, made the way CONTRIBUTING.md says: the gettext
builder writes the templates, sphinx-intl starts language "xx" from them, a
translator fills in a few messages, and the book is built with language=xx.

The question's title (a directive argument) and the extensions' words
(qanda, numbersheet, collapsed-section) reach the templates and come out
translated, and practice mode speaks the page's language in a browser.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from playwright.sync_api import expect, sync_playwright

from .conftest import BOOK_ROOT
from .qanda_helpers import build, copy_root, soup

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]

# The book's own scripts, as conf.py loads them.
SCRIPTS = {
    "html_static_path": [str(BOOK_ROOT / "_static")],
    "html_js_files": ["theme-fixes.js", ("practice-mode.js", {"defer": "defer"})],
}

# catalog -> {English: pseudo-translation}; plural messages give (singular, plural).
TRANSLATIONS = {
    "questions": {
        "Detect card fraud": "Kxrtx frxxd dxtxctxd",
        "Flag fraudulent card payments before they are approved.": "Flxg thx pxymxnts.",
    },
    "qanda": {
        "Question {number}: {title}": "Qx {number} — {title}",
        "Answer to {question}": "Rxply fxr {question}",
        "By {author}": "Wrxttxn by {author}",
        "No answer yet.": "Nx rxply yxt.",
        "Contribute an answer": "Sxnd x rxply",
        "Medium": "Mxdxxm",
        "Modeling": "Mxdxllxng",
        "All stages": "Xll stxgxs",
        "{number}. {title}": "{number}) {title}",
        "Practice mode: off": "Prxctxcx: xff",
        "Hides each part of this answer until you reveal it.": "Hxdxs thx pxrts.",
        "Reveal: {part}": "Shxw {part}",
    },
    "numbersheet": {"Figure": "Fxgxrx", "Holds:": "Trxx:"},
    "collapsed_section": {"Show more": "Shxw mxrx"},
}


def translate(po_file: Path, messages: dict) -> None:
    with po_file.open("rb") as stream:
        catalog = read_po(stream)
    for english, translated in messages.items():
        message = catalog[english[0] if isinstance(english, tuple) else english]
        assert message is not None, f"{english!r} is not in {po_file.name}"
        message.string = translated
    with po_file.open("wb") as stream:
        write_po(stream, catalog)


@pytest.fixture(scope="module")
def translated(tmp_path_factory):
    """The test book: its templates, then its build in language xx."""
    src = copy_root("translation", tmp_path_factory.mktemp("translation"))
    templates = Path(build(src, "gettext").outdir)
    subprocess.run([sys.executable, "-m", "sphinx_intl", "update", "-p", str(templates),
                    "-l", "xx", "-d", str(src / "locale")], check=True, capture_output=True)
    messages = src / "locale" / "xx" / "LC_MESSAGES"
    for catalog, entries in TRANSLATIONS.items():
        translate(messages / f"{catalog}.po", entries)
    app = build(src, "html", confoverrides={"language": "xx", **SCRIPTS})
    return {"src": src, "templates": templates, "app": app}


def test_templates_hold_the_titles_and_the_extensions_words(translated):
    templates = translated["templates"]
    assert 'msgid "Detect card fraud"' in (templates / "questions.pot").read_text(encoding="utf-8")
    qanda = (templates / "qanda.pot").read_text(encoding="utf-8")
    for message in ("Question {number}", "Answer to {question}", "Answer {number} to {question}",
                    "By {author}", "No answer yet.", "Contribute an answer", "Show answer",
                    "No questions yet.", "Easy", "Hard", "Data pipeline", "Practice mode: on",
                    "Pages in {title}"):
        assert f'msgid "{message}"' in qanda, message
    assert 'msgid "{number}. {title}"' in qanda and 'msgid "Stages"' in qanda
    assert 'msgid "How it is derived"' in (templates / "numbersheet.pot").read_text(encoding="utf-8")
    assert 'msgid "Show more"' in (templates / "collapsed_section.pot").read_text(encoding="utf-8")
    # the rendered headings are not messages of the pages: only what the author wrote is
    assert "Question 1" not in (templates / "questions.pot").read_text(encoding="utf-8")


def test_question_and_answer_headings_are_translated(translated):
    app = translated["app"]
    questions = soup(app, "questions.html")
    fraud = questions.select_one("#card-fraud")
    assert fraud.select_one(".qanda-title").get_text() == "Qx 1 — Kxrtx frxxd dxtxctxd"
    assert "Flxg thx pxymxnts." in fraud.get_text()
    badges = [badge.get_text() for badge in fraud.select(".qanda-badge")]
    assert badges == ["Data pipeline", "Mxdxllxng", "Mxdxxm"]
    search = questions.select_one("#search-ranking")
    assert search.select_one(".qanda-title").get_text() == "Qx 2 — Rank search results"
    assert search.select_one(".qanda-no-answer").get_text(" ", strip=True) == "Nx rxply yxt. Sxnd x rxply"
    listed = [[cell.get_text(" ", strip=True) for cell in row.select("td")]
              for row in questions.select(".qanda-questionlist tbody tr")]
    assert listed[0] == ["1", "Kxrtx frxxd dxtxctxd", "Mxdxxm", "Xll stxgxs"]  # both of its stages

    answers = soup(app, "answers.html")  # the page of one answer takes its heading as title
    heading = answers.h1
    assert heading.get_text().rstrip("¶#") == "Rxply fxr Qx 1 — Kxrtx frxxd dxtxctxd"
    assert "1) Kxrtx frxxd dxtxctxd" in [a.get_text() for a in soup(app, "index.html").select(".toctree-wrapper a")]
    assert heading.select_one("a.qanda-question-link").get_text() == "Qx 1 — Kxrtx frxxd dxtxctxd"
    assert answers.select_one(".qanda-author").get_text() == "Wrxttxn by Ada"
    assert answers.select_one("details.collapsed-section summary").get_text() == "Shxw mxrx"
    assert [th.get_text(strip=True) for th in answers.select(".numbersheet-table th")][0] == "Fxgxrx"
    assert answers.select_one(".numbersheet-claims li").get_text().startswith("Trxx: ")


def test_practice_mode_speaks_the_pages_language(translated):
    outdir = Path(translated["app"].outdir)
    catalog = (outdir / "_static" / "locale" / "xx.js").read_text(encoding="utf-8")
    assert '"Practice mode: off": "Prxctxcx: xff"' in catalog
    page = soup(translated["app"], "answers.html")
    assert page.html["lang"] == "xx"
    assert any(script.get("src", "").split("?")[0] == "_static/locale/xx.js" for script in page.find_all("script"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page()
            tab.goto((outdir / "answers.html").as_uri())
            toggle = tab.locator(".practice-mode-toggle")
            expect(toggle).to_have_text("Prxctxcx: xff")
            expect(tab.locator(".practice-mode-note")).to_have_text("Hxdxs thx pxrts.")
            toggle.click()
            # untranslated words stay English: "Practice mode: on" has no translation here
            expect(toggle).to_have_text("Practice mode: on")
            expect(tab.locator(".practice-reveal").first).to_have_text("Shxw Summary of the design")
        finally:
            browser.close()


def test_english_build_is_untouched_by_the_translation(translated, tmp_path):
    """Built after the translation, in the same process: no translated word carries over."""
    app = build(translated["src"], "html", outdir=tmp_path / "html", confoverrides=SCRIPTS)
    questions = soup(app, "questions.html")
    assert questions.select_one("#card-fraud .qanda-title").get_text() == "Question 1: Detect card fraud"
    answers = soup(app, "answers.html")
    assert answers.h1.get_text().rstrip("¶#") == "Answer to Question 1: Detect card fraud"
    assert answers.select_one(".qanda-author").get_text() == "By Ada"
    assert not (Path(app.outdir) / "_static" / "locale").exists()
    assert not any("locale/" in script.get("src", "") for script in answers.find_all("script"))
