"""Accessibility of the built book: axe-core finds no serious or critical violation.

axe-core (npm, pinned and checked by `helpers.axe_script`) runs with its default
rules on the whole page in Debian's Chromium, offline, for the landing page,
the search pages (empty and with results) and every chapter of both editions.
"""

import pytest

from helpers import CHAPTERS, axe_violations

pytestmark = pytest.mark.browser

# The search pages of both editions, empty and with results.
SEARCH = ("search.html", "book/ja/search.html", "search.html?q=forget%20gate",
          "book/ja/search.html?q=%E5%BF%98%E5%8D%B4%E3%82%B2%E3%83%BC%E3%83%88")
PAGES = ("index.html",) + SEARCH + tuple(
    f"book/{lang}/{name}.html" for lang, names in CHAPTERS.items() for name in names)


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_violation(offline_page, path):
    offline_page.goto(path)
    offline_page.page.wait_for_load_state("load")
    offline_page.page.wait_for_timeout(500)  # the theme's icons and the widgets are drawn after load
    violations = axe_violations(offline_page.page, "html")
    assert violations == [], [(v["id"], v["impact"], v["nodes"][:3]) for v in violations]


@pytest.mark.parametrize("name", ["introduction", "looking-inside"])
def test_japanese_pages_name_their_landmarks_in_japanese(offline_page, name):
    """The theme's landmark and button names that its catalog leaves in English are
    given in Japanese on Japanese pages (book/_static/a11y.js)."""
    offline_page.goto(f"book/ja/{name}.html")
    offline_page.page.wait_for_load_state("load")
    english = offline_page.page.evaluate("""() => [...document.querySelectorAll('[aria-label], [title]')]
        .flatMap(n => [n.getAttribute('aria-label'), n.getAttribute('title')])
        .filter(v => ['Main', 'Page', 'Toggle primary sidebar', 'Toggle secondary sidebar',
                      'Toggle hidden content'].includes(v))""")
    assert english == []
    assert offline_page.page.locator('nav[aria-label="メイン"]').count() == 1
