"""The ``{question}`` and ``{answer}`` roles: placeholders resolved at write time."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import split_explicit_title

from .nodes import qanda_reference


class QandaRole(SphinxRole):
    """``{question}`label``` or ``{question}`text <label>```; likewise for answers."""

    def __init__(self, reftype: str) -> None:
        self.reftype = reftype

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        has_explicit, title, target = split_explicit_title(self.text)
        node = qanda_reference(
            self.rawtext,
            title if has_explicit else target.strip(),
            reftype=self.reftype,
            target=target.strip(),
            explicit=has_explicit,
            docname=self.env.docname,
        )
        self.set_source_info(node)
        return [node], []
