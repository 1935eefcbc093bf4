"""Sphinx configuration for the book. All build settings live here."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

BOOK_ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(BOOK_ROOT / "_ext"))

import book_facts  # noqa: E402  (it lives in _ext/, on the path from the line above)

# -- Project ------------------------------------------------------------------
project = "Machine Learning Systems Design"
author = "The MLSD book contributors"
version = "2026.11"
release = version
# Reproducible output: every date the build writes (ePub and PDF metadata, the
# copyright year in each footer) comes from SOURCE_DATE_EPOCH. The Makefile sets
# it from the last commit; Read the Docs runs sphinx-build itself and does not,
# so the same value is taken from git here, before Sphinx reads it.
def _last_commit_epoch() -> str | None:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=BOOK_ROOT,
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 and out.stdout.strip().isdigit() else None


if "SOURCE_DATE_EPOCH" not in os.environ and (_epoch := _last_commit_epoch()):
    os.environ["SOURCE_DATE_EPOCH"] = _epoch
_build_year = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))).tm_year
copyright = f"2026–{_build_year}, {author}" if _build_year > 2026 else f"2026, {author}"
language = "en"
# Translations (CONTRIBUTING.md, "Translations"): `make gettext` writes the
# templates to _build/gettext; a translation lives in locale/<lang>/LC_MESSAGES/
# and is built with `-D language=<lang>`. One catalog per page, not per chapter
# folder (gettext_compact = False), so a translator can finish, review and update
# a page at a time. The extensions' own words have catalogs of their own (qanda.pot,
# numbersheet.pot, collapsed_section.pot, website.pot; see _ext/translations.py).
locale_dirs = ["locale/"]
gettext_compact = False

# -- General ------------------------------------------------------------------
extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx.ext.graphviz",
    "pdf_output",
    "epub_compat",
    "anchor_aliases",
    "sphinx_reredirects",
    "qanda",
    "numbersheet",
    "collapsed_section",
    "bookstats",
    "website",
    "print_layout",
    # The theme's sidebar is worked out once per build, not once per page (_ext/sidebar_nav.py).
    "sidebar_nav",
    "sphinx_copybutton",
    "sphinxext.opengraph",
    "sphinx_sitemap",
    "notfound.extension",
]
root_doc = "index"
exclude_patterns = [
    "_build",
    ".venv*",
    "README.md",
    "CONTRIBUTING.md",
    "tests",
    "benchmarks",
    ".pytest_cache",
    "links.txt",
    "_glossary",
    ".github",
]
templates_path = ["_templates"]
nitpicky = True

myst_enable_extensions = [
    "colon_fence",
    "deflist",
    "dollarmath",
    "attrs_inline",
]

# -- Question bank (the qanda extension) --------------------------------------
qanda_stages = list(book_facts.STAGES)
# "Contribute an answer" under an unanswered question opens the new-answer issue
# form (.github/ISSUE_TEMPLATE/new-answer.yml) with the question filled in.
qanda_contribute_url = (
    "https://github.com/mlsd-book/mlsd-book/issues/new?template=new-answer.yml&title=Answer%3A+{label}"
)

# -- Numbers sheets (the numbersheet extension) ------------------------------
# Figures on this page are readable everywhere as book.<name>.
numbersheet_book_page = book_facts.BOOK_NUMBERS_PAGE

# -- Stable citations -------------------------------------------------------
# Published pages and labels are listed in anchors.lock; a test fails when one
# disappears. A moved page gets a redirect, a renamed label an alias.
redirects: dict[str, str] = {  # "old/page": "../new/page.html" (sphinx-reredirects)
    # The book-wide numbers sheet joined the reference part in the second edition.
    "about/numbers-to-remember": "../reference/numbers-to-remember.html",
}
# "old-label": "new-label" (_ext/anchor_aliases.py). The second-edition answers
# folded the first edition's 17 parts into fewer sections; each old part points
# to the section that now holds its content.
anchor_aliases: dict[str, str] = {
    "card-fraud-requirements": "card-fraud-clarify",
    "card-fraud-metrics": "card-fraud-framing",
    "card-fraud-decision-policy": "card-fraud-framing",
    "card-fraud-offline-evaluation": "card-fraud-models",
    "card-fraud-latency-budget": "card-fraud-budget",
    "card-fraud-rollout": "card-fraud-launch",
    "card-fraud-drift": "card-fraud-launch",
    "card-fraud-monitoring": "card-fraud-what-breaks",
    "card-fraud-failure-modes": "card-fraud-what-breaks",
    "card-fraud-signals": "card-fraud-path",
    "keyboard-next-word-requirements": "keyboard-next-word-clarify",
    "keyboard-next-word-metrics": "keyboard-next-word-framing",
    "keyboard-next-word-offline-evaluation": "keyboard-next-word-experiment",
    "keyboard-next-word-latency-budget": "keyboard-next-word-budget",
    "keyboard-next-word-rollout": "keyboard-next-word-launch",
    "keyboard-next-word-drift": "keyboard-next-word-launch",
    "keyboard-next-word-monitoring": "keyboard-next-word-what-breaks",
    "keyboard-next-word-failure-modes": "keyboard-next-word-what-breaks",
    "keyboard-next-word-signals": "keyboard-next-word-path",
    "hotel-booking-chatbot-requirements": "hotel-booking-chatbot-clarify",
    "hotel-booking-chatbot-metrics": "hotel-booking-chatbot-framing",
    "hotel-booking-chatbot-offline-evaluation": "hotel-booking-chatbot-data",
    "hotel-booking-chatbot-latency-budget": "hotel-booking-chatbot-budget",
    "hotel-booking-chatbot-rollout": "hotel-booking-chatbot-launch",
    "hotel-booking-chatbot-monitoring": "hotel-booking-chatbot-what-breaks",
    "hotel-booking-chatbot-drift": "hotel-booking-chatbot-what-breaks",
    "hotel-booking-chatbot-failure-modes": "hotel-booking-chatbot-what-breaks",
    "hotel-booking-chatbot-signals": "hotel-booking-chatbot-path",
    "out-of-stock-substitutes-requirements": "out-of-stock-substitutes-clarify",
    "out-of-stock-substitutes-metrics": "out-of-stock-substitutes-framing",
    "out-of-stock-substitutes-signals": "out-of-stock-substitutes-framing",
    "out-of-stock-substitutes-similarity": "out-of-stock-substitutes-models",
    "out-of-stock-substitutes-ranking": "out-of-stock-substitutes-models",
    "out-of-stock-substitutes-offline-evaluation": "out-of-stock-substitutes-models",
    "out-of-stock-substitutes-constraints": "out-of-stock-substitutes-serving",
    "out-of-stock-substitutes-latency-budget": "out-of-stock-substitutes-budget",
    "out-of-stock-substitutes-rollout": "out-of-stock-substitutes-launch",
    "out-of-stock-substitutes-monitoring": "out-of-stock-substitutes-launch",
    "out-of-stock-substitutes-drift": "out-of-stock-substitutes-launch",
    "out-of-stock-substitutes-failure-modes": "out-of-stock-substitutes-what-breaks",
    "related-searches-requirements": "related-searches-clarify",
    "related-searches-metrics": "related-searches-framing",
    "related-searches-offline-evaluation": "related-searches-models",
    "related-searches-latency-budget": "related-searches-budget",
    "related-searches-rollout": "related-searches-launch",
    "related-searches-monitoring": "related-searches-launch",
    "related-searches-drift": "related-searches-launch",
    "related-searches-failure-modes": "related-searches-what-breaks",
    "related-searches-signals": "related-searches-path",
    "text-to-image-search-requirements": "text-to-image-search-clarify",
    "text-to-image-search-metrics": "text-to-image-search-framing",
    "text-to-image-search-signals": "text-to-image-search-framing",
    "text-to-image-search-offline-evaluation": "text-to-image-search-models",
    "text-to-image-search-latency-budget": "text-to-image-search-budget",
    "text-to-image-search-rollout": "text-to-image-search-launch",
    "text-to-image-search-monitoring": "text-to-image-search-launch",
    "text-to-image-search-drift": "text-to-image-search-launch",
    "text-to-image-search-failure-modes": "text-to-image-search-what-breaks",
    "graded-stories-requirements": "graded-stories-clarify",
    "graded-stories-metrics": "graded-stories-framing",
    "graded-stories-offline-evaluation": "graded-stories-framing",
    "graded-stories-signals": "graded-stories-framing",
    "graded-stories-difficulty-scoring": "graded-stories-models",
    "graded-stories-learner-and-shelf": "graded-stories-models",
    "graded-stories-simplification": "graded-stories-models",
    "graded-stories-latency-budget": "graded-stories-budget",
    "graded-stories-rollout": "graded-stories-launch",
    "graded-stories-monitoring": "graded-stories-what-breaks",
    "graded-stories-drift": "graded-stories-what-breaks",
    "graded-stories-failure-modes": "graded-stories-what-breaks",
    "trending-hashtags-requirements": "trending-hashtags-clarify",
    "trending-hashtags-metrics": "trending-hashtags-framing",
    "trending-hashtags-signals": "trending-hashtags-framing",
    "trending-hashtags-offline-evaluation": "trending-hashtags-launch",
    "trending-hashtags-rollout": "trending-hashtags-launch",
    "trending-hashtags-monitoring": "trending-hashtags-launch",
    "trending-hashtags-latency-budget": "trending-hashtags-budget",
    "trending-hashtags-drift": "trending-hashtags-what-breaks",
    "trending-hashtags-failure-modes": "trending-hashtags-what-breaks",
    "people-you-may-know-requirements": "people-you-may-know-clarify",
    "people-you-may-know-metrics": "people-you-may-know-framing",
    "people-you-may-know-candidates": "people-you-may-know-serving",
    "people-you-may-know-cold-start": "people-you-may-know-serving",
    "people-you-may-know-ranking": "people-you-may-know-models",
    "people-you-may-know-fairness": "people-you-may-know-models",
    "people-you-may-know-offline-evaluation": "people-you-may-know-models",
    "people-you-may-know-latency-budget": "people-you-may-know-budget",
    "people-you-may-know-rollout": "people-you-may-know-launch",
    "people-you-may-know-monitoring": "people-you-may-know-launch",
    "people-you-may-know-drift": "people-you-may-know-what-breaks",
    "people-you-may-know-failure-modes": "people-you-may-know-what-breaks",
    "people-you-may-know-signals": "people-you-may-know-launch",
    "similar-questions-requirements": "similar-questions-clarify",
    "similar-questions-metrics": "similar-questions-framing",
    "similar-questions-offline-evaluation": "similar-questions-models",
    "similar-questions-latency-budget": "similar-questions-budget",
    "similar-questions-rollout": "similar-questions-launch",
    "similar-questions-monitoring": "similar-questions-launch",
    "similar-questions-drift": "similar-questions-what-breaks",
    "similar-questions-failure-modes": "similar-questions-what-breaks",
    "similar-questions-signals": "similar-questions-path",
    "rental-location-search-requirements": "rental-location-search-clarify",
    "rental-location-search-metrics": "rental-location-search-framing",
    "rental-location-search-offline-evaluation": "rental-location-search-models",
    "rental-location-search-latency-budget": "rental-location-search-budget",
    "rental-location-search-rollout": "rental-location-search-launch",
    "rental-location-search-monitoring": "rental-location-search-launch",
    "rental-location-search-drift": "rental-location-search-launch",
    "rental-location-search-failure-modes": "rental-location-search-what-breaks",
    "rental-location-search-signals": "rental-location-search-framing",
    "trigger-word-requirements": "trigger-word-clarify",
    "trigger-word-metrics": "trigger-word-framing",
    "trigger-word-offline-evaluation": "trigger-word-framing",
    "trigger-word-signals": "trigger-word-framing",
    "trigger-word-streaming": "trigger-word-follow-ups",
    "trigger-word-latency-budget": "trigger-word-budget",
    "trigger-word-rollout": "trigger-word-launch",
    "trigger-word-monitoring": "trigger-word-launch",
    "trigger-word-drift": "trigger-word-launch",
    "trigger-word-failure-modes": "trigger-word-what-breaks",
    "pool-matching-requirements": "pool-matching-clarify",
    "pool-matching-metrics": "pool-matching-framing",
    "pool-matching-signals": "pool-matching-framing",
    "pool-matching-offline-evaluation": "pool-matching-launch",
    "pool-matching-rollout": "pool-matching-launch",
    "pool-matching-monitoring": "pool-matching-launch",
    "pool-matching-drift": "pool-matching-launch",
    "pool-matching-latency-budget": "pool-matching-budget",
    "pool-matching-failure-modes": "pool-matching-what-breaks",
    "answer-ranking-requirements": "answer-ranking-clarify",
    "answer-ranking-metrics": "answer-ranking-framing",
    "answer-ranking-compute-cost": "answer-ranking-budget",
    "answer-ranking-latency-budget": "answer-ranking-serving",
    "answer-ranking-offline-evaluation": "answer-ranking-launch",
    "answer-ranking-rollout": "answer-ranking-launch",
    "answer-ranking-monitoring": "answer-ranking-launch",
    "answer-ranking-drift": "answer-ranking-launch",
    "answer-ranking-failure-modes": "answer-ranking-what-breaks",
    "answer-ranking-signals": "answer-ranking-path",
    "fake-schools-requirements": "fake-schools-clarify",
    "fake-schools-metrics": "fake-schools-framing",
    "fake-schools-offline-evaluation": "fake-schools-models",
    "fake-schools-latency-budget": "fake-schools-serving",
    "fake-schools-rollout": "fake-schools-launch",
    "fake-schools-monitoring": "fake-schools-launch",
    "fake-schools-drift": "fake-schools-what-breaks",
    "fake-schools-failure-modes": "fake-schools-what-breaks",
    "fake-schools-signals": "fake-schools-path",
    "nickname-resolution-requirements": "nickname-resolution-clarify",
    "nickname-resolution-metrics": "nickname-resolution-framing",
    "nickname-resolution-thresholds": "nickname-resolution-budget",
    "nickname-resolution-offline-evaluation": "nickname-resolution-framing",
    "nickname-resolution-latency-budget": "nickname-resolution-budget",
    "nickname-resolution-rollout": "nickname-resolution-launch",
    "nickname-resolution-monitoring": "nickname-resolution-what-breaks",
    "nickname-resolution-drift": "nickname-resolution-what-breaks",
    "nickname-resolution-failure-modes": "nickname-resolution-what-breaks",
    "nickname-resolution-signals": "nickname-resolution-launch",
    "viewer-abandonment-requirements": "viewer-abandonment-clarify",
    "viewer-abandonment-metrics": "viewer-abandonment-framing",
    "viewer-abandonment-signals": "viewer-abandonment-framing",
    "viewer-abandonment-offline-evaluation": "viewer-abandonment-models",
    "viewer-abandonment-latency-budget": "viewer-abandonment-budget",
    "viewer-abandonment-rollout": "viewer-abandonment-launch",
    "viewer-abandonment-monitoring": "viewer-abandonment-launch",
    "viewer-abandonment-drift": "viewer-abandonment-launch",
    "viewer-abandonment-failure-modes": "viewer-abandonment-what-breaks",
    "document-answer-extraction-requirements": "document-answer-extraction-clarify",
    "document-answer-extraction-metrics": "document-answer-extraction-framing",
    "document-answer-extraction-offline-evaluation": "document-answer-extraction-framing",
    "document-answer-extraction-latency-budget": "document-answer-extraction-budget",
    "document-answer-extraction-rollout": "document-answer-extraction-launch",
    "document-answer-extraction-monitoring": "document-answer-extraction-launch",
    "document-answer-extraction-failure-modes": "document-answer-extraction-what-breaks",
    "document-answer-extraction-drift": "document-answer-extraction-what-breaks",
    "document-answer-extraction-signals": "document-answer-extraction-path",
    "checkout-time-to-purchase-requirements": "checkout-time-to-purchase-clarify",
    "checkout-time-to-purchase-metrics": "checkout-time-to-purchase-framing",
    "checkout-time-to-purchase-signals": "checkout-time-to-purchase-framing",
    "checkout-time-to-purchase-offline-evaluation": "checkout-time-to-purchase-models",
    "checkout-time-to-purchase-latency-budget": "checkout-time-to-purchase-budget",
    "checkout-time-to-purchase-rollout": "checkout-time-to-purchase-launch",
    "checkout-time-to-purchase-monitoring": "checkout-time-to-purchase-what-breaks",
    "checkout-time-to-purchase-failure-modes": "checkout-time-to-purchase-what-breaks",
    "checkout-time-to-purchase-drift": "checkout-time-to-purchase-what-breaks",
    "first-app-on-unlock-ceiling": "first-app-on-unlock-framing",
    "first-app-on-unlock-metrics": "first-app-on-unlock-framing",
    "first-app-on-unlock-requirements": "first-app-on-unlock-clarify",
    "first-app-on-unlock-offline-evaluation": "first-app-on-unlock-launch",
    "first-app-on-unlock-latency-budget": "first-app-on-unlock-budget",
    "first-app-on-unlock-rollout": "first-app-on-unlock-launch",
    "first-app-on-unlock-monitoring": "first-app-on-unlock-what-breaks",
    "first-app-on-unlock-drift": "first-app-on-unlock-what-breaks",
    "first-app-on-unlock-failure-modes": "first-app-on-unlock-what-breaks",
    "first-app-on-unlock-signals": "first-app-on-unlock-framing",
    "language-id-requirements": "language-id-clarify",
    "language-id-metrics": "language-id-framing",
    "language-id-offline-evaluation": "language-id-framing",
    "language-id-signals": "language-id-framing",
    "language-id-latency-budget": "language-id-budget",
    "language-id-rollout": "language-id-launch",
    "language-id-drift": "language-id-launch",
    "language-id-monitoring": "language-id-what-breaks",
    "language-id-failure-modes": "language-id-what-breaks",
    "birthday-inference-requirements": "birthday-inference-framing",
    "birthday-inference-metrics": "birthday-inference-framing",
    "birthday-inference-offline-evaluation": "birthday-inference-data",
    "birthday-inference-latency-budget": "birthday-inference-budget",
    "birthday-inference-rollout": "birthday-inference-launch",
    "birthday-inference-monitoring": "birthday-inference-what-breaks",
    "birthday-inference-drift": "birthday-inference-what-breaks",
    "birthday-inference-failure-modes": "birthday-inference-what-breaks",
    "birthday-inference-signals": "birthday-inference-framing",
    "property-investment-requirements": "property-investment-clarify",
    "property-investment-metrics": "property-investment-framing",
    "property-investment-signals": "property-investment-framing",
    "property-investment-offline-evaluation": "property-investment-data",
    "property-investment-latency-budget": "property-investment-budget",
    "property-investment-rollout": "property-investment-launch",
    "property-investment-monitoring": "property-investment-what-breaks",
    "property-investment-drift": "property-investment-what-breaks",
    "property-investment-failure-modes": "property-investment-what-breaks",
    "open-set-cifar-requirements": "open-set-cifar-clarify",
    "open-set-cifar-metrics": "open-set-cifar-framing",
    "open-set-cifar-offline-evaluation": "open-set-cifar-framing",
    "open-set-cifar-latency-budget": "open-set-cifar-budget",
    "open-set-cifar-rollout": "open-set-cifar-launch",
    "open-set-cifar-monitoring": "open-set-cifar-what-breaks",
    "open-set-cifar-drift": "open-set-cifar-what-breaks",
    "open-set-cifar-failure-modes": "open-set-cifar-what-breaks",
    "open-set-cifar-signals": "open-set-cifar-path",
    "stock-to-sell-requirements": "stock-to-sell-clarify",
    "stock-to-sell-metrics": "stock-to-sell-framing",
    "stock-to-sell-worked-example": "stock-to-sell-framing",
    "stock-to-sell-offline-evaluation": "stock-to-sell-models",
    "stock-to-sell-latency-budget": "stock-to-sell-budget",
    "stock-to-sell-rollout": "stock-to-sell-launch",
    "stock-to-sell-monitoring": "stock-to-sell-what-breaks",
    "stock-to-sell-drift": "stock-to-sell-what-breaks",
    "stock-to-sell-failure-modes": "stock-to-sell-what-breaks",
    "stock-to-sell-signals": "stock-to-sell-framing",
    "word-sense-jaguar-requirements": "word-sense-jaguar-clarify",
    "word-sense-jaguar-metrics": "word-sense-jaguar-framing",
    "word-sense-jaguar-display-policy": "word-sense-jaguar-framing",
    "word-sense-jaguar-offline-evaluation": "word-sense-jaguar-models",
    "word-sense-jaguar-latency-budget": "word-sense-jaguar-budget",
    "word-sense-jaguar-rollout": "word-sense-jaguar-launch",
    "word-sense-jaguar-monitoring": "word-sense-jaguar-launch",
    "word-sense-jaguar-drift": "word-sense-jaguar-what-breaks",
    "word-sense-jaguar-failure-modes": "word-sense-jaguar-what-breaks",
    "word-sense-jaguar-signals": "word-sense-jaguar-path",
    "shape-classifier-requirements": "shape-classifier-clarify",
    "shape-classifier-metrics": "shape-classifier-framing",
    "shape-classifier-offline-evaluation": "shape-classifier-data",
    "shape-classifier-latency-budget": "shape-classifier-budget",
    "shape-classifier-rollout": "shape-classifier-launch",
    "shape-classifier-monitoring": "shape-classifier-launch",
    "shape-classifier-drift": "shape-classifier-what-breaks",
    "shape-classifier-failure-modes": "shape-classifier-what-breaks",
    "shape-classifier-signals": "shape-classifier-framing",
}

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
    "use_issues_button": True,
    # One header, the article's (README: "The website"): the theme's top bar held
    # only a second search box, and an empty strip on a phone. Its download menu
    # (the page's Markdown source, the browser's print) gives way to the book's
    # own PDF and ePub (_ext/website/downloads.py); full screen is what the browser does.
    "navbar_persistent": [],
    "use_download_button": False,
    "use_fullscreen_button": False,
}
# The one search box is in the article header (_templates/search-button.html),
# where it is on every screen width; the sidebar keeps the title and contents.
html_sidebars = {"**": ["navbar-logo.html", "icon-links.html", "sbt-sidebar-nav.html"]}
# Search ranks title and section-heading hits first, then pages by how often they
# use the words, and shows a readable snippet (_static/search-ranking.js).
html_search_scorer = str(BOOK_ROOT / "_static" / "search-ranking.js")
# Practice mode, dark-mode diagrams and narrow-screen tables (README: "The website").
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"
html_css_files = ["reader.css"]
html_js_files = ["theme-fixes.js", ("practice-mode.js", {"defer": "defer"})]

# -- The website: address, downloads, social cards, sitemap, 404, copy buttons --
# Read the Docs says where this build will live; elsewhere the book's usual address.
ON_READTHEDOCS = os.environ.get("READTHEDOCS") == "True"
html_baseurl = (ON_READTHEDOCS and os.environ.get("READTHEDOCS_CANONICAL_URL")) or (
    "https://mlsd-book.readthedocs.io/en/latest/"
)
# `make all` copies the LaTeX PDF and the ePub here; on Read the Docs the
# {bookdownload} links go to its own offline formats instead (_ext/website/downloads.py).
website_downloads_dir = "_downloads-book"
website_downloads = {"pdf": "mlsd-book.pdf", "epub": "mlsd-book.epub"}
ogp_site_url = html_baseurl
ogp_social_cards = {"line_color": "#2a5d9f"}
sitemap_url_scheme = "{link}"
sitemap_excludes = ["404.html", "search.html", "genindex.html"]
# The 404 page is served at any depth, so its links are absolute: under the
# version's path on Read the Docs, from the server root elsewhere.
notfound_urls_prefix = urlsplit(html_baseurl).path if ON_READTHEDOCS else "/"
notfound_context = {
    "title": "Page not found",
    "body": (
        "<h1>Page not found</h1>\n"
        "<p>There is no page at this address. It may have been mistyped, or it may belong "
        "to a different version of the book.</p>\n"
        "<p>Search the book with the search box, pick a page from the table of contents, "
        f'or start again from the <a href="{notfound_urls_prefix}index.html">home page</a>.</p>\n'
    ),
}
copybutton_exclude = ".linenos, .gp, .go"

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
    # xurl lets a long URL break between any two characters, so the printed
    # addresses in footnotes stay inside the text block.
    "preamble": r"""
\usepackage{newunicodechar}
\usepackage{xurl}
""",
}
latex_show_urls = "footnote"
# makeindex is enough for an English book and saves installing xindy.
latex_use_xindy = False

# -- PDF without TeX (rst2pdf) ------------------------------------------------
# rst2pdf loads only for `-b pdf` (_ext/pdf_output.py) and reads these settings then.
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
