"""The files around the book: GitHub workflow and templates, Read the Docs, reproducible dates."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from .book_helpers import BOOK_ROOT

GITHUB = BOOK_ROOT / ".github"
SCHEMAS = [
    ("vendor.github-workflows", sorted((GITHUB / "workflows").glob("*.yml"))),
    ("vendor.github-issue-forms", sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")),
    ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
    ("vendor.readthedocs", [BOOK_ROOT / ".readthedocs.yaml"]),
]


@pytest.mark.parametrize("schema, files", SCHEMAS, ids=[s for s, _ in SCHEMAS])
def test_files_match_their_published_schema(schema, files):
    assert files
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run([str(checker), "--builtin-schema", schema, *map(str, files)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_runs_the_readme_test_command_on_pushes_and_pull_requests():
    workflow = (GITHUB / "workflows" / "test.yml").read_text()
    assert re.search(r"^on:\n(  .*\n)*  push:", workflow, re.M)
    assert re.search(r"^on:\n(  .*\n)*  pull_request:", workflow, re.M)
    assert "run: bash .ci/run" in workflow
    assert "make test" in (BOOK_ROOT / ".ci" / "run").read_text()
    assert "make test" in (BOOK_ROOT / "README.md").read_text()


def review_criteria() -> list[str]:
    section = (BOOK_ROOT / "CONTRIBUTING.md").read_text().split("## Review criteria", 1)[1].split("\n## ", 1)[0]
    items = re.findall(r"^- (.*(?:\n  .*)*)", section, re.M)
    return [re.sub(r"\s+", " ", item).rstrip(";.") for item in items]


def test_pull_request_template_is_the_review_checklist():
    template = (GITHUB / "pull_request_template.md").read_text()
    boxes = re.findall(r"^- \[ \] (.*)$", template, re.M)
    assert boxes == review_criteria() and boxes


def test_contribute_link_opens_an_existing_issue_form():
    sys.path.insert(0, str(BOOK_ROOT))
    url = subprocess.run([sys.executable, "-c", "import runpy; print(runpy.run_path('conf.py')['qanda_contribute_url'])"],
                         cwd=BOOK_ROOT, capture_output=True, text=True, check=True).stdout.strip()
    parts = urlsplit(url)
    assert not parts.fragment  # a query after '#' never reaches the server
    template = parse_qs(parts.query)["template"][0]
    assert (GITHUB / "ISSUE_TEMPLATE" / template).is_file()


def conf_value(expression: str, env: dict[str, str]) -> str:
    code = f"import os, runpy; conf = runpy.run_path('conf.py'); print({expression})"
    return subprocess.run([sys.executable, "-c", code], cwd=BOOK_ROOT, env=env,
                          capture_output=True, text=True, check=True).stdout.strip()


def test_conf_takes_the_build_date_from_the_last_commit_when_unset():
    """Read the Docs runs sphinx-build without the Makefile's SOURCE_DATE_EPOCH."""
    last_commit = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=BOOK_ROOT,
                                 capture_output=True, text=True).stdout.strip()
    if not last_commit:
        pytest.skip("not a git checkout")  # e.g. the clean copies other tests build from
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    assert conf_value("os.environ['SOURCE_DATE_EPOCH']", env) == last_commit
    year = str(__import__("time").gmtime(int(last_commit)).tm_year)
    assert year in conf_value("conf['copyright']", env)


def test_conf_keeps_a_date_it_is_given():
    env = dict(os.environ, SOURCE_DATE_EPOCH="1893456000")  # 2030-01-01
    assert conf_value("conf['copyright']", env).startswith("2026–2030")
