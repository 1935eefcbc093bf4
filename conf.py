"""Sphinx configuration for the book. All build settings live here."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

BOOK_ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(BOOK_ROOT / "_ext"))

# -- Project ------------------------------------------------------------------
project = "Machine Learning Systems Design"
author = "The MLSD book contributors"
version = "2026.11"
release = version
# SOURCE_DATE_EPOCH (set by the Makefile from the last commit) keeps the
# copyright year, and so every page footer, reproducible.
_build_year = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))).tm_year
copyright = f"2026–{_build_year}, {author}" if _build_year > 2026 else f"2026, {author}"
language = "en"

# -- General ------------------------------------------------------------------
extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx.ext.graphviz",
    "pdf_builder",
    "epub_compat",
    "anchor_aliases",
    "sphinx_reredirects",
    "qanda",
]
root_doc = "index"
exclude_patterns = [
    "_build",
    ".venv",
    "README.md",
    "CONTRIBUTING.md",
    "tests",
    "benchmarks",
    ".pytest_cache",
    "links.txt",
    "_glossary",
]
templates_path: list[str] = []
nitpicky = True

myst_enable_extensions = [
    "colon_fence",
    "deflist",
    "dollarmath",
    "attrs_inline",
]

# -- Question bank (the qanda extension) --------------------------------------
qanda_stages = ["project-setup", "data-pipeline", "modeling", "serving"]
qanda_contribute_url = (
    "https://github.com/mlsd-book/mlsd-book/blob/main/CONTRIBUTING.md#add-an-answer?question={label}"
)

# -- Stable citations -------------------------------------------------------
# Published pages and labels are listed in anchors.lock; a test fails when one
# disappears. A moved page gets a redirect, a renamed label an alias.
redirects: dict[str, str] = {}  # "old/page": "../new/page.html" (sphinx-reredirects)
anchor_aliases: dict[str, str] = {}  # "old-label": "new-label" (_ext/anchor_aliases.py)

# -- Diagrams -----------------------------------------------------------------
# SVG in HTML and ePub keeps diagrams sharp; the PDFs get PNG/PDF per builder.
graphviz_output_format = "svg"
graphviz_dot_args = ["-Gfontname=DejaVu Sans", "-Nfontname=DejaVu Sans", "-Efontname=DejaVu Sans"]

# -- HTML ---------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = project
html_last_updated_fmt = None
html_theme_options = {
    "repository_url": "https://github.com/mlsd-book/mlsd-book",
    "use_repository_button": True,
    "use_edit_page_button": True,
    "path_to_docs": "",
    "repository_branch": "main",
    "show_toc_level": 2,
}

# -- ePub ---------------------------------------------------------------------
epub_title = project
epub_author = author
epub_publisher = author
epub_copyright = copyright
# The OPF and the NCX must carry the same identifier.
epub_identifier = "mlsd-book"
epub_scheme = "URL"
epub_uid = "mlsd-book"
epub_show_urls = "no"
# The ePub's nav is generated; Sphinx's extra pages only add invalid markup.
epub_exclude_files = ["search.html", "genindex.html", "_static/websupport.js"]

# -- LaTeX (xelatex through latexmk) -----------------------------------------
latex_engine = "xelatex"
latex_documents = [
    (root_doc, "mlsd-book.tex", project, author, "manual"),
]
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "10pt",
    "fontpkg": r"""
\setmainfont{DejaVu Serif}
\setsansfont{DejaVu Sans}
\setmonofont{DejaVu Sans Mono}
""",
    "preamble": r"\usepackage{newunicodechar}",
}
latex_show_urls = "footnote"
# makeindex is enough for an English book and saves installing xindy.
latex_use_xindy = False

# -- PDF without TeX (rst2pdf) ------------------------------------------------
pdf_documents = [
    (root_doc, "mlsd-book", project, author),
]
pdf_stylesheets = ["twelvepoint", str(BOOK_ROOT / "_ext" / "rst2pdf-book.yaml")]
pdf_use_toc = True
pdf_use_index = False
pdf_use_modindex = False
pdf_use_coverpage = True
pdf_fit_mode = "shrink"
pdf_breakside = "any"
pdf_compressed = True
