"""The ``numbers`` directive: a page's figures, one ``name = expression  # description`` a line."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .nodes import numbers_sheet
from .sheet import parse_lines

BLOCK_COUNTER = "numbersheet_blocks"


class NumbersDirective(SphinxDirective):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = {"hidden": directives.flag}

    def run(self) -> list[nodes.Node]:
        block = self.next_block()
        numbered = [(self.source_line(index), text) for index, text in enumerate(self.content)]
        lines, problems = parse_lines(numbered, block)
        domain = self.env.domains["numbers"]
        domain.add_block(self.env.docname, lines, problems)
        node = numbers_sheet(
            docname=self.env.docname,
            block=block,
            title=" ".join(self.arguments).strip() or "Numbers",
            hidden="hidden" in self.options,
        )
        self.set_source_info(node)
        return [node]

    def next_block(self) -> int:
        block = self.env.temp_data.get(BLOCK_COUNTER, 0)
        self.env.temp_data[BLOCK_COUNTER] = block + 1
        return block

    def source_line(self, index: int) -> int:
        """The 1-based line in the source file of content line ``index``.

        MyST counts ``content_offset`` from the directive's own line (it is the
        number of option lines), not from the top of the file as docutils does.
        """
        return self.lineno + self.content_offset + index + 1
