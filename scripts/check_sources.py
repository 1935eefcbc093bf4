"""Quick checks on the book's sources; no build needed. Run by `make check`
(`python -m scripts.check_sources`).

Each rule returns problems as "path:line: message" so editors jump straight there.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import book_facts

from . import BOOK_ROOT

SHARED = BOOK_ROOT.parent / "shared"
HEADING = re.compile(r"^(#{1,6})\s+\S")
FENCE = re.compile(r"^(`{3,}|~{3,})")
# An unescaped $...$ span, as MyST's dollarmath reads it.
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)((?:[^$\\]|\\.)+?)(?<!\\)\$")
# A {num} role's format may hold a dollar sign ({num}`cost:$M`); it is not math.
NUM_ROLE = re.compile(r"\{num\}`[^`]*`")
# Prose words inside a span mean two currency amounts were read as one formula.
PROSE_IN_MATH = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}")


def book_pages() -> list[Path]:
    pages = [BOOK_ROOT / "index.md", BOOK_ROOT / "glossary.md"]
    for folder in book_facts.PARTS:
        pages.extend(sorted((BOOK_ROOT / folder).rglob("*.md")))
    return [p for p in pages if p.exists()]


def prose_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Lines outside code fences, numbered from 1."""
    return prose_lines_of(path.read_text(encoding="utf-8"))


def prose_lines_of(text: str) -> Iterator[tuple[int, str]]:
    fence = None
    for number, line in enumerate(text.splitlines(), 1):
        match = FENCE.match(line.strip())
        if match and (fence is None or line.strip().startswith(fence)):
            fence = None if fence else match.group(1)
            continue
        if fence is None:
            yield number, line


def where(path: Path, line: int) -> str:
    shown = path.relative_to(BOOK_ROOT) if path.is_relative_to(BOOK_ROOT) else path
    return f"{shown}:{line}"


def check_heading_labels(path: Path) -> list[str]:
    problems, previous = [], ""
    for number, line in prose_lines(path):
        if HEADING.match(line):
            label = book_facts.LABEL_LINE.match(previous.strip())
            if not label:
                problems.append(f"{where(path, number)}: heading has no (label)= line above it")
            elif not book_facts.LABEL_PATTERN.match(label.group(1)):
                problems.append(f"{where(path, number)}: label '{label.group(1)}' is not kebab-case")
        if line.strip():
            previous = line
    return problems


def check_currency(path: Path) -> list[str]:
    problems = []
    for number, line in prose_lines(path):
        for span in INLINE_MATH.findall(NUM_ROLE.sub(" ", line).replace("`", " ")):
            if "\\" not in span and PROSE_IN_MATH.search(span):
                problems.append(f"{where(path, number)}: '$' amounts read as math ('${span[:40]}...'); "
                                "write \\$ for currency")
    return problems


# A {num} format that already prints its unit, followed by the unit in words:
# {num}`users:M` million reads "120M million".
UNIT_TWICE = re.compile(r"\{num\}`[^`:]*:\$?(?P<spec>M|B|k|%|ms|s|min|h|days|GB|TB|MB|KB|QPS|TPS)`\s+"
                        r"(?P<word>million|billion|thousand|percent|per cent|milliseconds|seconds|minutes|hours|"
                        r"days|GB|TB|MB|KB|QPS|TPS|ms|s|min|h)\b")
SPEC_WORDS = {"M": {"million"}, "B": {"billion"}, "k": {"thousand"}, "%": {"percent", "per cent"},
              "ms": {"ms", "milliseconds"}, "s": {"s", "seconds"}, "min": {"min", "minutes"},
              "h": {"h", "hours"}, "days": {"days"}}


def check_units(path: Path) -> list[str]:
    problems = []
    for number, line in prose_lines(path):
        for match in UNIT_TWICE.finditer(line):
            if match["word"] in SPEC_WORDS.get(match["spec"], {match["spec"]}):
                problems.append(f"{where(path, number)}: '{match.group(0)}' prints its unit twice; "
                                f"the ':{match['spec']}' format already adds it")
    return problems


def check_markup(path: Path) -> list[str]:
    """MyST lint: what sphinx-lint does for reST, for our Markdown."""
    problems = []
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if line != line.rstrip():
            problems.append(f"{where(path, number)}: trailing whitespace")
        if "\t" in line:
            problems.append(f"{where(path, number)}: tab character; indent with spaces")
    fences = [line.strip()[:3] for line in text.splitlines() if FENCE.match(line.strip())]
    if len(fences) % 2:
        problems.append(f"{where(path, len(text.splitlines()))}: a code fence is never closed")
    return problems


# What a contributed page must not contain: it could run code in a reader's browser.
RAW_HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^>]*)?/?>")
EVENT_HANDLER = re.compile(r"\bon[a-z]+\s*=\s*[\"']", re.IGNORECASE)
RAW_MARKUP = re.compile(r"\{raw\}|^\s*(?:`{3,}|:{3,})\s*\{raw\}|^\.\.\s+raw::", re.MULTILINE)


def check_untrusted_markup(path: Path) -> list[str]:
    problems = []
    if RAW_MARKUP.search(path.read_text(encoding="utf-8")):
        problems.append(f"{where(path, 1)}: the raw directive and {{raw}} role are not allowed")
    for number, line in prose_lines(path):
        visible = re.sub(r"`[^`]*`", "", line)
        visible = re.sub(r"<https?://[^>]+>", "", visible)
        if RAW_HTML.search(visible) or "<script" in visible.lower():
            problems.append(f"{where(path, number)}: raw HTML is not allowed; use MyST markup")
        elif EVENT_HANDLER.search(visible):
            problems.append(f"{where(path, number)}: inline event handlers are not allowed")
    return problems


def contributed_pages() -> list[Path]:
    return [p for p in book_pages() if p.parent.name in ("questions", "answers")]


def check_spelling(paths: list[Path]) -> list[str]:
    result = subprocess.run([str(Path(sys.executable).parent / "codespell"), "--toml",
                             str(BOOK_ROOT / "pyproject.toml"), *map(str, paths)],
                            capture_output=True, text=True, cwd=BOOK_ROOT)
    return [line for line in result.stdout.splitlines() if line.strip()]


def check_originality(paths: list[Path] | None = None) -> list[str]:
    """With no paths, only what changed against HEAD (the tool's --changed)."""
    tool = SHARED / "tools" / "originality-check"
    if not tool.exists():  # a clone without ../shared beside it: say so, do not fail
        print(f"check: originality skipped: its checker, {tool}, is not beside this clone", file=sys.stderr)
        return []
    args = [str(p) for p in paths] if paths is not None else ["--changed"]
    result = subprocess.run([sys.executable, str(tool), *args], capture_output=True, text=True, cwd=BOOK_ROOT)
    return [] if result.returncode == 0 else [result.stdout.strip() or result.stderr.strip()]


def main() -> int:
    pages = book_pages()
    problems = []
    for page in pages:
        problems += check_heading_labels(page) + check_currency(page) + check_units(page) + check_markup(page)
    for page in contributed_pages():
        problems += check_untrusted_markup(page)
    problems += check_spelling(pages + [BOOK_ROOT / "README.md", BOOK_ROOT / "CONTRIBUTING.md"])
    problems += check_originality()
    for problem in problems:
        print(problem)
    print(f"check: {len(pages)} pages, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
