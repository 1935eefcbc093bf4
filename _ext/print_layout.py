"""The landing page in print: its sections become the front matter.

The landing page (the root document) has sections of its own before its table
of contents. The LaTeX and rst2pdf builders would make each of them a chapter,
with the book's real chapters nested inside the last one; in print they become
unnumbered headings instead. On every page, each sphinx-design card loses the
hidden link text that makes the whole card clickable on screen and would be
printed as stray text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sphinx_design.shared as design
from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from compat import require
from outputs import is_print

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


class LandingPageInPrint(SphinxPostTransform):
    default_priority = 5  # before references are resolved (10)

    def run(self, **kwargs) -> None:
        if not is_print(self.env):
            return
        for link in list(self.document.findall(is_card_link)):
            link.parent.remove(link)
        if self.env.docname == self.config.root_doc:
            root = self.document.next_node(nodes.section)
            if root is not None:
                for section in [child for child in root.children if isinstance(child, nodes.section)]:
                    section.replace_self(flatten(section))


def is_card_link(node: nodes.Node) -> bool:
    """The hidden link that sphinx-design stretches over a whole card."""
    if not isinstance(node, design.PassthroughTextElement):
        return False
    return any("sd-stretched-link" in child.get("classes", ()) for child in node.children
               if isinstance(child, nodes.Element))


def flatten(section: nodes.section) -> list[nodes.Node]:
    """A section's title as an unnumbered heading (keeping its ids), then its body."""
    title = section.next_node(nodes.title)
    rubric = nodes.rubric(title.rawsource, "", *title.children, ids=list(section["ids"]))
    return [rubric, *(child for child in section.children if child is not title)]


def setup(app: Sphinx) -> ExtensionMetadata:
    require(design, "PassthroughTextElement", library="sphinx-design", patched_by=__name__)
    app.setup_extension("outputs")
    app.add_post_transform(LandingPageInPrint)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
