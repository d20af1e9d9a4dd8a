"""The chapters read in JupyterLab as on the web: MyST rendered by jupyterlab-myst,
glued numbers shown once the cells above have run.

One short chapter per edition is opened as a notebook (jupytext's view, as
`make lab` opens it), every cell is run from the Run menu, and each rendered
Markdown cell is read back from the page:

- no raw MyST: no `{glue`, `{doc}`, `{numref}`, `{ref}`, `{eval}` role, no `(label)=`
  target line, no `:alt:`/`:name:` option; an "Unknown Directive" box only for each
  `{glue:figure}`/`{glue:md}` (myst-nb's, which jupyterlab-myst does not know);
- every `{eval}`glued("…")`` of the chapter (`lstm.glued`) shows a number, and no
  expression is left unevaluated or failed;
- the console holds no error but jupyterlab-myst's "Cross reference target was not
  found" for the references it cannot follow (a label in another chapter, or on a
  `{glue:figure}`, a directive of myst-nb that jupyterlab-myst does not know): the
  test computes that list from the chapter and requires exactly it, so a new
  error of any kind fails.

The page may load only from the local JupyterLab server.
"""

from __future__ import annotations

import re

import pytest
from helpers import BOOK, ROOT, open_offline_page
from lab import (PANEL, WHOLE_NOTEBOOK, assert_only_unresolved_references, jupyter_lab, open_notebook,
                 run_all, unreachable_labels)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Short chapters, one per edition, with glued numbers and cross-references.
CHAPTERS = ["book/en/digits.md", "book/ja/tf1-to-tf2.md"]

RAW_MYST = re.compile(r"\{(?:glue[\w:]*|doc|numref|ref|eq|eval)\}|^\([\w-]+\)=|:alt:|:name:", re.M)
NUMBER = re.compile(r"^-?(?:\d[\d,]*(?:\.\d+)?(?:%|×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?|inf)$")  # inf: an overflowed loss
# myst-nb's directives that jupyterlab-myst does not know: it shows an "Unknown
# Directive" box instead, without their body (a figure's caption and its numbers).
GLUE_DIRECTIVE = re.compile(r"^(`{3,})\{glue:(?:figure|md)\}.*?^\1[ \t]*$", re.M | re.S)
EVAL = re.compile(r"\{eval\}`glued\(\"(?P<spec>[^\"`]+)\"\)`")
SHOTS = ROOT / "_build" / "lab-screenshots"

# Per Markdown cell: the rendered text, the expressions still shown as code
# (jupyterlab-myst shows `glued("…")` until the cell runs), and failed ones.
READ_CELLS = """(panel) => [...document.querySelectorAll(`${panel} .jp-MarkdownCell`)].map(cell => {
    const out = cell.querySelector('.myst, .jp-MarkdownOutput');  // jupyterlab-myst's, or JupyterLab's own
    return {
        text: out ? out.innerText : '',
        pending: out ? [...out.querySelectorAll('code')].map(c => c.textContent)
            .filter(t => t.startsWith('glued(')) : [],
        failed: out ? [...out.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"]')]
            .map(e => e.textContent) : [],
    };
})"""


def shown_values(before: dict, after: dict) -> list[str]:
    """What a cell shows in place of each expression: its text before the run (each
    expression as the code `glued("…")`) is a template of its text after the run."""
    if not before["pending"]:
        assert after["text"] == before["text"]
        return []
    pieces, rest = [], before["text"]
    for code in before["pending"]:
        head, _, rest = rest.partition(code)
        pieces.append(re.escape(head))
    match = re.fullmatch("(.+?)".join(pieces) + "(.+?)" + re.escape(rest), after["text"], re.S)
    assert match, f"the cell reads differently after the run:\n{before['text']}\n---\n{after['text']}"
    return [value.strip() for value in match.groups()]


def test_unreachable_labels_are_read_from_the_chapter():
    text = ("```{glue:figure} fig-a\n:alt: x\n:name: en-fig-a\n\ncap\n```\n\n(en-sec)=\n## S\n\n"
            "{numref}`en-fig-a`, {ref}`S <en-sec>`, {ref}`2000 <en-ref-gers2000>`, {numref}`en-fig-a`.")
    assert unreachable_labels(text) == ["en-fig-a", "en-ref-gers2000"]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_reads_in_jupyterlab(browser, chapter):
    source = (ROOT / chapter).read_text(encoding="utf-8")
    specs = [m["spec"] for m in EVAL.finditer(GLUE_DIRECTIVE.sub("", source))]
    assert specs, f"{chapter} quotes no glued value: choose a chapter that does"
    with jupyter_lab(files=(chapter,), settings=WHOLE_NOTEBOOK) as base, \
            open_offline_page(browser, base) as lab_page:
        page = lab_page.page
        page.set_viewport_size({"width": 1280, "height": 900})
        open_notebook(page, base, chapter)
        before = page.evaluate(READ_CELLS, PANEL)
        errors = run_all(page, timeout=300)
        page.wait_for_function(  # the last Markdown cells render after the last code cell
            """(panel) => ![...document.querySelectorAll(`${panel} .myst code`)]
                .some(c => c.textContent.startsWith('glued('))""", arg=PANEL, timeout=60_000)
        after = page.evaluate(READ_CELLS, PANEL)
        SHOTS.mkdir(parents=True, exist_ok=True)
        name = chapter.replace("book/", "").replace("/", "-").removesuffix(".md")
        quoting = next((i for i, cell in enumerate(before) if cell["pending"]), 0)
        page.locator(f"{PANEL} .jp-MarkdownCell").nth(quoting).evaluate("cell => cell.scrollIntoView()")
        page.screenshot(path=str(SHOTS / f"{name}.png"))  # the first cell that quotes numbers

    assert errors == [], "the chapter's cells wrote to stderr or raised:\n" + "\n".join(errors)
    # Before the run, each expression waits as code; after it, none does.
    assert sum(len(cell["pending"]) for cell in before) == len(specs)
    assert [cell["pending"] for cell in after if cell["pending"]] == []
    assert [cell["failed"] for cell in after if cell["failed"]] == []
    raw = [(i, RAW_MYST.findall(cell["text"])) for i, cell in enumerate(after) if RAW_MYST.search(cell["text"])]
    unknown = sum(cell["text"].count("Unknown Directive") for cell in after)
    assert unknown == len(GLUE_DIRECTIVE.findall(source)), "an unknown directive besides {glue:figure}/{glue:md}"
    assert raw == [], f"Markdown cells showing raw MyST: {raw}"
    # Every glued number is on the page as a number, where its expression was.
    shown = [value for old, new in zip(before, after) for value in shown_values(old, new)]
    assert len(shown) == len(specs)
    assert [(spec, value) for spec, value in zip(specs, shown) if not NUMBER.match(value)] == []
    assert_only_unresolved_references(lab_page.console_errors, source)
    assert lab_page.page_errors == []
    lab_page.assert_offline()


def test_chapters_name_real_files():
    assert all((BOOK.parent / chapter).is_file() for chapter in CHAPTERS)
