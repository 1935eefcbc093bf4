"""Keep the ePub valid for EPUB 3: open dropdowns, bitmap diagrams.

sphinx-design renders a dropdown as ``<details>`` with inline SVG icons inside
``<summary>``, which EPUB 3 does not allow there (epubcheck rejects the book),
and an e-reader has nothing to click anyway. Before sphinx-design's own HTML
transform runs, each dropdown becomes a titled box with its body shown.

Graphviz's SVG starts with a DOCTYPE that pulls in external DTD entities,
which EPUB 3 also forbids; the ePub's copies of the diagrams lose that line.

sphinx-reredirects writes its redirect pages for every HTML-family builder;
in an ePub they are script-carrying HTML files without the XHTML namespace,
which epubcheck rejects and no reader can follow, so the ePub gets none.

Finding the dropdowns uses sphinx-design's ``is_component``, which is not
public API; setup checks that it is there (``compat.require``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import sphinx_design.shared as design
from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from compat import require
from outputs import is_epub

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


class OpenDropdownsForEpub(SphinxPostTransform):
    builders = ("epub",)
    default_priority = 150  # sphinx-design's DropdownHtmlTransform runs at 199

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(lambda n: design.is_component(n, "dropdown"))):
            box = nodes.container(classes=["sd-dropdown-open"])
            body = node.children
            if node["has_title"]:
                title, body = node[0], node[1:]
                box += nodes.rubric("", "", *title.children)
            box += body
            node.replace_self(box)


SVG_DOCTYPE = re.compile(r"<!DOCTYPE svg[^>]*>\s*")


def strip_svg_doctypes(app: Sphinx) -> list:
    """Runs after every page (and so every diagram) is written, before the ePub is zipped."""
    if is_epub(app.env):
        for svg in sorted(Path(app.outdir, "_images").glob("graphviz-*.svg")):
            text = svg.read_text(encoding="utf-8")
            svg.write_text(SVG_DOCTYPE.sub("", text, count=1), encoding="utf-8")
    return []  # no extra pages


def no_redirect_pages_in_epub(app: Sphinx) -> None:
    if is_epub(app.env):
        app.config.redirects = {}


def setup(app: Sphinx) -> ExtensionMetadata:
    require(design, "is_component", library="sphinx-design", patched_by=__name__)
    app.setup_extension("outputs")
    app.add_post_transform(OpenDropdownsForEpub)
    app.connect("builder-inited", no_redirect_pages_in_epub)
    app.connect("html-collect-pages", strip_svg_doctypes)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
