"""The student edition: the book without solutions, and its chapters as notebooks to hand out.

``tools/build_book.py --student`` (``make student``) builds the book with
sphinx-exercise's ``hide_solutions: True`` (a ``{solution}`` directive then
produces nothing: no page, search index or label holds its text) and copies
the result into ``_build/student/``:

- ``html/``: the site; ``_sources/`` holds only the chapters' notebooks made
  by this module (``html_copy_source`` is off, so the MyST sources, which
  contain the solutions, are never copied, and the theme's ``.md`` download
  is dropped from the download menu);
- ``notebooks/{en,ja}/<chapter>.ipynb``: the same notebooks, for a class
  Jupyter server.

A student notebook (`student_notebook`, the ``bilingual_ipynb_filter`` of the
student build) keeps every code cell (exercise stubs and self-checks
included) without outputs, drops the solutions, and turns the MyST markup
into Markdown that Jupyter renders: ``{exercise}`` becomes a heading
"Exercise 4.1 (title)" / "練習 4.1 (title)" and its body; ``{glue:text}``
becomes the number the book computed; ``{glue:figure}`` the figure itself (a
cell attachment) and its numbered caption; ``{doc}`` and ``{ref}`` links to
the other notebooks or plain text; ``{numref}``/``{eq}`` the numbers the book
shows; labelled equations get a ``\\tag``; admonitions become block quotes.
The numbers and titles are Sphinx's, read from the build's environment when
the notebooks are written (so a notebook shows the numbers of the HTML);
glued values come from the build's executed notebooks
(``jupyter_execute/<page>.glue.json``).

Every HTML build, the teacher's too, also writes the book's numbers to
``book-index.json`` beside ``jupyter_execute/`` (``_build/book-index.json``
for ``make book``): ``make classroom`` (``tools/classroom.py``) numbers the
nbgrader assignments with them (``student_core/classroom.py``).

With ``hide_solutions: True`` this extension also enforces the rules above
(no source copy, a solution-free notebook filter), so a plain
``jupyter-book build`` with that switch cannot leak a solution either.

The pieces live in `student_core/` (pure cores and the Sphinx adapter);
`setup` only wires them.
"""

from __future__ import annotations

from student_core.book_index import (  # noqa: F401
    EDITIONS, INDEX_FILE, ROOT, TEACHER_ONLY, BookIndex, Target, from_env, from_json, to_json,
)
from student_core.events import (  # noqa: F401
    FILTER, TEACHER_FILTER, is_student, on_build_finished, on_config_inited, on_missing_reference,
    on_page_context, student_notebook, teacher_notebook,
)
from student_core.myst_to_jupyter import (  # noqa: F401
    ADMONITIONS, DROPPED, WORDS, Page, convert_directive, convert_inline, convert_markdown,
    convert_role, glued_spec, load_glue,
)
from student_core.notebooks import solution_labels, solution_leftovers, to_student_notebook  # noqa: F401


def setup(app):
    app.connect("config-inited", on_config_inited, priority=800)
    app.connect("html-page-context", on_page_context, priority=600)
    app.connect("missing-reference", on_missing_reference)
    app.connect("build-finished", on_build_finished)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": False}
