"""The gate explorer in the built book, in a real browser, with no network.

Playwright drives Debian's `/usr/bin/chromium` against `_build/html` served on
localhost (the fixtures of `conftest.py`: the book is built once per session,
or taken from `LSTM_BOOK_HTML`); every request that leaves localhost is
blocked. In both editions the explorer must render from its saved widget
state, respond to the row slider, the example chooser and the Play button (the
links run in the browser: there is no kernel), and leave the console free of
errors apart from the two harmless messages every Jupyter Book 1 page logs
(`KNOWN_CONSOLE_ERRORS`; docs/notes.md).
"""

import pytest

from helpers import KNOWN_CONSOLE_ERRORS

pytestmark = pytest.mark.browser

PAGE = "book/{lang}/looking-inside.html"
THEME = (*KNOWN_CONSOLE_ERRORS, "'THEBE_JS_URL' has already been declared")


def _frame(explorer):
    """What the explorer shows now: the visible frame's caption and the start of its PNG."""
    figure = explorer.locator("figure.gate-explorer-frame").first
    figure.wait_for(state="visible", timeout=20_000)
    return figure.locator("figcaption").inner_text(), figure.locator("img").get_attribute("src")[:200] + \
        figure.locator("img").get_attribute("src")[-200:]


def _wait_for_change(explorer, before, timeout=10_000):
    page = explorer.page
    for _ in range(timeout // 100):
        if _frame(explorer) != before:
            return _frame(explorer)
        page.wait_for_timeout(100)
    raise AssertionError(f"the frame did not change from {before[0]!r}")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_explorer_responds_offline(offline_page, lang):
    offline_page.goto(PAGE.format(lang=lang))
    page = offline_page.page
    explorer = page.locator(".gate-explorer").first
    explorer.wait_for(state="visible", timeout=30_000)

    # It renders: a frame with a decoded picture, and its description.
    caption, _ = _frame(explorer)
    img = explorer.locator("figure.gate-explorer-frame img").first
    assert img.evaluate("el => el.complete && el.naturalWidth") == 680
    assert img.get_attribute("alt")
    last_row = "rows 1 to 8 read" if lang == "en" else "1 行目から 8 行目まで"
    assert last_row in caption

    # The row slider (keyboard on its handle, as a reader without a mouse would do).
    handle = explorer.locator(".widget-slider .noUi-handle").first
    handle.focus()
    page.keyboard.press("Home")
    caption, _ = _wait_for_change(explorer, (caption, _frame(explorer)[1]))
    first_row = "rows 1 to 1 read" if lang == "en" else "1 行目から 1 行目まで"
    assert first_row in caption
    before = _frame(explorer)
    page.keyboard.press("ArrowRight")
    caption, _ = _wait_for_change(explorer, before)
    assert ("rows 1 to 2 read" if lang == "en" else "1 行目から 2 行目まで") in caption

    # Another example from the chooser: the same row of another image.
    before = _frame(explorer)
    select = explorer.locator(".widget-dropdown select").first
    select.select_option(index=7)
    caption, _ = _wait_for_change(explorer, before)
    seven = "(digit 7)" if lang == "en" else "（正解は 7）"
    assert seven in caption
    assert ("rows 1 to 2 read" if lang == "en" else "1 行目から 2 行目まで") in caption

    # Play advances the rows by itself.
    before = _frame(explorer)
    explorer.locator(".widget-play button").first.click()
    _wait_for_change(explorer, before)
    page.wait_for_timeout(3000)
    caption, _ = _frame(explorer)
    assert ("rows 1 to 2 read" if lang == "en" else "1 行目から 2 行目まで") not in caption

    # The static page says plainly that drawing needs Jupyter.
    note = {"en": "works when this chapter runs as a notebook in Jupyter",
            "ja": "Jupyter で実行したときに使えます"}[lang]
    assert note in explorer.inner_text()

    errors = offline_page.console_errors + offline_page.page_errors
    unexpected = [e for e in errors if not any(known in e for known in THEME)]
    assert unexpected == [], unexpected
    offline_page.assert_offline()
