"""The ``numbers`` domain: per-document records of sheets and ``{num}`` uses.

As in ``sphinx.ext.todo``, the domain owns what each document declares: it is
recorded when the document is read, purged before it is read again and merged
from parallel readers. What the sheets compute is derived from these records
after every read (:mod:`numbersheet.derive`), never stored twice.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from sphinx.domains import Domain

from .sheet import Line, Problem

PER_DOCUMENT = ("lines", "problems", "uses")


class NumbersDomain(Domain):
    name = "numbers"
    label = "Numbers sheets"
    initial_data: dict[str, Any] = {
        "lines": {},  # docname -> [Line, ...] from every numbers block, in order
        "problems": {},  # docname -> [Problem, ...] found while reading the blocks
        "uses": {},  # docname -> [(name, spec, lineno), ...] of {num} roles
        "results": {},  # docname -> Result, derived after each read
        "changed": set(),  # docnames read or removed since their sheets were last evaluated
        "evaluated_with": None,  # the book sheet's page when the results were evaluated
    }
    data_version = 4

    def clear_doc(self, docname: str) -> None:
        # Sphinx clears every page it reads again or that is gone, in the main process.
        self.data["changed"].add(docname)
        for kind in PER_DOCUMENT:
            self.data[kind].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for kind in PER_DOCUMENT:
            for docname, records in otherdata[kind].items():
                if docname in docnames:
                    self.data[kind][docname] = records

    def add_block(self, docname: str, lines: list[Line], problems: list[Problem]) -> None:
        self.data["lines"].setdefault(docname, []).extend(lines)
        self.data["problems"].setdefault(docname, []).extend(problems)

    def add_use(self, docname: str, name: str, spec: str, lineno: int) -> None:
        self.data["uses"].setdefault(docname, []).append((name, spec, lineno))

    def has_sheet(self, docname: str) -> bool:
        return docname in self.data["lines"]

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        return None

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []
