"""Shared fixtures: sphinx.testing for the extension, built outputs for the book."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BOOK_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BOOK_ROOT / "_ext"))

pytest_plugins = ("sphinx.testing.fixtures",)

# Fixtures that build the whole book; a test that uses one is marked `book`, so
# `make test-fast` (-m "not book") leaves it out without each file saying so.
BOOK_FIXTURES = {"book_build", "readthedocs", "site"}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        if BOOK_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.book)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing finds the tiny test roots (tests/roots/test-<name>)."""
    return Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def book_root() -> Path:
    return BOOK_ROOT


@pytest.fixture(scope="session")
def book_build(tmp_path_factory):
    """All four outputs of the real book, built by its Makefile from a clean copy."""
    from .book_helpers import clean_copy, make

    base = tmp_path_factory.mktemp("book")
    copy = clean_copy(base / "src")
    builddir = base / "build"
    results = {target: make(copy, builddir, target) for target in ("html", "epub", "latexpdf", "pdf")}
    return {"copy": copy, "dir": builddir, "results": results}
