"""Sphinx adapter of the `bilingual` extension: the event handlers and the
post-transform that `bilingual.setup` connects. Each calls the pure cores
(`language`, `edition_bar`, `notebook_export`, `search`, `passages`) with what
Sphinx holds.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import sphinx
from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import docname_join, logging

from .conventions import CHAPTER_SUFFIX, chapter_reference, exercise_titles
from .edition_bar import alternate_link, edition_bar
from .language import (BASE_LANGUAGE, counterpart, folder_edition, page_language, translate_body,
                       ui_strings)
from .navigation import keep_edition, same_edition
from .notebook_export import notebook_name, write_notebooks
from .passages import is_search_page, page_passages, search_page, search_passages_script
from .translations import LanguageSwitch

logger = logging.getLogger("bilingual")


def switch(app, lang: str) -> None:
    state = getattr(app, "_bilingual_switch", None)
    if state is not None:
        state.switch(lang)


def on_builder_inited(app):
    app._bilingual_switch = LanguageSwitch(app)


def on_source_read(app, docname, source):
    # Directives run while a page is read (sphinx-exercise's title "Exercise").
    switch(app, page_language(app, docname))


def on_env_updated(app, env):
    # Back to the base language before Sphinx pickles the environment (and its
    # config): a Japanese numfig_format left in place would look like a config
    # change and re-read every page at the next build.
    switch(app, BASE_LANGUAGE)
    return []


class SwitchLanguage(SphinxPostTransform):
    """Runs first among the post-transforms of a page that is being written:
    `{numref}` texts and the HTML writer's strings come in the page's language."""

    default_priority = 1

    def run(self, **kwargs):
        switch(self.app, page_language(self.app, self.env.docname))


class JapaneseChapterReferences(SphinxPostTransform):
    """On Japanese pages, ``{doc}`plain-rnn` の章`` reads 第 3 章「単純な RNN はなぜ忘れるのか」:
    the link's text gets the chapter's number in its edition and its title in
    brackets, and the " の章" after it goes. Runs before the references are
    resolved (priority 10), which keep an explicit text."""

    default_priority = 5

    def run(self, **kwargs):
        if page_language(self.app, self.env.docname) != "ja":
            return
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("reftype") != "doc" or node.get("refexplicit"):
                continue
            after = node.next_node(descend=False, siblings=True)
            if not isinstance(after, nodes.Text) or not CHAPTER_SUFFIX.match(after.astext()):
                continue
            target = docname_join(node.get("refdoc", self.env.docname), node["reftarget"])
            number = self.env.toc_secnumbers.get(target, {}).get("")
            if target not in self.env.titles or not number:
                continue
            label = chapter_reference(number[0], self.env.titles[target].astext())
            node.replace(node[0], nodes.inline(label, label, classes=node[0].get("classes", [])))
            node["refexplicit"] = True
            after.parent.replace(after, nodes.Text(CHAPTER_SUFFIX.sub("", after.astext(), count=1)))


def on_page_context_navigation(app, pagename, templatename, context, doctree):
    """After the theme's own handler: the sidebar and Previous/Next stay in the page's edition."""
    editions = app.config.bilingual_editions
    for key in ("prev", "next"):
        link = context.get(key)
        if link and not same_edition(pagename, link["link"], editions):
            # The first chapter of an edition goes back to the landing page; the last goes nowhere.
            root = app.config.root_doc
            context[key] = {"link": context["pathto"](root), "title": app.env.titles[root].astext()} \
                if key == "prev" else None
    original = context.get("generate_toctree_html")
    # Sphinx's own search page is the base edition's (each other edition has its own).
    edition = BASE_LANGUAGE if pagename == search_page(editions, BASE_LANGUAGE, BASE_LANGUAGE) else None
    if callable(original):
        def per_edition(*args, **kwargs):
            html = original(*args, **kwargs)  # a BeautifulSoup object, which the template prints
            return keep_edition(str(html), pagename, editions, edition) \
                if kwargs.get("kind") == "sidebar" else html
        context["generate_toctree_html"] = per_edition


def on_page_context_early(app, pagename, templatename, context, doctree):
    lang = page_language(app, pagename)
    switch(app, lang)
    context["language"] = lang
    context["theme_search_bar_text"] = ui_strings(lang)["search_bar"]
    notebook = notebook_name(app, pagename)
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
    editions = app.config.bilingual_editions
    if lang != BASE_LANGUAGE and callable(context.get("pathto")):
        # The search field of a page leads to its edition's search page.
        pathto, own = context["pathto"], search_page(editions, lang, BASE_LANGUAGE)
        context["pathto"] = lambda uri, *args, **kwargs: pathto(
            own if uri == "search" else uri, *args, **kwargs)
    if is_search_page(pagename, editions):
        # After searchtools.js and language_data.js (`defer`), before the search starts.
        app.add_js_file("search-passages.js", defer="defer", priority=800)
        app.add_js_file("book-search.js", defer="defer", priority=801)
    twin = counterpart(app, pagename)
    if twin and twin[1] in app.env.found_docs:
        other_lang, other = twin
        href = app.builder.get_relative_uri(pagename, other)
        context["metatags"] = context.get("metatags", "") + alternate_link(href, other_lang)


def on_page_context_late(app, pagename, templatename, context, doctree):
    if "body" not in context:
        return
    lang = page_language(app, pagename)
    context["body"] = translate_body(context["body"], lang)
    if lang == "ja":
        context["body"] = exercise_titles(context["body"])
    twin = counterpart(app, pagename)
    if twin is None:
        return
    other_lang, other = twin
    link = None
    if other in app.env.found_docs:
        link = (app.builder.get_relative_uri(pagename, other), other_lang)
    notebook = notebook_name(app, pagename)
    href = posixpath.join(context["pathto"]("_sources", 1), notebook) if notebook else None
    bar = edition_bar(ui_strings(lang), twin=link, notebook=href)
    if bar:
        context["body"] = bar + context["body"]


def on_check_consistency(app, env):
    for docname in sorted(env.found_docs):
        twin = counterpart(app, docname)
        if twin and twin[1] not in env.found_docs:
            logger.warning("chapter %r has no twin in the other edition (expected %r)",
                           docname, twin[1], location=docname, type="bilingual", subtype="twin")


def on_build_finished(app, exception):
    """Notebook downloads and JavaScript translations, written after the build."""
    switch(app, BASE_LANGUAGE)
    if exception is not None or app.builder.format != "html":
        return
    write_passages(app)
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


EDITION_SEARCH = "edition-search.html"
"""The template of an edition's search page (in `templates/`)."""


def on_config_inited(app, config):
    config.templates_path.append(str(Path(__file__).parent / "templates"))


def on_collect_pages(app):
    """A search page for each edition other than the base one (``book/ja/search``)."""
    if app.builder.format != "html" or not getattr(app.builder, "search", False):
        return
    for lang in app.config.bilingual_editions:
        if lang != BASE_LANGUAGE:
            yield search_page(app.config.bilingual_editions, lang, BASE_LANGUAGE), {}, EDITION_SEARCH


def write_passages(app) -> None:
    """`_static/search-passages.js`: the sections of every page written, in the
    book's order, read back from the HTML (what the reader sees, glued numbers
    included)."""
    env, editions = app.env, app.config.bilingual_editions
    pages = []
    for docname in _book_order(env):
        path = Path(app.outdir, docname + app.builder.out_suffix)
        if not path.exists():
            continue
        number = ".".join(map(str, env.toc_secnumbers.get(docname, {}).get("", ())))
        title = env.titles[docname].astext()
        pages.append({"doc": docname, "title": f"{number}. {title}" if number else title,
                      "lang": folder_edition(editions, docname),
                      "sections": page_passages(path.read_text(encoding="utf-8"))})
    script = search_passages_script(pages)
    dest = Path(app.outdir, "_static", "search-passages.js")
    if not dest.exists() or dest.read_text(encoding="utf-8") != script:
        dest.write_text(script, encoding="utf-8")


def _book_order(env) -> list[str]:
    """Every document, in the order of the table of contents (the rest after)."""
    order: list[str] = []

    def visit(docname):
        if docname not in order:
            order.append(docname)
            for child in env.toctree_includes.get(docname, []):
                visit(child)

    visit(env.config.root_doc)
    return order + sorted(set(env.found_docs) - set(order))
