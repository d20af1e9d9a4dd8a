"""The experiment explorer in a real browser, with no network and no kernel.

Two pages, driven by Playwright and Debian's `/usr/bin/chromium` (fixtures of
`conftest.py`, helpers of `helpers.py`; every request that leaves localhost is blocked):

- the built chapter on the input gate, in both editions, where the book shows
  `experiment_explorer(result, lang=LANG)` for its study's four variants (the
  forget- and output-gate chapters show their studies as static figures: the
  explorer does not draw their segment and recall tasks);
- a standalone page that embeds a tiny explorer's saved state with the book's
  own copy of the widget JavaScript (`_static/jupyter-widgets/`), so the
  widget's structure is tested without depending on a chapter's content.

On both, the variant buttons must switch the visible frame (the `jslink` runs
in the browser), the Run panel (it needs a kernel) must be hidden, and the
console must stay free of errors apart from the two harmless messages every
Jupyter Book 1 page logs (`KNOWN_CONSOLE_ERRORS`; docs/notes.md).
"""

import dataclasses
import importlib.util
import json
import shutil

import pytest

from helpers import KNOWN_CONSOLE_ERRORS, ROOT, open_offline_page, serve

pytestmark = pytest.mark.browser

CHAPTERS = {"input-gate": 4}  # the chapter with an explorer, and the number of its variants


def _frame(explorer):
    """The visible frame: its caption and the start and end of its PNG's data URL."""
    figure = explorer.locator("figure.lstm-experiment-frame:visible").first
    figure.wait_for(state="visible", timeout=20_000)
    src = figure.locator("img").get_attribute("src")
    return figure.locator("figcaption").inner_text(), src[:200] + src[-200:]


def _wait_for_change(explorer, before, timeout=10_000):
    for _ in range(timeout // 100):
        now = _frame(explorer)
        if now != before:
            return now
        explorer.page.wait_for_timeout(100)
    raise AssertionError(f"the frame did not change from {before[0]!r}")


def check_explorer(offline_page, path, lang, *, variants):
    """Open `path` and check its first experiment explorer (of `variants` variants)."""
    offline_page.goto(path)
    page = offline_page.page
    explorer = page.locator(".lstm-experiment").first
    try:
        explorer.wait_for(state="visible", timeout=30_000)
    except Exception:  # Playwright's TimeoutError
        pytest.fail(f"{path} shows no experiment explorer (.lstm-experiment) after 30 s: does the "
                    "page call lstm.explorers.experiment.experiment_explorer(result, lang=LANG)?", pytrace=False)

    # It renders the first variant's frame: a decoded picture, its alt text and its caption.
    caption, first = _frame(explorer)
    img = explorer.locator("figure.lstm-experiment-frame:visible img").first
    assert img.evaluate("el => el.complete && el.naturalWidth") == 680
    assert img.get_attribute("alt")
    buttons = explorer.locator(".widget-toggle-buttons button")
    assert buttons.count() == variants
    assert caption.lower().startswith(buttons.nth(0).inner_text().strip().lower())

    # Each variant button shows that variant's frame, and the first one comes back.
    before = (caption, first)
    for k in range(1, variants):
        buttons.nth(k).click()
        before = _wait_for_change(explorer, before)
        assert before[0].lower().startswith(buttons.nth(k).inner_text().strip().lower())
    buttons.nth(0).click()
    assert _wait_for_change(explorer, before) == (caption, first)

    # The Run panel needs a kernel: the web book hides it (no inert panel).
    panel = explorer.locator(".lstm-experiment-rerun")
    assert panel.count() == 1 and not panel.is_visible()

    errors = offline_page.console_errors + offline_page.page_errors
    unexpected = [e for e in errors if not any(known in e for known in KNOWN_CONSOLE_ERRORS)]
    assert unexpected == [], unexpected
    offline_page.assert_offline()


@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_chapter_explorer_responds_offline(offline_page, lang, chapter):
    check_explorer(offline_page, f"book/{lang}/{chapter}.html", lang, variants=CHAPTERS[chapter])


# -- a standalone page: the widget's saved state with the book's widget JavaScript ------------

def _page_html(explorer, lang):
    """An HTML page that embeds `explorer`'s state, as the book's pages do."""
    from ipywidgets.embed import dependency_state, embed_data

    spec = importlib.util.spec_from_file_location("offline_widgets", ROOT / "book/_ext/offline_widgets.py")
    offline = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(offline)
    data = embed_data(views=[explorer], state=dependency_state(explorer))
    static = "_static/jupyter-widgets/"
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="UTF-8"><title>explorer</title>'
            '<link rel="stylesheet" href="_static/bilingual.css">'
            f'<script>{offline.BASE_URL % static}{offline.PAGE_SCRIPT}</script>'
            f'<script src="{static}requirejs/require.js"></script>'
            f'<script src="{static}@jupyter-widgets/html-manager/dist/embed-amd.js"></script>'
            f'<script type="application/vnd.jupyter.widget-state+json">{json.dumps(data["manager_state"])}'
            f'</script></head><body><script type="application/vnd.jupyter.widget-view+json">'
            f'{json.dumps(data["view_specs"][0])}</script></body></html>')


@pytest.fixture(scope="module")
def standalone_site(book_html, tmp_path_factory):
    """A folder with `en.html` and `ja.html` (a tiny explorer each) and the widget JS."""
    import lstm
    from lstm import ablation, tasks
    from lstm.explorers.experiment import experiment_explorer

    site = tmp_path_factory.mktemp("site")
    shutil.copytree(book_html / "_static" / "jupyter-widgets", site / "_static" / "jupyter-widgets")
    shutil.copy2(book_html / "_static" / "bilingual.css", site / "_static" / "bilingual.css")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LSTM_CACHE", str(tmp_path_factory.mktemp("cache")))
        d = lstm.load_digits()
        d = dataclasses.replace(d, x_train=d.x_train[:60], y_train=d.y_train[:60],
                                x_test=d.x_test[:6], y_test=d.y_test[:6])
        result = ablation.ablate(tasks.delayed(d, delay=5), variants=("full", "no_o", "no_tanh"), seeds=(0,),
                                 hidden_size=4, epochs=1)
        for lang in ("en", "ja"):
            explorer = experiment_explorer(result, lang=lang, data=d)
            (site / f"{lang}.html").write_text(_page_html(explorer, lang), encoding="utf-8")
    return site


@pytest.fixture
def standalone_page(browser, standalone_site):
    """An `OfflinePage` on a localhost server of `standalone_site`."""
    with serve(standalone_site) as base, open_offline_page(browser, base) as record:
        yield record


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_standalone_explorer_responds_offline(standalone_page, lang):
    check_explorer(standalone_page, f"{lang}.html", lang, variants=3)
