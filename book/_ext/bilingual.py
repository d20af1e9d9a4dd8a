"""Two editions, one Sphinx project: per-page language for the bilingual book.

Why one project and not two builds (one per language) merged into one site:
the book wants one table of contents with an English and a Japanese part,
links from every chapter to its twin, one search that serves both languages,
and labels that are unique across both editions. One project gives all of that
for free (one sidebar, `{doc}` links and labels checked by Sphinx across the
editions, one search index) and executes and caches each notebook once. What
one project lacks is a per-page `language`; this extension supplies it:

- Pages under ``book/ja/`` (see ``bilingual_editions``) are Japanese: the
  page gets ``<html lang="ja">``; Sphinx's, the theme's, sphinx-togglebutton's
  and sphinx-exercise's strings come from their Japanese gettext catalogs
  (練習, 解答, 図 1.2, 前へ/次へ, 検索...). We switch the translators that
  ``sphinx.locale.get_translation`` reads (and the ones installed in the Jinja
  environment, and ``numfig_format``) before a Japanese page is read (labels
  made by directives), resolved (``{numref}`` texts), written (HTML writer
  strings) and rendered (templates); everything else stays English.
- Every chapter page starts with a bar that links the same chapter in the
  other edition (日本語で読む / Read in English) and the chapter as a
  Jupyter notebook (``.ipynb``, made with jupytext into ``_sources/``; the
  theme's download menu offers it too). A chapter without a twin is a warning.
- Search: ``html_search_language: en_ja`` selects `SearchBilingual`, which
  indexes runs of CJK characters as overlapping bigrams (plus single kanji)
  and Latin words with the Porter stemmer; the same splitter and stemmer run
  in the browser (``splitQuery``/``Stemmer`` in ``language_data.js``), so
  衝突, 勾配, 記憶セル and "gates" all find their pages.
- On any page, an element with the class ``language-ja`` (e.g. the Japanese
  half of the landing page, written with MyST's ``{class}`` / ``:class:``)
  gets ``lang="ja"`` from docutils itself.
"""

from __future__ import annotations

import copy
import gettext
import html
import importlib
import json
import posixpath
import re
import unicodedata
from pathlib import Path

import sphinx
import sphinx.locale
from sphinx.search import SearchLanguage
from sphinx.search.en import english_stopwords, js_porter_stemmer
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

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


# --------------------------------------------------------------------------
# Which edition a page belongs to
# --------------------------------------------------------------------------

def page_language(app, pagename: str) -> str:
    """The language of `pagename`: the edition whose folder holds it, else English."""
    for lang, prefix in app.config.bilingual_editions.items():
        if pagename.startswith(prefix):
            return lang
    return BASE_LANGUAGE


def counterpart(app, pagename: str) -> tuple[str, str] | None:
    """(language, docname) of the same chapter in the other edition, or None
    for pages outside the editions (the landing page, genindex, search)."""
    editions = app.config.bilingual_editions
    for lang, prefix in editions.items():
        if pagename.startswith(prefix):
            rest = pagename[len(prefix):]
            for other, other_prefix in editions.items():
                if other != lang:
                    return other, other_prefix + rest
    return None


# --------------------------------------------------------------------------
# Translators per language
# --------------------------------------------------------------------------

class _DictTranslations(gettext.NullTranslations):
    def __init__(self, table):
        super().__init__()
        self._table = table

    def gettext(self, message):
        if message in self._table:
            return self._table[message]
        return super().gettext(message)


def _catalog_dirs(app, lang: str) -> dict[str, list[Path]]:
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


def _translator(catalog: str, dirs: list[Path], lang: str):
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
            translator = _DictTranslations(extra)
        else:
            translator.add_fallback(_DictTranslations(extra))
    return translator


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
            dirs = _catalog_dirs(app, lang)
            table = {}
            for (namespace, catalog), tr in base.items():
                new = _translator(catalog, dirs.get(catalog, []), lang)
                table[namespace, catalog] = new if new is not None else tr
            self.translators[lang] = table
            self.template_translator[lang] = table.get(("general", "sphinx"))
            self.numfig[lang] = {key: self._numfig(value, table)
                                 for key, value in self.numfig[BASE_LANGUAGE].items()}

    @staticmethod
    def _numfig(value: str, table) -> str:
        """'Fig. %s' -> '図 %s'; 'Exercise %s' -> '練習 %s' (a word + ' %s')."""
        sphinx_tr = table.get(("general", "sphinx"))
        if sphinx_tr is not None and sphinx_tr.gettext(value) != value:
            return sphinx_tr.gettext(value)
        if value.endswith(" %s"):
            word = value[:-3]
            for tr in table.values():
                if tr.gettext(word) != word:
                    return tr.gettext(word) + " %s"
        return value

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


def _switch(app, lang: str) -> None:
    state = getattr(app, "_bilingual_switch", None)
    if state is not None:
        state.switch(lang)


def on_builder_inited(app):
    app._bilingual_switch = LanguageSwitch(app)


def on_source_read(app, docname, source):
    # Directives run while a page is read (sphinx-exercise's title "Exercise").
    _switch(app, page_language(app, docname))


def on_env_updated(app, env):
    # Back to the base language before Sphinx pickles the environment (and its
    # config): a Japanese numfig_format left in place would look like a config
    # change and re-read every page at the next build.
    _switch(app, BASE_LANGUAGE)
    return []


class SwitchLanguage(SphinxPostTransform):
    """Runs first among the post-transforms of a page that is being written:
    `{numref}` texts and the HTML writer's strings come in the page's language."""

    default_priority = 1

    def run(self, **kwargs):
        _switch(self.app, page_language(self.app, self.env.docname))


# --------------------------------------------------------------------------
# Figure, equation and exercise numbers per edition
# --------------------------------------------------------------------------
#
# Sphinx numbers figures per chapter number with one counter for the whole
# project, so chapter 2 of both editions would share it (English Fig. 2.1,
# Japanese 図 2.2). We renumber after Sphinx, with one counter per edition.

def renumber_per_edition(app, env) -> None:
    groups: dict[tuple, list] = {}
    for docname, by_type in env.toc_fignumbers.items():
        lang = page_language(app, docname) if counterpart(app, docname) else None
        for figtype, numbers in by_type.items():
            for figid, number in numbers.items():
                if number:
                    groups.setdefault((lang, figtype, tuple(number[:-1])), []).append(
                        (number[-1], docname, figid))
    for (_lang, figtype, prefix), entries in groups.items():
        for new, (_old, docname, figid) in enumerate(sorted(entries), start=1):
            env.toc_fignumbers[docname][figtype][figid] = (*prefix, new)


def _patch_figure_numbers():
    from sphinx.environment.collectors.toctree import TocTreeCollector

    original = TocTreeCollector.assign_figure_numbers
    if getattr(original, "_bilingual", False):
        return

    def assign_figure_numbers(self, env):
        old = env.toc_fignumbers
        original(self, env)
        app = getattr(env, "app", None) or getattr(env, "_app", None)
        if app is not None and "bilingual_editions" in app.config:
            renumber_per_edition(app, env)
        return [docname for docname, numbers in env.toc_fignumbers.items()
                if numbers != old.get(docname)]

    assign_figure_numbers._bilingual = True
    TocTreeCollector.assign_figure_numbers = assign_figure_numbers


def _patch_section_numbers():
    """sphinx-external-toc 1.1 numbers sections continuously (sphinx-multitoc-numbering),
    then restarts each part at 1 when `use_multitoc_numbering` is false, but reports
    the pages whose *continuous* numbers differ from the stored ones as changed: every
    build would rewrite the whole second part (the Japanese edition). Report the pages
    whose final numbers changed instead."""
    try:
        from sphinx_external_toc.collectors import TocTreeCollectorWithStyles as collector
    except ImportError:  # pragma: no cover
        from sphinx.environment.collectors.toctree import TocTreeCollector as collector
    original = collector.assign_section_numbers
    if getattr(original, "_bilingual", False):
        return

    def assign_section_numbers(self, env):
        old = copy.deepcopy(env.toc_secnumbers)
        original(self, env)
        return [docname for docname, numbers in env.toc_secnumbers.items()
                if numbers != old.get(docname)]

    assign_section_numbers._bilingual = True
    collector.assign_section_numbers = assign_section_numbers


# --------------------------------------------------------------------------
# Page context: <html lang>, UI strings, edition bar, notebook download
# --------------------------------------------------------------------------

def _notebook_name(app, docname: str) -> str | None:
    """`_sources/`-relative name of the chapter's .ipynb, or None."""
    if counterpart(app, docname) is None or docname not in app.env.found_docs:
        return None
    hide_solutions = "hide_solutions" in app.config and app.config.hide_solutions
    if hide_solutions and not app.config.bilingual_ipynb_filter:
        return None  # a student edition offers notebooks only through a filter that strips solutions
    return docname + ".ipynb"


def on_page_context_early(app, pagename, templatename, context, doctree):
    lang = page_language(app, pagename)
    _switch(app, lang)
    context["language"] = lang
    ui = UI.get(lang, UI[BASE_LANGUAGE])
    context["theme_search_bar_text"] = ui["search_bar"]
    notebook = _notebook_name(app, pagename)
    if notebook:
        context["ipynb_source"] = notebook  # the theme's download menu lists it
    if lang != BASE_LANGUAGE:
        # Strings in the JavaScript of Sphinx (search) and sphinx-togglebutton.
        app.add_js_file(f"translations_{lang}.js", priority=201)
        tr = app._bilingual_switch.translators[lang].get(("general", "togglebutton"))
        if tr is not None:
            show, hide = tr.gettext("Click to show"), tr.gettext("Click to hide")
            app.add_js_file(None, priority=900, body=(
                f"toggleHintShow = {json.dumps(show)}; toggleHintHide = {json.dumps(hide)};"))
    twin = counterpart(app, pagename)
    if twin and twin[1] in app.env.found_docs:
        other_lang, other = twin
        href = app.builder.get_relative_uri(pagename, other)
        context["metatags"] = context.get("metatags", "") + (
            f'\n<link rel="alternate" hreflang="{other_lang}" href="{html.escape(href)}" />')


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


def on_page_context_late(app, pagename, templatename, context, doctree):
    if "body" not in context:
        return
    for old, new in BODY_STRINGS.get(page_language(app, pagename), {}).items():
        context["body"] = context["body"].replace(old, new)
    twin = counterpart(app, pagename)
    if twin is None:
        return
    lang = page_language(app, pagename)
    ui = UI.get(lang, UI[BASE_LANGUAGE])
    items = []
    other_lang, other = twin
    if other in app.env.found_docs:
        href = app.builder.get_relative_uri(pagename, other)
        items.append(
            f'<a class="edition-link" href="{html.escape(href)}" hreflang="{other_lang}" '
            f'lang="{ui["other_lang"]}" title="{html.escape(ui["other_title"])}">'
            f'<i class="fa-solid fa-language" aria-hidden="true"></i> {html.escape(ui["other"])}</a>')
    notebook = _notebook_name(app, pagename)
    if notebook:
        href = posixpath.join(context["pathto"]("_sources", 1), notebook)
        items.append(
            f'<a class="notebook-link" href="{html.escape(href)}" download '
            f'title="{html.escape(ui["notebook_title"])}">'
            f'<i class="fa-solid fa-download" aria-hidden="true"></i> {html.escape(ui["notebook"])}</a>')
    if items:
        bar = (f'<nav class="edition-bar" aria-label="{html.escape(ui["bar_label"])}">'
               + "".join(items) + "</nav>\n")
        context["body"] = bar + context["body"]


def on_check_consistency(app, env):
    for docname in sorted(env.found_docs):
        twin = counterpart(app, docname)
        if twin and twin[1] not in env.found_docs:
            logger.warning("chapter %r has no twin in the other edition (expected %r)",
                           docname, twin[1], location=docname, type="bilingual", subtype="twin")


# --------------------------------------------------------------------------
# Notebook downloads and JavaScript translations (written after the build)
# --------------------------------------------------------------------------

def _load_filter(spec: str):
    module, _, func = spec.partition(":")
    return getattr(importlib.import_module(module), func)


def write_notebooks(app) -> int:
    """Write each chapter as `_sources/<docname>.ipynb` (no outputs) with jupytext,
    only when the source is newer than the notebook (or a filter is set)."""
    import jupytext

    filt = _load_filter(app.config.bilingual_ipynb_filter) if app.config.bilingual_ipynb_filter else None
    written = 0
    for docname in sorted(app.env.found_docs):
        name = _notebook_name(app, docname)
        if not name:
            continue
        src = Path(app.env.doc2path(docname))
        dest = Path(app.outdir, "_sources", name)
        if filt is None and dest.exists() and dest.stat().st_mtime >= src.stat().st_mtime:
            continue
        nb = jupytext.read(src)
        nb.metadata.pop("jupytext", None)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        if filt is not None:
            nb = filt(nb, docname)
        dest.parent.mkdir(parents=True, exist_ok=True)
        jupytext.write(nb, dest, fmt="ipynb")
        written += 1
    return written


# Search result summaries are cut from the text of each page's main area: leave the
# edition bar out of them (loaded with `defer`: after searchtools.js, before Search.init).
SEARCH_JS = """/* book/_ext/bilingual.py: search summaries without the edition bar. */
if (typeof Search !== "undefined" && Search.htmlToText) {
  const bilingualHtmlToText = Search.htmlToText;
  Search.htmlToText = (htmlString, anchor) => bilingualHtmlToText(
    htmlString.replace(/<nav class="edition-bar"[\\s\\S]*?<\\/nav>/, ""), anchor);
}
"""


def on_build_finished(app, exception):
    _switch(app, BASE_LANGUAGE)
    if exception is not None or app.builder.format != "html":
        return
    search_js = Path(app.outdir, "_static", "bilingual-search.js")
    if not search_js.exists() or search_js.read_text(encoding="utf-8") != SEARCH_JS:
        search_js.write_text(SEARCH_JS, encoding="utf-8")
    locale_dir = Path(sphinx.__file__).parent / "locale"
    for lang in app.config.bilingual_editions:
        if lang == BASE_LANGUAGE:
            continue
        src = locale_dir / lang / "LC_MESSAGES" / "sphinx.js"
        dest = Path(app.outdir, "_static", f"translations_{lang}.js")
        if src.exists():
            if not dest.exists() or dest.read_bytes() != src.read_bytes():
                dest.write_bytes(src.read_bytes())
        else:
            dest.write_text("/* no translations */\n", encoding="utf-8")
    written = write_notebooks(app)
    if written:
        logger.info("bilingual: wrote %d chapter notebook(s) (.ipynb) into _sources/", written)


# --------------------------------------------------------------------------
# Search: one index for both languages
# --------------------------------------------------------------------------

# Kana, CJK ideographs and their marks (々, 〆, ー is inside the katakana block).
CJK_CLASS = (
    "\u3005\u3006\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
)
HAN_CLASS = "\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN_RE = re.compile(f"([{CJK_CLASS}]+)|([^\\W{CJK_CLASS}]+)")
_CJK_RE = re.compile(f"[{CJK_CLASS}]")
_HAN_RE = re.compile(f"[{HAN_CLASS}]")


def split_words(text: str, *, query: bool = False) -> list[str]:
    """Split `text` as the search index does: Latin words whole; each run of
    CJK characters into overlapping bigrams (a one-character run stays one
    character). The index also holds each kanji alone (`query=False`), so a
    one-kanji query finds it; a query of a longer run looks up its bigrams,
    all of which must occur in a page."""
    text = unicodedata.normalize("NFKC", text)
    out: list[str] = []
    for run, word in _TOKEN_RE.findall(text):
        if word:
            out.append(word)
        elif len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i:i + 2] for i in range(len(run) - 1))
            if not query:
                out.extend(ch for ch in run if _HAN_RE.match(ch))
    return out


JS_SPLITTER = r"""
/* Bilingual splitter (book/_ext/bilingual.py, split_words(query=True)):
   Latin words whole, CJK runs as overlapping bigrams. */
var splitQuery = (query) => {
  const cjk = "%(cjk)s";
  const re = new RegExp(`([${cjk}]+)|((?:(?![${cjk}])[\\p{L}\\p{N}_])+)`, "gu");
  const out = [];
  for (const m of query.normalize("NFKC").matchAll(re)) {
    if (m[2]) out.push(m[2]);
    else if (m[1].length === 1) out.push(m[1]);
    else for (let i = 0; i + 1 < m[1].length; i++) out.push(m[1].slice(i, i + 2));
  }
  return out;
};
""" % {"cjk": CJK_CLASS.encode("unicode_escape").decode("ascii")}

JS_STEMMER = js_porter_stemmer + r"""
/* Bilingual stemmer: Porter for Latin words, CJK tokens unchanged. */
var PorterStemmer = Stemmer;
Stemmer = function() {
  const porter = new PorterStemmer();
  const cjk = new RegExp("[%(cjk)s]");
  this.stemWord = (w) => (cjk.test(w) ? w : porter.stemWord(w));
};
""" % {"cjk": CJK_CLASS.encode("unicode_escape").decode("ascii")}


class SearchBilingual(SearchLanguage):
    """English and Japanese in one index (``html_search_language: en_ja``)."""

    lang = "en_ja"
    language_name = "English and Japanese"
    stopwords = english_stopwords
    js_splitter_code = JS_SPLITTER
    js_stemmer_code = JS_STEMMER

    def init(self, options):
        import snowballstemmer

        self.stemmer = snowballstemmer.stemmer("porter")

    def split(self, input: str) -> list[str]:
        return split_words(input)

    def stem(self, word: str) -> str:
        if _CJK_RE.search(word):
            return word
        return self.stemmer.stemWord(word.lower())

    def word_filter(self, word: str) -> bool:
        # Keep every CJK token (the browser looks all of them up); drop English stopwords.
        return bool(word) and word not in self.stopwords


# --------------------------------------------------------------------------

def extensions_hash() -> str:
    """A hash of the book's local extensions (book/_ext/*.py): a config value
    of rebuild type "html", so that a change to them rewrites every page."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def setup(app):
    app.add_config_value("bilingual_editions", {"en": "book/en/", "ja": "book/ja/"}, "env", dict)
    # "module:function" taking (notebook, docname) and returning the notebook to offer
    # for download (e.g. without solutions in a student edition).
    app.add_config_value("bilingual_ipynb_filter", "", "html", str)
    app.add_config_value("bilingual_extensions_hash", extensions_hash(), "html", str)
    app.add_search_language(SearchBilingual)
    _patch_figure_numbers()
    _patch_section_numbers()
    app.add_post_transform(SwitchLanguage)
    app.add_js_file("bilingual-search.js", defer="defer")
    app.connect("builder-inited", on_builder_inited)
    app.connect("source-read", on_source_read, priority=1)
    app.connect("env-updated", on_env_updated)
    app.connect("env-check-consistency", on_check_consistency)
    app.connect("html-page-context", on_page_context_early, priority=100)
    app.connect("html-page-context", on_page_context_late, priority=950)
    app.connect("build-finished", on_build_finished)
    return {"version": "1.0", "parallel_read_safe": False, "parallel_write_safe": False}
