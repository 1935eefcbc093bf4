"""How a compat module checks the library internals it patches or relies on.

A patch of a library's internals (a method replaced, a private class looked up
by name) is written against one version of that library: the one pinned in
``requirements.txt``. Under another version the internal may be gone, and the
patch would then fail far from its cause or quietly do nothing. A compat module
therefore asks ``require`` for each internal before using it, at setup, and
the build stops with one line naming the library, both versions and what is
missing.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from sphinx.errors import ExtensionError

REQUIREMENTS = Path(__file__).resolve().parents[1] / "requirements.txt"


def require(owner: object, attribute: str, *, library: str, patched_by: str) -> None:
    """Raise an ExtensionError that says so if ``library`` no longer has ``owner.attribute``."""
    if not hasattr(owner, attribute):
        raise ExtensionError(mismatch(library, f"{dotted_name(owner)} has no {attribute!r}", patched_by))


def mismatch(library: str, problem: str, patched_by: str) -> str:
    """One line: the installed and the pinned version of ``library``, and what no longer fits.
    ``patched_by`` is the dotted name of the module that relies on it, as in ``__name__``."""
    pinned = pinned_version(library) or "(unpinned)"
    source = f"_ext/{patched_by.replace('.', '/')}.py"
    return (f"{source} was written for {library} {pinned} (requirements.txt) and {library} "
            f"{installed_version(library)} is installed: {problem}; install {library}=={pinned} "
            f"or update {source}")


def installed_version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "(not installed)"


def pinned_version(library: str) -> str | None:
    """The ``library==version`` pin in the book's requirements.txt, if there is one."""
    try:
        lines = REQUIREMENTS.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for line in lines:
        found = re.match(r"\s*([A-Za-z0-9_.-]+)\s*==\s*([^\s;#]+)", line)
        if found and normalized(found.group(1)) == normalized(library):
            return found.group(2)
    return None


def normalized(distribution: str) -> str:
    """A distribution name as pip compares them (PEP 503): sphinx_design is sphinx-design."""
    return re.sub(r"[-_.]+", "-", distribution).lower()


def dotted_name(owner: object) -> str:
    module = getattr(owner, "__module__", None)
    name = getattr(owner, "__qualname__", None) or getattr(owner, "__name__", repr(owner))
    return f"{module}.{name}" if module else name  # a module has a __name__ and no __module__
