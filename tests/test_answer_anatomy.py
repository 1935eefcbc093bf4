"""Every worked answer follows the anatomy: card, 45-minute path, depth on demand."""

from __future__ import annotations

import re
from collections import Counter

import pytest

import book_facts as facts
from scripts.numbers_check import check_page, sheet_lines
from scripts.prose import URL, prose_words_in

from .book_helpers import BOOK_ROOT, checked_links, external_urls
from .test_book_content import ANSWERED, answer_page

PATH_BLOCKS = [suffix for suffix, _, _ in facts.PATH_BLOCKS]
MAX_CITING_ANSWERS = 3  # a source more answers cite is not specific to any one problem


def text_of(label: str) -> str:
    return answer_page(label).read_text(encoding="utf-8")


def section(label: str, part: str) -> str:
    """From a section's label to the next label of the same or a higher level."""
    text = text_of(label)
    start = text.index(f"({label}-{part})=")
    level = re.compile(r"^\((?P<label>[a-z0-9-]+)\)=\s*\n(?P<hashes>#+) ", re.M)
    own = level.match(text, start).group("hashes")
    for match in level.finditer(text, start + 1):
        if len(match.group("hashes")) <= len(own):
            return text[start:match.start()]
    return text[start:]


def card(label: str) -> str:
    return re.search(r"^::::\{answer\}.*?\n(.*?)^::::\s*$", text_of(label), re.M | re.S).group(1)


def difficulty(label: str) -> str:
    page = (BOOK_ROOT / "questions" / f"{label}.md").read_text()
    return re.search(r"^:difficulty:\s*(\w+)", page, re.M).group(1)


@pytest.mark.parametrize("label", ANSWERED)
def test_sections_are_labeled_and_in_order(label):
    found = re.findall(rf"^\({re.escape(label)}-([a-z-]+)\)=\s*\n#+\s", text_of(label), flags=re.M)
    assert [part for part in found if part not in facts.OPTIONAL_ANSWER_SECTIONS] == list(facts.ANSWER_SECTIONS)


@pytest.mark.parametrize("label", ANSWERED)
def test_card_is_short_bullets_with_every_lead_and_three_numbers(label):
    body = [line for line in card(label).splitlines() if line.strip() and not line.startswith(":")]
    assert all(line.startswith(("- ", "  ")) for line in body), body
    assert prose_words_in(card(label)) <= facts.CARD_WORDS
    leads = re.findall(r"^- \*\*(.+?)\*\*", card(label), flags=re.M)
    assert leads == list(facts.CARD_LEADS)
    assert len(re.findall(r"\{num\}`", card(label))) >= 3


@pytest.mark.parametrize("label", ANSWERED)
def test_path_fits_its_length_and_45_minutes(label):
    path = section(label, "path")
    assert prose_words_in(path) <= facts.PATH_WORDS[difficulty(label)]
    minutes = [int(m) for m in re.findall(r"^### .*\((\d+) min\)\s*$", path, flags=re.M)]
    assert len(minutes) == len(PATH_BLOCKS) and sum(minutes) <= facts.PATH_MINUTES


@pytest.mark.parametrize("label", ANSWERED)
@pytest.mark.parametrize("block", PATH_BLOCKS)
def test_each_block_says_what_to_write_and_what_to_skip(label, block):
    text = section(label, block)
    assert "**On the whiteboard:**" in text and "**If time is short:**" in text


@pytest.mark.parametrize("label", ANSWERED)
def test_model_ladder_is_a_table_of_gain_and_cost(label):
    assert facts.LADDER_HEADER in section(label, "models")


@pytest.mark.parametrize("label", ANSWERED)
def test_serving_block_has_one_diagram(label):
    assert section(label, "serving").count("```{graphviz}") == 1


@pytest.mark.parametrize("label", ANSWERED)
def test_launch_links_the_playbook(label):
    assert facts.LAUNCH_PLAYBOOK in section(label, "launch")


@pytest.mark.parametrize("label", ANSWERED)
def test_depth_is_folded_and_fits_its_length(label):
    depth = section(label, "depth")
    assert re.search(r"^:::\{collapsed-section\}", depth, flags=re.M)
    assert prose_words_in(depth) <= facts.DEPTH_WORDS


@pytest.mark.parametrize("label", ANSWERED)
def test_numbers_sheet_is_full_and_clean(label):
    lines, _, _ = sheet_lines(text_of(label))
    assert sum(line.kind == "figure" for line in lines) >= facts.SHEET_FIGURES
    assert sum(line.kind == "claim" for line in lines) >= facts.SHEET_CLAIMS
    book = check_page(BOOK_ROOT / f"{facts.BOOK_NUMBERS_PAGE}.md", None, own_book=True)[0]
    result, problems = check_page(answer_page(label), book.values if book else None)
    assert problems == [] and all(result.holds.values())


@pytest.mark.parametrize("label", ANSWERED)
def test_what_breaks_is_one_table(label):
    assert facts.WHAT_BREAKS_HEADER in section(label, "what-breaks")


@pytest.mark.parametrize("label", ANSWERED)
def test_at_least_three_follow_ups(label):
    assert len(re.findall(r"^- ", section(label, "follow-ups"), flags=re.M)) >= 3


def citing_answers() -> Counter:
    return Counter(url for label in ANSWERED for url in set(external_urls(answer_page(label))))


@pytest.mark.parametrize("label", ANSWERED)
def test_further_reading_has_two_checked_sources_specific_to_the_problem(label):
    cited_by = citing_answers()
    urls = set(external_urls(answer_page(label))) & set(external_urls_in(section(label, "further-reading")))
    specific = {url for url in urls if url in checked_links() and cited_by[url] <= MAX_CITING_ANSWERS}
    assert len(specific) >= 2, urls


def external_urls_in(text: str) -> list[str]:
    return [u.rstrip(".,;") for u in URL.findall(text)]
