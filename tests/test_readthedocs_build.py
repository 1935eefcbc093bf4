"""Read the Docs' own build, replayed from a fresh checkout.

Read the Docs does not run the Makefile. For a Sphinx project it runs
``python -m sphinx`` once per format, all formats sharing one doctree folder,
with its environment variables set and without ``SOURCE_DATE_EPOCH``; the
commands below are the ones its build logs show and its documentation lists
(https://docs.readthedocs.com/platform/stable/builds.html), with ``-W
--keep-going`` because ``.readthedocs.yaml`` sets ``fail_on_warning``. The PDF
runs the ``build.jobs.build.pdf`` commands from ``.readthedocs.yaml`` itself.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml

from .book_helpers import BOOK_ROOT, clean_copy


COMMIT_EPOCH = 1_820_000_000  # 2027-09-03: a commit date no clock of this book's era shows


@pytest.fixture(scope="module")
def readthedocs(tmp_path_factory):
    base = tmp_path_factory.mktemp("readthedocs")
    checkout = clean_copy(base / "checkout")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(checkout)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "checkout", f"--date={COMMIT_EPOCH} +0000"], check=True,
                   env=dict(os.environ, GIT_COMMITTER_DATE=f"{COMMIT_EPOCH} +0000"))
    output = base / "_readthedocs"
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | {
        "READTHEDOCS": "True", "READTHEDOCS_PROJECT": "mlsd-book", "READTHEDOCS_LANGUAGE": "en",
        "READTHEDOCS_VERSION": "latest", "READTHEDOCS_VERSION_TYPE": "branch",
        "READTHEDOCS_CANONICAL_URL": "https://mlsd-book.readthedocs.io/en/latest/",
        "READTHEDOCS_OUTPUT": str(output), "READTHEDOCS_VIRTUALENV_PATH": sys.prefix,
    }
    results = {}
    for builder in ("html", "epub"):
        results[builder] = subprocess.run(
            [sys.executable, "-m", "sphinx", "-T", "-W", "--keep-going", "-b", builder, "-d", "_build/doctrees",
             "-D", "language=en", ".", str(output / builder)], cwd=checkout, env=env, capture_output=True, text=True)
    config = yaml.safe_load((checkout / ".readthedocs.yaml").read_text())
    results["pdf"] = subprocess.run(" && ".join(config["build"]["jobs"]["build"]["pdf"]), shell=True,
                                    executable="/bin/bash", cwd=checkout, env=env, capture_output=True, text=True)
    return {"output": output, "results": results, "config": config}


@pytest.mark.parametrize("fmt", ["html", "epub", "pdf"])
def test_each_format_builds_without_a_warning(readthedocs, fmt):
    result = readthedocs["results"][fmt]
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert "WARNING" not in result.stderr


def test_the_formats_offered_are_the_ones_built(readthedocs):
    assert set(readthedocs["config"]["formats"]) == {"pdf", "epub"}
    assert [p.name for p in (readthedocs["output"] / "pdf").glob("*.pdf")] == ["mlsd-book.pdf"]
    assert list((readthedocs["output"] / "epub").glob("*.epub"))


def test_html_links_the_downloads_read_the_docs_serves(readthedocs):
    page = (readthedocs["output"] / "html" / "index.html").read_text()
    for fmt in ("pdf", "epub"):
        assert f'href="https://mlsd-book.readthedocs.io/_/downloads/en/latest/{fmt}/"' in page
    assert "_downloads-book" not in page


def test_dates_come_from_the_commit_not_the_clock(readthedocs):
    commit_day = time.strftime("%Y-%m-%d", time.gmtime(COMMIT_EPOCH))
    page = (readthedocs["output"] / "html" / "index.html").read_text()
    assert f"2026–{commit_day[:4]}, The MLSD book contributors" in page
    epub = next((readthedocs["output"] / "epub").glob("*.epub"))
    with zipfile.ZipFile(epub) as archive:
        opf = archive.read(next(n for n in archive.namelist() if n.endswith(".opf"))).decode()
    assert re.search(rf"<dc:date>{commit_day}", opf), re.findall(r"<dc:date>[^<]*", opf)


# A word in a narrow table column may reach a few points into the column gap;
# a line that runs off the page (a long URL did, by 50 to 200 pt) is far wider.
MAX_OVERFULL_PT = 20


def test_pdf_has_no_line_running_off_the_page(readthedocs):
    log = next(Path(readthedocs["output"]).parent.glob("checkout/_build/readthedocs/latex/*.log")).read_text(errors="replace")
    too_wide = [float(w) for w in re.findall(r"Overfull \\hbox \(([0-9.]+)pt too wide\)", log)]
    assert max(too_wide, default=0) < MAX_OVERFULL_PT, sorted(too_wide)[-10:]
