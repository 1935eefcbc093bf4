"""``numbers.json`` at the HTML output root: every page's figures, for readers and tools to audit."""

from __future__ import annotations

import json
from pathlib import Path

from outputs import builder_of, is_website

from .formatting import format_value


def line_data(line, result) -> dict:
    if line.kind == "figure":
        value = result.values.get(line.name)
        return {"name": line.name, "value": value, "shown": None if value is None else format_value(value, ""),
                "formula": line.source, "description": line.description, "line": line.lineno}
    return {"claim": line.source, "description": line.description,
            "holds": result.holds.get(line.lineno), "line": line.lineno}


def numbers_as_data(env, results) -> dict:
    pages = []
    for docname in sorted(results):
        result = results[docname]
        pages.append({
            "page": docname,
            "url": builder_of(env).get_target_uri(docname),
            "figures": [line_data(line, result) for line in result.lines if line.kind == "figure"],
            "claims": [line_data(line, result) for line in result.lines if line.kind == "claim"],
        })
    return {"pages": pages}


def write_numbers_json(app, exception) -> None:
    if exception is not None or not is_website(app.env):
        return
    results = app.env.domains["numbers"].data["results"]
    text = json.dumps(numbers_as_data(app.env, results), indent=2, ensure_ascii=False) + "\n"
    Path(app.outdir, "numbers.json").write_text(text, encoding="utf-8")
