"""Graphviz diagrams that a screen reader can name.

Sphinx embeds an SVG diagram as an ``<object>`` element that carries no text
alternative, and whose fallback text is the dot source. Each diagram gets its
figure caption instead, as its accessible name and as the fallback.

This wraps ``sphinx.ext.graphviz``'s HTML visitor and edits the markup it
writes. Setup checks that the visitor exists; a page whose SVG diagram is no
longer written as ``<object ...`` gets one warning that names the Sphinx
version, instead of a diagram that quietly lost its name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.ext import graphviz as graphviz_ext
from sphinx.util import logging

from compat import mismatch, require

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger("website")
OBJECT_START = "<object "


def diagram_description(node: nodes.Element) -> str:
    figure = node.parent
    caption = figure.next_node(nodes.caption) if isinstance(figure, nodes.figure) else None
    return f"Diagram: {caption.astext()}" if caption is not None else "Diagram"


def visit_graphviz_html(self: HTML5Translator, node: graphviz_ext.graphviz) -> None:
    """Sphinx's own graphviz HTML, with the caption as the diagram's text alternative."""
    name = node.get("alt") or diagram_description(node)
    node["alt"] = self.encode(name)  # Sphinx writes alt into the page as it is
    start = len(self.body)
    try:
        graphviz_ext.html_visit_graphviz(self, node)
    finally:  # it always ends by raising SkipNode
        if not name_the_object(self.body, start, self.attval(name)) and wrote_svg(self, start):
            warn_markup_changed(node)


def name_the_object(body: list[str], start: int, name: str) -> bool:
    """Give the ``<object>`` written after ``start`` a role and a name; False if there is none."""
    for index in range(start, len(body)):
        if body[index].startswith(OBJECT_START):
            body[index] = f'<object role="img" aria-label="{name}" ' + body[index][len(OBJECT_START):]
            return True
    return False


def wrote_svg(self: HTML5Translator, start: int) -> bool:
    """Whether the diagram went into the page as an SVG file (not as its dot source after an error)."""
    return self.config.graphviz_output_format == "svg" and any(".svg" in part for part in self.body[start:])


def warn_markup_changed(node: nodes.Node) -> None:
    problem = (f"sphinx.ext.graphviz no longer writes an SVG diagram as {OBJECT_START.strip()}..., "
               "so no diagram is named")
    logger.warning(mismatch("sphinx", problem, __name__), type="website", subtype="diagrams",
                   location=node, once=True)


def register(app: Sphinx) -> None:
    require(graphviz_ext, "html_visit_graphviz", library="sphinx", patched_by=__name__)
    app.setup_extension("sphinx.ext.graphviz")
    app.add_node(graphviz_ext.graphviz, override=True, html=(visit_graphviz_html, None))
