"""Accessibility of the built book: axe-core finds no serious or critical violation.

axe-core (npm, pinned and checked by `helpers.axe_script`) runs with its default
rules on the whole page in Debian's Chromium, offline, for the landing page,
the search page and every chapter of both editions.
"""

import pytest

from helpers import CHAPTERS, axe_violations

pytestmark = pytest.mark.browser

PAGES = ("index.html", "search.html") + tuple(
    f"book/{lang}/{name}.html" for lang, names in CHAPTERS.items() for name in names)


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_violation(offline_page, path):
    offline_page.goto(path)
    offline_page.page.wait_for_load_state("load")
    offline_page.page.wait_for_timeout(500)  # the theme's icons and the widgets are drawn after load
    violations = axe_violations(offline_page.page, "html")
    assert violations == [], [(v["id"], v["impact"], v["nodes"][:3]) for v in violations]
