"""MyST Markdown -> Markdown that Jupyter renders, for the student notebooks.

Solutions are dropped (kept under a heading "Solution to Exercise 4.1 (title)"
with `Page.solutions`, for the teacher's notebooks); ``{exercise}`` becomes a heading "Exercise 4.1 (title)"
/ "練習 4.1 (title)" and its body; ``{glue:text}`` and the chapters' inline
expressions {eval}`glued("name:.2f")` (`glued_spec`) the number the book computed;
``{glue:figure}`` the figure itself (a cell attachment) and its numbered
caption; ``{doc}`` and ``{ref}`` links to the other notebooks or plain text;
``{numref}``/``{eq}`` the numbers the book shows; labelled equations get a
``\\tag``; admonitions become block quotes. Pure: it needs a `BookIndex` and
the glued outputs (`load_glue`), no Sphinx.
"""

from __future__ import annotations

import ast
import base64
import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from .book_index import BookIndex
from .myst_blocks import blocks, directive
from .words import WORDS

ADMONITIONS = ("note", "tip", "hint", "important", "warning", "caution", "attention",
               "danger", "error", "seealso")
DROPPED = ("solution",)
MIME_EXT = {"image/png": "png", "image/jpeg": "jpg", "image/svg+xml": "svg"}


def load_glue(folder: Path | None, docname: str) -> dict:
    """The glued outputs of a page, from myst-nb's `<folder>/<docname>.glue.json`."""
    if folder is None:
        return {}
    path = Path(folder) / f"{docname}.glue.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass
class Page:
    """What converting one page needs, and what it collects."""
    index: BookIndex
    docname: str
    glue: dict = field(default_factory=dict)        # key -> output dict (data, metadata)
    attachments: dict = field(default_factory=dict)  # name -> {mime: base64}
    problems: list = field(default_factory=list)     # what could not be converted
    glue_folder: Path | None = None                  # glued values of the other pages (`path::key`)
    solutions: bool = False                          # keep the solutions (the teacher's notebooks)

    @property
    def lang(self) -> str:
        return self.index.lang(self.docname)

    def word(self, key: str) -> str:
        return WORDS[self.lang].get(key, WORDS["en"].get(key, key))

    def link(self, text: str, docname: str) -> str:
        """`[text](other.ipynb)` to another exported notebook, else `text`."""
        if docname == self.docname or not self.index.exported(docname):
            return text
        href = posixpath.relpath(docname, posixpath.dirname(self.docname)) + ".ipynb"
        return f"[{text}]({href})"

    def glued(self, key: str):
        docname = self.docname
        if "::" in key:
            path, key = key.split("::", 1)
            docname = posixpath.normpath(posixpath.join(posixpath.dirname(self.docname), path))
            data = load_glue(self.glue_folder, docname) if self.glue_folder else {}
        else:
            data = self.glue
        output = data.get(key)
        if output is None:
            self.problems.append(f"no glued value {key!r}")
        return output


ROLE = re.compile(
    r"(?P<role>\{(?P<name>[A-Za-z][\w:.+-]*)\}(?P<rt>`+)(?P<content>.+?)(?<!`)(?P=rt)(?!`))"
    r"(?P<chapter> ?の章)?"  # a Japanese reference to a chapter: {doc}`x` の章
    r"|(?P<code>(?P<ct>`+).+?(?<!`)(?P=ct)(?!`))",
    re.S)


def _explicit(content: str) -> tuple[str | None, str]:
    """'text <target>' -> ('text', 'target'); 'target' -> (None, 'target')."""
    match = re.match(r"^(.*?)\s*<([^<>]+)>$", content.strip(), re.S)
    if match and match[1]:
        return match[1], match[2].strip()
    return None, content.strip()


def _format_glue(output, fmt: str, page: Page) -> str:
    from myst_nb.core.variables import format_plain_text

    if output is None:
        return "…"
    data = output.get("data", {})
    if "text/plain" not in data:
        page.problems.append("a glued value without text/plain")
        return "…"
    try:
        return format_plain_text(data["text/plain"], fmt)
    except (ValueError, TypeError) as err:
        page.problems.append(f"cannot format a glued value with {fmt!r}: {err}")
        return data["text/plain"]


def _doc_target(content: str, page: Page) -> str:
    """The docname a ``{doc}`` role's content names, from the page's folder."""
    target = _explicit(content)[1]
    return target.lstrip("/") if target.startswith("/") else \
        posixpath.normpath(posixpath.join(posixpath.dirname(page.docname), target))


GLUED = "glued"


def glued_spec(expression: str) -> str:
    """The spec of an inline expression `glued("<spec>")` (`lstm.glued`), the form in
    which the chapters quote a glued value: `'glued("a:.2f")'` -> `'a:.2f'`.

    Raises:
        ValueError: `expression` is not a call of `glued` with one non-empty string
            literal (and nothing else).
    """
    expected = f'a call {GLUED}("<name>") or {GLUED}("<name>:<format>") with one string literal'
    if not isinstance(expression, str):
        raise ValueError(f"Received an invalid value for argument `expression`, expected "
                         f"{expected}, got {expression!r}.")
    try:
        tree = ast.parse(expression.strip(), mode="eval").body
    except SyntaxError:
        tree = None
    if not (isinstance(tree, ast.Call) and isinstance(tree.func, ast.Name)
            and tree.func.id == GLUED and len(tree.args) == 1 and not tree.keywords
            and isinstance(tree.args[0], ast.Constant) and isinstance(tree.args[0].value, str)
            and tree.args[0].value.strip()):
        raise ValueError(f"Received an invalid value for argument `expression`, expected "
                         f"{expected}, got {expression!r}.")
    return tree.args[0].value


def convert_role(name: str, content: str, page: Page) -> str:
    index = page.index
    if name == "eval":
        try:
            name, content = "glue:text", glued_spec(content)
        except ValueError as err:
            page.problems.append(str(err))
            return content
    if name in ("glue:text", "glue:", "glue"):
        key, fmt = content, ""
        if name == "glue:text" and ":" in content.replace("::", "\0"):
            key, fmt = content.replace("::", "\0").rsplit(":", 1)
            key = key.replace("\0", "::")
        return _format_glue(page.glued(key), fmt, page)
    if name == "glue:md":
        output = page.glued(content)
        return convert_markdown(output["data"].get("text/markdown", ""), page).strip() if output else "…"
    if name == "doc":
        text, target = _explicit(content)
        docname = _doc_target(content, page)
        if docname not in index.titles:
            page.problems.append(f"unknown document {target!r}")
        return page.link(text or index.titles.get(docname, target), docname)
    if name in ("ref", "numref", "eq"):
        text, label = _explicit(content)
        target = index.labels.get(label)
        if target is None:
            page.problems.append(f"unknown label {label!r}")
            return text or label
        if target.kind == "solution":
            page.problems.append(f"a reference to the solution {label!r}")
        if name == "eq" or target.kind == "equation":
            shown = text or f"({target.number})"
        elif name == "numref" or (target.kind == "exercise" and text is None):
            template = text or page.word(target.kind)
            shown = (template.replace("%s", target.number).replace("{number}", target.number)
                     .replace("{name}", target.title))
        else:
            shown = text or target.title or label
        return page.link(shown, target.docname)
    if name == "math":
        return f"${content}$"
    if name in ("sub", "subscript"):
        return f"<sub>{content}</sub>"
    if name in ("sup", "superscript"):
        return f"<sup>{content}</sup>"
    if name in ("code", "kbd", "guilabel", "file", "samp", "command", "program"):
        return f"`{content}`"
    if name == "abbr":
        return re.sub(r"\s*\(.*\)$", "", content)
    text, _ = _explicit(content)
    return text or content


def convert_inline(text: str, page: Page) -> str:
    def replace(match):
        if match["code"]:
            return match["code"]
        converted = convert_role(match["name"], match["content"], page)
        if not match["chapter"]:
            return converted
        number = page.index.chapters.get(_doc_target(match["content"], page)) \
            if match["name"] == "doc" and page.lang == "ja" else None
        # As the web book writes it (bilingual_core.conventions): 第 3 章「単純な RNN は…」.
        return f"第 {number} 章「{converted}」" if number else converted + match["chapter"]

    return ROLE.sub(replace, text)


def _quote(text: str) -> str:
    return "\n".join(("> " + line).rstrip() for line in text.split("\n"))


def _attach(page: Page, key: str, data: dict) -> str | None:
    for mime, ext in MIME_EXT.items():
        if mime in data:
            payload = data[mime]
            if mime == "image/svg+xml":
                payload = base64.b64encode(
                    ("".join(payload) if isinstance(payload, list) else payload).encode()).decode()
            name = re.sub(r"[^\w.-]", "-", key) + "." + ext
            page.attachments[name] = {mime: payload}
            return name
    return None


def convert_directive(name, argument, options, body, page: Page, tok) -> str | None:
    """Markdown for one directive; None drops it."""
    index = page.index
    if name == "solution" and page.solutions:
        label = argument.strip()
        target = index.labels.get(label)
        if target is None:
            page.problems.append(f"a solution to an unknown exercise: {label!r}")
        exercise = page.word("exercise").replace("%s", target.number if target else "").strip()
        if target is not None and target.title:
            exercise += f" ({target.title})"
        heading = page.word("solution").replace("%s", exercise)
        return f"#### {heading}\n\n{convert_markdown(body, page).strip()}"
    if name in DROPPED:
        return None
    if name == "exercise":
        target = index.labels.get(options.get("label", ""))
        if target is None:
            page.problems.append(f"an exercise without a known label: {options.get('label')!r}")
        number = target.number if target else ""
        heading = page.word("exercise").replace("%s", number).strip()
        if argument:
            heading += f" ({convert_inline(argument, page)})"
        return f"### {heading}\n\n{convert_markdown(body, page).strip()}"
    if name in ("glue:figure", "glue", "glue:", "glue:any"):
        output = page.glued(argument)
        alt = re.sub(r"\s+", " ", str(options.get("alt", ""))).replace("[", "(").replace("]", ")")
        parts = []
        if output is not None:
            data = output.get("data", {})
            attachment = _attach(page, argument, data)
            if attachment:
                parts.append(f"![{alt}](attachment:{attachment})")
            elif "text/markdown" in data:
                parts.append(convert_markdown(data["text/markdown"], page).strip())
            elif "text/plain" in data:
                parts.append(_format_glue(output, "", page))
        if body.strip():
            target = index.labels.get(options.get("name", ""))
            caption = convert_markdown(body, page).strip()
            if target is not None and target.number:
                caption = f"**{page.word('figure') % target.number}** {caption}"
            parts.append(caption)
        return "\n\n".join(parts)
    if name == "glue:md":
        output = page.glued(argument)
        if output is None:
            return "…"
        return convert_markdown(output.get("data", {}).get("text/markdown", ""), page).strip()
    if name == "math":
        label = options.get("label")
        target = index.labels.get(label) if label else None
        tag = f"\n\\tag{{{target.number}}}" if target is not None else ""
        return f"$$\n{body.strip()}{tag}\n$$"
    if name in ADMONITIONS or name == "admonition":
        title = convert_inline(argument, page) if argument else page.word(name)
        return _quote(f"**{title}**\n\n{convert_markdown(body, page).strip()}")
    if name in ("code-block", "code", "sourcecode"):
        return f"```{argument}\n{body}\n```"
    if name in ("code-cell", "raw", "rst-class", "only"):
        return convert_markdown(body, page).strip() if name in ("rst-class", "only") else None
    if name in ("figure", "image"):
        path = (index.root / page.docname).parent / argument
        alt = options.get("alt", "")
        parts = []
        if path.is_file():
            mime = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
                    "svg": "image/svg+xml"}.get(path.suffix.lstrip(".").lower())
            if mime:
                data = base64.b64encode(path.read_bytes()).decode()
                page.attachments[path.name] = {mime: data}
                parts.append(f"![{alt}](attachment:{path.name})")
        else:
            page.problems.append(f"missing image {argument!r}")
        if body.strip():
            parts.append(convert_markdown(body, page).strip())
        return "\n\n".join(parts)
    # Containers (grid, card, tab-set, ...): their content.
    return convert_markdown(body, page).strip()


def convert_markdown(text: str, page: Page) -> str:
    """MyST Markdown -> Markdown that Jupyter renders (solutions dropped)."""
    lines = text.split("\n")
    out: list[str] = []
    cursor = 0
    for start, end, tok in blocks(text):
        out.extend(lines[cursor:start])  # blank lines between blocks
        cursor = end
        source = "\n".join(lines[start:end])
        if tok.type in ("myst_target", "myst_line_comment", "myst_block_break", "front_matter"):
            continue
        if tok.type == "math_block_label":
            target = page.index.labels.get(tok.info.strip())
            tag = f"\n\\tag{{{target.number}}}" if target is not None else ""
            out.append(f"$$\n{tok.content.strip()}{tag}\n$$")
            continue
        if tok.type in ("math_block", "amsmath"):
            out.append(source if tok.type == "math_block" else f"$$\n{tok.content.strip()}\n$$")
            continue
        found = directive(tok) if tok.type in ("fence", "colon_fence") else None
        if found:
            converted = convert_directive(*found, page, tok)
            if converted is not None:
                out.append(converted)
            continue
        if tok.type in ("fence", "code_block", "html_block"):
            out.append(source)
            continue
        out.append(convert_inline(source, page))
    out.extend(lines[cursor:])
    result = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", result)
