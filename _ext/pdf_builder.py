"""rst2pdf's PDF builder, loaded so that HTML builds can still write in parallel
and diagrams stay vector graphics.

rst2pdf declares ``parallel_write_safe = False`` because its builder writes a
single file. Sphinx then writes *every* builder's output serially and warns
about it, which ``-W`` turns into a failed HTML build. The declaration is about
the PDF builder alone, and Sphinx never writes a single-file builder in
parallel anyway (its ``allow_parallel`` is False), so nothing else needs it.
"""

from __future__ import annotations

# rst2pdf defines its graphviz handler only if sphinx.ext.graphviz is already imported.
from sphinx.ext import graphviz  # isort: skip

from reportlab.platypus import Paragraph
from rst2pdf import pdfbuilder, sphinxnodes
from rst2pdf.image import MyImage
from rst2pdf.log import log as pdflog


def setup(app):
    sphinxnodes.HandleSphinxGraphviz.gather_elements = render_graphviz_as_svg
    metadata = pdfbuilder.setup(app) or {}
    return {**metadata, "parallel_read_safe": True, "parallel_write_safe": True}


def render_graphviz_as_svg(handler, client, node, style):
    """Embed diagrams as vector SVG instead of rst2pdf's PNG.

    A bitmap blurs when printed and its labels are not text, so they cannot be
    searched or copied; svglib turns the SVG into PDF drawing operations.
    """
    try:
        _, outfn = graphviz.render_dot(node["builder"], node["code"], node["options"], "svg")
    except graphviz.GraphvizError as exc:
        pdflog.error("dot code %r: %s", node["code"], exc)
        return [Paragraph(node["code"], client.styles["code"])]
    if not outfn:
        return []
    return [MyImage(filename=outfn, client=client)]
