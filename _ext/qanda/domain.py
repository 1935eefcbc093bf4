"""The ``qanda`` domain: per-document records of questions and answers.

Like ``sphinx.ext.todo``, the domain owns the data: it records what each
document declares when the document is read, purges a document's records
before it is read again, and merges records from parallel readers. The
book-wide view (numbers, answer lists) is derived from these records in
:mod:`qanda.derive` after every read, never stored twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.transforms import SphinxContentsFilter
from sphinx.util.nodes import make_refnode

from .nodes import answer_node, qanda_reference, question_node, question_title, questionlist_node
from .roles import QandaRole

QANDA_NODES = (question_node, answer_node, questionlist_node, qanda_reference)


class QandaDomain(Domain):
    name = "qanda"
    label = "Question bank"
    object_types = {
        "question": ObjType("question", "question"),
        "answer": ObjType("answer", "answer"),
    }
    roles = {"question": QandaRole("question"), "answer": QandaRole("answer")}
    initial_data: dict[str, Any] = {
        "questions": {},  # docname -> [question record, ...] in document order
        "answers": {},  # docname -> [answer record, ...] in document order
        "users": set(),  # docnames whose output shows book-wide question data
        "catalog": None,  # derived after each read (qanda.derive)
        "names": "",  # derived with it: a digest of the titles it gives to pages
        "claimed": {},  # question label -> the std label entries qanda.std_entries added
        "named": {},  # docname -> the question or answer that names the page (see page_name)
    }
    data_version = 5

    @property
    def catalog(self):
        return self.data["catalog"]

    def clear_doc(self, docname: str) -> None:
        self.data["questions"].pop(docname, None)
        self.data["answers"].pop(docname, None)
        self.data["users"].discard(docname)
        self.data["named"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for kind in ("questions", "answers"):
            for docname, records in otherdata[kind].items():
                if docname in docnames:
                    self.data[kind][docname] = records
        self.data["users"].update(set(otherdata["users"]) & set(docnames))
        for docname, name in otherdata["named"].items():
            if docname in docnames:
                self.data["named"][docname] = name

    def process_doc(self, env, docname: str, document: nodes.document) -> None:
        questions = [question_record(env, node) for node in document.findall(question_node)]
        answers = [answer_record(env, node) for node in document.findall(answer_node)]
        if questions:
            self.data["questions"][docname] = questions
        if answers:
            self.data["answers"][docname] = answers
        if any(True for _ in document.findall(lambda n: isinstance(n, QANDA_NODES))):
            self.data["users"].add(docname)
        name = page_name(document, questions, answers)
        if name:
            self.data["named"][docname] = name

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        if self.catalog is None:
            return
        for label, question in sorted(self.catalog.questions.items()):
            yield label, question.heading, "question", question.docname, label, 1
        for label, answer in sorted(self.catalog.answers.items()):
            yield label, answer.heading, "answer", answer.docname, label, 1

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        entry = self.catalog and self.catalog.lookup(typ, target)
        if entry is None:
            return None
        return make_refnode(builder, fromdocname, entry.docname, target, contnode, entry.heading)

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        # A question is also a std label, which {any} already finds: offering it
        # twice would make every {any} on a question "more than one target".
        found = self.resolve_xref(env, fromdocname, builder, "answer", target, node, contnode)
        return [("qanda:answer", found)] if found is not None else []


def page_name(document: nodes.document, questions: list, answers: list) -> dict[str, Any] | None:
    """A page whose title section opens with its only question (or its only answer)
    is that question's page: its title becomes the question's numbered heading in
    every output, so the page, the browser, the contents and prev/next all name it
    the same way. Records what the page was titled, for an output that leaves the
    question out, and the ids of its title section, whose labels take the new name."""
    section = next(document.findall(nodes.section), None)
    if section is None or not section.children or not isinstance(section[0], nodes.title):
        return None
    first = next((child for child in section.children[1:]
                  if not isinstance(child, (nodes.target, nodes.comment, nodes.Invisible))), None)
    kind = ("question" if isinstance(first, question_node) and len(questions) == 1 else
            "answer" if isinstance(first, answer_node) and len(answers) == 1 and not questions else None)
    if kind is None:
        return None
    visitor = SphinxContentsFilter(document)
    section[0].walkabout(visitor)
    original = nodes.title("", "", *visitor.get_entry_text())
    return {"kind": kind, "position": first["position"], "original": original,
            "original_text": original.astext(), "ids": list(section["ids"])}


def question_record(env, node: question_node) -> dict[str, Any]:
    keys = ("label", "stages", "difficulty", "domain", "position")
    return {key: node[key] for key in keys} | {"title": title_of(node)} | placement(env, node)


def title_of(node: question_node) -> str:
    """The title as read: translated by then, when the book is built in another language."""
    for child in node.children:
        if isinstance(child, question_title):
            return child.astext().strip() or node["title"]
    return node["title"]


def answer_record(env, node: answer_node) -> dict[str, Any]:
    keys = ("label", "question", "author", "position")
    return {key: node[key] for key in keys} | placement(env, node)


def placement(env, node: nodes.Element) -> dict[str, Any]:
    """Where a record's source text is (an included file, not the page that includes it)
    and the ``only`` conditions around it, which each builder evaluates for itself."""
    source = Path(node.source) if node.source else env.doc2path(env.docname)
    try:
        source = source.resolve().relative_to(Path(env.srcdir).resolve())
    except ValueError:  # included from outside the source folder
        pass
    only = [parent["expr"] for parent in ancestors(node) if isinstance(parent, addnodes.only)]
    return {"source": source.as_posix(), "lineno": node.line or 0, "only": only}


def ancestors(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node
