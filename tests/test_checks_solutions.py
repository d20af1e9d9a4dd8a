"""The exercises' own code, run through the checks.

Every code cell of the book's chapters that calls
`lstm.checks.check_...(name, ...)` is tried twice:

- with the exercise's stub cell (as handed out), the check must report
  "not yet answered" without raising, so that a notebook with the exercises
  left open runs top to bottom;
- with every solution block (a fenced `python` block defining `name`), the
  check must pass: the reference answers printed in the book are proven here,
  so the notebooks need not be run with the solutions.

The exercise sections also keep the two editions in step: the same exercises
and the same solution code (strings and comments aside) in English and Japanese.
"""

import io
import re
import tokenize
from pathlib import Path

import numpy as np
import pytest

import lstm
import tensorflow as tf

BOOK = Path(__file__).resolve().parents[1] / "book"
PAGES = sorted((BOOK / "en").glob("*.md")) + sorted((BOOK / "ja").glob("*.md"))
# Chapters with an exercise section: `(<lang>-<chapter>-exercises)=` up to the end of the page.
EXERCISE_CHAPTERS = sorted(p.stem for p in (BOOK / "en").glob("*.md")
                           if f"(en-{p.stem}-exercises)=" in p.read_text(encoding="utf-8"))

CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)
PYTHON_BLOCK = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
CHECK_CALL = re.compile(r"^(lstm\.checks\.(check_\w+)\((\w+|\.\.\.).*\))[ \t]*$", re.M)


def _defines(code, name):
    return re.search(rf"^(def {name}\(|{name} = )", code, re.M) is not None


def _cases():
    cases = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        cells = CODE_CELL.findall(text)
        for k, cell in enumerate(cells):
            for call, check, name in CHECK_CALL.findall(cell):
                stub = next((c for c in reversed(cells[:k + 1]) if _defines(c, name)), None)
                solutions = [b for b in PYTHON_BLOCK.findall(text) if _defines(b, name)]
                cases.append(pytest.param(call, name, stub, solutions,
                                          id=f"{page.parent.name}/{page.stem}:{check}:{name}"))
    return cases


CASES = _cases()


def _namespace():
    return {"lstm": lstm, "np": np, "tf": tf}


def _run_call(call, namespace):
    """Evaluate the check call as the notebook cell's last expression."""
    return eval(call, namespace)  # the book's own code


def test_the_book_has_checked_exercises():
    names = {case.values[0].split("(")[0] for case in CASES}
    assert {"lstm.checks.check_lstm_step", "lstm.checks.check_article_cell", "lstm.checks.check_split_gates",
            "lstm.checks.check_param_count", "lstm.checks.check_forget_bias",
            "lstm.checks.check_column_scan"} <= names


@pytest.mark.parametrize("call, name, stub, solutions", CASES)
def test_stub_reports_not_yet_answered(call, name, stub, solutions):
    assert stub is not None, f"no stub cell defines {name}"
    namespace = _namespace()
    exec(stub.replace(call, ""), namespace)  # the stub cell, without the check call it may hold
    result = _run_call(call, namespace)
    assert not result and result.status == "unanswered", str(result)


@pytest.mark.parametrize("call, name, stub, solutions", CASES)
def test_solutions_pass_their_check(call, name, stub, solutions):
    assert solutions, f"no solution block defines {name}"
    for solution in solutions:
        namespace = _namespace()
        exec(solution, namespace)
        result = _run_call(call, namespace)
        assert result, f"{result}\n--- solution:\n{solution}"


# ---------------------------------------------------------- exercise sections


def _masked_tokens(code):
    """Python tokens with strings and comments masked (what the parity rule compares)."""
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(code).readline):
        if tok.type == tokenize.COMMENT or tok.type in (tokenize.NL, tokenize.NEWLINE):
            continue
        out.append("<str>" if tok.type == tokenize.STRING else tok.string)
    return out


def _exercise_section(lang, chapter):
    text = (BOOK / lang / f"{chapter}.md").read_text(encoding="utf-8")
    marker = f"({lang}-{chapter}-exercises)=\n"
    assert marker in text, f"book/{lang}/{chapter}.md has no exercise section"
    return text[text.index(marker):]


def test_every_chapter_from_2_on_has_exercises():
    chapters = [p.stem for p in sorted((BOOK / "en").glob("*.md"))]
    missing = sorted(set(chapters) - set(EXERCISE_CHAPTERS) - {"introduction", "teaching"})
    assert not missing, f"chapters without an exercise section: {missing}"


@pytest.mark.parametrize("chapter", EXERCISE_CHAPTERS)
def test_exercise_sections_match_across_editions(chapter):
    editions = {lang: _exercise_section(lang, chapter) for lang in ("en", "ja")}
    cells = {lang: [_masked_tokens(c) for c in CODE_CELL.findall(body)] for lang, body in editions.items()}
    assert cells["en"] == cells["ja"]
    blocks = {lang: [_masked_tokens(b) for b in PYTHON_BLOCK.findall(body)] for lang, body in editions.items()}
    assert blocks["en"] == blocks["ja"]
    labels = {}
    for lang, body in editions.items():
        assert re.search(r"^## ", body, re.M), f"{lang}: the exercise section has no heading"
        exercises = re.findall(r"^```\{exercise\}[^\n]*\n:label: (\S+)", body, re.M)
        solved = re.findall(r"^````\{solution\} (\S+)\n:label: \S+\n:class: dropdown", body, re.M)
        assert 2 <= len(exercises) <= 4 and exercises == solved, (lang, exercises, solved)
        assert all(label.startswith(f"{lang}-ex-{chapter}-") for label in exercises)
        labels[lang] = [label.split("-", 1)[1] for label in exercises]
    assert labels["en"] == labels["ja"]
