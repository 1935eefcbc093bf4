"""A sitemap that two builds of the same sources write alike.

sphinx-sitemap collects page addresses from parallel writers in whatever order
they finish; the sitemap's entries are sorted once it has written the file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import TYPE_CHECKING

from outputs import is_html

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sort_sitemap(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or not is_html(app.env):
        return
    path = Path(app.outdir) / getattr(app.config, "sitemap_filename", "sitemap.xml")
    if not path.is_file():
        return
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", "http://www.w3.org/1999/xhtml")
    tree = ElementTree.parse(path)
    root = tree.getroot()
    root[:] = sorted(root, key=lambda url: url.findtext(f"{{{SITEMAP_NS}}}loc") or "")
    tree.write(path, xml_declaration=True, encoding="utf-8", method="xml")


def register(app: Sphinx) -> None:
    app.connect("build-finished", sort_sitemap, priority=900)  # after sphinx-sitemap writes it
