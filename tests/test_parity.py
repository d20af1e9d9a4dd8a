"""The two editions cannot drift apart: same chapters, same code, same conventions.

For every chapter X, `book/en/X.md` and `book/ja/X.md` must have the same code
cells in the same order, equal as Python tokens once string literals and
comments are masked (so `LANG = "en"` vs `LANG = "ja"` and translated comments
are fine) and cell-option lines (`:tags: [...]`) are set aside. The book's
conventions that a build would not catch are checked here too: the exact
jupytext front matter, `import lstm` first, edition-prefixed labels, the same
glue keys in both editions.
"""

from __future__ import annotations

import io
import re
import token
import tokenize

import pytest

from helpers import BOOK, CHAPTERS, EDITIONS, FRONT_MATTER, code_cells


# --------------------------------------------------------------------------
# Comparing code cells (`code_cells`, which reads them, is in helpers.py)
# --------------------------------------------------------------------------

def masked_tokens(source: str) -> list[tuple[str, str]]:
    """Python tokens with strings as STR and comments, blank lines and
    indentation tokens dropped; IPython magics (%..., !...) compared as text."""
    out: list[tuple[str, str]] = []
    plain = []
    for line in source.splitlines():
        if re.match(r"\s*[%!]", line):
            out.append(("MAGIC", _mask_strings(line.strip())))
            plain.append("")
        else:
            plain.append(line)
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO("\n".join(plain) + "\n").readline))
    except (tokenize.TokenError, IndentationError, SyntaxError) as err:
        return [("UNTOKENIZABLE", f"{err}: {_mask_strings(source)}")]
    string_types = {token.STRING}
    for name in ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END"):
        if hasattr(token, name):
            string_types.add(getattr(token, name))
    for tok in tokens:
        if tok.type in string_types:
            if not out or out[-1] != ("STR", "STR"):
                out.append(("STR", "STR"))
        elif tok.type in (token.COMMENT, token.NL, token.INDENT, token.DEDENT, token.ENDMARKER):
            continue
        else:
            out.append((token.tok_name[tok.type], tok.string))
    return out


def _mask_strings(text: str) -> str:
    return re.sub(r"(\"[^\"]*\"|'[^']*')", "STR", text)


def glue_keys(source: str) -> list[str]:
    """First arguments of glue(...) calls, in order."""
    return [m["key"] for m in re.finditer(r"\bglue\(\s*[rbuf]*(?P<q>['\"])(?P<key>.*?)(?P=q)", source)]


def read(lang: str, name: str) -> str:
    return (BOOK / lang / f"{name}.md").read_text(encoding="utf-8")


# --------------------------------------------------------------------------
# Tests of the helpers themselves
# --------------------------------------------------------------------------

def test_code_cells_and_masking():
    text = (
        "# Title\n\n```{code-cell} ipython3\n:tags: [hide-input]\n\n"
        "LANG = \"en\"  # language\nfig = plot(lang=LANG, title='A')\n```\n\n"
        "````{code-cell} ipython3\nprint(f\"{x:.3f} done\")\n````\n"
    )
    cells = code_cells(text)
    assert cells == ["LANG = \"en\"  # language\nfig = plot(lang=LANG, title='A')",
                     "print(f\"{x:.3f} done\")"]
    ja = "LANG = \"ja\"  # 言語\nfig = plot(lang=LANG, title='図')"
    assert masked_tokens(cells[0]) == masked_tokens(ja)
    assert masked_tokens(cells[0]) != masked_tokens(ja.replace("LANG,", "'ja',"))
    assert glue_keys("glue('acc', a)\nglue(\"fig-x\", fig, display=False)") == ["acc", "fig-x"]


# --------------------------------------------------------------------------
# The editions
# --------------------------------------------------------------------------

def test_toc_lists_the_same_chapters_in_both_editions():
    assert CHAPTERS["en"], "_toc.yml lists no chapter under book/en/"
    assert CHAPTERS["en"] == CHAPTERS["ja"]


def test_both_editions_have_the_same_files():
    files = {lang: sorted(p.name for p in (BOOK / lang).glob("*.md")) for lang in EDITIONS}
    assert files["en"] == files["ja"], "book/en and book/ja hold different chapter files"
    listed = sorted(f"{name}.md" for name in CHAPTERS["en"])
    missing = sorted(set(listed) - set(files["en"]))
    assert not missing, f"chapters in _toc.yml without a file: {missing}"
    extra = sorted(set(files["en"]) - set(listed))
    assert not extra, f"chapter files that _toc.yml does not list: {extra}"


@pytest.mark.parametrize("name", CHAPTERS["en"])
def test_code_cells_are_the_same_in_both_editions(name):
    en, ja = (code_cells(read(lang, name)) for lang in EDITIONS)
    assert len(en) == len(ja), (
        f"{name}: {len(en)} code cells in English, {len(ja)} in Japanese")
    for index, (a, b) in enumerate(zip(en, ja)):
        ta, tb = masked_tokens(a), masked_tokens(b)
        if ta != tb:
            first = next(i for i, (x, y) in enumerate(zip(ta + [None], tb + [None])) if x != y)
            pytest.fail(
                f"{name}: code cell {index + 1} differs outside strings and comments "
                f"(first difference at token {first}: en {ta[first:first + 4]} vs "
                f"ja {tb[first:first + 4]})\n--- en ---\n{a}\n--- ja ---\n{b}", pytrace=False)


@pytest.mark.parametrize("name", CHAPTERS["en"])
def test_glue_keys_are_the_same_in_both_editions(name):
    en, ja = ([key for cell in code_cells(read(lang, name)) for key in glue_keys(cell)]
              for lang in EDITIONS)
    assert en == ja


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("name", CHAPTERS["en"])
def test_chapter_conventions(lang, name):
    text = read(lang, name)
    assert text.startswith(FRONT_MATTER), f"book/{lang}/{name}.md: front matter differs from the book's"
    cells = code_cells(text)
    assert cells, f"book/{lang}/{name}.md has no code cell"
    first = [line for line in cells[0].splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert first and first[0].split("#")[0].strip() == "import lstm", (
        f"book/{lang}/{name}.md: the first code cell must start with `import lstm`")
    # Every label carries the edition's prefix, so labels are unique across the book.
    labels = re.findall(r"^\((?P<l>[^)\s]+)\)=\s*$", text, flags=re.M)
    labels += re.findall(r"^:(?:name|label):\s*(\S+)", text, flags=re.M)
    labels += re.findall(r"^\$\$\s*\((\S+)\)\s*$", text, flags=re.M)
    wrong = [label for label in labels if not label.startswith(f"{lang}-")]
    assert not wrong, f"book/{lang}/{name}.md: labels without the `{lang}-` prefix: {wrong}"
    # A `---` YAML block inside a code cell is not the book's style (use :tags: lines).
    assert not re.search(r"^```\{code-cell\}[^\n]*\n---\n", text, flags=re.M)
