"""Every bad input gives exactly one located numbers warning, and the rest of the page builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .qanda_helpers import build, copy_root

WARNING = re.compile(r"^(?P<path>[^:\s]+\.md):(?P<line>\d+): WARNING: (?P<message>.*) \[numbers\.(?P<subtype>[a-z-]+)\]$")

CASES = [
    ("syntax", 4, "syntax", "syntax error in '3 +* 4'"),
    ("no-equals", 4, "syntax", "cannot read 'just some words'"),
    ("unknown-name", 5, "unknown-name", "'paek' is not defined on this page; did you mean 'peak'?"),
    ("redefinition", 5, "redefined", "'peak' is already defined on line 4"),
    ("cycle", 4, "cycle", "a -> b -> a"),
    ("division", 5, "division-by-zero", "division by zero in '5 / zero'"),
    ("assert-failed", 6, "assert-failed", "spent <= budget (we stay within budget); with the sheet's values: 130 <= 100"),
    ("disallowed-attribute", 4, "disallowed", "attribute access is not allowed"),
    ("disallowed-subscript", 5, "disallowed", "subscripts are not allowed"),
    ("disallowed-call", 4, "disallowed", "calling 'open' is not allowed"),
    ("disallowed-lambda", 4, "disallowed", "lambdas are not allowed"),
    ("disallowed-comprehension", 4, "disallowed", "comprehensions are not allowed"),
    ("disallowed-string", 4, "disallowed", "strings are not allowed"),
    ("exponent", 4, "out-of-range", "exponent 1.84467e+19 is out of range"),
    ("magnitude", 4, "out-of-range", "exceeds 1e+30"),
    ("bad-format", 7, "format", "unknown format 'zz'"),
    ("no-sheet", 3, "no-sheet", "{num} 'peak' is used on a page that defines no numbers"),
    ("unknown-num", 7, "unknown-name", "{num} 'paek' is not defined on this page; did you mean 'peak'?"),
    ("unknown-book-name", 4, "unknown-name", "'book.secnds_per_day' is not defined on the book-wide sheet; "
     "did you mean 'book.seconds_per_day'?"),
    ("unknown-book-role", 3, "unknown-name", "did you mean 'book.seconds_per_day'?"),
]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    app = build(copy_root("numbers-bad", tmp_path_factory.mktemp("bad")))
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return app, [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("page, line, subtype, message", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_one_located_warning(result, page, line, subtype, message):
    found = [m for m in map(WARNING.match, result[1]) if m and Path(m["path"]).name == f"{page}.md"]
    assert len(found) == 1, [m.group(0) for m in found] or result[1]
    assert (int(found[0]["line"]), found[0]["subtype"]) == (line, subtype)
    assert message in found[0]["message"]


def test_every_warning_is_a_located_numbers_warning_without_a_traceback(result):
    _, lines = result
    assert len(lines) == len(CASES) and all(WARNING.match(line) for line in lines), lines


@pytest.mark.parametrize("page", [c[0] for c in CASES])
def test_the_rest_of_the_page_still_builds(result, page):
    app, _ = result
    assert "The rest of the page still builds." in (Path(app.outdir) / f"{page}.html").read_text()
