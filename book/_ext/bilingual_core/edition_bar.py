"""The bar above every chapter: the same chapter in the other edition
(日本語で読む / Read in English) and the chapter as a Jupyter notebook.

Pure: HTML from the page's strings (`language.UI`) and the relative links.
"""

from __future__ import annotations

import html


def edition_link(ui: dict[str, str], href: str, other_lang: str) -> str:
    return (f'<a class="edition-link" href="{html.escape(href)}" hreflang="{other_lang}" '
            f'lang="{ui["other_lang"]}" title="{html.escape(ui["other_title"])}">'
            f'<i class="fa-solid fa-language" aria-hidden="true"></i> {html.escape(ui["other"])}</a>')


def notebook_link(ui: dict[str, str], href: str) -> str:
    return (f'<a class="notebook-link" href="{html.escape(href)}" download '
            f'title="{html.escape(ui["notebook_title"])}">'
            f'<i class="fa-solid fa-download" aria-hidden="true"></i> {html.escape(ui["notebook"])}</a>')


def edition_bar(ui: dict[str, str], *, twin: tuple[str, str] | None = None,
                notebook: str | None = None) -> str:
    """The bar's HTML (with its newline), or "" when it has nothing to offer.
    `twin` is (href, language) of the other edition's chapter, `notebook` the
    href of the chapter's notebook."""
    items = []
    if twin is not None:
        items.append(edition_link(ui, *twin))
    if notebook:
        items.append(notebook_link(ui, notebook))
    if not items:
        return ""
    return (f'<nav class="edition-bar" aria-label="{html.escape(ui["bar_label"])}">'
            + "".join(items) + "</nav>\n")


def alternate_link(href: str, other_lang: str) -> str:
    """The `<link rel="alternate">` to the other edition (for the page's `metatags`)."""
    return f'\n<link rel="alternate" hreflang="{other_lang}" href="{html.escape(href)}" />'
