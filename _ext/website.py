"""website: download links, named diagrams, the landing page in print, a stable sitemap.

``{bookdownload}`pdf``` and ``{bookdownload}`epub``` (or ``{bookdownload}`the PDF <pdf>```)
link to the whole book as one file:

- On Read the Docs (``READTHEDOCS=True``), to the offline formats it builds
  itself, at ``<site>/_/downloads/<language>/<version>/pdf/`` and ``.../epub/``.
  Those links are absolute, so they work in every output format.
- Elsewhere, in the website, to ``<website_downloads_dir>/<file>`` next to the
  pages, where ``make all`` copies the LaTeX PDF and the ePub. The ePub and the
  PDFs cannot point at files beside a website, so there the role shows its text
  without a link.

The landing page (the root document) has sections of its own before its table
of contents. The LaTeX and rst2pdf builders would make each of them a chapter,
with the book's real chapters nested inside the last one; there, they become
unnumbered headings in the front matter instead, and each sphinx-design card
loses the hidden link text that makes the whole card clickable on screen.

Graphviz diagrams are embedded as ``<object>`` elements that carry no text
alternative, and their fallback text is the dot source. Each one gets its
figure caption instead, as its accessible name and as the fallback.

The article header's download menu offers the same two files (``book_download_buttons``),
in place of the theme's "download this page" menu (the page's source and the
browser's print dialog), which ``conf.py`` turns off.

Search ranks pages by how often they use the words searched for: the search
index says only which pages hold a word, so ``_static/searchweights.js`` adds, for each
page, the stemmed words it uses more than once and how often
(``_static/search-ranking.js`` reads it; see ``search_weights``).

sphinx-sitemap collects page addresses from parallel writers in whatever order
they finish; the sitemap's entries are sorted afterward so that two builds of
the same sources give the same file.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.ext import graphviz as graphviz_ext
from sphinx.locale import get_translation
from sphinx.search import WordStore, _feed_visit_nodes, languages as search_languages
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import split_explicit_title
from sphinx.util.osutil import relative_uri
from sphinx_design.shared import PassthroughTextElement
from translations import add_catalog

__version__ = "1.0.0"

logger = logging.getLogger("website")
CATALOG = "website"  # the header's download menu, in the book's language
_ = get_translation(CATALOG)

FORMAT_NAMES = {"pdf": "PDF", "epub": "ePub"}
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def readthedocs_downloads_base(environ: Mapping[str, str]) -> str:
    """Where Read the Docs serves this build's offline formats, or "" when not on it."""
    if environ.get("READTHEDOCS") != "True":
        return ""
    canonical = environ.get("READTHEDOCS_CANONICAL_URL", "")
    if not canonical:
        return ""
    parts = urlsplit(canonical)
    segments = [s for s in parts.path.split("/") if s]
    language = environ.get("READTHEDOCS_LANGUAGE") or (segments[0] if len(segments) >= 2 else "en")
    version = environ.get("READTHEDOCS_VERSION") or (segments[1] if len(segments) >= 2 else "latest")
    if environ.get("READTHEDOCS_VERSION_TYPE") == "external":
        # A pull-request preview: Read the Docs builds only its HTML, so the
        # downloads are the published book's, served from the project's own domain.
        return f"{parts.scheme}://{readthedocs_project_domain(parts.netloc)}/_/downloads/{language}/latest/"
    return f"{parts.scheme}://{parts.netloc}/_/downloads/{language}/{version}/"


def readthedocs_project_domain(preview_host: str) -> str:
    """``<project>--<pr>.org.readthedocs.build`` -> ``<project>.readthedocs.io``."""
    project = preview_host.split("--", 1)[0]
    return f"{project}.readthedocs.io" if preview_host.endswith(".readthedocs.build") else preview_host


class bookdownload(nodes.Inline, nodes.TextElement):
    """Placeholder for a download link; attribute ``format`` (pdf or epub)."""


class BookdownloadRole(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        explicit, title, fmt = split_explicit_title(self.text)
        fmt = fmt.strip().lower()
        if fmt not in FORMAT_NAMES:
            logger.warning(f"unknown download '{fmt}'; known: {', '.join(FORMAT_NAMES)}",
                           type="website", subtype="download", location=self.get_location())
            return [nodes.literal(self.rawtext, fmt)], []
        text = title if explicit else FORMAT_NAMES[fmt]
        node = bookdownload(self.rawtext, text, format=fmt)
        self.set_source_info(node)
        return [node], []


class ResolveDownloads(SphinxPostTransform):
    default_priority = 5

    def run(self, **kwargs) -> None:
        builder = self.env._app.builder
        config = self.config
        interactive = builder.format == "html" and not getattr(builder, "embedded", False)
        for node in list(self.document.findall(bookdownload)):
            fmt, text = node["format"], node.astext()
            if config.website_readthedocs_downloads:
                uri = f"{config.website_readthedocs_downloads}{fmt}/"
            elif interactive:
                target = f"{config.website_downloads_dir}/{config.website_downloads[fmt]}"
                uri = relative_uri(builder.get_target_uri(self.env.docname), target)
            else:
                node.replace_self(nodes.Text(text))
                continue
            link = nodes.reference(text, text, refuri=uri, classes=["bookdownload", f"bookdownload-{fmt}"])
            node.replace_self(link)


def book_download_url(app, pagename: str, fmt: str) -> str:
    """Where ``{bookdownload}`fmt``` points from ``pagename`` in the website."""
    config = app.config
    if config.website_readthedocs_downloads:
        return f"{config.website_readthedocs_downloads}{fmt}/"
    target = f"{config.website_downloads_dir}/{config.website_downloads[fmt]}"
    return relative_uri(app.builder.get_target_uri(pagename), target)


def book_download_buttons(app, pagename, templatename, context, doctree) -> None:
    """The book's PDF and ePub as the first menu of sphinx-book-theme's article header."""
    buttons = context.get("header_buttons")
    if buttons is None or getattr(app.builder, "embedded", False):
        return
    names = {"pdf": _("The whole book as a PDF"), "epub": _("The whole book as an ePub")}
    icons = {"pdf": "fas fa-file-pdf", "epub": "fas fa-book"}
    buttons.insert(0, {
        "type": "group",
        "tooltip": _("Download the book"),
        "icon": "fas fa-download",
        "label": "book-downloads",
        "buttons": [{
            "type": "link",
            "url": book_download_url(app, pagename, fmt),
            "text": FORMAT_NAMES[fmt],
            "tooltip": names[fmt],
            "icon": icons[fmt],
            "label": f"book-download-{fmt}",
        } for fmt in FORMAT_NAMES],
    })


# -- search weights ---------------------------------------------------------------------

def search_language(app):
    """The word splitter and stemmer that Sphinx's search index uses for this book."""
    name = app.config.html_search_language or app.config.language or "en"
    found = search_languages.get(name) or search_languages.get(name.split("_")[0]) or search_languages["en"]
    if isinstance(found, str):  # "module.path.ClassName", imported on first use
        module, _dot, cls = found.rpartition(".")
        found = getattr(__import__(module, fromlist=[cls]), cls)
    return found(app.config.html_search_options)


def term_counts(app, doctree: nodes.document) -> dict[str, int]:
    """Each stemmed word that the page uses more than once, and how often."""
    lang = search_language(app)
    store = WordStore()  # read as Sphinx's IndexBuilder.feed reads a page
    _feed_visit_nodes(doctree, word_store=store, split=lang.split, language=lang.lang)
    counts: Counter[str] = Counter()
    for word in store.words:  # titles included: their text is part of the page's words
        stemmed = lang.stem(word).lower()
        if lang.word_filter(stemmed):
            counts[stemmed] += 1
        elif lang.word_filter(word):
            counts[word] += 1
    return {term: count for term, count in sorted(counts.items()) if count > 1}


def count_terms(app, doctree) -> None:
    if not hasattr(app.env, "website_term_counts"):
        app.env.website_term_counts = {}
    app.env.website_term_counts[app.env.docname] = term_counts(app, doctree)


def purge_term_counts(app, env, docname) -> None:
    getattr(env, "website_term_counts", {}).pop(docname, None)


def merge_term_counts(app, env, docnames, other) -> None:
    if not hasattr(env, "website_term_counts"):
        env.website_term_counts = {}
    for docname in docnames:
        if docname in getattr(other, "website_term_counts", {}):
            env.website_term_counts[docname] = other.website_term_counts[docname]


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


def write_search_weights(app, exception) -> None:
    """``_static/searchweights.js``, which the search page loads (``search_weights``)."""
    if exception is not None or app.builder.format != "html" or getattr(app.builder, "indexer", None) is None:
        return
    counts = getattr(app.env, "website_term_counts", {})
    weights = search_weights({doc: counts[doc] for doc in counts if doc in app.env.all_docs})
    text = "window.mlsdSearchWeights = " + json.dumps(weights, separators=(",", ":")) + ";\n"
    Path(app.outdir, "_static", "searchweights.js").write_text(text, encoding="utf-8")


def load_search_weights(app, pagename, templatename, context, doctree) -> None:
    if pagename == "search" and getattr(app.builder, "indexer", None) is not None:
        app.builder.add_js_file("searchweights.js")  # this page only: reset for each page


PRINT_BUILDERS = ("latex", "pdf")


class LandingPageInPrint(SphinxPostTransform):
    builders = PRINT_BUILDERS
    default_priority = 5  # before references are resolved (10)

    def run(self, **kwargs) -> None:
        for link in list(self.document.findall(is_card_link)):
            link.parent.remove(link)
        if self.builder.name == "pdf":  # rst2pdf knows no sphinx-design text nodes
            for element in list(self.document.findall(PassthroughTextElement)):
                text = element.children
                if "sd-card-title" in element.parent.get("classes", ()):
                    text = [nodes.strong("", "", *text)]
                element.replace_self(nodes.paragraph("", "", *text))
        if self.env.docname == self.config.root_doc:
            root = self.document.next_node(nodes.section)
            if root is not None:
                for section in [child for child in root.children if isinstance(child, nodes.section)]:
                    section.replace_self(flatten(section))

    @property
    def builder(self):
        return self.env._app.builder


def is_card_link(node: nodes.Node) -> bool:
    """The hidden link that sphinx-design stretches over a whole card."""
    if not isinstance(node, PassthroughTextElement):
        return False
    return any("sd-stretched-link" in child.get("classes", ()) for child in node.children
               if isinstance(child, nodes.Element))


def flatten(section: nodes.section) -> list[nodes.Node]:
    """A section's title as an unnumbered heading (keeping its ids), then its body."""
    title = section.next_node(nodes.title)
    rubric = nodes.rubric(title.rawsource, "", *title.children, ids=list(section["ids"]))
    return [rubric, *(child for child in section.children if child is not title)]


def diagram_description(node: nodes.Element) -> str:
    figure = node.parent
    caption = figure.next_node(nodes.caption) if isinstance(figure, nodes.figure) else None
    return f"Diagram: {caption.astext()}" if caption is not None else "Diagram"


def visit_graphviz_html(self, node) -> None:
    """Sphinx's own graphviz HTML, with the caption as the diagram's text alternative."""
    name = node.get("alt") or diagram_description(node)
    node["alt"] = self.encode(name)  # Sphinx writes alt into the page as it is
    start = len(self.body)
    try:
        graphviz_ext.html_visit_graphviz(self, node)
    finally:  # it always ends by raising SkipNode
        for index in range(start, len(self.body)):
            if self.body[index].startswith("<object "):
                named = f'<object role="img" aria-label="{self.attval(name)}" '
                self.body[index] = named + self.body[index][len("<object "):]


def sort_sitemap(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    path = Path(app.outdir) / getattr(app.config, "sitemap_filename", "sitemap.xml")
    if not path.is_file():
        return
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", "http://www.w3.org/1999/xhtml")
    tree = ElementTree.parse(path)
    root = tree.getroot()
    entries = list(root)
    entries.sort(key=lambda url: url.findtext(f"{{{SITEMAP_NS}}}loc") or "")
    root[:] = entries
    tree.write(path, xml_declaration=True, encoding="utf-8", method="xml")


def setup(app):
    app.add_config_value("website_downloads_dir", "_downloads-book", "html", types=[str])
    app.add_config_value("website_downloads", {"pdf": "book.pdf", "epub": "book.epub"}, "html", types=[dict])
    app.add_config_value("website_readthedocs_downloads", readthedocs_downloads_base(os.environ), "html",
                         types=[str])
    app.add_node(bookdownload)
    app.add_role("bookdownload", BookdownloadRole())
    app.add_post_transform(ResolveDownloads)
    app.add_post_transform(LandingPageInPrint)
    app.setup_extension("sphinx.ext.graphviz")
    app.add_node(graphviz_ext.graphviz, override=True, html=(visit_graphviz_html, None))
    app.connect("build-finished", sort_sitemap, priority=900)  # after sphinx-sitemap writes it
    # after sphinx-book-theme fills its header buttons (priority 501)
    app.connect("html-page-context", book_download_buttons, priority=600)
    app.connect("doctree-read", count_terms)
    app.connect("env-purge-doc", purge_term_counts)
    app.connect("env-merge-info", merge_term_counts)
    app.connect("html-page-context", load_search_weights)
    app.connect("build-finished", write_search_weights)
    add_catalog(app, CATALOG, [Path(__file__)])
    return {
        "version": __version__,
        "env_version": 1,  # website_term_counts: raise when its form changes
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
