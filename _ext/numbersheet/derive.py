"""The sheets' book-wide data: the results of every sheet, brought up to date after every read.

Problems are reported on every build: a page whose claim fails keeps failing
the build until it is fixed, even when it is not read again. Only the sheets
read since the last evaluation are evaluated again (all of them when the book
sheet was), because a sheet depends on nothing but its lines and the book's
values: editing one page of a book with thousands of figures stays quick.
A page that shows book-wide figures is written again exactly when one of the
book values it reads changes (:mod:`book_wide` compares the fingerprints).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

from book_wide import BookWideData, Problem

from .sheet import BOOK_PREFIX, Result, evaluate_page, use_problem


class NumbersSheets(BookWideData):
    name = "numbers"
    warning_type = "numbers"

    def derive(self, app, env) -> Iterable[Problem]:
        domain = env.domains["numbers"]
        book = book_page(env)
        results = evaluate_changed(domain.data, book)
        domain.data.update(results=results, changed=set(), evaluated_with=book)
        return problems(env, domain.data, results)

    def shown(self, env) -> Mapping[str, str]:
        return book_values_shown(env, env.domains["numbers"].data)


def book_page(env) -> str | None:
    page = env.config.numbersheet_book_page
    return page if page in env.found_docs else None


def book_values(results: dict[str, Result], book: str | None):
    """The book-wide values, or None when no book sheet exists."""
    return results[book].values if book in results else None


def evaluate_all(lines: dict, book: str | None) -> dict[str, Result]:
    results: dict[str, Result] = {}
    if book in lines:
        results[book] = evaluate_page(lines[book], {}, own_book=True)
    values = book_values(results, book)
    for docname in sorted(lines):
        if docname != book:
            results[docname] = evaluate_page(lines[docname], values)
    return results


def evaluate_changed(data: dict, book: str | None) -> dict[str, Result]:
    lines, previous, changed = data["lines"], data["results"], data["changed"]
    # Every sheet reads the book's values: when the book sheet was read again, was
    # removed or is another page now, every sheet is evaluated again.
    if book != data["evaluated_with"] or book in changed:
        return evaluate_all(lines, book)
    values = book_values(previous, book)
    results = {doc: result for doc, result in previous.items() if doc in lines and doc not in changed}
    for docname in sorted(changed & lines.keys()):
        results[docname] = evaluate_page(lines[docname], values)
    return dict(sorted(results.items()))


def problems(env, data: dict, results: dict[str, Result]) -> list[Problem]:
    found = []
    book = book_values(results, book_page(env))
    for docname in sorted(set(data["problems"]) | set(results) | set(data["uses"])):
        page = list(data["problems"].get(docname, []))
        page += results[docname].problems if docname in results else []
        found += [Problem(p.subtype, p.message, (docname, p.lineno)) for p in sorted(page, key=lambda p: p.lineno)]
        for name, spec, lineno in data["uses"].get(docname, []):
            problem = use_problem(name, spec, results.get(docname), book)
            if problem:
                found.append(Problem(problem[0], problem[1], (docname, lineno)))
    return found


def book_names_shown(docname: str, data: dict, results: dict[str, Result]) -> set[str]:
    names = set(results[docname].book_names) if docname in results else set()
    names |= {n[len(BOOK_PREFIX):] for n, _, _ in data["uses"].get(docname, []) if n.startswith(BOOK_PREFIX)}
    return names


def book_values_shown(env, data: dict) -> dict[str, str]:
    """For each page that shows book-wide figures, a fingerprint of their values."""
    results = data["results"]
    book = book_values(results, book_page(env)) or {}
    fingerprints = {}
    for docname in sorted((set(results) | set(data["uses"])) & env.found_docs):
        shown = sorted((n, repr(book.get(n))) for n in book_names_shown(docname, data, results))
        if shown:
            fingerprints[docname] = hashlib.sha256(repr(shown).encode()).hexdigest()
    return fingerprints
