"""Every misuse gives exactly one located qanda warning, and the build goes on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .qanda_helpers import build, copy_root

WARNING = re.compile(r"^(?P<path>[^:\s]+\.md):(?P<line>\d+): WARNING: (?P<message>.*) \[qanda\.(?P<subtype>[a-z-]+)\]$")


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    app = build(copy_root("qanda-bad", tmp_path_factory.mktemp("bad")))
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    lines = [line for line in text.splitlines() if line.strip()]
    return app, lines


def warnings_for(result, page):
    app, lines = result
    found = []
    for line in lines:
        match = WARNING.match(line)
        if match and Path(match["path"]).name == f"{page}.md":
            found.append(match)
    return found


CASES = [
    ("missing-title", 3, "missing-title", "question has no title"),
    ("missing-label", 3, "missing-label", "question has no :label: option"),
    ("not-kebab", 3, "label-not-kebab-case", "has label 'Fraud_Detection', which is not kebab-case"),
    ("duplicate-question", 3, "duplicate-question",
     "question label 'fraud-detection' is already used by question 1 in index.md:9"),
    ("duplicate-answer", 8, "duplicate-answer",
     "answer label 'answer-fraud-detection' is already in use"),
    ("unknown-stage", 3, "unknown-stage", "unknown stage 'modelling' (allowed: project-setup, data-pipeline, "
     "modeling, serving); did you mean 'modeling'?"),
    ("unknown-difficulty", 3, "unknown-difficulty", "unknown difficulty 'brutal' (allowed: easy, medium, hard)"),
    ("answer-no-argument", 3, "missing-question", "does not say which question it answers"),
    ("answer-unknown-question", 3, "unknown-question",
     "answer refers to unknown question 'fraud-detecton'; "
     "did you mean 'fraud-detection'?"),
    ("role-unknown-question", 3, "unknown-question-reference",
     "refers to unknown question 'fraud-detectio'; did you mean 'fraud-detection'?"),
    ("role-unknown-answer", 3, "unknown-answer-reference", "refers to unknown answer 'answer-nothing'"),
    ("empty-question", 3, "empty-body", "question has an empty body"),
    ("empty-answer", 3, "empty-body", "answer has an empty body"),
    ("nested-question", 8, "nested", "question is nested in a question"),
    ("question-in-answer", 8, "nested", "question is nested in an answer"),
    ("nested-answer", 8, "nested", "answer is nested in another answer"),
    ("unknown-option", 3, "unknown-option", "has unknown option ':dificulty:'"),
]


@pytest.mark.parametrize("page, line, subtype, message", CASES, ids=[c[0] for c in CASES])
def test_misuse_gives_one_located_warning(result, page, line, subtype, message):
    found = warnings_for(result, page)
    assert len(found) == 1, [m.group(0) for m in found] or result[1]
    assert int(found[0]["line"]) == line
    assert found[0]["subtype"] == subtype
    assert message in found[0]["message"]


def test_every_warning_is_a_located_qanda_warning(result):
    _, lines = result
    assert lines and all(WARNING.match(line) for line in lines), lines


def test_no_warning_repeats_its_own_location(result):
    _, lines = result
    for line in lines:
        match = WARNING.match(line)
        assert Path(match["path"]).name + ":" not in match["message"], line


def test_build_goes_on_and_numbers_the_valid_questions(result):
    app, _ = result
    # every page was written, the misused ones too: no misuse stopped the build
    assert {p.stem for p in Path(app.srcdir).glob("*.md")} <= {p.stem for p in Path(app.outdir).glob("*.html")}
    assert "Question 1: A valid question" in (Path(app.outdir) / "index.html").read_text()
