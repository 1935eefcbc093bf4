"""Links between pages, per builder.

``make_refnode`` is right for every builder but one: singlehtml (Sphinx 9)
joins ``#document-x`` and the anchor into ``#document-x#anchor``, which goes
nowhere. The whole book is one page there, so the bare anchor is the link.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.nodes import make_refnode

SINGLE_PAGE_BUILDERS = {"singlehtml"}


def internal_link(builder, fromdoc: str, todoc: str, anchor: str, text: str, classes=()) -> nodes.reference:
    child = nodes.inline(text, text)
    if builder.name in SINGLE_PAGE_BUILDERS:
        ref = nodes.reference("", "", child, internal=True, refuri="#" + anchor)
    else:
        ref = make_refnode(builder, fromdoc, todoc, anchor, child, text)
    ref["classes"].extend(classes)
    return ref


def page_url(builder, docname: str, anchor: str) -> str:
    """The URL of an anchor relative to the output root, as questions.json records it."""
    if builder.name in SINGLE_PAGE_BUILDERS:
        return f"{builder.config.root_doc}{builder.out_suffix}#{anchor}"
    return f"{builder.get_target_uri(docname)}#{anchor}"


def shows_collapsed_answers(builder) -> bool:
    """Only interactive HTML can reveal a collapsed answer; ePub and print show it in full."""
    return builder.format == "html" and not getattr(builder, "embedded", False)
