"""The ``collapsed-section`` directive: fold the rest of a section in interactive HTML.

A worked answer's "Depth on demand" holds sub-sections (the numbers sheet,
features, budget, failure table), and headings cannot live inside a dropdown.
So the directive only marks the spot: at write time, everything after the
marker in its section goes into a ``<details>`` element in HTML, and stays in
full in the ePub and both PDFs, where nothing can be clicked open.

    ## Depth on demand

    :::{collapsed-section} Show the numbers sheet, features and follow-ups
    :::
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from outputs import is_website
from translations import add_catalog

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)
CATALOG = "collapsed_section"  # its one word of its own, in the book's language
_ = get_translation(CATALOG)


class collapsed_marker(nodes.General, nodes.Element):
    """Where the fold starts; attribute: summary."""


class folded_section(nodes.General, nodes.Element):
    """The folded rest of a section (HTML ``<details>``); attribute: summary."""


def visit_folded_section_html(self, node: folded_section) -> None:
    self.body.append(self.starttag(node, "details", CLASS="collapsed-section"))
    self.body.append(f"<summary>{self.encode(node['summary'])}</summary>\n")


def depart_folded_section_html(self, node: folded_section) -> None:
    self.body.append("</details>\n")


class CollapsedSectionDirective(SphinxDirective):
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = False

    def run(self) -> list[nodes.Node]:
        marker = collapsed_marker(summary=" ".join(self.arguments).strip() or _("Show more"))
        self.set_source_info(marker)
        return [marker]


class FoldSections(SphinxPostTransform):
    default_priority = 6

    def run(self, **kwargs) -> None:
        for marker in list(self.document.findall(collapsed_marker)):
            section = marker.parent
            if not isinstance(section, nodes.section):
                logger.warning("collapsed-section must stand directly under a heading; nothing is folded",
                               location=marker, type="collapsed-section", subtype="placement")
                marker.parent.remove(marker)
                continue
            if not is_website(self.env):  # the ePub and print show everything
                section.remove(marker)
                continue
            start = section.index(marker)
            fold = folded_section(summary=marker["summary"])
            fold.extend(section.children[start + 1:])
            del section.children[start:]
            section += fold


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("outputs")
    app.add_directive("collapsed-section", CollapsedSectionDirective)
    app.add_node(folded_section, html=(visit_folded_section_html, depart_folded_section_html))
    app.add_post_transform(FoldSections)
    add_catalog(app, CATALOG, [Path(__file__)])
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
