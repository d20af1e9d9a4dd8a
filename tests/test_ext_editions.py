"""Each edition reads as its own book (book/_ext/bilingual_core/navigation.py and
conventions.py), without a build: the sidebar and Previous/Next stay in the page's
edition, and the Japanese pages follow Japanese conventions for chapter references
and exercise titles. The built pages are checked in test_book_build.py."""

from __future__ import annotations

from bilingual_core import conventions, navigation  # book/_ext/ is on sys.path

EDITIONS = {"en": "book/en/", "ja": "book/ja/"}

SIDEBAR = """<ul class="nav bd-sidenav bd-sidenav__home-link"><li><a href="../../index.html">Home</a></li></ul>
<p aria-level="2" class="caption" role="heading"><span class="caption-text">English</span></p>
<ul class="nav bd-sidenav">
<li class="toctree-l1"><a class="reference internal" href="../en/introduction.html">1. Introduction</a></li>
<li class="toctree-l1 has-children"><a href="../en/digits.html">2. Digits</a>
<ul><li><a href="../en/x.html">x</a></li></ul></li>
</ul>
<p aria-level="2" class="caption" role="heading"><span class="caption-text">日本語</span></p>
<ul class="nav bd-sidenav">
<li class="toctree-l1 current"><a class="reference internal" href="#">1. はじめに</a></li>
<li class="toctree-l1"><a class="reference internal" href="digits.html">2. 数字</a></li>
</ul>
"""


def test_the_sidebar_keeps_the_pages_edition_only():
    ja = navigation.keep_edition(SIDEBAR, "book/ja/introduction", EDITIONS)
    assert "日本語" in ja and "2. 数字" in ja and "Home" in ja
    assert "English" not in ja and "Introduction" not in ja and "../en/" not in ja
    en = navigation.keep_edition(SIDEBAR.replace('href="digits.html"', 'href="../ja/digits.html"')
                                 .replace('href="../en/', 'href="'), "book/en/introduction", EDITIONS)
    assert "English" in en and "日本語" not in en
    assert navigation.keep_edition(SIDEBAR, "index", EDITIONS) == SIDEBAR  # the landing page keeps both
    # Sphinx's search page, at the root, is the English edition's (as its sidebar's links are).
    root = SIDEBAR.replace('href="../', 'href="book/').replace('href="digits.html"', 'href="book/ja/digits.html"')
    search = navigation.keep_edition(root, "search", EDITIONS, "en")
    assert "English" in search and "日本語" not in search and "2. 数字" not in search


def test_previous_and_next_stay_in_the_edition():
    assert navigation.same_edition("book/ja/introduction", "digits.html", EDITIONS)
    assert not navigation.same_edition("book/ja/introduction", "../en/teaching.html", EDITIONS)
    assert not navigation.same_edition("book/en/teaching", "../ja/introduction.html", EDITIONS)
    assert navigation.same_edition("index", "book/en/introduction.html", EDITIONS)
    assert navigation.target_docname("book/ja/a", "../en/b.html") == "book/en/b"


def test_chapter_references_and_exercise_titles_in_japanese():
    assert conventions.chapter_reference(3, "単純な RNN はなぜ忘れるのか") == "第 3 章「単純な RNN はなぜ忘れるのか」"
    assert conventions.CHAPTER_SUFFIX.sub("", " の章で見ました") == "で見ました"
    assert conventions.CHAPTER_SUFFIX.match(" の各章") is None
    body = ('<p class="admonition-title"><span class="caption-number">練習 2.1 </span> (系列の形)</p>'
            '<p class="admonition-title">解答<a class="reference internal" href="#x"> 練習 2.1 (系列の形)</a></p>'
            '<p class="admonition-title">解答<a class="reference internal" href="#y"> 練習 2.2</a></p>')
    assert conventions.exercise_titles(body) == (
        '<p class="admonition-title"><span class="caption-number">練習 2.1</span>（系列の形）</p>'
        '<p class="admonition-title"><a class="reference internal" href="#x">練習 2.1（系列の形）</a>の解答</p>'
        '<p class="admonition-title"><a class="reference internal" href="#y">練習 2.2</a> の解答</p>')
