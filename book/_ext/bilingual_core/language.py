"""Which edition a page belongs to, and the strings the extension writes per language.

Pure: the functions take the `bilingual_editions` mapping ({language: docname
prefix}); `page_language` and `counterpart` read it from a Sphinx app.
"""

from __future__ import annotations

BASE_LANGUAGE = "en"

# Strings this extension writes into pages, per language.
UI = {
    "en": {
        "other": "日本語で読む",
        "other_lang": "ja",
        "other_title": "この章を日本語で読む",
        "bar_label": "Other edition and downloads",
        "notebook": "Download as a notebook (.ipynb)",
        "notebook_title": "This chapter as a Jupyter notebook: open it in JupyterLab and run it",
        "search_bar": "Search this book...",
    },
    "ja": {
        "other": "Read in English",
        "other_lang": "en",
        "other_title": "Read this chapter in English",
        "bar_label": "他の言語版とダウンロード",
        "notebook": "ノートブック (.ipynb) をダウンロード",
        "notebook_title": "この章の Jupyter ノートブック: JupyterLab で開いて実行できます",
        "search_bar": "この本を検索...",
    },
}

# Strings that myst-nb writes in English whatever the language (hide-input cells).
BODY_STRINGS = {
    "ja": {
        'aria-label="Toggle hidden content"': 'aria-label="隠れた内容を開閉"',
        ">Show code cell source<": ">コードを表示<",
        ">Hide code cell source<": ">コードを隠す<",
        ">Show code cell output<": ">出力を表示<",
        ">Hide code cell output<": ">出力を隠す<",
        ">Show code cell outputs<": ">出力を表示<",
        ">Hide code cell outputs<": ">出力を隠す<",
        ">Show code cell content<": ">セルを表示<",
        ">Hide code cell content<": ">セルを隠す<",
    },
}


def folder_edition(editions: dict[str, str], docname: str) -> str | None:
    """The edition whose folder holds `docname`, or None (the landing page)."""
    for lang, prefix in editions.items():
        if docname.startswith(prefix):
            return lang
    return None


def edition_of(editions: dict[str, str], pagename: str) -> str:
    """The language of `pagename`: the edition whose folder holds it, else English."""
    return folder_edition(editions, pagename) or BASE_LANGUAGE


def twin_of(editions: dict[str, str], pagename: str) -> tuple[str, str] | None:
    """(language, docname) of the same chapter in the other edition, or None
    for pages outside the editions (the landing page, genindex, search)."""
    for lang, prefix in editions.items():
        if pagename.startswith(prefix):
            rest = pagename[len(prefix):]
            for other, other_prefix in editions.items():
                if other != lang:
                    return other, other_prefix + rest
    return None


def ui_strings(lang: str) -> dict[str, str]:
    return UI.get(lang, UI[BASE_LANGUAGE])


def translate_body(body: str, lang: str) -> str:
    """`body` with myst-nb's English strings in `lang`."""
    for old, new in BODY_STRINGS.get(lang, {}).items():
        body = body.replace(old, new)
    return body


def page_language(app, pagename: str) -> str:
    return edition_of(app.config.bilingual_editions, pagename)


def counterpart(app, pagename: str) -> tuple[str, str] | None:
    return twin_of(app.config.bilingual_editions, pagename)
