"""What qanda writes into Sphinx's own records after every read.

Sphinx's standard domain keeps every label and every page's title; the
question bank changes some of them once the catalog is known:

- each question becomes a ``std:label`` too (claimed after reading, released
  before the next read, so labels read from the sources decide collisions);
- a question's page is titled with its numbered heading, and an answer's page
  with its own, in the contents, the browser title, prev/next and ``{ref}``;
- a role in a heading is copied into titles and contents entries, which are
  written without post-transforms: the copies get their names here.
"""

from __future__ import annotations

import hashlib
import json

from docutils import nodes

from .catalog import Catalog, Problem
from .nodes import qanda_reference
from .translation import _, fill


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
