"""A page's numbers sheet: its lines parsed into figures and claims, then evaluated.

Pure Python, no Sphinx: the extension and ``scripts/numbers_check.py`` share it.
Every problem is reported once, at the line that states it; a figure that
cannot be computed leaves its dependents blank without further reports.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .expressions import RESERVED, Expression, ExpressionError, evaluate, parse
from .formatting import FormatError, check_spec, format_value

BOOK_PREFIX = "book."

NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
ASSERT = re.compile(r"^assert\b(?P<claim>.*)$")
DEFINITION = re.compile(r"^(?P<name>[^=<>!]+?)\s*=(?!=)(?P<expr>.*)$")


@dataclass(frozen=True)
class Line:
    """One line of a sheet: a figure (``name = expr``) or a claim (``assert expr``)."""

    kind: str  # "figure" or "claim"
    name: str  # the figure's name; "" for a claim
    source: str
    description: str
    lineno: int
    block: int  # which numbers block on the page


@dataclass(frozen=True)
class Problem:
    subtype: str
    message: str
    lineno: int


@dataclass
class Result:
    """What a page's sheet computes: a value (or None) per figure and per claim."""

    lines: list[Line]
    values: dict[str, float | int | bool | None] = field(default_factory=dict)
    holds: dict[int, bool | None] = field(default_factory=dict)  # claim lineno -> outcome
    problems: list[Problem] = field(default_factory=list)
    # Book names each line reads, whether or not they exist.
    book_names: set[str] = field(default_factory=set)


def split_comment(text: str) -> tuple[str, str]:
    code, _, comment = text.partition("#")
    return code.strip(), comment.strip()


def parse_lines(texts: Iterable[tuple[int, str]], block: int) -> tuple[list[Line], list[Problem]]:
    """Turn ``(lineno, text)`` pairs into sheet lines; blank and comment-only lines are skipped."""
    lines, problems = [], []
    for lineno, text in texts:
        code, description = split_comment(text)
        if not code:
            continue
        claim = ASSERT.match(code)
        definition = None if claim else DEFINITION.match(code)
        if claim:
            lines.append(Line("claim", "", claim.group("claim").strip(), description, lineno, block))
        elif definition and definition.group("name").strip() in RESERVED:
            problems.append(Problem("redefined", f"'{definition.group('name').strip()}' is reserved "
                                    "(a function, or book); choose another name", lineno))
        elif definition and NAME.match(definition.group("name").strip()):
            name = definition.group("name").strip()
            lines.append(Line("figure", name, definition.group("expr").strip(), description, lineno, block))
        else:
            problems.append(Problem("syntax", f"cannot read '{code}': write 'name = expression  "
                                    "# description' or 'assert comparison  # what it claims'", lineno))
    return lines, problems


class Evaluation:
    """Evaluates one page's lines against the book-wide values."""

    def __init__(self, lines: list[Line], book: Mapping[str, float | None] | None, own_book: bool = False):
        self.result = Result(lines=[])
        self.book = book
        self.own_book = own_book  # on the book sheet itself, book.x is a name of this page
        self.parsed: dict[Line, Expression] = {}
        self.figures: dict[str, Line] = {}
        self.broken: set[str] = set()
        for line in lines:
            self.add(line)

    def report(self, subtype: str, message: str, line: Line) -> None:
        self.result.problems.append(Problem(subtype, message, line.lineno))

    def add(self, line: Line) -> None:
        if line.kind == "figure" and line.name in self.figures:
            first = self.figures[line.name].lineno
            self.report("redefined", f"'{line.name}' is already defined on line {first}", line)
            return
        self.result.lines.append(line)
        if line.kind == "figure":
            self.figures[line.name] = line
        try:
            self.parsed[line] = parse(line.source)
        except ExpressionError as error:
            self.report(error.subtype, str(error), line)
            self.broken.add(line.name)

    def run(self) -> Result:
        for line in self.result.lines:
            if line in self.parsed:
                self.check_names(line)
        order = self.order_figures()
        for line in order:
            self.compute(line)
        for line in self.result.lines:
            if line.kind == "claim":
                self.check_claim(line)
        return self.result

    # -- names -------------------------------------------------------------------

    def check_names(self, line: Line) -> None:
        expression = self.parsed[line]
        self.result.book_names |= expression.book_names
        for name in sorted(expression.names):
            if name not in self.figures:
                hint = did_you_mean(name, self.figures)
                self.unknown(line, f"'{name}' is not defined on this page{hint}")
                return
        for name in sorted(expression.book_names):
            known = self.figures if self.own_book else self.book
            if known is None:
                self.unknown(line, f"'book.{name}' cannot be read: no book-wide sheet is configured "
                             "(numbersheet_book_page in conf.py)")
                return
            if name not in known:
                hint = did_you_mean(name, known, "book.")
                self.unknown(line, f"'book.{name}' is not defined on the book-wide sheet{hint}")
                return

    def unknown(self, line: Line, message: str) -> None:
        self.report("unknown-name", message, line)
        self.parsed.pop(line)
        self.broken.add(line.name)

    # -- order and cycles ----------------------------------------------------------

    def depends_on(self, line: Line) -> set[str]:
        expression = self.parsed.get(line)
        if expression is None:
            return set()
        own = set(expression.names)
        if self.own_book:
            own |= expression.book_names & set(self.figures)
        return own

    def order_figures(self) -> list[Line]:
        """Figures in an order where each comes after what it reads; cycles reported."""
        order: list[Line] = []
        state: dict[str, str] = {}  # name -> "visiting" | "done"
        for line in self.result.lines:
            if line.kind == "figure":
                self.visit(line.name, [], state, order)
        return order

    def visit(self, name: str, path: list[str], state: dict[str, str], order: list[Line]) -> None:
        if state.get(name) == "done":
            return
        if state.get(name) == "visiting":
            cycle = path[path.index(name):] + [name]
            first = min((self.figures[n] for n in cycle), key=lambda line: line.lineno)
            self.report("cycle", f"figures depend on each other in a cycle: {' -> '.join(cycle)}", first)
            self.broken.update(cycle)
            return
        state[name] = "visiting"
        line = self.figures[name]
        for dependency in sorted(self.depends_on(line)):
            self.visit(dependency, path + [name], state, order)
        state[name] = "done"
        order.append(line)

    # -- values --------------------------------------------------------------------

    def lookup(self, name: str):
        value = self.result.values.get(name)
        if value is None:
            raise Unavailable(name)
        return value

    def book_lookup(self, name: str):
        if self.own_book and name in self.figures:
            return self.lookup(name)
        value = (self.book or {}).get(name)
        if value is None:
            raise Unavailable(name)
        return value

    def value_of(self, line: Line):
        expression = self.parsed.get(line)
        if expression is None:
            return None
        try:
            return evaluate(expression, self.lookup, self.book_lookup)
        except Unavailable:
            return None  # what it reads failed and was reported there
        except ExpressionError as error:
            self.report(error.subtype, str(error), line)
            return None

    def compute(self, line: Line) -> None:
        broken = line.name in self.broken  # unparsable, unknown names, or in a cycle
        self.result.values[line.name] = None if broken else self.value_of(line)

    def check_claim(self, line: Line) -> None:
        outcome = self.value_of(line)
        self.result.holds[line.lineno] = None if outcome is None else bool(outcome)
        if outcome is not None and not outcome:
            shown = self.substituted(line)
            what = f" ({line.description})" if line.description else ""
            self.report("assert-failed", f"claim does not hold: {line.source}{what}; "
                        f"with the sheet's values: {shown}", line)

    def substituted(self, line: Line) -> str:
        """The claim with each name replaced by its value, to show why it fails."""
        def replace(match: re.Match) -> str:
            token = match.group(0)
            if token.startswith("book."):
                value = (self.book or {}).get(token[5:])
            else:
                value = self.result.values.get(token)
            return token if value is None else format_value(value, "")

        return re.sub(r"\bbook\.[A-Za-z_]\w*|\b[A-Za-z_]\w*\b", replace, line.source)


def did_you_mean(wrong: str, known: Iterable[str], prefix: str = "") -> str:
    """Return "; did you mean 'x'?" for the closest known name, or an empty string."""
    close = difflib.get_close_matches(wrong, sorted(known), n=1, cutoff=0.6)
    return f"; did you mean '{prefix}{close[0]}'?" if close else ""


class Unavailable(Exception):
    """A name whose value could not be computed (already reported)."""


def evaluate_page(lines: list[Line], book: Mapping[str, float | None] | None, own_book: bool = False) -> Result:
    return Evaluation(lines, book, own_book).run()


def use_problem(name: str, spec: str, page: Result | None, book: Mapping | None) -> tuple[str, str] | None:
    """The one problem with a ``{num}`` role, as (subtype, message), or None.

    ``page`` is what the role's own page computes (None if it has no sheet),
    ``book`` the book-wide values (None if there is no book sheet).
    """
    if name.startswith(BOOK_PREFIX):
        bare = name[len(BOOK_PREFIX):]
        if book is None:
            return "unknown-name", f"{{num}} '{name}': no book-wide sheet is configured (numbersheet_book_page)"
        if bare not in book:
            return "unknown-name", (f"{{num}} '{name}' is not defined on the book-wide sheet"
                                    f"{did_you_mean(bare, book, BOOK_PREFIX)}")
    elif page is None:
        hint = f"; did you mean 'book.{name}'?" if book and name in book else ""
        return "no-sheet", f"{{num}} '{name}' is used on a page that defines no numbers{hint}"
    elif name not in page.values:
        return "unknown-name", f"{{num}} '{name}' is not defined on this page{did_you_mean(name, page.values)}"
    try:
        check_spec(spec)
    except FormatError as error:
        return "format", f"{{num}} '{name}:{spec}': {error}"
    return None
