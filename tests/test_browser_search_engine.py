"""The book's search engine (book/_static/book-search.js) on a small made-up book,
in Debian's Chromium, without building the book: ranking (title, then section
heading, then text), every query word required, the reader's edition first, the
results page in the reader's language, snippets around the match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bilingual_core import search
from sphinx.search.en import english_stopwords

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parents[1]
FILLER = "Some words about rows and digits that say nothing of the query. " * 6

PAGES = [
    {"doc": "book/en/training", "title": "9. Training", "lang": "en", "sections": [
        {"id": "training", "heading": "Training",
         "text": FILLER + "The forget gate is trained with the rest. The forget gate again."}]},
    {"doc": "book/en/looking-inside", "title": "10. Looking inside", "lang": "en", "sections": [
        {"id": "looking-inside", "heading": "Looking inside", "text": "Traces of a trained model."},
        {"id": "rows", "heading": "The forget gate, row by row", "text": "Row by row, the cell."}]},
    {"doc": "book/en/forget-gate", "title": "6. The forget gate", "lang": "en", "sections": [
        {"id": "the-forget-gate", "heading": "The forget gate", "text": "A gate that resets."},
        {"id": "reset", "heading": "A reset", "text": "The constant error carousel keeps errors: forget nothing."}]},
    {"doc": "book/en/tf1", "title": "11. From TensorFlow 1", "lang": "en", "sections": [
        {"id": "tf1", "heading": "From TensorFlow 1", "text": "Keras layers and tf.function."}]},
    {"doc": "book/ja/forget-gate", "title": "6. 忘却ゲート", "lang": "ja", "sections": [
        {"id": "ja-forget-gate", "heading": "忘却ゲート", "text": "忘却ゲートは記憶セルをリセットします。"}]},
    {"doc": "book/ja/input-gate", "title": "5. 入力ゲート", "lang": "ja", "sections": [
        {"id": "ja-input-gate", "heading": "入力ゲート",
         "text": "入力ゲートと忘却ゲートを比べます。Keras と同じです。"}]},
]


@pytest.fixture
def engine(browser):
    """A blank page holding what the search page holds: Sphinx's stopwords, the book's
    splitter and stemmer (as language_data.js has them), the passages and the engine."""
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_content('<html lang="en"><body><div id="search-results"></div></body></html>')
    page.add_script_tag(content=f"var stopwords = {json.dumps(sorted(english_stopwords))};\n"
                        + search.JS_STEMMER + search.JS_SPLITTER
                        + f"\nvar BOOK_SEARCH_PASSAGES = {json.dumps(PAGES, ensure_ascii=False)};")
    page.add_script_tag(content=(ROOT / "book" / "_static" / "book-search.js").read_text(encoding="utf-8"))
    yield page
    page.close()
    assert errors == []


def _ranked(page, query):
    return page.evaluate("""(q) => BookSearch.rank(BookSearch.prepare(BOOK_SEARCH_PASSAGES), q)
        .map(r => [r.page.doc, r.section.id])""", query)


def test_a_title_outranks_a_heading_which_outranks_the_text(engine):
    assert _ranked(engine, "forget gate")[:3] == [
        ["book/en/forget-gate", "the-forget-gate"],
        ["book/en/looking-inside", "rows"],
        ["book/en/training", "training"],
    ]


def test_every_word_of_the_query_is_required_and_words_are_stemmed(engine):
    assert _ranked(engine, "forget carousel") == [["book/en/forget-gate", "reset"]]
    assert _ranked(engine, "gates resetting")[0][0] == "book/en/forget-gate"  # gate, reset
    assert _ranked(engine, "the of") == []                                     # stopwords only
    assert _ranked(engine, "忘却ゲート")[0] == ["book/ja/forget-gate", "ja-forget-gate"]
    assert _ranked(engine, "記憶セル") == [["book/ja/forget-gate", "ja-forget-gate"]]


def test_the_snippet_shows_and_marks_the_passage_that_matched(engine):
    text = PAGES[0]["sections"][0]["text"]
    pieces = engine.evaluate("([t, q]) => BookSearch.snippet(t, q)", [text, "forget gates"])
    joined = "".join(p["text"] for p in pieces)
    assert joined.startswith("… ") and "The forget gate is trained" in joined
    assert [p["text"] for p in pieces if p["mark"]][:2] == ["forget", "gate"]
    # A run of kana and kanji is marked whole, never by its bigrams.
    pieces = engine.evaluate("([t, q]) => BookSearch.snippet(t, q)", ["出力ゲートと忘却ゲート。", "忘却ゲート"])
    assert [p["text"] for p in pieces if p["mark"]] == ["忘却ゲート"]


def _show(page, lang, query):
    return page.evaluate("""([lang, q]) => {
        document.documentElement.lang = lang;
        const out = document.getElementById("search-results");
        out.replaceChildren();
        window.Search = { stopPulse() {},
            title: out.appendChild(document.createElement("h2")),
            status: out.appendChild(document.createElement("p")),
            output: out.appendChild(document.createElement("ul")) };
        BookSearch.show(q);
        const lists = [...out.querySelectorAll("ul.search")].map(ul =>
            [...ul.querySelectorAll("li > a")].map(a => a.getAttribute("href")));
        const other = out.querySelector("h3.search-other-edition");
        return {title: Search.title.textContent, status: Search.status.textContent, lists,
                other: other && other.textContent,
                marks: [...out.querySelectorAll("p.context mark")].map(m => m.textContent)};
    }""", [lang, query])


def test_the_readers_edition_comes_first_in_the_readers_language(engine):
    shown = _show(engine, "ja", "Keras")
    assert shown["lists"] == [["book/ja/input-gate.html"], ["book/en/tf1.html"]]
    assert shown["title"] == "検索結果"
    assert shown["status"] == "「Keras」に一致するページは 2 件です。"
    assert shown["other"] == "英語版（English edition） · 1 件"
    assert shown["marks"] == ["Keras", "Keras"]

    shown = _show(engine, "en", "Keras")
    assert shown["lists"] == [["book/en/tf1.html"], ["book/ja/input-gate.html"]]
    assert shown["status"] == "2 pages match “Keras”."
    assert shown["other"] == "In the Japanese edition (日本語版) · 1 page"


def test_a_query_that_matches_nothing_says_so(engine):
    assert _show(engine, "en", "zebra")["status"] == \
        "No page matches “zebra”. Check the spelling, or try fewer words."
    assert _show(engine, "ja", "しまうま")["status"].startswith("「しまうま」に一致するページはありません。")
