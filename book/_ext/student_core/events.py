"""Sphinx adapter of the student edition: with sphinx-exercise's
``hide_solutions: True``, no source copy, a solution-free notebook filter, no
dead links to the teacher's page or to the theme's `.md` download. In every
HTML build (teacher's or student's), the book's numbers are written to
``book-index.json`` beside the executed notebooks, for `make classroom`.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.util import logging

from .book_index import INDEX_FILE, TEACHER_ONLY, from_env, to_json
from .notebooks import to_student_notebook

FILTER = "student_edition:student_notebook"
TEACHER_FILTER = "student_edition:teacher_notebook"  # _config.yml's bilingual_ipynb_filter

logger = logging.getLogger("student_edition")


def index_of(app):
    """The book's numbers, read once per build from its finished environment."""
    cached = getattr(app, "_student_book_index", None)
    if cached is None or cached[0] is not app.env:
        app._student_book_index = (app.env, from_env(app.env, Path(app.srcdir)))
    return app._student_book_index[1]


def student_notebook(nb, docname, *, app):
    """The `bilingual_ipynb_filter` of the student build (called at ``build-finished``):
    numbers, titles and labels from the build's environment (`book_index.from_env`),
    glued values from its executed notebooks (`jupyter_execute/`, beside the HTML output)."""
    return _converted(nb, docname, app=app, solutions=False)


def teacher_notebook(nb, docname, *, app):
    """The `bilingual_ipynb_filter` of the teacher's edition (the default build): the
    chapter's Markdown as the web page reads (numbers, links, figures), solutions kept."""
    return _converted(nb, docname, app=app, solutions=True)


def _converted(nb, docname, *, app, solutions):
    if app is None or getattr(app, "env", None) is None:
        raise ValueError(f"Received an invalid value for argument `app`, expected the Sphinx "
                         f"application of a finished build, got {app!r}.")
    folder = Path(app.outdir).parent / "jupyter_execute"
    new, problems = to_student_notebook(nb, docname, index=index_of(app), glue_folder=folder,
                                        solutions=solutions)
    kind = "teacher's" if solutions else "student"
    for problem in problems:
        logger.warning("%s notebook: %s", kind, problem, location=docname,
                       type="student_edition", subtype="notebook")
    return new


def is_student(config) -> bool:
    """True when the build leaves the solutions out (sphinx-exercise's `hide_solutions`)."""
    return "hide_solutions" in config and bool(config.hide_solutions)


def on_config_inited(app, config):
    if not is_student(config):
        return
    if config.html_copy_source:
        config.html_copy_source = False  # the MyST sources hold the solutions
    if "bilingual_ipynb_filter" in config and not config.bilingual_ipynb_filter:
        config.bilingual_ipynb_filter = FILTER


def on_page_context(app, pagename, templatename, context, doctree):
    """Without copied sources, the theme's `.md` download would be a dead link."""
    if not is_student(app.config):
        return
    for button in context.get("header_buttons", []):
        if button.get("label") == "download-buttons":
            button["buttons"] = [b for b in button.get("buttons", [])
                                 if b.get("label") != "download-source-button"]


def teacher_only(target: str) -> bool:
    name = target.rstrip("/").rsplit("/", 1)[-1]
    return any(name == page or re.match(rf"^(?:en|ja)-{page}(?:-|$)", name) for page in TEACHER_ONLY)


def on_missing_reference(app, env, node, contnode):
    """The student edition leaves the teacher's page out: a link to it becomes its text."""
    if is_student(app.config) and node.get("reftype") in ("doc", "ref", "numref") \
            and teacher_only(node.get("reftarget", "")):
        return contnode
    return None


def on_build_finished(app, exception):
    """Write the book's numbers (`book_index.to_json`) to ``<build>/book-index.json``,
    beside ``jupyter_execute/``, after a successful HTML build: the nbgrader
    assignments of `make classroom` (tools/classroom.py) are numbered from it."""
    if exception is not None or app.builder.format != "html":
        return
    path = Path(app.outdir).parent / INDEX_FILE
    path.write_text(to_json(index_of(app)), encoding="utf-8")
