"""Read the Docs' own build, replayed from a fresh checkout.

Read the Docs does not run the Makefile. For a Sphinx project it runs
``python -m sphinx`` once per format, all formats sharing one doctree folder,
with its environment variables set and without ``SOURCE_DATE_EPOCH``; the
commands in tests/book_builds.py are the ones its build logs show and its documentation lists
(https://docs.readthedocs.com/platform/stable/builds.html), with ``-W
--keep-going`` because ``.readthedocs.yaml`` sets ``fail_on_warning``. The PDF
runs the ``build.jobs.build.pdf`` commands from ``.readthedocs.yaml`` itself: they run
``make latexpdf``, and that one run is also the LaTeX PDF that test_book_build.py reads.
The fixture ``readthedocs`` (conftest.py, tests/book_builds.py) replays the commands in the
background; each test waits for the format it reads.
"""

from __future__ import annotations

import re
import time
import zipfile

import pytest

from .book_builds import COMMIT_EPOCH


@pytest.mark.parametrize("fmt", ["html", "epub", "pdf"])
def test_each_format_builds_without_a_warning(readthedocs, fmt):
    result = readthedocs.build(fmt).result
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert "WARNING" not in result.stderr


def test_the_formats_offered_are_the_ones_built(readthedocs):
    assert set(readthedocs.config["formats"]) == {"pdf", "epub"}
    readthedocs.build("pdf")
    readthedocs.build("epub")
    assert [p.name for p in (readthedocs.output / "pdf").glob("*.pdf")] == ["mlsd-book.pdf"]
    assert list((readthedocs.output / "epub").glob("*.epub"))


def test_html_links_the_downloads_read_the_docs_serves(readthedocs):
    page = (readthedocs.build("html").dir / "html" / "index.html").read_text()
    for fmt in ("pdf", "epub"):
        assert f'href="https://mlsd-book.readthedocs.io/_/downloads/en/latest/{fmt}/"' in page
    assert "_downloads-book" not in page


def test_dates_come_from_the_commit_not_the_clock(readthedocs):
    commit_day = time.strftime("%Y-%m-%d", time.gmtime(COMMIT_EPOCH))
    page = (readthedocs.build("html").dir / "html" / "index.html").read_text()
    assert f"2026–{commit_day[:4]}, The MLSD book contributors" in page
    epub = next((readthedocs.build("epub").dir / "epub").glob("*.epub"))
    with zipfile.ZipFile(epub) as archive:
        opf = archive.read(next(n for n in archive.namelist() if n.endswith(".opf"))).decode()
    assert re.search(rf"<dc:date>{commit_day}", opf), re.findall(r"<dc:date>[^<]*", opf)


# A word in a narrow table column may reach a few points into the column gap;
# a line that runs off the page (a long URL did, by 50 to 200 pt) is far wider.
MAX_OVERFULL_PT = 20


def test_pdf_has_no_line_running_off_the_page(readthedocs):
    log = next((readthedocs.build("pdf").dir / "latex").glob("*.log")).read_text(errors="replace")
    too_wide = [float(w) for w in re.findall(r"Overfull \\hbox \(([0-9.]+)pt too wide\)", log)]
    assert max(too_wide, default=0) < MAX_OVERFULL_PT, sorted(too_wide)[-10:]
