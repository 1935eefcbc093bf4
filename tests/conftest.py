"""Shared fixtures: the book's outputs, each built once and only when a test needs it, and the
browser that reads the website. tests/README.md says which fixture builds what."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from pathlib import Path

import pytest

BOOK_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BOOK_ROOT / "_ext"))

# Which background jobs (tests/book_builds.py) each fixture waits for.
FIXTURE_JOBS = {
    "book_source": ("copy",),
    "book_html": ("html",),
    "book_epub": ("epub",),
    "book_pdf": ("pdf",),
    "book_latexpdf": ("rtd-pdf",),
    "book_html_again": ("html", "html-again"),
    "readthedocs": ("rtd-html", "rtd-epub", "rtd-pdf"),
    "site": () if os.environ.get("BOOK_HTML") else ("html",),
    "site_downloads": () if os.environ.get("BOOK_HTML") else ("html", "epub", "rtd-pdf"),
}
# A test that uses one of these reads a build of the whole book (or drives a browser
# through it) and is marked `book`, so `make test-fast` (-m "not book") leaves it out.
BOOK_FIXTURES = set(FIXTURE_JOBS) - {"book_source"}


def direct_parameters(item) -> set[str]:
    """Arguments a test is parametrized with directly: values, whatever fixture shares their name."""
    direct = set()
    for mark in item.iter_markers("parametrize"):
        argnames = mark.args[0] if mark.args else mark.kwargs["argnames"]
        names = [n.strip() for n in argnames.split(",")] if isinstance(argnames, str) else list(argnames)
        indirect = mark.kwargs.get("indirect", False)
        direct.update(n for n in names if not (indirect is True or (indirect and n in indirect)))
    return direct


def fixtures_of(item) -> set[str]:
    """The fixtures a test uses, counting the one an indirect `book_output` parameter names."""
    names = set(getattr(item, "fixturenames", ())) - direct_parameters(item)
    callspec = getattr(item, "callspec", None)
    if callspec is not None and callspec.params.get("book_output") in FIXTURE_JOBS:
        names.add(callspec.params["book_output"])
    return names


def jobs_of(item) -> set[str]:
    return {job for name in fixtures_of(item) & FIXTURE_JOBS.keys() for job in FIXTURE_JOBS[name]}


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(config, items) -> None:
    from .book_builds import READY_ORDER

    for item in items:
        if BOOK_FIXTURES & fixtures_of(item):
            item.add_marker(pytest.mark.book)
    # Tests that need no build first, then each test once the last build it reads is
    # usually done: the builds run in the background meanwhile.
    items.sort(key=lambda item: max((READY_ORDER.index(job) for job in jobs_of(item)), default=-1))


def pytest_configure(config) -> None:
    # A deprecation raised from the book's own extensions fails the test that meets it.
    ours = sorted(p.stem for p in (BOOK_ROOT / "_ext").iterdir()
                  if (p.suffix == ".py" or (p / "__init__.py").is_file()) and not p.name.startswith("_"))
    for category in ("DeprecationWarning", "PendingDeprecationWarning"):
        config.addinivalue_line("filterwarnings", f"error::{category}:({'|'.join(ours)})(\\.|$)")


# -- the whole-book builds ----------------------------------------------------------

RUNNING_BUILDS = pytest.StashKey()


@pytest.fixture(scope="session")
def book_builds(request, tmp_path_factory):
    from .book_builds import Builds

    builds = Builds(tmp_path_factory.mktemp("book"), workers=os.cpu_count() or 1)
    request.config.stash[RUNNING_BUILDS] = builds
    return builds


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session) -> None:
    """End the builds nobody will read (after Ctrl-C or -x) before pytest tidies its folders."""
    builds = session.config.stash.get(RUNNING_BUILDS, None)
    if builds is not None:
        builds.stop()


@pytest.fixture(scope="session", autouse=True)
def _start_the_builds_this_session_needs(request):
    """Start, in the background, every build a selected test will read: the first of them waits least."""
    needed = set().union(*(jobs_of(item) for item in request.session.items))
    if needed:
        request.getfixturevalue("book_builds").want(sorted(needed))


@pytest.fixture(scope="session")
def book_root() -> Path:
    return BOOK_ROOT


@pytest.fixture(scope="session")
def book_source(book_builds) -> Path:
    """The clean copy of the book (the files a fresh clone has) that the Makefile builds run in."""
    return book_builds.get("copy")


@pytest.fixture(scope="session")
def book_html(book_builds):
    """`make html`, run in the clean copy: `.dir` holds html/ and doctrees/html/."""
    return book_builds.get("html")


@pytest.fixture(scope="session")
def book_epub(book_builds):
    """`make epub`, run in the clean copy."""
    return book_builds.get("epub")


@pytest.fixture(scope="session")
def book_pdf(book_builds):
    """`make pdf` (rst2pdf), run in the clean copy."""
    return book_builds.get("pdf")


@pytest.fixture(scope="session")
def book_latexpdf(book_builds):
    """`make latexpdf`, as Read the Docs' PDF job in .readthedocs.yaml runs it from a git checkout:
    the one LaTeX build serves the book's tests and Read the Docs' alike."""
    return book_builds.get("rtd-pdf")


@pytest.fixture(scope="session")
def book_html_again(book_builds):
    """A second `make html` of the same clean copy into another folder, to compare with the first."""
    return book_builds.get("html-again")


@pytest.fixture
def book_output(request):
    """The output a test is parametrized over, by fixture name (indirect=True)."""
    return request.getfixturevalue(request.param)


class ReadTheDocs:
    """Read the Docs' build replayed from a git checkout; each format is waited for when read."""

    JOBS = {"html": "rtd-html", "epub": "rtd-epub", "pdf": "rtd-pdf"}

    def __init__(self, builds) -> None:
        self.builds = builds
        self.output = builds.readthedocs_output

    @property
    def checkout(self) -> Path:
        return self.builds.get("checkout")

    @property
    def config(self) -> dict:
        import yaml

        return yaml.safe_load((self.checkout / ".readthedocs.yaml").read_text())

    def build(self, fmt: str):
        return self.builds.get(self.JOBS[fmt])


@pytest.fixture(scope="session")
def readthedocs(book_builds) -> ReadTheDocs:
    return ReadTheDocs(book_builds)


# -- the website in a browser -----------------------------------------------------------

@pytest.fixture(scope="session")
def site(request, tmp_path_factory) -> Path:
    """A copy of the built website's html/ folder, to serve.

    ``BOOK_HTML=<folder>`` checks an HTML build of your own instead (about a minute to
    build); its downloads are stand-in files.
    """
    builddir = tmp_path_factory.mktemp("site")
    if os.environ.get("BOOK_HTML"):
        shutil.copytree(os.environ["BOOK_HTML"], builddir / "html")
    else:
        html = request.getfixturevalue("book_html")
        assert html.result.returncode == 0, "the book's HTML did not build"
        shutil.copytree(html.dir / "html", builddir / "html")
    return builddir / "html"


@pytest.fixture(scope="session")
def site_downloads(request, site) -> Path:
    """The site with the LaTeX PDF and the ePub copied in by `make downloads`, as `make all` does."""
    from .book_helpers import make

    downloads = site / "_downloads-book"
    if os.environ.get("BOOK_HTML"):
        downloads.mkdir(exist_ok=True)
        for name in ("mlsd-book.pdf", "mlsd-book.epub"):
            (downloads / name).write_bytes(b"stand-in")
        return site
    epub, latex = request.getfixturevalue("book_epub"), request.getfixturevalue("book_latexpdf")
    assert epub.result.returncode == 0 and latex.result.returncode == 0, "the ePub or the PDF did not build"
    builddir = site.parent
    (builddir / "epub").symlink_to(epub.dir / "epub")
    (builddir / "latex").symlink_to(latex.dir / "latex")
    result = make(epub.source, builddir, "downloads")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def base_url(site):
    from .browser_helpers import BookHandler

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(BookHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from .browser_helpers import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def tab(browser, base_url):
    """A tab at 1280 px that fails the test if anything on its pages went wrong."""
    from .browser_helpers import WIDE, Tab

    opened = Tab(browser, base_url, viewport=WIDE)
    yield opened
    opened.close()
    assert opened.problems == []


@pytest.fixture(params=[(screen, scheme) for screen in ("wide", "phone") for scheme in ("light", "dark")],
                ids=lambda p: "-".join(p))
def look(request, browser, base_url):
    """A tab at 1280 px or 375 px (as a phone), in light or dark mode."""
    from .browser_helpers import PHONE, WIDE, Tab

    screen, scheme = request.param
    phone = screen == "phone"
    opened = Tab(browser, base_url, viewport=PHONE if phone else WIDE, color_scheme=scheme,
                 is_mobile=phone, has_touch=phone)
    opened.phone = phone
    yield opened
    opened.close()
    assert opened.problems == []
