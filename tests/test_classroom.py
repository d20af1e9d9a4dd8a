"""nbgrader assignments from the book's exercises (`make classroom`, tools/classroom.py).

The converter (`book/_ext/student_core/classroom.py`) is tested without a build:
on small hand-written chapters, and on every real chapter, whose answer cells
are run through the checks (the book's solution must pass; the notebook as
nbgrader's own `ClearSolutions` hands it out must give back the book's stubs
and report "not yet answered"). The tests marked `build` and `slow` run nbgrader
itself, as a teacher does, on a small course made from the session's book
build: `generate_assignment`, `autograde` of three submissions (the source
notebook, the released notebook unchanged, one typical mistake),
`generate_feedback` and `export`, in English and in Japanese.
"""

from __future__ import annotations

import ast
import copy
import csv
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jupytext
import nbformat
import pytest

import classroom as tool  # tools/classroom.py (`pythonpath` in pyproject.toml)
from helpers import CHAPTERS, EDITIONS, FRONT_MATTER, ROOT, code_cells
from student_core import classroom
from student_core.book_index import BookIndex, Target, from_json, to_json

EXERCISE = re.compile(r"^(`{3,})\{exercise\}([^\n]*)\n:label: (\S+)\n", re.M)
CHECK_CALL = re.compile(r"^lstm\.checks\.check_\w+\(.*\)$", re.M)


def nbgrader_kind(cell) -> str:
    meta = cell.metadata.get("nbgrader", {})
    if meta.get("grade") and meta.get("solution"):
        return "written"
    if meta.get("solution"):
        return "answer"
    if meta.get("grade"):
        return "tests"
    return "locked" if meta.get("locked") else "plain"


def released(notebook, lang: str, comment: str):
    """The notebook as `nbgrader generate_assignment` hands it out: nbgrader's own
    `ClearSolutions` with the stubs that the course's nbgrader_config.py sets."""
    from nbgrader.preprocessors import ClearSolutions

    clear = ClearSolutions(code_stub={"python": classroom.code_stub(comment)},
                           text_stub=classroom.text_stub(lang))
    nb, _ = clear.preprocess(copy.deepcopy(notebook), {})
    return nb


# --------------------------------------------------------------------------
# The converter on small chapters
# --------------------------------------------------------------------------

CHAPTER = FRONT_MATTER + '''
(en-a)=
# Chapter A

```{code-cell} ipython3
import lstm
import numpy as np

LANG = "en"
```

Some text that the assignment leaves out.

```{code-cell} ipython3
print("a cell of the chapter, not of an exercise")
```

(en-a-exercises)=
## Exercises

```{exercise} Write it
:label: en-ex-a-write

Write `double(x)`, which returns `2 * x`, then give `n`, see {doc}`b`.
```

```{code-cell} ipython3
def double(x):
    """Return 2 * x."""
    # Write your code here, in place of the next line.
    raise NotImplementedError
```

```{code-cell} ipython3
lstm.checks.check_double(double, lang="en")
```

```{code-cell} ipython3
n = ...  # your number
lstm.checks.check_number(n, expected=4, lang="en")
```

A demonstration:

```{code-cell} ipython3
print(double)
```

````{solution} en-ex-a-write
:label: en-sol-a-write
:class: dropdown

```python
import math


def double(x):
    """Return 2 * x."""
    y = 2 * x  # twice

    return y
```

and

```python
n = 2 + 2
```
````

```{exercise} Think
:label: en-ex-a-think

Why?
```

````{solution} en-ex-a-think
:label: en-sol-a-think
:class: dropdown

Because **{doc}`b`** says so.

```python
print("an experiment")
```
````
'''


def small_index() -> BookIndex:
    index = BookIndex(root=ROOT)
    index.chapters = {"book/en/a": "4", "book/en/b": "5"}
    index.titles = {"book/en/a": "Chapter A", "book/en/b": "Chapter B"}
    index.labels = {"en-ex-a-write": Target("book/en/a", "exercise", "4.1", "Write it"),
                    "en-ex-a-think": Target("book/en/a", "exercise", "4.2", "Think")}
    return index


def convert(text: str = CHAPTER, index: BookIndex | None = None) -> classroom.Assignment:
    return classroom.assignment_notebook(jupytext.reads(text, fmt="md:myst"), "book/en/a",
                                         index=index or small_index())


def test_exercises_become_nbgrader_cells():
    assignment = convert()
    cells = assignment.notebook.cells
    kinds = [(nbgrader_kind(cell), cell.metadata["nbgrader"]["grade_id"]) for cell in cells]
    assert kinds == [
        ("locked", "title"), ("locked", "setup"),
        ("locked", "a-write-text"), ("answer", "a-write-double"), ("tests", "a-write-check-double"),
        ("answer", "a-write-n"), ("tests", "a-write-check-n"),
        ("locked", "a-write-note-4"), ("locked", "a-write-given-5"),
        ("locked", "a-think-text"), ("written", "a-think-written"),
    ]
    title, setup = cells[0].source, cells[1].source
    assert title.startswith("# Exercises of chapter 4: Chapter A\n")
    assert setup == 'import lstm\nimport numpy as np\n\nLANG = "en"'
    assert "not of an exercise" not in "".join(cell.source for cell in cells)
    assert "Some text" not in "".join(cell.source for cell in cells)
    assert cells[2].source == ("### Exercise 4.1 (Write it)\n\n"
                               "Write `double(x)`, which returns `2 * x`, then give `n`, see Chapter B.")
    # The book's solution between nbgrader's markers, under the stub's docstring;
    # the import that the set-up does not give comes first.
    assert cells[3].source == (
        'import math\n\n\n'
        'def double(x):\n    """Return 2 * x."""\n'
        '    ### BEGIN SOLUTION\n    y = 2 * x  # twice\n\n    return y\n    ### END SOLUTION')
    assert cells[4].source == ('check_result = lstm.checks.check_double(double, lang="en")\n'
                               'assert check_result, check_result.message\n'
                               'display(check_result)')
    assert cells[5].source == "n = ...  # your number\n### BEGIN SOLUTION\nn = 2 + 2\n### END SOLUTION"
    assert cells[6].source.startswith("check_result = lstm.checks.check_number(n, expected=4, lang=\"en\")\n")
    assert cells[8].source == "print(double)"
    # The written answer's grading note is the solution, references as text.
    assert cells[10].source.startswith("Because **Chapter B** says so.")
    assert cells[10].cell_type == "markdown"
    assert assignment.problems == []


def test_points_every_exercise_the_same_shared_among_its_graded_cells():
    assignment = convert()
    assert [(grade_id, kind, points) for grade_id, kind, points, _ in assignment.graded] == [
        ("a-write-check-double", "check", 1), ("a-write-check-n", "check", 1),
        ("a-think-written", "written", classroom.POINTS)]
    assert assignment.points == 2 * classroom.POINTS
    for cell in assignment.notebook.cells:
        meta = cell.metadata["nbgrader"]
        assert ("points" in meta) == meta["grade"]


def test_a_checked_exercise_with_an_experiment_also_gets_a_written_answer():
    text = CHAPTER.replace("```python\nn = 2 + 2\n```", "```python\nn = 2 + 2\n```\n\n```python\nprint(n)\n```")
    graded = [(grade_id, kind, points) for grade_id, kind, points, _ in convert(text).graded]
    assert graded[:3] == [("a-write-check-double", "check", 0.67), ("a-write-check-n", "check", 0.67),
                          ("a-write-written", "written", 0.67)]


def test_source_notebook_is_valid_for_nbgrader_and_released_notebook_gives_back_the_stubs():
    from nbgrader.nbgraderformat import MetadataValidator

    assignment = convert()
    MetadataValidator().validate_nb(assignment.notebook)
    assert assignment.stub_comments == {"# Write your code here, in place of the next line."}
    nb = released(assignment.notebook, "en", "# Write your code here, in place of the next line.")
    by_id = {cell.metadata["nbgrader"]["grade_id"]: cell.source for cell in nb.cells}
    assert by_id["a-write-double"] == (
        'import math\n\n\ndef double(x):\n    """Return 2 * x."""\n'
        "    # Write your code here, in place of the next line.\n    raise NotImplementedError")
    assert by_id["a-write-n"] == ("n = ...  # your number\n"
                                  "# Write your code here, in place of the next line.\nraise NotImplementedError")
    assert by_id["a-think-written"] == "Write your answer here."
    assert "y = 2 * x" not in by_id["a-write-double"] and "Because" not in by_id["a-think-written"]


@pytest.mark.parametrize(("change", "message"), [
    (("```python\nn = 2 + 2\n```", "Nothing."), "no block of the solution defines `n`"),
    (('def double(x):\n    """Return 2 * x."""\n    y', 'def double(x, y=1):\n    """Return 2 * x."""\n    y'),
     "another signature"),
    (("```python\nn = 2 + 2\n```", "```python\nn = 2 + 2\nprint(n)\n```"), "cannot place"),
    (("lstm.checks.check_double(double, lang=\"en\")", "print(1)"), "checked by no call"),
    (("````{solution} en-ex-a-think", "````{solution} en-ex-a-other"), "has no solution"),
])
def test_exercises_that_cannot_be_converted_are_named(change, message):
    with pytest.raises(classroom.ConversionError, match=re.escape(message)):
        convert(CHAPTER.replace(*change))


def test_a_build_older_than_the_chapter_is_an_error():
    index = small_index()
    del index.labels["en-ex-a-think"]
    with pytest.raises(classroom.ConversionError, match="run `make book`"):
        convert(index=index)


def test_book_index_round_trips_through_json():
    index = small_index()
    again = from_json(to_json(index), ROOT)
    assert (again.chapters, again.titles, again.labels) == (index.chapters, index.titles, index.labels)


# --------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------

def test_unknown_language_is_a_value_error_naming_the_argument(tmp_path):
    with pytest.raises(ValueError, match=r"argument `lang`, expected one of 'en', 'ja', got 'fr'"):
        tool.build_assignments("fr", tmp_path)


def test_missing_build_is_a_value_error_that_says_what_to_run(tmp_path, capsys):
    with pytest.raises(ValueError, match=r"argument `build`, expected the folder of a finished `make book`"
                                         r".*got '.*nothing', which lacks book-index.json and jupyter_execute:"):
        tool.build_assignments("en", tmp_path / "nothing")
    assert tool.main(["--build", str(tmp_path / "nothing"), "--out", str(tmp_path / "course")]) == 2
    assert "run `make book` first" in capsys.readouterr().err
    assert not (tmp_path / "course").exists()


def test_unknown_chapter_is_a_value_error_naming_the_argument(tmp_path):
    (tmp_path / "jupyter_execute").mkdir()
    (tmp_path / "book-index.json").write_text(to_json(source_index("en")), encoding="utf-8")
    with pytest.raises(ValueError, match=r"argument `chapters`, expected names of chapters with "
                                         r"exercises \(digits, .*\), got \['introduction'\]"):
        tool.build_assignments("en", tmp_path, ["introduction"])


# --------------------------------------------------------------------------
# Every real chapter, without a build
# --------------------------------------------------------------------------

def source_index(lang: str) -> BookIndex:
    """The numbers a build gives, from the sources: chapters in _toc.yml's order,
    exercises in each chapter's order (the build test uses the real ones)."""
    index = BookIndex(root=ROOT)
    for number, name in enumerate(CHAPTERS[lang], 1):
        docname = f"book/{lang}/{name}"
        text = (ROOT / f"{docname}.md").read_text(encoding="utf-8")
        index.chapters[docname] = str(number)
        index.titles[docname] = re.search(r"^# (.+)$", text, re.M)[1]
        for k, match in enumerate(EXERCISE.finditer(text), 1):
            index.labels[match[3]] = Target(docname, "exercise", f"{number}.{k}", match[2].strip())
    return index


def real_assignments(lang: str) -> dict[str, classroom.Assignment]:
    index = source_index(lang)
    names = tool.chapters_with_exercises(index, lang)
    return {name: classroom.assignment_notebook(jupytext.read(ROOT / f"book/{lang}/{name}.md"),
                                                f"book/{lang}/{name}", index=index)
            for name in names}


REAL = {lang: real_assignments(lang) for lang in EDITIONS}


def test_every_chapter_with_exercises_is_an_assignment():
    for lang in EDITIONS:
        with_exercises = [name for name in CHAPTERS[lang]
                          if "{exercise}" in (ROOT / f"book/{lang}/{name}.md").read_text(encoding="utf-8")
                          and name != "teaching"]
        assert list(REAL[lang]) == with_exercises
        for name, assignment in REAL[lang].items():
            text = (ROOT / f"book/{lang}/{name}.md").read_text(encoding="utf-8")
            assert assignment.points == classroom.POINTS * len(EXERCISE.findall(text)), name


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_check_of_the_book_is_an_autograded_cell(lang):
    """Each `lstm.checks.check_...(...)` call of a chapter's exercises is one tests cell."""
    for name, assignment in REAL[lang].items():
        text = (ROOT / f"book/{lang}/{name}.md").read_text(encoding="utf-8")
        calls = [line for cell in code_cells(text) for line in CHECK_CALL.findall(cell)
                 if re.match(r"lstm\.checks\.check_\w+\((\w+)", line)[1] in defined_stubs(text)]
        tests = [cell.source.split("\n")[0].removeprefix("check_result = ")
                 for cell in assignment.notebook.cells if nbgrader_kind(cell) == "tests"]
        assert tests == calls, name
        assert all(f'lang="{lang}"' in call for call in calls)


def defined_stubs(text: str) -> set[str]:
    names = set()
    for cell in code_cells(text):
        for stmt in ast.parse(cell).body:
            if classroom.stub_name(stmt):
                names.add(classroom.stub_name(stmt))
    return names


def test_both_languages_grade_alike():
    """The same assignments, cells, grade ids and points in English and Japanese,
    and the same code in the answers and tests (strings and comments aside)."""
    assert list(REAL["en"]) == list(REAL["ja"])
    for name in REAL["en"]:
        en, ja = REAL["en"][name], REAL["ja"][name]
        assert en.graded == ja.graded, name
        assert [(c.cell_type, c.metadata["nbgrader"]) for c in en.notebook.cells] == \
            [(c.cell_type, c.metadata["nbgrader"]) for c in ja.notebook.cells], name
        for a, b in zip(en.notebook.cells, ja.notebook.cells):
            if a.cell_type == "code":
                assert same_code(a.source, b.source), (name, a.source, b.source)


def same_code(a: str, b: str) -> bool:
    """Equal code up to string constants and comments."""
    def shape(source):
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                node.value = ""
        return ast.dump(tree)
    return shape(a) == shape(b)


@pytest.mark.parametrize("lang", EDITIONS)
def test_answers_pass_their_checks_and_released_notebooks_are_unanswered(lang):
    """Run every assignment's set-up, answers and tests cells in this process: with
    the book's solutions every tests cell passes; as nbgrader hands the notebook
    out (its own ClearSolutions), every answer cell is the book's stub again and
    every tests cell fails with the check's "not yet answered"."""
    import lstm.checks.messages as messages

    unanswered = messages.text(lang, "head_unanswered")
    shown = []
    comments = set().union(*(a.stub_comments for a in REAL[lang].values()))
    assert len(comments) == 1
    stubs_of_book = set()
    for name in REAL[lang]:
        text = (ROOT / f"book/{lang}/{name}.md").read_text(encoding="utf-8")
        for cell in code_cells(text):
            for stmt in ast.parse(cell).body:
                if classroom.stub_name(stmt):
                    stubs_of_book.add("\n".join(cell.split("\n")[stmt.lineno - 1:stmt.end_lineno]))
    for name, assignment in REAL[lang].items():
        for notebook, answered in ((assignment.notebook, True),
                                   (released(assignment.notebook, lang, next(iter(comments))), False)):
            namespace = {"display": shown.append}
            for cell in notebook.cells:
                kind = nbgrader_kind(cell)
                if cell.cell_type != "code" or kind == "locked" and cell.metadata["nbgrader"]["grade_id"] != "setup":
                    continue
                if kind == "answer" and not answered:  # the book's stub, as the student edition has it
                    stub = classroom.code_stub(next(iter(comments)))
                    assert cell.source in stubs_of_book \
                        or cell.source.removesuffix("\n" + stub) in stubs_of_book, cell.source
                try:
                    exec(compile(cell.source, f"{name}:{cell.metadata['nbgrader']['grade_id']}", "exec"),
                         namespace)
                except NotImplementedError:
                    assert kind == "answer" and not answered
                except AssertionError as err:
                    assert kind == "tests" and not answered, f"{name}: {err}"
                    assert str(err).startswith(unanswered), str(err)
                else:
                    assert kind != "tests" or answered, f"{name}: {cell.source} passed unanswered"
    assert shown and all(result.passed for result in shown)


# --------------------------------------------------------------------------
# The course's nbgrader_config.py and `make classroom`
# --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", EDITIONS)
def test_course_config_sets_the_books_stubs_and_a_timeout(lang, tmp_path):
    from traitlets.config import Config

    assignments = list(REAL[lang].values())[:2]
    tool.write_course(assignments, tmp_path, lang)
    config = Config()
    exec((tmp_path / "nbgrader_config.py").read_text(encoding="utf-8"), {"get_config": lambda: config})
    comment = next(iter(assignments[0].stub_comments | assignments[1].stub_comments))
    assert config.ClearSolutions.code_stub == {"python": f"{comment}\nraise NotImplementedError"}
    assert config.ClearSolutions.text_stub == classroom.WORDS[lang]["answer"]
    assert config.Execute.timeout == tool.CELL_TIMEOUT > 30
    assert config.CourseDirectory.course_id == f"lstm-from-scratch-{lang}"
    for assignment in assignments:
        path = tmp_path / "source" / assignment.name / f"{assignment.name}.ipynb"
        assert nbformat.read(path, as_version=4) == assignment.notebook
    # A config the teacher changed (first line removed) is kept.
    mine = "c = get_config()\nc.Execute.timeout = 600\n"
    (tmp_path / "nbgrader_config.py").write_text(mine, encoding="utf-8")
    tool.write_course(assignments, tmp_path, lang)
    assert (tmp_path / "nbgrader_config.py").read_text(encoding="utf-8") == mine


@pytest.mark.parametrize(("args", "lang"), [((), "en"), (("EDITION=ja",), "ja")])
def test_make_classroom_runs_the_tool_in_the_chosen_language(args, lang):
    out = subprocess.run(["make", "-n", "classroom", *args], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    assert re.search(rf"^\S*python tools/classroom\.py --lang {lang}\b", out, re.M), out
    assert re.search(r"^\S*python tools/build_book\.py", out, re.M), out  # the book's numbers first


# --------------------------------------------------------------------------
# nbgrader itself, on a small course (the session's book build)
# --------------------------------------------------------------------------

SLIP = "tf.concat([h, x], axis=1)"  # the typical mistake: [h, x] joined in the wrong order


def teacher_env() -> dict[str, str]:
    """The environment of a teacher's shell before `. .venv/bin/activate`: no
    virtual environment on PATH (so nbgrader finds `alembic` only through it)."""
    venv = (ROOT / ".venv").absolute()
    path = [entry for entry in os.environ.get("PATH", "").split(os.pathsep)
            if entry and not Path(entry).absolute().is_relative_to(venv)
            and not Path(entry).resolve().is_relative_to(Path(sys.prefix).resolve())]
    env = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV",)}
    env["PATH"] = os.pathsep.join(path)
    return env


def teacher(command: str, course: Path) -> subprocess.CompletedProcess:
    """`command` run as the README says: the project's environment activated, in the course."""
    script = f". {ROOT / '.venv' / 'bin' / 'activate'} && cd {course} && {command}"
    return subprocess.run(["bash", "-c", script], env=teacher_env(), capture_output=True, text=True,
                          check=False)


def slip_notebook(source: Path, target: Path) -> None:
    """The source notebook with one mistake: `[h, x]` in the LSTM step's answer only."""
    nb = nbformat.read(source, as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id")
                == "from-scratch-step-lstm_step")
    assert "tf.concat([x, h], axis=1)" in cell.source
    cell.source = cell.source.replace("tf.concat([x, h], axis=1)", SLIP)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)


@pytest.mark.build
@pytest.mark.slow
@pytest.mark.parametrize("lang", EDITIONS)
def test_nbgrader_grades_a_small_course_with_the_books_checks(book_html, tmp_path, lang):
    from bs4 import BeautifulSoup
    from nbgrader.api import Gradebook

    import lstm
    import tensorflow as tf

    course = tmp_path / "course"
    # What `make classroom` runs (test_make_classroom_...), on the session's build, one chapter.
    made = subprocess.run([sys.executable, str(ROOT / "tools" / "classroom.py"), "--lang", lang,
                           "--build", str(book_html.parent), "--out", str(course),
                           "--chapters", "from-scratch"], capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stderr
    source = course / "source" / "from-scratch" / "from-scratch.ipynb"

    generated = teacher("nbgrader generate_assignment from-scratch", course)
    assert generated.returncode == 0, generated.stderr[-3000:]
    release = course / "release" / "from-scratch" / "from-scratch.ipynb"
    assert "BEGIN SOLUTION" not in release.read_text(encoding="utf-8")
    submitted = course / "submitted"
    for student, path in (("full", source), ("blank", release)):
        (submitted / student / "from-scratch").mkdir(parents=True)
        shutil.copyfile(path, submitted / student / "from-scratch" / "from-scratch.ipynb")
    slip_notebook(source, submitted / "slip" / "from-scratch" / "from-scratch.ipynb")

    start = time.perf_counter()
    graded = teacher("nbgrader autograde from-scratch", course)
    seconds = time.perf_counter() - start
    log = graded.stdout + graded.stderr
    assert graded.returncode == 0, log[-3000:]
    assert not re.search(r"\| (ERROR|WARNING)\]", log), log[-3000:]
    print(f"\nautograde ({lang}, 3 submissions of from-scratch): {seconds:.1f} s")
    assert seconds < 300

    feedback = teacher("nbgrader generate_feedback from-scratch", course)
    assert feedback.returncode == 0, feedback.stderr[-3000:]
    exported = teacher("nbgrader export", course)
    assert exported.returncode == 0, exported.stderr[-3000:]

    # Per cell, from nbgrader's gradebook.
    nb = nbformat.read(source, as_version=4)
    points = {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"]["points"]
              for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}
    checks = {grade_id for grade_id in points if "-check-" in grade_id}
    step_id = "from-scratch-step-check-lstm_step"
    assert step_id in checks and len(checks) >= 2  # the step, and at least one more (the article's cell)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {}
        for student in ("full", "blank", "slip"):
            notebook = gradebook.find_submission_notebook("from-scratch", "from-scratch", student)
            scores[student] = {grade.name: grade.auto_score for grade in notebook.grades}
    for grade_id in checks:
        assert scores["full"][grade_id] == points[grade_id]
    assert all(score == 0 for score in scores["blank"].values()), scores["blank"]
    assert scores["slip"][step_id] == 0  # exactly that exercise's points lost
    assert all(scores["slip"][grade_id] == points[grade_id] for grade_id in checks - {step_id})
    for student in ("full", "slip"):  # written answers wait for the teacher
        assert all(scores[student][g] is None for g in points if g.endswith("-written"))

    # The grade sheet.
    with open(course / "grades.csv", encoding="utf-8", newline="") as stream:
        rows = {row["student_id"]: row for row in csv.DictReader(stream)}
    total = sum(points.values())
    autograded = sum(points[g] for g in checks)
    step = points[step_id]
    assert set(rows) == {"full", "blank", "slip"}
    for student, score in (("full", autograded), ("blank", 0), ("slip", autograded - step)):
        assert rows[student]["assignment"] == "from-scratch"
        assert float(rows[student]["score"]) == score
        assert float(rows[student]["max_score"]) == total
    print((course / "grades.csv").read_text(encoding="utf-8"))

    # The feedback carries the check's own message, in the notebook's language.
    def feedback_text(student):
        html = course / "feedback" / student / "from-scratch" / "from-scratch.html"
        return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").get_text()

    def step(x, h, c, W, b, order=(0, 1)):
        xh = tf.concat([(x, h)[order[0]], (x, h)[order[1]]], axis=1)
        z, i, f, o = tf.split(xh @ W + b, 4, axis=-1)
        c_next = tf.sigmoid(f) * c + tf.sigmoid(i) * tf.tanh(z)
        return tf.sigmoid(o) * tf.tanh(c_next), c_next

    def slip_step(x, h, c, W, b):
        return step(x, h, c, W, b, order=(1, 0))

    expected = lstm.checks.check_lstm_step(slip_step, lang=lang)
    assert expected.key == "concat_order" and expected.hint
    text = feedback_text("slip")
    assert expected.problem in text and expected.hint in text
    other = "ja" if lang == "en" else "en"
    assert lstm.checks.check_lstm_step(slip_step, lang=other).hint not in text
    def lstm_step(x, h, c, W, b):  # as handed out
        raise NotImplementedError

    assert lstm.checks.check_lstm_step(lstm_step, lang=lang).message.split("\n")[0] in feedback_text("blank")
    # A right answer's message is shown as Markdown (`display`): code spans lose their backticks.
    assert lstm.checks.check_lstm_step(step, lang=lang).problem.replace("`", "") in feedback_text("full")


@pytest.mark.parametrize(("lang", "points", "timeout"), [("en", "worth {} points", "gives each cell {} seconds"),
                                                         ("ja", "どの練習問題も {} 点", "{} 秒に延ばしています")])
def test_teaching_chapter_documents_the_classroom_as_it_is(lang, points, timeout):
    """The commands, the points and the timeout that the teaching chapter states are the tool's."""
    text = (ROOT / "book" / lang / "teaching.md").read_text(encoding="utf-8")
    section = text[text.index(f"({lang}-teaching-classroom)="):]
    for command in ("make classroom ", "make classroom EDITION=ja", ". .venv/bin/activate",
                    "nbgrader generate_assignment from-scratch", "nbgrader autograde from-scratch",
                    "nbgrader export"):
        assert command in section, command
    assert points.format(classroom.POINTS) in section
    assert timeout.format(tool.CELL_TIMEOUT) in section
    assert classroom.WORDS[lang]["answer"] in section  # what students see in place of a written answer


def test_bad_language_on_the_command_line_is_a_clear_error(tmp_path, capsys):
    assert tool.main(["--lang", "fr", "--out", str(tmp_path / "course")]) == 2
    assert "argument `lang`, expected one of 'en', 'ja', got 'fr'" in capsys.readouterr().err
    assert not (tmp_path / "course").exists()
