"""Data derived from the whole book after every read, and the pages that show it.

Some of what a page shows depends on other pages: a question's number on the
toctree, a question's list of answers on the answer pages, a ``{bookstat}``
count on the whole book, a ``book.`` figure on the book's numbers sheet. Each
extension that shows such data keeps what each page declares in its own domain
(purged and merged as ``sphinx.ext.todo`` does) and describes the rest as a
:class:`BookWideData` registered here. After every read, in one place:

1. each source derives its book-wide view, after the sources it ``needs``;
2. the problems it found are reported (a broken claim keeps failing the build
   until it is fixed, even when its page is not read again);
3. each page's fingerprint of what it shows is compared with the one the pages
   of this output were last written from, and the pages whose fingerprint
   changed are written again, so an incremental build equals a clean one.

What each output was written from is kept per builder and output folder
(:func:`outputs.output_key`): builds that share one doctree folder
(``sphinx-build -M``, Read the Docs) each bring their own pages up to date.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from typing import TYPE_CHECKING, Any, NamedTuple
from weakref import WeakKeyDictionary

from outputs import output_key
from sphinx.domains import Domain
from sphinx.errors import ExtensionError
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger("book_wide")


class Problem(NamedTuple):
    """A book-wide problem, reported as ``<warning_type>.<subtype>`` at ``location``
    (a docname and line, or a ``path:line`` string for an included file)."""

    subtype: str
    message: str
    location: Any


class BookWideData:
    """One extension's book-wide data. Subclasses set ``name`` and
    ``warning_type`` and override :meth:`derive` and :meth:`shown`."""

    name: str = ""
    warning_type: str = ""
    needs: tuple[str, ...] = ()  # sources whose derived data this one reads

    def derive(self, app: Sphinx, env: BuildEnvironment) -> Iterable[Problem]:
        """Compute the book-wide view from the domain's records; keep it in the domain."""
        return ()

    def shown(self, env: BuildEnvironment) -> Mapping[str, str]:
        """For each page that shows book-wide data, a fingerprint of what it shows."""
        return {}


class BookWideDomain(Domain):
    """Holds, for each output, the fingerprints its pages were last written from."""

    name = "book_wide"
    label = "Book-wide data"
    initial_data: dict[str, Any] = {
        "written": {},  # output key -> source name -> {docname: fingerprint}
    }
    data_version = 1

    def clear_doc(self, docname: str) -> None:
        pass  # a page read again is written again; its old fingerprint is replaced then

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        pass  # written only after reading, in the main process

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []


_sources: WeakKeyDictionary[Sphinx, dict[str, BookWideData]] = WeakKeyDictionary()


def register(app: Sphinx, source: BookWideData) -> None:
    """Called from an extension's ``setup()``."""
    app.setup_extension("book_wide")
    _sources.setdefault(app, {})[source.name] = source


def in_dependency_order(sources: Mapping[str, BookWideData]) -> list[BookWideData]:
    """Each source after the registered sources it needs (an unloaded one is skipped)."""
    ordered: list[BookWideData] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in path:
            raise ExtensionError(f"book-wide sources need each other: {' -> '.join((*path, name))}")
        source = sources.get(name)
        if source is None or source in ordered:
            return
        for needed in source.needs:
            visit(needed, (*path, name))
        ordered.append(source)

    for name in sorted(sources):
        visit(name, ())
    return ordered


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Sphinx's ``env-get-updated``: derive, report, and name the pages to write again."""
    written = env.domains["book_wide"].data["written"].setdefault(output_key(env), {})
    changed: set[str] = set()
    for source in in_dependency_order(_sources.get(app, {})):
        for problem in source.derive(app, env):
            logger.warning(problem.message, type=source.warning_type, subtype=problem.subtype,
                           location=problem.location)
        shown = dict(source.shown(env))
        before = written.get(source.name, {})
        changed |= {doc for doc in shown.keys() | before.keys() if shown.get(doc) != before.get(doc)}
        written[source.name] = shown
    return sorted(changed & env.found_docs)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("outputs")
    app.add_domain(BookWideDomain)
    app.connect("env-get-updated", pages_to_rewrite)
    return {"version": "1.0", "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
