"""The sandboxed calculator: what it computes, what it refuses, and how values print."""

from __future__ import annotations

import math

import pytest

from numbersheet.expressions import ExpressionError, ab_sample_size, evaluate, parse
from numbersheet.formatting import FormatError, format_value


def calc(source: str, **names):
    return evaluate(parse(source), names.__getitem__, {"seconds_per_day": 86_400}.__getitem__)


@pytest.mark.parametrize("source, value", [
    ("8M / 86_400 * 8", 8_000_000 / 86_400 * 8),
    ("2.5k + 3B", 2_500 + 3_000_000_000),
    ("1e-3 * 4", 0.004),
    ("7 // 2 + 7 % 2", 4),
    ("2 ** 10", 1024),
    ("-(3 - 5)", 2),
    ("sqrt(16) + log2(8) + ceil(1.2) + floor(1.8) + abs(-1)", 4 + 3 + 2 + 1 + 1),
    ("min(3, 1, 2) + max(3, 1, 2) + round(2.567, 2)", 1 + 3 + 2.57),
    ("log(exp(2))", 2),
    ("book.seconds_per_day / 3_600", 24),
])
def test_arithmetic(source, value):
    assert calc(source) == pytest.approx(value)


def test_names_are_read_through_the_lookup():
    assert calc("tx_per_day / 1k", tx_per_day=8_000_000) == 8_000


def test_parse_reports_the_names_an_expression_reads():
    expression = parse("peak / book.seconds_per_day + avg")
    assert expression.names == {"peak", "avg"}
    assert expression.book_names == {"seconds_per_day"}


def test_suffixes_do_not_touch_names():
    assert parse("gpu_80GB + x2k").names == {"gpu_80GB", "x2k"}


def test_comparisons_chain_and_combine():
    assert calc("1 <= 2 < 3 and not 4 == 5") is True
    assert calc("1 < 2 < 2 or 3 != 3") is False


@pytest.mark.parametrize("source, subtype", [
    ("__import__('os').system('true')", "disallowed"),
    ("(1).real", "disallowed"),
    ("x[0]", "disallowed"),
    ("(lambda: 1)()", "disallowed"),
    ("[i for i in (1, 2)]", "disallowed"),
    ("'ten'", "disallowed"),
    ("open(1)", "disallowed"),
    ("1 if 2 else 3", "disallowed"),
    ("round(1, ndigits=2)", "disallowed"),
    ("True + 1", "disallowed"),
    ("3 & 1", "disallowed"),
    ("3 | 1", "disallowed"),
    ("3 ^ 1", "disallowed"),
    ("1 << 70", "disallowed"),
    ("~5", "disallowed"),
    ("1 in 2", "disallowed"),
    ("1 is 1", "disallowed"),
    ("sqrt + 1", "disallowed"),
    ("book * 2", "disallowed"),
    ("3 +* 4", "syntax"),
    ("1 + " * 200 + "1", "out-of-range"),
])
def test_refused_before_anything_runs(source, subtype):
    with pytest.raises(ExpressionError) as error:
        parse(source)
    assert error.value.subtype == subtype


def test_a_malicious_expression_does_not_run(tmp_path):
    marker = tmp_path / "ran"
    with pytest.raises(ExpressionError):
        calc(f"__import__('pathlib').Path('{marker}').touch()")
    assert not marker.exists()


@pytest.mark.parametrize("source, subtype", [
    ("2 ** 2 ** 64", "out-of-range"),
    ("10 ** 400", "out-of-range"),
    ("1e20 * 1e20", "out-of-range"),
    ("1e400", "out-of-range"),
    ("exp(1000)", "out-of-range"),
    ("1 / 0", "division-by-zero"),
    ("5 // (2 - 2)", "division-by-zero"),
    ("sqrt(-1)", "math"),
    ("log(0)", "math"),
    ("round(1, 99)", "out-of-range"),
])
def test_runtime_errors_are_bounded_and_named(source, subtype):
    with pytest.raises(ExpressionError) as error:
        calc(source)
    assert error.value.subtype == subtype


def test_ab_sample_size_matches_the_two_proportion_formula():
    # 10% against 12% (a 20% relative lift), alpha 0.05 two-sided, power 0.8:
    # the pooled normal approximation needs 3,841 users per arm.
    assert math.ceil(ab_sample_size(0.10, 0.20)) == 3841


def test_ab_sample_size_grows_with_power_and_shrinks_with_alpha():
    base = ab_sample_size(0.05, 0.1)
    assert ab_sample_size(0.05, 0.1, power=0.9) > base > ab_sample_size(0.05, 0.1, alpha=0.1)


def test_ab_sample_size_takes_keywords_in_a_sheet():
    assert calc("ab_sample_size(0.1, 0.2, alpha=0.05, power=0.8)") == pytest.approx(ab_sample_size(0.1, 0.2))


@pytest.mark.parametrize("args", [(0, 0.1), (1.2, 0.1), (0.5, 0), (0.6, 1.0), (0.1, 0.1, 1.5)])
def test_ab_sample_size_refuses_impossible_inputs(args):
    with pytest.raises(ExpressionError):
        ab_sample_size(*args)


@pytest.mark.parametrize("value, spec, shown", [
    (86_400, "", "86,400"),
    (740.74, "", "740"),
    (92.59, "", "93"),
    (1_549.6, "", "1,550"),
    (0.1234, "", "0.123"),
    (0.00412, "", "0.0041"),
    (23_148.1, "", "23,000"),
    (True, "", "yes"),
    (0.004, "%", "0.4%"),
    (480e6, "$M", "$480M"),
    (1_234.5, "$", "$1,230"),
    (2.5e9, "$B", "$2.5B"),
    (-213, "$", "-$213"),
    (-1.2e6, "$M", "-$1.2M"),
    (8_000_000, "M", "8M"),
    (23_148.1, "k", "23k"),
    (65, "ms", "65 ms"),
    (8, "x", "8×"),
    (740.74, ",.0f", "741"),
    (0.1234, ".1%", "12.3%"),
])
def test_formatting(value, spec, shown):
    assert format_value(value, spec) == shown


@pytest.mark.parametrize("spec", ["zz", "$q", "d!"])
def test_unknown_format_is_refused(spec):
    with pytest.raises(FormatError):
        format_value(1.5, spec)
