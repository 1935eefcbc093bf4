"""The ``{num}`` role: ``{num}`name``` or ``{num}`name:format```, filled in at write time."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from .nodes import num_reference


class NumRole(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        name, _, spec = self.text.partition(":")
        node = num_reference(self.rawtext, self.text, docname=self.env.docname,
                             name=name.strip(), spec=spec.strip())
        self.set_source_info(node)
        self.env.domains["numbers"].add_use(self.env.docname, name.strip(), spec.strip(), node.line or self.lineno)
        return [node], []
