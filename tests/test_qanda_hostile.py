"""Unusual and hostile input: no crash, no injection, no stale or silently wrong page.

Each test is a regression test for one family of inputs that once broke the
extension (a role in a heading, a class value written into TeX, a setting of
the wrong shape, a shared doctree folder, ``only``, colliding labels, included
files).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sphinx.errors import ConfigError
from sphinx.testing.util import SphinxTestApp

from .qanda_helpers import build, copy_root, soup, write

WARNING = re.compile(r"^(?P<path>\S+?):(?P<line>\d+): WARNING: (?P<message>.*) \[qanda\.(?P<subtype>[a-z-]+)\]$")


@pytest.fixture
def source(tmp_path):
    return copy_root("qanda-hostile", tmp_path)


def warnings(app) -> list[re.Match]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    lines = [line for line in text.splitlines() if line.strip()]
    matches = [WARNING.match(line) for line in lines]
    assert all(matches), lines  # every warning is a located qanda warning
    return matches


def plain(text: str) -> str:
    """What a reader of any builder's output sees: without HTML tags, TeX commands and braces."""
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\\hyperref\[[^\]]*\]|\\[A-Za-z]+|[{}]", "", text)
    return " ".join(text.split())


@pytest.mark.parametrize("builder", ["html", "singlehtml", "text", "latex", "epub"])
def test_role_in_a_heading_builds_in_every_builder(source, builder):
    app = build(source, builder)
    assert not [w for w in warnings(app) if Path(w["path"]).name == "heading.md"]
    outputs = [p for p in Path(app.outdir).rglob("*") if p.suffix in (".html", ".xhtml", ".txt", ".tex")]
    # the role in the heading became the question's number, whatever the format
    assert any("Compare Question 1" in plain(p.read_text(encoding="utf-8")) for p in outputs), builder


def test_role_in_a_page_title_is_named_in_title_and_contents(source):
    app = build(source, "html")
    page = soup(app, "heading.html")
    assert page.title.get_text().startswith("Compare Question 1")
    index = soup(app, "index.html")
    entries = [a.get_text() for a in index.select(".toctree-l1 > a")]
    assert "Compare Question 1" in entries
    assert page.select_one("h1 a.qanda-question-ref")["href"] == "questions.html#card-fraud"


def test_role_in_a_heading_reads_the_same_in_text(source):
    app = build(source, "text")
    text = (Path(app.outdir) / "heading.txt").read_text()
    assert text.startswith("Compare Question 1\n")
    assert "With the answer" in text


def test_class_value_cannot_reach_tex_unescaped(source):
    app = build(source, "latex")
    tex = (Path(app.outdir) / "hostile.tex").read_text()
    assert "/etc/hostname" not in tex and "\\input{/" not in tex
    assert "\\begin{sphinxuseclass}{x-input-etc-hostname-begin-x}" in tex


def test_class_value_is_normalized_in_html_and_keeps_dropdown(source):
    app = build(source, "html")
    box = soup(app, "injection.html").select_one(".qanda-answer")
    assert "x-input-etc-hostname-begin-x" in box["class"]
    assert box.select_one("details.qanda-dropdown") is not None


BAD_SETTINGS = [
    ({"qanda_stages": None}, "qanda_stages must be a list"),
    ({"qanda_stages": ["modeling", 3]}, "qanda_stages: 3 is not a kebab-case name"),
    ({"qanda_stages": ["modeling", "modeling"]}, "qanda_stages lists modeling more than once"),
    ({"qanda_contribute_url": "https://x.org/{lable}"}, "has field(s) {lable}"),
    ({"qanda_contribute_url": "https://x.org/{}"}, "has field(s) {}"),
    ({"qanda_contribute_url": "https://x.org/{label"}, "is not a valid template"),
    ({"qanda_contribute_url": "https://x.org/{label:>99999999}"}, "without a format"),
    ({"qanda_contribute_url": "javascript:alert('{label}')"}, "must be an http or https URL"),
    ({"qanda_contribute_url": 7}, "qanda_contribute_url must be a string"),
]


@pytest.mark.parametrize("overrides, message", BAD_SETTINGS, ids=[m for _, m in BAD_SETTINGS])
def test_bad_setting_stops_with_one_line_naming_it(source, overrides, message):
    with pytest.raises(ConfigError) as error:
        SphinxTestApp("html", srcdir=source, builddir=source / "_build", confoverrides=overrides)
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_only_leaves_a_question_unnumbered_where_it_is_excluded(source):
    app = build(source, "html")
    page = soup(app, "print-only.html")
    assert [h.get_text() for h in page.select(".qanda-title")] == ["Question 2: Everywhere"]
    data = json.loads((Path(app.outdir) / "questions.json").read_text())
    assert "print-only" not in {q["label"] for q in data["questions"]}
    assert not [w for w in warnings(app) if Path(w["path"]).name == "print-only.md"]


def test_only_keeps_the_question_numbered_where_it_is_included(source):
    app = build(source, "latex")
    tex = (Path(app.outdir) / "hostile.tex").read_text()
    assert "Question 2: Only in print" in tex and "Question 3: Everywhere" in tex


def test_shared_doctree_folder_does_not_consume_another_outputs_change(source):
    work = source / "_build" / "shared"
    build(source, "html", outdir=work / "html")
    questions = source / "questions.md"
    write(questions, questions.read_text().replace("Detect card fraud", "Stop card fraud"))
    build(source, "text", outdir=work / "text")
    app = build(source, "html", outdir=work / "html")
    # injection.md opens with its only answer: the page's title carries the heading
    assert "Stop card fraud" in soup(app, "injection.html").h1.get_text()
    assert "Stop card fraud" in soup(app, "injection.html").title.get_text()


def collision_warnings(app) -> list[tuple[str, int, str]]:
    return sorted((Path(w["path"]).name, int(w["line"]), w["message"])
                  for w in warnings(app) if w["subtype"] == "label-collision")


def test_label_collisions_are_reported_at_the_question(source):
    app = build(source, "html")
    assert collision_warnings(app) == [
        ("collisions.md", 6, "label 'other-section' is also a label in collisions.md; rename one of them"),
        ("collisions.md", 12, "label 'search' is reserved by Sphinx for its 'search' page; rename it"),
    ]


def test_label_collisions_do_not_depend_on_reading_order(source, tmp_path):
    serial = build(source, "html")
    parallel = build(copy_root("qanda-hostile", tmp_path / "parallel"), "html", parallel=2)
    assert collision_warnings(serial) == collision_warnings(parallel)
    for app in (serial, parallel):
        link = soup(app, "questions.html").find("a", string="A section")
        assert link["href"] == "collisions.html#other-section"


def test_any_role_on_a_question_has_one_target(source):
    app = build(source, "html")
    assert "more than one target" not in app.warning.getvalue()
    link = soup(app, "questions.html").select_one("a.reference.internal[href$='#card-fraud']")
    assert link.get_text() == "Question 1: Detect card fraud"


def test_misuse_in_an_included_file_is_reported_at_that_file(source):
    app = build(source, "html")
    [found] = [w for w in warnings(app) if w["subtype"] == "missing-title"]
    assert (Path(found["path"]).name, int(found["line"])) == ("_part.md", 3)
