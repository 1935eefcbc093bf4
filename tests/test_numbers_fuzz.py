"""Fuzzing the numbers sandbox: no expression may run code, read files or hang.

Hypothesis writes expressions from the sheet's own grammar mixed with the
pieces an attacker would reach for (dunder attributes, imports, lambdas,
comprehensions, huge powers and factorial-like nesting). Whatever the input,
``parse`` and ``evaluate`` either return a bounded number or raise
``ExpressionError``, quickly, without touching a file or importing a module.
"""

from __future__ import annotations

import builtins
import math
import os
import sys
import time
import warnings
from contextlib import contextmanager

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numbersheet.expressions import MAX_MAGNITUDE, ExpressionError, evaluate, parse
from numbersheet.sheet import evaluate_page, parse_lines

NAMES = {"a": 3.0, "b": 1e29}
EXAMPLES = int(os.environ.get("NUMBERS_FUZZ_EXAMPLES", "400"))
SECONDS_PER_EXPRESSION = 0.5

atoms = st.one_of(
    st.integers(-10**6, 10**6).map(str),
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(repr),
    st.sampled_from(["8M", "2.5k", "3B", "1e308", "9" * 40, "a", "b", "book.x", "book", "True",
                     "None", "'s'", "b'x'", "...", "__import__", "open", "eval", "sqrt", "ceil",
                     "ab_sample_size", "().__class__", "a.__class__", "[1]", "{}", "x[0]"]),
)
BINARY = ["+", "-", "*", "/", "//", "%", "**", "<", "<=", "==", "!=", "and", "or", "&", "|", "^",
          "<<", ">>", "@", "in", "is", "not in", ":="]


def combine(children):
    return st.one_of(
        st.tuples(children, st.sampled_from(BINARY), children).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(st.sampled_from(["-", "+", "not ", "~"]), children).map(lambda t: f"{t[0]}{t[1]}"),
        st.tuples(st.sampled_from(["sqrt", "log", "exp", "ceil", "round", "max", "ab_sample_size",
                                   "__import__", "getattr", "open", "print", "a"]),
                  st.lists(children, min_size=0, max_size=3)).map(lambda t: f"{t[0]}({', '.join(t[1])})"),
        st.tuples(children, children).map(lambda t: f"(lambda: {t[0]})() if {t[1]} else 0"),
        children.map(lambda c: f"[{c} for a in (1, 2)][0]"),
        children.map(lambda c: f"({c}).__class__.__mro__"),
        children.map(lambda c: f"{c} ** {c} ** {c}"),
    )


expressions = st.recursive(atoms, combine, max_leaves=12)


@contextmanager
def no_files_or_imports():
    """While the sandbox runs, opening a file or loading a new module is a test failure
    (the standard library's own lazy imports of loaded modules are allowed)."""
    reached = []
    saved = builtins.open, builtins.__import__

    def refuse_open(*args, **kwargs):
        reached.append(("open", *args[:1]))
        raise AssertionError(f"the sandbox opened {args[:1]}")

    def refuse_new_module(name, *args, **kwargs):
        if name not in sys.modules:
            reached.append(("import", name))
            raise AssertionError(f"the sandbox imported {name}")
        return saved[1](name, *args, **kwargs)

    builtins.open, builtins.__import__ = refuse_open, refuse_new_module
    try:
        yield reached
    finally:
        builtins.open, builtins.__import__ = saved


@settings(max_examples=EXAMPLES, deadline=None, derandomize="NUMBERS_FUZZ_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.too_slow])
@given(source=expressions)
def test_any_expression_is_a_bounded_number_or_a_clear_error(source):
    started = time.perf_counter()
    value = error = None
    with warnings.catch_warnings(), no_files_or_imports() as reached:
        warnings.simplefilter("ignore", SyntaxWarning)  # ast.parse comments on odd literals
        try:
            value = evaluate(parse(source), NAMES.__getitem__, {"x": 2.0}.__getitem__)
        except ExpressionError as raised:
            error = raised
        except KeyError:  # an unknown name: the sheet reports those before evaluating
            assert not set(parse(source).names) <= set(NAMES), source
            return
    assert not reached, source
    if error is not None:
        assert error.subtype and str(error)
    else:
        assert isinstance(value, (int, float, bool))
        assert isinstance(value, bool) or (math.isfinite(value) and abs(value) <= MAX_MAGNITUDE), value
    assert time.perf_counter() - started < SECONDS_PER_EXPRESSION, source


@settings(max_examples=EXAMPLES // 4, deadline=None, derandomize="NUMBERS_FUZZ_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.too_slow])
@given(figure=expressions, claim=expressions)
def test_any_sheet_evaluates_to_values_and_located_problems(figure, claim):
    texts = ["a = 3  # a", "b = 1e29  # b", f"y = {figure}  # y", f"assert {claim}  # c"]
    with warnings.catch_warnings(), no_files_or_imports() as reached:
        warnings.simplefilter("ignore", SyntaxWarning)
        lines, problems = parse_lines(enumerate(texts, 1), block=0)
        result = evaluate_page(lines, {"x": 2.0})
    assert not reached
    for problem in problems + result.problems:
        assert problem.subtype and problem.message and 1 <= problem.lineno <= 4
    for value in result.values.values():
        assert value is None or isinstance(value, bool) or abs(value) <= MAX_MAGNITUDE
