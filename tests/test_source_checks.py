"""Each rule of `make check` rejects a page that breaks it, and passes the book."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts import check_sources

from .book_helpers import BOOK_ROOT, clean_copy, make


def page(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_heading_without_label_is_rejected(tmp_path):
    problems = check_sources.check_heading_labels(page(tmp_path, "(ok)=\n# Title\n\n## No label\n"))
    assert [p.split(": ", 1)[1] for p in problems] == ["heading has no (label)= line above it"]


def test_label_not_in_kebab_case_is_rejected(tmp_path):
    problems = check_sources.check_heading_labels(page(tmp_path, "(Bad_Label)=\n# Title\n"))
    assert "label 'Bad_Label' is not kebab-case" in problems[0]


def test_currency_read_as_math_is_rejected(tmp_path):
    problems = check_sources.check_currency(page(tmp_path, "It costs $5 per day and $7 per week.\n"))
    assert len(problems) == 1 and "write \\$ for currency" in problems[0]
    assert check_sources.check_currency(page(tmp_path, "It costs \\$5 and $x^2$.\n")) == []


def test_dollar_formats_of_num_roles_are_not_math(tmp_path):
    line = "It costs {num}`cost:$M` a year and about {num}`daily:$k` a day.\n"
    assert check_sources.check_currency(page(tmp_path, line)) == []


@pytest.mark.parametrize("text, message", [
    ("Text   \n", "trailing whitespace"),
    ("\tindented\n", "tab character"),
    ("```python\nx = 1\n", "a code fence is never closed"),
])
def test_markup_lint_rejects(tmp_path, text, message):
    assert any(message in p for p in check_sources.check_markup(page(tmp_path, text)))


@pytest.mark.parametrize("text, message", [
    ("Hello <b>bold</b> world.\n", "raw HTML is not allowed"),
    ("<script>alert(1)</script>\n", "raw HTML is not allowed"),
    ("A [link](x.md){onclick='steal()'}\n", "inline event handlers are not allowed"),
    ("```{raw} html\n<p>x</p>\n```\n", "the raw directive and {raw} role are not allowed"),
    ("Inline {raw}`<i>x</i>`.\n", "the raw directive and {raw} role are not allowed"),
])
def test_contributed_page_cannot_carry_active_or_raw_markup(tmp_path, text, message):
    assert any(message in p for p in check_sources.check_untrusted_markup(page(tmp_path, text)))


def test_code_and_autolinks_are_not_mistaken_for_html(tmp_path):
    text = "Write `<br>` in code, or see <https://example.org>.\n\n```html\n<p>fine</p>\n```\n"
    assert check_sources.check_untrusted_markup(page(tmp_path, text)) == []


def test_misspelling_is_rejected_and_project_words_pass(tmp_path):
    assert any("recieve" in p for p in check_sources.check_spelling([page(tmp_path, "We recieve data.\n")]))
    assert check_sources.check_spelling([page(tmp_path, "FPR at 95% TPR.\n")]) == []


def test_originality_findings_fail_the_check(tmp_path, monkeypatch):
    # The reference text is held only as fingerprints, so a stand-in checker that
    # reports a match proves the wiring: a finding becomes a problem.
    tools = tmp_path / "shared" / "tools"
    tools.mkdir(parents=True)
    fake = tools / "originality-check"
    fake.write_text("import sys\nprint('page.md:1-12: 14 words match published text')\nsys.exit(1)\n")
    monkeypatch.setattr(check_sources, "SHARED", tmp_path / "shared")
    assert check_sources.check_originality([page(tmp_path, "Anything.\n")]) == [
        "page.md:1-12: 14 words match published text"]


def test_without_shared_the_originality_check_says_so_and_passes(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(check_sources, "SHARED", tmp_path / "no-shared")
    assert check_sources.check_originality([page(tmp_path, "Anything.\n")]) == []
    assert "originality skipped" in capsys.readouterr().err


def test_make_check_passes_on_a_clone_without_shared_and_says_so_once(tmp_path):
    copy = clean_copy(tmp_path / "book")  # tmp_path has no shared/ beside the copy
    result = make(copy, tmp_path / "build", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    said = [line for line in result.stderr.splitlines() if "originality" in line]
    assert len(said) == 1 and said[0].startswith("check: originality skipped: "), result.stderr
    assert result.stdout.splitlines()[-1].endswith(", 0 problem(s)")


def test_make_check_passes_on_the_book():
    result = subprocess.run([sys.executable, "-m", "scripts.check_sources"], capture_output=True, text=True,
                            cwd=BOOK_ROOT)
    assert result.returncode == 0, result.stdout


def test_unit_printed_twice_is_rejected(tmp_path):
    text = "We serve {num}`users:M` million people in {num}`slo:ms` ms.\n"
    problems = check_sources.check_units(page(tmp_path, text))
    assert len(problems) == 2 and all("prints its unit twice" in p for p in problems)
    fine = "We serve {num}`users:M` people, {num}`users` million of them new, in {num}`slo:ms`.\n"
    assert check_sources.check_units(page(tmp_path, fine)) == []
