"""``questions.json`` at the HTML output root: the bank as data for other tools."""

from __future__ import annotations

import json
from pathlib import Path

from outputs import is_website

from .links import page_url


def questions_as_data(env, catalog) -> dict:
    return {
        "questions": [
            {
                "number": q.number,
                "label": q.label,
                "title": q.title,
                "stages": list(q.stages),
                "difficulty": q.difficulty,
                "domain": q.domain,
                "url": page_url(env, q.docname, q.label),
                "answers": [
                    {"label": a.label, "author": a.author, "url": page_url(env, a.docname, a.label)}
                    for a in catalog.answers_to(q)
                ],
            }
            for q in catalog.in_book_order()
        ]
    }


def write_questions_json(app, exception) -> None:
    if exception is not None or not is_website(app.env):
        return
    catalog = app.env.domains["qanda"].catalog
    if catalog is None:
        return
    data = questions_as_data(app.env, catalog)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    Path(app.outdir, "questions.json").write_text(text, encoding="utf-8")
