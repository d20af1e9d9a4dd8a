"""Write an nbgrader course directory from the book's exercises (called by `make classroom`).

    python tools/classroom.py                 # English: _build/classroom/en/
    python tools/classroom.py --lang ja       # Japanese: _build/classroom/ja/
    python tools/classroom.py --chapters from-scratch backprop --out /srv/course

It reads a finished HTML build of the book (`make book`: the numbers in
`_build/book-index.json`, the glued values in `_build/jupyter_execute/`) and
the chapters' MyST sources, and writes:

- `nbgrader_config.py`: the course id, the stubs that nbgrader's
  `generate_assignment` writes in place of solutions (the book's own stub
  comment and `raise NotImplementedError`; "Write your answer here." or its
  Japanese), and the cell timeout of `autograde`;
- `source/<chapter>/<chapter>.ipynb` for every chapter with exercises: the
  nbgrader source notebook made by `book/_ext/student_core/classroom.py`
  (autograded answers checked by `lstm.checks`, written answers graded by
  hand), each checked with nbgrader's own metadata validator.

Then the teacher runs nbgrader itself, from the course directory, with the
project's environment on `PATH` (nbgrader runs the `alembic` command):

    . .venv/bin/activate
    cd _build/classroom/en
    nbgrader generate_assignment from-scratch     # release/from-scratch/: no solutions
    nbgrader autograde from-scratch               # submitted/<student>/from-scratch/
    nbgrader generate_feedback from-scratch
    nbgrader export                               # grades.csv
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).absolute().parent.parent
sys.path.insert(0, str(ROOT / "book" / "_ext"))

from student_core import classroom  # noqa: E402
from student_core.book_index import EDITIONS, INDEX_FILE, from_json  # noqa: E402

# nbgrader's autograde gives each cell 30 s by default. A check takes well under a
# second, but the set-up cell imports TensorFlow: 10-20 s on a busy two-core server.
CELL_TIMEOUT = 120
COURSE_ID = "lstm-from-scratch-{lang}"
CONFIG_MARKER = "# Written by `make classroom` (tools/classroom.py)"


def check_build(build) -> Path:
    """The build folder, or a `ValueError` that says what it lacks."""
    folder = Path(build)
    missing = [name for name in (INDEX_FILE, "jupyter_execute") if not (folder / name).exists()]
    if missing:
        raise ValueError(f"Received an invalid value for argument `build`, expected the folder of a "
                         f"finished `make book` (holding {INDEX_FILE} and jupyter_execute/), got "
                         f"{str(folder)!r}, which lacks {' and '.join(missing)}: run `make book` first.")
    return folder


def chapters_with_exercises(index, lang: str, root: Path = ROOT) -> list[str]:
    """The chapters of edition `lang` that have exercises, in the book's order."""
    prefix = EDITIONS[lang]
    names = []
    for docname, number in sorted(index.chapters.items(),
                                  key=lambda item: tuple(int(n) for n in item[1].split("."))):
        if not docname.startswith(prefix) or not index.exported(docname):
            continue
        path = root / f"{docname}.md"
        if path.is_file() and "{exercise}" in path.read_text(encoding="utf-8"):
            names.append(docname[len(prefix):])
    return names


def config_text(lang: str, stub_comment: str) -> str:
    """The course's `nbgrader_config.py`."""
    code_stub = classroom.code_stub(stub_comment)
    return "\n".join([
        CONFIG_MARKER + ": rewritten with the assignments.",
        "# Remove this first line to keep your own changes: `make classroom` then leaves the file alone.",
        "c = get_config()  # noqa: F821 (nbgrader defines get_config)",
        "",
        f"c.CourseDirectory.course_id = {COURSE_ID.format(lang=lang)!r}",
        "# generate_assignment writes the book's own stubs in place of the solutions.",
        f"c.ClearSolutions.code_stub = {{'python': {code_stub!r}}}",
        f"c.ClearSolutions.text_stub = {classroom.text_stub(lang)!r}",
        "# Seconds per cell in autograde (nbgrader's default is 30): the set-up cell imports",
        "# TensorFlow, which can take 10-20 s on a busy two-core server.",
        f"c.Execute.timeout = {CELL_TIMEOUT}",
        "",
    ])


def build_assignments(lang: str, build: Path, chapters=None, root: Path = ROOT):
    """The `classroom.Assignment` of each chapter of edition `lang` with exercises
    (or of `chapters`, by name), numbered by the build in `build`."""
    import jupytext

    lang = classroom.check_lang(lang)
    build = check_build(build)
    index = from_json((build / INDEX_FILE).read_text(encoding="utf-8"), root)
    available = chapters_with_exercises(index, lang, root)
    if chapters:
        unknown = [name for name in chapters if name not in available]
        if unknown:
            raise ValueError(f"Received an invalid value for argument `chapters`, expected names of "
                             f"chapters with exercises ({', '.join(available)}), got {unknown!r}.")
        available = [name for name in available if name in chapters]
    assignments = []
    for name in available:
        docname = EDITIONS[lang] + name
        nb = jupytext.read(root / f"{docname}.md")
        assignments.append(classroom.assignment_notebook(
            nb, docname, index=index, glue_folder=build / "jupyter_execute", name=name))
    return assignments


def write_course(assignments, out: Path, lang: str) -> list[Path]:
    """Write the course directory `out`: `nbgrader_config.py` and each assignment's
    source notebook, checked with nbgrader's metadata validator. Returns the notebooks."""
    import nbformat
    from nbgrader.nbgraderformat import SCHEMA_VERSION, MetadataValidator

    if SCHEMA_VERSION != classroom.SCHEMA_VERSION:
        raise RuntimeError(f"nbgrader's cell metadata schema is {SCHEMA_VERSION}, the converter writes "
                           f"{classroom.SCHEMA_VERSION}")
    problems = [f"{a.name}: {problem}" for a in assignments for problem in a.problems]
    comments = set().union(*(a.stub_comments for a in assignments))
    if len(comments) > 1:
        problems.append(f"the stubs of the chapters disagree on their comment: {sorted(comments)}")
    if problems:
        raise ValueError("the exercises cannot be written as nbgrader assignments:\n  "
                         + "\n  ".join(problems))
    validator = MetadataValidator()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for assignment in assignments:
        validator.validate_nb(assignment.notebook)  # raises nbgrader's ValidationError
        path = out / "source" / assignment.name / f"{assignment.name}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(assignment.notebook, path)
        written.append(path)
    config = out / "nbgrader_config.py"
    if not config.exists() or config.read_text(encoding="utf-8").startswith(CONFIG_MARKER):
        comment = next(iter(comments), "# " + classroom.WORDS[lang]["answer"])
        config.write_text(config_text(lang, comment), encoding="utf-8")
    else:
        print(f"kept {config} (its first line is not {CONFIG_MARKER!r})")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default="en", help="the edition: en (default) or ja")
    parser.add_argument("--build", default=str(ROOT / "_build"),
                        help="a finished `make book` (default: _build)")
    parser.add_argument("--out", default=None, help="the course directory (default: _build/classroom/<lang>)")
    parser.add_argument("--chapters", nargs="+", default=None,
                        help="only these chapters (file names without .md, e.g. from-scratch)")
    args = parser.parse_args(argv)
    out = Path(args.out or ROOT / "_build" / "classroom" / str(args.lang)).absolute()
    try:
        assignments = build_assignments(args.lang, Path(args.build), args.chapters)
        write_course(assignments, out, args.lang)
    except (ValueError, classroom.ConversionError) as err:
        print(f"make classroom: {err}", file=sys.stderr)
        return 2
    total = sum(a.points for a in assignments)
    print(f"nbgrader course ({args.lang}) in {out}: {len(assignments)} assignments, {total:g} points")
    for a in assignments:
        checks = sum(1 for _id, kind, _p, _c in a.graded if kind == "check")
        written = len(a.graded) - checks
        print(f"  source/{a.name}/{a.name}.ipynb: {a.points:g} points "
              f"({checks} autograded by lstm.checks, {written} graded by hand)")
    print("Then, with the project's environment on PATH (nbgrader runs `alembic`):\n"
          f"  . {ROOT / '.venv' / 'bin' / 'activate'}\n  cd {out}\n"
          f"  nbgrader generate_assignment {assignments[0].name if assignments else '<chapter>'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
