"""The ``question``, ``answer`` and ``questionlist`` directives.

Directives only validate their input and leave placeholder nodes: numbers and
cross-document links need the whole book, so they are filled in at write time.
"""

from __future__ import annotations

from typing import ClassVar

from book_facts import LABEL_PATTERN
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .messages import did_you_mean, warn
from .nodes import answer_node, question_node, question_title, questionlist_node
from .translation import _

DIFFICULTIES = ("easy", "medium", "hard")
# Stack of the qanda directives being parsed, to catch illegal nesting.
OPEN_DIRECTIVES = "qanda_open_directives"


class AnyOptionSpec(dict):
    """Accept every option so that an unknown one gets a qanda warning, not a parser error."""

    def __missing__(self, key: str):
        return directives.unchanged

    def __contains__(self, key: object) -> bool:
        return True


class QandaDirective(SphinxDirective):
    """What the three directives share: option checks and located warnings."""

    known_options: ClassVar[tuple[str, ...]] = ()
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.option_spec = AnyOptionSpec({name: directives.unchanged for name in cls.known_options})

    def warn(self, subtype: str, message: str) -> None:
        warn(subtype, message, self.get_location())

    def check_unknown_options(self) -> None:
        for name in sorted(set(self.options) - set(self.known_options)):
            allowed = ", ".join(self.known_options)
            self.warn(
                "unknown-option",
                f"{self.name} has unknown option ':{name}:' "
                f"(allowed: {allowed}){did_you_mean(name, self.known_options)}",
            )

    def label_option(self, required: bool) -> str | None:
        label = (self.options.get("label") or "").strip()
        if not label:
            if required:
                self.warn("missing-label", f"{self.name} has no :label: option; "
                          "add a kebab-case label such as ':label: card-fraud'")
            return None
        if not LABEL_PATTERN.match(label):
            self.warn("label-not-kebab-case", f"{self.name} has label '{label}', "
                      "which is not kebab-case (lowercase words joined by hyphens)")
            return None
        return label

    def parse_body(self, kind: str) -> list[nodes.Node]:
        stack = self.env.temp_data.setdefault(OPEN_DIRECTIVES, [])
        stack.append(kind)
        try:
            body = self.parse_content_to_nodes()
        finally:
            stack.pop()
        if not body:
            self.warn("empty-body", f"{self.name} has an empty body")
        return body

    def nested_in(self) -> list[str]:
        return list(self.env.temp_data.get(OPEN_DIRECTIVES, []))

    def place(self, node: nodes.Element, kind: str) -> None:
        """Record where the node stands, so it can be found again in an assembled doctree."""
        counter = f"qanda_{kind}_count"
        node["docname"] = self.env.docname
        node["position"] = self.env.temp_data.get(counter, 0)
        self.env.temp_data[counter] = node["position"] + 1
        self.set_source_info(node)


class QuestionDirective(QandaDirective):
    known_options = ("label", "stages", "difficulty", "domain")

    def run(self) -> list[nodes.Node]:
        self.check_unknown_options()
        enclosing = self.nested_in()
        if enclosing:
            self.warn("nested", f"question is nested in {'an' if enclosing[-1] == 'answer' else 'a'} "
                      f"{enclosing[-1]}; "
                      "questions must stand at the top level of a page")
            return [nodes.container("", *self.parse_body("question"))]
        title = " ".join(self.arguments).strip()
        label = self.label_option(required=True)
        if not title:
            self.warn("missing-title", f"question has no title; "
                      "write it after the directive name, e.g. ':::{question} Detect card fraud'")
        node = question_node(
            label=label or "",
            title=title or label or _("Untitled question"),
            stages=self.stages(),
            difficulty=self.difficulty(),
            domain=(self.options.get("domain") or "").strip(),
        )
        self.place(node, "question")
        body = self.parse_body("question")
        if label is None:
            return [nodes.container("", *body)]
        if title:
            heading = question_title(title, title)
            self.set_source_info(heading)
            node += heading
        node += body
        return [node]

    def stages(self) -> list[str]:
        allowed = list(self.config.qanda_stages)
        stages = []
        for stage in (s.strip() for s in (self.options.get("stages") or "").split(",")):
            if not stage:
                continue
            if stage in allowed:
                stages.append(stage)
            else:
                self.warn("unknown-stage", f"question has unknown stage '{stage}' "
                          f"(allowed: {', '.join(allowed)}){did_you_mean(stage, allowed)}")
        return stages

    def difficulty(self) -> str:
        difficulty = (self.options.get("difficulty") or "").strip()
        if difficulty and difficulty not in DIFFICULTIES:
            self.warn("unknown-difficulty", f"question has unknown difficulty "
                      f"'{difficulty}' (allowed: {', '.join(DIFFICULTIES)})")
            return ""
        return difficulty


class AnswerDirective(QandaDirective):
    known_options = ("label", "author", "class")

    def run(self) -> list[nodes.Node]:
        self.check_unknown_options()
        if "answer" in self.nested_in():
            self.warn("nested", f"answer is nested in another answer")
            return [nodes.container("", *self.parse_body("answer"))]
        question = " ".join(self.arguments).strip()
        if not question:
            self.warn("missing-question", f"answer does not say which question it "
                      "answers; give the question's label, e.g. '::::{answer} card-fraud'")
            return [nodes.container("", *self.parse_body("answer"))]
        label = self.label_option(required=False)
        if label is None and (self.options.get("label") or "").strip():
            return [nodes.container("", *self.parse_body("answer"))]
        classes = self.classes()
        node = answer_node(
            label=label or f"answer-{question}",
            question=question,
            author=(self.options.get("author") or "").strip(),
            dropdown="dropdown" in classes,
            classes=[c for c in classes if c != "dropdown"],
        )
        self.place(node, "answer")
        node += self.parse_body("answer")
        return [node]


    def classes(self) -> list[str]:
        """Class names as docutils normalizes them: they reach HTML and LaTeX verbatim."""
        try:
            return directives.class_option(self.options.get("class") or "")
        except ValueError:
            self.warn("bad-class", f"answer has class '{self.options['class']}', which gives no "
                      "valid class name; use words of letters, digits and hyphens")
            return []


class QuestionListDirective(QandaDirective):
    known_options = ("stage", "difficulty")
    optional_arguments = 0
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.check_unknown_options()
        stage = (self.options.get("stage") or "").strip()
        difficulty = (self.options.get("difficulty") or "").strip()
        allowed = list(self.config.qanda_stages)
        if stage and stage not in allowed:
            self.warn("unknown-stage", f"questionlist filters on unknown stage "
                      f"'{stage}' (allowed: {', '.join(allowed)}){did_you_mean(stage, allowed)}")
            stage = ""
        if difficulty and difficulty not in DIFFICULTIES:
            self.warn("unknown-difficulty", f"questionlist filters on unknown "
                      f"difficulty '{difficulty}' (allowed: {', '.join(DIFFICULTIES)})")
            difficulty = ""
        node = questionlist_node(stage=stage, difficulty=difficulty)
        self.set_source_info(node)
        return [node]
