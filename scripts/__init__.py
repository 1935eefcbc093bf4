"""The book's command-line tools, run from the book's root as `python -m scripts.<name>`.

`make check`, `make new-answer` and `make anchors-lock` call them that way, and the
tests and benchmarks import them as `scripts.<name>`. The book's facts and the
numbers sheet's evaluator live beside the extensions in `_ext/`; putting that
folder on the import path here, once, lets every script import them by name.
"""

import sys
from pathlib import Path

BOOK_ROOT = Path(__file__).resolve().parents[1]
EXTENSIONS = str(BOOK_ROOT / "_ext")
if EXTENSIONS not in sys.path:
    sys.path.insert(0, EXTENSIONS)
