"""Fuzzing the question bank: small random books built with several builders.

Hypothesis composes books from the extension's markup (questions, answers,
roles and lists in headings, lists, tables, admonitions, sphinx-design cards,
included files, ``only`` blocks, titles with markup and Unicode) and checks
what must hold for any input: no traceback, every warning located, the same
numbers in html, singlehtml and text, links that land, and an incremental build
after a random edit equal to a clean one.

``make test`` runs a bounded number of books; for a longer run by hand:
``QANDA_FUZZ_EXAMPLES=500 QANDA_FUZZ_SHRINK=1 .venv/bin/python -m pytest tests/test_qanda_fuzz.py``.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from .qanda_helpers import build, html_pages, write

EXAMPLES = int(os.environ.get("QANDA_FUZZ_EXAMPLES", "12"))
LABELS = ["alpha", "beta", "gamma-ray", "search"]
CONF = """project = "fuzz"
version = "1"
copyright = "2026, fuzz"
extensions = ["myst_parser", "sphinx_design", "qanda"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build", "_part*.md"]
qanda_stages = ["modeling", "serving"]
qanda_contribute_url = "https://example.org/new?q={label}"
suppress_warnings = ["toc.not_included"]
"""
LOCATED = re.compile(r"^\S+?(:\d+)?: (WARNING|ERROR): .*$")
HEADING = re.compile(r"Question (\d+): ")

title_text = st.text(
    alphabet=st.sampled_from("abc XYZ é漢ß🙂*_`[]<>&$\\|#%{}"), min_size=1, max_size=24,
).map(lambda s: s.strip() or "t")
label = st.sampled_from(LABELS)
role = st.one_of(
    label.map(lambda lb: f"{{question}}`{lb}`"),
    label.map(lambda lb: f"{{answer}}`answer-{lb}`"),
    st.tuples(title_text, label).map(lambda t: f"{{question}}`{t[0].replace('`', '')} <{t[1]}>`"),
)


@st.composite
def question(draw) -> str:
    stages = draw(st.sampled_from(["", "modeling", "serving, modeling", "modelling"]))
    return (f":::{{question}} {draw(title_text)}\n:label: {draw(label)}\n:stages: {stages}\n"
            f":difficulty: {draw(st.sampled_from(['easy', 'hard', 'brutal']))}\n\nBody {draw(role)}.\n:::\n")


@st.composite
def answer(draw) -> str:
    options = draw(st.sampled_from(["", ":class: dropdown\n", ":label: second-take\n", ":class: }{ x\n"]))
    return f"::::{{answer}} {draw(label)}\n{options}\nAnswer text, see {draw(role)}.\n::::\n"


def wrap(kind: str, text: str) -> str:
    return {
        "plain": text,
        "list": f"- {text}\n- item",
        "table": f"| a | b |\n| --- | --- |\n| {text} | x |",
        "note": f":::{{note}}\n{text}\n:::",
        "card": f"::::{{card}} Card\n{text}\n::::",
    }[kind]


@st.composite
def block(draw) -> str:
    kind = draw(st.sampled_from(["question", "answer", "role", "heading", "list", "only", "include"]))
    if kind == "question":
        return draw(question())
    if kind == "answer":
        return draw(answer())
    if kind == "role":
        return wrap(draw(st.sampled_from(["plain", "list", "table", "note", "card"])), f"See {draw(role)}.") + "\n"
    if kind == "heading":
        return f"## {draw(title_text).replace('#', '')} {draw(role)}\n"
    if kind == "list":
        return f":::{{questionlist}}\n:stage: {draw(st.sampled_from(['modeling', 'serving']))}\n:::\n"
    if kind == "only":
        # Conditions that hold alike for html, singlehtml and text, which the
        # test compares; tests/test_qanda_hostile.py covers builder-specific ones.
        condition = draw(st.sampled_from(["latex", "not latex", "html or text"]))
        return f"::::{{only}} {condition}\n{draw(question())}::::\n"
    return "```{include} _part.md\n```\n"


@st.composite
def book(draw) -> dict[str, str]:
    pages = {}
    for index in range(draw(st.integers(1, 3))):
        blocks = draw(st.lists(block(), min_size=1, max_size=5))
        heading = draw(st.sampled_from(["Page", "Page {question}`alpha`"]))
        pages[f"page{index}.md"] = f"# {heading} {index}\n\n" + "\n".join(blocks)
    pages["_part.md"] = draw(question())
    toctree = "\n".join(name[:-3] for name in pages if not name.startswith("_"))
    pages["index.md"] = f"# Fuzz\n\n```{{toctree}}\n{toctree}\n```\n"
    return pages


def write_book(pages: dict[str, str], src: Path) -> Path:
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    (src / "conf.py").write_text(CONF)
    for name, text in pages.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def check_warnings(app) -> None:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    for line in (line for line in text.splitlines() if line.strip()):
        assert LOCATED.match(line), line


def numbers(text: str) -> list[int]:
    return sorted({int(n) for n in HEADING.findall(text)})


def html_numbers(outdir: Path) -> list[int]:
    shown = set()
    for page in outdir.glob("page*.html"):
        shown |= set(numbers(BeautifulSoup(page.read_text(), "html.parser").get_text()))
    return sorted(shown)


def check_links(outdir: Path, single_page: bool) -> None:
    for page in sorted(outdir.glob("*.html")):
        html = BeautifulSoup(page.read_text(), "html.parser")
        for link in html.select(".qanda-question a, .qanda-answer a, .qanda-questionlist a, a[class*=qanda-]"):
            href = link["href"]
            if href.startswith("http"):
                continue
            path, _, anchor = href.partition("#")
            assert not (single_page and path), href
            target = BeautifulSoup((outdir / path).read_text(), "html.parser") if path else html
            assert target.find(id=anchor) is not None, (page.name, href)


EDITS = [
    lambda text: text.replace(":label: alpha", ":label: beta", 1),
    lambda text: text.replace("Body", "Changed body", 1),
    lambda text: text + "\n:::{question} Added late\n:label: gamma-ray\n\nNew.\n:::\n",
    lambda text: re.sub(r"::::\{answer\}.*?\n::::\n", "", text, count=1, flags=re.S),
]


# Shrinking a failure takes minutes of builds; a long run by hand can turn it on.
PHASES = [Phase.explicit, Phase.reuse, Phase.generate] + ([Phase.shrink] if os.environ.get("QANDA_FUZZ_SHRINK") else [])


@settings(max_examples=EXAMPLES, deadline=None, phases=PHASES,
          derandomize="QANDA_FUZZ_EXAMPLES" not in os.environ,  # CI sees the same books each run
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(pages=book(), edit=st.sampled_from(range(len(EDITS))), page=st.integers(0, 2))
def test_random_books_build_consistently(tmp_path, pages, edit, page):
    src = write_book(pages, tmp_path / "src")
    outputs = {builder: build(src, builder) for builder in ("html", "singlehtml", "text")}
    for app in outputs.values():
        check_warnings(app)
    html_dir = Path(outputs["html"].outdir)
    text = "\n".join(p.read_text() for p in sorted(Path(outputs["text"].outdir).glob("page*.txt")))
    single = BeautifulSoup((Path(outputs["singlehtml"].outdir) / "index.html").read_text(), "html.parser")
    assert html_numbers(html_dir) == numbers(text) == numbers(single.get_text())
    check_links(html_dir, single_page=False)
    check_links(Path(outputs["singlehtml"].outdir), single_page=True)

    edited = f"page{min(page, len(pages) - 3)}.md"
    write(src / edited, EDITS[edit]((src / edited).read_text()))
    incremental = html_pages(Path(build(src, "html").outdir))
    clean_src = write_book({name: (src / name).read_text() for name in pages}, tmp_path / "clean")
    assert incremental == html_pages(Path(build(clean_src, "html").outdir))
