"""The book-wide view of the question bank, derived from per-document records.

Pure functions and frozen records: given the records and the order of the
documents, build the catalog (numbers, answer lists, problems to report). The
same inputs always give the same catalog, which is what makes incremental
builds equal clean ones.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from .messages import did_you_mean
from .translation import _, fill


@dataclass(frozen=True)
class Question:
    label: str
    title: str
    stages: tuple[str, ...]
    difficulty: str
    domain: str
    docname: str
    source: str
    lineno: int
    number: int
    answers: tuple[str, ...] = ()

    @property
    def short(self) -> str:
        return fill(_("Question {number}"), number=self.number)

    @property
    def heading(self) -> str:
        # Translators: {number} is the question's number in the book, {title} its title.
        return fill(_("Question {number}: {title}"), number=self.number, title=self.title)


@dataclass(frozen=True)
class Answer:
    label: str
    question: str
    author: str
    docname: str
    source: str
    lineno: int
    number: str  # "12" when it is the only answer, "12.2" for the second of several
    question_heading: str = ""

    @property
    def several(self) -> bool:
        return "." in self.number

    @property
    def short(self) -> str:
        if self.several:
            # Translators: {number} is "12.2" for the second of several answers to question 12.
            return fill(_("Answer {number}"), number=self.number)
        return fill(_("Answer to Question {number}"), number=self.number) if self.number else _("Answer")

    @property
    def heading(self) -> str:
        if not self.question_heading:
            return _("Answer")
        before, after = self.around_question()
        return before + self.question_heading + after

    def around_question(self) -> tuple[str, str]:
        """The heading's words before and after the question's heading, which pages link."""
        if self.several:
            # Translators: {question} is the whole heading of the question, "Question 12: <title>".
            template = _("Answer {number} to {question}")
        else:
            # Translators: {question} is the whole heading of the question, "Question 12: <title>".
            template = _("Answer to {question}")
        before, found, after = fill(template, number=self.number).partition("{question}")
        return (before, after) if found else (before + " ", "")


@dataclass(frozen=True)
class Problem:
    subtype: str
    message: str
    source: str  # relative to the source folder
    lineno: int

    @classmethod
    def at(cls, record: Mapping[str, Any], subtype: str, message: str) -> Problem:
        return cls(subtype, message, record["source"], record["lineno"])


@dataclass
class Catalog:
    questions: dict[str, Question] = field(default_factory=dict)
    answers: dict[str, Answer] = field(default_factory=dict)
    # (docname, position in document) of the records that won their label
    question_at: dict[tuple[str, int], str] = field(default_factory=dict)
    answer_at: dict[tuple[str, int], str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # labels of questions that this output leaves out (inside ``only`` for other builders)
    left_out: set[str] = field(default_factory=set)

    def __reduce__(self):
        # Derived data: qanda.derive rebuilds it after every read, before any
        # page is written, so the saved environment need not carry it.
        return (Catalog, ())

    def lookup(self, kind: str, label: str) -> Question | Answer | None:
        table = self.questions if kind == "question" else self.answers
        return table.get(label)

    def in_book_order(self) -> list[Question]:
        return sorted(self.questions.values(), key=lambda q: q.number)

    def answers_to(self, question: Question) -> list[Answer]:
        return [self.answers[label] for label in question.answers]

    def fingerprint(self) -> str:
        """A digest of everything that pages outside a record's own page show."""
        shown = {
            "questions": [asdict(q) | {"lineno": 0} for q in self.in_book_order()],
            "answers": [asdict(a) | {"lineno": 0} for _label, a in sorted(self.answers.items())],
            "left_out": sorted(self.left_out),
        }
        return hashlib.sha256(json.dumps(shown, sort_keys=True).encode()).hexdigest()


def book_order(root: str, toctree_includes: Mapping[str, Sequence[str]], docnames: Iterable[str]) -> list[str]:
    """Documents in reading order: depth-first through the toctrees, then the rest sorted."""
    order: list[str] = []
    seen: set[str] = set()
    stack = [root]
    while stack:
        docname = stack.pop()
        if docname in seen:
            continue
        seen.add(docname)
        order.append(docname)
        stack.extend(reversed(toctree_includes.get(docname, ())))
    return order + sorted(set(docnames) - seen)


def build_catalog(
    order: Sequence[str],
    question_records: Mapping[str, list[dict[str, Any]]],
    answer_records: Mapping[str, list[dict[str, Any]]],
    shown: Callable[[Mapping[str, Any]], bool] = lambda record: True,
) -> Catalog:
    """Number questions in book order and attach answers; record problems as it goes.

    ``shown(record)`` says whether this output includes the record (``only``).
    """
    catalog = Catalog()
    _number_questions(catalog, order, question_records, shown)
    _attach_answers(catalog, order, answer_records, shown)
    return catalog


def _number_questions(catalog, order, records, shown) -> None:
    for docname in order:
        for record in records.get(docname, ()):
            label = record["label"]
            if not shown(record):
                catalog.left_out.add(label)
                continue
            first = catalog.questions.get(label)
            if first is not None:
                catalog.problems.append(Problem.at(
                    record, "duplicate-question",
                    f"question label '{label}' is already used by question {first.number} in "
                    f"{first.source}:{first.lineno}; labels must be unique"))
                continue
            catalog.questions[label] = Question(
                label=label, title=record["title"], stages=tuple(record["stages"]),
                difficulty=record["difficulty"], domain=record["domain"], docname=docname,
                source=record["source"], lineno=record["lineno"], number=len(catalog.questions) + 1)
            catalog.question_at[(docname, record["position"])] = label
    catalog.left_out -= set(catalog.questions)


def _answer_problem(catalog, record, taken) -> Problem | None:
    label, target = record["label"], record["question"]
    if label in catalog.questions or label in taken:
        return Problem.at(record, "duplicate-answer",
                          f"answer label '{label}' is already in use; a second answer to "
                          "the same question needs its own ':label:'")
    if target in catalog.left_out:
        return Problem.at(record, "question-left-out",
                          f"answer refers to question '{target}', which an 'only' directive "
                          "leaves out of this output; put the answer under the same condition")
    if target not in catalog.questions:
        return Problem.at(record, "unknown-question",
                          f"answer refers to unknown question '{target}'"
                          f"{did_you_mean(target, catalog.questions)}")
    return None


def _attach_answers(catalog, order, records, shown) -> None:
    accepted: list[tuple[str, int, dict[str, Any]]] = []
    taken: set[str] = set()
    for docname in order:
        for record in records.get(docname, ()):
            if not shown(record):
                continue
            problem = _answer_problem(catalog, record, taken)
            if problem:
                catalog.problems.append(problem)
                continue
            taken.add(record["label"])
            accepted.append((docname, record["position"], record))
    by_question: dict[str, list[str]] = {}
    for _docname, _position, record in accepted:
        by_question.setdefault(record["question"], []).append(record["label"])
    for docname, position, record in accepted:
        question = catalog.questions[record["question"]]
        siblings = by_question[question.label]
        number = str(question.number)
        if len(siblings) > 1:
            number += f".{siblings.index(record['label']) + 1}"
        catalog.answers[record["label"]] = Answer(
            label=record["label"], question=question.label, author=record["author"],
            docname=docname, source=record["source"], lineno=record["lineno"], number=number,
            question_heading=question.heading)
        catalog.answer_at[(docname, position)] = record["label"]
    for label, answers in by_question.items():
        question = catalog.questions[label]
        catalog.questions[label] = Question(**{**asdict(question), "answers": tuple(answers)})
