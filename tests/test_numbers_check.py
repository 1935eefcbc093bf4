"""scripts.numbers_check: a page's sheet checked in a second, without a build."""

from __future__ import annotations

import subprocess
import sys

from .book_helpers import BOOK_ROOT

EXAMPLE = """# A page

The source of a sheet, shown as an example, is not the page's sheet:

```md
:::{numbers}
peak = 1  # shown, not run
:::
```

Write `` {num}`name` `` to print a value; here the peak is {num}`peak`.

:::{numbers}
peak = 20  # peak load
doubled = 2 * peak  # twice the peak
assert doubled > 30  # headroom
:::
"""


def check(tmp_path, text: str) -> subprocess.CompletedProcess:
    page = tmp_path / "page.md"
    page.write_text(text)
    return subprocess.run([sys.executable, "-m", "scripts.numbers_check", str(page)], cwd=BOOK_ROOT,
                          capture_output=True, text=True)


def test_a_clean_page_prints_its_figures_and_passes(tmp_path):
    result = check(tmp_path, EXAMPLE)
    assert result.returncode == 0, result.stdout
    assert "doubled" in result.stdout and "40" in result.stdout and "[holds]" in result.stdout
    assert "0 problem(s)" in result.stdout


def test_a_failing_claim_is_located_and_fails(tmp_path):
    result = check(tmp_path, EXAMPLE.replace("doubled > 30", "doubled > 50"))
    assert result.returncode == 1
    assert "page.md:16: claim does not hold: doubled > 50" in result.stdout


def test_an_unknown_role_name_is_located(tmp_path):
    result = check(tmp_path, EXAMPLE.replace("the peak is {num}`peak`", "the peak is {num}`paek`"))
    assert result.returncode == 1
    assert "page.md:11: {num} 'paek' is not defined on this page; did you mean 'peak'?" in result.stdout
