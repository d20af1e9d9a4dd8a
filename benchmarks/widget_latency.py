"""How fast the gate explorer answers, live in Jupyter, and what it costs to build.

    python benchmarks/widget_latency.py              # the book's model (cached, or trained once)
    python benchmarks/widget_latency.py --untrained  # a fresh model of the same size: no training
    python benchmarks/widget_latency.py --moves 200

In Jupyter, a slider move or a click on the drawing grid runs a Python
callback: run the model forward on one image when it changed (`model.trace`),
draw one frame (`FrameRenderer.render`) and send it to the page. The target
is an answer within 200 ms. This script times the callbacks themselves,
as the kernel runs them (the widget messages are not sent anywhere here), over
many moves, and prints the median and the 95th percentile:

- "slider": the live view is shown and the row slider moves to another row
  (the trace is cached, one frame is drawn);
- "cell": a click paints one cell of the grid (a new trace, one frame).

It also times building the explorer (every frame of the HTML book drawn in
advance), which is what the explorer adds to the book's build, per language,
and prints the size of the frames, which is most of the page's weight.
"""

import argparse
import re
import statistics
import time

import lstm  # first: it quiets TensorFlow's start-up messages
import numpy as np

from lstm.widgets import gate_explorer


def percentile(values, q):
    return float(np.percentile(np.asarray(values) * 1e3, q))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--moves", type=int, default=100, help="callbacks to time, per kind")
    parser.add_argument("--untrained", action="store_true",
                        help="use an untrained model of the book's size instead of the cached one")
    args = parser.parse_args()

    data = lstm.load_digits()
    if args.untrained:
        model = lstm.recipes.MODERN.build(seed=0)
    else:
        model, _ = lstm.recipes.MODERN.run(data, cache=True, progress=False)

    for lang in ("en", "ja"):
        start = time.perf_counter()
        explorer = gate_explorer(model, data.x_test, data.y_test, lang=lang)
        built = time.perf_counter() - start
        frames = [f.value for frames in explorer.frames for f in frames]
        png = sum(len(m) * 3 // 4 for f in frames for m in re.findall(r"base64,([^\"]+)", f))
        print(f"[{lang}] built {len(frames)} frames ({len(explorer.examples)} examples × "
              f"{len(explorer.frames[0])} rows) in {built:.1f} s; PNG {png / 1e6:.2f} MB, "
              f"frames' HTML {sum(map(len, frames)) / 1e6:.2f} MB")

    rng = np.random.default_rng(0)
    explorer.grid[0].click()  # switch to the live view (a drawing)
    timings = {"slider": [], "cell": []}
    for k in range(args.moves):
        row = int(rng.integers(1, explorer.slider.max + 1))
        if row == explorer.slider.value:
            row = row % explorer.slider.max + 1
        start = time.perf_counter()
        explorer.slider.value = row  # the observer draws the frame
        timings["slider"].append(time.perf_counter() - start)

        explorer.pen.value = float(rng.choice([0.0, 0.5, 1.0]))
        cell = explorer.grid[int(rng.integers(len(explorer.grid)))]
        start = time.perf_counter()
        cell.click()
        timings["cell"].append(time.perf_counter() - start)

    for kind, values in timings.items():
        print(f"live {kind:6s}: median {statistics.median(values) * 1e3:6.1f} ms, "
              f"p95 {percentile(values, 95):6.1f} ms, max {max(values) * 1e3:6.1f} ms "
              f"over {len(values)} moves (goal: < 200 ms)")


if __name__ == "__main__":
    main()
