"""bookstats: figures about the book, counted by the build instead of typed by hand.

The ``{bookstat}`` role shows one number:

``questions``
    questions in the question bank (needs the ``qanda`` extension)
``answers``
    worked answers, counting every answer to a question that has several
``answered``
    questions with at least one worked answer
``terms``
    glossary terms
``pages:<folder>``
    documents in a folder, its index page included
``chapters:<folder>``
    documents in a folder other than its ``index``

The role leaves a placeholder in the doctree, and the ``bookstats`` domain
records which page shows which count (purged and merged across parallel
readers, so ``-j`` is safe). After every read the counts are taken from the
environment as it stands (:mod:`book_wide`, after the question bank's catalog
is derived), so a count never lags behind the sources; a page whose counts
changed is written again, which keeps incremental builds equal to clean ones.
A post-transform prints the numbers when the page is written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Set
from typing import TYPE_CHECKING, Any

import book_wide
from docutils import nodes
from outputs import is_html
from sphinx.domains import Domain
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

__version__ = "1.0.0"

logger = logging.getLogger("bookstats")

PLAIN_KEYS = ("questions", "answers", "answered", "terms")
FOLDER_KEYS = ("pages", "chapters")


class bookstat(nodes.Inline, nodes.TextElement):
    """Placeholder for a number; attribute ``key`` says which one."""


def key_problem(key: str) -> str:
    """Why a key cannot be counted, or an empty string when it can."""
    kind, sep, folder = key.partition(":")
    if not sep:
        return "" if key in PLAIN_KEYS else f"unknown statistic '{key}'"
    if kind not in FOLDER_KEYS:
        return f"unknown statistic '{key}'"
    if not folder or folder.strip("/") != folder or folder.startswith("."):
        return f"'{key}' needs a folder name, as in '{kind}:serving'"
    return ""


def known_keys() -> str:
    return ", ".join([*PLAIN_KEYS, *(f"{kind}:<folder>" for kind in FOLDER_KEYS)])


class BookstatRole(SphinxRole):
    """``{bookstat}`questions``` and the other keys listed in the module docstring."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        key = self.text.strip()
        problem = key_problem(key)
        if problem:
            logger.warning(f"{problem}; known: {known_keys()}", type="bookstats",
                           subtype="unknown", location=self.get_location())
            return [nodes.literal(self.rawtext, key)], []
        node = bookstat(self.rawtext, "", key=key)
        self.set_source_info(node)
        return [node], []


# -- counting ----------------------------------------------------------------

def folder_documents(env, folder: str) -> list[str]:
    prefix = folder.rstrip("/") + "/"
    return sorted(doc for doc in env.found_docs if doc.startswith(prefix))


def glossary_terms(env) -> int:
    objects = env.domains.standard_domain.objects
    return sum(1 for kind, _ in objects if kind == "term")


def qanda_catalog(env):
    domain = env.domains.get("qanda")
    return domain.catalog if domain is not None else None


def count(env, key: str) -> int | None:
    """The value of ``key``, or None when the book has nothing to count it from."""
    kind, _, folder = key.partition(":")
    if kind in FOLDER_KEYS:
        docs = folder_documents(env, folder)
        if kind == "chapters":
            docs = [doc for doc in docs if doc != f"{folder}/index"]
        return len(docs) if docs or folder_exists(env, folder) else None
    if kind == "terms":
        return glossary_terms(env)
    catalog = qanda_catalog(env)
    if catalog is None:
        return None
    if kind == "questions":
        return len(catalog.questions)
    if kind == "answers":
        return len(catalog.answers)
    return sum(1 for question in catalog.questions.values() if question.answers)


def folder_exists(env, folder: str) -> bool:
    return (env.srcdir / folder).is_dir()


class BookstatsDomain(Domain):
    """Which counts each page shows, and where: ``{docname: [(key, line), ...]}``."""

    name = "bookstats"
    label = "Book statistics"
    initial_data: dict[str, Any] = {
        "users": {},  # docname -> [(key, line), ...] of its {bookstat} roles
        "counts": {},  # key -> its value (None when it cannot be counted), derived after each read
    }
    data_version = 1

    def clear_doc(self, docname: str) -> None:
        self.data["users"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname, uses in otherdata["users"].items():
            if docname in docnames:
                self.data["users"][docname] = uses

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        uses = [(node["key"], node.line or 0) for node in document.findall(bookstat)]
        if uses:
            self.data["users"][docname] = uses

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []


class BookStatistics(book_wide.BookWideData):
    name = "bookstats"
    warning_type = "bookstats"
    needs = ("qanda",)  # counts questions and answers from its catalog

    def derive(self, app: Sphinx, env: BuildEnvironment) -> Iterable[book_wide.Problem]:
        data = env.domains["bookstats"].data
        keys = {key for uses in data["users"].values() for key, _line in uses}
        data["counts"] = {key: count(env, key) for key in sorted(keys)}
        return [book_wide.Problem("missing", f"cannot count '{key}': {why_not(key)}", (docname, line))
                for docname, uses in sorted(data["users"].items())
                for key, line in uses if data["counts"][key] is None]

    def shown(self, env: BuildEnvironment) -> Mapping[str, str]:
        data = env.domains["bookstats"].data
        return {docname: hashlib.sha256(repr([(key, data["counts"][key]) for key, _ in uses]).encode()).hexdigest()
                for docname, uses in data["users"].items()}


def why_not(key: str) -> str:
    if ":" not in key:
        return "the qanda extension is not loaded"
    return f"there is no folder '{key.partition(':')[2]}'"


class FillBookstats(SphinxPostTransform):
    default_priority = 5

    def run(self, **kwargs) -> None:
        counts = self.env.domains["bookstats"].data["counts"]
        for node in list(self.document.findall(bookstat)):
            value = counts.get(node["key"])
            if value is None:  # reported after reading (BookStatistics.derive)
                node.replace_self(nodes.literal(node["key"], node["key"]))
            elif is_html(self.env):
                node.replace_self(nodes.inline(f"{value:,}", f"{value:,}", classes=["bookstat"]))
            else:  # print and text need no class, and rst2pdf wants a style for every class
                node.replace_self(nodes.Text(f"{value:,}"))


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_node(bookstat)
    app.add_role("bookstat", BookstatRole())
    app.add_domain(BookstatsDomain)
    app.add_post_transform(FillBookstats)
    book_wide.register(app, BookStatistics())
    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
