"""Run one Sphinx build in this process and print its wall time and peak memory as JSON.

A child process per build keeps each measurement's peak RSS its own.
"""

from __future__ import annotations

import json
import resource
import sys
import time

from sphinx.cmd.build import build_main


def main(argv: list[str]) -> int:
    started = time.perf_counter()
    status = build_main(argv)
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"status": status, "seconds": elapsed, "peak_rss_mib": peak_kib / 1024}))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
