"""The one mechanism for book-wide data (_ext/book_wide.py)."""

from __future__ import annotations

import pytest
from book_wide import BookWideData, in_dependency_order
from sphinx.errors import ExtensionError

from .qanda_helpers import build, copy_root, soup
from .test_qanda_incremental import write


def source(name: str, *needs: str) -> BookWideData:
    return type(name, (BookWideData,), {"name": name, "needs": needs})()


def test_a_source_is_derived_after_the_sources_it_needs():
    sources = {s.name: s for s in (source("a-stats", "z-bank"), source("z-bank"), source("m-sheets"))}
    order = [s.name for s in in_dependency_order(sources)]
    assert order.index("z-bank") < order.index("a-stats")
    assert sorted(order) == ["a-stats", "m-sheets", "z-bank"]


def test_a_source_whose_need_is_not_loaded_is_still_derived():
    assert [s.name for s in in_dependency_order({"stats": source("stats", "qanda")})] == ["stats"]


def test_sources_that_need_each_other_stop_the_build_with_the_cycle():
    sources = {"a": source("a", "b"), "b": source("b", "a")}
    with pytest.raises(ExtensionError, match="a -> b -> a"):
        in_dependency_order(sources)


def test_counts_follow_the_catalog_whatever_order_the_extensions_load_in(tmp_path):
    """bookstats reads qanda's catalog; loaded first, it must still count after qanda derives."""
    src = copy_root("bookstats", tmp_path)
    conf = src / "conf.py"
    conf.write_text(conf.read_text().replace('"qanda", "bookstats"', '"bookstats", "qanda"'))
    outdir = tmp_path / "out" / "html"
    build(src, outdir=outdir)
    answers = src / "answers" / "fraud.md"
    write(answers, answers.read_text() + "\n::::{answer} demand-forecast\n\nPer-store model.\n::::\n")
    second = build(src, outdir=outdir)
    assert second.warning.getvalue() == ""
    counts = dict(item.get_text(" ", strip=True).split(": ", 1)
                  for item in soup(second, "stats.html").select("article li, div.body li, main li"))
    assert (counts["answers"], counts["answered"]) == ("3", "2")


def test_a_count_that_cannot_be_made_is_reported_on_every_build(tmp_path):
    """Problems come from the derivation after every read, not from writing the page."""
    src = copy_root("bookstats", tmp_path)
    (src / "stats.md").write_text("# Statistics\n\n{bookstat}`pages:nowhere`\n")
    outdir = tmp_path / "out" / "html"
    first = build(src, outdir=outdir).warning.getvalue()
    again = build(src, outdir=outdir).warning.getvalue()  # nothing read, nothing written
    for warnings in (first, again):
        assert "stats.md:3: WARNING: cannot count 'pages:nowhere'" in warnings
