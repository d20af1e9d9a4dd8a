"""Each edition reads as its own book: the sidebar and the Previous/Next links stay
in the page's edition. Pure functions; `events.py` applies them to the page context.

The table of contents holds both editions (one Sphinx project). On a chapter of
one edition, `keep_edition` removes the other edition's part from the sidebar
(its caption and its list), and `same_edition` tells whether a Previous or Next
link stays in the edition: the last English chapter's Next would otherwise lead
to the first Japanese one. Pages outside both editions (the landing page) keep
everything, but for the search page of the base edition (see `passages.search_page`).
"""

from __future__ import annotations

import posixpath
import re

from .language import folder_edition

PART = re.compile(
    r'<p aria-level="2" class="caption" role="heading">.*?</p>\s*(<ul class="[^"]*bd-sidenav[^"]*">)', re.S)
HREF = re.compile(r'href="([^"#?]+)')


def edition_of(docname: str, editions: dict[str, str]) -> str | None:
    """The edition (`"en"`, `"ja"`) whose folder holds `docname`, or None."""
    return folder_edition(editions, docname)


def target_docname(pagename: str, href: str) -> str:
    """The docname that a relative link `href` on `pagename` leads to."""
    path = posixpath.normpath(posixpath.join(posixpath.dirname(pagename), href))
    return path[:-5] if path.endswith(".html") else path


def same_edition(pagename: str, href: str, editions: dict[str, str]) -> bool:
    """Whether the relative link `href` on `pagename` stays in the page's edition
    (always true on a page outside both editions)."""
    edition = edition_of(pagename, editions)
    return edition is None or edition_of(target_docname(pagename, href), editions) == edition


def _list_end(html: str, start: int) -> int:
    """The index just past the `</ul>` that closes the list opening at `start`."""
    depth = 0
    for match in re.finditer(r"<(/?)ul\b[^>]*>", html[start:]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return start + match.end()
    return len(html)  # an unclosed list runs to the end


def keep_edition(html: str, pagename: str, editions: dict[str, str], edition: str | None = None) -> str:
    """The sidebar's HTML without the parts whose pages belong to another edition
    than `edition` (by default the edition of `pagename`)."""
    edition = edition or edition_of(pagename, editions)
    if edition is None:
        return html
    out, position = [], 0
    for match in PART.finditer(html):
        end = _list_end(html, match.start(1))
        links = HREF.findall(html[match.start(1):end])
        targets = {edition_of(target_docname(pagename, href), editions) for href in links} - {None}
        out.append(html[position:match.start()])
        if not targets or edition in targets:
            out.append(html[match.start():end])
        position = end
    out.append(html[position:])
    return "".join(out)
