"""Missing system tools stop a build with one clear line, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from .book_helpers import BOOK_ROOT

UTILITIES = ["bash", "env", "dirname", "tail", "rm", "grep", "cat", "fc-list"]


def sandbox_path(tmp_path: Path, uid: str) -> str:
    """A PATH with the shell utilities, a fake `id`, and no graphviz and no sudo."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    for name in UTILITIES:
        found = shutil.which(name)
        if found:
            (bindir / name).symlink_to(found)
    fake_id = bindir / "id"
    fake_id.write_text(f"#!/bin/sh\necho {uid}\n")
    fake_id.chmod(0o755)
    return str(bindir)


def test_missing_tool_without_root_gives_one_line_naming_the_command(tmp_path):
    env = {**os.environ, "PATH": sandbox_path(tmp_path, uid="1000")}
    result = subprocess.run([str(BOOK_ROOT / "scripts" / "ensure-tools"), "dot"], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "error: missing system tools (dot). need root to install: graphviz; "
        "run: sudo scripts/install-system-deps"
    ]


def test_present_tools_need_nothing(tmp_path):
    result = subprocess.run([str(BOOK_ROOT / "scripts" / "install-system-deps"), "dot", "pdftotext"],
                            capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_unknown_tool_is_refused():
    result = subprocess.run([str(BOOK_ROOT / "scripts" / "install-system-deps"), "dott"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "unknown tool 'dott'" in result.stderr
