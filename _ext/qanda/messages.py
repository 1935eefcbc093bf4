"""The warnings found while reading and writing, each with type ``qanda`` and a subtype.

Problems found in the book as a whole (the catalog's) are reported by
:mod:`book_wide` with the same type, so one ``suppress_warnings`` entry covers both.

Subtypes let authors silence a class of message with ``suppress_warnings =
["qanda.<subtype>"]``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from sphinx.util import logging

logger = logging.getLogger("qanda")


def warn(subtype: str, message: str, location: Any) -> None:
    logger.warning(message, type="qanda", subtype=subtype, location=location)


def did_you_mean(wrong: str, known: Iterable[str]) -> str:
    """Return "; did you mean 'x'?" for the closest known name, or an empty string."""
    close = difflib.get_close_matches(wrong, sorted(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
