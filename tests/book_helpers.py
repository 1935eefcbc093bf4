"""Reading the real book: its sources, prose word counts, links and built outputs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from .scripts_path import check_sources

BOOK_ROOT = Path(__file__).resolve().parents[1]
STAGES = ("project-setup", "data-pipeline", "modeling", "serving")
URL = re.compile(r"https?://[^\s)>\]`\"']+")
WORD = re.compile(r"[A-Za-z0-9]+(?:['’.,-][A-Za-z0-9]+)*")
OPTION = re.compile(r"^\s*:[\w-]+:")
FENCE_LINE = re.compile(r"^\s*:{3,}")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
NUMBERS_SHEET = re.compile(r"^\s*(:{3,})\{numbers\}")


def prose_words(path: Path) -> int:
    """Words a reader reads: outside code fences, numbers sheets, labels, fences and options."""
    return prose_words_in(path.read_text(encoding="utf-8"))


def prose_words_in(text: str) -> int:
    count, sheet_fence = 0, None
    for _, line in check_sources.prose_lines_of(text):
        stripped = line.strip()
        if sheet_fence is None and (opening := NUMBERS_SHEET.match(line)):
            sheet_fence = opening.group(1)  # a numbers sheet is data, shown as a table
            continue
        if sheet_fence is not None:
            sheet_fence = None if stripped == sheet_fence else sheet_fence
            continue
        if check_sources.LABEL.match(stripped) or OPTION.match(stripped) or FENCE_LINE.match(stripped):
            continue
        if TABLE_RULE.match(stripped):
            continue
        # A {num} role is one value to a reader, not its markup.
        count += len(WORD.findall(check_sources.NUM_ROLE.sub("0", URL.sub("", line))))
    return count


def stage_words(stage: str) -> int:
    return sum(prose_words(p) for p in sorted((BOOK_ROOT / stage).rglob("*.md")))


def checked_links() -> dict[str, list[str]]:
    links = {}
    for line in (BOOK_ROOT / "links.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            links[fields[0]] = fields
    return links


def external_urls(path: Path) -> list[str]:
    return [u.rstrip(".,;") for u in URL.findall(path.read_text(encoding="utf-8"))]


def clean_copy(destination: Path) -> Path:
    """The files git would check out (tracked and new, not ignored), as a fresh clone has them."""
    names = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=BOOK_ROOT,
                           capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, names):
        source = BOOK_ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


def make(copy: Path, builddir: Path, *targets: str, jobs: str = "auto") -> subprocess.CompletedProcess:
    """Run the book's own Makefile in a copy, reusing the running virtualenv."""
    return subprocess.run(
        ["make", *targets, f"VENV={Path(sys.prefix)}", f"BUILDDIR={builddir}", f"JOBS={jobs}"],
        cwd=copy, capture_output=True, text=True,
    )
