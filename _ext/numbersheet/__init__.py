"""numbersheet: a page's figures computed from named assumptions, checked, and printed.

Load it with ``extensions = ["numbersheet"]``. It provides the ``numbers``
directive (one ``name = expression  # description`` a line, and ``assert``
claims checked at build time) and the ``{num}`` role that prints a value.
Configuration: ``numbersheet_book_page``, the docname of the book-wide sheet
whose figures every page reads as ``book.<name>``.

(The package is not called ``numbers``: with ``_ext`` on ``sys.path`` it would
shadow the standard library module that numpy, fractions and decimal import.)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import book_wide
from translations import add_catalog

from .derive import NumbersSheets
from .directives import NumbersDirective
from .domain import NumbersDomain
from .export import write_numbers_json
from .nodes import num_reference
from .render import CATALOG, RenderNumbers, visit_num_encoded, visit_num_text
from .roles import NumRole

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "1.0.0"


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("outputs")
    app.add_config_value("numbersheet_book_page", "", "env", types=[str])
    app.add_domain(NumbersDomain)
    app.add_directive("numbers", NumbersDirective)
    app.add_role("num", NumRole())
    app.add_node(num_reference, html=(visit_num_encoded, None), latex=(visit_num_encoded, None),
                 text=(visit_num_text, None))
    book_wide.register(app, NumbersSheets())
    app.add_post_transform(RenderNumbers)
    app.connect("build-finished", write_numbers_json)
    add_catalog(app, CATALOG, Path(__file__).parent.glob("*.py"))  # translations: see _ext/translations.py
    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
