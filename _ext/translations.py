"""Message catalogs for the book's own extensions (``qanda``, ``numbersheet``, ``collapsed_section``).

Each extension marks its reader-facing words with ``sphinx.locale.get_translation(<catalog>)``.
This module gives those catalogs the same life as a page's catalog:

- ``make gettext`` writes ``<catalog>.pot`` next to the pages' templates, extracted from
  the extension's Python sources, so ``sphinx-intl update -p _build/gettext -l xx``
  starts ``locale/xx/LC_MESSAGES/<catalog>.po`` along with the pages' ones.
- A build in language ``xx`` reads ``<catalog>.po`` from the book's ``locale_dirs``
  first (compiled to ``.mo`` when it is newer), then from the catalog the extension
  ships in its own ``locale/`` folder, as ``app.add_message_catalog`` would.

Each Sphinx application loads its catalogs afresh: Python's ``gettext`` caches
catalogs by path, and sphinx.locale keeps one translator per catalog for the
whole process, so a second build in the same process (the tests) would
otherwise keep the first one's language.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from outputs import is_gettext
from sphinx import locale
from sphinx.util import logging
from sphinx.util.i18n import CatalogRepository

if TYPE_CHECKING:
    from sphinx.config import Config

logger = logging.getLogger(__name__)

# Keywords that mark a message in the extensions' sources, as Babel reads them:
# _("text"), N_("text") (marked now, translated later) and n_("one", "many", count).
KEYWORDS = {"_": None, "N_": None, "n_": (1, 2)}


def N_(message: str) -> str:
    """Mark a message for the catalog without translating it yet."""
    return message


def register_catalog(app, catalog: str, shipped_dir: Path | None = None) -> None:
    """Load ``catalog`` for the build's language: the book's translation, then the shipped one."""
    language = app.config.language
    folders = [Path(app.srcdir, folder) for folder in app.config.locale_dirs]
    compile_outdated(app, catalog)
    if shipped_dir is not None:
        folders.append(shipped_dir)
    chain = None
    for folder in folders:
        found = folder / language / "LC_MESSAGES" / f"{catalog}.mo" if language else None
        if found is None or not found.is_file():
            continue
        with found.open("rb") as stream:
            translation = gettext.GNUTranslations(stream)
        if chain is None:
            chain = translation
        else:
            chain.add_fallback(translation)
    locale.translators["general", catalog] = chain or gettext.NullTranslations()


def add_catalog(app, catalog: str, sources: Iterable[Path], shipped_dir: Path | None = None,
                extra: Callable[[Config], Iterable[tuple[str, str]]] = lambda config: ()) -> None:
    """What an extension's ``setup`` calls: load ``catalog`` once the configuration is read,
    and have ``make gettext`` write its template from the extension's Python ``sources``
    and the (message, comment) pairs that ``extra`` finds in the configuration."""
    sources = list(sources)

    def load(app, config) -> None:
        register_catalog(app, catalog, shipped_dir)

    def write(app, exception) -> None:
        if exception is None and is_gettext(app.env):
            write_template(app, catalog, sources, extra(app.config))

    app.setup_extension("outputs")
    app.connect("config-inited", load)
    app.connect("build-finished", write)


def compile_outdated(app, catalog: str) -> None:
    """Compile the book's ``<catalog>.po`` when its ``.mo`` is missing or older, as Sphinx
    does for the pages' catalogs (it compiles those later in the build than we read ours)."""
    if not app.config.language or not app.config.gettext_auto_build:
        return
    repo = CatalogRepository(app.srcdir, app.config.locale_dirs, app.config.language,
                             app.config.source_encoding)
    for info in repo.catalogs:
        if info.domain == catalog and info.is_outdated():
            info.write_mo(app.config.language, app.config.gettext_allow_fuzzy_translations)


def ngettext(catalog: str, singular: str, plural: str, count: int) -> str:
    return locale.get_translator(catalog).ngettext(singular, plural, count)


def write_template(app, catalog: str, sources: Iterable[Path], extra: Iterable[tuple[str, str]] = ()) -> None:
    """For the gettext builder: write ``<catalog>.pot`` with every message marked in ``sources``.

    ``extra`` adds (message, comment) pairs that come from the configuration, not the code.
    """
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_file
    from babel.messages.pofile import write_po

    stamp = os.environ.get("SOURCE_DATE_EPOCH")  # reproducible, as Sphinx's own templates
    created = datetime.fromtimestamp(int(stamp), timezone.utc) if stamp else None
    template = Catalog(project=app.config.project, version=app.config.version,
                       copyright_holder=app.config.author, charset="utf-8", fuzzy=False,
                       creation_date=created)
    root = Path(app.srcdir)
    for source in sorted(sources):
        try:
            where = source.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            where = source.name
        for lineno, message, comments, _context in extract_from_file(
                "python", str(source), keywords=KEYWORDS, comment_tags=("Translators:",)):
            template.add(message, locations=[(where, lineno)], auto_comments=comments)
    for message, comment in extra:
        template.add(message, auto_comments=[comment])
    target = Path(app.outdir) / f"{catalog}.pot"
    with target.open("wb") as stream:
        write_po(stream, template, width=0, omit_header=False, sort_output=True)
    logger.info("wrote the %s message catalog template: %s", catalog, target)


def translated_messages(catalog: str, messages: Iterable[str]) -> dict[str, str]:
    """The messages the loaded catalog translates, as {English: translation}."""
    translator = locale.get_translator(catalog)
    found = {}
    for message in messages:
        text = translator.gettext(message)
        if text != message:
            found[message] = text
    return found


def is_english(language: str | None) -> bool:
    return not language or language == "en" or language.startswith(("en_", "en-"))
