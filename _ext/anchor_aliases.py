"""Old labels keep working after a rename.

``anchor_aliases = {"old-label": "new-label"}`` in conf.py makes ``{ref}`` to
the old label resolve to the new one, and gives the new target the old id as
well, so links from other sites to ``page.html#old-label`` still land.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)


def register_aliases(app, env) -> None:
    std = env.domains["std"]
    for old, new in app.config.anchor_aliases.items():
        if new not in std.labels and new not in std.anonlabels:
            logger.warning("anchor alias '%s' points to unknown label '%s'", old, new,
                           type="anchor-alias", subtype="unknown")
            continue
        if new in std.labels:
            std.labels[old] = std.labels[new]
        std.anonlabels[old] = std.anonlabels[new]


class AddAliasIds(SphinxPostTransform):
    default_priority = 20

    def run(self, **kwargs) -> None:
        old_ids = aliases_by_id(self.env.domains["std"], self.config.anchor_aliases)
        # One walk of the page, not one per alias: the book has hundreds of aliases.
        for element in self.document.findall(nodes.Element):
            for node_id in list(element["ids"]):
                for old in old_ids.get(node_id, ()):
                    if old not in element["ids"]:
                        element["ids"].append(old)


def aliases_by_id(std, aliases: dict[str, str]) -> dict[str, list[str]]:
    """The old labels to add beside each id that a new label points to."""
    found: dict[str, list[str]] = {}
    for old, new in aliases.items():
        docname, node_id = std.anonlabels.get(new, (None, None))
        if docname is not None:
            found.setdefault(node_id, []).append(old)
    return found


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("anchor_aliases", {}, "env", types=[dict])
    app.connect("env-updated", register_aliases)
    app.add_post_transform(AddAliasIds)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
