#!/usr/bin/env python3
"""Quick checks on the book's sources; no build needed. Run by `make check`.

Each rule returns problems as "path:line: message" so editors jump straight there.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

BOOK_ROOT = Path(__file__).resolve().parents[1]
SHARED = BOOK_ROOT.parent / "shared"
CONTENT_DIRS = ("project-setup", "data-pipeline", "modeling", "serving", "questions", "answers")
HEADING = re.compile(r"^(#{1,6})\s+\S")
LABEL = re.compile(r"^\(([^)]+)\)=\s*$")
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FENCE = re.compile(r"^(`{3,}|~{3,})")
# An unescaped $...$ span, as MyST's dollarmath reads it.
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)((?:[^$\\]|\\.)+?)(?<!\\)\$")
# Prose words inside a span mean two currency amounts were read as one formula.
PROSE_IN_MATH = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}")


def book_pages() -> list[Path]:
    pages = [BOOK_ROOT / "index.md", BOOK_ROOT / "glossary.md"]
    for folder in CONTENT_DIRS:
        pages.extend(sorted((BOOK_ROOT / folder).rglob("*.md")))
    return [p for p in pages if p.exists()]


def prose_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Lines outside code fences, numbered from 1."""
    fence = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = FENCE.match(line.strip())
        if match and (fence is None or line.strip().startswith(fence)):
            fence = None if fence else match.group(1)
            continue
        if fence is None:
            yield number, line


def where(path: Path, line: int) -> str:
    return f"{path.relative_to(BOOK_ROOT)}:{line}"


def check_heading_labels(path: Path) -> list[str]:
    problems, previous = [], ""
    for number, line in prose_lines(path):
        if HEADING.match(line):
            label = LABEL.match(previous.strip())
            if not label:
                problems.append(f"{where(path, number)}: heading has no (label)= line above it")
            elif not KEBAB.match(label.group(1)):
                problems.append(f"{where(path, number)}: label '{label.group(1)}' is not kebab-case")
        if line.strip():
            previous = line
    return problems


def check_currency(path: Path) -> list[str]:
    problems = []
    for number, line in prose_lines(path):
        for span in INLINE_MATH.findall(line.replace("`", " ")):
            if "\\" not in span and PROSE_IN_MATH.search(span):
                problems.append(f"{where(path, number)}: '$' amounts read as math ('${span[:40]}...'); "
                                "write \\$ for currency")
    return problems


def check_originality(paths: list[Path]) -> list[str]:
    tool = SHARED / "tools" / "originality-check"
    if not tool.exists():
        return [f"originality checker not found at {tool}"]
    result = subprocess.run([sys.executable, str(tool), *map(str, paths)], capture_output=True, text=True)
    return [] if result.returncode == 0 else [result.stdout.strip() or result.stderr.strip()]


def main() -> int:
    pages = book_pages()
    code = [p for p in (BOOK_ROOT / "_ext").rglob("*") if p.suffix in {".py", ".css"}]
    problems = []
    for page in pages:
        problems += check_heading_labels(page) + check_currency(page)
    problems += check_originality(pages + code)
    for problem in problems:
        print(problem)
    print(f"check: {len(pages)} pages, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
