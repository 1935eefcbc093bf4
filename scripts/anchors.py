"""Keep every published page and label reachable.

Readers cite the book by page URL and by anchor. `anchors.lock` lists every
page path and every label the book has published. This script rewrites it from
a built environment (`make anchors-lock`, done deliberately when something is
added), and `check()` reports locked entries that disappeared without a
redirect (`redirects` in conf.py, for pages) or an alias (`anchor_aliases`, for
labels).

    python -m scripts.anchors lock  [DOCTREES]   # default: _build/doctrees/html
    python -m scripts.anchors check [DOCTREES]
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from . import BOOK_ROOT

LOCK = BOOK_ROOT / "anchors.lock"
HEADER = (
    "# Published pages and labels: never remove a line. A page that moves needs a redirect\n"
    "# (conf.py: redirects); a label that is renamed needs an alias (conf.py: anchor_aliases).\n"
    "# Refresh with `make anchors-lock` after adding pages or labels.\n"
)


def load_environment(doctrees: Path):
    # Unpickling needs the extensions' classes; the package put _ext/ on the path.
    with open(doctrees / "environment.pickle", "rb") as stream:
        return pickle.load(stream)


def published(env) -> set[str]:
    """Every page and label the built book offers, as lock lines."""
    entries = {f"page {doc}" for doc in env.found_docs}
    # An unpickled environment has its domains' data, not the domain objects.
    builtin = ("genindex", "modindex", "search", "py-modindex")
    entries |= {f"label {name}" for name in env.domaindata["std"]["labels"] if name not in builtin}
    qanda = env.domaindata["qanda"]
    for kind in ("questions", "answers"):
        entries |= {f"label {r['label']}" for records in qanda[kind].values() for r in records}
    return entries


def read_lock(path: Path = LOCK) -> set[str]:
    if not path.exists():
        return set()
    return {line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")}


def missing(locked: set[str], offered: set[str], redirects: dict[str, str], aliases: dict[str, str]) -> list[str]:
    """Locked entries that the build no longer offers, less those redirected or aliased."""
    lost = []
    for entry in sorted(locked - offered):
        kind, name = entry.split(" ", 1)
        if kind == "page" and name in redirects:
            continue
        if kind == "label" and f"label {aliases.get(name, '')}" in offered:
            continue
        lost.append(entry)
    return lost


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("lock", "check"):
        print(__doc__)
        return 2
    doctrees = Path(argv[1]) if len(argv) > 1 else BOOK_ROOT / "_build" / "doctrees" / "html"
    env = load_environment(doctrees)
    locked = read_lock()
    if argv[0] == "lock":
        entries = locked | published(env)
        LOCK.write_text(HEADER + "".join(f"{e}\n" for e in sorted(entries)))
        print(f"anchors.lock: {len(entries)} entries ({len(entries - locked)} new)")
        return 0
    lost = missing(locked, published(env), env.config.redirects, env.config.anchor_aliases)
    for entry in lost:
        print(f"anchors.lock: '{entry}' is no longer published; add a redirect or an alias")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
