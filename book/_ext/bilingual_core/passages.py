"""The passages the book's search looks in: each page's sections as plain text.

`page_passages(html)` reads one built page and returns its sections, each with
its anchor (the `<section id>`), its heading and the text a reader sees in it:
the prose, admonitions, exercises and solutions, figure captions, tables.
Left out: code cells and their outputs, math source, scripts and styles, the
edition bar and the headings' `#` links. A section's text holds only what is
not inside a nested section, so every word belongs to one passage.

The search page loads these passages as a script (`search_passages_script`),
so search works and shows the matching passage from disk (`file://`), where a
page cannot fetch another page. Pure: no Sphinx; the adapter is in `events.py`.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

# Elements whose whole content is left out, by tag or by class.
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "button"})
SKIP_CLASSES = frozenset({"cell_input", "cell_output", "edition-bar", "headerlink",
                          "section-number", "toggle-details__summary", "tb-icon"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that never have an end tag.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
BLOCKS = frozenset({"p", "div", "li", "dt", "dd", "td", "th", "figcaption", "caption",
                    "blockquote", "pre", "tr", "summary"}) | HEADINGS
_SPACE = re.compile(r"\s+")
_INLINE_MATH = re.compile(r"\\[()]")  # MathJax's \( and \) around inline math
# Where a page's content starts: the theme's article element.
ARTICLE_CLASS = "bd-article"


class _Extractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_article = 0          # 1 while inside the article
        self.skip_depth = 0          # > 0 while inside a left-out element
        self.stack: list[tuple[str, bool, bool]] = []   # (tag, skipping?, opens a section?)
        self.sections: list[dict] = []
        self.open: list[int] = []    # indices into `sections` of the open <section>s
        self.heading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        if not self.in_article:
            if tag == "article" and ARTICLE_CLASS in classes:
                self.in_article = 1
                self.stack.append((tag, False, False))
            return
        if tag in VOID:
            if tag == "br":
                self._text(" ")
            return
        skip = (tag in SKIP_TAGS or bool(classes & SKIP_CLASSES) or attrs.get("aria-hidden") == "true"
                or (tag == "div" and "math" in classes))  # display equations (inline math stays)
        opens = tag == "section" and bool(attrs.get("id")) and not self.skip_depth
        self.stack.append((tag, skip, opens))
        if skip:
            self.skip_depth += 1
        if opens:
            self.sections.append({"id": attrs["id"], "heading": "", "text": []})
            self.open.append(len(self.sections) - 1)
        if tag in HEADINGS and not self.skip_depth and self.open and \
                not self.sections[self.open[-1]]["heading"]:
            self.heading = []
        elif tag in BLOCKS:
            self._text(" ")

    def handle_endtag(self, tag):
        if not self.in_article or tag in VOID:
            return
        # Close up to the matching open tag (the theme's HTML is well formed; be lenient).
        while self.stack:
            open_tag, skip, opens = self.stack.pop()
            if skip:
                self.skip_depth -= 1
            if opens:
                self.open.pop()
            if open_tag in HEADINGS and self.heading is not None:
                self.sections[self.open[-1]]["heading"] = _clean("".join(self.heading)) \
                    if self.open else ""
                self.heading = None
            if open_tag == tag:
                break
        if not self.stack:
            self.in_article = 0      # the article itself closed
        elif tag in BLOCKS:
            self._text(" ")

    def handle_data(self, data):
        if self.in_article and not self.skip_depth:
            self._text(data)

    def _text(self, data):
        if self.heading is not None:
            self.heading.append(data)
        elif self.open:
            self.sections[self.open[-1]]["text"].append(data)


def _clean(text: str) -> str:
    return _SPACE.sub(" ", _INLINE_MATH.sub("", text)).strip()


def page_passages(html: str) -> list[dict]:
    """The sections of one built page, in document order: `{"id", "heading", "text"}`
    (`text` without the text of nested sections). A section without a heading is
    read as part of the passage before it. A page without the theme's article
    element has no passages."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    passages: list[dict] = []
    for section in parser.sections:
        text = _clean("".join(section["text"]))
        if section["heading"] or not passages:
            passages.append({"id": section["id"], "heading": section["heading"], "text": text})
        elif text:
            # A section without a heading (an exercise's or a solution's body, whose ids
            # repeat on the page) belongs to the passage before it.
            passages[-1]["text"] = f"{passages[-1]['text']} {text}".strip()
    return passages


def search_passages_script(pages: list[dict]) -> str:
    """The JavaScript that hands the passages to the search page: `pages` is a
    list of `{"doc", "title", "lang", "sections"}`, in the book's order."""
    data = json.dumps(pages, ensure_ascii=False, separators=(",", ":"))
    return f"/* The book's passages for search (book/_ext/bilingual_core/passages.py). */\n" \
           f"var BOOK_SEARCH_PASSAGES = {data};\n"


SEARCH = "search"
"""Sphinx's search page (the English edition's and the landing page's)."""


def search_page(editions: dict[str, str], lang: str, base: str) -> str:
    """The search page of the edition `lang`: Sphinx's own for the base language,
    ``<edition folder>search`` for the others (e.g. ``book/ja/search``), so that its
    strings, its sidebar and its ranking are in the edition's language."""
    return SEARCH if lang == base else editions[lang] + SEARCH


def is_search_page(pagename: str, editions: dict[str, str]) -> bool:
    return pagename == SEARCH or any(pagename == prefix + SEARCH for prefix in editions.values())
