"""The gate explorer's page in a real browser: its weight, its first frame, its redraws.

    python benchmarks/explorer_page.py                 # the built book in _build/html (make book)
    python benchmarks/explorer_page.py --loads 5 --moves 60

Debian's Chromium (driven by Playwright, headless) opens the chapter "Looking
inside" from a localhost server of the built book, with every request outside
localhost blocked. The explorer runs the model in the page (`lstm/web/`), so
three numbers matter to a reader, each printed beside a peer measured in the
same run:

- **page weight**: the bytes of every response the page loads (HTML, scripts,
  CSS, fonts, images; uncompressed), beside the introduction, a page of the
  same theme without a widget: the difference is what the explorer costs;
- **first frame**: the time from navigation to the explorer's first drawn frame
  (`lstmExplorer.firstFrameAt`, a `performance.now()` reading), median over
  `--loads` loads with the browser's cache off, beside the page's own
  `DOMContentLoaded`;
- **redraw**: the time to answer one row step or one painted cell, from the
  event to the next animation frame (the explorer's work and the browser's
  layout of it), median and 95th percentile over `--moves` moves, beside the
  explorer's own JavaScript time for the same moves (`lstmExplorer.redrawMs`).

The targets of the book: under 5 MB, a first frame within 2 s, a redraw under
50 ms. Results are in benchmarks/README.md.
"""

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from helpers import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

PAGE = "book/{lang}/looking-inside.html"
PEER = "book/{lang}/introduction.html"

MOVE = """async ([kind, k]) => {
  const root = document.querySelector('.lstm-explorer');
  const start = performance.now();
  if (kind === 'row') {
    const slider = root.querySelector('input.lstm-row');
    slider.value = 1 + (k % 8);
    slider.dispatchEvent(new Event('input', {bubbles: true}));
  } else {
    const cell = root.querySelectorAll('.lstm-cell')[(7 * k) % 64];
    cell.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true}));
    cell.dispatchEvent(new PointerEvent('pointerup', {bubbles: true}));
  }
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  return [performance.now() - start, root.lstmExplorer.redrawMs];
}"""


def weight(browser, base, path):
    page = browser.new_page()
    sizes = []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
               else route.abort())
    page.on("requestfinished", lambda request: sizes.append(request.sizes()["responseBodySize"]))
    page.goto(f"{base}/{path}", wait_until="networkidle")
    page.wait_for_timeout(1000)
    page.close()
    return sum(sizes)


def first_frames(browser, base, path, loads):
    frames, ready = [], []
    for _ in range(loads):
        context = browser.new_context()
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                   else route.abort())
        page.goto(f"{base}/{path}")
        page.wait_for_function("document.querySelector('.lstm-explorer')?.lstmExplorer?.firstFrameAt > 0",
                               timeout=30_000)
        frames.append(page.evaluate("document.querySelector('.lstm-explorer').lstmExplorer.firstFrameAt"))
        ready.append(page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"))
        context.close()
    return statistics.median(frames), statistics.median(ready)


def redraws(browser, base, path, moves):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/{path}")
    page.wait_for_function("document.querySelector('.lstm-explorer')?.lstmExplorer?.firstFrameAt > 0")
    page.locator(".lstm-explorer").scroll_into_view_if_needed()
    results = {"row": [], "cell": []}
    for k in range(moves):
        kind = "row" if k % 2 == 0 else "cell"
        results[kind].append(page.evaluate(MOVE, [kind, k]))
    page.close()
    return results


def summary(values):
    values = sorted(values)
    return statistics.median(values), values[int(0.95 * (len(values) - 1))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--moves", type=int, default=60)
    args = parser.parse_args()
    if not (args.html / PAGE.format(lang="en")).is_file():
        parser.error(f"no built book in {args.html}: run `make book` first")
    from playwright.sync_api import sync_playwright

    with serve(args.html) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang in ("en", "ja"):
            page, peer = PAGE.format(lang=lang), PEER.format(lang=lang)
            total, other = weight(browser, base, page), weight(browser, base, peer)
            print(f"{page}: {total / 1e6:.2f} MB in all; {peer}: {other / 1e6:.2f} MB; "
                  f"the explorer's chapter adds {(total - other) / 1e6:.2f} MB")
        frame, ready = first_frames(browser, base, PAGE.format(lang="en"), args.loads)
        print(f"first frame {frame:.0f} ms after navigation (median of {args.loads} loads); "
              f"DOMContentLoaded {ready:.0f} ms")
        for kind, values in redraws(browser, base, PAGE.format(lang="en"), args.moves).items():
            total_ms, own_ms = summary([v[0] for v in values]), summary([v[1] for v in values])
            print(f"redraw after a {kind:4s}: median {total_ms[0]:.1f} ms, 95th percentile {total_ms[1]:.1f} ms "
                  f"to the next frame; the explorer's JavaScript {own_ms[0]:.1f} ms (median)")
        browser.close()


if __name__ == "__main__":
    main()
