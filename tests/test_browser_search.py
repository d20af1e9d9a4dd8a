"""Searching the built book in Debian's Chromium, from the local server and from
disk (`file://`, as the README tells readers to open it): the chapter about the
query comes first, the reader's edition first, the results page speaks the
edition's language, and each result shows the passage that matched."""

from __future__ import annotations

from urllib.parse import quote

import pytest

import bilingual  # book/_ext/ is on sys.path (`pythonpath` in pyproject.toml)

pytestmark = [pytest.mark.browser, pytest.mark.build]

# (query, the edition searched from, the chapter that must come first).
FIRST = [
    ("forget gate", "en", "book/en/forget-gate"),
    ("忘却ゲート", "ja", "book/ja/forget-gate"),
    ("output weight conflict", "en", "book/en/output-gate"),
    ("出力重み衝突", "ja", "book/ja/output-gate"),
    ("input gate", "en", "book/en/input-gate"),
    ("入力ゲート", "ja", "book/ja/input-gate"),
    ("input weight conflict", "en", "book/en/input-gate"),
    ("入力重み衝突", "ja", "book/ja/input-gate"),
    ("constant error carousel", "en", "book/en/plain-rnn"),
    ("定誤差カルーセル", "ja", "book/ja/plain-rnn"),
    ("vanishing gradient", "en", "book/en/plain-rnn"),
    ("勾配消失", "ja", "book/ja/plain-rnn"),
    ("placeholder", "en", "book/en/tf1-to-tf2"),
    ("プレースホルダ", "ja", "book/ja/tf1-to-tf2"),
    ("forget bias", "en", "book/en/forget-gate"),
    ("student edition", "en", "book/en/teaching"),
    ("学生版", "ja", "book/ja/teaching"),
    ("gradient check", "en", "book/en/from-scratch"),
    ("Keras", "en", "book/en/lstm-block"),
    ("Keras", "ja", "book/ja/lstm-block"),          # an English word from a Japanese page
    ("gate explorer", "en", "book/en/looking-inside"),
    ("ブロック", "ja", "book/ja/lstm-block"),
    ("confusion matrix", "en", "book/en/training"),
]
SEARCH_PAGE = {"en": "search.html", "ja": "book/ja/search.html"}
STATUS = {"en": "match", "ja": "に一致するページは"}


def _results(page):
    page.wait_for_function(
        "() => { const s = document.querySelector('#search-results p.search-summary');"
        " return s !== null && s.textContent.trim().length > 0; }", timeout=30_000)
    return page.evaluate("""() => ({
        status: document.querySelector('#search-results p.search-summary').textContent,
        title: document.querySelector('#search-results h2').textContent,
        lists: [...document.querySelectorAll('#search-results ul.search')].map(ul =>
            [...ul.querySelectorAll(':scope > li > a')].map(a => a.href)),
        first: document.querySelector('#search-results ul.search li p.context')?.textContent || "",
        marks: [...document.querySelectorAll('#search-results ul.search li p.context mark')].length,
    })""")


def _check(results, docname, lang, query, name_of):
    own = [name_of(h) for h in results["lists"][0]]
    assert own and own[0] == docname, f"{query!r} from {lang}: {own[:5]}"
    assert all(d.startswith(f"book/{lang}/") or not d.startswith("book/e") and not d.startswith("book/j")
               for d in own), own
    assert STATUS[lang] in results["status"]
    assert results["title"] == {"en": "Search results", "ja": "検索結果"}[lang]
    assert results["marks"] > 0 and results["first"].strip()
    assert "Read in English" not in results["first"] and "日本語で読む" not in results["first"]


@pytest.mark.parametrize(("query", "lang", "docname"), FIRST)
def test_the_chapter_about_the_query_comes_first(offline_page, query, lang, docname):
    offline_page.goto(f"{SEARCH_PAGE[lang]}?q={quote(query)}")
    _check(_results(offline_page.page), docname, lang, query, offline_page.docname)
    assert offline_page.page.get_attribute("html", "lang") == lang
    assert not offline_page.page_errors and not offline_page.console_errors
    offline_page.assert_offline()


@pytest.mark.parametrize(("query", "lang", "docname"), FIRST[:4] + FIRST[-4:-2])
def test_search_works_from_disk(browser, book_html, query, lang, docname):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    root = book_html.resolve().as_uri()
    try:
        page.goto(f"{root}/{SEARCH_PAGE[lang]}?q={quote(query)}")
        results = _results(page)
    finally:
        page.close()

    def name_of(url):
        return url.removeprefix(root + "/").split("#")[0].removesuffix(".html")

    _check(results, docname, lang, query, name_of)
    assert [e for e in errors if "theme mode" not in e] == []


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_pages_search_field_leads_to_its_editions_search_page(offline_page, lang):
    offline_page.goto(f"book/{lang}/forget-gate.html")
    page = offline_page.page
    action = page.eval_on_selector("form.bd-search", "f => f.action")
    assert offline_page.docname(action) == SEARCH_PAGE[lang].removesuffix(".html")
    page.goto(action + "?q=" + quote("gate"))
    assert page.get_attribute("html", "lang") == lang
    # The page's own strings (its heading, the sidebar) are in the edition's language too.
    assert page.inner_text(".bd-search-container h1").strip() == {"en": "Search", "ja": "検索"}[lang]
    sidebar = page.inner_text("nav.bd-docs-nav")
    assert ("忘却ゲート" in sidebar) == (lang == "ja") and ("The forget gate" in sidebar) == (lang == "en")
    assert not offline_page.page_errors and not offline_page.console_errors


def test_the_browser_splits_queries_like_the_index(offline_page):
    """The splitter and stemmer in language_data.js agree with book/_ext/bilingual_core/search.py."""
    offline_page.goto("search.html")
    page = offline_page.page
    samples = ["記憶セル", "入力重み衝突", "勾配消失と LSTM", "忘却ゲートの gates",
               "ｆｏｒｇｅｔ gates", "z, i, f, o", "h_t と c_{t-1}", "図", "出力ゲート"]
    js = page.evaluate("(xs) => xs.map(x => splitQuery(x))", samples)
    assert js == [bilingual.split_words(s, query=True) for s in samples]
    words = ["gates", "forgetting", "cells", "記憶", "ゲ"]
    js_stems = page.evaluate("(ws) => { const s = new Stemmer(); return ws.map(w => s.stemWord(w)); }",
                             words)
    lang = bilingual.SearchBilingual({})
    assert js_stems == [lang.stem(w) for w in words]
    offline_page.assert_offline()
