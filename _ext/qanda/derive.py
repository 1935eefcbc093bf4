"""The question bank's book-wide data: the catalog, derived after every read.

A question page lists answers that live on other pages, and every page with a
``{question}`` role shows a number that depends on the whole toctree. When the
catalog's fingerprint changes, every page that shows catalog data is written
again; when it does not (the usual case while editing prose), nothing extra is.
The names the catalog gives to pages reach every page's sidebar and the
neighbours' prev/next links, so a change of names rewrites every page. The
catalog is derived for each builder, because ``only`` may leave questions out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from book_wide import BookWideData, Problem

from .catalog import book_order, build_catalog
from .std_entries import claim_std_labels, name_copied_titles, name_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class QuestionBank(BookWideData):
    name = "qanda"
    warning_type = "qanda"

    def derive(self, app: Sphinx, env: BuildEnvironment) -> Iterable[Problem]:
        data = env.domains["qanda"].data
        catalog = build_catalog(
            book_order(env.config.root_doc, env.toctree_includes, env.found_docs),
            data["questions"],
            data["answers"],
            lambda record: all(app.tags.eval_condition(expr) for expr in record["only"]),
        )
        data["catalog"] = catalog
        problems = catalog.problems + claim_std_labels(env, data["claimed"], catalog)
        name_copied_titles(env, data["users"], catalog)
        data["names"] = name_pages(env, data["named"], catalog)
        return [Problem(p.subtype, p.message, f"{env.srcdir / p.source}:{p.lineno}") for p in problems]

    def shown(self, env: BuildEnvironment) -> Mapping[str, str]:
        data = env.domains["qanda"].data
        names, catalog = data["names"], data["catalog"].fingerprint()
        with_catalog = hashlib.sha256(f"{names}:{catalog}".encode()).hexdigest()
        return {doc: with_catalog if doc in data["users"] else names for doc in env.found_docs}
