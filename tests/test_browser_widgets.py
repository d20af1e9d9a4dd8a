"""The live widgets in the built book, in a real browser, with no kernel and no network.

Playwright drives Debian's `/usr/bin/chromium` against `_build/html` served on
localhost (fixtures of `conftest.py`; every request that leaves localhost is
blocked). The gate explorer of the chapter "Looking inside" runs the trained
model in the page (`lstm/web/`), so in both editions a reader can:

- pick any test image by its number, beyond the digit menu, and the page's
  JavaScript computes that image's trace exactly as `model.trace` does (to 1e-5);
- draw on the grid with the mouse, and with the keyboard alone, and the
  prediction and the heatmaps follow;
- step through the rows with the slider, the arrow keys and Play;
- sort the units by selectivity and open the block at the current row and unit.

The page loads neither require.js nor the widget manager (the explorer is an
anywidget rendered by `_static/anywidget-static.js`), its console stays free of
errors (but the theme's harmless messages, `KNOWN_CONSOLE_ERRORS`), and axe-core
finds no serious or critical violation inside the widget. The block stepper of
the chapter on the LSTM block responds to its sliders, and the input-gate
chapter's explorer offers the four variants of its study.
"""

import numpy as np
import pytest

from helpers import KNOWN_CONSOLE_ERRORS, axe_violations

pytestmark = pytest.mark.browser

READ = {"en": "rows 1 to {t} read", "ja": "1 行目から {t} 行目まで"}
FIRST = {"en": "row 1 read", "ja": "1 行目を読んだ時点で"}
IMAGE = {"en": "Image #{index}", "ja": "画像 {index} 番"}
DRAWING = {"en": "Your drawing", "ja": "描いた数字"}
FAR_INDEX = 123  # not in the digit menu (the first image of each class)


@pytest.fixture(scope="module")
def modern():
    import lstm

    model, _ = lstm.recipes.MODERN.run(cache=True, progress=False)
    return model, lstm.load_digits()


def _description(explorer):
    return explorer.locator(".lstm-description").inner_text()


def _wait_for(explorer, predicate, what, timeout=10_000):
    page = explorer.page
    for _ in range(timeout // 50):
        text = _description(explorer)
        if predicate(text):
            return text
        page.wait_for_timeout(50)
    raise AssertionError(f"{what}: the description stayed {_description(explorer)!r}")


def _frame(explorer):
    return explorer.evaluate("root => root.lstmExplorer.frame()")


def _largest_difference(frame, trace):
    rows = trace.h.shape[0]
    diffs = [np.abs(np.reshape(frame["trace"][q], (rows, -1)) - getattr(trace, q)).max()
             for q in ("z", "i", "f", "o", "c", "h", "probs")]
    return float(max(diffs))


def _maps(explorer):
    return explorer.locator("canvas.lstm-heatmap").evaluate_all("cs => cs.map(c => c.toDataURL())")


def _check_clean(offline_page):
    errors = offline_page.console_errors + offline_page.page_errors
    unexpected = [e for e in errors if not any(known in e for known in KNOWN_CONSOLE_ERRORS)]
    assert unexpected == [], unexpected
    offline_page.assert_offline()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_gate_explorer_runs_the_model_in_the_page(offline_page, modern, lang):
    model, data = modern
    requests = []
    offline_page.page.on("request", lambda request: requests.append(request.url))
    offline_page.goto(f"book/{lang}/looking-inside.html")
    page = offline_page.page
    explorer = page.locator(".lstm-explorer").first
    explorer.wait_for(state="visible", timeout=30_000)
    assert not any("embed-amd" in url or "require.js" in url for url in requests), "the widget manager was loaded"
    _wait_for(explorer, lambda s: READ[lang].format(t=8) in s, "the first frame")

    # Any test image by its number, and the page computes what Python computes.
    index_box = explorer.locator("input.lstm-index")
    index_box.fill(str(FAR_INDEX))
    index_box.press("Enter")
    _wait_for(explorer, lambda s: IMAGE[lang].format(index=FAR_INDEX) in s, "typing an index")
    assert _largest_difference(_frame(explorer), model.trace(data.x_test[FAR_INDEX])) < 1e-5
    index_box.fill("9999")
    index_box.press("Enter")
    assert "9999" in explorer.locator(".lstm-error").inner_text()
    assert _frame(explorer)["index"] == FAR_INDEX  # a bad index changes nothing

    # Drawing with the mouse: the image becomes the drawing, the prediction and the maps follow.
    maps = _maps(explorer)
    before = _frame(explorer)
    cells = explorer.locator(".lstm-cell")
    cells.nth(3 * 8 + 3).scroll_into_view_if_needed()
    box = cells.nth(3 * 8 + 3).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    for column in (4, 5, 6):
        cell = cells.nth(3 * 8 + column).bounding_box()
        page.mouse.move(cell["x"] + cell["width"] / 2, cell["y"] + cell["height"] / 2, steps=3)
    page.mouse.up()
    _wait_for(explorer, lambda s: DRAWING[lang] in s, "drawing with the mouse")
    after = _frame(explorer)
    assert after["index"] == -1
    assert after["trace"]["probs"] != before["trace"]["probs"]
    assert _maps(explorer) != maps
    drawing = np.array(explorer.evaluate("root => root.lstmExplorer.image()"), dtype=np.float32).reshape(8, 8)
    assert np.sum(drawing != data.x_test[FAR_INDEX]) >= 3  # three cells painted over image #123
    assert _largest_difference(after, model.trace(drawing)) < 1e-5

    # The keyboard alone: rows with the slider's arrow keys, painting with Space.
    slider = explorer.locator("input.lstm-row")
    slider.focus()
    page.keyboard.press("Home")
    _wait_for(explorer, lambda s: FIRST[lang] in s, "Home on the row slider")
    page.keyboard.press("ArrowRight")
    _wait_for(explorer, lambda s: READ[lang].format(t=2) in s, "→ on the row slider")
    cells.nth(0).focus()
    for key in ("ArrowDown", "ArrowDown", "ArrowRight"):
        page.keyboard.press(key)
    assert page.evaluate("document.activeElement.dataset.r + ',' + document.activeElement.dataset.c") == "2,1"
    probs = _frame(explorer)["trace"]["probs"]
    page.keyboard.press("Space")
    explorer.page.wait_for_timeout(100)
    assert _frame(explorer)["trace"]["probs"] != probs
    assert explorer.evaluate("root => root.lstmExplorer.image()")[2 * 8 + 1] == 1.0

    # Play reads the remaining rows by itself.
    explorer.locator("button.lstm-play").click()
    _wait_for(explorer, lambda s: READ[lang].format(t=8) in s, "Play", timeout=15_000)

    # Units: sort by selectivity, then open the block at the current row and unit.
    explorer.locator("input.lstm-sort").check()
    option = explorer.locator("select.lstm-unit-select option").first.inner_text()
    assert ("selectivity" if lang == "en" else "選択性") in option
    explorer.locator("button.lstm-open-block").click()
    frame = _frame(explorer)
    block = explorer.locator(".lstm-block-equations").inner_text()
    c = frame["trace"]["c"][7 * model.hidden_size + frame["unit"]]
    assert f"{c:.2f}".replace("-", "\u2212") in block

    assert axe_violations(page, ".lstm-explorer") == []
    _check_clean(offline_page)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_block_stepper_follows_its_sliders(offline_page, lang):
    offline_page.goto(f"book/{lang}/lstm-block.html")
    view = offline_page.page.locator(".lstm-block-view").first
    view.wait_for(state="visible", timeout=30_000)
    values = view.evaluate("root => root.lstmBlock.values()")
    assert abs(values["c"] - (values["f"] * values["c_prev"] + values["i"] * values["z"])) < 1e-12
    # The constant error carousel: f = 1, i = 0 keeps the memory as it was.
    for name, value in (("f", 1), ("i", 0)):
        view.locator("input[type=range]").nth(["c_prev", "z", "i", "f", "o"].index(name) + 1).evaluate(
            "(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); }", value)
    values = view.evaluate("root => root.lstmBlock.values()")
    assert (values["f"], values["i"]) == (1, 0) and values["c"] == values["c_prev"]
    assert ("set by hand" if lang == "en" else "手で設定") in view.locator(".lstm-description").inner_text()
    view.locator("button.lstm-reset").click()
    assert view.evaluate("root => root.lstmBlock.values()")["f"] != 1
    assert axe_violations(offline_page.page, ".lstm-block-view") == []
    _check_clean(offline_page)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_input_gate_explorer_offers_the_variants(offline_page, lang):
    offline_page.goto(f"book/{lang}/input-gate.html")
    explorer = offline_page.page.locator(".lstm-explorer").first
    explorer.wait_for(state="visible", timeout=30_000)
    models = explorer.locator("select.lstm-model-select option")
    assert models.count() == 4
    first = _frame(explorer)["trace"]["i"]
    explorer.locator("select.lstm-model-select").select_option(index=1)
    assert _frame(explorer)["trace"]["i"] != first
    assert explorer.locator(".lstm-cell").count() == 24 * 8  # the digit and its 16 noise rows
    _check_clean(offline_page)


def test_gate_explorer_works_from_disk(browser, book_html):
    """Opened from disk (file://), the page still imports the widget's module from a
    blob URL and answers a drawn cell."""
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error"
            and "anywidget" in message.text else None)
    try:
        page.goto((book_html / "book" / "en" / "looking-inside.html").resolve().as_uri())
        explorer = page.locator(".lstm-explorer").first
        explorer.wait_for(state="visible", timeout=30_000)
        cell = explorer.locator(".lstm-cell").nth(20)
        cell.scroll_into_view_if_needed()
        cell.click()
        _wait_for(explorer, lambda s: DRAWING["en"] in s, "drawing on a page opened from disk")
    finally:
        page.close()
    assert errors == []


def test_drawing_by_touch(browser, book_server):
    """A tap on a tablet paints a cell, as a click does."""
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 820, "height": 1180})
    try:
        page = context.new_page()
        page.goto(f"{book_server}/book/ja/looking-inside.html")
        explorer = page.locator(".lstm-explorer").first
        explorer.wait_for(state="visible", timeout=30_000)
        cell = explorer.locator(".lstm-cell").nth(27)
        cell.scroll_into_view_if_needed()
        box = cell.bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        _wait_for(explorer, lambda s: DRAWING["ja"] in s, "a tap on the grid")
    finally:
        context.close()
