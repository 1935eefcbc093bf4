"""Import the book's scripts/ helpers as modules."""

import importlib.util
from pathlib import Path

_SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "check_sources.py"
_spec = importlib.util.spec_from_file_location("check_sources", _SCRIPT)
check_sources = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_sources)
