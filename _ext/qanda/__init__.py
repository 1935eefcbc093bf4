"""qanda: numbered questions and worked answers that link to each other.

Load it with ``extensions = ["qanda"]``. Configuration: ``qanda_stages`` (the
allowed stage names) and ``qanda_contribute_url`` (a URL template with
``{label}``, shown under questions that have no answer yet). Its words are
translated through the ``qanda`` message catalog (:mod:`qanda.translation`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import book_wide
from outputs import is_html, is_rst2pdf

from .config import check_config
from .derive import QuestionBank
from .directives import AnswerDirective, QuestionDirective, QuestionListDirective
from .domain import QandaDomain
from .export import write_questions_json
from .nodes import answer_dropdown, depart_answer_dropdown_html, qanda_reference, visit_answer_dropdown_html
from .render import RenderQanda
from .roles import QandaRole
from .std_entries import release_std_labels
from .translation import add_qanda_catalog, add_script_catalog

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "1.0.0"

STATIC_DIR = Path(__file__).parent / "static"
PDF_STYLESHEET = Path(__file__).parent / "pdfstyle" / "qanda.yaml"


def add_static_files(app: Sphinx) -> None:
    if is_html(app.env):
        app.config.html_static_path.append(str(STATIC_DIR))
        app.add_css_file("qanda.css")
    elif is_rst2pdf(app.env):
        app.config.pdf_stylesheets = [*app.config.pdf_stylesheets, str(PDF_STYLESHEET)]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("outputs")
    app.add_config_value("qanda_stages", [], "env", types=[list])
    app.add_config_value("qanda_contribute_url", "", "html", types=[str])
    app.connect("config-inited", check_config)
    add_qanda_catalog(app)  # after check_config: the stage names must be checked first
    app.add_domain(QandaDomain)
    app.add_directive("question", QuestionDirective)
    app.add_directive("answer", AnswerDirective)
    app.add_directive("questionlist", QuestionListDirective)
    app.add_role("question", QandaRole("question"))
    app.add_role("answer", QandaRole("answer"))
    app.add_node(qanda_reference)  # may reach writers in titles; written as inline
    app.add_node(answer_dropdown, html=(visit_answer_dropdown_html, depart_answer_dropdown_html))
    book_wide.register(app, QuestionBank())
    app.connect("env-before-read-docs", release_std_labels)
    app.add_post_transform(RenderQanda)
    app.connect("builder-inited", add_static_files)
    app.connect("builder-inited", add_script_catalog)
    app.connect("build-finished", write_questions_json)
    return {
        "version": __version__,
        "env_version": 4,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
