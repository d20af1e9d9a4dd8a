"""The student edition: the book without solutions, and its chapters as notebooks to hand out.

``tools/build_book.py --student`` (``make student``) builds the book with
sphinx-exercise's ``hide_solutions: True`` (a ``{solution}`` directive then
produces nothing: no page, search index or label holds its text) and copies
the result into ``_build/student/``:

- ``html/``: the site; ``_sources/`` holds only the chapters' notebooks made
  by this module (``html_copy_source`` is off, so the MyST sources, which
  contain the solutions, are never copied, and the theme's ``.md`` download
  is dropped from the download menu);
- ``notebooks/{en,ja}/<chapter>.ipynb``: the same notebooks, for a class
  Jupyter server.

A student notebook (`student_notebook`, the ``bilingual_ipynb_filter`` of the
student build) keeps every code cell (exercise stubs and self-checks
included) without outputs, drops the solutions, and turns the MyST markup
into Markdown that Jupyter renders: ``{exercise}`` becomes a heading
"Exercise 4.1 (title)" / "練習 4.1 (title)" and its body; ``{glue:text}``
becomes the number the book computed; ``{glue:figure}`` the figure itself (a
cell attachment) and its numbered caption; ``{doc}`` and ``{ref}`` links to
the other notebooks or plain text; ``{numref}``/``{eq}`` the numbers the book
shows; labelled equations get a ``\\tag``; admonitions become block quotes.
Glued values come from the build's executed notebooks
(``jupyter_execute/<page>.glue.json``).

With ``hide_solutions: True`` this extension also enforces the rules above
(no source copy, a solution-free notebook filter), so a plain
``jupyter-book build`` with that switch cannot leak a solution either.
"""

from __future__ import annotations

import base64
import copy
import json
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
EDITIONS = {"en": "book/en/", "ja": "book/ja/"}
# Pages of the editions that are not handed out as notebooks (the teacher's page).
TEACHER_ONLY = ("teaching",)
FILTER = "student_edition:student_notebook"

WORDS = {
    "en": {"exercise": "Exercise %s", "figure": "Fig. %s", "table": "Table %s",
           "code-block": "Listing %s", "section": "Section %s",
           "note": "Note", "tip": "Tip", "hint": "Hint", "important": "Important",
           "warning": "Warning", "caution": "Caution", "attention": "Attention",
           "danger": "Danger", "error": "Error", "seealso": "See also"},
    "ja": {"exercise": "練習 %s", "figure": "図 %s", "table": "表 %s",
           "code-block": "リスト %s", "section": "%s 節",
           "note": "注記", "tip": "ヒント", "hint": "ヒント", "important": "重要",
           "warning": "警告", "caution": "注意", "attention": "注意",
           "danger": "危険", "error": "エラー", "seealso": "参考"},
}
ADMONITIONS = ("note", "tip", "hint", "important", "warning", "caution", "attention",
               "danger", "error", "seealso")
DROPPED = ("solution",)
MIME_EXT = {"image/png": "png", "image/jpeg": "jpg", "image/svg+xml": "svg"}


# --------------------------------------------------------------------------
# The book: chapter numbers, titles, labels and their numbers
# --------------------------------------------------------------------------

@dataclass
class Target:
    docname: str
    kind: str            # "section", "exercise", "solution", "figure", "equation", "target"
    number: str = ""     # "4.1" for numbered kinds
    title: str = ""      # section title, exercise title or figure caption


@dataclass
class BookIndex:
    root: Path
    chapters: dict = field(default_factory=dict)   # docname -> chapter number ("4")
    titles: dict = field(default_factory=dict)     # docname -> first heading
    labels: dict = field(default_factory=dict)     # label -> Target

    def lang(self, docname: str) -> str:
        for lang, prefix in EDITIONS.items():
            if docname.startswith(prefix):
                return lang
        return "en"

    def exported(self, docname: str) -> bool:
        """True for the pages handed out as notebooks."""
        return docname in self.chapters and docname.rsplit("/", 1)[-1] not in TEACHER_ONLY


def toc_docnames(root: Path) -> list[list[str]]:
    """The docnames of each numbered part of `_toc.yml`, in order."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    parts = []
    for part in toc.get("parts", []):
        parts.append([entry["file"] for entry in part.get("chapters", []) if "file" in entry])
    return parts


def _markdown_parser():
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    config = MdParserConfig(
        enable_extensions={"amsmath", "colon_fence", "deflist", "dollarmath", "substitution",
                           "attrs_inline"},
        dmath_double_inline=True)
    return create_md_parser(config, RendererHTML)


_PARSER = None


def parse(text: str):
    global _PARSER
    if _PARSER is None:
        _PARSER = _markdown_parser()
    return _PARSER.parse(text)


def _blocks(text: str):
    """Top-level blocks of `text`: (first line, end line, token)."""
    for tok in parse(text):
        if tok.level == 0 and tok.map and tok.nesting >= 0:
            yield tok.map[0], tok.map[1], tok


def directive(tok):
    """(name, argument, options, body) of a ```{name} argument fence, or None."""
    match = re.match(r"^\{([\w:.+-]+)\}\s*(.*)$", tok.info.strip())
    if tok.type not in ("fence", "colon_fence") or not match:
        return None
    name, argument = match[1], match[2].strip()
    lines = tok.content.split("\n")
    options = {}
    if lines and lines[0].strip() == "---":
        end = next((k for k in range(1, len(lines)) if lines[k].strip() == "---"), None)
        if end is not None:
            options = yaml.safe_load("\n".join(lines[1:end])) or {}
            lines = lines[end + 1:]
    else:
        while lines and re.match(r"^:[\w-]+:", lines[0]):
            key, _, value = lines.pop(0)[1:].partition(":")
            options[key] = value.strip()
    body = "\n".join(lines).strip("\n")
    return name, argument, options, body


def _plain(text: str) -> str:
    """Markup stripped enough for a link text or a caption in a heading."""
    text = re.sub(r"\{[\w:.+-]+\}`([^`<]*?)\s*(?:<[^`>]*>)?`", r"\1", text)
    return text.strip()


def index_page(index: BookIndex, docname: str, text: str) -> None:
    """Collect the page's title, labels and the numbers Sphinx gives them."""
    chapter = index.chapters.get(docname)
    counters = {"exercise": 0, "figure": 0, "equation": 0}
    pending = []   # (label) targets waiting for the next block

    def number(kind):
        counters[kind] += 1
        return f"{chapter}.{counters[kind]}" if chapter else str(counters[kind])

    lines = text.split("\n")
    for start, end, tok in _blocks(text):
        if tok.type == "myst_target":
            pending.append(tok.content.strip())
            continue
        if tok.type == "heading_open":
            title = _plain(lines[start].lstrip("#").strip())
            if tok.tag == "h1" and docname not in index.titles:
                index.titles[docname] = title
            for label in pending:
                index.labels[label] = Target(docname, "section", title=title)
        else:
            for label in pending:
                index.labels[label] = Target(docname, "target")
        pending = []
        if tok.type == "math_block_label":
            index.labels[tok.info.strip()] = Target(docname, "equation", number("equation"))
            continue
        found = directive(tok)
        if not found:
            continue
        name, argument, options, body = found
        if name == "exercise":
            label = options.get("label") or f"{docname}-exercise-{counters['exercise'] + 1}"
            index.labels[label] = Target(docname, "exercise", number("exercise"), _plain(argument))
        elif name == "solution" and options.get("label"):
            index.labels[options["label"]] = Target(docname, "solution")
        elif name in ("glue:figure", "figure") and body.strip():
            num = number("figure")
            if options.get("name"):
                index.labels[options["name"]] = Target(docname, "figure", num, _plain(body))
        elif name == "math" and options.get("label"):
            index.labels[options["label"]] = Target(docname, "equation", number("equation"))


def build_index(root: Path = ROOT) -> BookIndex:
    index = BookIndex(root=root)
    for part in toc_docnames(root):
        for k, docname in enumerate(part, start=1):
            index.chapters[docname] = str(k)
    for docname in index.chapters:
        path = root / f"{docname}.md"
        if path.exists():
            index_page(index, docname, _notebook_text(path))
    return index


def _notebook_text(path: Path) -> str:
    """The Markdown of a MyST notebook as one text (code cells as fences)."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        text = text[end + 5:] if end >= 0 else text
    return text


# --------------------------------------------------------------------------
# MyST -> Jupyter Markdown
# --------------------------------------------------------------------------

@dataclass
class Page:
    """What converting one page needs, and what it collects."""
    index: BookIndex
    docname: str
    glue: dict = field(default_factory=dict)        # key -> output dict (data, metadata)
    attachments: dict = field(default_factory=dict)  # name -> {mime: base64}
    problems: list = field(default_factory=list)     # what could not be converted

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
            data = load_glue(self._glue_folder, docname) if self._glue_folder else {}
        else:
            data = self.glue
        output = data.get(key)
        if output is None:
            self.problems.append(f"no glued value {key!r}")
        return output

    _glue_folder: Path | None = None


ROLE = re.compile(
    r"(?P<role>\{(?P<name>[A-Za-z][\w:.+-]*)\}(?P<rt>`+)(?P<content>.+?)(?<!`)(?P=rt)(?!`))"
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


def convert_role(name: str, content: str, page: Page) -> str:
    index = page.index
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
        docname = posixpath.normpath(posixpath.join(posixpath.dirname(page.docname), target)) \
            if not target.startswith("/") else target.lstrip("/")
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
        return convert_role(match["name"], match["content"], page)

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
    if name in DROPPED:
        return None
    if name == "exercise":
        label = options.get("label")
        target = index.labels.get(label) if label else None
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
    for start, end, tok in _blocks(text):
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


# --------------------------------------------------------------------------
# Notebooks
# --------------------------------------------------------------------------

def load_glue(folder: Path | None, docname: str) -> dict:
    """The glued outputs of a page, from myst-nb's `<folder>/<docname>.glue.json`."""
    if folder is None:
        return {}
    path = Path(folder) / f"{docname}.glue.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def _cached_index(root: str, stamp: float) -> BookIndex:
    return build_index(Path(root))


def book_index(root: Path = ROOT) -> BookIndex:
    """The index of the book under `root` (rebuilt when a page changes)."""
    stamp = max((p.stat().st_mtime for p in (root / "book").rglob("*.md")), default=0.0)
    stamp = max(stamp, (root / "_toc.yml").stat().st_mtime)
    return _cached_index(str(root), stamp)


def to_student_notebook(nb, docname: str, *, index: BookIndex | None = None,
                        glue_folder: Path | None = None):
    """A copy of `nb` (a notebook of MyST Markdown cells) for students.

    Returns `(notebook, problems)`: code cells kept without outputs; Markdown
    converted by `convert_markdown` (solutions dropped, glued values and
    figures filled in from `glue_folder`), empty Markdown cells removed.
    """
    import nbformat

    index = index or book_index()
    page = Page(index=index, docname=docname, glue=load_glue(glue_folder, docname))
    page._glue_folder = glue_folder
    new = copy.deepcopy(nb)
    cells = []
    for cell in new.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            cells.append(cell)
            continue
        if cell.cell_type != "markdown":
            cells.append(cell)
            continue
        page.attachments = {}
        source = convert_markdown(cell.source, page).strip("\n")
        if not source.strip():
            continue
        markdown = nbformat.v4.new_markdown_cell(source)
        if page.attachments:
            markdown.attachments = dict(page.attachments)
        markdown.metadata = cell.get("metadata", {})
        cells.append(markdown)
    new.cells = cells
    new.metadata.pop("jupytext", None)
    new.metadata["lstm_edition"] = "student"
    for cell in new.cells:
        cell.pop("id", None)
    new.nbformat, new.nbformat_minor = 4, 4
    return new, page.problems


def solution_leftovers(folder: Path, index: BookIndex | None = None) -> list[str]:
    """Files under `folder` that still hold a solution: a `{solution}` directive,
    a solution's label, or a rendered solution block. Empty for a clean student edition."""
    index = index or book_index()
    labels = sorted(label for label, target in index.labels.items() if target.kind == "solution")
    pattern = re.compile("|".join([r"\{solution\}", r'class="[^"]*\bsolution\b']
                                  + [re.escape(label) + r"\b" for label in labels]))
    found = []
    for path in sorted(Path(folder).rglob("*")):
        if not path.is_file() or path.suffix not in (".html", ".js", ".ipynb", ".md", ".txt", ".json",
                                                     ".inv", ".xml"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".inv":
            import zlib

            raw = path.read_bytes()
            head, _, body = raw.partition(b"zlib.\n") if b"zlib.\n" in raw else (raw, b"", b"")
            try:
                text = head.decode("utf-8", "replace") + zlib.decompress(body).decode("utf-8", "replace")
            except zlib.error:
                pass
        match = pattern.search(text)
        if match:
            found.append(f"{path.relative_to(folder)}: {match.group(0)!r}")
    return found


# --------------------------------------------------------------------------
# Sphinx
# --------------------------------------------------------------------------

_APP = None


def student_notebook(nb, docname, *, app=None):
    """The `bilingual_ipynb_filter` of the student build."""
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    app = app if app is not None else _APP
    folder = Path(app.outdir).parent / "jupyter_execute" if app is not None else None
    root = Path(app.srcdir) if app is not None else ROOT
    new, problems = to_student_notebook(nb, docname, index=book_index(root), glue_folder=folder)
    for problem in problems:
        logger.warning("student notebook: %s", problem, location=docname,
                       type="student_edition", subtype="notebook")
    return new


def is_student(config) -> bool:
    """True when the build leaves the solutions out (sphinx-exercise's `hide_solutions`)."""
    return "hide_solutions" in config and bool(config.hide_solutions)


def on_config_inited(app, config):
    if not is_student(config):
        return
    if config.html_copy_source:
        config.html_copy_source = False  # the MyST sources hold the solutions
    if "bilingual_ipynb_filter" in config and not config.bilingual_ipynb_filter:
        config.bilingual_ipynb_filter = FILTER


def on_builder_inited(app):
    global _APP
    _APP = app


def on_page_context(app, pagename, templatename, context, doctree):
    """Without copied sources, the theme's `.md` download would be a dead link."""
    if not is_student(app.config):
        return
    for button in context.get("header_buttons", []):
        if button.get("label") == "download-buttons":
            button["buttons"] = [b for b in button.get("buttons", [])
                                 if b.get("label") != "download-source-button"]


def _teacher_only(target: str) -> bool:
    name = target.rstrip("/").rsplit("/", 1)[-1]
    return any(name == page or re.match(rf"^(?:en|ja)-{page}(?:-|$)", name) for page in TEACHER_ONLY)


def on_missing_reference(app, env, node, contnode):
    """The student edition leaves the teacher's page out: a link to it becomes its text."""
    if is_student(app.config) and node.get("reftype") in ("doc", "ref", "numref") \
            and _teacher_only(node.get("reftarget", "")):
        return contnode
    return None


def setup(app):
    app.connect("config-inited", on_config_inited, priority=800)
    app.connect("builder-inited", on_builder_inited)
    app.connect("html-page-context", on_page_context, priority=600)
    app.connect("missing-reference", on_missing_reference)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": False}
