"""The real book builds in all four formats, warning-free, complete and reproducible."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from book_facts import PARTS, STAGES

from .book_helpers import make

EPUBCHECK_JAR = "/usr/share/java/epubcheck.jar"
ROOT_ORDER = [f"{part}/index" for part in PARTS]


def environment(book_build):
    with open(book_build["dir"] / "doctrees" / "html" / "environment.pickle", "rb") as stream:
        return pickle.load(stream)


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text.replace("-\n", "-"))


@pytest.mark.parametrize("target", ["html", "epub", "latexpdf", "pdf"])
def test_output_builds_without_warnings(book_build, target):
    result = book_build["results"][target]
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "WARNING" not in result.stderr and "[ERROR]" not in result.stdout


def test_every_source_is_in_the_toctree(book_build):
    env = environment(book_build)
    reachable, stack = set(), ["index"]
    while stack:
        doc = stack.pop()
        if doc not in reachable:
            reachable.add(doc)
            stack.extend(env.toctree_includes.get(doc, ()))
    assert env.found_docs - reachable == set()


def test_root_toctree_puts_stages_then_questions_then_answers(book_build):
    env = environment(book_build)
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


@pytest.mark.parametrize("pdf", ["latex/mlsd-book.pdf", "pdf/mlsd-book.pdf"])
def test_pdf_has_every_chapter_title_and_diagram_text(book_build, pdf):
    text = pdf_text(book_build["dir"] / pdf)
    env = environment(book_build)
    missing = [t for t in chapter_titles(env) if re.sub(r"\s+", " ", t) not in text]
    assert missing == []
    labels = diagram_labels(book_build["copy"])
    assert len(labels) == len(STAGES)
    assert [label for label in labels if label not in text] == []


def test_html_shows_every_diagram_as_a_vector_image(book_build):
    html = book_build["dir"] / "html"
    for stage in STAGES:
        for source in sorted((book_build["copy"] / stage).glob("*.md")):
            diagrams = source.read_text().count("```{graphviz}")
            page = html / stage / f"{source.stem}.html"
            images = re.findall(r'(?:src|data)="([^"]*graphviz-[0-9a-f]+\.svg)"', page.read_text())
            assert len(images) == diagrams, page
            assert all((page.parent / image).resolve().exists() for image in images)


def test_epub_passes_epubcheck(book_build):
    epub = next((book_build["dir"] / "epub").glob("*.epub"))
    result = subprocess.run(["java", "-jar", EPUBCHECK_JAR, str(epub)], capture_output=True, text=True)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert "ERROR" not in result.stdout + result.stderr


def test_two_clean_html_builds_are_byte_identical(book_build, tmp_path):
    second = make(book_build["copy"], tmp_path / "again", "html")
    assert second.returncode == 0
    first_dir, second_dir = book_build["dir"] / "html", tmp_path / "again" / "html"
    first_files = sorted(p.relative_to(first_dir) for p in first_dir.rglob("*") if p.is_file())
    second_files = sorted(p.relative_to(second_dir) for p in second_dir.rglob("*") if p.is_file())
    assert first_files == second_files
    differing = [str(p) for p in first_files if (first_dir / p).read_bytes() != (second_dir / p).read_bytes()]
    assert differing == []
