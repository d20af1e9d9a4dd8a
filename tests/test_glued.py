"""Glued numbers that read in JupyterLab as on the web: `lstm.glued`, the chapters'
{eval}`glued("name:.2f")` roles, and `tools/glue_to_eval.py`, which writes them.

The web book pastes these roles from the executed notebook (`book/_ext/glued_eval.py`,
checked by the strict build and the page comparison); JupyterLab evaluates them in
the kernel (tests/test_browser_lab_myst.py). Here: the formatting, the conversion
rule, and that every chapter's roles name a value its own code cells glue.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

import glue_to_eval  # tools/ is on sys.path (`pythonpath` in pyproject.toml)
import student_edition as se
from helpers import BOOK, CHAPTERS, EDITIONS, code_cells
from lstm import glued as glued_module
from lstm.glued import glue, glued, split_spec

EVAL = re.compile(r"\{eval\}`(?P<expression>[^`]*)`")


@pytest.fixture
def fresh_glue(monkeypatch):
    """An empty table of glued values (the kernel's), restored after the test."""
    monkeypatch.setattr(glued_module, "_GLUED", {})


@pytest.mark.parametrize(("spec", "expected"), [
    ("inside-n-test", ("inside-n-test", "s")),
    ("inside-i-max:.2f", ("inside-i-max", ".2f")),
    ("a:b:.1%", ("a:b", ".1%")),  # the last colon, as myst-nb's {glue:text} splits
    ("lr:g", ("lr", "g")),
])
def test_split_spec_splits_at_the_last_colon(spec, expected):
    assert split_spec(spec) == expected


@pytest.mark.parametrize("spec", ["", ":.2f", "  :.2f", None, 3])
def test_split_spec_rejects_a_spec_without_a_name(spec):
    with pytest.raises(ValueError, match=r"argument `spec`, expected") as err:
        split_spec(spec)
    assert repr(spec) in str(err.value)


@pytest.mark.usefixtures("fresh_glue")
def test_glued_prints_what_the_web_book_prints():
    """The characters of myst-nb's {glue:text}: the value's text/plain without its
    quotes, formatted by the spec (a spec without a format prints it as it is)."""
    glue("acc", 0.987654, display=False)
    glue("n", 1797, display=False)
    glue("small", "8.8×10⁻⁴", display=False)  # lstm.notation.scientific(...)
    glue("share", 0.123456, display=False)
    glue("lr", 0.001, display=False)
    assert [glued("acc:.2f"), glued("acc:.3f"), glued("acc"), glued("n"), glued("n:.0f")] == \
        ["0.99", "0.988", "0.987654", "1797", "1797"]
    assert [glued("small"), glued("share:.1%"), glued("share:.0%"), glued("lr:g")] == \
        ["8.8×10⁻⁴", "12.3%", "12%", "0.001"]


@pytest.mark.usefixtures("fresh_glue")
def test_glued_names_what_is_missing_or_wrong():
    with pytest.raises(ValueError, match=r"argument `spec`, expected the name of a value glued "
                                         r"in this kernel \(run the cells above first; glued so "
                                         r"far: none yet\), got 'acc:.2f'"):
        glued("acc:.2f")
    glue("acc", np.float64(0.5), display=False)  # NumPy 2 shows np.float64(0.5): not a number
    with pytest.raises(ValueError, match=r"expected a format that applies to the value glued as "
                                         r"'acc' \(np.float64\(0.5\)\), got 'acc:.2f'"):
        glued("acc:.2f")
    glue("name", "abc", display=False)
    with pytest.raises(ValueError, match=r"got 'name:.2f'"):
        glued("name:.2f")


@pytest.mark.usefixtures("fresh_glue")
def test_glue_keeps_the_last_value_of_a_name():
    glue("x", 1, display=False)
    glue("x", 2, display=False)
    assert glued("x") == "2"


# --------------------------------------------------------------------------
# tools/glue_to_eval.py
# --------------------------------------------------------------------------

CHAPTER = """```{code-cell} ipython3
import lstm
from myst_nb import glue

glue("acc", 0.5, display=False)
```

Accuracy {glue:text}`acc:.2f` of {glue:text}`n` images; {glue:figure} and `code` stay.

```{glue:figure} fig-a
:name: en-fig-a
```
"""


def test_conversion_rewrites_roles_and_the_import():
    new, count = glue_to_eval.convert(CHAPTER)
    assert count == 2
    assert 'Accuracy {eval}`glued("acc:.2f")` of {eval}`glued("n")` images;' in new
    assert "from lstm.glued import glue, glued\n" in new and "myst_nb" not in new
    assert "```{glue:figure} fig-a" in new
    assert glue_to_eval.convert(new) == (new, 0)  # idempotent


@pytest.mark.parametrize("role", ['{glue:text}`a"b`', "{glue:text}`a\\b`", "{glue:text}``", "{glue:text}` `"])
def test_conversion_refuses_a_spec_it_cannot_quote(role):
    with pytest.raises(ValueError, match=r"argument `text`, expected \{glue:text\} specs without"):
        glue_to_eval.convert(f"see {role}")


def test_conversion_rejects_a_non_string():
    with pytest.raises(ValueError, match=r"argument `text`, expected the text of a MyST chapter"):
        glue_to_eval.convert(b"bytes")


def test_conversion_command_checks_and_rewrites(tmp_path, capsys):
    path = tmp_path / "x.md"
    path.write_text(CHAPTER, encoding="utf-8")
    assert glue_to_eval.main(["--check", str(path)]) == 1
    assert path.read_text(encoding="utf-8") == CHAPTER
    assert glue_to_eval.main([str(path)]) == 0
    assert glue_to_eval.main(["--check", str(path)]) == 0
    assert "2 {glue:text} role(s) rewritten" in capsys.readouterr().out


# --------------------------------------------------------------------------
# The chapters
# --------------------------------------------------------------------------

def _glued_keys(text: str) -> set[str]:
    keys = set()
    for cell in code_cells(text):
        keys |= {m["key"] for m in re.finditer(r"\bglue\(\s*(?P<q>['\"])(?P<key>.*?)(?P=q)", cell)}
        # glue(f"inside-{key}", ...) over a dict of numbers: a prefix
        keys |= {m["prefix"] + "*" for m in re.finditer(r"\bglue\(\s*f(?P<q>['\"])(?P<prefix>[^{'\"]*)\{", cell)}
    return keys


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("name", CHAPTERS["en"])
def test_chapter_quotes_glued_values_only_through_glued(lang, name):
    """No {glue:text} is left (JupyterLab could not show it), every {eval} is a
    `glued("...")` call of a value that the chapter's own code glues, and a chapter
    that quotes one imports `glued` from `lstm.glued`."""
    text = (BOOK / lang / f"{name}.md").read_text(encoding="utf-8")
    assert "{glue:text}" not in text, f"run tools/glue_to_eval.py book/{lang}/{name}.md"
    specs = [se.glued_spec(m["expression"]) for m in EVAL.finditer(text)]
    if not specs:
        return
    assert any("from lstm.glued import glue, glued" in cell for cell in code_cells(text))
    keys = _glued_keys(text)
    unknown = [spec for spec in specs
               if split_spec(spec)[0] not in keys
               and not any(k.endswith("*") and split_spec(spec)[0].startswith(k[:-1]) for k in keys)]
    assert unknown == [], f"book/{lang}/{name}.md quotes values its code does not glue: {unknown}"
