#!/usr/bin/env python3
"""Start a worked answer: `make new-answer Q=<question-label> AUTHOR="Name"`.

Creates answers/<question-label>.md (or answers/<question-label>-<author>.md when
the question already has an answer) with the answer directive and the 17
anatomy headings, each labeled, and adds the page to the answers toctree in
book order. Refuses, changing nothing, when the question does not exist or the
page is already there.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

BOOK_ROOT = Path(__file__).resolve().parents[1]
ANATOMY = [
    ("clarify", "Clarifying questions"),
    ("requirements", "Requirements"),
    ("framing", "Framing"),
    ("metrics", "Metrics"),
    ("data", "Data and labels"),
    ("features", "Features"),
    ("models", "Models"),
    ("offline-evaluation", "Offline evaluation"),
    ("serving", "Serving architecture"),
    ("latency-budget", "Latency budget"),
    ("rollout", "Testing and rollout"),
    ("monitoring", "Monitoring"),
    ("drift", "Drift and maintenance"),
    ("failure-modes", "Failure modes"),
    ("follow-ups", "Follow-ups"),
    ("signals", "Interviewer signals and pitfalls"),
    ("further-reading", "Further reading"),
]


class Refused(Exception):
    pass


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def toctree_entries(index: Path) -> list[str]:
    block = re.search(r"```\{toctree\}\n(.*?)```", index.read_text(), flags=re.S).group(1)
    return [line.strip() for line in block.splitlines() if line.strip() and not line.startswith(":")]


def question_title(label: str, root: Path) -> str:
    page = root / "questions" / f"{label}.md"
    if not page.exists() or f":label: {label}\n" not in page.read_text():
        known = sorted(p.stem for p in (root / "questions").glob("*.md") if p.stem not in ("index", "interview-craft"))
        close = [k for k in known if k.startswith(label[:4])][:3]
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise Refused(f"no question with label '{label}' (looked for questions/{label}.md){hint}")
    heading = re.search(r"^# (.+)$", page.read_text(), flags=re.M)
    return heading.group(1) if heading else label


def page_text(label: str, answer_label: str, prefix: str, title: str, author: str) -> str:
    own_label = f":label: {answer_label}\n" if answer_label != f"answer-{label}" else ""
    parts = [
        f"({prefix}-worked-answer)=\n# {title}: a worked answer\n\n"
        f"::::{{answer}} {label}\n{own_label}:author: {author}\n\n"
        "The design in one paragraph: what we build, the key decision and why.\n::::\n"
    ]
    parts += [f"\n({prefix}-{suffix})=\n## {heading}\n\n" for suffix, heading in ANATOMY]
    return "".join(parts)


def add_to_toctree(index: Path, page: str, label: str, root: Path) -> None:
    """Insert the page after the answers of the same or earlier questions."""
    order = toctree_entries(root / "questions" / "index.md")
    number = {q: n for n, q in enumerate(order)}
    entries = toctree_entries(index)

    def question_of(entry: str) -> str:
        return max((q for q in order if entry == q or entry.startswith(q + "-")), key=len, default=entry)

    position = sum(1 for e in entries if number.get(question_of(e), -1) <= number[label])
    anchor = entries[position - 1] if position else None
    text = index.read_text()
    block = re.search(r"```\{toctree\}\n.*?```", text, flags=re.S)
    lines = block.group(0).splitlines()
    if anchor:
        insert_at = lines.index(anchor) + 1
    else:
        insert_at = lines.index(entries[0]) if entries else len(lines) - 1
    lines.insert(insert_at, page)
    index.write_text(text[: block.start()] + "\n".join(lines) + text[block.end():])


def new_answer(label: str, author: str, root: Path = BOOK_ROOT) -> Path:
    if not label or not author:
        raise Refused('usage: make new-answer Q=<question-label> AUTHOR="Your Name"')
    title = question_title(label, root)
    first = root / "answers" / f"{label}.md"
    if first.exists():
        prefix = f"{label}-{slug(author)}"
        target, answer_label = root / "answers" / f"{prefix}.md", prefix
    else:
        prefix, target, answer_label = label, first, f"answer-{label}"
    if target.exists():
        raise Refused(f"{target.relative_to(root)} already exists; edit it, or choose another AUTHOR")
    target.write_text(page_text(label, answer_label, prefix, title, author))
    add_to_toctree(root / "answers" / "index.md", target.stem, label, root)
    return target


def main(argv: list[str]) -> int:
    try:
        target = new_answer(*(argv + ["", ""])[:2])
    except Refused as refusal:
        print(f"new-answer: {refusal}", file=sys.stderr)
        return 1
    print(f"new-answer: created {target.relative_to(BOOK_ROOT)} and listed it in answers/index.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
