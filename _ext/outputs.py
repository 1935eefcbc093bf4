"""Which output is being written: the one module that asks the builder.

The book's extensions ask questions about the output ("is this the website?",
"one page?", "print?") instead of comparing builder names, so the answer to
each lives here once. Transforms, collectors and domains are handed the
environment but have no public way to the builder (Sphinx 9 deprecates
``env.app``), so the builder is recorded for its environment when it is
initialized; forked parallel readers and writers inherit the record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from sphinx.builders.gettext import I18nBuilder

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

_builders: WeakKeyDictionary[BuildEnvironment, Builder] = WeakKeyDictionary()

SINGLE_PAGE_BUILDERS = frozenset({"singlehtml"})
RST2PDF_BUILDER = "pdf"


def record_builder(app: Sphinx) -> None:
    _builders[app.env] = app.builder


def builder_of(env: BuildEnvironment) -> Builder:
    return _builders[env]


def is_html(env: BuildEnvironment) -> bool:
    """Any HTML page: the website, its single-page form and the ePub's pages."""
    return builder_of(env).format == "html"


def is_website(env: BuildEnvironment) -> bool:
    """HTML read in a browser (html, dirhtml, singlehtml): scripts run, links to
    files beside the pages work. The ePub's pages are HTML but not a website."""
    return is_html(env) and not getattr(builder_of(env), "embedded", False)


def is_single_page(env: BuildEnvironment) -> bool:
    """The whole book as one HTML page, where every anchor shares one document."""
    return builder_of(env).name in SINGLE_PAGE_BUILDERS


def is_epub(env: BuildEnvironment) -> bool:
    return builder_of(env).name == "epub"


def is_latex(env: BuildEnvironment) -> bool:
    return builder_of(env).format == "latex"


def is_rst2pdf(env: BuildEnvironment) -> bool:
    return builder_of(env).name == RST2PDF_BUILDER


def is_print(env: BuildEnvironment) -> bool:
    """A PDF, through LaTeX or through rst2pdf."""
    return is_latex(env) or is_rst2pdf(env)


def is_gettext(env: BuildEnvironment) -> bool:
    """Extracting messages for translators (the gettext builder), not a readable output."""
    return isinstance(builder_of(env), I18nBuilder)


def output_key(env: BuildEnvironment) -> str:
    """Names one output. Builds that share a doctree folder (``sphinx-build -M``,
    Read the Docs) share the environment, so what each output last showed is
    recorded under its own key, or one builder's run would consume a change
    that another's pages still need."""
    builder = builder_of(env)
    return f"{builder.name}:{builder.outdir}"


def setup(app: Sphinx) -> ExtensionMetadata:
    # First of all builder-inited handlers: others may already ask.
    app.connect("builder-inited", record_builder, priority=0)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
