"""rst2pdf's PDF builder, loaded so that HTML builds can still write in parallel.

rst2pdf declares ``parallel_write_safe = False`` because its builder writes a
single file. Sphinx then writes *every* builder's output serially and warns
about it, which ``-W`` turns into a failed HTML build. The declaration is about
the PDF builder alone, and Sphinx never writes a single-file builder in
parallel anyway (its ``allow_parallel`` is False), so nothing else needs it.
"""

from __future__ import annotations

from rst2pdf import pdfbuilder


def setup(app):
    metadata = pdfbuilder.setup(app) or {}
    return {**metadata, "parallel_read_safe": True, "parallel_write_safe": True}
