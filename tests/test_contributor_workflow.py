"""`make new-answer` starts a correct answer page, or refuses and changes nothing."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import book_facts as facts
from scripts import check_sources

from .book_helpers import clean_copy

# A generated page holds every section of the answer anatomy, the optional ones left out.
ANATOMY_LABELS = list(facts.ANSWER_SECTIONS)
PATH_MINUTES = {suffix: minutes for suffix, _, minutes in facts.PATH_BLOCKS}


@pytest.fixture
def copy(tmp_path):
    return clean_copy(tmp_path / "book")


def new_answer(copy, question, author):
    return subprocess.run(["make", "--no-print-directory", "new-answer", f"Q={question}", f"AUTHOR={author}",
                           f"PYTHON={sys.executable}"], cwd=copy, capture_output=True, text=True)


def toctree(copy):
    return facts.toctree_entries((copy / "answers" / "index.md").read_text())


def unanswered(copy, difficulty=None):
    """A question of the given difficulty whose answer page this copy no longer has.

    Every question in the book has a worked answer, so the test removes one (page
    and toctree entry) to play the contributor who writes the first answer.
    """
    question = next(q for q in sorted((copy / "questions").glob("*.md"))
                    if q.stem not in facts.NOT_QUESTIONS
                    and (difficulty is None or f"\n:difficulty: {difficulty}\n" in q.read_text()))
    (copy / "answers" / question.name).unlink()
    index = copy / "answers" / "index.md"
    index.write_text(re.sub(rf"^{re.escape(question.stem)}\n", "", index.read_text(), flags=re.M))
    return question


def section(text, prefix, suffix):
    """From a section's label to the next label (or the end of the page)."""
    start = text.index(f"({prefix}-{suffix})=\n")
    following = re.search(r"^\([a-z0-9-]+\)=$", text[start + 1:], flags=re.M)
    return text[start: start + 1 + following.start()] if following else text[start:]


@pytest.fixture
def generated(copy):
    result = new_answer(copy, "card-fraud", "Ada Lovelace")
    assert result.returncode == 0, result.stderr
    page = copy / "answers" / "card-fraud-ada-lovelace.md"
    return page, page.read_text(), "card-fraud-ada-lovelace"


def test_second_answer_gets_its_own_page_label_and_place(copy, generated):
    page, text, prefix = generated
    assert "::::{answer} card-fraud\n:label: card-fraud-ada-lovelace\n:author: Ada Lovelace\n" in text
    assert re.findall(r"^\(card-fraud-([a-z-]+)\)=$", text, flags=re.M)[0] == "ada-lovelace-worked-answer"
    entries = toctree(copy)
    assert entries[entries.index("card-fraud") + 1] == "card-fraud-ada-lovelace"
    assert check_sources.check_heading_labels(page) == []


def test_new_page_has_the_anatomy_in_order_and_a_sheet_that_checks(copy, generated):
    page, text, prefix = generated
    labels = re.findall(rf"^\({re.escape(prefix)}-([a-z-]+)\)=$", text, flags=re.M)
    assert labels == ANATOMY_LABELS
    assert text.startswith(f"({prefix}-worked-answer)=\n# Card fraud at checkout: a worked answer\n")
    check = subprocess.run([sys.executable, "-m", "scripts.numbers_check", str(page)],
                           cwd=copy, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "(no numbers sheet)" not in check.stdout
    assert "numbers-check: 1 page(s), 0 problem(s)" in check.stdout
    assert "[holds]" in check.stdout and "FAILS" not in check.stdout


def test_card_is_the_eight_bullets_inside_the_answer_directive(generated):
    page, text, prefix = generated
    card = text.split("::::{answer} card-fraud\n", 1)[1].split("\n::::\n", 1)[0]
    body = [line for line in card.splitlines() if line and not line.startswith(":")]
    assert all(line.startswith("- **") for line in body)
    assert [re.match(r"- \*\*(.+?)\*\*:", line).group(1) for line in body] == list(facts.CARD_LEADS)
    numbers = next(line for line in body if line.startswith("- **Numbers**"))
    assert len(re.findall(r"\{num\}`[a-z_]+(?::[^`]+)?`", numbers)) == 3


def test_path_has_six_timed_blocks_each_with_whiteboard_and_skip(generated):
    page, text, prefix = generated
    assert re.search(rf"^\({prefix}-path\)=\n## The 45-minute path$", text, flags=re.M)
    for suffix, minutes in PATH_MINUTES.items():
        block = section(text, prefix, suffix)
        heading = re.search(r"^### .+ \((\d+) min\)$", block, flags=re.M)
        assert heading and int(heading.group(1)) == minutes, suffix
        assert "**On the whiteboard:**" in block and "**If time is short:**" in block, suffix
    assert sum(PATH_MINUTES.values()) <= facts.PATH_MINUTES
    assert facts.LADDER_HEADER in section(text, prefix, "models")
    serving = section(text, prefix, "serving")
    assert "```{graphviz}\n:caption:" in serving and "rankdir=LR;" in serving
    assert f"{{ref}}`{facts.LAUNCH_PLAYBOOK}`" in section(text, prefix, "launch")


def test_depth_is_collapsed_and_has_the_failure_table(generated):
    page, text, prefix = generated
    depth = section(text, prefix, "depth")
    assert depth.startswith(f"({prefix}-depth)=\n## Depth on demand\n\n{facts.DEPTH_FOLD}")
    assert ":::{numbers}\n" in section(text, prefix, "numbers")
    assert facts.WHAT_BREAKS_HEADER in section(text, prefix, "what-breaks")
    follow_ups = section(text, prefix, "follow-ups")
    assert len(re.findall(r"^- \*\*.+\?\*\* ", follow_ups, flags=re.M)) >= 3


def test_first_answer_takes_the_question_label(copy):
    question = unanswered(copy)
    result = new_answer(copy, question.stem, "Grace Hopper")
    assert result.returncode == 0, result.stderr
    text = (copy / "answers" / question.name).read_text()
    assert f"::::{{answer}} {question.stem}\n:author: Grace Hopper\n" in text
    assert re.findall(rf"^\({re.escape(question.stem)}-([a-z-]+)\)=$", text, flags=re.M) == ANATOMY_LABELS
    assert question.stem in toctree(copy)


def test_easy_question_gets_the_shorter_path_limit(copy):
    easy, medium = unanswered(copy, "easy"), unanswered(copy, "medium")
    assert new_answer(copy, easy.stem, "Grace").returncode == 0
    assert new_answer(copy, medium.stem, "Grace").returncode == 0
    assert "At most 1,800 prose words" in (copy / "answers" / easy.name).read_text()
    assert "At most 2,200 prose words" in (copy / "answers" / medium.name).read_text()


def test_unknown_question_is_refused_and_nothing_changes(copy):
    before = (copy / "answers" / "index.md").read_text()
    result = new_answer(copy, "card-fruad", "Ada")
    assert result.returncode != 0
    assert "new-answer: no question with label 'card-fruad'" in result.stderr
    assert "did you mean card-fraud?" in result.stderr
    assert (copy / "answers" / "index.md").read_text() == before


def test_existing_page_is_refused(copy):
    assert new_answer(copy, "card-fraud", "Ada").returncode == 0
    again = new_answer(copy, "card-fraud", "Ada")
    assert again.returncode != 0
    assert "answers/card-fraud-ada.md already exists" in again.stderr
