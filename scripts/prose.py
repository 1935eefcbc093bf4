"""Counting the words a reader reads, as the book's word budgets count them.

The tests hold chapters and answers to their limits with it, and `make bench`
reports the book's size with it: prose only, so code, numbers sheets, labels,
directive fences and options, table rules and URLs are free.
"""

from __future__ import annotations

import re
from pathlib import Path

import book_facts

from .check_sources import NUM_ROLE, prose_lines_of

URL = re.compile(r"https?://[^\s)>\]`\"']+")
WORD = re.compile(r"[A-Za-z0-9]+(?:['’.,-][A-Za-z0-9]+)*")
OPTION = re.compile(r"^\s*:[\w-]+:")
FENCE_LINE = re.compile(r"^\s*:{3,}")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
NUMBERS_SHEET = re.compile(r"^\s*(:{3,})\{numbers\}")


def prose_words(path: Path) -> int:
    """Words a reader reads in a page: outside code fences, numbers sheets, labels, fences and options."""
    return prose_words_in(path.read_text(encoding="utf-8"))


def prose_words_in(text: str) -> int:
    count, sheet_fence = 0, None
    for _, line in prose_lines_of(text):
        stripped = line.strip()
        if sheet_fence is None and (opening := NUMBERS_SHEET.match(line)):
            sheet_fence = opening.group(1)  # a numbers sheet is data, shown as a table
            continue
        if sheet_fence is not None:
            sheet_fence = None if stripped == sheet_fence else sheet_fence
            continue
        if not is_markup(stripped):
            # A {num} role is one value to a reader, not its markup.
            count += len(WORD.findall(NUM_ROLE.sub("0", URL.sub("", line))))
    return count


def is_markup(stripped: str) -> bool:
    """A line that only labels, opens or closes a directive, sets an option or rules a table."""
    return bool(book_facts.LABEL_LINE.match(stripped) or OPTION.match(stripped)
                or FENCE_LINE.match(stripped) or TABLE_RULE.match(stripped))
