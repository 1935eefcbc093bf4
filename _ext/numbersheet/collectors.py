"""After every read: evaluate every sheet, report problems, mark pages to rewrite.

Evaluation is cheap (a few hundred lines for the whole book), so it runs on
every build and reports every problem every time: a page whose claim fails
keeps failing the build until it is fixed, even when it is not read again.
A page that shows book-wide figures is written again exactly when one of the
book values it reads changes; the record of what each output shows is kept
per builder and output folder, so builds that share one doctree folder (as
``sphinx-build -M`` and Read the Docs do) each bring their own pages up to date.
"""

from __future__ import annotations

import hashlib

from domain_collector import DomainCollector, output_key

from .messages import warn
from .sheet import BOOK_PREFIX, Result, evaluate_page, use_problem


class NumbersCollector(DomainCollector):
    """The domain keeps the records; this derives the book-wide view after every read."""

    def get_updated_docs(self, app, env) -> list[str]:
        domain = env.domains["numbers"]
        results = evaluate_all(domain.data["lines"], book_page(env))
        domain.data["results"] = results
        report(env, domain.data, results)
        return changed_outputs(app, env, domain.data, results)


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


def report(env, data: dict, results: dict[str, Result]) -> None:
    for docname in sorted(set(data["problems"]) | set(results) | set(data["uses"])):
        problems = list(data["problems"].get(docname, []))
        problems += results[docname].problems if docname in results else []
        for problem in sorted(problems, key=lambda p: p.lineno):
            warn(problem.subtype, problem.message, (docname, problem.lineno))
        for name, spec, lineno in data["uses"].get(docname, []):
            book = book_values(results, book_page(env))
            problem = use_problem(name, spec, results.get(docname), book)
            if problem:
                warn(problem[0], problem[1], (docname, lineno))


def book_names_shown(docname: str, data: dict, results: dict[str, Result]) -> set[str]:
    names = set(results[docname].book_names) if docname in results else set()
    names |= {n[len(BOOK_PREFIX):] for n, _, _ in data["uses"].get(docname, []) if n.startswith(BOOK_PREFIX)}
    return names


def changed_outputs(app, env, data: dict, results: dict[str, Result]) -> list[str]:
    """Pages whose book-wide values changed since this builder last wrote them."""
    book = book_values(results, book_page(env)) or {}
    written = data["written"].setdefault(output_key(app), {})
    changed = []
    for docname in sorted((set(results) | set(data["uses"])) & env.found_docs):
        shown = sorted((n, repr(book.get(n))) for n in book_names_shown(docname, data, results))
        fingerprint = hashlib.sha256(repr(shown).encode()).hexdigest() if shown else ""
        if written.get(docname, "") != fingerprint:
            written[docname] = fingerprint
            changed.append(docname)
    return changed
