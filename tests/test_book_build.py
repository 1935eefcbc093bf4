"""The real book builds in all four formats, warning-free, complete and reproducible.

Each format is its own session fixture (conftest.py); the LaTeX PDF is the `make latexpdf`
that Read the Docs' PDF job runs (test_readthedocs_build.py)."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from book_facts import PARTS, STAGES

EPUBCHECK_JAR = "/usr/share/java/epubcheck.jar"
ROOT_ORDER = [f"{part}/index" for part in PARTS]


def environment(book_html):
    with open(book_html.dir / "doctrees" / "html" / "environment.pickle", "rb") as stream:
        return pickle.load(stream)


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text.replace("-\n", "-"))


@pytest.mark.parametrize("book_output", ["book_html", "book_epub", "book_latexpdf", "book_pdf"], indirect=True)
def test_output_builds_without_warnings(book_output):
    result = book_output.result
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "WARNING" not in result.stderr and "[ERROR]" not in result.stdout


def test_every_source_is_in_the_toctree(book_html):
    env = environment(book_html)
    reachable, stack = set(), ["index"]
    while stack:
        doc = stack.pop()
        if doc not in reachable:
            reachable.add(doc)
            stack.extend(env.toctree_includes.get(doc, ()))
    assert env.found_docs - reachable == set()


def test_root_toctree_puts_stages_then_questions_then_answers(book_html):
    env = environment(book_html)
    assert env.toctree_includes["index"][: len(ROOT_ORDER)] == ROOT_ORDER


def chapter_titles(env) -> list[str]:
    titles = []
    for stage in STAGES:
        index = f"{stage}/index"
        for doc in [index, *env.toctree_includes.get(index, ())]:
            titles.append(env.titles[doc].astext())
    return titles


def diagram_labels(book_root: Path) -> list[str]:
    """One short node label from the first diagram of each stage's index page or chapter."""
    labels = []
    for stage in STAGES:
        for page in sorted((book_root / stage).glob("*.md")):
            found = re.findall(r'label="([A-Za-z][A-Za-z ]{3,24})"', page.read_text())
            if "{graphviz}" in page.read_text() and found:
                labels.append(found[0])
                break
    return labels


@pytest.mark.parametrize("book_output, pdf", [("book_latexpdf", "latex/mlsd-book.pdf"),
                                               ("book_pdf", "pdf/mlsd-book.pdf")], indirect=["book_output"])
def test_pdf_has_every_chapter_title_and_diagram_text(book_output, pdf, book_html):
    text = pdf_text(book_output.dir / pdf)
    env = environment(book_html)
    missing = [t for t in chapter_titles(env) if re.sub(r"\s+", " ", t) not in text]
    assert missing == []
    labels = diagram_labels(book_output.source)
    assert len(labels) == len(STAGES)
    assert [label for label in labels if label not in text] == []


def test_html_shows_every_diagram_as_a_vector_image(book_html):
    html = book_html.dir / "html"
    for stage in STAGES:
        for source in sorted((book_html.source / stage).glob("*.md")):
            diagrams = source.read_text().count("```{graphviz}")
            page = html / stage / f"{source.stem}.html"
            images = re.findall(r'(?:src|data)="([^"]*graphviz-[0-9a-f]+\.svg)"', page.read_text())
            assert len(images) == diagrams, page
            assert all((page.parent / image).resolve().exists() for image in images)


def test_epub_passes_epubcheck(book_epub):
    epub = next((book_epub.dir / "epub").glob("*.epub"))
    result = subprocess.run(["java", "-jar", EPUBCHECK_JAR, str(epub)], capture_output=True, text=True)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert "ERROR" not in result.stdout + result.stderr


def test_two_clean_html_builds_are_byte_identical(book_html, book_html_again):
    assert book_html_again.source == book_html.source and book_html_again.dir != book_html.dir
    assert book_html_again.result.returncode == 0, book_html_again.result.stderr[-3000:]
    first_dir, second_dir = book_html.dir / "html", book_html_again.dir / "html"
    first_files = sorted(p.relative_to(first_dir) for p in first_dir.rglob("*") if p.is_file())
    second_files = sorted(p.relative_to(second_dir) for p in second_dir.rglob("*") if p.is_file())
    assert first_files == second_files
    differing = [str(p) for p in first_files if (first_dir / p).read_bytes() != (second_dir / p).read_bytes()]
    assert differing == []
