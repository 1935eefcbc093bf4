"""A sandboxed calculator for the figures of a numbers sheet.

A sheet is contributed text, so its expressions never reach ``eval``: they are
parsed with :mod:`ast` and walked node by node against a whitelist. Only
numbers, names, arithmetic, comparisons and a fixed set of functions exist.
Every intermediate value is bounded in magnitude and exponents are bounded
before they are computed, so no expression can run code, read a file, or keep
the build busy (``2 ** 2 ** 64`` is an error, not a hang).
"""

from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from statistics import NormalDist

MAX_SOURCE_CHARS = 400  # also bounds how deeply an expression can nest
MAX_MAGNITUDE = 1e30
MAX_EXPONENT = 1000
BOOK = "book"

# 8M, 2.5k, 3B: scale suffixes on number literals (not on names such as gpu_80GB).
SUFFIXED_NUMBER = re.compile(r"(?<![\w.])(\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?)([kMB])(?![\w.])")
SCALE = {"k": "1_000", "M": "1_000_000", "B": "1_000_000_000"}


class ExpressionError(Exception):
    """A problem with one expression; ``subtype`` names its kind for the warning."""

    def __init__(self, subtype: str, message: str) -> None:
        super().__init__(message)
        self.subtype = subtype


def ab_sample_size(p: float, mde: float, alpha: float = 0.05, power: float = 0.8) -> float:
    """Units per arm for a two-sided test of two proportions.

    ``p`` is the control's rate and ``mde`` the relative lift to detect, so the
    treatment's rate is ``p * (1 + mde)``. The normal approximation, unrounded.
    """
    if not 0 < p < 1:
        raise ExpressionError("math", f"ab_sample_size: baseline rate p={p} must lie between 0 and 1")
    treated = p * (1 + mde)
    if mde == 0 or not 0 < treated < 1:
        raise ExpressionError("math", f"ab_sample_size: lift mde={mde} must be non-zero and keep "
                              f"the treated rate {treated:g} between 0 and 1")
    if not (0 < alpha < 1 and 0 < power < 1):
        raise ExpressionError("math", "ab_sample_size: alpha and power must lie between 0 and 1")
    z_alpha = NormalDist().inv_cdf(1 - alpha / 2)
    z_power = NormalDist().inv_cdf(power)
    pooled = (p + treated) / 2
    spread = (z_alpha * math.sqrt(2 * pooled * (1 - pooled))
              + z_power * math.sqrt(p * (1 - p) + treated * (1 - treated)))
    return spread**2 / (treated - p) ** 2


def bounded_round(value: float, ndigits: int = 0) -> float:
    if not -15 <= ndigits <= 15:
        raise ExpressionError("out-of-range", f"round: {ndigits} digits is out of range (-15 to 15)")
    return round(value, int(ndigits)) if ndigits else round(value)


FUNCTIONS: dict[str, Callable] = {
    "sqrt": math.sqrt, "log": math.log, "log2": math.log2, "exp": math.exp,
    "ceil": math.ceil, "floor": math.floor, "min": min, "max": max,
    "round": bounded_round, "abs": abs, "ab_sample_size": ab_sample_size,
}
KEYWORDS = {"ab_sample_size": {"alpha", "power"}}
RESERVED = {*FUNCTIONS, BOOK}  # names a figure cannot take

BINARY = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
}
COMPARE = {
    ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt,
    ast.GtE: operator.ge, ast.Eq: operator.eq, ast.NotEq: operator.ne,
}
# What a reader would call the constructs a sheet may not use.
FORBIDDEN = {
    ast.Subscript: "subscripts", ast.Lambda: "lambdas", ast.IfExp: "conditional expressions",
    ast.ListComp: "comprehensions", ast.SetComp: "comprehensions",
    ast.DictComp: "comprehensions", ast.GeneratorExp: "comprehensions",
    ast.List: "lists", ast.Tuple: "tuples", ast.Dict: "dictionaries", ast.Set: "sets",
    ast.JoinedStr: "strings", ast.NamedExpr: "assignments", ast.Starred: "starred arguments",
    ast.Await: "await", ast.Yield: "yield", ast.YieldFrom: "yield", ast.Slice: "slices",
}


@dataclass(frozen=True)
class Expression:
    """A parsed, whitelisted expression and the names it reads."""

    source: str
    tree: ast.Expression
    names: frozenset[str]  # names on the same page
    book_names: frozenset[str]  # names read as book.<name>


def parse(source: str) -> Expression:
    """Parse and whitelist ``source``; raise ExpressionError for anything else."""
    if len(source) > MAX_SOURCE_CHARS:
        raise ExpressionError("out-of-range", f"expression is longer than {MAX_SOURCE_CHARS} characters")
    expanded = SUFFIXED_NUMBER.sub(lambda m: f"({m.group(1)} * {SCALE[m.group(2)]})", source)
    try:
        tree = ast.parse(expanded.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        detail = getattr(error, "msg", None) or str(error) or "cannot be parsed"
        raise ExpressionError("syntax", f"syntax error in '{source.strip()}': {detail}") from None
    names: set[str] = set()
    book_names: set[str] = set()
    # Function names may only be called, and "book" only read from (book.<name>).
    used_right = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    used_right |= {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in RESERVED and id(node) not in used_right:
            raise ExpressionError("disallowed", f"'{node.id}' is a function, not a figure; "
                                  f"call it, e.g. {node.id}(x)" if node.id in FUNCTIONS
                                  else "'book' alone is not a figure; write book.<name>")
        check_allowed(node, names, book_names)
    return Expression(source.strip(), tree, frozenset(names), frozenset(book_names))


def check_allowed(node: ast.AST, names: set[str], book_names: set[str]) -> None:
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            kind = "strings" if isinstance(node.value, (str, bytes)) else f"the constant {node.value!r}"
            raise ExpressionError("disallowed", f"{kind} are not allowed in a numbers sheet")
    elif isinstance(node, ast.Attribute):
        if not (isinstance(node.value, ast.Name) and node.value.id == BOOK):
            raise ExpressionError("disallowed", "attribute access is not allowed "
                                  "(only book.<name> reads the book-wide sheet)")
        book_names.add(node.attr)
    elif isinstance(node, ast.Name):
        if node.id in FUNCTIONS:
            return  # checked as a call
        if node.id == BOOK:
            return  # checked as an attribute
        names.add(node.id)
    elif isinstance(node, ast.Call):
        check_call(node)
    elif type(node) in FORBIDDEN:
        raise ExpressionError("disallowed", f"{FORBIDDEN[type(node)]} are not allowed in a numbers sheet")
    elif type(node) in OPERATOR_NAMES:
        raise ExpressionError("disallowed", f"the operator '{OPERATOR_NAMES[type(node)]}' is not allowed "
                              "(use + - * / // % ** and comparisons)")
    elif not isinstance(node, ALLOWED_NODES):
        raise ExpressionError("disallowed", f"'{type(node).__name__}' is not allowed in a numbers sheet")


def check_call(node: ast.Call) -> None:
    name = node.func.id if isinstance(node.func, ast.Name) else None
    if name not in FUNCTIONS:
        allowed = ", ".join(sorted(FUNCTIONS))
        called = name or ast.unparse(node.func)
        raise ExpressionError("disallowed", f"calling '{called}' is not allowed (functions: {allowed})")
    for keyword in node.keywords:
        if keyword.arg not in KEYWORDS.get(name, set()):
            raise ExpressionError("disallowed", f"{name}() takes no keyword '{keyword.arg}'")


ALLOWED_NODES = (
    ast.Expression, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.Load, ast.keyword,
    ast.Pow, *BINARY, *COMPARE, ast.UAdd, ast.USub, ast.Not, ast.And, ast.Or,
)
# What a reader would call the operators a sheet may not use (bitwise, matrix, identity).
OPERATOR_NAMES = {ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^", ast.LShift: "<<", ast.RShift: ">>",
                  ast.MatMult: "@", ast.Invert: "~", ast.Is: "is", ast.IsNot: "is not", ast.In: "in",
                  ast.NotIn: "not in"}


def evaluate(expression: Expression, lookup: Callable[[str], float],
             book_lookup: Callable[[str], float]) -> float | int | bool:
    """Compute ``expression``; names are read through the two lookups."""
    try:
        return Calculator(lookup, book_lookup).visit(expression.tree.body)
    except ZeroDivisionError:
        raise ExpressionError("division-by-zero", f"division by zero in '{expression.source}'") from None
    except OverflowError:
        raise ExpressionError("out-of-range", f"'{expression.source}' overflows") from None
    except (ValueError, TypeError) as error:
        raise ExpressionError("math", f"'{expression.source}': {error}") from None
    except RecursionError:
        raise ExpressionError("out-of-range", f"'{expression.source}' is nested too deeply") from None


class Calculator(ast.NodeVisitor):
    def __init__(self, lookup, book_lookup) -> None:
        self.lookup = lookup
        self.book_lookup = book_lookup

    def generic_visit(self, node):  # pragma: no cover - parse() whitelists first
        raise ExpressionError("disallowed", f"'{type(node).__name__}' is not allowed")

    def visit_Constant(self, node):
        return bounded(node.value)

    def visit_Name(self, node):
        return self.lookup(node.id)

    def visit_Attribute(self, node):
        return self.book_lookup(node.attr)

    def visit_UnaryOp(self, node):
        value = self.visit(node.operand)
        if isinstance(node.op, ast.Not):
            return not value
        return -value if isinstance(node.op, ast.USub) else +value

    def visit_BinOp(self, node):
        left, right = self.visit(node.left), self.visit(node.right)
        if isinstance(node.op, ast.Pow):
            return power(left, right)
        return bounded(BINARY[type(node.op)](left, right))

    def visit_BoolOp(self, node):
        values = [bool(self.visit(value)) for value in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)

    def visit_Compare(self, node):
        left = self.visit(node.left)
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            right = self.visit(comparator)
            if not COMPARE[type(op)](left, right):
                return False
            left = right
        return True

    def visit_Call(self, node):
        args = [self.visit(arg) for arg in node.args]
        kwargs = {k.arg: self.visit(k.value) for k in node.keywords}
        return bounded(FUNCTIONS[node.func.id](*args, **kwargs))


def power(base: float, exponent: float) -> float:
    """``base ** exponent``, refusing results out of range before computing them exactly."""
    if abs(exponent) > MAX_EXPONENT:
        raise ExpressionError("out-of-range", f"exponent {exponent:g} is out of range (at most {MAX_EXPONENT})")
    approximate = math.pow(float(base), float(exponent))  # OverflowError for huge results
    bounded(approximate)
    if isinstance(base, int) and isinstance(exponent, int) and exponent >= 0:
        return base**exponent
    return approximate


def bounded(value):
    if isinstance(value, float) and not math.isfinite(value):
        raise ExpressionError("out-of-range", "a value is not finite")
    if not isinstance(value, bool) and abs(value) > MAX_MAGNITUDE:
        raise ExpressionError("out-of-range", f"a value exceeds {MAX_MAGNITUDE:g} in magnitude")
    return value
