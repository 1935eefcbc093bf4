"""The theme's sidebar navigation, worked out once per build instead of once per page.

pydata-sphinx-theme (under sphinx-book-theme) builds the sidebar of every page
from nothing: it resolves the whole toctree, renders it with docutils and
reworks it with BeautifulSoup, about a tenth of a second a page for this book,
so the cost of a build grows with pages times pages. With the navigation never
collapsed (the book theme's ``collapse_navbar = False``) every page shows the
same tree; what differs from page to page is only

- the links, which are relative to the page, and
- the marks of the page being shown: the ``current`` class on its entry and on
  every list and entry above it (``current active`` on the entries), and the
  ``<details>`` of those entries opened.

So the theme renders the tree once, for the root page, where nothing is
current, and each page gets that HTML with its own links and marks filled in:
byte for byte what the theme would have written (tests/test_sidebar_nav.py
compares every page of a small book with the theme's own output).

The Sphinx and theme internals it relies on (the theme's ``html-page-context``
handler, Sphinx's list of listeners and its per-page toctree helper) are checked
when the builder starts; a version without them stops the build with one line
(:mod:`compat`). Whatever else it does not recognise goes to the theme's own
function: the single-page builder, other arguments (a collapsing tree, parts as collapsible sections),
a page below the tree's maximum depth, or a tree that does not look as expected.
"""

from __future__ import annotations

import html
import re
import weakref
from dataclasses import dataclass
from urllib.parse import urlsplit

from typing import TYPE_CHECKING

from bs4 import BeautifulSoup
from compat import mismatch, require
from markupsafe import Markup
from outputs import builder_of, is_single_page, is_website
from sphinx.errors import ExtensionError
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

THEME_MODULE = "pydata_sphinx_theme"
THEME_HANDLER = "add_toctree_functions"
SPHINX_HELPER_MODULE = "sphinx.builders.html"  # where Sphinx defines each page's toctree()
SLOT_PREFIX = "sidebarnavslot"

# Per Sphinx application: the navigation worked out for this build, by arguments.
_templates: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@dataclass
class Slot:
    """One place in the HTML that depends on the page being shown.

    In the root page's HTML it is a token with fixed text around it (``before``
    and ``after``); the whole of that text is what changes from page to page.
    """

    kind: str  # "href", or a mark: "li", "ul", "ul-bare", "a", "details"
    number: int
    docname: str = ""  # for "href": the page linked to
    before: str = ""
    after: str = ""


@dataclass
class NavTemplate:
    """The sidebar as literal HTML pieces with the per-page slots between them."""

    pieces: list[str]  # one more than slots: piece, slot, piece, ..., piece
    slots: list[Slot]
    marked: dict[str, frozenset[int]]  # page -> the mark slots its branch turns on

    def render(self, builder, pagename: str) -> str:
        marked = self.marked.get(pagename, frozenset())
        out = [self.pieces[0]]
        for slot, piece in zip(self.slots, self.pieces[1:]):
            out.append(slot_text(slot, slot.number in marked, builder, pagename))
            out.append(piece)
        return "".join(out)


# What a mark slot holds on the current page's branch; elsewhere it is empty.
MARKS = {"li": " current active", "ul": "current ", "ul-bare": ' class="current"',
         "a": "current ", "details": ' open="open"'}


def slot_text(slot: Slot, is_marked: bool, builder, pagename: str) -> str:
    if slot.kind != "href":
        return MARKS[slot.kind] if is_marked else ""
    # Sphinx writes the link to the page itself, an empty one, as "#";
    # BeautifulSoup escapes &, < and > in attribute values.
    return html.escape(builder.get_relative_uri(pagename, slot.docname), quote=False) or "#"


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("outputs")
    app.connect("builder-inited", wrap_theme_functions)
    # The toctree and titles can change from one build to the next in one process.
    app.connect("env-updated", forget_templates)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}


def forget_templates(app, env) -> None:
    _templates.pop(app, None)


def wrap_theme_functions(app) -> None:
    """Put our wrapper where the theme's add_toctree_functions runs, in its place.

    Its place matters: the theme's next handler renders the sidebar once to see
    whether it is empty, so the cheap function must be in the context by then.
    """
    if not is_website(app.env) or is_single_page(app.env) or THEME_MODULE not in app.extensions:
        return  # one page, or a theme that draws its sidebar its own way
    require(app.events, "listeners", library="sphinx", patched_by=__name__)
    require(builder_of(app.env), "_get_local_toctree", library="sphinx", patched_by=__name__)
    listeners = app.events.listeners.get("html-page-context", [])
    for index, listener in enumerate(listeners):
        handler = listener.handler
        if handler.__name__ == THEME_HANDLER and handler.__module__.startswith(THEME_MODULE):
            listeners[index] = listener._replace(handler=with_cached_sidebar(handler))
            return
    raise ExtensionError(mismatch("pydata-sphinx-theme", f"no {THEME_HANDLER} handler on html-page-context",
                                  __name__))


def with_cached_sidebar(add_functions):
    """The theme's handler, then its generate_toctree_html swapped for ours."""

    def handler(app, pagename, templatename, context, doctree):
        add_functions(app, pagename, templatename, context, doctree)
        theme_function = context.get("generate_toctree_html")
        if theme_function is not None and sphinx_toctree_helper(context):
            context["generate_toctree_html"] = sidebar_function(app, pagename, context, add_functions,
                                                                theme_function)

    return handler


def sphinx_toctree_helper(context: dict) -> bool:
    """Whether the page's toctree() is Sphinx's own, the one the shared tree stands for.

    Another extension may draw a page's tree its own way: notfound gives the 404
    page, served at any depth, absolute links. Such a page keeps the theme's sidebar.
    """
    return getattr(context.get("toctree"), "__module__", None) == SPHINX_HELPER_MODULE


def sidebar_function(app, pagename: str, context: dict, add_functions, theme_function):
    """generate_toctree_html for one page: the shared template where it fits, else the theme's."""

    def generate_toctree_html(kind: str, startdepth: int = 1, show_nav_level: int = 1, **kwargs):
        template = None
        if reusable(kind, startdepth, show_nav_level, kwargs):
            args = (kind, startdepth, show_nav_level)
            template = template_for(app, context, add_functions, args, kwargs)
        if template is None or not shown_in(template, app, pagename):
            return theme_function(kind, startdepth, show_nav_level, **kwargs)
        return Markup(template.render(app.builder, pagename))

    return generate_toctree_html


def reusable(kind: str, startdepth, show_nav_level, kwargs: dict) -> bool:
    """Only the whole tree, never collapsed, with entries (not parts) as its top level."""
    try:
        levels = int(show_nav_level)
    except (TypeError, ValueError):
        return False
    return kind == "sidebar" and startdepth == 0 and levels >= 1 and kwargs.get("collapse") is False


def shown_in(template: NavTemplate, app, pagename: str) -> bool:
    """False for a page in the toctree but not in the sidebar (below its maximum depth).

    Sphinx marks such a page's ancestors current before it cuts the tree to
    depth, which the shared tree cannot know, so the theme draws that sidebar.
    """
    if pagename in template.marked:
        return True
    return not any(pagename in children for children in app.env.toctree_includes.values())


def template_for(app, context: dict, add_functions, args: tuple, kwargs: dict) -> NavTemplate | None:
    known = _templates.setdefault(app, {})
    key = (*args, tuple(sorted(kwargs.items())))
    if key not in known:
        known[key] = build_template(app, context, add_functions, args, kwargs)
    return known[key]


def build_template(app, context: dict, add_functions, args: tuple, kwargs: dict) -> NavTemplate | None:
    """The theme's sidebar as the root page shows it, cut into pieces and slots."""
    root_html = str(root_sidebar(app, context, add_functions, args, kwargs))
    # A current mark on the root page means the root is in its own toctree: not handled.
    if SLOT_PREFIX in root_html or re.search(r'class="[^"]*\bcurrent\b', root_html):
        logger.debug("sidebar_nav: the root page's sidebar has current marks; the theme renders each")
        return None
    soup = BeautifulSoup(root_html, "html.parser")
    placed = place_slots(soup, links_from_root(app))
    if placed is None:
        return None
    slots, marked = placed
    return cut(str(soup), slots, marked)


def root_sidebar(app, context: dict, add_functions, args: tuple, kwargs: dict):
    """The theme's own sidebar for the root page: nothing current, links from the top."""
    root = app.config.root_doc
    builder = app.builder
    root_context = dict(context, pagename=root,
                        toctree=lambda **options: builder._get_local_toctree(root, **options))
    add_functions(app, root, "page.html", root_context, None)
    return root_context["generate_toctree_html"](*args, **kwargs)


def links_from_root(app) -> dict[str, str]:
    """Each page's link as the root page writes it, back to the page; ambiguous links dropped."""
    root, builder = app.config.root_doc, app.builder
    links: dict[str, str] = {}
    clashes = set()
    for docname in app.env.found_docs:
        link = builder.get_relative_uri(root, docname)
        if link in links:
            clashes.add(link)
        links[link] = docname
    return {link: docname for link, docname in links.items() if link not in clashes}


def token(number: int) -> str:
    return f"{SLOT_PREFIX}{number}x"


def place_slots(soup, links: dict[str, str]) -> tuple[dict[int, Slot], dict[str, frozenset[int]]] | None:
    """Put a token where each link and each possible current mark goes; None if unexpected."""
    slots: dict[int, Slot] = {}
    mark_of: dict[int, int] = {}  # id(element) -> its mark slot
    marked: dict[str, set[int]] = {}
    for link in soup.find_all("a", href=True):
        href = link["href"]
        if urlsplit(href).scheme or urlsplit(href).netloc:
            continue  # an external entry: the same on every page, never current
        docname = links.get(href)
        branch = branch_marks(link, slots, mark_of) if docname is not None else None
        if branch is None:
            return None
        marked.setdefault(docname, set()).update(branch)
        number = len(slots)
        link["href"] = token(number)
        slots[number] = Slot("href", number, docname)
    return slots, {docname: frozenset(numbers) for docname, numbers in marked.items()}


def branch_marks(link, slots: dict[int, Slot], mark_of: dict[int, int]) -> set[int] | None:
    """The mark slots that light up when the link's page is shown (Sphinx's "current" branch)."""
    elements = [link, *(parent for parent in link.parents if parent.name in ("li", "ul"))]
    # The theme opens the <details> of every current entry that has children.
    elements += [d for li in elements if li.name == "li"
                 for d in li.find_all("details", recursive=False) if not d.has_attr("open")]
    numbers = set()
    for element in elements:
        if id(element) not in mark_of:
            slot = place_mark(element, len(slots))
            if slot is None:
                return None
            slots[slot.number] = slot
            mark_of[id(element)] = slot.number
        numbers.add(mark_of[id(element)])
    return numbers


def place_mark(element, number: int) -> Slot | None:
    """A token where the element's current mark goes, in the order the theme writes classes."""
    classes = list(element.get("class", []))
    tok = token(number)
    if element.name == "li" and classes and classes[0].startswith("toctree-l"):
        element["class"] = [classes[0], tok, *classes[1:]]  # "toctree-l2 current active ..."
        return Slot("li", number, before=" ")
    if element.name in ("a", "ul") and classes:
        element["class"] = [tok, *classes]  # "current reference internal", "current nav ..."
        return Slot(element.name, number, after=" ")
    if element.name == "ul":
        element["class"] = [tok]
        return Slot("ul-bare", number, before=' class="', after='"')
    if element.name == "details" and not element.attrs:
        element[tok] = ""
        return Slot("details", number, before=" ", after='=""')
    return None


def cut(text: str, slots: dict[int, Slot], marked: dict[str, frozenset[int]]) -> NavTemplate | None:
    """Split the tokenised HTML into literal pieces and slots; None if a token's surroundings differ."""
    pieces, ordered, position = [], [], 0
    for match in re.finditer(re.escape(SLOT_PREFIX) + r"(\d+)x", text):
        slot = slots[int(match.group(1))]
        start, end = match.start() - len(slot.before), match.end() + len(slot.after)
        if text[start:match.start()] != slot.before or text[match.end():end] != slot.after:
            return None
        pieces.append(text[position:start])
        ordered.append(slot)
        position = end
    pieces.append(text[position:])
    if len(ordered) != len(slots):
        return None
    return NavTemplate(pieces, ordered, marked)
