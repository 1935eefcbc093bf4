"""The pdf builder loaded on demand, the compat checks, and the website package, on roots/test-compat."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docutils import nodes
from sphinx.errors import ExtensionError

from compat import installed_version, pinned_version

from .qanda_helpers import build, copy_root, pdf_text

EXT_DIR = Path(__file__).resolve().parents[1] / "_ext"
PDF_LIBRARIES = ("rst2pdf", "reportlab", "matplotlib")

# Builds the root in a fresh interpreter, then says which PDF libraries it imported.
BUILD_AND_LIST_IMPORTS = """
import json, sys
from sphinx.cmd.build import build_main
status = build_main(["-b", sys.argv[1], "-q", "-W", "-d", sys.argv[3] + "-doctrees", sys.argv[2], sys.argv[3]])
print(json.dumps({"status": status, "imported": [name for name in %r if name in sys.modules]}))
""" % (PDF_LIBRARIES,)


@pytest.fixture
def source(tmp_path):
    return copy_root("compat", tmp_path)


def build_in_subprocess(source: Path, builder: str) -> dict:
    search_path = [str(EXT_DIR), *filter(None, [os.environ.get("PYTHONPATH")])]
    environ = {**os.environ, "PYTHONPATH": os.pathsep.join(search_path)}
    done = subprocess.run([sys.executable, "-c", BUILD_AND_LIST_IMPORTS, builder, str(source),
                           str(source.parent / "out" / builder)], capture_output=True, text=True, env=environ, check=True)
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize("builder", ["html", "epub"])
def test_other_builds_import_no_pdf_library(source, builder):
    assert build_in_subprocess(source, builder) == {"status": 0, "imported": []}


def test_the_pdf_build_imports_them_when_it_runs(source):
    assert build_in_subprocess(source, "pdf") == {"status": 0, "imported": list(PDF_LIBRARIES)}


def test_the_pdf_builder_is_rst2pdfs_with_the_settings_of_conf_py(source):
    app = build(source, "pdf", parallel=2)
    assert app.warning.getvalue() == ""  # no "not safe for parallel writing" either
    assert type(app.builder).__module__ == "rst2pdf.pdfbuilder"
    assert app.config.pdf_stylesheets == ["a5.yaml"]
    pdf = Path(app.outdir) / "compat-test.pdf"  # the name pdf_documents gives
    size = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "419.528 x 595.276 pts" in size  # A5, which only a5.yaml asks for
    text = " ".join(pdf_text(app, "compat-test.pdf").split())
    assert "At a glance A card Its text." in text  # the card as paragraphs, without its hidden link text


@pytest.mark.parametrize(("module", "owner", "attribute", "builder", "library"), [
    ("rst2pdf.math_flowable", "Math", "genImage", "pdf", "rst2pdf"),
    ("sphinx_design.shared", None, "is_component", "html", "sphinx-design"),
    ("sphinx_design.shared", None, "PassthroughTextElement", "html", "sphinx-design"),
])
def test_a_missing_internal_stops_the_build_with_one_line(source, monkeypatch, module, owner, attribute,
                                                          builder, library):
    importlib.import_module("sphinx_design.extension")  # sphinx-design's own imports come first
    found = importlib.import_module(module)
    monkeypatch.delattr(getattr(found, owner) if owner else found, attribute)
    with pytest.raises(ExtensionError) as failure:
        build(source, builder)
    message = str(failure.value)
    assert "\n" not in message
    assert "(not installed)" not in message and "(unpinned)" not in message
    assert f"{library} {pinned_version(library)} (requirements.txt)" in message
    assert f"{library} {installed_version(library)} is installed" in message
    assert f"has no {attribute!r}" in message


def test_diagrams_warn_once_when_graphviz_writes_other_markup(source, monkeypatch):
    def embed_instead_of_object(self, node, code, options, **kwargs):
        self.body.append('<div class="graphviz"><embed src="_images/diagram.svg"></div>')
        raise nodes.SkipNode

    monkeypatch.setattr("sphinx.ext.graphviz.render_dot_html", embed_instead_of_object)
    (source / "second.md").write_text("# Second\n\n```{graphviz}\ndigraph { a -> b; }\n```\n")
    (source / "index.md").write_text((source / "index.md").read_text().replace("diagram\n", "diagram\nsecond\n"))
    warnings = build(source).warning.getvalue()
    assert warnings.count("sphinx.ext.graphviz no longer writes an SVG diagram as <object") == 1
    assert "[website.diagrams]" in warnings


def test_the_website_catalog_template_holds_the_download_menu(source):
    template = Path(build(source, "gettext").outdir) / "website.pot"
    text = template.read_text(encoding="utf-8")
    for message in ("Download the book", "The whole book as a PDF", "The whole book as an ePub"):
        assert f'msgid "{message}"' in text
