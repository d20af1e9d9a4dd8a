"""The built book in a real browser (Debian's chromium via Playwright), offline.

Every request that does not go to the local server is aborted; each test
ends by asserting that none was attempted and that no local request failed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.build]


def test_landing_page_and_language_links(offline_page):
    page = offline_page.page
    offline_page.goto("index.html")  # a redirect to book/index.html
    page.wait_for_url("**/book/index.html")
    assert page.get_attribute("html", "lang") == "en"
    # The Japanese half of the landing page is marked as Japanese.
    assert page.locator("[lang=ja]").count() >= 2
    links = page.eval_on_selector_all("article a", "els => els.map(e => e.href)")
    docs = {offline_page.docname(h) for h in links}
    assert {"book/en/introduction", "book/ja/introduction"} <= docs

    # Follow the landing page's link to the Japanese edition.
    card = page.locator(".sd-card", has=page.locator("a[href$='ja/introduction.html']"))
    card.first.click()
    page.wait_for_url("**/book/ja/introduction.html")
    assert page.get_attribute("html", "lang") == "ja"
    # Top of the chapter: the link to the English twin, and the notebook download.
    switch = page.locator("nav.edition-bar a.edition-link")
    assert switch.inner_text().strip() == "Read in English"
    notebook = page.locator("nav.edition-bar a.notebook-link").get_attribute("href")
    assert notebook.endswith("_sources/book/ja/introduction.ipynb")
    switch.click()
    page.wait_for_url("**/book/en/introduction.html")
    assert page.get_attribute("html", "lang") == "en"
    back = page.locator("nav.edition-bar a.edition-link")
    assert back.inner_text().strip() == "日本語で読む"
    back.click()
    page.wait_for_url("**/book/ja/introduction.html")

    # The notebook download is served.
    response = page.request.get(offline_page.url("_sources/book/ja/introduction.ipynb"))
    assert response.ok and response.json()["nbformat"] == 4
    assert not offline_page.page_errors and not offline_page.console_errors
    offline_page.assert_offline()


def _pages_with_math(book_html: Path, lang: str) -> list[str]:
    pages = sorted((book_html / "book" / lang).glob("*.html"))
    return [f"book/{lang}/{p.name}" for p in pages
            if 'class="math' in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_math_is_rendered_offline(offline_page, book_html, lang):
    pages = _pages_with_math(book_html, lang)
    assert pages, f"no page of the {lang} edition has math"
    # The LSTM block chapter carries the cell's equations; else the first page with math.
    target = next((p for p in pages if p.endswith("lstm-block.html")), pages[0])
    offline_page.goto(target)
    page = offline_page.page
    page.wait_for_function(
        "() => document.querySelectorAll('mjx-container').length > 0"
        " && document.querySelectorAll('.math:not(:has(mjx-container))').length === 0",
        timeout=60_000)
    assert page.locator("mjx-merror").count() == 0, "MathJax reported a TeX error"
    src = page.eval_on_selector_all("script[src*='tex-mml-chtml']", "els => els.map(e => e.src)")
    assert src and all(s.startswith(offline_page.base_url) for s in src), src
    assert not offline_page.page_errors and not offline_page.console_errors
    offline_page.assert_offline()


@pytest.mark.parametrize(("lang", "hint"), [("en", "Click to show"), ("ja", "クリックして表示")])
def test_folded_solutions_speak_the_page_language(offline_page, book_html, lang, hint):
    """sphinx-togglebutton's hint on a folded solution is set in JavaScript: check it live."""
    pages = [p for p in sorted((book_html / "book" / lang).glob("*.html"))
             if "dropdown" in p.read_text(encoding="utf-8")]
    assert pages, f"no folded block in the {lang} edition (its solutions are folded)"
    offline_page.goto(f"book/{lang}/{pages[0].name}")
    page = offline_page.page
    page.wait_for_selector("button.toggle-button", state="attached", timeout=30_000)
    hints = page.eval_on_selector_all("button.toggle-button", "els => els.map(e => e.dataset.toggleHint)")
    assert hints and set(hints) == {hint}, hints
    assert not offline_page.page_errors
    offline_page.assert_offline()
