"""Generate the benchmark books: the same text as qanda, plain admonitions, or sphinx-exercise.

N questions, 10 to a page, each with 2 answers on answer pages (10 answers to a
page, 2 answer pages per question page), about 150 words each. The text is
made from a fixed vocabulary with a fixed seed, so every variant and every run
builds the very same words.
"""

from __future__ import annotations

import random
from pathlib import Path

PER_PAGE = 10
WORDS = ("latency budget feature store label delay ranking model retrieval candidate "
         "threshold precision recall calibration drift canary shadow rollout monitor "
         "embedding index cache batch stream freshness cost request user item context "
         "signal metric baseline heuristic gradient boosted tree network serving").split()

CONF = {
    "qanda": '''extensions = ["myst_parser", "qanda"]
qanda_stages = ["modeling"]
''',
    "plain": '''extensions = ["myst_parser"]
''',
    "exercise": '''extensions = ["myst_parser", "sphinx_exercise"]
''',
}


def prose(rng: random.Random, words: int = 150) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return "\n".join(text[i:i + 90] for i in range(0, len(text), 90))


def question(variant: str, n: int, body: str) -> str:
    label = f"q{n}"
    if variant == "qanda":
        return f":::{{question}} Question title {n}\n:label: {label}\n:stages: modeling\n:difficulty: medium\n\n{body}\n:::\n"
    if variant == "exercise":
        return f"```{{exercise}} Question title {n}\n:label: {label}\n\n{body}\n```\n"
    return f"(qlabel-{n})=\n:::{{admonition}} Question title {n}\n\n{body}\n:::\n"


def answer(variant: str, n: int, k: int, body: str) -> str:
    if variant == "qanda":
        return f"::::{{answer}} q{n}\n:label: a{n}-{k}\n:author: Bench\n\n{body}\n::::\n"
    if variant == "exercise":
        # sphinx-exercise allows one solution per exercise label; the second gets its own label.
        return f"```{{solution}} q{n}\n:label: s{n}-{k}\n\n{body}\n```\n"
    return f":::{{admonition}} Answer {k} to question {n}\n\n{body}\n:::\n"


def generate(root: Path, variant: str, questions: int) -> Path:
    rng = random.Random(20261125)
    root.mkdir(parents=True, exist_ok=True)
    (root / "conf.py").write_text(f'import sys\nsys.path.insert(0, {str(Path(__file__).resolve().parents[1] / "_ext")!r})\n'
                                  f'project = "bench"\nmyst_enable_extensions = ["colon_fence"]\n' + CONF[variant])
    pages = []
    for start in range(1, questions + 1, PER_PAGE):
        page = f"questions-{start:05d}"
        numbers = range(start, min(start + PER_PAGE, questions + 1))
        text = f"# Questions {start}\n\n" + "\n".join(question(variant, n, prose(rng)) for n in numbers)
        (root / f"{page}.md").write_text(text)
        pages.append(page)
        for k in (1, 2):
            answers = "\n".join(answer(variant, n, k, prose(rng)) for n in numbers)
            (root / f"answers-{start:05d}-{k}.md").write_text(f"# Answers {start} ({k})\n\n{answers}")
            pages.append(f"answers-{start:05d}-{k}")
    toctree = "\n".join(pages)
    (root / "index.md").write_text(f"# Benchmark book\n\n```{{toctree}}\n:maxdepth: 1\n\n{toctree}\n```\n")
    return root
