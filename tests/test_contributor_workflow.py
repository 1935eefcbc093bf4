"""`make new-answer` starts a correct answer page, or refuses and changes nothing."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from .book_helpers import clean_copy
from .scripts_path import check_sources

ANATOMY_SUFFIXES = ["clarify", "requirements", "framing", "metrics", "data", "features", "models",
                    "offline-evaluation", "serving", "latency-budget", "rollout", "monitoring", "drift",
                    "failure-modes", "follow-ups", "signals", "further-reading"]


@pytest.fixture
def copy(tmp_path):
    return clean_copy(tmp_path / "book")


def new_answer(copy, question, author):
    return subprocess.run(["make", "--no-print-directory", "new-answer", f"Q={question}", f"AUTHOR={author}",
                           f"PYTHON={sys.executable}"], cwd=copy, capture_output=True, text=True)


def toctree(copy):
    block = re.search(r"```\{toctree\}\n(.*?)```", (copy / "answers" / "index.md").read_text(), re.S).group(1)
    return [line for line in block.splitlines() if line and not line.startswith(":")]


def test_second_answer_gets_its_own_page_label_and_place(copy):
    result = new_answer(copy, "card-fraud", "Ada Lovelace")
    assert result.returncode == 0, result.stderr
    page = copy / "answers" / "card-fraud-ada-lovelace.md"
    text = page.read_text()
    assert "::::{answer} card-fraud\n:label: card-fraud-ada-lovelace\n:author: Ada Lovelace\n" in text
    labels = re.findall(r"^\(card-fraud-ada-lovelace-([a-z-]+)\)=$", text, flags=re.M)
    assert labels == ["worked-answer", *ANATOMY_SUFFIXES]
    entries = toctree(copy)
    assert entries[entries.index("card-fraud") + 1] == "card-fraud-ada-lovelace"
    assert check_sources.check_heading_labels(page) == []


def test_first_answer_takes_the_question_label(copy):
    question = next(q for q in (copy / "questions").glob("*.md")
                    if q.stem not in ("index", "interview-craft") and not (copy / "answers" / q.name).exists())
    result = new_answer(copy, question.stem, "Grace Hopper")
    assert result.returncode == 0, result.stderr
    text = (copy / "answers" / question.name).read_text()
    assert f"::::{{answer}} {question.stem}\n:author: Grace Hopper\n" in text
    assert question.stem in toctree(copy)


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
