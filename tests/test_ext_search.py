"""The search's pure cores, without a build: the `en_ja` search language
(book/_ext/bilingual_core/search.py) and the passages the search page ranks
(book/_ext/bilingual_core/passages.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import snowballstemmer
from bilingual_core import passages, search  # book/_ext/ is on sys.path (`pythonpath` in pyproject.toml)

STEMMER = snowballstemmer.stemmer("porter")


def test_latin_words_stay_whole_and_cjk_runs_become_bigrams():
    assert search.split_words("gates and cells", query=True) == ["gates", "and", "cells"]
    assert search.split_words("忘却ゲート", query=True) == ["忘却", "却ゲ", "ゲー", "ート"]
    assert search.split_words("の", query=True) == ["の"]


def test_the_index_also_holds_single_kanji_but_a_query_does_not():
    indexed = search.split_words("勾配消失")
    assert indexed == ["勾配", "配消", "消失", "勾", "配", "消", "失"]
    assert search.split_words("勾配消失", query=True) == indexed[:3]
    assert search.split_words("セル") == ["セル"]  # kana alone are not added


def test_mixed_text_and_nfkc():
    assert search.split_words("ＬＳＴＭ の c_{t-1}", query=True) == ["LSTM", "の", "c_", "t", "1"]
    assert search.split_words("々") == ["々"]  # the iteration mark is CJK


def test_stem_word_leaves_cjk_alone():
    assert [search.stem_word(w, STEMMER) for w in ("Gates", "forgetting", "記憶", "セル")] == \
        ["gate", "forget", "記憶", "セル"]


def test_keep_word_drops_english_stopwords_only():
    assert search.keep_word("の") and search.keep_word("gate") and search.keep_word("記憶")
    assert not search.keep_word("the") and not search.keep_word("")


def test_the_javascript_uses_the_same_character_class():
    escaped = search.CJK_CLASS.encode("unicode_escape").decode("ascii")
    assert f'const cjk = "{escaped}";' in search.JS_SPLITTER
    assert f'new RegExp("[{escaped}]")' in search.JS_STEMMER
    assert re.search(r"var splitQuery = \(query\) =>", search.JS_SPLITTER)


def test_the_sphinx_adapter_delegates_to_the_core():
    lang = search.SearchBilingual({})
    assert lang.lang == "en_ja"
    assert lang.split("記憶セル") == search.split_words("記憶セル")
    assert lang.stem("gates") == "gate" and lang.word_filter("の") and not lang.word_filter("the")


# --------------------------------------------------------------------------
# The passages the search page looks in (book/_ext/bilingual_core/passages.py)
# --------------------------------------------------------------------------

PAGE = """<html><body><nav>Sidebar: not the page</nav>
<article class="bd-article">
<nav class="edition-bar"><a href="x">日本語で読む</a></nav>
<section id="the-gate"><h1><span class="section-number">6. </span>The gate<a class="headerlink" href="#">#</a></h1>
<p>The gate <span class="math notranslate">\\(f_t\\)</span> multiplies<br/>the cell.</p>
<div class="cell docutils container"><div class="cell_input"><pre>print("code")</pre></div>
<div class="cell_output"><pre>output</pre><script type="application/json">{"state": 1}</script></div></div>
<div class="math notranslate">\\[c_t = f_t c_{t-1}\\]</div>
<section id="a-reset"><h2>A reset<a class="headerlink" href="#">#</a></h2>
<p>Resets &amp; streams.</p><img src="a.png" alt="a figure"/>
<figure><figcaption><p>Fig. 6.1 A stream</p></figcaption></figure>
</section>
<section id="exercises"><h2>Exercises</h2>
<div class="exercise"><p class="admonition-title">Exercise 6.1</p>
<section id="exercise-content"><p>Set the bias.</p></section></div>
<div class="solution"><section id="solution-content"><p>Use <code>b[2*H:3*H]</code>.</p></section></div>
</section>
<p>After the sections, still the first.</p>
</section>
</article><footer>Footer</footer></body></html>"""


def test_passages_are_the_sections_as_the_reader_sees_them():
    assert passages.page_passages(PAGE) == [
        {"id": "the-gate", "heading": "The gate",
         "text": "The gate f_t multiplies the cell. After the sections, still the first."},
        {"id": "a-reset", "heading": "A reset", "text": "Resets & streams. Fig. 6.1 A stream"},
        # Sections without a heading (an exercise's, a solution's body) join the passage before.
        {"id": "exercises", "heading": "Exercises",
         "text": "Exercise 6.1 Set the bias. Use b[2*H:3*H]."},
    ]


def test_a_page_without_the_article_has_no_passages():
    assert passages.page_passages("<html><body><section id='x'><h1>X</h1></section></body></html>") == []


def test_the_passages_script_is_one_javascript_assignment():
    pages = [{"doc": "book/ja/x", "title": "1. 記憶", "lang": "ja",
              "sections": [{"id": "x", "heading": "記憶", "text": "</script>"}]}]
    script = passages.search_passages_script(pages)
    head, data = script.split("var BOOK_SEARCH_PASSAGES = ", 1)
    assert json.loads(data.rstrip().rstrip(";")) == pages
    assert "1. 記憶" in script  # UTF-8 as written, not escaped


def test_each_edition_has_its_search_page():
    editions = {"en": "book/en/", "ja": "book/ja/"}
    assert passages.search_page(editions, "en", "en") == "search"
    assert passages.search_page(editions, "ja", "en") == "book/ja/search"
    assert passages.is_search_page("search", editions) and passages.is_search_page("book/ja/search", editions)
    assert not passages.is_search_page("book/ja/forget-gate", editions)


def test_the_search_script_uses_the_index_character_class():
    """book-search.js tells CJK terms from Latin ones with the index's own class."""
    script = (Path(__file__).parents[1] / "book" / "_static" / "book-search.js").read_text(encoding="utf-8")
    literal = re.search(r"const CJK = /\[(.*?)\]/;", script).group(1)
    assert literal.encode("ascii").decode("unicode_escape") == search.CJK_CLASS
