"""The book's facts, written down once.

What the book is made of and the shapes its pages follow: the stages in reading
order, the folders of the root table of contents, the sections of a worked
answer and their limits, and the patterns of a label and a table of contents.
Before this module each fact was typed again wherever it was needed, and the
copies could disagree.

Who reads it: ``conf.py`` (``qanda_stages``, ``numbersheet_book_page``), the
``qanda`` extension (the label pattern), the ``scripts`` package
(``check_sources``, ``new_answer``, ``prose``) and the tests.
The extensions get the stages and the book sheet from ``conf.py``'s settings, so
a test root can name its own.

Plain Python, no Sphinx import: it loads in a moment wherever it is imported.
"""

from __future__ import annotations

import re

# -- What the book is made of ------------------------------------------------

# The four stages of designing an ML system, in the order the book teaches them.
# Each is a folder of chapters, a card on the landing page and a qanda stage.
STAGES = ("project-setup", "data-pipeline", "modeling", "serving")

# The folders of the root table of contents that hold chapters and answers, in
# reading order; `make check` reads every page in them.
PARTS = ("introduction", *STAGES, "questions", "answers", "reference")

# Pages of questions/ that are not a question.
NOT_QUESTIONS = ("index", "interview-craft")

# The book-wide numbers sheet, whose figures every page reads as book.<name>.
BOOK_NUMBERS_PAGE = "reference/numbers-to-remember"

# -- The anatomy of a worked answer (CONTRIBUTING.md, "Adding a worked answer") --

# The six timed blocks of the 45-minute path: label suffix, heading, minutes.
PATH_BLOCKS = (
    ("clarify", "Clarify", 5),
    ("framing", "Frame and metrics", 8),
    ("data", "Data and labels", 8),
    ("models", "The model ladder", 10),
    ("serving", "Serving", 8),
    ("launch", "Launch and risks", 6),
)
PATH_MINUTES = 45

# Every section of an answer by its label suffix, in page order: the title and
# card, the path and its blocks, then depth on demand.
ANSWER_SECTIONS = (
    "worked-answer", "path", *(suffix for suffix, _, _ in PATH_BLOCKS),
    "depth", "numbers", "features", "budget", "what-breaks", "follow-ups", "further-reading",
)
# Sections an answer may add where they matter; only the experiment, for now.
OPTIONAL_ANSWER_SECTIONS = ("experiment",)

# The card's bullets, each opened by this bold lead, in this order.
CARD_LEADS = ("Objective", "Label", "Ships first", "Serving", "Two decisions", "Numbers",
              "We refuse to build", "Top risk")

# Prose-word limits of the three layers; the path's depends on the question's difficulty.
CARD_WORDS = 250
PATH_WORDS = {"easy": 1800, "medium": 2200, "hard": 2200}
DEPTH_WORDS = 1500

# The smallest numbers sheet an answer may have.
SHEET_FIGURES, SHEET_CLAIMS = 12, 3

# The header rows that make a table the model ladder or the failure table.
LADDER_HEADER = "| Rung | What it adds | Expected gain | Cost |"
WHAT_BREAKS_HEADER = "| What breaks | How we'd know | What we do |"

# The lines that fold depth on demand in the website, directly under its heading.
DEPTH_FOLD = ":::{collapsed-section} Show the numbers sheet, features, budget, failure table and follow-ups\n:::\n"

# What every launch block links instead of repeating it.
LAUNCH_PLAYBOOK = "serving-launch-playbook"

# -- Patterns of the sources -------------------------------------------------

# A label, a stage or a question name: lowercase words joined by hyphens.
LABEL_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# The MyST line that labels the heading below it: (label)=
LABEL_LINE = re.compile(r"^\(([^)]+)\)=\s*$")

# A backtick toctree block; group 1 is its body, options and entries.
TOCTREE_PATTERN = re.compile(r"```\{toctree\}\n(.*?)```", re.S)


def toctree_entries(text: str) -> list[str]:
    """The documents the first toctree of a page lists, in order, without its options."""
    body = TOCTREE_PATTERN.search(text).group(1)
    return [line.strip() for line in body.splitlines() if line.strip() and not line.startswith(":")]
