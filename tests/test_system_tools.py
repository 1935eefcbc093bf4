"""System tools: installed when root or passwordless sudo can (CI), otherwise one clear line.

scripts/install-system-deps is the only script that speaks about system tools, and
the Makefile calls it before each target that needs one. These tests run it on a
PATH without graphviz, with a stand-in `id`, `sudo` and `apt-get`, so nothing is
installed for real.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from .book_helpers import BOOK_ROOT

INSTALLER = str(BOOK_ROOT / "scripts" / "install-system-deps")
UTILITIES = ["bash", "env", "dirname", "grep", "cat", "fc-list", "make"]


def stand_in(bindir: Path, name: str, script: str) -> None:
    command = bindir / name
    command.write_text(f"#!/bin/sh\n{script}\n")
    command.chmod(0o755)


def sandbox(tmp_path: Path, uid: str, sudo: bool = False) -> dict[str, str]:
    """An environment whose PATH has the shell utilities and no graphviz; apt-get only logs its calls."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    for name in UTILITIES:
        found = shutil.which(name)
        if found:
            (bindir / name).symlink_to(found)
    stand_in(bindir, "id", f"echo {uid}")
    stand_in(bindir, "apt-get", f'echo "apt-get $*" >> {tmp_path / "apt.log"}')
    if sudo:  # passwordless: `sudo -n true` succeeds, and any other command runs as given
        stand_in(bindir, "sudo", '[ "$1" = -n ] && shift; [ "$1" = true ] || echo "sudo" >> '
                                 f'{tmp_path / "apt.log"}; "$@"')
    return {**os.environ, "PATH": str(bindir), "CI": "true"}


def apt_calls(tmp_path: Path) -> list[str]:
    log = tmp_path / "apt.log"
    return log.read_text().splitlines() if log.exists() else []


def test_missing_tool_without_root_gives_one_line_naming_the_command(tmp_path):
    result = subprocess.run([INSTALLER, "dot"], env=sandbox(tmp_path, uid="1000"), capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "error: missing system tools (dot); installing graphviz needs root, "
        "so run: sudo scripts/install-system-deps dot"
    ]
    assert apt_calls(tmp_path) == []


def test_missing_tool_as_root_is_installed_without_a_question(tmp_path):
    result = subprocess.run([INSTALLER, "dot"], env=sandbox(tmp_path, uid="0"), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "install-system-deps: installing graphviz for dot (this can take a few minutes)",
        "install-system-deps: done",
    ]
    assert apt_calls(tmp_path) == ["apt-get update -qq", "apt-get install -y -qq --no-install-recommends graphviz"]


def test_passwordless_sudo_installs_through_sudo(tmp_path):
    result = subprocess.run([INSTALLER, "dot"], env=sandbox(tmp_path, uid="1000", sudo=True),
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert apt_calls(tmp_path) == ["sudo", "apt-get update -qq",
                                   "sudo", "apt-get install -y -qq --no-install-recommends graphviz"]


def test_a_make_target_stops_before_building_with_the_installers_line(tmp_path):
    venv = tmp_path / "venv"  # up to date as far as make can tell, and without a sphinx-build
    venv.mkdir()
    (venv / ".requirements.stamp").touch()
    result = subprocess.run(["make", "--no-print-directory", "html", f"VENV={venv}", f"BUILDDIR={tmp_path / 'build'}"],
                            cwd=BOOK_ROOT, env=sandbox(tmp_path, uid="1000"), capture_output=True, text=True)
    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == (
        "error: missing system tools (dot); installing graphviz needs root, "
        "so run: sudo scripts/install-system-deps dot")
    assert not (tmp_path / "build").exists()


def test_present_tools_need_nothing():
    result = subprocess.run([INSTALLER, "dot", "pdftotext"], capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_unknown_tool_is_refused():
    result = subprocess.run([INSTALLER, "dott"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "unknown tool 'dott'" in result.stderr
