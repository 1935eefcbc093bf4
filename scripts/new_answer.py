"""Start a worked answer: `make new-answer Q=<question-label> AUTHOR="Name"`.

Creates answers/<question-label>.md (or answers/<question-label>-<author>.md when
the question already has an answer) in the answer anatomy of the second
edition, and adds the page to the answers toctree in book order:

- the card: the answer directive's body, eight placeholder bullets;
- the 45-minute path: six timed blocks (5, 8, 8, 10, 8 and 6 minutes), each with
  "On the whiteboard" and "If time is short"; a model-ladder table, a serving
  diagram, and a launch block that links the launch playbook;
- depth on demand: the collapsed-section marker, a starter numbers sheet that
  evaluates cleanly, features, the binding budget, the what-breaks table,
  follow-ups and further reading.

Every section carries its required label. The page builds as generated: the
placeholders are plain text, and each {num} role names a figure of the starter
sheet. Refuses, changing nothing, when the question does not exist or the page
is already there.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import book_facts

from . import BOOK_ROOT

CARD = """\
::::{answer} @QUESTION@
@OWN_LABEL@:author: @AUTHOR@

- **Objective**: What the system is for, in one line, and the one metric that decides between designs.
- **Label**: What counts as a positive, where the label comes from, and how late it arrives.
- **Ships first**: The model that ships first, and why it is enough to start.
- **Serving**: The serving shape in one line: batch or online, and what sits on the request path.
- **Two decisions**: (1) the decision that shapes everything else, and why; (2) the second one, and why.
- **Numbers**: {num}`requests_per_day:M` requests a day; {num}`peak_qps` a second at peak; {num}`total_ms:ms` at p99 on the request path. Replace them with the three numbers that matter, each from the sheet.
- **We refuse to build**: The tempting part we leave out, because of the reason that settles it.
- **Top risk**: The failure that would hurt most, and the first sign of it.
::::
"""

WHITEBOARD_AND_SKIP = """
**On the whiteboard:** @WHITEBOARD@

**If time is short:** @SKIP@
"""

BLOCKS = {
    "clarify": (
        "What to say first: the questions whose answers change the design, each answer said back as an "
        "assumption that the numbers sheet records.",
        "the scale, {num}`requests_per_day:M` requests a day and {num}`peak_qps` a second at peak.",
        "which questions to drop, and the one you never drop.",
    ),
    "framing": (
        "The objective as an ML task, its input and output, whether ML is needed at all, and the metrics: "
        "the one that decides, the guardrails, and where offline and online can disagree.",
        "the metric that decides, and the bar a model must clear to ship.",
        "what to leave out of this block, and what must stay.",
    ),
    "data": (
        "Where the data comes from, how the label is defined and how late it arrives, the negatives, "
        "the splits, and what privacy rules out.",
        "how many labeled examples arrive a day, and how late.",
        "what to leave out of this block, and what must stay.",
    ),
    "models": (
        "The ladder from the simplest thing that works to the strongest model worth its cost; "
        "name the rung that ships.",
        "the rung that ships, with its expected gain and its cost.",
        "the rungs to skip, naming them as later levers.",
    ),
    "serving": (
        "The request path and the offline path, drawn once; then the one budget that binds (latency, "
        "memory, battery, reviewer-hours, freshness or money), with its total from the sheet.",
        "the binding budget: {num}`total_ms:ms` at p99 against {num}`budget_ms:ms`, with the full "
        "table in {ref}`@PREFIX@-budget`.",
        "what to leave out of this block, and what must stay.",
    ),
    "launch": (
        "The sequence is the {ref}`@PLAYBOOK@`'s; state only what differs for this problem: "
        "the shadow and canary, the experiment, the fallback, what is monitored. Then the risks, in "
        "order; each has a row in {ref}`@PREFIX@-what-breaks`.",
        "the figure that sets the launch, such as the test's length and what sets it.",
        "which deltas to drop, and the one you keep.",
    ),
}

LADDER = f"\n{book_facts.LADDER_HEADER}\n" + """\
| --- | --- | --- | --- |
| 0. Baseline | A rule or heuristic, or what exists today | The bar to beat | Close to nothing |
| 1. First model (ships) | What it adds over the baseline | Gain on the deciding metric | Labels, engineering, serving |
| 2. Stronger model | What it adds over rung 1 | Gain over rung 1 | What it costs over rung 1 |
"""

DIAGRAM = """
```{graphviz}
:caption: Placeholder: the request path (solid) and the offline path (dashed)
digraph @GRAPH@ {
  rankdir=LR;
  node [fontsize=11];
  client [label="Client", shape=plaintext];
  service [label="Service", shape=box];
  model [label="Model", shape=ellipse];
  store [label="Feature\\nstore", shape=cylinder];
  training [label="Training\\npipeline", shape=box];
  client -> service -> model;
  service -> store;
  training -> store [style=dashed];
  training -> model [style=dashed];
}
```
"""

DEPTH = """
(@PREFIX@-depth)=
## Depth on demand

@DEPTH_FOLD@
(@PREFIX@-numbers)=
### Numbers sheet

% Every figure the page uses, derived here: at least @FIGURES@ figures and @CLAIMS@ asserts. Replace the starter lines.

:::{numbers}
requests_per_day = 10M        # requests a day (assumption: replace with the question's figure)
peak_factor = 3               # peak traffic over the daily average (assumption)
peak_qps = requests_per_day / book.seconds_per_day * peak_factor   # requests a second at peak
feature_ms = 20               # feature lookup, p99 (assumption)
model_ms = 30                 # model scoring, p99 (assumption)
network_ms = 50               # network and the rest of the request path, p99 (assumption)
total_ms = feature_ms + model_ms + network_ms   # request path, p99
budget_ms = 200               # p99 the product allows (assumption: agree it in clarify)
assert total_ms <= budget_ms  # the request path fits its budget
:::

(@PREFIX@-features)=
### Features

| Entity | Feature | Representation | Freshness | Computed where |
| --- | --- | --- | --- | --- |
| User | A feature of the user | How it is encoded | How stale it may be | Batch or online |
| Item | A feature of the item | How it is encoded | How stale it may be | Batch or online |
| Context | A feature of the request | How it is encoded | Per request | Online |

(@PREFIX@-budget)=
### The budget that binds

Rename this section after the budget that binds (latency, memory, battery, reviewer-hours,
freshness or money); every row and the total come from the sheet.

| Stage | p99 budget (ms) | Notes |
| --- | --- | --- |
| Feature lookup | {num}`feature_ms` | Placeholder |
| Model scoring | {num}`model_ms` | Placeholder |
| Network and the rest | {num}`network_ms` | Placeholder |
| **Total** | {num}`total_ms` | Budget: {num}`budget_ms:ms` |

(@PREFIX@-what-breaks)=
### What breaks

@WHAT_BREAKS_HEADER@
| --- | --- | --- |
| A failure specific to this problem | The signal that shows it first | The action, and the fallback |

% Only where the experiment is the hard part, add a section labeled @PREFIX@-experiment here.

(@PREFIX@-follow-ups)=
### Follow-ups

- **A question an interviewer asks next about this problem?** The short answer.
- **A second follow-up, specific to this problem?** The short answer.
- **A third follow-up, specific to this problem?** The short answer.

(@PREFIX@-further-reading)=
### Further reading

- A primary source on this exact problem (its paper, or the company's write-up of this system), as a link listed in links.txt, and one line on what to take from it.
- A second primary source, in the same form.
"""


class Refused(Exception):
    pass


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def toctree_entries(index: Path) -> list[str]:
    return book_facts.toctree_entries(index.read_text())


def question_page(label: str, root: Path) -> str:
    page = root / "questions" / f"{label}.md"
    if not page.exists() or f":label: {label}\n" not in page.read_text():
        known = sorted(p.stem for p in (root / "questions").glob("*.md") if p.stem not in book_facts.NOT_QUESTIONS)
        close = [k for k in known if k.startswith(label[:4])][:3]
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise Refused(f"no question with label '{label}' (looked for questions/{label}.md){hint}")
    return page.read_text()


def path_block(prefix: str, suffix: str, heading: str, minutes: int) -> str:
    say, whiteboard, skip = BLOCKS[suffix]
    text = f"\n({prefix}-{suffix})=\n### {heading} ({minutes} min)\n\n{say}\n"
    if suffix == "models":
        text += LADDER
    if suffix == "serving":
        text += DIAGRAM.replace("@GRAPH@", prefix.replace("-", "_"))
    text += WHITEBOARD_AND_SKIP.replace("@WHITEBOARD@", whiteboard).replace("@SKIP@", skip)
    return text.replace("@PREFIX@", prefix).replace("@PLAYBOOK@", book_facts.LAUNCH_PLAYBOOK)


def depth(prefix: str) -> str:
    """Depth on demand, with the book's own fold line, table header and sheet minimum."""
    facts = {"@DEPTH_FOLD@": book_facts.DEPTH_FOLD, "@WHAT_BREAKS_HEADER@": book_facts.WHAT_BREAKS_HEADER,
             "@FIGURES@": str(book_facts.SHEET_FIGURES), "@CLAIMS@": str(book_facts.SHEET_CLAIMS),
             "@PREFIX@": prefix}
    text = DEPTH
    for placeholder, value in facts.items():
        text = text.replace(placeholder, value)
    return text


def page_text(label: str, answer_label: str, prefix: str, title: str, author: str, difficulty: str = "") -> str:
    own_label = f":label: {answer_label}\n" if answer_label != f"answer-{label}" else ""
    words = book_facts.PATH_WORDS.get(difficulty, max(book_facts.PATH_WORDS.values()))
    card = CARD.replace("@QUESTION@", label).replace("@OWN_LABEL@", own_label).replace("@AUTHOR@", author)
    parts = [
        f"({prefix}-worked-answer)=\n# {title}: a worked answer\n\n"
        f"% The card: bullets only, at most {book_facts.CARD_WORDS} words.\n\n",
        card,
        f"\n({prefix}-path)=\n## The 45-minute path\n\n"
        f"% At most {words:,} prose words; "
        f"the minutes of the six blocks add up to at most {book_facts.PATH_MINUTES}.\n",
    ]
    parts += [path_block(prefix, *block) for block in book_facts.PATH_BLOCKS]
    parts.append(depth(prefix))
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
    block = book_facts.TOCTREE_PATTERN.search(text)
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
    question = question_page(label, root)
    heading = re.search(r"^# (.+)$", question, flags=re.M)
    difficulty = re.search(r"^:difficulty:\s*(\S+)", question, flags=re.M)
    first = root / "answers" / f"{label}.md"
    if first.exists():
        prefix = f"{label}-{slug(author)}"
        target, answer_label = root / "answers" / f"{prefix}.md", prefix
    else:
        prefix, target, answer_label = label, first, f"answer-{label}"
    if target.exists():
        raise Refused(f"{target.relative_to(root)} already exists; edit it, or choose another AUTHOR")
    target.write_text(page_text(label, answer_label, prefix, heading.group(1) if heading else label, author,
                                difficulty.group(1) if difficulty else ""))
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
