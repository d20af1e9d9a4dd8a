"""Figures of the gate chapters (input, forget and output gates), drawn from traces.

A trace (`RowClassifier.trace`) holds every gate and state at every row.
These functions draw traces, and what `lstm.analysis` measured on them
(`class_measures`, `streams`, `trace_measures`), as the figures of chapters 5 to 7.

Arrays are indexed from 0, as in Python; figures number the rows from 1,
as the book's equations do (`x_1` to `x_8`).

Every figure function takes `lang` (`"en"` or `"ja"`) for its labels and uses
`lstm.plotting` for the font, so Japanese labels render without boxes.

Example:

>>> import lstm                                                   # doctest: +SKIP
>>> from lstm.figures import gates                                # doctest: +SKIP
>>> model, _ = lstm.recipes.MODERN.run(cache=True)                # doctest: +SKIP
>>> x = lstm.load_digits().x_test                                 # doctest: +SKIP
>>> fig = gates.heatmaps(model.trace(x[0]), x[0], ("z", "i", "iz"))  # doctest: +SKIP
"""

import numpy as np

from .. import _validate as v
from ..analysis.streams import StreamMemory
from ..analysis.trace_measures import QUANTITIES, check_trace, quantity
from ..cell import GATE_NAMES
from ..i18n import check_lang, text
from ..plotting import new_axes, use_lang
from ..i18n.figures import GATES as TEXT

SIGNED = ("z", "c", "h", "tanh_c", "iz")
"""Quantities with a sign, shown with a diverging colour map."""



def heatmaps(trace, image, keys, *, lang="en", units=32):
    """The digit beside heatmaps of some quantities, each row by unit.

    Args:
        trace: the `Trace` of one image, fields `(rows, hidden_size)`.
        image: that image, `(rows, features)`.
        keys: the quantities to show, left to right (see `quantity`).
        lang: `"en"` or `"ja"` for the labels.
        units: show the first `units` memory cells (all when `None`).

    Returns:
        The Matplotlib figure. The panels share their vertical axis, so row
        `t` of the digit sits level with what the cell did at step `t`.
    """
    import matplotlib.pyplot as plt

    check_lang(lang)
    check_trace(trace, rank=2)
    image = v.array("image", image, rank=2)
    rows, hidden = trace.i.shape
    if image.shape[0] != rows:
        v.fail("image", f"an image of {rows} rows, the trace's", f"an image of shape {image.shape}")
    if isinstance(keys, str) or not keys:
        v.fail("keys", "a non-empty sequence of quantity names", keys)
    keys = [v.one_of("keys", k, QUANTITIES) for k in keys]
    units = hidden if units is None else min(v.positive_int("units", units), hidden)

    use_lang(lang)
    fig, axes = plt.subplots(1, 1 + len(keys), figsize=(2.0 + 3.4 * len(keys), 3.6), sharey=True,
                             width_ratios=[image.shape[1]] + [units] * len(keys),
                             layout="constrained")
    axes[0].imshow(image, cmap="gray_r", aspect="auto")
    axes[0].set_title(text(TEXT, lang, "image"), fontsize=9)
    axes[0].set_xticks([])
    axes[0].set_yticks(range(rows), [str(t + 1) for t in range(rows)])  # rows numbered from 1
    axes[0].set_ylabel(text(TEXT, lang, "row"))
    for ax, key in zip(axes[1:], keys):
        values = quantity(trace, key)[:, :units]  # (rows, units)
        if key in SIGNED:
            # c is unbounded: scale to the data; the others lie in [-1, 1] in the standard cell
            largest = float(np.abs(values).max())
            limit = max(largest, 1e-6) if key == "c" else max(largest, 1.0)
            art = ax.imshow(values, cmap="RdBu_r", vmin=-limit, vmax=limit, aspect="auto",
                            interpolation="nearest")
        else:
            art = ax.imshow(values, cmap="viridis", vmin=0.0, vmax=1.0, aspect="auto",
                            interpolation="nearest")
        ax.set_title(text(TEXT, lang, key), fontsize=9)
        ax.set_xlabel(text(TEXT, lang, "unit"))
        fig.colorbar(art, ax=ax, location="bottom", shrink=0.8, aspect=30)
    return fig


def class_rows(means, unit, *, name="i", lang="en", ax=None):
    """Heatmap of one unit's gate: mean per class (rows of the plot) and time step.

    Args:
        means: the unit's gate per class and row, `(classes, rows)`, from
            `lstm.analysis.class_measures.class_row_means`.
        unit: that memory cell, for the title.
        name: the gate's symbol for the title: `"i"`, `"f"` or `"o"`.
        lang: `"en"` or `"ja"` for the labels.
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure, each cell annotated with its value.
    """
    check_lang(lang)
    v.one_of("name", name, GATE_NAMES)
    means = v.array("means", means, rank=2, dtype=None)  # (classes, rows)
    unit = v.non_negative_int("unit", unit)
    fig, ax = new_axes(lang, ax, figsize=(6.0, 4.4), layout="constrained")
    art = ax.imshow(means, cmap="viridis", vmin=0.0, vmax=1.0, aspect="auto")
    for k in range(means.shape[0]):
        for t in range(means.shape[1]):
            ax.text(t, k, f"{means[k, t]:.2f}", ha="center", va="center", fontsize=7,
                    color="white" if means[k, t] < 0.6 else "black")
    ax.set_xticks(range(means.shape[1]), [str(t + 1) for t in range(means.shape[1])])
    ax.set_yticks(range(means.shape[0]))
    ax.set_xlabel(text(TEXT, lang, "row"))
    ax.set_ylabel(text(TEXT, lang, "class"))
    ax.set_title(text(TEXT, lang, "gate_of_unit").format(gate=f"${name}$", unit=unit), fontsize=10)
    fig.colorbar(art, ax=ax)
    return fig


def unit_lines(trace, unit, keys, *, lang="en", ax=None):
    """Some quantities of one memory cell over the rows of one image.

    Args:
        trace: the `Trace` of one image, fields `(rows, hidden_size)`.
        unit: the memory cell.
        keys: the quantities to draw (see `quantity`).
        lang: `"en"` or `"ja"` for the labels.
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure.
    """
    check_lang(lang)
    check_trace(trace, rank=2)
    rows, hidden = trace.i.shape
    if isinstance(unit, bool) or not isinstance(unit, (int, np.integer)) or not 0 <= unit < hidden:
        v.fail("unit", f"an integer in [0, {hidden})", unit)
    if isinstance(keys, str) or not keys:
        v.fail("keys", "a non-empty sequence of quantity names", keys)
    keys = [v.one_of("keys", k, QUANTITIES) for k in keys]
    fig, ax = new_axes(lang, ax, figsize=(6.4, 3.6), layout="constrained")
    for key, marker in zip(keys, "osD^vx<>"):
        ax.plot(np.arange(1, rows + 1), quantity(trace, key)[:, unit], marker=marker,
                label=text(TEXT, lang, key))
    ax.axhline(0.0, color="0.6", linewidth=0.8)
    ax.set_xticks(range(1, rows + 1))
    ax.set_xlabel(text(TEXT, lang, "row"))
    ax.set_title(text(TEXT, lang, "one_unit").format(unit=int(unit)), fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="best")
    return fig


def held_back_figure(means, unit, *, lang="en", ax=None):
    """One unit at the last row, per digit: its output gate, its memory and what it shows.

    Args:
        means: `(classes, 3)`, the unit's mean `o`, `tanh(c)` and `h` per
            class, from `lstm.analysis.class_measures.output_by_class`.
        unit: that memory cell, for the title.
        lang: `"en"` or `"ja"` for the labels.
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure: three bars per digit, mean `o`, `tanh(c)` and `h`.
    """
    check_lang(lang)
    means = v.array("means", means, rank=2, last=3, dtype=None)  # (classes, 3)
    unit = v.non_negative_int("unit", unit)
    fig, ax = new_axes(lang, ax, figsize=(7.2, 3.6), layout="constrained")
    classes = np.arange(means.shape[0])
    width = 0.27
    colors = ("0.55", "tab:orange", "tab:blue")
    for n, (key, color) in enumerate(zip(("o", "tanh_c", "h"), colors)):
        ax.bar(classes + (n - 1) * width, means[:, n], width, color=color,
               label=text(TEXT, lang, "bar." + key))
    ax.axhline(0.0, color="0.3", linewidth=0.8)
    ax.set_xticks(classes)
    ax.set_xlabel(text(TEXT, lang, "class"))
    ax.set_ylim(-1.05, 1.45)  # room above the bars for the legend
    ax.set_yticks(np.linspace(-1.0, 1.0, 9))
    ax.set_title(text(TEXT, lang, "last_row_of_unit").format(unit=unit), fontsize=10)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=8, loc="upper center", ncols=3)
    return fig


def stream_figure(trained, held, *, rows_per_image, lang="en"):
    """Mean |c| and the share of saturated cells along a stream, with and without `f`.

    Args:
        trained: the `StreamMemory` of the cell as trained, and
        held: that of the same cell with `f` held at 1 (both from
            `lstm.analysis.streams.stream_memory`, over the same stream).
        rows_per_image: the rows of one digit of the stream.
        lang: `"en"` or `"ja"` for the labels.

    Returns:
        The Matplotlib figure, digit boundaries drawn as faint lines.
    """
    import matplotlib.pyplot as plt

    check_lang(lang)
    for name, memory in (("trained", trained), ("held", held)):
        if not isinstance(memory, StreamMemory):
            v.fail(name, "an lstm.analysis.streams.StreamMemory", type(memory).__name__)
    if held.c.shape != trained.c.shape:
        v.fail("held", f"the memory along the same stream as `trained`, c of shape {trained.c.shape}",
               f"c of shape {held.c.shape}")
    rows_per_image = v.positive_int("rows_per_image", rows_per_image)
    use_lang(lang)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(8.0, 5.4), sharex=True, layout="constrained")
    steps = np.arange(1, trained.c.shape[1] + 1)
    for memory, key, style in ((trained, "with_f", "-"), (held, "held_f", "--")):
        label = text(TEXT, lang, key)
        top.plot(steps, memory.mean_abs_c(), style, label=label)
        bottom.plot(steps, memory.saturated(), style, label=label)
    for ax in (top, bottom):
        for end in range(0, len(steps) + 1, rows_per_image):
            ax.axvline(end + 0.5, color="0.85", linewidth=0.6, zorder=0)
        ax.grid(axis="y", alpha=0.3)
    top.set_ylabel(text(TEXT, lang, "mean_abs_c"))
    top.set_ylim(bottom=0.0)
    top.legend(loc="upper left", fontsize=9)
    bottom.set_ylabel(text(TEXT, lang, "saturated"))
    bottom.set_ylim(0.0, 1.0)
    bottom.set_xlabel(text(TEXT, lang, "stream_step").format(rows=rows_per_image))
    bottom.set_xlim(0.5, len(steps) + 0.5)
    return fig


def retention_figure(kept_bias0, kept_bias1, kept_trained, *, lang="en", ax=None):
    """The share of each row's write left after the last row: an untrained cell
    with forget bias 0 and 1, and a trained one.

    Args:
        kept_bias0, kept_bias1, kept_trained: `(rows,)` each, from
            `lstm.analysis.trace_measures.retention`.
        lang: `"en"` or `"ja"` for the labels.
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure, with a logarithmic y axis.
    """
    check_lang(lang)
    curves = [v.array(name, kept, rank=1, dtype=None) for name, kept in
              (("kept_bias0", kept_bias0), ("kept_bias1", kept_bias1), ("kept_trained", kept_trained))]
    if len({len(kept) for kept in curves}) != 1:
        v.fail("kept_trained", "three curves of the same number of rows",
               f"curves of {[len(kept) for kept in curves]} rows")
    fig, ax = new_axes(lang, ax, figsize=(6.4, 3.8), layout="constrained")
    for kept, key, marker in zip(curves, ("bias0", "bias1", "trained"), "os^"):
        ax.plot(np.arange(1, len(kept) + 1), kept, marker=marker, label=text(TEXT, lang, key))
    ax.set_yscale("log")
    ax.set_xlabel(text(TEXT, lang, "written_row"))
    ax.set_ylabel(text(TEXT, lang, "survives"))
    ax.set_xticks(range(1, len(kept) + 1))
    ax.grid(alpha=0.3, which="both")
    ax.legend(loc="lower right", fontsize=9)
    return fig
