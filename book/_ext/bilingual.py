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
  衝突, 勾配, 記憶セル and "gates" all find their pages. The search page ranks
  with the book's own scorer (``book/_static/book-search.js``: title, then
  section heading, then BM25 over each section's text) over the passages of
  every page (``_static/search-passages.js``, written after the build from
  the HTML), shows the passage that matched, works from disk, and puts the
  reader's edition first: each edition has its search page (``search`` for
  English, ``book/ja/search`` for Japanese), which every page's search field
  leads to.
- On any page, an element with the class ``language-ja`` (e.g. the Japanese
  half of the landing page, written with MyST's ``{class}`` / ``:class:``)
  gets ``lang="ja"`` from docutils itself.

The pieces live in `bilingual_core/` (pure cores and their Sphinx adapters);
`setup` only wires them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from bilingual_core import events
from bilingual_core.language import BASE_LANGUAGE, UI, counterpart, page_language  # noqa: F401
from bilingual_core.numbering import install_patches, renumber_per_edition  # noqa: F401
from bilingual_core.search import SearchBilingual, split_words  # noqa: F401

HERE = Path(__file__).parent


def extensions_hash() -> str:
    """A hash of the book's local extensions (book/_ext/**/*.py): a config value
    of rebuild type "html", so that a change to them rewrites every page."""
    digest = hashlib.sha256()
    for path in sorted(HERE.rglob("*.py")):
        digest.update(path.relative_to(HERE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def setup(app):
    app.add_config_value("bilingual_editions", {"en": "book/en/", "ja": "book/ja/"}, "env", dict)
    # "module:function" taking (notebook, docname, *, app) and returning the notebook to
    # offer for download (e.g. without solutions in a student edition).
    app.add_config_value("bilingual_ipynb_filter", "", "html", str)
    app.add_config_value("bilingual_extensions_hash", extensions_hash(), "html", str)
    app.add_search_language(SearchBilingual)
    install_patches()
    app.add_post_transform(events.SwitchLanguage)
    app.add_post_transform(events.JapaneseChapterReferences)
    app.connect("config-inited", events.on_config_inited)
    app.connect("builder-inited", events.on_builder_inited)
    app.connect("source-read", events.on_source_read, priority=1)
    app.connect("env-updated", events.on_env_updated)
    app.connect("env-check-consistency", events.on_check_consistency)
    app.connect("html-page-context", events.on_page_context_early, priority=100)
    app.connect("html-page-context", events.on_page_context_late, priority=950)
    app.connect("html-page-context", events.on_page_context_navigation, priority=960)
    app.connect("html-collect-pages", events.on_collect_pages)
    app.connect("build-finished", events.on_build_finished)
    return {"version": "1.0", "parallel_read_safe": False, "parallel_write_safe": False}
