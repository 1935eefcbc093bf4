"""Helpers for the extension tests: build a test root, read its outputs."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).parent / "roots"


def copy_root(name: str, destination: Path) -> Path:
    source = destination / "src"
    shutil.copytree(ROOTS / f"test-{name}", source)
    return source


def build(srcdir: Path, builder: str = "html", outdir: Path | None = None, parallel: int = 0,
          confoverrides: dict | None = None) -> SphinxTestApp:
    """Build srcdir (keeping the environment in outdir for incremental builds) and return the app."""
    outdir = outdir or srcdir / "_build" / builder
    app = SphinxTestApp(builder, srcdir=srcdir, builddir=outdir.parent / f"{outdir.name}-work",
                        parallel=parallel, confoverrides=confoverrides or {})
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


def html_pages(outdir: Path) -> dict[str, str]:
    return {
        str(p.relative_to(outdir)): p.read_text(encoding="utf-8")
        for p in sorted(Path(outdir).rglob("*.html"))
    }


def clean_build_of(src: Path, destination: Path) -> SphinxTestApp:
    """Build a fresh copy of src (without its _build), to compare with an incremental build."""
    copy = destination / "src"
    shutil.copytree(src, copy, ignore=shutil.ignore_patterns("_build"))
    return build(copy)


def pdf_text(app: SphinxTestApp, name: str) -> str:
    """The text of an rst2pdf output, as pdftotext reads it."""
    return subprocess.run(["pdftotext", str(Path(app.outdir) / name), "-"],
                          capture_output=True, text=True, check=True).stdout


def write(path: Path, text: str) -> None:
    """Change a source file so that Sphinx sees it as changed, even within one clock tick."""
    path.write_text(text, encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))
