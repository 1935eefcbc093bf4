"""Reading the real book: its sources, prose word counts, links and built outputs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from scripts.prose import URL, prose_words

BOOK_ROOT = Path(__file__).resolve().parents[1]


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
    """Run the book's own Makefile in a copy, reusing the running virtualenv, as a reader's
    shell would: without the variables of a `make test` around the suite, which would turn
    this make into a sub-make (it prints "Entering directory" lines and inherits flags)."""
    return subprocess.run(make_command(*targets, builddir=builddir, jobs=jobs), cwd=copy,
                          capture_output=True, text=True, env=outside_make(os.environ))


def make_command(*targets: str, builddir: Path | None = None, jobs: str = "auto") -> list[str]:
    """The book's Makefile with the running virtualenv (and a build folder, when given)."""
    folder = [f"BUILDDIR={builddir}"] if builddir else []
    return ["make", *targets, f"VENV={Path(sys.prefix)}", *folder, f"JOBS={jobs}"]


def outside_make(environ) -> dict[str, str]:
    return {name: value for name, value in environ.items() if name not in SUB_MAKE_VARIABLES}


SUB_MAKE_VARIABLES = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "MAKE_TERMOUT", "MAKE_TERMERR"}
