"""The book as the student edition sees it: chapter numbers, titles, labels and
their numbers, read from the MyST sources with markdown-it (myst-parser's
parser), without a Sphinx build. The student edition keeps this numbering of
its own (Sphinx's numbers are not used).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
EDITIONS = {"en": "book/en/", "ja": "book/ja/"}
# Pages of the editions that are not handed out as notebooks (the teacher's page).
TEACHER_ONLY = ("teaching",)

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


def blocks(text: str):
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


def plain(text: str) -> str:
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
    for start, end, tok in blocks(text):
        if tok.type == "myst_target":
            pending.append(tok.content.strip())
            continue
        if tok.type == "heading_open":
            title = plain(lines[start].lstrip("#").strip())
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
            index.labels[label] = Target(docname, "exercise", number("exercise"), plain(argument))
        elif name == "solution" and options.get("label"):
            index.labels[options["label"]] = Target(docname, "solution")
        elif name in ("glue:figure", "figure") and body.strip():
            num = number("figure")
            if options.get("name"):
                index.labels[options["name"]] = Target(docname, "figure", num, plain(body))
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
            index_page(index, docname, notebook_text(path))
    return index


def notebook_text(path: Path) -> str:
    """The Markdown of a MyST notebook as one text (code cells as fences)."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        text = text[end + 5:] if end >= 0 else text
    return text



@lru_cache(maxsize=4)
def _cached_index(root: str, stamp: float) -> BookIndex:
    return build_index(Path(root))


def book_index(root: Path = ROOT) -> BookIndex:
    """The index of the book under `root` (rebuilt when a page changes)."""
    stamp = max((p.stat().st_mtime for p in (root / "book").rglob("*.md")), default=0.0)
    stamp = max(stamp, (root / "_toc.yml").stat().st_mtime)
    return _cached_index(str(root), stamp)
