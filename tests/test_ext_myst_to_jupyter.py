"""The student edition's pure cores (book/_ext/student_core/), without a build:
the MyST -> Jupyter Markdown converter (given the book's numbers by hand, as
`book_index.from_env` reads them from a build), the leftover scan."""

from __future__ import annotations

import zlib

import pytest

from helpers import ROOT
from student_core import book_index, events, myst_blocks, myst_to_jupyter, notebooks  # book/_ext/ is on sys.path
from student_core.book_index import Target

PAGE = """(en-p)=
# Page P

```{exercise} Count the gates
:label: en-p-ex

How many gates has {ref}`the cell <en-p>`?
```

```{solution} en-p-ex
:label: en-p-sol

Three.
```

$$
h = o \\tanh c
$$ (en-p-eq)

```{note}
See {eq}`en-p-eq` and {numref}`en-p-ex`.
```
"""


def index() -> book_index.BookIndex:
    """The numbers a build gives PAGE as chapter 3."""
    idx = book_index.BookIndex(root=ROOT)
    idx.chapters = {"book/en/p": "3", "book/ja/p": "3"}
    idx.titles = {"book/en/p": "Page P", "book/ja/p": "ページ P"}
    idx.labels = {"en-p": Target("book/en/p", "section", "3", "Page P"),
                  "en-p-ex": Target("book/en/p", "exercise", "3.1", "Count the gates"),
                  "en-p-sol": Target("book/en/p", "solution"),
                  "en-p-eq": Target("book/en/p", "equation", "3.1")}
    return idx


def test_the_index_knows_editions_and_exported_pages():
    idx = index()
    assert idx.lang("book/ja/p") == "ja" and idx.lang("book/index") == "en"
    assert idx.exported("book/en/p") and not idx.exported("book/en/q")
    idx.chapters["book/en/teaching"] = "13"
    assert not idx.exported("book/en/teaching")


def test_directive_options_and_body():
    tok = next(t for t in myst_blocks.parse("```{figure} a.png\n:name: f\n:alt: x\n\nCaption\n```\n")
               if t.type == "fence")
    assert myst_blocks.directive(tok) == ("figure", "a.png", {"name": "f", "alt": "x"}, "Caption")
    tok = next(t for t in myst_blocks.parse(":::{note}\n---\nclass: tip\n---\nBody\n:::\n")
               if t.type == "colon_fence")
    assert myst_blocks.directive(tok) == ("note", "", {"class": "tip"}, "Body")


def test_convert_drops_solutions_and_writes_numbers():
    page = myst_to_jupyter.Page(index=index(), docname="book/en/p")
    out = myst_to_jupyter.convert_markdown(PAGE, page)
    assert "Three." not in out and "{solution}" not in out
    assert "### Exercise 3.1 (Count the gates)\n\nHow many gates has the cell?" in out
    assert "$$\nh = o \\tanh c\n\\tag{3.1}\n$$" in out
    assert "> **Note**\n>\n> See (3.1) and Exercise 3.1." in out
    assert page.problems == []


def test_an_exercise_the_index_does_not_know_is_a_problem():
    page = myst_to_jupyter.Page(index=index(), docname="book/en/p")
    out = myst_to_jupyter.convert_markdown("```{exercise} New\n:label: en-p-new\n\nBody.\n```\n", page)
    assert out.startswith("### Exercise (New)")
    assert page.problems == ["an exercise without a known label: 'en-p-new'"]


def test_the_notebook_filter_needs_the_build():
    with pytest.raises(ValueError, match="argument `app`, expected the Sphinx application"):
        events.student_notebook(None, "book/en/p", app=None)


def test_japanese_words_and_links_to_other_notebooks():
    idx = index()
    idx.titles["book/en/q"] = "Page Q"
    idx.chapters["book/en/q"] = "4"
    page = myst_to_jupyter.Page(index=idx, docname="book/ja/p")
    assert myst_to_jupyter.convert_markdown("{doc}`../en/q`", page) == "[Page Q](../en/q.ipynb)"
    # A chapter reference reads as the web book writes it: 第 N 章「title」.
    assert myst_to_jupyter.convert_markdown("{doc}`../en/q` の章で見ました", page) == \
        "第 4 章「[Page Q](../en/q.ipynb)」で見ました"
    del idx.chapters["book/en/q"]  # not a chapter handed out: plain text, the words stay
    assert myst_to_jupyter.convert_markdown("{doc}`../en/q`の章", page) == "Page Qの章"
    assert page.word("exercise") == "練習 %s"
    assert myst_to_jupyter.convert_markdown("{unknown}`x`", page) == "x"


def test_glued_values_from_this_page_and_from_another(tmp_path):
    (tmp_path / "book" / "en").mkdir(parents=True)
    (tmp_path / "book" / "en" / "q.glue.json").write_text(
        '{"n": {"data": {"text/plain": "12"}, "metadata": {}}}', encoding="utf-8")
    page = myst_to_jupyter.Page(index=index(), docname="book/en/p", glue_folder=tmp_path,
                                glue={"acc": {"data": {"text/plain": "0.98765"}, "metadata": {}}})
    out = myst_to_jupyter.convert_markdown("{glue:text}`acc:.2f`, {glue:text}`q::n`", page)
    assert out == "0.99, 12"
    assert myst_to_jupyter.convert_markdown("{glue:text}`missing`", page) == "…"
    assert page.problems == ["no glued value 'missing'"]


def inventory(entries: list[str]) -> bytes:
    head = b"# Sphinx inventory version 2\n# Project: P\n# Version: \n# The remainder is zlib.\n"
    return head + zlib.compress("".join(line + "\n" for line in entries).encode())


def test_solution_labels_are_read_from_the_sources(tmp_path):
    (tmp_path / "book" / "en").mkdir(parents=True)
    (tmp_path / "book" / "en" / "p.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "book" / "ja").mkdir()
    (tmp_path / "book" / "ja" / "p.md").write_text(
        "::::{solution} ja-p-ex\n---\nlabel: ja-p-sol\n---\n三つ。\n::::\n", encoding="utf-8")
    assert notebooks.solution_labels(tmp_path) == ["en-p-sol", "ja-p-sol"]
    assert "en-sol-digits-columns" in notebooks.solution_labels()  # the book's own


def test_leftovers_are_found_in_pages_and_in_the_inventory(tmp_path):
    labels = ["en-p-sol"]
    (tmp_path / "a.html").write_text("<p>clean</p>", encoding="utf-8")
    (tmp_path / "objects.inv").write_bytes(inventory(["en-p std:label -1 book/en/p.html#$ Page P"]))
    assert notebooks.solution_leftovers(tmp_path, labels) == []
    (tmp_path / "objects.inv").write_bytes(inventory(["en-p-sol std:label -1 book/en/p.html#$ -"]))
    (tmp_path / "b.html").write_text('<div class="admonition solution">', encoding="utf-8")
    assert notebooks.solution_leftovers(tmp_path, labels) == [
        "b.html: 'class=\"admonition solution'", "objects.inv: 'en-p-sol'"]
    assert notebooks.inventory_text(tmp_path / "b.html") is None
