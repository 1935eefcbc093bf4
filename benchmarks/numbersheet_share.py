"""One HTML build of the book in this process, timing numbersheet's own code inside it.

Prints {"seconds": whole build, "extension_seconds": time inside numbersheet} as
JSON. Both come from the same build, so their ratio does not move with the
machine's load the way two separate builds do (two identical builds here
differ by up to 10%, far more than the 2% the extension may cost).
"""

from __future__ import annotations

import json
import resource
import sys
import time

from sphinx.cmd.build import build_main

SPENT = [0.0]


def timed(owner, name: str) -> None:
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            SPENT[0] += time.perf_counter() - started

    setattr(owner, name, wrapper)


def instrument(book_root: str) -> None:
    """Wrap every entry point Sphinx calls in numbersheet (none calls another)."""
    sys.path.insert(0, f"{book_root}/_ext")
    import numbersheet
    from numbersheet import derive, directives, export, render, roles

    timed(directives.NumbersDirective, "run")
    timed(roles.NumRole, "run")
    timed(derive.NumbersSheets, "derive")
    timed(derive.NumbersSheets, "shown")
    timed(render.RenderNumbers, "run")
    timed(export, "write_numbers_json")
    numbersheet.write_numbers_json = export.write_numbers_json


def main(argv: list[str]) -> int:
    source = argv[-2]
    instrument(source)
    started = time.perf_counter()
    status = build_main(argv)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"status": status, "seconds": time.perf_counter() - started,
                      "extension_seconds": SPENT[0], "peak_rss_mib": peak_mib}))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
