"""The student edition: the book without solutions, and its chapters as notebooks to hand out.

`tools/build_book.py --student` (`make student`) builds the book with
sphinx-exercise's `hide_solutions` into `_build/student/html` and exports the
chapters as notebooks into `_build/student/notebooks/{en,ja}/`
(`book/_ext/student_edition.py` converts them). The tests marked `build`
check the built editions (the teacher's build is conftest's `book_build`; the
student build runs once per session, after it, so its execution cache is
warm): every solution is in the teacher's edition, none anywhere in the
student's (pages, search index, `_sources/`, downloads, notebooks), and every
exported notebook runs top to bottom with its exercises left open, the checks
reporting "not yet answered". ``LSTM_STUDENT_EDITION=<folder>`` tests an
existing student edition instead of building it.

The tests without a mark check the converter and the teacher's page without
building anything.
"""

from __future__ import annotations

import base64
import collections
import difflib
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat
import pytest
from bs4 import BeautifulSoup

import bilingual  # book/_ext/ and tools/ are on sys.path (`pythonpath` in pyproject.toml)
import build_book
import student_edition as se
from helpers import CHAPTERS, EDITIONS, FRONT_MATTER, ROOT, code_cells

TEACHER_ONLY = set(se.TEACHER_ONLY)
EXPORTED = [(lang, name) for lang in EDITIONS for name in CHAPTERS[lang] if name not in TEACHER_ONLY]
SOLUTION = re.compile(r"^(`{3,})\{solution\}[^\n]*\n(.*?)^\1[ \t]*$", re.M | re.S)
EXERCISE = re.compile(r"^(`{3,})\{exercise\}([^\n]*)\n:label: (\S+)\n", re.M)
PYTHON_BLOCK = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
CHECK_LINE = re.compile(r"^lstm\.checks\.(check_\w+)\(", re.M)
# MyST that Jupyter would show as raw text.
MYST_LEFTOVERS = [
    ("a role", re.compile(r"\{[a-z][\w:.-]*\}`")),
    ("a directive", re.compile(r"^[`:]{3,}\{[\w:.-]+\}", re.M)),
    ("a target", re.compile(r"^\([\w-]+\)=\s*$", re.M)),
    ("a directive option", re.compile(r"^:(label|name|class|alt):", re.M)),
]


def source(lang: str, name: str) -> str:
    return (ROOT / "book" / lang / f"{name}.md").read_text(encoding="utf-8")


def solutions(text: str) -> list[str]:
    return [match[2] for match in SOLUTION.finditer(text)]


def without_solutions(text: str) -> str:
    return SOLUTION.sub("", text)


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------
# The converter and the teacher's page (no build)
# --------------------------------------------------------------------------

def fake_index() -> se.BookIndex:
    """The numbers a build gives PAGE_A and PAGE_A_JA as chapter 4 (`from_env` reads them)."""
    index = se.BookIndex(root=ROOT)
    index.chapters = {"book/en/a": "4", "book/en/b": "5", "book/ja/a": "4"}
    index.titles = {"book/en/a": "Chapter A", "book/en/b": "Chapter B", "book/ja/a": "章 A",
                    "book/en/teaching": "Teaching"}
    target = se.Target
    index.labels = {
        "en-a": target("book/en/a", "section", "4", "Chapter A"),
        "en-eq-a": target("book/en/a", "equation", "4.1"),
        "en-fig-a": target("book/en/a", "figure", "4.1", "The caption, with x_t."),
        "en-a-exercises": target("book/en/a", "section", "4.1", "Exercises"),
        "en-ex-a-write": target("book/en/a", "exercise", "4.1", "Write it"),
        "en-sol-a-write": target("book/en/a", "solution"),
        "en-ex-a-think": target("book/en/a", "exercise", "4.2", "Think"),
        "ja-a": target("book/ja/a", "section", "4", "章 A"),
        "ja-ex-a-write": target("book/ja/a", "exercise", "4.1", "書く"),
        "ja-sol-a-write": target("book/ja/a", "solution"),
        "en-ref-x": target("book/en/b", "target"),
    }
    return index


PAGE_A = """(en-a)=
# Chapter A

See {doc}`b`, {doc}`the other <b>`, {doc}`teaching`, {ref}`1997 <en-ref-x>`, {numref}`en-fig-a`,
{eq}`en-eq-a` and `code {doc}` kept; accuracy {glue:text}`acc:.3f` and {glue:text}`n`.

$$
c = f c + i z
$$ (en-eq-a)

```{glue:figure} fig-a
:alt: A picture [of] something
:name: en-fig-a

The caption, with $x_t$.
```

```{note}
Keep {glue:text}`n` in mind.
```

(en-a-exercises)=
## Exercises

```{exercise} Write it
:label: en-ex-a-write

Write `f(x)`, as in {eq}`en-eq-a`.
```

````{solution} en-ex-a-write
:label: en-sol-a-write
:class: dropdown

```python
def f(x):
    return SECRET_ANSWER
```
````

```{exercise} Think
:label: en-ex-a-think

Why? See {ref}`en-ex-a-write`.
```
"""

PAGE_A_JA = """(ja-a)=
# 章 A

```{exercise} 書く
:label: ja-ex-a-write

`f(x)` を書いてください。
```

````{solution} ja-ex-a-write
:label: ja-sol-a-write
:class: dropdown

秘密の解答
````
"""

GLUE = {
    "acc": {"data": {"text/plain": "0.98765"}},
    "n": {"data": {"text/plain": "128"}},
    "fig-a": {"data": {"text/plain": "<Figure>", "image/png": base64.b64encode(b"png").decode()}},
}


def convert(text: str, docname: str = "book/en/a") -> tuple[str, se.Page]:
    page = se.Page(index=fake_index(), docname=docname, glue=GLUE)
    return se.convert_markdown(text, page), page


def test_conversion_drops_solutions_and_turns_myst_into_markdown():
    out, page = convert(PAGE_A)
    assert "SECRET_ANSWER" not in out and "solution" not in out.lower()
    assert "### Exercise 4.1 (Write it)" in out and "### Exercise 4.2 (Think)" in out
    assert "See [Exercise 4.1]" not in out and "See Exercise 4.1." in out  # same page: plain text
    assert "See [Chapter B](b.ipynb), [the other](b.ipynb), Teaching, [1997](b.ipynb), Fig. 4.1," in out
    assert "(4.1) and `code {doc}` kept; accuracy 0.988 and 128." in out
    assert "$$\nc = f c + i z\n\\tag{4.1}\n$$" in out
    assert "Write `f(x)`, as in (4.1)." in out
    assert "![A picture (of) something](attachment:fig-a.png)" in out
    assert page.attachments == {"fig-a.png": {"image/png": GLUE["fig-a"]["data"]["image/png"]}}
    assert "**Fig. 4.1** The caption, with $x_t$." in out
    assert "> **Note**\n>\n> Keep 128 in mind." in out
    assert out.startswith("# Chapter A") and "## Exercises" in out
    for what, pattern in MYST_LEFTOVERS:
        assert not pattern.search(out.replace("`code {doc}`", "")), what
    assert page.problems == []


def test_conversion_in_japanese_and_problems_are_reported():
    out, page = convert(PAGE_A_JA, docname="book/ja/a")
    assert "### 練習 4.1 (書く)" in out and "秘密" not in out
    out, page = convert("{glue:text}`missing` and {ref}`nowhere` and {doc}`nothing`")
    assert page.problems == ["no glued value 'missing'", "unknown label 'nowhere'",
                             "unknown document 'nothing'"]


def test_student_notebook_keeps_code_cells_and_attaches_figures(tmp_path):
    nb = jupytext.reads(se_front_matter() + PAGE_A.replace(
        "(en-a-exercises)=", "```{code-cell} ipython3\nx = 1\n```\n\n(en-a-exercises)="), fmt="md:myst")
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="old output")]
    glue_folder = tmp_path / "jupyter_execute"
    (glue_folder / "book" / "en").mkdir(parents=True)
    (glue_folder / "book" / "en" / "a.glue.json").write_text(json.dumps(GLUE), encoding="utf-8")
    new, problems = se.to_student_notebook(nb, "book/en/a", index=fake_index(), glue_folder=glue_folder)
    assert problems == []
    nbformat.validate(new)
    kinds = [cell.cell_type for cell in new.cells]
    assert kinds == ["markdown", "code", "markdown"]
    assert new.cells[1].source == "x = 1" and new.cells[1].outputs == []
    assert "fig-a.png" in new.cells[0].attachments
    assert "SECRET_ANSWER" not in json.dumps(new)


def se_front_matter() -> str:
    return FRONT_MATTER + "\n"


def checked_exercises(lang: str) -> list[tuple[str, str, str, str]]:
    """(chapter, exercise label, exercise title, check) for every check call in the chapters."""
    found = []
    for name in CHAPTERS[lang]:
        text = source(lang, name)
        exercises = [(m.start(), m[3], m[2].strip()) for m in EXERCISE.finditer(text)]
        for match in CHECK_LINE.finditer(text):
            _, label, title = max((e for e in exercises if e[0] < match.start()), default=(0, "", ""))
            row = (name, label, title, match[1])
            if row not in found:
                found.append(row)
    return found


@pytest.mark.parametrize("lang", EDITIONS)
def test_teaching_page_lists_every_exercise_that_checks_itself(lang):
    text = source(lang, "teaching")
    rows = re.findall(r"^\| \{ref\}`([\w-]+)`(?:：|: )(.+?) \| `(check_\w+)` \|", text, re.M)
    expected = [(label, title, check) for _, label, title, check in checked_exercises(lang)]
    assert expected, "no exercise calls a check"
    assert [tuple(row) for row in rows] == expected


def test_student_config_hides_solutions_and_the_teachers_page(tmp_path):
    import yaml

    config_path, toc_path = build_book.write_student_config(tmp_path)
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    settings = config["sphinx"]["config"]
    assert settings["hide_solutions"] is True and settings["html_copy_source"] is False
    assert settings["bilingual_ipynb_filter"] == "student_edition:student_notebook"
    assert all(Path(p).is_absolute() and Path(p).is_dir()
               for p in config["sphinx"]["local_extensions"].values())
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    files = [entry["file"] for part in toc["parts"] for entry in part["chapters"]]
    assert files == [f"book/{lang}/{name}" for lang, name in EXPORTED]
    assert "student_edition" in config["sphinx"]["config"]["extensions"]


def test_solution_leftovers_are_found(tmp_path):
    (tmp_path / "page.html").write_text('<div class="solution dropdown">x</div>', encoding="utf-8")
    (tmp_path / "nb.ipynb").write_text('{"source": "see en-sol-digits-columns"}', encoding="utf-8")
    (tmp_path / "clean.html").write_text("<p>Exercise 2.2</p>", encoding="utf-8")
    found = se.solution_leftovers(tmp_path)
    assert [line.split(":")[0] for line in found] == ["nb.ipynb", "page.html"]


# --------------------------------------------------------------------------
# The built editions
# --------------------------------------------------------------------------

@dataclass
class StudentBuild:
    root: Path
    log: str = ""
    seconds: float = 0.0

    @property
    def html(self) -> Path:
        return self.root / "html"

    @property
    def notebooks(self) -> Path:
        return self.root / "notebooks"


@pytest.fixture(scope="session")
def student_edition(book_build) -> StudentBuild:
    """The student edition, built once per session after the teacher's build."""
    existing = os.environ.get("LSTM_STUDENT_EDITION")
    if existing:
        root = Path(existing).resolve()
        if not (root / "html" / "index.html").exists():
            pytest.fail(f"LSTM_STUDENT_EDITION={existing} holds no student edition")
        return StudentBuild(root=root, log="(existing build, not rebuilt)")
    log_path = ROOT / "_build" / "student-test-build.log"
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0", "NO_COLOR": "1"}
    start = time.perf_counter()
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.run(
            [sys.executable, str(ROOT / "tools" / "build_book.py"), "--student", "--strict"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, check=False)
    seconds = time.perf_counter() - start
    text = log_path.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        tail = "\n".join(text.splitlines()[-80:])
        pytest.fail(f"the student build failed (exit {proc.returncode}); full log: {log_path}\n{tail}",
                    pytrace=False)
    return StudentBuild(root=build_book.STUDENT_OUT, log=text, seconds=seconds)


def page(html: Path, lang: str, name: str) -> BeautifulSoup:
    return BeautifulSoup((html / "book" / lang / f"{name}.html").read_text(encoding="utf-8"),
                         "html.parser")


def search_index(html: Path) -> dict:
    text = (html / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1:text.rindex(")")])


def indexed_terms(index: dict, docname: str) -> set[str]:
    doc = index["docnames"].index(docname)
    terms = set()
    for table in ("terms", "titleterms"):
        for term, docs in index[table].items():
            if doc == docs or (isinstance(docs, list) and doc in docs):
                terms.add(term)
    return terms


SEARCH = bilingual.SearchBilingual({})


def stems(text: str) -> set[str]:
    """The index terms of `text`, chosen as Sphinx's IndexBuilder chooses them: the stem,
    filtered after stemming ("they" is a stop word, its stem "thei" is not)."""
    found = set()
    for word in bilingual.split_words(text):
        stem = SEARCH.stem(word)
        if not SEARCH.word_filter(stem) and SEARCH.word_filter(word):
            stem = word.lower()
        if SEARCH.word_filter(stem):
            found.add(stem)
    return found


@pytest.mark.build
def test_student_build_succeeds_without_warnings(book_build, student_edition):
    if student_edition.log.startswith("(existing build"):
        pytest.skip("LSTM_STUDENT_EDITION: testing an existing build")
    log = re.sub(r"\x1b\[[0-9;]*m", "", student_edition.log)
    assert re.search(r"^build succeeded\.", log, flags=re.M)
    warnings = [line for line in log.splitlines()
                if "WARNING" in line and not line.startswith("[IPKernelApp]")]
    assert not warnings, "\n".join(warnings)
    if not book_build.log.startswith("(existing build"):
        # The teacher's build ran just before: the student build executes no chapter again.
        assert "Executing notebook" not in log, "the student build did not reuse the execution cache"
        assert len(re.findall(r"Using cached notebook", log)) == len(EXPORTED)


@pytest.mark.build
@pytest.mark.parametrize(("lang", "name"), EXPORTED)
def test_teacher_has_every_solution_and_student_none(book_html, student_edition, lang, name):
    text = source(lang, name)
    teacher, student = page(book_html, lang, name), page(student_edition.html, lang, name)
    assert len(teacher.select("div.solution")) == len(solutions(text)), "a solution is missing"
    assert len(teacher.select("div.exercise")) == len(EXERCISE.findall(text))
    assert len(student.select("div.exercise")) == len(EXERCISE.findall(text)), "an exercise is missing"
    assert not student.select("div.solution, .solution"), "a solution block in the student page"
    for label in re.findall(r"^:label: ([\w-]+-sol-[\w-]+)", text, re.M):
        assert teacher.find(id=label) is not None
        assert student.find(id=label) is None
    word = {"en": "Exercise", "ja": "練習"}[lang]
    for title in student.select("div.exercise > .admonition-title"):
        assert title.get_text(strip=True).startswith(word)
    # The download menu offers the notebook, not the MyST source.
    assert student.select('a[href$="_sources/book/%s/%s.ipynb"]' % (lang, name))
    assert not student.select(".btn-download-source-button"), "the .md download is offered"
    assert teacher.select(".btn-download-source-button")


def html_text(soup: BeautifulSoup) -> str:
    """The text of a page as a reader copies it (code without highlighting gaps), normalized."""
    for tag in soup.select("script, style"):
        tag.decompose()
    return normalize(soup.get_text())


def teacher_solution_texts(book_html: Path) -> dict[str, list[str]]:
    """Sentences and code lines of the teacher's solutions that occur nowhere
    else in the teacher's edition, per page."""
    candidates, rest = {}, []
    for path in sorted(book_html.rglob("*.html")):
        if "_static" in path.parts:
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        texts = []
        for block in soup.select("div.solution"):
            for pre in block.select("pre"):
                texts += [line.strip() for line in pre.get_text().splitlines()]
            for para in block.select("p"):
                texts += re.split(r"(?<=[.!?。])\s+", normalize(para.get_text()))
            block.decompose()
        rest.append(html_text(soup))
        if texts:
            candidates[path.relative_to(book_html).with_suffix("").as_posix()] = texts
    rest_text = "\n".join(rest)
    return {docname: sorted({t for t in texts if len(t) >= 24 and normalize(t) not in rest_text})
            for docname, texts in candidates.items()}


@pytest.mark.build
def test_no_solution_text_anywhere_in_the_student_edition(book_html, student_edition):
    """Every sentence or code line of a teacher's solution is absent from every
    file of the student edition: pages, search index, _sources, notebooks."""
    fingerprints = teacher_solution_texts(book_html)
    assert sum(len(v) for v in fingerprints.values()) > 200, "too few solution texts to look for"
    for docname, texts in fingerprints.items():  # the search would find them in the teacher's pages
        teacher = html_text(BeautifulSoup((book_html / f"{docname}.html").read_text(encoding="utf-8"),
                                          "html.parser"))
        assert all(normalize(text) in teacher for text in texts), docname
    haystack = []
    for path in sorted(student_edition.root.rglob("*")):
        if not path.is_file() or path.suffix not in (".html", ".js", ".ipynb", ".txt", ".json", ".md"):
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            raw = html_text(BeautifulSoup(raw, "html.parser"))
        elif path.suffix == ".ipynb":
            nb = json.loads(raw)
            raw = "\n".join("".join(cell["source"]) for cell in nb["cells"])
        haystack.append((path, normalize(raw)))
    leaks = []
    for docname, texts in fingerprints.items():
        for text in texts:
            needle = normalize(text)
            for path, content in haystack:
                if needle in content:
                    leaks.append(f"{path.relative_to(student_edition.root)}: {text[:80]!r} ({docname})")
    assert not leaks, "\n".join(leaks[:30])
    assert se.solution_leftovers(student_edition.root) == []


@pytest.mark.build
def test_search_index_of_the_student_edition_has_no_solution_words(book_html, student_edition):
    teacher_index, student_index = search_index(book_html), search_index(student_edition.html)
    checked = 0
    problems = []
    for lang, name in EXPORTED:
        docname = f"book/{lang}/{name}"
        teacher = page(book_html, lang, name)
        solution_text = " ".join(block.get_text(" ") for block in teacher.select("div.solution"))
        student_text = page(student_edition.html, lang, name).get_text(" ")
        only_in_solutions = stems(solution_text) - stems(student_text)
        in_teacher = only_in_solutions & indexed_terms(teacher_index, docname)
        checked += len(in_teacher)
        leaked = only_in_solutions & indexed_terms(student_index, docname)
        if leaked:
            problems.append(f"{docname}: {sorted(leaked)[:10]}")
    assert checked > 50, "the teacher's index should hold words found only in solutions"
    assert not problems, "\n".join(problems)
    assert not any(d.endswith("/teaching") for d in student_index["docnames"])


@pytest.mark.build
def test_student_sources_hold_only_notebooks(student_edition):
    sources = student_edition.html / "_sources"
    files = sorted(p.relative_to(sources).as_posix() for p in sources.rglob("*") if p.is_file())
    assert files == sorted(f"book/{lang}/{name}.ipynb" for lang, name in EXPORTED)
    assert not (student_edition.html / "book" / "en" / "teaching.html").exists()
    assert not (student_edition.html / "book" / "ja" / "teaching.html").exists()
    for lang, name in EXPORTED:
        exported = student_edition.notebooks / lang / f"{name}.ipynb"
        assert exported.read_bytes() == (sources / "book" / lang / f"{name}.ipynb").read_bytes()


@pytest.mark.build
@pytest.mark.parametrize(("lang", "name"), EXPORTED)
def test_exported_notebook_reads_well(student_edition, lang, name):
    path = student_edition.notebooks / lang / f"{name}.ipynb"
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    text = source(lang, name)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert [cell.source for cell in code] == code_cells(text)
    assert all(not cell.outputs and cell.execution_count is None for cell in code)
    markdown = "\n\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    for what, pattern in MYST_LEFTOVERS:
        match = pattern.search(markdown)
        assert match is None, f"{what}: {markdown[max(0, match.start() - 60):match.end() + 60]!r}"
    word = se.WORDS[lang]["exercise"].replace(" %s", "")
    assert len(re.findall(rf"^### {word} \d+\.\d+ \(", markdown, re.M)) == len(EXERCISE.findall(text))
    # Figures are attached, numbers filled in.
    figures = len(re.findall(r"^```\{glue:figure\}", text, re.M))
    attachments = sum(len(cell.get("attachments", {})) for cell in nb.cells)
    assert attachments == figures
    rest = without_solutions(text)
    for block in solutions(text):
        for line in block.splitlines():
            if len(line.strip()) >= 25 and line.strip() not in rest:
                assert line.strip() not in markdown, f"solution text in the notebook: {line!r}"


@pytest.mark.build
@pytest.mark.parametrize(("lang", "name"), EXPORTED)
def test_exported_notebook_runs_with_exercises_unanswered(student_edition, tmp_path, monkeypatch,
                                                          lang, name):
    """Top to bottom in a fresh kernel, in a folder of its own, exercises left open."""
    from nbclient import NotebookClient

    import lstm.checks.messages as messages

    for key, value in (("TF_CPP_MIN_LOG_LEVEL", "3"), ("TF_ENABLE_ONEDNN_OPTS", "0"),
                       ("PYDEVD_DISABLE_FILE_VALIDATION", "1")):
        monkeypatch.setenv(key, value)
    path = tmp_path / f"{name}.ipynb"
    shutil.copyfile(student_edition.notebooks / lang / f"{name}.ipynb", path)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError on the first cell that fails
    unanswered = messages.text(lang, "head_unanswered")
    checks = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            assert not (output.output_type == "stream" and output.name == "stderr"), (
                f"stderr in {cell.source[:60]!r}: {output.text[:300]}")
        if CHECK_LINE.search(cell.source):
            checks += 1
            shown = json.dumps([o.get("data", {}) for o in cell.outputs], ensure_ascii=False)
            assert unanswered in shown, f"{cell.source!r} did not report 'not yet answered': {shown}"
    assert checks == len(CHECK_LINE.findall("\n".join(code_cells(source(lang, name)))))


# --------------------------------------------------------------------------
# One numbering: a notebook shows the numbers of the student HTML
# --------------------------------------------------------------------------

NUMBER = r"\d+(?:\.\d+)+"
WORD_KINDS = {"Fig.": "figure", "図": "figure", "Exercise": "exercise", "練習": "exercise"}
WORD = "|".join(re.escape(word) for word in WORD_KINDS)
NUMBERED = re.compile(rf"^({WORD})\s*({NUMBER})\s*$")
JA_CHAPTER = re.compile(r"^第 (\d+) 章「(.*)」$")
# What a student notebook's Markdown shows, in order: an exercise heading, a
# figure caption, an equation tag, a link to another notebook, a numbered
# reference on the same page, an equation number in brackets.
NOTEBOOK_ITEM = re.compile(
    rf"^### (?P<heading>{WORD}) (?P<heading_number>{NUMBER})"
    rf"|\*\*(?P<caption>{WORD}) (?P<caption_number>{NUMBER})\*\*"
    rf"|\\tag\{{(?P<tag>{NUMBER})\}}"
    r"|\[(?P<link>[^\]]*)\]\((?P<href>[^()\s]+)\.ipynb\)"
    rf"|(?P<word>{WORD}) (?P<word_number>{NUMBER})"
    rf"|\((?P<bracketed>{NUMBER})\)",
    re.M)


def numbered(text: str) -> tuple[str, str] | None:
    """("figure", "2.2") for "Fig. 2.2" or "図 2.2", ("equation", "3.1") for "(3.1)", else None."""
    text = normalize(text)
    match = NUMBERED.match(text)
    if match:
        return WORD_KINDS[match[1]], match[2]
    match = re.fullmatch(rf"\(({NUMBER})\)", text)
    return ("equation", match[1]) if match else None


def notebook_numbers(path: Path, docname: str) -> list[tuple]:
    """What the notebook shows, in order: ("shows", kind, number) for an exercise,
    figure or equation it holds; ("refers", kind, number, docname) for a numbered
    reference; ("links", docname, text) for a link to another chapter."""
    nb = nbformat.read(path, as_version=4)
    markdown = "\n\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    tags = set(re.findall(rf"\\tag\{{({NUMBER})\}}", markdown))
    items = []
    for match in NOTEBOOK_ITEM.finditer(markdown):
        if match["heading"] or match["caption"]:
            word = match["heading"] or match["caption"]
            items.append(("shows", WORD_KINDS[word], match["heading_number"] or match["caption_number"]))
        elif match["tag"]:
            items.append(("shows", "equation", match["tag"]))
        elif match["href"]:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(docname), match["href"]))
            ref = numbered(match["link"])
            items.append(("refers", *ref, target) if ref else ("links", target, normalize(match["link"])))
        elif match["word"]:
            items.append(("refers", WORD_KINDS[match["word"]], match["word_number"], docname))
        elif match["bracketed"] in tags:  # (0.1) in a sentence is not an equation
            items.append(("refers", "equation", match["bracketed"], docname))
    return items


def html_numbers(html: Path, docname: str) -> list[tuple]:
    """The same items as `notebook_numbers`, read from the HTML page of `docname`:
    exercise titles and figure captions (`caption-number`), equation numbers
    (`eqno`), internal links with the text Sphinx gave them. The Japanese pages'
    chapter links, 第 N 章「title」, are compared by their title: the notebooks
    name a chapter by its title alone."""
    soup = BeautifulSoup((html / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.bd-article")
    for bar in article.select("nav.edition-bar"):
        bar.decompose()
    items = []
    for node in article.find_all(["span", "a"]):
        classes = node.get("class", [])
        if node.name == "span" and "caption-number" in classes:
            items.append(("shows", *numbered(node.get_text())))
        elif node.name == "span" and "eqno" in classes:
            items.append(("shows", *numbered(node.find(string=True))))
        elif node.name == "a" and "internal" in classes:
            page, _, anchor = node["href"].partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(docname), page[:-5])) \
                if page else docname
            text = normalize(node.get_text())
            ref = numbered(text)
            if ref:
                items.append(("refers", *ref, target))
            elif target != docname:
                chapter = JA_CHAPTER.match(text)
                items.append(("links", target, chapter[2] if chapter else text))
    return items


@pytest.mark.build
def test_every_number_in_the_notebooks_is_the_htmls(student_edition):
    """Each exported notebook shows the numbers of the student HTML, item by item
    in the page's order: every exercise, figure and equation number, every
    numbered reference (with the chapter it points to), every chapter link."""
    wrong, counts = [], collections.Counter()
    for lang, name in EXPORTED:
        docname = f"book/{lang}/{name}"
        shown = notebook_numbers(student_edition.notebooks / lang / f"{name}.ipynb", docname)
        expected = html_numbers(student_edition.html, docname)
        counts.update(item[0] if item[0] == "links" else
                      f"{item[0]} {item[1]}" + (" elsewhere" if item[0] == "refers" and item[3] != docname else "")
                      for item in expected)
        if shown != expected:
            diff = "\n".join(difflib.unified_diff([repr(i) for i in expected], [repr(i) for i in shown],
                                                   "html", "notebook", lineterm="", n=1))
            wrong.append(f"{docname}:\n{diff}")
    assert not wrong, "\n".join(wrong)
    # Something of each kind was compared (the book has no numbered reference to an exercise).
    for kind in ("shows exercise", "shows figure", "shows equation", "refers figure", "refers equation"):
        assert counts[kind] >= 20, (kind, counts)
    assert counts["refers figure elsewhere"] > 0 and counts["links"] > 100, counts


def test_conversion_pastes_the_chapters_inline_expressions():
    """{eval}`glued("spec")` (the chapters' form, `lstm.glued`) reads as {glue:text}`spec`."""
    out, page = convert('accuracy {eval}`glued("acc:.3f")` of {eval}`glued("n")` images, '
                        'or {eval}`glued("acc:.1%")`.')
    assert out == "accuracy 0.988 of 128 images, or 98.8%."
    assert page.problems == []
    out, page = convert("{eval}`acc * 2` and {eval}`glued(\"missing\")`")
    assert out == "acc * 2 and …"
    assert page.problems[0].startswith("Received an invalid value for argument `expression`")
    assert "'acc * 2'" in page.problems[0]
    assert page.problems[1] == "no glued value 'missing'"


@pytest.mark.parametrize(("expression", "spec"), [
    ('glued("inside-n-test")', "inside-n-test"),
    ("glued('inside-i-max:.2f')", "inside-i-max:.2f"),
    (' glued("a:.1%") ', "a:.1%"),
])
def test_glued_spec_reads_the_call(expression, spec):
    assert se.glued_spec(expression) == spec


@pytest.mark.parametrize("expression", [
    "glued", "glued()", 'glued("")', 'glued("a", "b")', 'glued(spec="a")', "glued(a)",
    'other("a")', 'x.glued("a")', 'glued("a") + 1', "glued(1)", "", "glued(", None,
])
def test_glued_spec_rejects_anything_else(expression):
    with pytest.raises(ValueError, match=r"argument `expression`, expected a call glued\(") as err:
        se.glued_spec(expression)
    assert repr(expression) in str(err.value)


def test_teachers_notebook_keeps_the_solutions_under_a_heading():
    page = se.Page(index=fake_index(), docname="book/en/a", glue=GLUE, solutions=True)
    out = se.convert_markdown(PAGE_A, page)
    assert page.problems == []
    assert "### Exercise 4.1 (Write it)" in out
    assert "#### Solution to Exercise 4.1 (Write it)\n\n```python\ndef f(x):\n    return SECRET_ANSWER\n```" in out
    assert out.index("### Exercise 4.1") < out.index("#### Solution to") < out.index("### Exercise 4.2")
    for what, pattern in MYST_LEFTOVERS:
        assert not pattern.search(out.replace("`code {doc}`", "")), what
    page = se.Page(index=fake_index(), docname="book/ja/a", solutions=True)
    out = se.convert_markdown(PAGE_A_JA, page)
    assert "#### 練習 4.1 (書く)の解答\n\n秘密の解答" in out
    page = se.Page(index=fake_index(), docname="book/en/a", solutions=True)
    se.convert_markdown("````{solution} en-ex-nowhere\n:label: en-sol-x\n\nText\n````", page)
    assert page.problems == ["a solution to an unknown exercise: 'en-ex-nowhere'"]


def test_teachers_notebook_filter_is_the_default_builds():
    import yaml

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["sphinx"]["config"]["bilingual_ipynb_filter"] == se.TEACHER_FILTER
    module, _, name = se.TEACHER_FILTER.partition(":")
    assert module == "student_edition" and getattr(se, name) is se.teacher_notebook
    with pytest.raises(ValueError, match=r"argument `app`, expected the Sphinx application"):
        se.teacher_notebook({}, "book/en/a", app=None)
