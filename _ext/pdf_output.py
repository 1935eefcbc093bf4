"""The ``pdf`` builder (rst2pdf), registered without importing rst2pdf.

rst2pdf's builder imports reportlab, and the book's patches to it matplotlib:
about a second that every HTML or ePub build would spend for nothing. So the
name ``pdf`` is registered here with a stand-in class. Sphinx creates the
builder after it has read conf.py and set up the extensions, and before
``builder-inited``; at that moment the stand-in sets up ``rst2pdf_compat``
(rst2pdf's builder, its ``pdf_*`` settings and the book's patches) and hands
Sphinx rst2pdf's builder instead of itself.

The ``pdf_*`` settings are registered that late, and still read conf.py: Sphinx
looks a setting up in conf.py's values the first time it is asked for it. None
of them changes how pages are read, so the saved environment need not know them.
Do not list ``rst2pdf_compat`` in ``extensions``: it would register a second
``pdf`` builder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from outputs import RST2PDF_BUILDER
from sphinx.builders import Builder

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata


class RstToPdfOnDemand(Builder):
    """Stands in for rst2pdf's builder until a build asks for it."""

    name = RST2PDF_BUILDER

    def __new__(cls, app: Sphinx, env: BuildEnvironment) -> Builder:  # type: ignore[misc]
        del app.registry.builders[cls.name]  # rst2pdf's setup registers its builder under this name
        app.setup_extension("rst2pdf_compat")
        # Not an instance of this class, so Python does not call __init__ on it again.
        return app.registry.create_builder(app, cls.name, env)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_builder(RstToPdfOnDemand)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
