"""Translators per language: Sphinx's, the theme's and the extensions' gettext
catalogs, switched per page (Sphinx's `language` is one setting per project).

`LanguageSwitch` holds, for each edition's language, the translators that
``sphinx.locale.get_translation`` reads, the `numfig_format` and the Jinja
environment's gettext, and switches between them (a few dict updates).
`numfig_word` and `DictTranslations` are pure.
"""

from __future__ import annotations

import gettext
from pathlib import Path

import sphinx
import sphinx.locale

from .language import BASE_LANGUAGE

# Japanese strings that the installed catalogs lack (checked: sphinx-exercise 1.2.1
# translates "Solution to" but not "Solution"; the book theme lacks "Search").
EXTRA_TRANSLATIONS = {
    "ja": {
        # Sphinx 7.4 / pydata-sphinx-theme 0.17 strings missing from their ja catalogs.
        "sphinx": {
            "Link to this heading": "この見出しへのリンク",
            "Link to this equation": "この式へのリンク",
            "Link to this image": "この画像へのリンク",
            "Link to this table": "この表へのリンク",
            "Link to this code": "このコードへのリンク",
            "Link to this definition": "この定義へのリンク",
            "Color mode": "カラーモード",
            "System Settings": "システム設定",
            "Toggle primary sidebar": "左のサイドバーを開閉",
            "Toggle secondary sidebar": "右のサイドバーを開閉",
            "Main": "メイン",
            "Page": "ページ",
            "Skip to main content": "メインコンテンツへ移動",
            "Back to top": "ページの先頭へ",
        },
        "exercise": {"Solution": "解答", "Exercise": "練習", "Solution to": "解答"},
        "booktheme": {"Search": "検索"},
        "togglebutton": {"Click to show": "クリックして表示", "Click to hide": "クリックして非表示"},
    },
}


class DictTranslations(gettext.NullTranslations):
    def __init__(self, table):
        super().__init__()
        self._table = table

    def gettext(self, message):
        if message in self._table:
            return self._table[message]
        return super().gettext(message)


def catalog_dirs(app, lang: str) -> dict[str, list[Path]]:
    """{catalog: [locale dirs]} for every `<dir>/<lang>/LC_MESSAGES/<catalog>.mo`
    shipped by Sphinx or by a loaded extension's package, plus `locale_dirs`."""
    roots: list[Path] = [Path(sphinx.__file__).parent / "locale"]
    skip = {"site-packages", "dist-packages", "lib-dynload"}
    for ext in app.extensions.values():
        module_file = getattr(ext.module, "__file__", None)
        if not module_file or not module_file.endswith("__init__.py"):
            continue  # single-file modules: their folder is shared with other packages
        root = Path(module_file).parent
        if root.name not in skip and root not in roots and root != Path(sphinx.__file__).parent:
            roots.append(root)
    for d in app.config.locale_dirs:
        roots.append(Path(app.srcdir, d))
    found: dict[str, list[Path]] = {}
    for root in roots:
        for mo in sorted(root.rglob(f"{lang}/LC_MESSAGES/*.mo")):
            localedir = mo.parent.parent.parent
            found.setdefault(mo.stem, [])
            if localedir not in found[mo.stem]:
                found[mo.stem].append(localedir)
    return found


def translator_for(catalog: str, dirs: list[Path], lang: str):
    translator = None
    for localedir in dirs:
        try:
            trans = gettext.translation(catalog, localedir=str(localedir), languages=[lang])
        except OSError:
            continue
        if translator is None:
            translator = trans
        else:
            translator.add_fallback(trans)
    extra = EXTRA_TRANSLATIONS.get(lang, {}).get(catalog)
    if extra:
        if translator is None:
            translator = DictTranslations(extra)
        else:
            translator.add_fallback(DictTranslations(extra))
    return translator


def numfig_word(value: str, table) -> str:
    """'Fig. %s' -> '図 %s'; 'Exercise %s' -> '練習 %s' (a word + ' %s'), with the
    translators of `table` ({(namespace, catalog): translations})."""
    sphinx_tr = table.get(("general", "sphinx"))
    if sphinx_tr is not None and sphinx_tr.gettext(value) != value:
        return sphinx_tr.gettext(value)
    if value.endswith(" %s"):
        word = value[:-3]
        for tr in table.values():
            if tr.gettext(word) != word:
                return tr.gettext(word) + " %s"
    return value


class LanguageSwitch:
    """Holds the translators, numfig formats and template gettext of each
    language and switches between them (cheap: a few dict updates)."""

    def __init__(self, app):
        self.app = app
        self.current = BASE_LANGUAGE
        base = {key: tr for key, tr in sphinx.locale.translators.items() if key[0] == "general"}
        self.translators = {BASE_LANGUAGE: base}
        self.numfig = {BASE_LANGUAGE: dict(app.config.numfig_format)}
        self.template_translator = {BASE_LANGUAGE: getattr(app, "translator", None)}
        for lang in app.config.bilingual_editions:
            if lang == BASE_LANGUAGE:
                continue
            dirs = catalog_dirs(app, lang)
            table = {}
            for (namespace, catalog), tr in base.items():
                new = translator_for(catalog, dirs.get(catalog, []), lang)
                table[namespace, catalog] = new if new is not None else tr
            self.translators[lang] = table
            self.template_translator[lang] = table.get(("general", "sphinx"))
            self.numfig[lang] = {key: numfig_word(value, table)
                                 for key, value in self.numfig[BASE_LANGUAGE].items()}

    def switch(self, lang: str) -> None:
        if lang not in self.translators:
            lang = BASE_LANGUAGE
        if lang == self.current:
            return
        sphinx.locale.translators.update(self.translators[lang])
        self.app.config.numfig_format = self.numfig[lang]
        templates = getattr(self.app.builder, "templates", None)
        environment = getattr(templates, "environment", None)
        translator = self.template_translator[lang]
        if environment is not None and translator is not None and hasattr(
                environment, "install_gettext_translations"):
            environment.install_gettext_translations(translator)
        self.current = lang
