"""An environment collector for extensions whose domain keeps the per-document records.

``qanda`` and ``numbersheet`` store what each document declares in their own
domains, which purge and merge those records as ``sphinx.ext.todo`` does. Their
collectors only derive book-wide results after every read (``get_updated_docs``),
so the per-document hooks Sphinx requires have nothing to do.
"""

from __future__ import annotations

from sphinx.environment.collectors import EnvironmentCollector


class DomainCollector(EnvironmentCollector):
    def clear_doc(self, app, env, docname: str) -> None:
        pass

    def merge_other(self, app, env, docnames, other) -> None:
        pass

    def process_doc(self, app, doctree) -> None:
        pass


def output_key(app) -> str:
    """Names one output: builds that share a doctree folder (``sphinx-build -M``,
    Read the Docs) share the environment, so what each output last showed is
    recorded under its own key, or one builder's run would consume a change
    that another's pages still need."""
    return f"{app.builder.name}:{app.outdir}"
