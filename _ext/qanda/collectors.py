"""After every read: derive the catalog, report book-wide problems, mark pages to rewrite.

A question page lists answers that live on other pages, and every page with a
``{question}`` role shows a number that depends on the whole toctree. When the
catalog's fingerprint changes, every page that shows catalog data is written
again; when it does not (the usual case while editing prose), nothing extra is.
The catalog is derived for each builder (``only`` may leave questions out), and
each output remembers the fingerprint it was written from.
"""

from __future__ import annotations

from docutils import nodes
from domain_collector import DomainCollector, output_key

from .catalog import Catalog, Problem, book_order, build_catalog
from .messages import warn
from .nodes import qanda_reference


class QandaCollector(DomainCollector):
    """The domain keeps the records; this derives the book-wide view after every read."""

    def enable(self, app) -> None:
        super().enable(app)
        app.connect("env-before-read-docs", release_std_labels)

    def get_updated_docs(self, app, env) -> list[str]:
        data = env.domains["qanda"].data
        catalog = build_catalog(
            book_order(env.config.root_doc, env.toctree_includes, env.found_docs),
            data["questions"],
            data["answers"],
            lambda record: all(app.tags.eval_condition(expr) for expr in record["only"]),
        )
        data["catalog"] = catalog
        problems = catalog.problems + claim_std_labels(env, data["claimed"], catalog)
        for problem in problems:
            warn(problem.subtype, problem.message, f"{env.srcdir / problem.source}:{problem.lineno}")
        name_copied_titles(env, data["users"], catalog)
        fingerprint = catalog.fingerprint()
        if data["written"].get(output_key(app)) == fingerprint:
            return []
        data["written"][output_key(app)] = fingerprint
        return sorted(data["users"] & env.found_docs)


def release_std_labels(app, env, docnames) -> None:
    """Take back the std labels of questions before reading, so that the labels
    read from the sources alone decide collisions, whatever the reading order."""
    std = env.domains.standard_domain
    for label, (entry, anonymous) in env.domains["qanda"].data["claimed"].items():
        if std.labels.get(label) == entry:
            del std.labels[label]
        if std.anonlabels.get(label) == anonymous:
            del std.anonlabels[label]
    env.domains["qanda"].data["claimed"] = {}


def claim_std_labels(env, claimed: dict, catalog: Catalog) -> list[Problem]:
    """Make each question a ``std:label`` too, unless a label of that name exists.

    That makes ``{ref}`card-fraud``` work in the book, and lets any other Sphinx
    project cite a question through intersphinx without loading this extension.
    Answers are only ``qanda:answer`` objects, but their labels are ids in the
    output too, so they may not collide either.
    """
    std = env.domains.standard_domain
    problems = []
    for entry in [*catalog.in_book_order(), *catalog.answers.values()]:
        taken = std.anonlabels.get(entry.label)
        if taken is not None:
            problems.append(Problem("label-collision", (
                f"label '{entry.label}' is also a label in {env.doc2path(taken[0], False).as_posix()}; "
                f"rename one of them" if taken[1] else
                f"label '{entry.label}' is reserved by Sphinx for its '{taken[0]}' page; rename it"),
                entry.source, entry.lineno))
        elif entry.label in catalog.questions:
            claimed[entry.label] = ((entry.docname, entry.label, entry.heading), (entry.docname, entry.label))
            std.labels[entry.label], std.anonlabels[entry.label] = claimed[entry.label]
    return problems


def name_copied_titles(env, users, catalog: Catalog) -> None:
    """A role in a heading is copied into the page's title and contents entries,
    which are written without post-transforms: give those copies their names."""
    for docname in users:
        for tree in (env.titles.get(docname), env.longtitles.get(docname), env.tocs.get(docname)):
            for node in tree.findall(qanda_reference) if tree is not None else ():
                if not node["explicit"]:
                    entry = catalog.lookup(node["reftype"], node["target"])
                    node[:] = [nodes.Text(entry.short if entry else node["target"])]
