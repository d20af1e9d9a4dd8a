"""The book's two languages: the registry, one lookup, and every table of text.

Every string the package shows a reader (figure labels, the explorers, the
self-checks' messages) lives in this package, message-major, as
sphinx-exercise keeps its translations: `{key: {"en": text, "ja": text}}`, a
message beside its translation. `figures` holds the figures' labels (one
table per figure module), `explorers` the two explorers' words, `messages`
the self-checks' messages. The modules that show them import their table
and read it with `text`.

`TABLES` names every table; one test checks that each key has both languages
(with the same `{fields}`) and that each key is used. `JA_TERMS` lists the
terms the Japanese edition avoids, with the term it uses.
"""

from __future__ import annotations

from typing import Any, Mapping

from .. import _validate as v

LANGS = ("en", "ja")
"""The editions of the book: English and Japanese."""

TABLES = (
    "i18n.figures.SHARED", "i18n.figures.ABLATION", "i18n.figures.BACKPROP", "i18n.figures.BLOCK",
    "i18n.figures.DIGITS", "i18n.figures.GATES", "i18n.figures.GRADIENTS", "i18n.figures.INSIDE", "i18n.figures.LAGS",
    "i18n.figures.SCRATCH", "i18n.figures.SEQUENCE", "i18n.figures.STUDIES", "i18n.figures.TRAINING",
    "i18n.explorers.LIVE", "i18n.explorers.EXPERIMENT", "i18n.messages.MESSAGES",
)
"""Every table of bilingual text, as `module.NAME` under `lstm`."""


JA_TERMS = {
    "モダン": "現代的（現代的なレシピ）",
    "長・短期記憶": "長短期記憶",
    "勾配発散": "勾配爆発",
    "フォーゲット": "忘却（忘却ゲート）",
    "メモリセル": "記憶セル",
    "私たちの実行では": "筆者が試した範囲では",
    "元記事": "記事",
    "長期短期記憶": "長短期記憶",
    "長短期メモリ": "長短期記憶",
    "活性化前の値": "線形和（ゲートの W·[x, h] + b）",
    "ゲートエクスプローラ": "ゲート・エクスプローラー",
    "ウイジェット": "ウィジェット（Jupyter のウィジェット一般、探索用の 2 つはエクスプローラー）",
}
"""Terms the Japanese edition avoids, with the term it uses instead: one term per
idea across the chapters and the package's Japanese strings (a test checks both)."""


def check_lang(lang: str) -> str:
    """`lang` if it is one of `LANGS`, else the package's `ValueError`."""
    return v.one_of("lang", lang, LANGS)


def strings(table: Mapping[str, Mapping[str, Any]], lang: str) -> dict[str, Any]:
    """Every entry of `table` in `lang`, `{key: text}`: for code that reads many at once."""
    lang = check_lang(lang)
    return {key: entry[lang] for key, entry in table.items()}


def text(table: Mapping[str, Any], lang: str, key: str, **fields: Any) -> Any:
    """The entry `key` of `table` in `lang`, with `fields` filled in if given.

    Args:
        table: a table of this package, `{key: {"en": text, "ja": text}}`.
        lang: `"en"` or `"ja"`.
        key: the entry's key.
        **fields: values for the entry's `{fields}` (`str.format`).
    """
    lang = check_lang(lang)
    entry = table[key][lang]
    return entry.format(**fields) if fields else entry
