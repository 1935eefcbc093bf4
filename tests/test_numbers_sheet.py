"""A page's sheet as a whole: order, names, cycles, claims, and one report per problem."""

from __future__ import annotations

from numbersheet.sheet import evaluate_page, parse_lines, use_problem


def sheet(*texts: str, book=None, own_book=False):
    lines, problems = parse_lines(enumerate(texts, 1), block=0)
    result = evaluate_page(lines, book, own_book)
    result.problems = problems + result.problems
    return result


def test_order_does_not_matter():
    result = sheet("peak = 8 * avg  # peak", "avg = day / 86_400  # average", "day = 8M  # a day")
    assert result.values["peak"] == 8 * 8_000_000 / 86_400
    assert result.problems == []


def test_descriptions_and_lines_are_kept():
    result = sheet("", "tx = 8M  # transactions a day (assumption)")
    [line] = result.lines
    assert (line.name, line.source, line.description, line.lineno) == ("tx", "8M", "transactions a day (assumption)", 2)


def test_a_claim_that_holds_is_silent_and_recorded():
    result = sheet("a = 1  # a", "assert a < 2  # small")
    assert result.holds == {2: True} and result.problems == []


def test_a_failing_claim_shows_the_values():
    result = sheet("spent = 130  # spent", "budget = 100  # budget", "assert spent <= budget  # fits")
    [problem] = result.problems
    assert (problem.subtype, problem.lineno) == ("assert-failed", 3)
    assert "130 <= 100" in problem.message


def test_a_broken_figure_is_reported_once_and_its_dependents_stay_blank():
    result = sheet("zero = 0  # z", "rate = 1 / zero  # r", "twice = rate * 2  # t", "assert twice > 0  # c")
    assert [p.subtype for p in result.problems] == ["division-by-zero"]
    assert result.values["twice"] is None and result.holds[4] is None


def test_cycle_is_reported_once_at_its_first_line():
    result = sheet("a = b + 1  # a", "b = a + 1  # b", "c = b  # c")
    [problem] = result.problems
    assert (problem.subtype, problem.lineno) == ("cycle", 1)
    assert result.values == {"a": None, "b": None, "c": None}


def test_redefinition_keeps_the_first():
    result = sheet("x = 1  # x", "x = 2  # x again")
    assert result.values["x"] == 1
    assert [(p.subtype, p.lineno) for p in result.problems] == [("redefined", 2)]


def test_unknown_name_suggests_the_closest():
    [problem] = sheet("peak = 1  # p", "y = paek  # y").problems
    assert problem.subtype == "unknown-name" and "did you mean 'peak'" in problem.message


def test_book_names_are_read_and_recorded():
    result = sheet("day = book.seconds_per_day  # d", book={"seconds_per_day": 86_400})
    assert result.values["day"] == 86_400 and result.book_names == {"seconds_per_day"}


def test_the_book_sheet_reads_its_own_names_as_book_names():
    result = sheet("a = 2  # a", "b = book.a * 2  # b", book={}, own_book=True)
    assert result.values["b"] == 4 and result.problems == []


def test_a_line_that_is_neither_figure_nor_claim():
    [problem] = sheet("just words  # no").problems
    assert problem.subtype == "syntax"


def test_use_problems():
    page = sheet("peak = 1  # p")
    assert use_problem("peak", "", page, None) is None
    assert use_problem("peak", "zz", page, None)[0] == "format"
    assert use_problem("paek", "", page, None)[0] == "unknown-name"
    assert use_problem("peak", "", None, {"peak": 1}) == (
        "no-sheet", "{num} 'peak' is used on a page that defines no numbers; did you mean 'book.peak'?")
    assert use_problem("book.nope", "", page, {"peak": 1})[0] == "unknown-name"


def test_a_figure_cannot_take_a_function_name():
    [problem] = sheet("sqrt = 3  # shadowing a function").problems
    assert problem.subtype == "redefined" and "reserved" in problem.message
