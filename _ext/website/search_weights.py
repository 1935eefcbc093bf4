"""Search ranks pages by how often they use the words searched for.

Sphinx's search index says only which pages hold a word, so each page's words
are counted as the index reads them (``term_counts``), kept per page in the
``searchweights`` domain, and written to ``_static/searchweights.js``: for each
page, the stemmed words it uses more than once, and how often.
``_static/search-ranking.js`` reads it on the search page.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Set
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.domains import Domain
import sphinx.search as sphinx_search
from sphinx.search import SearchLanguage, languages as search_languages

from compat import require
from outputs import is_html

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

TermCounts = dict[str, int]


class SearchWeightsDomain(Domain):
    """Each page's term counts, kept with the pages so that incremental and parallel
    builds forget and merge them as they do every other page's data."""

    name = "searchweights"
    label = "search weights"
    initial_data: dict[str, Any] = {"counts": {}}
    data_version = 1

    @property
    def counts(self) -> dict[str, TermCounts]:
        return self.data["counts"]

    def clear_doc(self, docname: str) -> None:
        self.counts.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames & otherdata["counts"].keys():
            self.counts[docname] = otherdata["counts"][docname]

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list:
        return []  # a domain of data, with no objects to link to


def search_language(config: Config) -> SearchLanguage:
    """The word splitter and stemmer that Sphinx's search index uses for this book."""
    name = config.html_search_language or config.language or "en"
    found = search_languages.get(name) or search_languages.get(name.split("_")[0]) or search_languages["en"]
    if isinstance(found, str):  # "module.path.ClassName", imported on first use
        module, _dot, cls = found.rpartition(".")
        found = getattr(__import__(module, fromlist=[cls]), cls)
    return found(config.html_search_options)


def term_counts(config: Config, doctree: nodes.document) -> TermCounts:
    """Each stemmed word that the page uses more than once, and how often."""
    lang = search_language(config)
    store = sphinx_search.WordStore()  # read as Sphinx's IndexBuilder.feed reads a page
    sphinx_search._feed_visit_nodes(doctree, word_store=store, split=lang.split, language=lang.lang)
    counts: Counter[str] = Counter()
    for word in store.words:  # titles included: their text is part of the page's words
        stemmed = lang.stem(word).lower()
        if lang.word_filter(stemmed):
            counts[stemmed] += 1
        elif lang.word_filter(word):
            counts[word] += 1
    return {term: count for term, count in sorted(counts.items()) if count > 1}


def count_terms(app: Sphinx, doctree: nodes.document) -> None:
    # Whatever the builder: builds that share the environment (sphinx-build -M,
    # Read the Docs) keep the counts of pages another builder read.
    app.env.domains[SearchWeightsDomain.name].counts[app.env.docname] = term_counts(app.config, doctree)


def search_weights(counts: Mapping[str, Mapping[str, int]]) -> dict:
    """``{"docs": [page, ...], "terms": {term: [doc, count, doc, count, ...]}}``, where
    ``doc`` indexes ``docs``: only words that two pages or more use more than once,
    the only counts that change an order."""
    docs = sorted(doc for doc in counts if counts[doc])
    terms: dict[str, list[int]] = {}
    for number, doc in enumerate(docs):
        for term, count in counts[doc].items():
            terms.setdefault(term, []).extend((number, count))
    return {"docs": docs, "terms": {term: found for term, found in sorted(terms.items()) if len(found) > 2}}


def writes_search_index(app: Sphinx) -> bool:
    return is_html(app.env) and getattr(app.builder, "indexer", None) is not None


def write_search_weights(app: Sphinx, exception: BaseException | None) -> None:
    """``_static/searchweights.js``, which the search page loads (``search_weights``)."""
    if exception is not None or not writes_search_index(app):
        return
    counts = app.env.domains[SearchWeightsDomain.name].counts
    weights = search_weights({doc: counts[doc] for doc in counts if doc in app.env.all_docs})
    text = "window.mlsdSearchWeights = " + json.dumps(weights, separators=(",", ":")) + ";\n"
    Path(app.outdir, "_static", "searchweights.js").write_text(text, encoding="utf-8")


def load_search_weights(app: Sphinx, pagename: str, templatename: str, context: dict,
                        doctree: nodes.document | None) -> None:
    if pagename == "search" and writes_search_index(app):
        app.builder.add_js_file("searchweights.js")  # this page only: reset for each page


def register(app: Sphinx) -> None:
    # Pages are counted as Sphinx's own index reads them, through its private helpers.
    for internal in ("WordStore", "_feed_visit_nodes"):
        require(sphinx_search, internal, library="sphinx", patched_by=__name__)
    app.add_domain(SearchWeightsDomain)
    app.connect("doctree-read", count_terms)
    app.connect("html-page-context", load_search_weights)
    app.connect("build-finished", write_search_weights)
