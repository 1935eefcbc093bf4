"""rst2pdf's PDF builder, and everything the book changes in rst2pdf to use it.

Only ``pdf_output`` loads this module, when the ``pdf`` builder is created, so
no other build imports rst2pdf, reportlab or matplotlib. Every transform set up
here therefore concerns the rst2pdf PDF alone. The internals it patches are
checked first (``compat.require``), so that another rst2pdf, Sphinx or
sphinx-design version stops the build with one line instead of a wrong PDF.

rst2pdf declares ``parallel_write_safe = False`` because its builder writes a
single file. Sphinx would then warn about it, which ``-W`` turns into a failed
build. The declaration is true of any single-file builder, which Sphinx never
writes in parallel anyway (its ``allow_parallel`` is False), so this extension
declares itself safe in rst2pdf's place.
"""

from __future__ import annotations

import os
import tempfile
from typing import TYPE_CHECKING

# rst2pdf defines its graphviz handler only if sphinx.ext.graphviz is already imported.
from sphinx.ext import graphviz  # isort: skip

import sphinx_design.shared as design
from docutils import nodes
from reportlab.platypus import Paragraph
from rst2pdf import math_flowable, pdfbuilder, sphinxnodes
from rst2pdf.image import MyImage
from rst2pdf.log import log as pdflog
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from compat import require

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

INLINE_FORMULA_DPI = 216  # 3 pixels per point; rst2pdf's own genImage draws 72 per point (5,184 dpi)


class FormulasRst2pdfCanDraw(SphinxPostTransform):
    """rst2pdf draws math with matplotlib's mathtext, which knows only part of
    LaTeX (no \\text, no multi-line display math) and stops the whole PDF on
    the first formula it cannot parse. Such a formula is shown as its LaTeX
    source instead; the LaTeX PDF typesets every formula."""

    default_priority = 5

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.math)):
            if not mathtext_can_draw(node.astext()):
                node.replace_self(nodes.literal(node.astext(), node.astext()))
        for node in list(self.document.findall(nodes.math_block)):
            if "\n" in node.astext().strip() or not mathtext_can_draw(node.astext()):
                node.replace_self(nodes.literal_block(node.astext(), node.astext()))


def mathtext_can_draw(formula: str) -> bool:
    from matplotlib.mathtext import MathTextParser

    try:
        MathTextParser("path").parse(f"${formula.strip()}$")
    except ValueError:
        return False
    return True


class DropLatexColumnSpecs(SphinxPostTransform):
    """A ``tabularcolumns`` spec only tells LaTeX how wide a table's columns are;
    rst2pdf knows no such node and would report every one as unknown."""

    default_priority = 5

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(addnodes.tabular_col_spec)):
            node.parent.remove(node)


class DesignTextAsParagraphs(SphinxPostTransform):
    """rst2pdf knows no sphinx-design text nodes: a card's title and text become
    paragraphs, the title in bold."""

    default_priority = 6  # after print_layout drops the cards' hidden link text (5)

    def run(self, **kwargs) -> None:
        for element in list(self.document.findall(design.PassthroughTextElement)):
            text = element.children
            if "sd-card-title" in element.parent.get("classes", ()):
                text = [nodes.strong("", "", *text)]
            element.replace_self(nodes.paragraph("", "", *text))


def render_inline_formula(formula: math_flowable.Math) -> str:
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


def render_graphviz_as_svg(handler, client, node, style) -> list:
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


def check_what_is_patched() -> None:
    """Each internal this module replaces or calls, in the library it belongs to."""
    for owner, attribute in ((pdfbuilder, "setup"), (math_flowable.Math, "genImage"),
                             (sphinxnodes, "HandleSphinxGraphviz")):
        require(owner, attribute, library="rst2pdf", patched_by=__name__)
    require(sphinxnodes.HandleSphinxGraphviz, "gather_elements", library="rst2pdf", patched_by=__name__)
    for attribute in ("render_dot", "GraphvizError"):
        require(graphviz, attribute, library="sphinx", patched_by=__name__)
    require(design, "PassthroughTextElement", library="sphinx-design", patched_by=__name__)


def setup(app: Sphinx) -> ExtensionMetadata:
    check_what_is_patched()
    math_flowable.Math.genImage = render_inline_formula
    sphinxnodes.HandleSphinxGraphviz.gather_elements = render_graphviz_as_svg
    app.add_post_transform(FormulasRst2pdfCanDraw)
    app.add_post_transform(DropLatexColumnSpecs)
    app.add_post_transform(DesignTextAsParagraphs)
    rst2pdf_metadata = pdfbuilder.setup(app) or {}
    return {**rst2pdf_metadata, "parallel_read_safe": True, "parallel_write_safe": True}
