"""nbgrader assignments from the book's exercises: one chapter -> one *source* notebook.

`make classroom` (tools/classroom.py) writes an nbgrader course directory; this
module makes its notebooks. Pure: it needs a chapter's MyST source (read with
jupytext), the book's numbers (`BookIndex`, from the ``book-index.json`` that
every HTML build writes) and the glued values of the executed chapters; no
Sphinx, no kernel.

An assignment notebook holds what the exercises need, not the chapter: a title,
the chapter's set-up cell (its imports, read-only), then each exercise of the
chapter's exercise section in order:

- its statement, converted as the student edition converts it
  (`myst_to_jupyter`: "Exercise 4.1 (title)", glued numbers filled in), read-only;
- for each self-check the book calls (``lstm.checks.check_...(name, ...)``)
  after a stub of ``name`` (a function whose body raises `NotImplementedError`,
  or ``name = ...``): an *autograded answer* cell, the stub with the book's
  solution between nbgrader's ``### BEGIN SOLUTION`` / ``### END SOLUTION``
  markers (`generate_assignment` puts the book's stub comment and
  ``raise NotImplementedError`` back in its place, see `code_stub`), then a
  read-only *autograder tests* cell that calls the same check in the
  notebook's language and asserts its result: a wrong answer fails with the
  check's message and hint, which nbgrader's feedback shows;
- an exercise that no check covers, or whose solution holds code that defines
  none of the checked names (an experiment to run, a question to answer),
  gets a *manually graded answer* cell: a Markdown cell whose source is the
  book's solution, the grading note (nbgrader replaces it with `text_stub`);
- cells between an exercise and its solution that are neither stubs nor
  checks (a demonstration) are kept, read-only.

Every exercise is worth `POINTS`, shared equally among its graded cells.
Grade ids come from the exercise labels without their language
(``from-scratch-step-check-lstm_step``), so both languages grade alike.
"""

from __future__ import annotations

import ast
import copy
import io
import re
import textwrap
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

from .book_index import EDITIONS, BookIndex
from .myst_blocks import blocks, directive, parse
from .myst_to_jupyter import Page, convert_markdown, load_glue

POINTS = 2  # per exercise, shared among its graded cells
SCHEMA_VERSION = 3  # nbgrader's cell metadata schema (nbgrader.nbgraderformat.SCHEMA_VERSION)
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
CHECK_MODULE = "lstm.checks"
PYTHON_INFOS = ("python", "python3", "ipython", "ipython3", "py")

WORDS = {
    "en": {
        "title": "Exercises of chapter {number}: {title}",
        "intro": ("Write your answers in the cells that hold a stub (`raise NotImplementedError`) and "
                  "in the cells that say \"{answer}\", then run the notebook from top to bottom. "
                  "The read-only cell after each code answer runs the book's self-check: when your "
                  "answer is right it shows ✅ and the check's message, otherwise it stops with the "
                  "check's message and a hint. Those cells "
                  "grade your notebook; the written answers are graded by your teacher. Do not "
                  "change the read-only cells: they are put back as they are when your notebook "
                  "is graded."),
        "answer": "Write your answer here.",
    },
    "ja": {
        "title": "第 {number} 章「{title}」の練習問題",
        "intro": ("答えは、スタブ（`raise NotImplementedError`）のあるセルと、「{answer}」と書かれた"
                  "セルに書いてから、ノートブックを最初から最後まで実行してください。コードの答えのすぐ後に"
                  "ある読み取り専用のセルが、本のセルフチェックを実行します。正しければ ✅ とチェックの"
                  "メッセージを表示し、正しくなければチェックのメッセージとヒントを出して止まります。これらのセルが"
                  "ノートブックを採点し、文章で答える問題は先生が採点します。読み取り専用のセルは"
                  "変えないでください。採点のときには元の内容に戻されます。"),
        "answer": "ここに答えを書いてください。",
    },
}


def check_lang(lang) -> str:
    if lang not in EDITIONS:
        raise ValueError(f"Received an invalid value for argument `lang`, expected one of "
                         f"{', '.join(map(repr, EDITIONS))}, got {lang!r}.")
    return lang


def text_stub(lang: str) -> str:
    """What nbgrader writes in place of a written answer (`ClearSolutions.text_stub`)."""
    return WORDS[check_lang(lang)]["answer"]


def code_stub(comment: str) -> str:
    """What nbgrader writes in place of a code solution (`ClearSolutions.code_stub`):
    the book's stub, its comment line and `raise NotImplementedError`."""
    return f"{comment}\nraise NotImplementedError"


class ClassroomPage(Page):
    """A page converted for an assignment: each assignment is a folder of its own,
    so references to other chapters are text (their titles), not links."""

    def link(self, text: str, docname: str) -> str:
        return text


# --------------------------------------------------------------------------
# The chapter as a sequence of pieces
# --------------------------------------------------------------------------

@dataclass
class Exercise:
    label: str
    source: str                                   # the whole ```{exercise} block, MyST
    pieces: list = field(default_factory=list)    # ("text", MyST) or ("code", source), in order
    solution: str | None = None                   # the solution's body, MyST

    @property
    def base(self) -> str:
        """The label without its language and kind: en-ex-from-scratch-step -> from-scratch-step."""
        return re.sub(r"^(?:en|ja)-ex-", "", self.label)


def _fence_source(lines: list[str], start: int, end: int) -> str:
    return "\n".join(lines[start:end])


def chapter_parts(nb) -> tuple[str | None, list[Exercise]]:
    """The set-up cell (the chapter's first code cell) and the exercises of the
    notebook `nb` (a chapter read with jupytext), each with the text and code
    between it and the next exercise, and its solution's body."""
    setup = None
    exercises: list[Exercise] = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            if setup is None:
                setup = cell.source
            elif exercises and exercises[-1].solution is None:
                exercises[-1].pieces.append(("code", cell.source))
            continue
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.split("\n")
        for start, end, tok in blocks(cell.source):
            found = directive(tok) if tok.type in ("fence", "colon_fence") else None
            if found and found[0] == "exercise":
                exercises.append(Exercise(label=str(found[2].get("label", "")),
                                          source=_fence_source(lines, start, end)))
            elif found and found[0] == "solution":
                owner = next((ex for ex in exercises if ex.label == found[1]), None)
                if owner is not None:
                    owner.solution = found[3]
            elif exercises and exercises[-1].solution is None:
                pieces = exercises[-1].pieces
                text = _fence_source(lines, start, end)
                if pieces and pieces[-1][0] == "text":
                    pieces[-1] = ("text", pieces[-1][1] + "\n\n" + text)
                else:
                    pieces.append(("text", text))
    return setup, exercises


# --------------------------------------------------------------------------
# Stubs, checks and solutions, read with `ast`
# --------------------------------------------------------------------------

def _is_docstring(stmt) -> bool:
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) \
        and isinstance(stmt.value.value, str)


def _raises_not_implemented(stmt) -> bool:
    if not isinstance(stmt, ast.Raise) or stmt.exc is None:
        return False
    exc = stmt.exc.func if isinstance(stmt.exc, ast.Call) else stmt.exc
    return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"


def stub_name(stmt) -> str | None:
    """The name a stub statement leaves for the student to write: a function whose
    body (after its docstring) only raises `NotImplementedError`, or ``name = ...``."""
    if isinstance(stmt, ast.FunctionDef):
        body = stmt.body[1:] if _is_docstring(stmt.body[0]) else stmt.body
        if len(body) == 1 and _raises_not_implemented(body[0]):
            return stmt.name
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
            and isinstance(stmt.value, ast.Constant) and stmt.value.value is Ellipsis:
        return stmt.targets[0].id
    return None


def check_call(stmt) -> tuple[str, str] | None:
    """(check, name) of an expression statement ``lstm.checks.check_x(name, ...)``."""
    if not isinstance(stmt, ast.Expr) or not isinstance(stmt.value, ast.Call):
        return None
    call = stmt.value
    if ast.unparse(call.func).rpartition(".")[0] != CHECK_MODULE or not call.args:
        return None
    check = call.func.attr if isinstance(call.func, ast.Attribute) else ""
    if not check.startswith("check_") or not isinstance(call.args[0], ast.Name):
        return None
    return check, call.args[0].id


def _lines_of(source: str, stmt) -> str:
    """The whole lines of `source` that `stmt` spans (its comments on them included)."""
    return "\n".join(source.split("\n")[stmt.lineno - 1:stmt.end_lineno])


def _header_end(source: str, fn: ast.FunctionDef) -> int:
    """The (1-based) line of the colon that ends the header of `fn`."""
    depth = 0
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    started = False
    for tok in tokens:
        if tok.start[0] < fn.lineno:
            continue
        if tok.type == tokenize.NAME and tok.string == "def":
            started = True
        elif started and tok.type == tokenize.OP:
            if tok.string in "([{":
                depth += 1
            elif tok.string in ")]}":
                depth -= 1
            elif tok.string == ":" and depth == 0:
                return tok.start[0]
    return fn.lineno


def _body_start(source: str, fn: ast.FunctionDef) -> int:
    """The number of lines of `source` up to the end of `fn`'s header and docstring."""
    if _is_docstring(fn.body[0]):
        return fn.body[0].end_lineno
    return _header_end(source, fn)


def python_blocks(markdown: str) -> list[str]:
    """The fenced Python blocks of a solution's MyST body, at any depth (a list item too),
    without the indentation of their list item."""
    return [textwrap.dedent(tok.content) for tok in parse(markdown)
            if tok.type == "fence" and tok.info.strip() in PYTHON_INFOS]


def defined_names(code: str) -> set[str]:
    """The names that the top-level statements of `code` define (functions, assignments)."""
    try:
        tree = ast.parse(textwrap.dedent(code))
    except SyntaxError:
        return set()
    names = set()
    for stmt in tree.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(stmt.name)
        elif isinstance(stmt, ast.Assign):
            names.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
    return names


def bound_names(code: str) -> set[str]:
    """The names the imports of `code` bind (`import numpy as np` -> np)."""
    names = set()
    for stmt in ast.parse(code).body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).split(".")[0] for alias in stmt.names)
    return names


class ConversionError(ValueError):
    """The book's exercises cannot be turned into nbgrader cells (a solution is
    missing or has a form the converter does not know)."""


def _stub(stub_source: str):
    """The one stub statement of `stub_source` (the lines of a stub)."""
    body = ast.parse(stub_source).body
    if len(body) != 1 or stub_name(body[0]) is None:
        raise ConversionError(f"not a stub: {stub_source!r}")
    return body[0]


def answer_source(stub_source: str, solution: str, *, given: set[str] = frozenset()) -> str:
    """The autograded answer cell of the stub `stub_source` (the lines of one stub
    statement) answered by the solution block `solution`: a function stub's header
    and docstring, then the solution's body between nbgrader's markers, indented as
    the stub's body; a value stub's line (it names the variable), then the
    solution's assignment between the markers. The solution's imports that the
    set-up does not give (`given`: the names it binds) come first, outside the markers."""
    stub = _stub(stub_source)
    name = stub_name(stub)
    tree = ast.parse(solution)
    imports, answer = [], None
    for stmt in tree.body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            if not {(a.asname or a.name).split(".")[0] for a in stmt.names} <= set(given):
                imports.append(_lines_of(solution, stmt))
        elif answer is None and isinstance(stmt, type(stub)) \
                and name in defined_names(_lines_of(solution, stmt)):
            answer = stmt
        else:
            raise ConversionError(f"the solution of `{name}` holds a statement the converter cannot "
                                  f"place in an answer cell: {_lines_of(solution, stmt)!r}")
    if answer is None:
        raise ConversionError(f"no statement of the solution defines `{name}` as its stub does")
    lines = stub_source.split("\n")
    if isinstance(stub, ast.FunctionDef):
        if ast.dump(stub.args) != ast.dump(answer.args):
            raise ConversionError(f"the solution of `{name}` has another signature than its stub")
        indent = " " * stub.body[-1].col_offset
        body_lines = solution.split("\n")[_body_start(solution, answer):answer.end_lineno]
        body = textwrap.indent(textwrap.dedent("\n".join(body_lines)).strip("\n"), indent,
                               lambda line: line.strip() != "")
        head = lines[:_body_start(stub_source, stub)]
    else:
        indent, body, head = "", _lines_of(solution, answer), lines
    if imports:
        imports += ["", ""]
    return "\n".join(imports + head + [indent + BEGIN, body, indent + END])


def stub_comment(stub_source: str) -> str | None:
    """The comment line of a function stub ("# Write your code here, ..."), or None."""
    stub = _stub(stub_source)
    if not isinstance(stub, ast.FunctionDef):
        return None
    lines = stub_source.split("\n")[_body_start(stub_source, stub):stub.end_lineno]
    comments = [line.strip() for line in lines if line.strip().startswith("#")]
    return comments[-1] if comments else None


# --------------------------------------------------------------------------
# Cells
# --------------------------------------------------------------------------

def nbgrader_metadata(grade_id: str, *, grade=False, solution=False, locked=False, points=None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked,
            "schema_version": SCHEMA_VERSION, "solution": solution, "task": False}
    if grade:
        meta["points"] = points
    return meta


def _cell(kind: str, source: str, **nbgrader):
    import nbformat

    cell = nbformat.v4.new_code_cell(source) if kind == "code" else nbformat.v4.new_markdown_cell(source)
    if nbgrader:
        cell.metadata["nbgrader"] = nbgrader_metadata(**nbgrader)
    return cell


def tests_source(call_source: str) -> str:
    """The autograder tests cell of a check call: run it, assert its result (a wrong
    answer fails with the check's message and hint), show it when it passed.

    The result is shown with `display`, not as the cell's value: nbgrader reads an
    autograder cell's value as partial credit."""
    return (f"check_result = {call_source}\n"
            "assert check_result, check_result.message\n"
            "display(check_result)")


@dataclass
class Assignment:
    """An assignment's source notebook and what it grades."""
    name: str
    notebook: object
    graded: list = field(default_factory=list)    # (grade_id, kind "check"/"written", points, check)
    stub_comments: set = field(default_factory=set)
    problems: list = field(default_factory=list)

    @property
    def points(self) -> float:
        return sum(points for _id, _kind, points, _check in self.graded)


def _points(n: int) -> float:
    share = POINTS / n
    return int(share) if float(share).is_integer() else round(share, 2)


def _exercise_cells(exercise: Exercise, page: Page, given: set[str], assignment: Assignment) -> list:
    base = exercise.base
    cells = [_cell("markdown", convert_markdown(exercise.source, page).strip(),
                   grade_id=f"{base}-text", locked=True)]
    # The code between the exercise and its solution: stubs, checks, the rest.
    stubs: dict[str, tuple[str, object]] = {}
    plan = []  # ("answer", name) / ("check", check, name, call source) / ("code", source) / ("text", md)
    for kind, source in exercise.pieces:
        if kind == "text":
            plan.append(("text", source))
            continue
        try:
            tree = ast.parse(source)
        except SyntaxError as err:
            raise ConversionError(f"{exercise.label}: a code cell that does not parse: {err}") from err
        named = [(stub_name(stmt), check_call(stmt), stmt) for stmt in tree.body]
        if not named or any(name is None and check is None for name, check, _ in named):
            plan.append(("code", source))
            continue
        for name, check, stmt in named:
            if name is not None:
                stubs[name] = _lines_of(source, stmt)
                plan.append(("answer", name))
            else:
                plan.append(("check", check[0], check[1], ast.get_source_segment(source, stmt.value)))
    checked = [step[2] for step in plan if step[0] == "check"]
    blocks_ = python_blocks(exercise.solution or "")
    open_part = exercise.solution is not None and (
        not checked or any(not (defined_names(block) & set(checked)) for block in blocks_))
    n_graded = len(checked) + (1 if open_part else 0)
    if exercise.solution is None:
        raise ConversionError(f"{exercise.label}: the exercise has no solution")
    for k, step in enumerate(plan):
        if step[0] == "text":
            cells.append(_cell("markdown", convert_markdown(step[1], page).strip(),
                               grade_id=f"{base}-note-{k}", locked=True))
        elif step[0] == "code":
            cells.append(_cell("code", step[1], grade_id=f"{base}-given-{k}", locked=True))
        elif step[0] == "answer":
            name = step[1]
            if name not in checked:
                raise ConversionError(f"{exercise.label}: the stub `{name}` is checked by no call "
                                      f"of {CHECK_MODULE}")
            solution = next((b for b in blocks_ if name in defined_names(b)), None)
            if solution is None:
                raise ConversionError(f"{exercise.label}: no block of the solution defines `{name}`")
            comment = stub_comment(stubs[name])
            if comment:
                assignment.stub_comments.add(comment)
            try:
                source = answer_source(stubs[name], solution, given=given)
            except ConversionError as err:
                raise ConversionError(f"{exercise.label}: {err}") from err
            cells.append(_cell("code", source, grade_id=f"{base}-{name}", solution=True))
        else:
            _, check, name, call = step
            if name not in stubs:
                raise ConversionError(f"{exercise.label}: `{check}({name}, ...)` follows no stub of `{name}`")
            grade_id, points = f"{base}-check-{name}", _points(n_graded)
            cells.append(_cell("code", tests_source(call), grade_id=grade_id, grade=True,
                               locked=True, points=points))
            assignment.graded.append((grade_id, "check", points, check))
    if open_part:
        note = ClassroomPage(index=page.index, docname=page.docname, glue=page.glue,
                             glue_folder=page.glue_folder)
        markdown = convert_markdown(exercise.solution, note).strip()
        if note.attachments:
            raise ConversionError(f"{exercise.label}: a solution with a figure cannot be a grading note "
                                  "(nbgrader would hand the figure out)")
        page.problems.extend(note.problems)
        grade_id, points = f"{base}-written", _points(n_graded)
        cells.append(_cell("markdown", markdown, grade_id=grade_id, grade=True, solution=True,
                           points=points))
        assignment.graded.append((grade_id, "written", points, None))
    return cells


def assignment_notebook(nb, docname: str, *, index: BookIndex, glue_folder: Path | None = None,
                        name: str | None = None) -> Assignment:
    """The nbgrader source notebook of the chapter `nb` (read with jupytext from
    `docname`'s MyST source), numbered by `index`, glued values from `glue_folder`.

    Raises `ConversionError` when an exercise cannot be converted; references the
    converter could not resolve (unknown labels, missing glued values) are
    listed in the result's `problems`.
    """
    import nbformat

    lang = index.lang(docname)
    name = name or docname.rsplit("/", 1)[-1]
    page = ClassroomPage(index=index, docname=docname, glue=load_glue(glue_folder, docname),
                         glue_folder=glue_folder)
    setup, exercises = chapter_parts(nb)
    assignment = Assignment(name=name, notebook=None)
    if not exercises:
        raise ConversionError(f"{docname}: the chapter has no exercise")
    if docname not in index.chapters:
        raise ConversionError(f"{docname}: not a numbered chapter of the build's book-index.json")
    words = WORDS[lang]
    title = words["title"].format(number=index.chapters[docname], title=index.titles.get(docname, name))
    cells = [_cell("markdown", f"# {title}\n\n{words['intro'].format(answer=words['answer'])}",
                   grade_id="title", locked=True)]
    given = set()
    if setup is not None:
        cells.append(_cell("code", setup, grade_id="setup", locked=True))
        given = bound_names(setup)
    for exercise in exercises:
        if exercise.label not in index.labels:
            raise ConversionError(f"{exercise.label}: not in the build's book-index.json "
                                  "(is the build older than the chapter? run `make book`)")
        cells.extend(_exercise_cells(exercise, page, given, assignment))
    new = nbformat.v4.new_notebook()
    new.metadata = copy.deepcopy(dict(nb.metadata))
    new.metadata.pop("jupytext", None)
    new.metadata["language_info"] = {"name": "python"}
    new.metadata["lstm_edition"] = "classroom"
    new.metadata["lstm_lang"] = lang
    new.cells = cells
    assignment.notebook = new
    assignment.problems = page.problems
    return assignment
