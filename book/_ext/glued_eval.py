"""The ``{eval}`` role of the chapters, resolved from the executed notebook.

The prose quotes a glued number as {eval}`glued("name:.2f")` (see
`lstm/glued.py`): an inline expression that jupyterlab-myst evaluates in the
kernel, so the number shows in JupyterLab once the cells above have run.

myst-nb evaluates ``{eval}`` only in its ``inline`` execution mode, which runs
every page in a live kernel while Sphinx reads it, and only for bare variable
names (``nb_eval_name_regex``). The book executes through jupyter-cache
(``exec_cache.py``) instead. This extension replaces myst-nb's ``eval`` role
by one that accepts only the call ``glued("<spec>")`` and pastes the value
exactly as myst-nb's ``{glue:text}`<spec>``` does (it *is* that role, given
``<spec>``): the same node, the same characters, the same warnings. Any other
expression is a build warning (an error in the strict build).

`glued_spec` (in `student_core.myst_to_jupyter`, which converts the same
role for the downloadable notebooks) is pure.
"""

from __future__ import annotations

from docutils import nodes

from student_core.myst_to_jupyter import glued_spec  # pure; shared with the notebooks


def _role():
    from myst_nb.ext.glue.roles import PasteTextRole
    from myst_nb.ext.glue.utils import glue_warning

    class GluedEvalRole(PasteTextRole):
        """{eval}`glued("spec")` -> what {glue:text}`spec` gives."""

        def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
            try:
                self.text = glued_spec(self.text)
            except ValueError as err:
                return [], [glue_warning(f"{{eval}} in this book: {err}", self.document, self.line)]
            return super().run()

    return GluedEvalRole()


def setup(app):
    app.setup_extension("myst_nb")  # its own `eval` role first, then ours replaces it
    app.add_role("eval", _role(), override=True)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
