"""The `en_ja` search language's pure core (book/_ext/bilingual_core/search.py), without a build."""

from __future__ import annotations

import re

import snowballstemmer
from bilingual_core import search  # book/_ext/ is on sys.path (`pythonpath` in pyproject.toml)

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
