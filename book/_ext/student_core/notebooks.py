"""Student notebooks, and the check that a built student edition holds no solution.

Pure (no Sphinx build): `to_student_notebook` converts one notebook with
`myst_to_jupyter`, given the book's numbers (`book_index.from_env` at build
time); `solution_leftovers` scans a folder for the labels of the solutions in
the sources (`solution_labels`: a student build never sees them), reading
`objects.inv` with Sphinx's own inventory reader.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from .book_index import EDITIONS, ROOT, BookIndex
from .myst_blocks import blocks, directive
from .myst_to_jupyter import Page, convert_markdown, load_glue


def to_student_notebook(nb, docname: str, *, index: BookIndex, glue_folder: Path | None = None,
                        solutions: bool = False):
    """A copy of `nb` (a notebook of MyST Markdown cells) for students.

    Returns `(notebook, problems)`: code cells kept without outputs; Markdown
    converted by `convert_markdown` (solutions dropped, glued values and
    figures filled in from `glue_folder`), empty Markdown cells removed.
    With `solutions=True`, the teacher's notebook: the same, with each solution
    kept under a heading after its exercise (metadata `lstm_edition: teacher`).
    """
    import nbformat

    page = Page(index=index, docname=docname, glue=load_glue(glue_folder, docname),
                glue_folder=glue_folder, solutions=solutions)
    new = copy.deepcopy(nb)
    cells = []
    for cell in new.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            cells.append(cell)
            continue
        if cell.cell_type != "markdown":
            cells.append(cell)
            continue
        page.attachments = {}
        source = convert_markdown(cell.source, page).strip("\n")
        if not source.strip():
            continue
        markdown = nbformat.v4.new_markdown_cell(source)
        if page.attachments:
            markdown.attachments = dict(page.attachments)
        markdown.metadata = cell.get("metadata", {})
        cells.append(markdown)
    new.cells = cells
    new.metadata.pop("jupytext", None)
    new.metadata["lstm_edition"] = "teacher" if solutions else "student"
    for cell in new.cells:
        cell.pop("id", None)
    new.nbformat, new.nbformat_minor = 4, 4
    return new, page.problems


def inventory_text(path: Path) -> str | None:
    """The entries of a Sphinx inventory (`objects.inv`) as text, one line each
    ("name domain:role uri display-name", after the project and version), or
    None when it is not a readable inventory."""
    import zlib

    from sphinx.util.inventory import InventoryFile

    try:
        with open(path, "rb") as stream:
            inventory = InventoryFile.load(stream, "", lambda base, uri: uri)
    except (ValueError, zlib.error, UnicodeDecodeError):
        return None
    headers, lines = [], []
    for role, entries in inventory.items():
        for name, (project, version, uri, dispname) in entries.items():
            if f"{project} {version}" not in headers:
                headers.append(f"{project} {version}")
            lines.append(f"{name} {role} {uri} {dispname}")
    return "\n".join(headers + lines)


def solution_labels(root: Path = ROOT) -> list[str]:
    """The labels of the `{solution}` directives in the chapters under `root`."""
    labels = set()
    for prefix in EDITIONS.values():
        for path in sorted((Path(root) / prefix).glob("*.md")):
            for _start, _end, tok in blocks(path.read_text(encoding="utf-8")):
                found = directive(tok)
                if found and found[0] == "solution" and found[2].get("label"):
                    labels.add(str(found[2]["label"]))
    return sorted(labels)


def solution_leftovers(folder: Path, labels: list[str] | None = None) -> list[str]:
    """Files under `folder` that still hold a solution: a `{solution}` directive,
    a solution's label (`labels`, by default `solution_labels()`), or a rendered
    solution block. Empty for a clean student edition."""
    labels = solution_labels() if labels is None else labels
    pattern = re.compile("|".join([r"\{solution\}", r'class="[^"]*\bsolution\b']
                                  + [re.escape(label) + r"\b" for label in labels]))
    found = []
    for path in sorted(Path(folder).rglob("*")):
        if not path.is_file() or path.suffix not in (".html", ".js", ".ipynb", ".md", ".txt", ".json",
                                                     ".inv", ".xml"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".inv":
            text = inventory_text(path) or text
        match = pattern.search(text)
        if match:
            found.append(f"{path.relative_to(folder)}: {match.group(0)!r}")
    return found
