"""Links between pages, per output.

``make_refnode`` is right for every builder but one: singlehtml (Sphinx 9)
joins ``#document-x`` and the anchor into ``#document-x#anchor``, which goes
nowhere. The whole book is one page there, so the bare anchor is the link.
"""

from __future__ import annotations

from docutils import nodes
from outputs import builder_of, is_single_page
from sphinx.util.nodes import make_refnode


def internal_link(env, fromdoc: str, todoc: str, anchor: str, text: str, classes=()) -> nodes.reference:
    child = nodes.inline(text, text)
    if is_single_page(env):
        ref = nodes.reference("", "", child, internal=True, refuri="#" + anchor)
    else:
        ref = make_refnode(builder_of(env), fromdoc, todoc, anchor, child, text)
    ref["classes"].extend(classes)
    return ref


def page_url(env, docname: str, anchor: str) -> str:
    """The URL of an anchor relative to the output root, as questions.json records it."""
    builder = builder_of(env)
    if is_single_page(env):
        return f"{env.config.root_doc}{builder.out_suffix}#{anchor}"
    return f"{builder.get_target_uri(docname)}#{anchor}"
