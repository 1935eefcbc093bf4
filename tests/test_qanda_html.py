"""The question bank in HTML: numbers, badges, links both ways, lists, roles, data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sphinx.util.inventory import InventoryFile

from .qanda_helpers import build, copy_root, soup


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return build(copy_root("qanda-basic", tmp_path_factory.mktemp("basic")))


def headings(app, page, kind):
    return [t.get_text(" ", strip=True) for t in soup(app, page).select(f".qanda-{kind} > .qanda-title")]


def test_build_is_warning_free(app):
    assert app.warning.getvalue() == ""


def test_questions_are_numbered_in_toctree_order_across_pages(app):
    assert headings(app, "zeta-questions.html", "question") == [
        "Question 1: Detect card fraud", "Question 2: Rank search results"]
    # alpha-questions.md opens with its only question: the page's title says it, once
    page = soup(app, "alpha-questions.html")
    assert page.h1.get_text(" ", strip=True).rstrip("¶#").strip() == "Question 3: Forecast demand"
    assert headings(app, "alpha-questions.html", "question") == []


def test_a_question_page_is_named_by_its_question_everywhere(app):
    page = soup(app, "alpha-questions.html")
    assert page.title.get_text().startswith("Question 3: Forecast demand")
    assert page.select_one("div.body").get_text().count("Question 3: Forecast demand") == 1
    # the contents, and the previous page's "next" link, name it the same way
    assert "Question 3: Forecast demand" in [a.get_text() for a in soup(app, "index.html").select(".toctree-wrapper a")]
    assert soup(app, "zeta-questions.html").select_one('link[rel="next"]')["title"] == "Question 3: Forecast demand"
    # a page with two questions keeps its own title and each box its heading
    assert soup(app, "zeta-questions.html").h1.get_text(" ", strip=True).startswith("Card fraud")


def test_an_answer_page_is_named_by_its_answer(app):
    page = soup(app, "answers/fraud.html")
    assert page.title.get_text().startswith("Answer to Question 1: Detect card fraud")
    h1 = page.h1
    assert h1.get_text(" ", strip=True).startswith("Answer to Question 1: Detect card fraud")
    assert h1.select_one("a.qanda-question-link")["href"] == "../zeta-questions.html#card-fraud"
    assert page.select("#answer-card-fraud > .qanda-title") == []
    # the contents number it like its question, without repeating that it is an answer
    entries = [a.get_text() for a in soup(app, "index.html").select(".toctree-wrapper a")]
    assert "1. Detect card fraud" in entries


def test_question_label_is_the_anchor_id(app):
    box = soup(app, "zeta-questions.html").select_one(".qanda-question")
    assert box["id"] == "card-fraud"


def test_label_stays_a_unique_anchor_when_the_page_title_slugs_to_it(app):
    page = soup(app, "zeta-questions.html")
    assert [tag.name for tag in page.select("[id=card-fraud]")] == ["div"]


def test_metadata_shows_as_badges(app):
    badges = soup(app, "zeta-questions.html").select("#card-fraud .qanda-badge")
    assert [b.get_text() for b in badges] == ["Data pipeline", "Modeling", "Hard", "fraud"]


def test_question_lists_links_to_its_answer(app):
    links = soup(app, "zeta-questions.html").select("#card-fraud ul.qanda-answer-links a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Answer to Question 1 by Ada Lovelace", "answers/fraud.html#answer-card-fraud")]


def test_question_lists_every_answer_numbered(app):
    links = soup(app, "zeta-questions.html").select("#search-ranking ul.qanda-answer-links a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Answer 2.1 by Grace Hopper", "answers/search.html#answer-search-ranking"),
        ("Answer 2.2", "answers/search.html#search-ranking-lean"),
    ]


def test_question_without_answer_says_so_and_links_to_contribute(app):
    note = soup(app, "alpha-questions.html").select_one("#demand-forecast .qanda-no-answer")
    assert note.get_text(" ", strip=True) == "No answer yet. Contribute an answer"
    assert note.a["href"] == "https://example.org/contribute?question=demand-forecast"


def test_answer_heading_links_back_to_its_question(app):
    page = soup(app, "answers/search.html")
    box = page.select_one("#answer-search-ranking")
    title = box.select_one(".qanda-title")
    assert title.get_text(" ", strip=True) == "Answer 2.1 to Question 2: Rank search results"
    # one inline holds the words and the link, so the theme's column layout cannot split them
    assert [child.name for child in title.children if child.name] == ["span"]
    link = box.select_one("a.qanda-question-link")
    assert link["href"] == "../zeta-questions.html#search-ranking"
    assert box.select_one(".qanda-author").get_text() == "By Grace Hopper"


def test_several_answers_carry_sub_numbers(app):
    assert headings(app, "answers/search.html", "answer") == [
        "Answer 2.1 to Question 2: Rank search results",
        "Answer 2.2 to Question 2: Rank search results",
    ]


def test_dropdown_answer_is_collapsed_in_html(app):
    box = soup(app, "answers/search.html").select_one("#search-ranking-lean")
    details = box.select_one("details.qanda-dropdown")
    assert details is not None and "open" not in details.attrs
    assert details.summary.get_text() == "Show answer"
    assert "BM25" in details.get_text()


def rows(app, section):
    table = soup(app, "lists.html").select_one(f"#{section} table.qanda-questionlist")
    return [[cell.get_text(" ", strip=True) for cell in tr.select("td")] for tr in table.select("tbody tr")]


def test_unfiltered_questionlist_is_a_table_of_number_title_difficulty_stages(app):
    table = soup(app, "lists.html").select_one("#all-questions table.qanda-questionlist")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == [
        "No.", "Question", "Difficulty", "Stages"]
    assert rows(app, "all-questions") == [
        ["1", "Detect card fraud", "Hard", "Data pipeline, Modeling"],
        ["2", "Rank search results", "Medium", "Modeling, Serving"],
        ["3", "Forecast demand", "Easy", "Project setup"],
    ]
    assert table.select("tbody tr")[2].a["href"] == "alpha-questions.html#demand-forecast"
    # not the question bank's index (its contents hold no question page): no practice mode
    assert "qanda-bank-index" not in table["class"]


def test_the_bank_index_lists_all_stages_and_offers_practice_mode(tmp_path):
    src = copy_root("qanda-basic", tmp_path)
    questions = src / "zeta-questions.md"
    questions.write_text(questions.read_text().replace(
        ":stages: data-pipeline, modeling", ":stages: project-setup, data-pipeline, modeling, serving"))
    index = src / "index.md"  # the page whose contents hold the question pages
    index.write_text(index.read_text() + "\n:::{questionlist}\n:::\n")
    app = build(src)
    assert app.warning.getvalue() == ""
    assert rows(app, "all-questions")[0][3] == "All stages"
    [table] = soup(app, "index.html").select("table.qanda-questionlist")
    assert "qanda-bank-index" in table["class"]


@pytest.mark.parametrize("section, numbers", [
    ("modeling-questions", ["1", "2"]),
    ("easy-questions", ["3"]),
    ("hard-modeling-questions", ["1"]),
])
def test_questionlist_filters(app, section, numbers):
    assert [row[0] for row in rows(app, section)] == numbers


def test_roles_render_numbers_and_keep_explicit_titles(app):
    links = soup(app, "lists.html").select("#roles p a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Question 1", "zeta-questions.html#card-fraud"),
        ("the fraud one", "zeta-questions.html#card-fraud"),
        ("Answer to Question 1", "answers/fraud.html#answer-card-fraud"),
        ("Answer 2.2", "answers/search.html#search-ranking-lean"),
    ]


def test_objects_inv_lists_questions_and_answers(app):
    with open(Path(app.outdir) / "objects.inv", "rb") as stream:
        inventory = InventoryFile.load(stream, "https://book.example", lambda base, uri: f"{base}/{uri}")
    questions = inventory["qanda:question"]
    answers = inventory["qanda:answer"]
    assert sorted(questions) == ["card-fraud", "demand-forecast", "search-ranking"]
    assert questions["card-fraud"].uri == "https://book.example/zeta-questions.html#card-fraud"
    assert questions["card-fraud"].display_name == "Question 1: Detect card fraud"
    assert sorted(answers) == ["answer-card-fraud", "answer-search-ranking", "search-ranking-lean"]


def test_questions_json_describes_the_bank(app):
    data = json.loads((Path(app.outdir) / "questions.json").read_text())
    first, second, third = data["questions"]
    assert first == {
        "number": 1, "label": "card-fraud", "title": "Detect card fraud",
        "stages": ["data-pipeline", "modeling"], "difficulty": "hard", "domain": "fraud",
        "url": "zeta-questions.html#card-fraud",
        "answers": [{"label": "answer-card-fraud", "author": "Ada Lovelace",
                     "url": "answers/fraud.html#answer-card-fraud"}],
    }
    assert [a["label"] for a in second["answers"]] == ["answer-search-ranking", "search-ranking-lean"]
    assert (third["number"], third["answers"]) == (3, [])


def test_sphinx_registers_the_version_and_parallel_safety_setup_declares(app):
    import qanda

    extension = app.extensions["qanda"]  # what Sphinx made of setup()'s return value in a real build
    assert extension.module is qanda
    assert extension.version == qanda.__version__
    assert extension.parallel_read_safe is True
    assert extension.parallel_write_safe is True
