"""One place for the extension's warnings: type ``numbers`` and a subtype.

The location is given to the logger only (file and line), never repeated in the
text. Authors can silence a class with ``suppress_warnings = ["numbers.<subtype>"]``.
"""

from __future__ import annotations

from typing import Any

from sphinx.util import logging

logger = logging.getLogger("numbersheet")


def warn(subtype: str, message: str, location: Any) -> None:
    logger.warning(message, type="numbers", subtype=subtype, location=location)
