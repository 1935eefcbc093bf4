"""sidebar_nav draws each page's sidebar from one shared tree, exactly as the theme would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.errors import ExtensionError
from sphinx.testing.util import SphinxTestApp

import sidebar_nav

ROOT = Path(__file__).parent / "roots" / "test-sidebar-nav"
# notfound draws the 404 page's tree with absolute links: that page must keep the theme's sidebar.
THEIRS = ["myst_parser", "notfound.extension"]
OURS = [*THEIRS, "sidebar_nav"]


def build(tmp_path: Path, builder: str, extensions: list[str], parallel: int = 0) -> SphinxTestApp:
    src = tmp_path / "src"
    if not src.exists():
        shutil.copytree(ROOT, src)
    out = tmp_path / f"{builder}-{'-'.join(extensions)}-j{parallel}"
    app = SphinxTestApp(builder, srcdir=src, builddir=out, parallel=parallel,
                        confoverrides={"extensions": extensions})
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def pages(app: SphinxTestApp) -> dict[str, str]:
    out = Path(app.outdir)
    return {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.html"))
            if "_static" not in p.parts}


@pytest.mark.parametrize(("builder", "parallel"), [("html", 0), ("dirhtml", 0), ("html", 2)])
def test_every_page_is_what_the_theme_writes(tmp_path, builder, parallel):
    ours = build(tmp_path, builder, OURS, parallel)
    theirs = build(tmp_path, builder, THEIRS, parallel)
    assert ours.warning.getvalue() == theirs.warning.getvalue() == ""
    ours_pages, theirs_pages = pages(ours), pages(theirs)
    assert ours_pages.keys() == theirs_pages.keys() and len(ours_pages) == 13
    for name, html in ours_pages.items():
        assert html == theirs_pages[name], name


def test_the_shared_tree_is_used_and_knows_each_branch(tmp_path):
    app = build(tmp_path, "html", OURS)
    [template] = sidebar_nav._templates[app].values()
    assert template is not None
    # Every page in the sidebar has a branch; the page below its depth does not (the theme draws it).
    assert set(template.marked) == {"about", "chapter-a/index", "chapter-a/one", "chapter-a/two",
                                    "chapter-a/deep/three", "chapter-b/index", "chapter-b/q&a"}


def test_a_deep_page_is_highlighted_with_its_branch_open(tmp_path):
    app = build(tmp_path, "html", OURS)
    page = BeautifulSoup((Path(app.outdir) / "chapter-a/deep/three.html").read_text(), "html.parser")
    nav = page.select_one("nav.bd-docs-nav")
    current = nav.select("li.current")
    assert [li.a.get_text() for li in current] == ["1. Chapter A", "1.2. Two", "1.2.1. Three"]
    assert all("active" in li["class"] for li in current)
    assert all(li.details.has_attr("open") for li in current if li.details)
    assert nav.select_one("a.current[href='#']").get_text() == "1.2.1. Three"
    assert [a["href"] for a in nav.select("a")][:3] == ["../index.html", "../one.html", "../two.html"]
    assert nav.select_one("a[href='../../chapter-b/q%26a.html']") is not None
    assert nav.select_one("a[href='https://example.org/elsewhere']") is not None


def test_other_builders_are_left_to_the_theme(tmp_path):
    app = build(tmp_path, "singlehtml", OURS)
    assert app not in sidebar_nav._templates


def test_a_theme_without_the_handler_it_wraps_stops_the_build_with_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(sidebar_nav, "THEME_HANDLER", "no_such_handler")
    with pytest.raises(ExtensionError) as raised:
        build(tmp_path, "html", OURS)
    message = str(raised.value)
    assert "\n" not in message
    assert "pydata-sphinx-theme" in message and "no_such_handler" in message and "sidebar_nav.py" in message


def test_another_theme_is_left_alone(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "out",
                        confoverrides={"extensions": OURS, "html_theme": "alabaster", "html_theme_options": {}})
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.warning.getvalue() == ""
    assert app not in sidebar_nav._templates
