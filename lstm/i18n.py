"""The book's two languages: the registry, one lookup, and where the tables are.

Every table of bilingual text in the package has one of two layouts, and
`text` reads both:

- language-major, `{"en": {key: text}, "ja": {key: text}}`: the labels of the
  figures and the widgets, where one language's strings are read together;
- message-major, `{key: {"en": text, "ja": text}}`: the self-check messages
  (`lstm.checks.messages`), where a message and its translation are edited
  together, as sphinx-exercise keeps its translations.

`TABLES` names every table; one test checks that each key has both languages
(with the same `{fields}`) and that each key is used.
"""

from __future__ import annotations

from typing import Any, Mapping

from . import _validate as v

LANGS = ("en", "ja")
"""The editions of the book: English and Japanese."""

TABLES = (
    "plotting.TEXT", "explorers.anywidgets.TEXT", "explorers.experiment.TEXT", "checks.messages.MESSAGES",
    "figures.ablation.TEXT", "figures.backprop.TEXT", "figures.block.TEXT", "figures.digits.TEXT",
    "figures.gates.TEXT", "figures.gradients.TEXT", "figures.inside.TEXT", "figures.scratch.TEXT",
    "figures.sequence.TEXT", "figures.studies.TEXT", "figures.training.TEXT",
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


def text(table: Mapping[str, Any], lang: str, key: str, **fields: Any) -> Any:
    """The entry `key` of `table` in `lang`, with `fields` filled in if given.

    Args:
        table: a language-major or message-major table (see the module docstring).
        lang: `"en"` or `"ja"`.
        key: the entry's key.
        **fields: values for the entry's `{fields}` (`str.format`).
    """
    lang = check_lang(lang)
    entry = table[lang][key] if lang in table else table[key][lang]
    return entry.format(**fields) if fields else entry
