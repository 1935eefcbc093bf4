"""After every read: derive the catalog, report book-wide problems, mark pages to rewrite.

A question page lists answers that live on other pages, and every page with a
``{question}`` role shows a number that depends on the whole toctree. When the
catalog's fingerprint changes, every page that shows catalog data is written
again; when it does not (the usual case while editing prose), nothing extra is.
The catalog is derived for each builder (``only`` may leave questions out), and
each output remembers the fingerprint it was written from.
"""

from __future__ import annotations

import hashlib
import json

from docutils import nodes
from domain_collector import DomainCollector, output_key

from .catalog import Catalog, Problem, book_order, build_catalog
from .messages import warn
from .nodes import qanda_reference
from .translation import _, fill


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
        shown = (catalog.fingerprint(), name_pages(env, data["named"], catalog))
        before = data["written"].get(output_key(app), ("", ""))
        data["written"][output_key(app)] = shown
        if before[1] != shown[1]:
            # Every page's sidebar and the neighbours' prev/next links show these names.
            return sorted(env.found_docs)
        return [] if before[0] == shown[0] else sorted(data["users"] & env.found_docs)


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


def page_names(named: dict, catalog: Catalog) -> dict[str, tuple[str, str]]:
    """The title and the contents entry of every page a question or answer names.

    A question's page is titled with its numbered heading ("Question 2: <title>"),
    in the contents too; an answer's page with the answer's heading ("Answer to
    Question 2: <title>"), and in the contents, whose caption already says they are
    answers, with its number and the question's title ("2. <title>"). A page whose
    question this output leaves out keeps the title its author wrote.
    """
    names = {}
    for docname, name in sorted(named.items()):
        if name["kind"] == "question":
            label = catalog.question_at.get((docname, name["position"]))
            entry = catalog.questions.get(label) if label else None
            if entry:
                names[docname] = (entry.heading, entry.heading)
        else:
            label = catalog.answer_at.get((docname, name["position"]))
            entry = catalog.answers.get(label) if label else None
            if entry:
                question = catalog.questions[entry.question]
                # Translators: a worked answer in the contents: {number} is "12" or "12.2", {title} the question's title.
                names[docname] = (entry.heading, fill(_("{number}. {title}"), number=entry.number, title=question.title))
    return names


def name_pages(env, named: dict, catalog: Catalog) -> str:
    """Give each named page its title in the environment (the browser title, the
    contents, prev/next and ``{ref}`` to its title read it); the page's own heading
    is retitled when it is written (``RenderQanda``). Returns a digest of the names."""
    names = page_names(named, catalog)
    std = env.domains.standard_domain
    for docname, name in named.items():
        if docname not in env.titles:
            continue
        title, entry = names.get(docname, (None, None))
        title_node = nodes.title("", title) if title else name["original"].deepcopy()
        env.titles[docname] = title_node
        env.longtitles[docname] = title_node
        toc = env.tocs.get(docname)
        reference = next(toc.findall(nodes.reference), None) if toc is not None else None
        if reference is not None:
            reference[:] = [nodes.Text(entry)] if entry else name["original"].deepcopy().children
        for label, (labeldoc, labelid, _sectname) in list(std.labels.items()):
            if labeldoc == docname and labelid in name["ids"]:
                std.labels[label] = (labeldoc, labelid, title or name["original_text"])
    return hashlib.sha256(json.dumps(sorted(names.items())).encode()).hexdigest()


def name_copied_titles(env, users, catalog: Catalog) -> None:
    """A role in a heading is copied into the page's title and contents entries,
    which are written without post-transforms: give those copies their names."""
    for docname in users:
        for tree in (env.titles.get(docname), env.longtitles.get(docname), env.tocs.get(docname)):
            for node in tree.findall(qanda_reference) if tree is not None else ():
                if not node["explicit"]:
                    entry = catalog.lookup(node["reftype"], node["target"])
                    node[:] = [nodes.Text(entry.short if entry else node["target"])]
