"""rst2pdf's PDF builder, loaded so that HTML builds can still write in parallel
and diagrams stay vector graphics.

rst2pdf declares ``parallel_write_safe = False`` because its builder writes a
single file. Sphinx then writes *every* builder's output serially and warns
about it, which ``-W`` turns into a failed HTML build. The declaration is about
the PDF builder alone, and Sphinx never writes a single-file builder in
parallel anyway (its ``allow_parallel`` is False), so nothing else needs it.
"""

from __future__ import annotations

import os
import tempfile

# rst2pdf defines its graphviz handler only if sphinx.ext.graphviz is already imported.
from sphinx.ext import graphviz  # isort: skip

from docutils import nodes
from reportlab.platypus import Paragraph
from rst2pdf import math_flowable, pdfbuilder, sphinxnodes
from rst2pdf.image import MyImage
from rst2pdf.log import log as pdflog
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform


class FormulasRst2pdfCanDraw(SphinxPostTransform):
    """rst2pdf draws math with matplotlib's mathtext, which knows only part of
    LaTeX (no \\text, no multi-line display math) and stops the whole PDF on
    the first formula it cannot parse. Such a formula is shown as its LaTeX
    source instead; the LaTeX PDF typesets every formula."""

    builders = ("pdf",)
    default_priority = 5

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.math)):
            if not mathtext_can_draw(node.astext()):
                node.replace_self(nodes.literal(node.astext(), node.astext()))
        for node in list(self.document.findall(nodes.math_block)):
            if "\n" in node.astext().strip() or not mathtext_can_draw(node.astext()):
                node.replace_self(nodes.literal_block(node.astext(), node.astext()))


class DropLatexColumnSpecs(SphinxPostTransform):
    """A ``tabularcolumns`` spec only tells LaTeX how wide a table's columns are;
    rst2pdf knows no such node and would report every one as unknown."""

    builders = ("pdf",)
    default_priority = 5

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(addnodes.tabular_col_spec)):
            node.parent.remove(node)


def mathtext_can_draw(formula: str) -> bool:
    from matplotlib.mathtext import MathTextParser

    try:
        MathTextParser("path").parse(f"${formula.strip()}$")
    except ValueError:
        return False
    return True


INLINE_FORMULA_DPI = 216  # 3 pixels per point; rst2pdf's own genImage draws 72 per point (5,184 dpi)


def render_inline_formula(formula) -> str:
    """A PNG of an inline formula, for rst2pdf to place in a line of text.

    rst2pdf's stock genImage rasterizes inline math at 72 pixels per point, and
    reportlab then spends most of the PDF build loading and compressing those
    bitmaps (profiled: 150 s of 280 s, and gigabytes of memory, for about 400
    formulas). Three pixels per point is sharp in print.
    """
    from matplotlib import mathtext
    from matplotlib.font_manager import FontProperties

    handle, path = tempfile.mkstemp(prefix="formula-", suffix=".png")
    os.close(handle)
    mathtext.math_to_image(f"${formula.s}$", path, prop=FontProperties(size=formula.fontsize),
                           dpi=INLINE_FORMULA_DPI, format="png")
    return path


def setup(app):
    app.add_post_transform(FormulasRst2pdfCanDraw)
    app.add_post_transform(DropLatexColumnSpecs)
    math_flowable.Math.genImage = render_inline_formula
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
