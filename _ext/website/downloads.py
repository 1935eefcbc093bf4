"""Links to the whole book as one file: the ``{bookdownload}`` role and the header's menu.

``{bookdownload}`pdf``` and ``{bookdownload}`epub``` (or ``{bookdownload}`the PDF <pdf>```)
link to the whole book as one file:

- On Read the Docs (``READTHEDOCS=True``), to the offline formats it builds
  itself, at ``<site>/_/downloads/<language>/<version>/pdf/`` and ``.../epub/``.
  Those links are absolute, so they work in every output format.
- Elsewhere, in the website, to ``<website_downloads_dir>/<file>`` next to the
  pages, where ``make all`` copies the LaTeX PDF and the ePub. The ePub and the
  PDFs cannot point at files beside a website, so there the role shows its text
  without a link.

The article header's download menu offers the same two files (``book_download_buttons``),
in place of the theme's "download this page" menu (the page's source and the
browser's print dialog), which ``conf.py`` turns off.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import split_explicit_title
from sphinx.util.osutil import relative_uri

from outputs import builder_of, is_website

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config

logger = logging.getLogger("website")
CATALOG = "website"  # the header's download menu, in the book's language
_ = get_translation(CATALOG)

FORMAT_NAMES = {"pdf": "PDF", "epub": "ePub"}


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


def book_download_url(config: Config, builder: Builder, pagename: str, fmt: str) -> str:
    """Where the book as ``fmt`` is, seen from ``pagename``."""
    if config.website_readthedocs_downloads:
        return f"{config.website_readthedocs_downloads}{fmt}/"
    target = f"{config.website_downloads_dir}/{config.website_downloads[fmt]}"
    return relative_uri(builder.get_target_uri(pagename), target)


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

    def run(self, **kwargs: Any) -> None:
        linkable = bool(self.config.website_readthedocs_downloads) or is_website(self.env)
        for node in list(self.document.findall(bookdownload)):
            text = node.astext()
            if not linkable:
                node.replace_self(nodes.Text(text))
                continue
            fmt = node["format"]
            uri = book_download_url(self.config, builder_of(self.env), self.env.docname, fmt)
            node.replace_self(nodes.reference(text, text, refuri=uri,
                                              classes=["bookdownload", f"bookdownload-{fmt}"]))


def book_download_buttons(app: Sphinx, pagename: str, templatename: str, context: dict,
                          doctree: nodes.document | None) -> None:
    """The book's PDF and ePub as the first menu of sphinx-book-theme's article header."""
    buttons = context.get("header_buttons")
    if buttons is None or not is_website(app.env):
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
            "url": book_download_url(app.config, app.builder, pagename, fmt),
            "text": FORMAT_NAMES[fmt],
            "tooltip": names[fmt],
            "icon": icons[fmt],
            "label": f"book-download-{fmt}",
        } for fmt in FORMAT_NAMES],
    })


def register(app: Sphinx) -> None:
    app.add_config_value("website_downloads_dir", "_downloads-book", "html", types=[str])
    app.add_config_value("website_downloads", {"pdf": "book.pdf", "epub": "book.epub"}, "html", types=[dict])
    app.add_config_value("website_readthedocs_downloads", readthedocs_downloads_base(os.environ), "html",
                         types=[str])
    app.add_node(bookdownload)
    app.add_role("bookdownload", BookdownloadRole())
    app.add_post_transform(ResolveDownloads)
    # after sphinx-book-theme fills its header buttons (priority 501)
    app.connect("html-page-context", book_download_buttons, priority=600)
