"""Doctree nodes of the question bank.

The directives and roles leave these placeholders in the pickled doctrees; the
post-transform in :mod:`qanda.render` replaces them with standard docutils nodes
at write time, once every question has its number. Only ``answer_dropdown``
survives into a writer, and only into HTML ones.

One placeholder can escape the post-transform: a role in a heading is copied
into the page's title and table-of-contents entries, which Sphinx writes
without post-transforms. ``qanda_reference`` is therefore an ``inline``: every
writer that meets it there writes its text, which ``std_entries.name_copied_titles``
keeps current after every read.
"""

from __future__ import annotations

from docutils import nodes


class question_node(nodes.General, nodes.Element):
    """A numbered question; attributes: label, title, stages, difficulty, domain."""


class question_title(nodes.TextElement):
    """A question's title as written, the first child of its ``question_node``.

    A text element with a source, so the gettext builder extracts it and Sphinx's
    ``Locale`` transform translates it while the page is read; the domain then
    records the title from it. The post-transform drops it from every output.
    """


class answer_node(nodes.General, nodes.Element):
    """A worked answer; attributes: label, question, author, dropdown."""


class questionlist_node(nodes.General, nodes.Element):
    """Placeholder for a list of questions; attributes: stage, difficulty."""


class qanda_reference(nodes.inline):
    """Placeholder for a {question} or {answer} role; attributes: reftype, target, explicit.

    Its text is the explicit title, or the target until the catalog names it.
    """


class answer_dropdown(nodes.General, nodes.Element):
    """A collapsed answer body (HTML ``<details>``); attribute: summary."""


def visit_answer_dropdown_html(self, node: answer_dropdown) -> None:
    self.body.append(self.starttag(node, "details", CLASS="qanda-dropdown"))
    self.body.append(f'<summary>{self.encode(node["summary"])}</summary>\n')


def depart_answer_dropdown_html(self, node: answer_dropdown) -> None:
    self.body.append("</details>\n")
