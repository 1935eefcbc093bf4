"""Run one Sphinx build in this process and print its wall time, CPU time and peak memory as JSON.

A child process per build keeps each measurement's peak RSS its own. CPU time
(with that of child processes) hardly grows when other work shares the machine,
where wall time can double; the writer loop's ratios use it.
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
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # dot, and forked writers with -j
    cpu = usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime
    print(json.dumps({"status": status, "seconds": elapsed, "cpu_seconds": cpu,
                      "peak_rss_mib": usage.ru_maxrss / 1024}))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
