"""Per-edition numbering, the edition bar and the page language
(book/_ext/bilingual_core/), without a build."""

from __future__ import annotations

from bilingual_core import edition_bar, language, numbering  # book/_ext/ is on sys.path

EDITIONS = {"en": "book/en/", "ja": "book/ja/"}


def edition(docname):
    return language.edition_of(EDITIONS, docname) if language.twin_of(EDITIONS, docname) else None


def test_each_edition_counts_its_own_figures():
    # Sphinx's one counter per chapter number: chapter 2 of both editions shares it.
    numbers = {
        "book/en/b": {"figure": {"en-f1": (2, 1), "en-f2": (2, 3)}, "exercise": {"en-x": (2, 1)}},
        "book/ja/b": {"figure": {"ja-f1": (2, 2), "ja-f2": (2, 4)}, "exercise": {"ja-x": (2, 2)}},
        "index": {"figure": {"i": (1,)}},
    }
    numbering.renumber(numbers, edition)
    assert numbers["book/en/b"] == {"figure": {"en-f1": (2, 1), "en-f2": (2, 2)}, "exercise": {"en-x": (2, 1)}}
    assert numbers["book/ja/b"] == {"figure": {"ja-f1": (2, 1), "ja-f2": (2, 2)}, "exercise": {"ja-x": (2, 1)}}
    assert numbers["index"] == {"figure": {"i": (1,)}}


def test_order_follows_sphinx_numbers_across_pages_of_one_chapter():
    numbers = {"book/en/a": {"figure": {"x": (3, 5)}}, "book/en/c": {"figure": {"y": (3, 2)}},
               "book/en/d": {"figure": {"z": ()}}}
    numbering.renumber(numbers, edition)
    assert numbers == {"book/en/a": {"figure": {"x": (3, 2)}}, "book/en/c": {"figure": {"y": (3, 1)}},
                       "book/en/d": {"figure": {"z": ()}}}  # an empty number stays


def test_changed_reports_only_pages_whose_numbers_differ():
    old = {"a": {"figure": {"f": (1, 1)}}, "b": {"figure": {"f": (1, 2)}}}
    new = {"a": {"figure": {"f": (1, 1)}}, "b": {"figure": {"f": (1, 3)}}, "c": {}}
    assert numbering.changed(old, new) == ["b", "c"]


def test_page_language_and_twin():
    assert language.edition_of(EDITIONS, "book/ja/digits") == "ja"
    assert language.edition_of(EDITIONS, "index") == "en"
    assert language.twin_of(EDITIONS, "book/ja/digits") == ("en", "book/en/digits")
    assert language.twin_of(EDITIONS, "genindex") is None
    assert language.ui_strings("fr") == language.UI["en"]
    assert language.translate_body(">Show code cell source<", "ja") == ">コードを表示<"
    assert language.translate_body(">Show code cell source<", "en") == ">Show code cell source<"


def test_edition_bar():
    ui = language.UI["ja"]
    bar = edition_bar.edition_bar(ui, twin=("../en/a.html", "en"), notebook="../../_sources/book/ja/a.ipynb")
    assert bar.startswith('<nav class="edition-bar" aria-label="他の言語版とダウンロード">')
    assert bar.endswith("</nav>\n")
    assert '<a class="edition-link" href="../en/a.html" hreflang="en" lang="en"' in bar
    assert 'href="../../_sources/book/ja/a.ipynb" download' in bar
    assert edition_bar.edition_bar(ui) == ""
    assert edition_bar.alternate_link("a&b.html", "en") == \
        '\n<link rel="alternate" hreflang="en" href="a&amp;b.html" />'
