"""One trained model reading one test sequence of a gate-experiment task.

`sequence_trace(model, task, example)` draws, with the rows (time steps) on
the horizontal axis: the input sequence, the heatmaps of i, f, o, c and h (one
line per hidden unit), and below them the probability the model gives the
true digit after every row. A strip on top names each stretch of rows (the
digit, or noise; every digit of a stream) and dashed lines cross every panel
where a stretch ends. The experiment explorer (`lstm.explorers.experiment`)
shows one such figure per variant.
"""

import numpy as np

from ..cell import GATE_NAMES, TRACED
from ..i18n import strings, text
from ..plotting import use_lang
from ..plotting import TEXT as SHARED
from ..i18n.figures import SEQUENCE as TEXT

HEATMAPS = tuple(k for k in TRACED if k != "z")  # i, f, o, c, h: the candidate z is not shown
DIGIT_COLOR, NOISE_COLOR = "#c6dbef", "#e0e0e0"
_CMAPS = {"i": "viridis", "f": "viridis", "o": "viridis", "c": "RdBu_r", "h": "RdBu_r"}


def segments(task, example):
    """The stretches of rows of test sequence `example`: a list of
    `(start, stop, digit)` (rows `start..stop-1`, from 0), `digit` the digit
    those rows show, or `None` for noise rows."""
    side = task.x_test.shape[2]  # an image has as many rows as columns
    y = np.asarray(task.y_test[example])
    rows = task.rows
    if task.name == "stream":
        return [(int(b), int(b) + side, int(y[int(b) + side - 1])) for b in task.boundaries]
    digit = int(y) if y.ndim == 0 else int(y[-1])
    if task.name == "distractors" and task.args.get("where") == "before":
        return [(0, rows - side, None), (rows - side, rows, digit)]
    if rows > side:
        return [(0, side, digit), (side, rows, None)]
    return [(0, rows, digit)]


def row_targets(task, example):
    """`(targets, scored)`, each `(rows,)`: the digit the model should name
    after every row (the label of the row, or of the next scored row; labels
    `-1` and the "not yet" class of `delayed(wait=True)` are filled from the
    next row that names a digit), and which rows are scored as a digit."""
    y = np.asarray(task.y_test[example])
    rows = task.rows
    if y.ndim == 0:
        return np.full(rows, int(y)), np.arange(rows) == rows - 1
    scored = (y >= 0) & (y < 10)  # a digit, not IGNORE nor the WAIT class
    targets = np.empty(rows, dtype=np.int64)
    current = int(y[np.flatnonzero(scored)[-1]])
    for t in range(rows - 1, -1, -1):
        if scored[t]:
            current = int(y[t])
        targets[t] = current
    return targets, scored


def color_scales(traces):
    """`{"c": c_max, "h": h_max}`, shared by the frames of several traces: the
    99th percentile of |c| (and of |h|, at least 1), rounded up to a half."""
    def scale(name, least):
        values = np.concatenate([np.abs(getattr(t, name)).ravel() for t in traces])
        return max(least, float(np.ceil(2 * np.quantile(values, 0.99)) / 2))

    return {"c": scale("c", 0.5), "h": scale("h", 1.0)}


def sequence_trace(model, task, example, *, lang="en", variant="full", scales=None,
                   figsize=(6.8, 5.6)):
    """The figure described in the module's docstring, as a Matplotlib `Figure`
    (not registered with pyplot: nothing to close).

    Args:
        model: a trained `RowClassifier` for `task`.
        task: a `lstm.tasks.Task`; the sequence is `task.x_test[example]`.
        example: the index of the test sequence.
        lang: `"en"` or `"ja"`.
        variant: the model's variant (a name of `lstm.ablation.VARIANTS`): a
            gate held at 1 and `h = o·c` are named on their panels.
        scales: `color_scales(...)` to share colour scales between figures;
            `None` takes them from this trace.
    """
    import matplotlib as mpl
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    t = strings(TEXT, lang)
    use_lang(lang)
    x = np.asarray(task.x_test[example])  # (rows, 8)
    trace = model.trace(x)  # each (rows, H)
    scales = scales or color_scales([trace])
    rows, hidden = trace.h.shape
    held = {"no_i": "i", "no_f": "f", "no_o": "o"}.get(variant)
    parts = segments(task, example)
    targets, scored = row_targets(task, example)

    fig = Figure(figsize=figsize, facecolor="white")
    FigureCanvasAgg(fig)
    grid = fig.add_gridspec(8, 2, width_ratios=[1, 0.018], height_ratios=[0.32, 0.7, 1, 1, 1, 1, 1, 1.3],
                            left=0.15, right=0.93, top=0.985, bottom=0.075, hspace=0.14, wspace=0.02)
    strip = fig.add_subplot(grid[0, 0])
    panels = [fig.add_subplot(grid[k, 0], sharex=strip) for k in range(1, 8)]
    extent = (0.5, rows + 0.5, None, -0.5)

    # The strip: what each stretch of rows holds.
    for start, stop, digit in parts:
        strip.axvspan(start + 0.5, stop + 0.5, color=NOISE_COLOR if digit is None else DIGIT_COLOR, lw=0)
        strip.text((start + stop + 1) / 2, 0.5, t["noise"] if digit is None else t["digit"].format(d=digit),
                   ha="center", va="center", fontsize=7)
    strip.set_ylim(0, 1)
    strip.set_yticks([])

    def heatmap(ax, values, label, cmap, vmin, vmax):
        image = ax.imshow(values, cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto", interpolation="nearest",
                          extent=(*extent[:2], values.shape[0] - 0.5, -0.5))
        ax.set_ylabel(label, rotation=0, ha="right", va="center", multialignment="center", fontsize=7,
                      labelpad=4)
        ax.set_yticks([])
        return image

    top = float(x.max()) if x.max() > 0 else 1.0
    heatmap(panels[0], x.T, t["x"], "gray_r", 0.0, top)  # (8, rows): a digit's rows show as columns
    for ax, gate in zip(panels[1:6], HEATMAPS):
        values = getattr(trace, gate).T  # (H, rows)
        vmax = scales.get(gate, 1.0)
        vmin = 0.0 if gate in GATE_NAMES else -vmax
        label = t[gate]
        if gate == held:
            label = t["held"].format(gate=gate)
        elif gate == "h" and variant == "no_tanh":
            label = t["h_no_tanh"]
        image = heatmap(ax, values, label, mpl.colormaps[_CMAPS[gate]], vmin, vmax)
        bar = fig.colorbar(image, cax=fig.add_subplot(grid[HEATMAPS.index(gate) + 2, 1]))
        bar.set_ticks([vmin, vmax])
        bar.ax.tick_params(labelsize=6, length=2, pad=1)

    # The probability of the true digit after every row; dots on the scored rows.
    ax = panels[-1]
    steps = np.arange(1, rows + 1)
    p = trace.probs[np.arange(rows), targets]  # (rows,)
    ax.plot(steps, p, color="#08519c", lw=1.4)
    ax.plot(steps[scored], p[scored], "o", color="#08519c", ms=3.5)
    ax.axhline(1 / model.num_classes, color="0.6", lw=0.8, ls=":")
    ax.set_ylim(0, 1.02)
    ax.set_yticks([0, 0.5, 1])
    ax.set_ylabel(t["p"], rotation=0, ha="right", va="center", multialignment="center", fontsize=7,
                  labelpad=4)
    ax.set_xlabel(text(SHARED, lang, "row"), fontsize=7, labelpad=2)

    # Rows are numbered from 1, as in the book; ticks where each stretch starts, and at the end.
    ticks = sorted({1, rows, *(start + 1 for start, _, _ in parts)}) if rows > 8 else list(steps)
    for ax in (strip, *panels):
        for start, _, _ in parts[1:]:
            ax.axvline(start + 0.5, color="black" if ax is strip else "0.35", lw=0.8, ls="--")
        ax.tick_params(labelsize=6, length=2, pad=1, labelbottom=ax is panels[-1])
        ax.set_xticks(ticks)
        ax.set_xticks(steps, minor=True)
        ax.tick_params(which="minor", length=1)
    strip.tick_params(bottom=False, which="both")
    strip.set_xlim(0.5, rows + 0.5)
    return fig
