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

The role leaves a placeholder in the doctree. A post-transform fills in the
number when the page is written, from the environment as it stands after
every document has been read, so a count never lags behind the sources. When
any count changes, every page that shows one is written again, which keeps
incremental builds equal to clean ones. Pages record themselves while being
read and the records merge across parallel readers, so ``-j`` is safe.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

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


class FillBookstats(SphinxPostTransform):
    default_priority = 5

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(bookstat)):
            value = count(self.env, node["key"])
            if value is None:
                reason = ("the qanda extension is not loaded" if ":" not in node["key"]
                          else f"there is no folder '{node['key'].partition(':')[2]}'")
                logger.warning(f"cannot count '{node['key']}': {reason}", type="bookstats",
                               subtype="missing", location=node)
                node.replace_self(nodes.literal(node["key"], node["key"]))
                continue
            text = f"{value:,}"
            if self.env._app.builder.format == "html":
                node.replace_self(nodes.inline(text, text, classes=["bookstat"]))
            else:  # rst2pdf wants a style for every class; print needs none
                node.replace_self(nodes.Text(text))


# -- keeping pages current ---------------------------------------------------

def init_env(app, env=None, *args) -> None:
    env = env or app.env
    if not hasattr(env, "bookstats_users"):
        env.bookstats_users = {}  # docname -> the keys it shows
        env.bookstats_shown = {}  # key -> the value the written pages show


def purge_doc(app, env, docname: str) -> None:
    init_env(app, env)
    env.bookstats_users.pop(docname, None)


def merge_info(app, env, docnames, other) -> None:
    init_env(app, env)
    for docname, keys in getattr(other, "bookstats_users", {}).items():
        if docname in docnames:
            env.bookstats_users[docname] = keys


def record_users(app, doctree) -> None:
    init_env(app)
    keys = tuple(sorted({node["key"] for node in doctree.findall(bookstat)}))
    if keys:
        app.env.bookstats_users[app.env.docname] = keys


def pages_to_rewrite(app, env) -> list[str]:
    """Every page that shows a count, when any count differs from what the pages show."""
    init_env(app, env)
    users = sorted(set(env.bookstats_users) & env.found_docs)
    keys = sorted({key for doc in users for key in env.bookstats_users[doc]})
    shown = {key: count(env, key) for key in keys}
    if shown == env.bookstats_shown:
        return []
    env.bookstats_shown = shown
    return users


def setup(app):
    app.add_node(bookstat)
    app.add_role("bookstat", BookstatRole())
    app.add_post_transform(FillBookstats)
    app.connect("env-before-read-docs", init_env)
    app.connect("env-purge-doc", purge_doc)
    app.connect("env-merge-info", merge_info)
    app.connect("doctree-read", record_users)
    # After qanda (priority 500) has derived this read's catalog of questions.
    app.connect("env-get-updated", pages_to_rewrite, priority=900)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
