"""Placeholders left in the doctrees; :mod:`numbersheet.render` replaces them at write time.

Values can depend on the book-wide sheet, which may be read after the page, so
nothing is printed until every page has been read and every sheet evaluated.
"""

from __future__ import annotations

from docutils import nodes


class numbers_sheet(nodes.General, nodes.Element):
    """A numbers block; attributes: docname, block (its index on the page), title, hidden."""


class num_reference(nodes.Inline, nodes.TextElement):
    """A {num} role; attributes: docname, name, spec. Its text is the role's source."""
