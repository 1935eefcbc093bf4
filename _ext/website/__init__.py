"""website: what the book's website adds to Sphinx and its theme, one module per feature.

- ``downloads``: the ``{bookdownload}`` role and the header's download menu,
  which link to the whole book as a PDF and an ePub;
- ``search_weights``: how often each page uses each word, for the search page's ranking;
- ``diagrams``: each graphviz diagram named by its figure caption;
- ``sitemap``: the sitemap's entries in a stable order.

The landing page's layout in print is the ``print_layout`` extension's. The
download menu's words are in the ``website`` message catalog, extracted from
every module of this package.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from translations import add_catalog

from . import diagrams, downloads, search_weights, sitemap

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "1.1.0"

FEATURES = (downloads, search_weights, diagrams, sitemap)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("outputs")
    for feature in FEATURES:
        feature.register(app)
    add_catalog(app, downloads.CATALOG, sorted(Path(__file__).parent.glob("*.py")))
    return {
        "version": __version__,
        "env_version": 2,  # 2: the term counts moved from an environment attribute to a domain
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
