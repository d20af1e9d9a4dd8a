"""The student edition's pure cores (book/_ext/student_core/), without a build:
the book index, the MyST -> Jupyter Markdown converter, the leftover scan."""

from __future__ import annotations

import zlib

from helpers import ROOT
from student_core import book_index, myst_to_jupyter, notebooks  # book/_ext/ is on sys.path

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
    idx = book_index.BookIndex(root=ROOT)
    idx.chapters = {"book/en/p": "3", "book/ja/p": "3"}
    book_index.index_page(idx, "book/en/p", PAGE)
    return idx


def test_the_index_numbers_exercises_and_equations_per_chapter():
    idx = index()
    assert idx.titles["book/en/p"] == "Page P"
    assert idx.labels["en-p-ex"] == book_index.Target("book/en/p", "exercise", "3.1", "Count the gates")
    assert idx.labels["en-p-sol"].kind == "solution"
    assert idx.labels["en-p-eq"].number == "3.1"
    assert idx.labels["en-p"].kind == "section" and idx.labels["en-p"].title == "Page P"
    assert idx.lang("book/ja/p") == "ja" and idx.exported("book/en/p")


def test_directive_options_and_body():
    tok = next(t for t in book_index.parse("```{figure} a.png\n:name: f\n:alt: x\n\nCaption\n```\n")
               if t.type == "fence")
    assert book_index.directive(tok) == ("figure", "a.png", {"name": "f", "alt": "x"}, "Caption")


def test_convert_drops_solutions_and_writes_numbers():
    page = myst_to_jupyter.Page(index=index(), docname="book/en/p")
    out = myst_to_jupyter.convert_markdown(PAGE, page)
    assert "Three." not in out and "{solution}" not in out
    assert "### Exercise 3.1 (Count the gates)\n\nHow many gates has the cell?" in out
    assert "$$\nh = o \\tanh c\n\\tag{3.1}\n$$" in out
    assert "> **Note**\n>\n> See (3.1) and Exercise 3.1." in out
    assert page.problems == []


def test_japanese_words_and_links_to_other_notebooks():
    idx = index()
    idx.titles["book/en/q"] = "Page Q"
    idx.chapters["book/en/q"] = "4"
    page = myst_to_jupyter.Page(index=idx, docname="book/ja/p")
    assert myst_to_jupyter.convert_markdown("{doc}`../en/q`", page) == "[Page Q](../en/q.ipynb)"
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


def test_leftovers_are_found_in_pages_and_in_the_inventory(tmp_path):
    idx = index()
    (tmp_path / "a.html").write_text("<p>clean</p>", encoding="utf-8")
    (tmp_path / "objects.inv").write_bytes(inventory(["en-p std:label -1 book/en/p.html#$ Page P"]))
    assert notebooks.solution_leftovers(tmp_path, idx) == []
    (tmp_path / "objects.inv").write_bytes(inventory(["en-p-sol std:label -1 book/en/p.html#$ -"]))
    (tmp_path / "b.html").write_text('<div class="admonition solution">', encoding="utf-8")
    assert notebooks.solution_leftovers(tmp_path, idx) == [
        "b.html: 'class=\"admonition solution'", "objects.inv: 'en-p-sol'"]
    assert notebooks.inventory_text(tmp_path / "b.html") is None
