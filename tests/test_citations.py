"""Published pages and labels stay reachable: the lock, redirects and aliases."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from scripts import anchors

from .qanda_helpers import build, copy_root

LOCKED = {"page intro", "page old/place", "label kept", "label old-name"}


def test_every_published_page_and_label_is_still_reachable(book_html):
    with open(book_html.dir / "doctrees" / "html" / "environment.pickle", "rb") as stream:
        env = pickle.load(stream)
    lost = anchors.missing(anchors.read_lock(), anchors.published(env),
                           env.config.redirects, env.config.anchor_aliases)
    assert lost == []


def test_a_vanished_page_or_label_is_reported():
    offered = {"page intro", "label kept"}
    assert anchors.missing(LOCKED, offered, {}, {}) == ["label old-name", "page old/place"]


def test_a_redirect_keeps_a_moved_page_reachable():
    offered = {"page intro", "label kept", "label old-name"}
    assert anchors.missing(LOCKED, offered, {"old/place": "../new/place.html"}, {}) == []


def test_an_alias_keeps_a_renamed_label_reachable():
    offered = {"page intro", "page old/place", "label kept", "label new-name"}
    assert anchors.missing(LOCKED, offered, {}, {"old-name": "new-name"}) == []
    assert anchors.missing(LOCKED, offered, {}, {"old-name": "missing-name"}) == ["label old-name"]


def test_alias_resolves_references_and_keeps_the_old_anchor(tmp_path):
    app = build(copy_root("citations", tmp_path))
    assert app.warning.getvalue() == ""
    index = BeautifulSoup((Path(app.outdir) / "index.html").read_text(), "html.parser")
    assert index.select_one("a.reference.internal[href='new-page.html#new-section']") is not None
    page = BeautifulSoup((Path(app.outdir) / "new-page.html").read_text(), "html.parser")
    old = page.find(id="old-section")
    assert old is not None and old.find_parent(id="new-section") is not None


def test_redirect_page_is_written_for_a_moved_page(tmp_path):
    app = build(copy_root("citations", tmp_path))
    redirect = (Path(app.outdir) / "old-page.html").read_text()
    assert 'url=new-page.html' in redirect


def test_another_sphinx_project_cites_a_question_through_intersphinx(tmp_path):
    book = build(copy_root("qanda-basic", tmp_path / "book"))
    inventory = str(Path(book.outdir) / "objects.inv")
    mapping = {"mlsd": ("https://mlsd.example/", inventory)}
    consumer = build(copy_root("intersphinx-consumer", tmp_path / "consumer"),
                     confoverrides={"intersphinx_mapping": mapping})
    assert consumer.warning.getvalue() == ""
    page = BeautifulSoup((Path(consumer.outdir) / "index.html").read_text(), "html.parser")
    links = [(a.get_text(), a["href"]) for a in page.select("a.reference.external")]
    assert links == [
        ("Question 1: Detect card fraud", "https://mlsd.example/zeta-questions.html#card-fraud"),
        ("the search question", "https://mlsd.example/zeta-questions.html#search-ranking"),
    ]


def test_citation_cff_is_valid(book_root):
    # cffconvert pins jsonschema<4, which check-jsonschema cannot share a venv with;
    # check-jsonschema ships the same Citation File Format schema.
    tool = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run([str(tool), "--builtin-schema", "vendor.citation-file-format",
                             str(book_root / "CITATION.cff")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
