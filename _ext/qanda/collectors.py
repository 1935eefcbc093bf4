"""After every read: derive the catalog, report book-wide problems, mark pages to rewrite.

A question page lists answers that live on other pages, and every page with a
``{question}`` role shows a number that depends on the whole toctree. When the
catalog's fingerprint changes, every page that shows catalog data is written
again; when it does not (the usual case while editing prose), nothing extra is.
"""

from __future__ import annotations

from domain_collector import DomainCollector

from .catalog import book_order, build_catalog
from .messages import warn


class QandaCollector(DomainCollector):
    """The domain keeps the records; this derives the book-wide view after every read."""

    def get_updated_docs(self, app, env) -> list[str]:
        domain = env.domains["qanda"]
        catalog = build_catalog(
            book_order(env.config.root_doc, env.toctree_includes, env.found_docs),
            domain.data["questions"],
            domain.data["answers"],
            lambda docname: env.doc2path(docname, False).as_posix(),
        )
        domain.data["catalog"] = catalog
        number_std_labels(env, catalog)
        for problem in catalog.problems:
            warn(problem.subtype, problem.message, (problem.docname, problem.lineno))
        fingerprint = catalog.fingerprint()
        if fingerprint == domain.data["fingerprint"]:
            return []
        domain.data["fingerprint"] = fingerprint
        return sorted(domain.data["users"] & env.found_docs)


def number_std_labels(env, catalog) -> None:
    """Give the std labels of questions their numbered headings."""
    labels = env.domains.standard_domain.labels
    for entry in catalog.questions.values():
        if labels.get(entry.label, ("",))[0] == entry.docname:
            labels[entry.label] = (entry.docname, entry.label, entry.heading)
