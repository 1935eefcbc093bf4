"""Turn the placeholder nodes into standard docutils nodes at write time.

Runs as a post-transform, before Sphinx resolves references, so every builder
(html, dirhtml, singlehtml, epub, latex, text, rst2pdf) receives only nodes it
already knows how to write. What differs between outputs is asked of
:mod:`outputs` in four places: where the anchor goes (LaTeX), whether badges
and headings are HTML, whether a dropdown answer collapses (the website only),
and whether titles stay as written for translators (gettext).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import process_only_nodes

from outputs import builder_of, is_gettext, is_html, is_latex, is_website

from .catalog import Answer, Question
from .links import internal_link
from .messages import did_you_mean, warn
from .nodes import answer_dropdown, answer_node, qanda_reference, question_node, question_title, questionlist_node
from .translation import _, difficulty_name, fill, stage_name


class RenderQanda(SphinxPostTransform):
    default_priority = 5  # before ReferencesResolver (10)

    def run(self, **kwargs) -> None:
        self.catalog = self.env.domains["qanda"].catalog
        self.html = is_html(self.env)
        self.elements_by_id: dict[str, list[nodes.Element]] | None = None
        # Drop what ``only`` leaves out of this output before rendering (Sphinx
        # would at priority 50): the catalog has no number for it, and a role in
        # it must not be reported.
        process_only_nodes(self.document, builder_of(self.env).tags)
        # singlehtml, latex and rst2pdf assemble one doctree from many
        # documents, so each node says which document and position it came from.
        for node in list(self.document.findall(question_node)):
            node.replace_self(self.render_question(node))
        for node in list(self.document.findall(answer_node)):
            node.replace_self(self.render_answer(node))
        for node in list(self.document.findall(questionlist_node)):
            node.replace_self(self.render_questionlist(node))
        for node in list(self.document.findall(qanda_reference)):
            node.replace_self(self.render_reference(node))

    # -- shared pieces ---------------------------------------------------------

    def link(self, todoc: str, anchor: str, text: str, classes=()) -> nodes.reference:
        return internal_link(self.env, self.env.docname, todoc, anchor, text, classes)

    def anchored_box(self, kind: str, anchor: str | None) -> nodes.container:
        """A box with the anchor on the box in HTML, on a target inside it elsewhere."""
        box = nodes.container(classes=[f"qanda-{kind}"])
        if anchor:
            self.release_id(anchor)
        if anchor and is_latex(self.env):
            box += nodes.target("", "", ids=[anchor])
        elif anchor:
            box["ids"].append(anchor)
        return box

    def release_id(self, anchor: str) -> None:
        """The label is the citation handle: a heading whose title slugs to it takes another id."""
        if self.elements_by_id is None:  # indexed once: assembled doctrees are the whole book
            self.elements_by_id = {}
            for element in self.document.findall(nodes.Element):
                for node_id in element["ids"]:
                    self.elements_by_id.setdefault(node_id, []).append(element)
        for element in self.elements_by_id.pop(anchor, ()):
            element["ids"][element["ids"].index(anchor)] = f"{anchor}-heading"

    def metadata(self, question: Question) -> nodes.paragraph:
        facts = [(f"stage-{s}", stage_name(s)) for s in question.stages]
        if question.difficulty:
            facts.append((f"difficulty-{question.difficulty}", difficulty_name(question.difficulty)))
        if question.domain:
            facts.append(("domain", question.domain))
        para = nodes.paragraph(classes=["qanda-meta"])
        for index, (kind, text) in enumerate(facts):
            if self.html:
                para += nodes.inline(text, text, classes=["qanda-badge", f"qanda-badge-{kind}"])
                para += nodes.Text(" ")
            else:
                if index:
                    para += nodes.Text(" · ")
                para += nodes.emphasis(text, text)
        return para

    # -- questions -------------------------------------------------------------

    def render_question(self, node: question_node) -> nodes.Node:
        titles = [child for child in node.children if isinstance(child, question_title)]
        body = [child for child in node.children if not isinstance(child, question_title)]
        if is_gettext(self.env):
            # The gettext builder extracts messages after post-transforms: it
            # finds the title as written only on this node.
            body = titles + body
        label = self.catalog.question_at.get((node["docname"], node["position"]))
        if label is None:  # a duplicate label: already reported, shown without a number
            title = titles[0].astext() if titles else node["title"]
            box = self.anchored_box("question", None)
            box += nodes.rubric(title, title, classes=["qanda-title"])
            box += body
            return box
        question = self.catalog.questions[label]
        box = self.anchored_box("question", label)
        if self.names_page(node, "question"):  # the page's title says it: not twice
            self.retitle(node, [nodes.Text(question.heading)])
        else:
            box += nodes.rubric(question.heading, question.heading, classes=["qanda-title"])
        if question.stages or question.difficulty or question.domain:
            box += self.metadata(question)
        box += body
        box += self.answer_links(question)
        return box

    def answer_links(self, question: Question) -> nodes.Node:
        answers = self.catalog.answers_to(question)
        if not answers:
            return self.no_answer_yet(question)
        items = nodes.bullet_list(classes=["qanda-answer-links"])
        for answer in answers:
            text = answer.short
            if answer.author:
                # Translators: {answer} is "Answer to Question 12" or "Answer 12.2".
                text = fill(_("{answer} by {author}"), answer=text, author=answer.author)
            para = nodes.paragraph()
            para += self.link(answer.docname, answer.label, text)
            items += nodes.list_item("", para)
        return items

    def no_answer_yet(self, question: Question) -> nodes.paragraph:
        para = nodes.paragraph("", _("No answer yet."), classes=["qanda-no-answer"])
        template = self.config.qanda_contribute_url
        if template:
            para += nodes.Text(" ")
            url = template.format(label=question.label)
            para += nodes.reference("", _("Contribute an answer"), refuri=url, classes=["qanda-contribute"])
        return para

    # -- answers ---------------------------------------------------------------

    def render_answer(self, node: answer_node) -> nodes.Node:
        label = self.catalog.answer_at.get((node["docname"], node["position"]))
        answer = self.catalog.answers.get(label) if label else None
        box = self.anchored_box("answer", label)
        box["classes"].extend(node["classes"])
        if answer and self.names_page(node, "answer"):
            heading = self.answer_heading(answer)
            self.retitle(node, heading[0].children if self.html else heading.children)
        else:
            box += self.answer_heading(answer)
        if answer and answer.author:
            box += nodes.paragraph("", fill(_("By {author}"), author=answer.author), classes=["qanda-author"])
        if node["dropdown"] and is_website(self.env):
            dropdown = answer_dropdown(summary=_("Show answer"))
            dropdown += node.children
            box += dropdown
        else:
            box += node.children
        return box

    def answer_heading(self, answer: Answer | None) -> nodes.rubric:
        if answer is None:  # unknown question or duplicate: already reported
            return nodes.rubric(_("Answer"), _("Answer"), classes=["qanda-title"])
        question = self.catalog.questions[answer.question]
        before, after = answer.around_question()
        words = [nodes.Text(before),
                 self.link(question.docname, question.label, question.heading, ["qanda-question-link"])]
        if after:
            words.append(nodes.Text(after))
        if self.html:
            # One inline around the words and the link: the theme lays a rubric's children
            # out as a column, which put "Answer to" on a line of its own.
            words = [nodes.inline("", "", *words, classes=["qanda-title-text"])]
        return nodes.rubric("", "", *words, classes=["qanda-title"])

    # -- the page a question or answer names ---------------------------------------

    def names_page(self, node: nodes.Element, kind: str) -> bool:
        if is_gettext(self.env):  # the title as written is the message
            return False
        name = self.env.domains["qanda"].data["named"].get(node["docname"])
        return (bool(name) and name["kind"] == kind and name["position"] == node["position"]
                and isinstance(node.parent, nodes.section) and bool(node.parent.children)
                and isinstance(node.parent[0], nodes.title))

    def retitle(self, node: nodes.Element, words: list[nodes.Node]) -> None:
        """The page's own heading becomes the numbered one (std_entries.name_pages names
        it so in the contents and the browser title). Links stay in HTML only: a
        PDF's bookmarks and running heads take plain text."""
        title = node.parent[0]
        if self.html:
            title[:] = [child.deepcopy() for child in words]
        else:
            text = "".join(child.astext() for child in words)
            title[:] = [nodes.Text(text)]

    # -- lists and roles -------------------------------------------------------

    def render_questionlist(self, node: questionlist_node) -> nodes.Node:
        chosen = [
            q for q in self.catalog.in_book_order()
            if (not node["stage"] or node["stage"] in q.stages)
            and (not node["difficulty"] or node["difficulty"] == q.difficulty)
        ]
        if not chosen:
            return nodes.paragraph("", _("No questions yet."), classes=["qanda-questionlist-empty"])
        # A table in every builder: number, title, difficulty, stages. "longtable" lets
        # LaTeX break it across pages; the given widths keep long titles inside the page.
        classes = ["qanda-questionlist", "longtable", "colwidths-given"]
        if self.is_bank_index():
            classes.append("qanda-bank-index")  # practice mode is offered here
        table = nodes.table(classes=classes)
        group = nodes.tgroup(cols=4)
        table += group
        for width in (8, 58, 14, 20):
            group += nodes.colspec(colwidth=width)
        # Translators: the heading of the column of question numbers in a list of questions.
        headings = (_("No."), _("Question"), _("Difficulty"), _("Stages"))
        group += nodes.thead("", self.row([nodes.Text(text) for text in headings]))
        body = nodes.tbody()
        every_stage = set(self.config.qanda_stages)
        for question in chosen:
            if len(every_stage) > 1 and set(question.stages) == every_stage:
                stages = _("All stages")
            else:
                stages = ", ".join(stage_name(s) for s in question.stages)
            difficulty = difficulty_name(question.difficulty) if question.difficulty else ""
            body += self.row([
                nodes.Text(str(question.number)),
                self.link(question.docname, question.label, question.title),
                nodes.Text(difficulty),
                nodes.Text(stages),
            ])
        group += body
        return table

    @staticmethod
    def row(cells: list[nodes.Node]) -> nodes.row:
        row = nodes.row()
        for cell in cells:
            row += nodes.entry("", nodes.paragraph("", "", cell))
        return row

    def is_bank_index(self) -> bool:
        """The page whose contents hold the question pages: the question bank's index."""
        included = set(self.env.toctree_includes.get(self.env.docname, ()))
        return any(q.docname in included for q in self.catalog.questions.values())

    def unknown_target(self, kind: str, target: str) -> str:
        if target in self.catalog.left_out:
            return (f"{{{kind}}} role refers to question '{target}', which an 'only' directive "
                    "leaves out of this output")
        known = self.catalog.questions if kind == "question" else self.catalog.answers
        return f"{{{kind}}} role refers to unknown {kind} '{target}'{did_you_mean(target, known)}"

    def render_reference(self, node: qanda_reference) -> nodes.Node:
        kind, target = node["reftype"], node["target"]
        entry = self.catalog.lookup(kind, target)
        if entry is None:
            warn(f"unknown-{kind}-reference", self.unknown_target(kind, target), node)
            return nodes.literal(target, target)
        text = node.astext() if node["explicit"] else entry.short
        return self.link(entry.docname, entry.label, text, [f"qanda-{kind}-ref"])
