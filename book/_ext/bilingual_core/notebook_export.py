"""Chapters as Jupyter notebooks: `_sources/<docname>.ipynb`, made with jupytext
after the build (the theme's download menu and the edition bar link them).

A student edition offers them only through `bilingual_ipynb_filter`, a
"module:function" taking `(notebook, docname, *, app)` and returning the
notebook to offer (e.g. without solutions). `strip_outputs` is pure.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from .language import counterpart


def notebook_name(app, docname: str) -> str | None:
    """`_sources/`-relative name of the chapter's .ipynb, or None."""
    if counterpart(app, docname) is None or docname not in app.env.found_docs:
        return None
    hide_solutions = "hide_solutions" in app.config and app.config.hide_solutions
    if hide_solutions and not app.config.bilingual_ipynb_filter:
        return None  # a student edition offers notebooks only through a filter that strips solutions
    return docname + ".ipynb"


def load_filter(spec: str):
    module, _, func = spec.partition(":")
    return getattr(importlib.import_module(module), func)


def strip_outputs(nb):
    """`nb` (in place) without jupytext's metadata, code outputs and execution counts."""
    nb.metadata.pop("jupytext", None)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def write_notebooks(app) -> int:
    """Write each chapter as `_sources/<docname>.ipynb` (no outputs) with jupytext,
    only when the source is newer than the notebook (or a filter is set)."""
    import jupytext

    filt = load_filter(app.config.bilingual_ipynb_filter) if app.config.bilingual_ipynb_filter else None
    written = 0
    for docname in sorted(app.env.found_docs):
        name = notebook_name(app, docname)
        if not name:
            continue
        src = Path(app.env.doc2path(docname))
        dest = Path(app.outdir, "_sources", name)
        if filt is None and dest.exists() and dest.stat().st_mtime >= src.stat().st_mtime:
            continue
        nb = strip_outputs(jupytext.read(src))
        if filt is not None:
            nb = filt(nb, docname, app=app)
        dest.parent.mkdir(parents=True, exist_ok=True)
        jupytext.write(nb, dest, fmt="ipynb")
        written += 1
    return written
