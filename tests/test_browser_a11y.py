"""Accessibility of the built book: axe-core finds no serious or critical violation.

axe-core (npm, pinned and checked by `helpers.axe_script`) runs on the whole
page in Debian's Chromium, offline, for the landing page, the search page and
one chapter of each kind in both editions: prose, equations and figures, the
live widgets, the experiment explorer, the references, the teacher's page.
"""

import pytest

from helpers import axe_violations

pytestmark = pytest.mark.browser

CHAPTERS = ("introduction", "lstm-block", "input-gate", "looking-inside", "references", "teaching")
PAGES = ("index.html", "search.html") + tuple(f"book/{lang}/{c}.html" for lang in ("en", "ja") for c in CHAPTERS)


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_violation(offline_page, path):
    offline_page.goto(path)
    offline_page.page.wait_for_load_state("load")
    offline_page.page.wait_for_timeout(500)  # the theme's icons and the widgets are drawn after load
    violations = axe_violations(offline_page.page, "html")
    assert violations == [], [(v["id"], v["impact"], v["nodes"][:3]) for v in violations]
