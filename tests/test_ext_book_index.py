"""The student notebooks' numbers come from Sphinx (book/_ext/student_core/book_index.py):
`from_env` on the environment of a tiny real Sphinx project (two numbered
chapters, MyST and sphinx-exercise as in the book, built in a few seconds with
the `dummy` builder), without building the book."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from student_core import book_index, myst_to_jupyter  # book/_ext/ is on sys.path
from student_core.book_index import Target

CONF = """
extensions = ["myst_parser", "sphinx_exercise"]
myst_enable_extensions = ["amsmath", "colon_fence", "dollarmath"]
numfig = True
exclude_patterns = ["book/en/teaching.md"]
"""

INDEX = """# Home

```{toctree}
:numbered:
book/en/p
book/en/q
```
"""

P = """(en-p)=
# Page P

(en-p-part)=
## A part

```{figure} pic.png
:name: en-p-fig

The caption, with $x_t$.
```

$$
h = o \\tanh c
$$ (en-p-eq)

(en-p-plain)=
A paragraph with a target.

```{exercise} Count the gates
:label: en-p-ex

How many gates? See {numref}`en-q-fig` and {eq}`en-p-eq`.
```

```{solution} en-p-ex
:label: en-p-sol

Three.
```
"""

Q = """# Page Q

```{figure} pic.png
:name: en-q-fig

Another caption.
```

```{exercise} Second
:label: en-q-ex

Again.
```
"""


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    from sphinx.application import Sphinx

    src = tmp_path_factory.mktemp("project")
    (src / "book" / "en").mkdir(parents=True)
    for path, text in {"conf.py": CONF, "index.md": INDEX, "book/en/p.md": P, "book/en/q.md": Q,
                       "book/en/teaching.md": "# Teaching with this book\n\nFor teachers.\n"}.items():
        (src / path).write_text(text, encoding="utf-8")
    (src / "book" / "en" / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    warnings = io.StringIO()
    app = Sphinx(str(src), str(src), str(src / "_build"), str(src / "_build" / ".doctrees"),
                 "dummy", status=None, warning=warnings, freshenv=True)
    app.build()
    assert warnings.getvalue() == ""
    return app.env, src


def test_chapters_titles_and_numbers_are_sphinxs(env):
    env, root = env
    index = book_index.from_env(env, root)
    assert index.chapters == {"book/en/p": "1", "book/en/q": "2"}
    assert index.titles["book/en/q"] == "Page Q"
    # A teacher's page that the build left out is still named (from its heading).
    assert index.titles["book/en/teaching"] == "Teaching with this book"
    assert index.exported("book/en/p") and not index.exported("book/en/teaching")
    labels = index.labels
    assert labels["en-p"] == Target("book/en/p", "section", "1", "Page P")
    assert labels["en-p-part"] == Target("book/en/p", "section", "1.1", "A part")
    assert labels["en-p-plain"] == Target("book/en/p", "target")
    assert labels["en-p-fig"] == Target("book/en/p", "figure", "1.1", "The caption, with x_t.")
    assert labels["en-q-fig"] == Target("book/en/q", "figure", "2.1", "Another caption.")
    assert labels["en-p-eq"] == Target("book/en/p", "equation", "1.1")
    assert labels["en-p-ex"] == Target("book/en/p", "exercise", "1.1", "Count the gates")
    assert labels["en-q-ex"] == Target("book/en/q", "exercise", "2.1", "Second")
    assert labels["en-p-sol"].kind == "solution"


def test_the_converter_writes_the_numbers_of_the_environment(env):
    env, root = env
    page = myst_to_jupyter.Page(index=book_index.from_env(env, root), docname="book/en/p")
    out = myst_to_jupyter.convert_markdown(P, page)
    assert "### Exercise 1.1 (Count the gates)" in out
    assert "See [Fig. 2.1](q.ipynb) and (1.1)." in out
    assert "$$\nh = o \\tanh c\n\\tag{1.1}\n$$" in out and "Three." not in out
    assert page.problems == []


def test_left_out_titles_name_only_pages_outside_the_build(tmp_path: Path):
    (tmp_path / "book" / "ja").mkdir(parents=True)
    (tmp_path / "book" / "ja" / "teaching.md").write_text("---\nx: 1\n---\n\n# 授業でこの本を使う\n",
                                                         encoding="utf-8")
    assert book_index.left_out_titles(tmp_path, set()) == {"book/ja/teaching": "授業でこの本を使う"}
    assert book_index.left_out_titles(tmp_path, {"book/ja/teaching"}) == {}
