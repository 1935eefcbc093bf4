"""Check the numbers sheets of pages without building the book.

    .venv/bin/python -m scripts.numbers_check answers/card-fraud.md [more pages...]

Prints every figure with its value and every claim with its outcome, then each
problem as "path:line: message" (the same messages the build gives), and exits
1 if there is any. The book-wide sheet (reference/numbers-to-remember.md) is read
first so that book.<name> works. Reads the Markdown directly, so it takes a
second where a build takes minutes; the build stays the authority.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import book_facts
from numbersheet.formatting import format_value
from numbersheet.sheet import Problem, Result, evaluate_page, parse_lines, use_problem

from . import BOOK_ROOT

BOOK_SHEET = BOOK_ROOT / f"{book_facts.BOOK_NUMBERS_PAGE}.md"
OPENING = re.compile(r"^\s*(?P<fence>:{3,}|`{3,})\{numbers\}")
OPTION = re.compile(r"^\s*:[\w-]+:")
NUM_ROLE = re.compile(r"\{num\}`([^`]+)`")
# A backtick or tilde fence: code, unless it opens a directive other than {code-block}.
FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})\s*(?P<info>\S*)")
# Left to right: a role, or a code span (whose contents are shown, not run).
ROLE_OR_CODE = re.compile(r"(?P<role>\{[\w:-]+\}`[^`]*`)|(?P<code>(`+).*?(?<!`)\3(?!`))")


def closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(fence) and not stripped.strip(fence[0])


def without_code_blocks(source: list[str]) -> list[str]:
    """The page's lines with fenced code blocks blanked (so line numbers stay):
    what a code block shows is an example, not the page's sheet."""
    kept, code, directives = [], None, []
    for line in source:
        if code:
            code = None if closes(line, code) else code
            kept.append("")
            continue
        if directives and closes(line, directives[-1]):
            directives.pop()
            kept.append(line)
            continue
        opening = FENCE.match(line)
        if opening and opening.group("info").startswith("{") and not opening.group("info").startswith("{code"):
            directives.append(opening.group("fence"))
        elif opening:
            code = opening.group("fence")
            line = ""
        kept.append(line)
    return kept


def sheet_lines(text: str):
    """Every numbers block's lines (with their line numbers), and read-time problems."""
    lines, problems, block = [], [], 0
    source = without_code_blocks(text.splitlines())
    index = 0
    while index < len(source):
        opening = OPENING.match(source[index])
        index += 1
        if not opening:
            continue
        fence, content = opening.group("fence"), []
        while index < len(source) and source[index].strip() != fence:
            if content or not OPTION.match(source[index]):
                content.append((index + 1, source[index]))
            index += 1
        index += 1
        found, trouble = parse_lines(content, block)
        lines, problems, block = lines + found, problems + trouble, block + 1
    return lines, problems, block > 0


def uses(text: str):
    for number, line in enumerate(without_code_blocks(text.splitlines()), 1):
        roles = "".join(m.group("role") or "" for m in ROLE_OR_CODE.finditer(line))
        for match in NUM_ROLE.finditer(roles):
            name, _, spec = match.group(1).partition(":")
            yield number, name.strip(), spec.strip()


def check_page(path: Path, book: dict | None, own_book: bool = False) -> tuple[Result | None, list[Problem]]:
    text = path.read_text(encoding="utf-8")
    lines, problems, has_sheet = sheet_lines(text)
    result = evaluate_page(lines, {} if own_book else book, own_book) if has_sheet else None
    problems += result.problems if result else []
    for number, name, spec in uses(text):
        found = use_problem(name, spec, result, result.values if own_book and result else book)
        if found:
            problems.append(Problem(found[0], found[1], number))
    return result, sorted(problems, key=lambda p: p.lineno)


def show(path: Path, result: Result | None) -> None:
    print(f"== {path}")
    if result is None:
        print("   (no numbers sheet)")
        return
    for line in result.lines:
        if line.kind == "figure":
            value = result.values.get(line.name)
            shown = "not computed" if value is None else format_value(value, "")
            print(f"   {line.lineno:>4}  {line.name:<32} {shown:>16}   = {line.source}")
        else:
            outcome = {True: "holds", False: "FAILS", None: "not checked"}[result.holds.get(line.lineno)]
            print(f"   {line.lineno:>4}  assert {line.source}   [{outcome}]")


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    book_result, book_problems = check_page(BOOK_SHEET, None, own_book=True) if BOOK_SHEET.exists() else (None, [])
    book = book_result.values if book_result else None
    count = 0
    for name in argv:
        path = Path(name).resolve()
        if not path.exists():
            print(f"{name}: no such file", file=sys.stderr)
            return 2
        own = path == BOOK_SHEET
        result, problems = (book_result, book_problems) if own else check_page(path, book)
        show(path, result)
        for problem in problems:
            print(f"{name}:{problem.lineno}: {problem.message} [numbers.{problem.subtype}]")
        count += len(problems)
    print(f"numbers-check: {len(argv)} page(s), {count} problem(s)")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
