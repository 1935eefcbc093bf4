"""Replace the placeholders with standard docutils nodes at write time.

Runs as a post-transform, so every builder (html, dirhtml, singlehtml, epub,
latex, text, rst2pdf) receives only tables, lists, literals and text. Nodes
carry their own docname because singlehtml, latex and rst2pdf assemble the
whole book into one doctree.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform
from outputs import is_html, is_latex
from sphinx.util import texescape

from .derive import book_page
from .formatting import FormatError, format_value
from .nodes import num_reference, numbers_sheet
from .sheet import BOOK_PREFIX, Line, Result

CATALOG = "numbersheet"  # the words of the tables and claims, in the book's language
_ = get_translation(CATALOG)

# Operators as a reader writes them; "**" first so "*" does not split it.
PRETTY = [(r"\*\*", "^"), (r"(?<!/)/(?!/)", "÷"), (r"\*", "×"), (r"<=", "≤"), (r">=", "≥"),
          (r"!=", "≠"), (r"==", "=")]


def pretty(source: str) -> str:
    for pattern, replacement in PRETTY:
        source = re.sub(pattern, replacement, source)
    return source


def latex_columns() -> addnodes.tabular_col_spec:
    """Fixed column shares for LaTeX, which otherwise squeezes the value column until an
    unbreakable "8,000,000" runs into its neighbor."""
    return addnodes.tabular_col_spec(spec=r"\X{40}{100}\X{18}{100}\X{42}{100}")


# Where a long name or formula may break in LaTeX, which never breaks inside a
# word: after an underscore, an opening parenthesis, a comma or an operator.
LATEX_BREAK_AFTER = re.compile(r"(\\_|\(|,|\*|/|\+)")


def code(text: str, latex: bool) -> nodes.Node:
    """Inline code; in LaTeX with break points, so a formula stays inside its column."""
    if not latex:
        return nodes.literal(text, text)
    escaped = LATEX_BREAK_AFTER.sub(r"\1\\allowbreak{}", texescape.escape(text, "xelatex"))
    return nodes.raw(text, rf"\sphinxcode{{\sphinxupquote{{{escaped}}}}}", format="latex")


def breakable_number(text: str, latex: bool) -> nodes.Node:
    """A value; in LaTeX it may break after a thousands separator (40,499,995,500,000)."""
    if not latex or "," not in text:
        return nodes.Text(text)
    return nodes.raw(text, texescape.escape(text, "xelatex").replace(",", r",\allowbreak{}"), format="latex")


def paragraph(*children: nodes.Node) -> nodes.paragraph:
    para = nodes.paragraph()
    para.extend(children)
    return para


def row(*cells: nodes.Node) -> nodes.row:
    return nodes.row("", *(nodes.entry("", cell) for cell in cells))


def shown_value(env, node: num_reference) -> str | None:
    """The role's value as printed, or None if it could not be computed (already reported)."""
    results = env.domains["numbers"].data["results"]
    name = node["name"]
    if name.startswith(BOOK_PREFIX):
        result, name = results.get(book_page(env)), name[len(BOOK_PREFIX):]
    else:
        result = results.get(node["docname"])
    value = None if result is None else result.values.get(name)
    try:
        return None if value is None else format_value(value, node["spec"])
    except FormatError:
        return None


# A {num} in a heading is copied into tables of contents, which Sphinx resolves
# after post-transforms; these visitors print its value there.
def toc_text(translator, node: num_reference) -> str:
    return shown_value(translator.builder.env, node) or node["name"]


def visit_num_encoded(self, node: num_reference) -> None:  # HTML and LaTeX writers both encode text
    self.body.append(self.encode(toc_text(self, node)))
    raise nodes.SkipNode


def visit_num_text(self, node: num_reference) -> None:
    self.add_text(toc_text(self, node))
    raise nodes.SkipNode


class RenderNumbers(SphinxPostTransform):
    default_priority = 5

    def run(self, **kwargs) -> None:
        self.results: dict[str, Result] = self.env.domains["numbers"].data["results"]
        self.html = is_html(self.env)
        self.latex = is_latex(self.env)
        for node in list(self.document.findall(numbers_sheet)):
            shown = [] if node["hidden"] else self.render_sheet(node)
            node.replace_self(shown or nodes.comment())
        for node in list(self.document.findall(num_reference)):
            node.replace_self(self.render_value(node))

    def html_classes(self, name: str) -> list[str]:
        """Classes for the website's CSS; rst2pdf would look each up as a style and warn."""
        return [name] if self.html else []

    # -- {num} -----------------------------------------------------------------------

    def render_value(self, node: num_reference) -> nodes.Node:
        text = shown_value(self.env, node)
        if text is None:  # reported after every read (numbersheet.derive); show the name, not a guess
            return nodes.literal(node["name"], node["name"])
        if self.html:
            return nodes.inline(text, text, classes=["numbersheet-value"])
        return nodes.Text(text)

    # -- the sheet's table --------------------------------------------------------------

    def render_sheet(self, node: numbers_sheet) -> list[nodes.Node]:
        result = self.results.get(node["docname"])
        if result is None:
            return []
        lines = [line for line in result.lines if line.block == node["block"]]
        figures = [line for line in lines if line.kind == "figure"]
        claims = [line for line in lines if line.kind == "claim"]
        shown: list[nodes.Node] = []
        if figures:
            table = self.table(node["title"], figures, result)
            table["ids"].append(f"numbersheet-{node['docname'].replace('/', '-')}-{node['block']}")
            shown += [latex_columns(), table] if is_latex(self.env) else [table]
        if claims:
            shown.append(self.claims(claims, result))
        return shown

    def table(self, title: str, figures: list[Line], result: Result) -> nodes.table:
        table = nodes.table(classes=self.html_classes("numbersheet-table"))
        table += nodes.title(title, title)
        group = nodes.tgroup(cols=3)
        table += group
        for width in (45, 15, 40):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        headings = (_("Figure"), _("Value"), _("How it is derived"))
        head += row(*(paragraph(nodes.Text(text)) for text in headings))
        body = nodes.tbody()
        for line in figures:
            body += row(self.figure_cell(line),
                        paragraph(breakable_number(self.shown(result.values.get(line.name)), self.latex)),
                        paragraph(code(pretty(line.source), self.latex)))
        group += head
        group += body
        return table

    def figure_cell(self, line: Line) -> nodes.paragraph:
        words = line.description or line.name
        return paragraph(nodes.Text(words[:1].upper() + words[1:] + " "), code(line.name, self.latex))

    @staticmethod
    def shown(value) -> str:
        return _("not computed") if value is None else format_value(value, "")

    def claims(self, claims: list[Line], result: Result) -> nodes.bullet_list:
        items = nodes.bullet_list(classes=self.html_classes("numbersheet-claims"))
        verdicts = {True: _("Holds:"), False: _("Does not hold:"), None: _("Not checked:")}
        for line in claims:
            para = paragraph(nodes.Text(verdicts[result.holds.get(line.lineno)] + " "),
                             code(pretty(line.source), self.latex))
            if line.description:
                para += nodes.Text(f" ({line.description})")
            items += nodes.list_item("", para)
        return items
