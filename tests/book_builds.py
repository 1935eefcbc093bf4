"""The whole-book builds the tests read, each run once, in the background, when a test needs it.

A build is a job: a function that runs one command (the Makefile, or Read the Docs'
commands) and returns what the tests read. `Builds` runs the jobs a test session asks
for on a few worker threads, one subprocess each, so that a single-threaded build
(LaTeX, rst2pdf, Read the Docs' serial HTML build) runs beside another and beside the
tests that need no build. A test waits only for the jobs it uses.

The jobs and what they share:

- ``copy``: a clean copy of the book (the files a fresh clone has). ``html``, ``epub``,
  ``pdf`` and ``html-again`` are the Makefile's targets run in it, each into its own
  folders (the Makefile gives every builder its own doctree folder, so they can run
  side by side; none writes into the sources).
- ``checkout``: another clean copy (made after ``copy`` has brought the virtualenv up to
  date, once for all the builds), committed to a new git repository, as Read the Docs
  checks it out. ``rtd-html`` and ``rtd-epub`` are the ``python -m sphinx`` commands Read
  the Docs runs (sharing one doctree folder, so the ePub comes after the HTML);
  ``rtd-pdf`` is the ``build.jobs.build.pdf`` commands of ``.readthedocs.yaml``, which
  run ``make latexpdf``: that one run is also the book's LaTeX PDF.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml

from .book_helpers import clean_copy, make_command, outside_make

COMMIT_EPOCH = 1_820_000_000  # 2027-09-03: a commit date no clock of this book's era shows
CANONICAL_URL = "https://mlsd-book.readthedocs.io/en/latest/"

# The order to start jobs in: HTML first (most tests read it), then the long
# single-threaded ones, so that no long job starts last and runs alone.
START_ORDER = ("copy", "html", "checkout", "rtd-pdf", "epub", "pdf", "rtd-html", "html-again", "rtd-epub")
# The order they usually finish in on two cores; tests are run in this order too.
READY_ORDER = ("copy", "checkout", "html", "epub", "rtd-pdf", "rtd-html", "pdf", "rtd-epub", "html-again")


@dataclass
class Built:
    """One output: the sources it was built from, its build folder, and how the command went."""

    source: Path
    dir: Path
    result: subprocess.CompletedProcess


class Builds:
    """Runs the jobs asked for, at most `workers` at a time, each once."""

    def __init__(self, base: Path, workers: int) -> None:
        self.base = base
        self.workers = max(1, workers)
        self.lock = threading.Condition()
        self.waiting: list[str] = []  # asked for, not started
        self.running: set[str] = set()
        self.results: dict[str, object] = {}
        self.errors: dict[str, BaseException] = {}
        self.threads = 0
        self.processes: set[subprocess.Popen] = set()
        self.stopping = False
        self.jobs: dict[str, tuple[tuple[str, ...], Callable[[], object]]] = {
            "copy": ((), self.make_copy),
            "html": (("copy",), lambda: self.make("html")),
            "epub": (("copy",), lambda: self.make("epub")),
            "pdf": (("copy",), lambda: self.make("pdf")),
            "html-again": (("copy",), lambda: self.make("html", builddir=self.base / "again")),
            "checkout": (("copy",), self.make_checkout),  # after `make venv` (make_copy)
            "rtd-html": (("checkout",), lambda: self.readthedocs_sphinx("html")),
            "rtd-epub": (("rtd-html",), lambda: self.readthedocs_sphinx("epub")),
            "rtd-pdf": (("checkout",), self.readthedocs_pdf),
        }

    # -- scheduling -------------------------------------------------------------

    def want(self, names) -> None:
        """Start these jobs (and the jobs they need) as soon as a worker is free."""
        with self.lock:
            pending = list(names)
            while pending:
                name = pending.pop()
                if name in self.waiting or name in self.running or name in self.results or name in self.errors:
                    continue
                self.waiting.append(name)
                pending.extend(self.jobs[name][0])
            self.waiting.sort(key=START_ORDER.index)
            while self.threads < min(self.workers, len(self.waiting) + len(self.running)):
                self.threads += 1
                threading.Thread(target=self.work, name="book-build", daemon=True).start()

    def get(self, name: str):
        """The result of a job, started now if nobody asked for it yet; waits for it."""
        self.want([name])
        with self.lock:
            while name not in self.results and name not in self.errors:
                self.lock.wait(timeout=1)  # wakes up now and then, so Ctrl-C reaches the waiting test
            if name in self.errors:
                raise RuntimeError(f"the {name!r} build could not run") from self.errors[name]
            return self.results[name]

    def work(self) -> None:
        while True:
            with self.lock:
                name = self.next_ready()
                while name is None and self.waiting and not self.stopping:
                    self.lock.wait()
                    name = self.next_ready()
                if name is None:
                    self.threads -= 1
                    return
                self.waiting.remove(name)
                self.running.add(name)
            try:
                result, error = self.jobs[name][1](), None
            except BaseException as raised:  # handed to the test that waits for it
                result, error = None, raised
            with self.lock:
                self.running.discard(name)
                if error is None:
                    self.results[name] = result
                else:
                    self.errors[name] = error
                self.lock.notify_all()

    def next_ready(self) -> str | None:
        """The first waiting job whose own needs are built; a failed need fails it too."""
        for name in self.waiting:
            needs = self.jobs[name][0]
            failed = [need for need in needs if need in self.errors]
            if failed:
                self.waiting.remove(name)
                self.errors[name] = RuntimeError(f"needs {failed[0]!r}, which failed")
                self.lock.notify_all()
                return self.next_ready()
            if all(need in self.results for need in needs):
                return name
        return None

    def stop(self) -> None:
        """End the builds still running (an interrupted session) and start no more."""
        with self.lock:
            self.stopping = True
            self.waiting.clear()
            self.lock.notify_all()
            processes = list(self.processes)
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)

    def run(self, command, **options) -> subprocess.CompletedProcess:
        """A command in its own process group, so that stop() ends make and everything it started."""
        with self.lock:
            if self.stopping:
                raise RuntimeError("the test session is ending")
            options.setdefault("env", outside_make(os.environ))
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                       start_new_session=True, **options)
            self.processes.add(process)
        try:
            stdout, stderr = process.communicate()
        finally:
            with self.lock:
                self.processes.discard(process)
        return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)

    # -- the jobs ------------------------------------------------------------------

    def make_copy(self) -> Path:
        copy = clean_copy(self.base / "src")
        # Every build target first brings the virtualenv up to date (pip install); do that
        # once here, so that builds running side by side never install at the same time.
        venv = self.run(make_command("venv"), cwd=copy)
        if venv.returncode != 0:
            raise RuntimeError(f"make venv failed: {venv.stdout[-2000:]}{venv.stderr[-2000:]}")
        return copy

    def make(self, target: str, builddir: Path | None = None) -> Built:
        """The book's own Makefile target, run in the clean copy with the running virtualenv."""
        source, builddir = self.results["copy"], builddir or self.base / "build"
        result = self.run(make_command(target, builddir=builddir), cwd=source)
        return Built(source, builddir, result)

    def make_checkout(self) -> Path:
        checkout = clean_copy(self.base / "readthedocs" / "checkout")
        git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(checkout)]
        subprocess.run([*git, "init", "-q"], check=True)
        subprocess.run([*git, "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-q", "-m", "checkout", f"--date={COMMIT_EPOCH} +0000"], check=True,
                       env=dict(os.environ, GIT_COMMITTER_DATE=f"{COMMIT_EPOCH} +0000"))
        return checkout

    @property
    def readthedocs_output(self) -> Path:
        return self.base / "readthedocs" / "_readthedocs"

    def readthedocs_environment(self) -> dict[str, str]:
        """What Read the Docs sets for a build; it never sets SOURCE_DATE_EPOCH."""
        return {k: v for k, v in outside_make(os.environ).items() if k != "SOURCE_DATE_EPOCH"} | {
            "READTHEDOCS": "True", "READTHEDOCS_PROJECT": "mlsd-book", "READTHEDOCS_LANGUAGE": "en",
            "READTHEDOCS_VERSION": "latest", "READTHEDOCS_VERSION_TYPE": "branch",
            "READTHEDOCS_CANONICAL_URL": CANONICAL_URL,
            "READTHEDOCS_OUTPUT": str(self.readthedocs_output), "READTHEDOCS_VIRTUALENV_PATH": sys.prefix,
        }

    def readthedocs_sphinx(self, builder: str) -> Built:
        checkout = self.results["checkout"]
        result = self.run([sys.executable, "-m", "sphinx", "-T", "-W", "--keep-going", "-b", builder,
                           "-d", "_build/doctrees", "-D", "language=en", ".", str(self.readthedocs_output / builder)],
                          cwd=checkout, env=self.readthedocs_environment())
        return Built(checkout, self.readthedocs_output, result)

    def readthedocs_pdf(self) -> Built:
        checkout = self.results["checkout"]
        commands = yaml.safe_load((checkout / ".readthedocs.yaml").read_text())["build"]["jobs"]["build"]["pdf"]
        result = self.run(" && ".join(commands), shell=True, executable="/bin/bash", cwd=checkout,
                          env=self.readthedocs_environment())
        builddir = re.search(r"\bBUILDDIR=(\S+)", " ".join(commands)).group(1)  # where make latexpdf wrote
        return Built(checkout, checkout / builddir, result)
