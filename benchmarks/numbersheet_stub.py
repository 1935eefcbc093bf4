"""A stand-in for numbersheet that accepts its markup and computes nothing.

The benchmark builds the real book once with numbersheet and once with this
stub, so the difference is what the extension itself costs: parsing sheets,
evaluating them, checking claims and rendering tables and values.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective, SphinxRole


class Numbers(SphinxDirective):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = {"hidden": lambda argument: True}

    def run(self):
        return []


class Num(SphinxRole):
    def run(self):
        return [nodes.Text(self.text)], []


def setup(app):
    app.add_config_value("numbersheet_book_page", "", "env", types=[str])
    app.add_directive("numbers", Numbers)
    app.add_role("num", Num())
    return {"parallel_read_safe": True, "parallel_write_safe": True}
