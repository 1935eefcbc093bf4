"""The question bank's words in the book's language.

Every word the extension adds to a page ("Question 3", "Answer to", "No answer
yet.", the badges) goes through the ``qanda`` message catalog, and so do the
words of the website's own scripts (``_static/practice-mode.js`` and
``theme-fixes.js``), which read them from ``_static/locale/<language>.js``,
written here for each build in a language other than English. ``make gettext``
writes the template, ``qanda.pot`` (see ``_ext/translations.py``).

Templates name their blanks (``{number}``, ``{title}``), so a translation may
put them in any order; ``fill`` replaces them without ``str.format``, so a stray
brace in a translation cannot break the build.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.locale import get_translation
from outputs import is_html
from translations import N_, add_catalog, is_english, ngettext, translated_messages

CATALOG = "qanda"
LOCALE_DIR = Path(__file__).parent / "locale"

_ = get_translation(CATALOG)

DIFFICULTY_NAMES = {"easy": N_("Easy"), "medium": N_("Medium"), "hard": N_("Hard")}

# The words of _static/practice-mode.js and _static/theme-fixes.js, exactly as the
# scripts pass them to their t() function.
SCRIPT_MESSAGES = (
    N_("Practice mode: on"),
    N_("Practice mode: off"),
    N_("Hides each part of this answer until you reveal it."),
    N_("Hides the worked answers until you reveal them, one part at a time."),
    N_("Summary of the design"),
    # Translators: {part} is the heading of the hidden part of an answer.
    N_("Reveal: {part}"),
    # Translators: {title} is the title of a part of the book, in the sidebar.
    N_("Pages in {title}"),
    N_("this section"),
)


def n_(singular: str, plural: str, count: int) -> str:
    return ngettext(CATALOG, singular, plural, count)


def fill(template: str, **values: object) -> str:
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


def stage_name(stage: str) -> str:
    """A stage from ``qanda_stages`` as a reader sees it; ``make gettext`` lists each one."""
    return _(stage_words(stage))


def stage_words(stage: str) -> str:
    return stage.replace("-", " ").capitalize()


def difficulty_name(difficulty: str) -> str:
    return _(DIFFICULTY_NAMES.get(difficulty, difficulty.capitalize()))


def add_qanda_catalog(app) -> None:
    """The ``qanda`` catalog: the words in this package's code, and the stage names in
    ``qanda_stages``, which come from the configuration."""
    add_catalog(app, CATALOG, Path(__file__).parent.glob("*.py"), LOCALE_DIR, stage_messages)


def stage_messages(config) -> list[tuple[str, str]]:
    return [(stage_words(stage), "A stage named in qanda_stages (conf.py)") for stage in config.qanda_stages]


def script_language(language: str) -> str:
    """The language as the page's ``<html lang>`` gives it to the scripts."""
    return language.replace("_", "-").lower()


def add_script_catalog(app) -> None:
    """Give the website's scripts their words: ``_static/locale/<language>.js``,
    loaded before them, fills ``window.mlsdMessages[<language>]``."""
    language = app.config.language
    if not is_html(app.env) or is_english(language):
        return
    key = script_language(language)
    words = translated_messages(CATALOG, SCRIPT_MESSAGES)
    folder = Path(app.outdir, "_static", "locale")
    folder.mkdir(parents=True, exist_ok=True)
    text = (f"/* The words of the book's scripts in {key}, from the qanda message catalog. */\n"
            f"(window.mlsdMessages = window.mlsdMessages || {{}})[{json.dumps(key)}] = "
            f"{json.dumps(words, indent=1, sort_keys=True)};\n")
    (folder / f"{key}.js").write_text(text, encoding="utf-8")
    app.add_js_file(f"locale/{key}.js")
