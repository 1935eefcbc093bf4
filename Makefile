# Build the book in four formats, test it, and check its sources.
# `make help` lists the targets. Every build treats a warning as an error
# (-W), reports all warnings at once (--keep-going) and checks every
# reference (-n).

# -- Variables you can set on the command line: make html JOBS=1 ----------------

# The interpreter that creates the virtualenv: Python 3.11 or newer.
PYTHON       ?= python3
# The virtualenv that every build and test runs in; make creates it.
VENV         ?= .venv
# Where the outputs go, each builder's in its own folder.
BUILDDIR     ?= _build
# Sphinx processes for the builders that run in parallel; 1 builds serially.
JOBS         ?= auto
# More options for every sphinx-build, for example SPHINXOPTS="-D language=fr".
SPHINXOPTS   ?=
# More options for pytest in make test and make test-fast, for example PYTESTOPTS="-x -k qanda".
PYTESTOPTS   ?=

# -- Internal variables ---------------------------------------------------------

SHELL        := /bin/bash
.SHELLFLAGS  := -o pipefail -c
BIN          := $(VENV)/bin
SPHINXBUILD  := $(BIN)/sphinx-build
STRICT       := -W --keep-going -n
BUILD_STAMP  := $(VENV)/.requirements.stamp
DEV_STAMP    := $(VENV)/.requirements-dev.stamp
BENCH_VENV   := .venv-bench
# The website's download links point here (website_downloads in conf.py).
DOWNLOADS     = $(BUILDDIR)/html/_downloads-book

# Reproducible output: dates in the pages come from the last commit.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1764028800)
export SOURCE_DATE_EPOCH

# -- The one build recipe ---------------------------------------------------------
# Each output target sets, below, BUILDER (the Sphinx builder; it names the output
# and doctree folders), TOOLS (the system tools that builder needs, installed when
# missing) and, where it has them, BUILDEROPTS and BUILDLOG (a file that keeps a
# copy of Sphinx's output).
define build
$(if $(TOOLS),@scripts/install-system-deps $(TOOLS))
$(SPHINXBUILD) -b $(BUILDER) $(STRICT) $(BUILDEROPTS) -d $(BUILDDIR)/doctrees/$(BUILDER) $(SPHINXOPTS) . \
  $(BUILDDIR)/$(BUILDER) $(if $(BUILDLOG),2>&1 | tee $(BUILDLOG))
endef

html:               BUILDER = html
epub:               BUILDER = epub
latexpdf:           BUILDER = latex
pdf:                BUILDER = pdf
gettext:            BUILDER = gettext
html epub pdf:      TOOLS = dot
latexpdf:           TOOLS = dot latexmk xelatex
html epub gettext:  BUILDEROPTS = -j $(JOBS)
pdf:                BUILDLOG = $(BUILDDIR)/pdf/build.log
# rst2pdf and its libraries warn about APIs they use, not the book's; keep the log readable.
pdf: export PYTHONWARNINGS = ignore::DeprecationWarning

.DEFAULT_GOAL := help
.PHONY: help html epub latexpdf pdf gettext all livehtml clean test test-fast check venv system-deps anchors-lock new-answer bench downloads

help: ## List the targets
	@echo "Usage: make <target>"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  \1\t/' | expand -t 16
	@echo "Variables (top of the Makefile): PYTHON VENV BUILDDIR JOBS SPHINXOPTS PYTESTOPTS"

$(BUILD_STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "error: Python 3.11 or newer is needed (found $$($(PYTHON) --version 2>&1)); set PYTHON=python3.x" >&2; exit 1; }
	@test -x $(BIN)/python || { echo "Creating $(VENV)"; $(PYTHON) -m venv $(VENV); }
	@echo "Installing requirements.txt into $(VENV)"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements-dev.txt $(BUILD_STAMP)
	@echo "Installing requirements-dev.txt into $(VENV)"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

venv: $(BUILD_STAMP) ## Create .venv and install the build requirements

system-deps: ## Install the system tools (graphviz, TeX Live, poppler, epubcheck, Chromium)
	@scripts/install-system-deps

html: $(BUILD_STAMP) ## Build the website into _build/html (creates .venv first)
	$(build)
	@echo "The website is in $(BUILDDIR)/html/index.html"

epub: $(BUILD_STAMP) ## Build the ePub into _build/epub
	$(build)
	@echo "The ePub is $$(ls $(BUILDDIR)/epub/*.epub)"

latexpdf: $(BUILD_STAMP) ## Build the PDF through LaTeX (xelatex) into _build/latex
	$(build)
	$(MAKE) -C $(BUILDDIR)/latex all-pdf LATEXMKOPTS="-silent -interaction=nonstopmode -halt-on-error" >$(BUILDDIR)/latex/make.log 2>&1 || \
	  { tail -n 40 $(BUILDDIR)/latex/make.log; echo "error: LaTeX failed; the full log is $(BUILDDIR)/latex/make.log" >&2; exit 1; }
	@echo "The PDF is $(BUILDDIR)/latex/mlsd-book.pdf"

# rst2pdf logs through its own logger, which -W does not see: fail on its
# [WARNING] and [ERROR] lines ourselves, except "too wide/tall for the frame, rescaling":
# that is rst2pdf fitting a large diagram to the page, which is what we want.
pdf: $(BUILD_STAMP) ## Build the PDF without TeX (rst2pdf) into _build/pdf
	@mkdir -p $(BUILDDIR)/pdf
	$(build)
	@if grep -E '^\[(WARNING|ERROR)\]' $(BUILDLOG) | grep -vE 'too (wide|tall) for the frame, rescaling' >/dev/null; then \
	  echo "error: rst2pdf reported the problems above (see $(BUILDLOG))" >&2; exit 1; fi
	@echo "The PDF is $(BUILDDIR)/pdf/mlsd-book.pdf"

# Translations: CONTRIBUTING.md, "Translations".
gettext: $(BUILD_STAMP) ## Write the translation templates (.pot) into _build/gettext
	$(build)
	@echo "The templates are in $(BUILDDIR)/gettext; start a language with sphinx-intl (CONTRIBUTING.md)"

all: html epub latexpdf pdf ## Build all four outputs; the website links to the PDF and the ePub
	@$(MAKE) --no-print-directory downloads

downloads: ## Copy the built LaTeX PDF and ePub into the website (make all does it)
	@test -f $(BUILDDIR)/latex/mlsd-book.pdf && test -n "$(wildcard $(BUILDDIR)/epub/*.epub)" || \
	  { echo "error: build the PDF and the ePub first: make latexpdf epub" >&2; exit 1; }
	@mkdir -p $(DOWNLOADS)
	cp $(BUILDDIR)/latex/mlsd-book.pdf $(DOWNLOADS)/mlsd-book.pdf
	cp $(wildcard $(BUILDDIR)/epub/*.epub) $(DOWNLOADS)/mlsd-book.epub

livehtml: $(DEV_STAMP) ## Rebuild and reload the website in a browser as you edit
	@scripts/install-system-deps dot
	$(BIN)/sphinx-autobuild -b html $(STRICT) -d $(BUILDDIR)/doctrees/live --ignore "_build/*" --ignore ".venv/*" \
	  $(SPHINXOPTS) . $(BUILDDIR)/livehtml

check: $(DEV_STAMP) ## Quick source checks: labels, MyST lint, spelling, no raw HTML, originality
	$(BIN)/python -m scripts.check_sources

test: $(DEV_STAMP) ## Run the whole test suite (builds every output)
	@scripts/install-system-deps dot latexmk xelatex pdftotext epubcheck chromium java
	$(BIN)/python -m pytest $(PYTESTOPTS)

test-fast: $(DEV_STAMP) ## Every test that needs no build of the whole book (tests/README.md)
	@scripts/install-system-deps dot pdftotext chromium
	$(BIN)/python -m pytest -m "not book" $(PYTESTOPTS)

$(BENCH_VENV)/.stamp: benchmarks/requirements.txt requirements.txt
	@test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	@$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r benchmarks/requirements.txt
	@touch $@

bench: $(BENCH_VENV)/.stamp ## Benchmarks: a table of ratios (several minutes; not part of make test)
	@scripts/install-system-deps dot latexmk xelatex
	cd benchmarks && ../$(BENCH_VENV)/bin/python bench.py

new-answer: ## Start an answer: make new-answer Q=<question-label> AUTHOR="Your Name"
	@$(PYTHON) -m scripts.new_answer "$(Q)" "$(AUTHOR)"

anchors-lock: html ## Add the book's new pages and labels to anchors.lock (never drops one)
	$(BIN)/python -m scripts.anchors lock $(BUILDDIR)/doctrees/html

clean: ## Remove every build output (keeps .venv)
	rm -rf $(BUILDDIR)
