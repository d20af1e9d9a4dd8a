"""Figures of the gate chapters (input, forget and output gates), drawn from traces.

A trace (`RowClassifier.trace`) holds every gate and state at every row.
These functions turn traces into the figures of chapters 5 to 7, and compute
the few things those figures need: a digit stream with no reset between
digits, the same cell with one gate held at 1, and how much of what a row
wrote survives to the end of the image.

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

from dataclasses import dataclass

import numpy as np

from .. import _validate as v
from ..cell import GATE_NAMES, LSTMCell
from ..model import Trace, scan
from ..i18n import check_lang, text
from ..plotting import new_axes, use_lang

QUANTITIES = ("z", "i", "f", "o", "c", "h", "tanh_c", "iz")
"""What `quantity` can take from a trace: a field, `tanh_c` = tanh(c), or `iz` = i * z."""

SIGNED = ("z", "c", "h", "tanh_c", "iz")
"""Quantities with a sign, shown with a diverging colour map."""

SATURATED = 0.99
"""`|tanh(c)|` above this counts as saturated: tanh's slope there is below 0.02."""

TEXT = {
    "en": {
        "z": r"$z$: what the cell input proposes to write",
        "i": r"$i$: input gate",
        "iz": r"$i \odot z$: what is written to $c$",
        "f": r"$f$: forget gate",
        "c": r"$c$: memory cell",
        "o": r"$o$: output gate",
        "tanh_c": r"$\tanh(c)$: the memory, squashed",
        "h": r"$h = o \odot \tanh(c)$: what the cell shows",
        "row": "row $t$ (time step)", "unit": "memory cell (unit)", "image": "the digit",
        "class": "digit", "gate_of_unit": "mean {gate} of memory cell {unit}",
        "stream_step": "row of the stream (time step); a new digit every {rows} rows",
        "with_f": "with the forget gate (as trained)", "held_f": "same weights, $f$ held at 1",
        "mean_abs_c": r"mean $|c|$", "saturated": r"share of cells with $|\tanh(c)| > 0.99$",
        "written_row": "row $s$ that wrote",
        "survives": "share of row $s$'s write left after the last row",
        "bias0": "at initialisation, forget bias 0", "bias1": "at initialisation, forget bias 1",
        "trained": "after training",
        "one_unit": "memory cell {unit}",
        "bar.o": r"output gate $o$", "bar.tanh_c": r"memory $\tanh(c)$", "bar.h": r"output $h$",
        "last_row_of_unit": "memory cell {unit} after the last row (mean over the images of each digit)",
    },
    "ja": {
        "z": r"$z$：セル入力が書き込もうとする値",
        "i": r"$i$：入力ゲート",
        "iz": r"$i \odot z$：$c$ に実際に書き込まれる値",
        "f": r"$f$：忘却ゲート",
        "c": r"$c$：記憶セル",
        "o": r"$o$：出力ゲート",
        "tanh_c": r"$\tanh(c)$：押しつぶした記憶",
        "h": r"$h = o \odot \tanh(c)$：セルの出力",
        "row": "行 $t$（時刻）", "unit": "記憶セル（ユニット）", "image": "数字",
        "class": "数字", "gate_of_unit": "記憶セル {unit} の {gate} の平均",
        "stream_step": "ストリームの行（時刻）：{rows} 行ごとに次の数字",
        "with_f": "忘却ゲートあり（学習したまま）", "held_f": "同じ重みで $f$ を 1 に固定",
        "mean_abs_c": r"$|c|$ の平均", "saturated": r"$|\tanh(c)| > 0.99$ のセルの割合",
        "written_row": "書き込んだ行 $s$",
        "survives": "行 $s$ の書き込みが最終行の後に残る割合",
        "bias0": "初期化直後、忘却バイアス 0", "bias1": "初期化直後、忘却バイアス 1",
        "trained": "学習後",
        "one_unit": "記憶セル {unit}",
        "bar.o": r"出力ゲート $o$", "bar.tanh_c": r"記憶 $\tanh(c)$", "bar.h": r"出力 $h$",
        "last_row_of_unit": "最終行を読んだ後の記憶セル {unit}（数字ごとの画像の平均）",
    },
}



def quantity(trace, key):
    """One quantity of a trace, as a NumPy array.

    Args:
        trace: a `Trace` from `RowClassifier.trace`.
        key: a field of the trace (`"z"`, `"i"`, `"f"`, `"o"`, `"c"`, `"h"`),
            `"tanh_c"` for `tanh(c)`, or `"iz"` for `i * z`, what the step
            writes into the memory cell. (`tanh_c` is what the output gate
            multiplies in the standard cell; a cell with `cell_tanh=False`
            multiplies `c` itself.)

    Returns:
        An array of the trace's shape, `(batch, rows, hidden_size)` or
        `(rows, hidden_size)`.
    """
    _check_trace(trace)
    v.one_of("key", key, QUANTITIES)
    if key == "tanh_c":
        return np.tanh(trace.c)
    if key == "iz":
        return trace.i * trace.z
    return np.asarray(getattr(trace, key))


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
    _check_trace(trace, rank=2)
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


def class_row_means(gate, labels, unit, num_classes=10):
    """Mean of one unit's gate for each class and row: `(num_classes, rows)`.

    Args:
        gate: a gate of a batch trace, `(batch, rows, hidden_size)`.
        labels: the images' classes, `(batch,)`.
        unit: the memory cell to look at.
        num_classes: number of classes; each must occur in `labels`.
    """
    gate = v.array("gate", gate, rank=3)
    labels = v.labels("labels", labels, num_classes=num_classes, length=gate.shape[0])
    if isinstance(unit, bool) or not isinstance(unit, (int, np.integer)) or not 0 <= unit < gate.shape[2]:
        v.fail("unit", f"an integer in [0, {gate.shape[2]})", unit)
    missing = [k for k in range(num_classes) if not np.any(labels == k)]
    if missing:
        v.fail("labels", f"at least one image of each of the {num_classes} classes",
               f"no image of class(es) {missing}")
    return np.stack([gate[labels == k, :, unit].mean(axis=0) for k in range(num_classes)])


def selective_unit(gate, labels, num_classes=10):
    """The unit whose gate depends most on the class being read.

    For each unit, the standard deviation over classes of the class means,
    averaged over rows; the unit where it is largest.

    Args:
        gate: a gate of a batch trace, `(batch, rows, hidden_size)`.
        labels: the images' classes, `(batch,)`, every class present.

    Returns:
        The unit's index, an `int`.
    """
    gate = v.array("gate", gate, rank=3)
    scores = [class_row_means(gate, labels, u, num_classes).std(axis=0).mean()
              for u in range(gate.shape[2])]
    return int(np.argmax(scores))


def class_rows(gate, labels, unit, *, name="i", lang="en", ax=None):
    """Heatmap of one unit's gate: mean per class (rows of the plot) and time step.

    Args:
        gate: a gate of a batch trace, `(batch, rows, hidden_size)`.
        labels: the images' classes, `(batch,)`, every class 0..9 present.
        unit: the memory cell to show.
        name: the gate's symbol for the title: `"i"`, `"f"` or `"o"`.
        lang: `"en"` or `"ja"` for the labels.
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure, each cell annotated with its value.
    """
    check_lang(lang)
    v.one_of("name", name, GATE_NAMES)
    means = class_row_means(gate, labels, unit)  # (10, rows)
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
    ax.set_title(text(TEXT, lang, "gate_of_unit").format(gate=f"${name}$", unit=int(unit)), fontsize=10)
    fig.colorbar(art, ax=ax)
    return fig


def strongest_reset(trace):
    """Where one image's memory was reset hardest: the unit and row.

    A reset at row `t` erases `(1 - f_t) * |c_{t-1}|` of the memory; this
    returns the unit and row (`t >= 1`) where that amount is largest.

    Args:
        trace: the `Trace` of one image, fields `(rows, hidden_size)`.

    Returns:
        `(unit, row)`, two `int`s.
    """
    _check_trace(trace, rank=2)
    if trace.f.shape[0] < 2:
        v.fail("trace", "a trace of at least 2 rows", f"fields of shape {trace.f.shape}")
    erased = (1.0 - trace.f[1:]) * np.abs(trace.c[:-1])  # (rows - 1, H)
    row, unit = np.unravel_index(np.argmax(erased), erased.shape)
    return int(unit), int(row) + 1


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
    _check_trace(trace, rank=2)
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


def output_by_class(trace, labels, unit, row=-1, num_classes=10):
    """Means of `o`, `tanh(c)` and `h` of one unit at one row, per class.

    Args:
        trace: a `Trace` of a batch, fields `(batch, rows, hidden_size)`.
        labels: the images' classes, `(batch,)`, every class present.
        unit: the memory cell.
        row: the time step; the last by default.

    Returns:
        `(num_classes, 3)`: columns `o`, `tanh(c)`, `h`.
    """
    _check_trace(trace, rank=3)
    columns = [class_row_means(quantity(trace, k), labels, unit, num_classes)
               for k in ("o", "tanh_c", "h")]  # each (classes, rows)
    rows = trace.o.shape[1]
    if isinstance(row, bool) or not isinstance(row, (int, np.integer)) or not -rows <= row < rows:
        v.fail("row", f"an integer in [{-rows}, {rows})", row)
    return np.stack([col[:, row] for col in columns], axis=1)


def held_back_figure(trace, labels, unit, *, lang="en", ax=None):
    """One unit at the last row, per digit: its output gate, its memory and what it shows.

    Args:
        trace: a `Trace` of a batch, fields `(batch, rows, hidden_size)`.
        labels: the images' classes, `(batch,)`, every class 0..9 present.
        unit: the memory cell.
        lang: `"en"` or `"ja"` for the labels.
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure: three bars per digit, mean `o`, `tanh(c)` and `h`.
    """
    check_lang(lang)
    means = output_by_class(trace, labels, unit)  # (10, 3)
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
    ax.set_title(text(TEXT, lang, "last_row_of_unit").format(unit=int(unit)), fontsize=10)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=8, loc="upper center", ncols=3)
    return fig


def hold_gate_open(cell, gate):
    """A copy of `cell` with the same weights and `gate` held at 1.

    The copy computes the same pre-activations, then ignores the held
    gate's block: with `gate="f"` it is the 1997 LSTM's memory cell,
    `c = c_prev + i * z`, driven by weights that were trained with a forget gate.

    Args:
        cell: an `LSTMCell`.
        gate: `"i"`, `"f"` or `"o"`.

    Returns:
        A new `LSTMCell`.
    """
    if not isinstance(cell, LSTMCell):
        v.fail("cell", "an lstm.LSTMCell", type(cell).__name__)
    v.one_of("gate", gate, GATE_NAMES)
    config = cell.config()
    config["gates"] = [g for g in cell.gates if g != gate]
    copy = type(cell)(**config)
    copy.W.assign(cell.W)
    copy.b.assign(cell.b)
    return copy


def digit_stream(images):
    """Images joined into one stream of rows, `(1, count * rows, features)`.

    Args:
        images: `(count, rows, features)`, read one after the other with no
            reset of the state between them.
    """
    images = v.array("images", images, rank=3)
    count, rows, features = images.shape
    return images.reshape(1, count * rows, features)


@dataclass
class StreamMemory:
    """The memory cell along a stream of digits, with and without a forget gate.

    `c` and `f` are `(steps, hidden_size)` for the cell as trained; `c_held`
    is `c` for the same weights with the forget gate held at 1.
    `rows_per_image` gives the digit boundaries.
    """

    c: np.ndarray
    f: np.ndarray
    c_held: np.ndarray
    rows_per_image: int

    def mean_abs_c(self, held=False):
        """Mean `|c|` over units at each step, `(steps,)`."""
        return np.abs(self.c_held if held else self.c).mean(axis=-1)

    def saturated(self, held=False):
        """Share of units with `|tanh(c)| > SATURATED` at each step, `(steps,)`."""
        return (np.abs(np.tanh(self.c_held if held else self.c)) > SATURATED).mean(axis=-1)

    def f_by_row(self):
        """Mean `f` at each row of a digit, averaged over the digits and units: `(rows_per_image,)`."""
        return self.f.reshape(-1, self.rows_per_image, self.f.shape[-1]).mean(axis=(0, 2))


def stream_memory(cell, images):
    """Read `images` as one stream, never resetting the state, with and without `f`.

    Args:
        cell: a trained `LSTMCell` with a forget gate.
        images: `(count, rows, features)`.

    Returns:
        A `StreamMemory`.
    """
    if not isinstance(cell, LSTMCell):
        v.fail("cell", "an lstm.LSTMCell", type(cell).__name__)
    if "f" not in cell.gates:
        v.fail("cell", "a cell with a forget gate", f"a cell with gates {cell.gates}")
    stream = digit_stream(images)  # (1, count * rows, features)
    with_f = scan(cell, stream)
    held = scan(hold_gate_open(cell, "f"), stream)
    return StreamMemory(c=with_f.c.numpy()[0], f=with_f.f.numpy()[0], c_held=held.c.numpy()[0],
                        rows_per_image=int(np.shape(images)[1]))


def stream_figure(memory, *, lang="en"):
    """Mean |c| and the share of saturated cells along a stream, with and without `f`.

    Args:
        memory: a `StreamMemory` from `stream_memory`.
        lang: `"en"` or `"ja"` for the labels.

    Returns:
        The Matplotlib figure, digit boundaries drawn as faint lines.
    """
    import matplotlib.pyplot as plt

    check_lang(lang)
    if not isinstance(memory, StreamMemory):
        v.fail("memory", "an lstm.figures.gates.StreamMemory", type(memory).__name__)
    use_lang(lang)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(8.0, 5.4), sharex=True, layout="constrained")
    steps = np.arange(1, len(memory.c) + 1)
    for held, style in ((False, "-"), (True, "--")):
        label = text(TEXT, lang, "held_f" if held else "with_f")
        top.plot(steps, memory.mean_abs_c(held), style, label=label)
        bottom.plot(steps, memory.saturated(held), style, label=label)
    for ax in (top, bottom):
        for end in range(0, len(steps) + 1, memory.rows_per_image):
            ax.axvline(end + 0.5, color="0.85", linewidth=0.6, zorder=0)
        ax.grid(axis="y", alpha=0.3)
    top.set_ylabel(text(TEXT, lang, "mean_abs_c"))
    top.set_ylim(bottom=0.0)
    top.legend(loc="upper left", fontsize=9)
    bottom.set_ylabel(text(TEXT, lang, "saturated"))
    bottom.set_ylim(0.0, 1.0)
    bottom.set_xlabel(text(TEXT, lang, "stream_step").format(rows=memory.rows_per_image))
    bottom.set_xlim(0.5, len(steps) + 0.5)
    return fig


def retention(f):
    """How much of what row `s` wrote is still in `c` after the last row.

    A write at row `s` is multiplied by `f` at every later row, so the share
    left after the last row `T - 1` is the product of `f[s+1:]`. This is the
    mean of that product over images and units.

    Args:
        f: forget-gate activations `(batch, rows, hidden_size)`.

    Returns:
        `(rows,)`: entry `s` for the write of row `s` (the last entry is 1).
    """
    f = v.array("f", f, rank=3, dtype=np.float64)
    after = np.cumprod(f[:, ::-1, :], axis=1)[:, ::-1, :]  # after[:, s] = prod f[s:]
    kept = np.concatenate([after[:, 1:, :], np.ones_like(f[:, :1, :])], axis=1)  # prod f[s+1:]
    return kept.mean(axis=(0, 2))


def retention_figure(f_bias0, f_bias1, f_trained, *, lang="en", ax=None):
    """`retention` per writing row: an untrained cell with forget bias 0 and 1, and a trained one.

    Args:
        f_bias0, f_bias1, f_trained: forget-gate activations
            `(batch, rows, hidden_size)`.
        lang: `"en"` or `"ja"` for the labels.
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure, with a logarithmic y axis.
    """
    check_lang(lang)
    fig, ax = new_axes(lang, ax, figsize=(6.4, 3.8), layout="constrained")
    for f, key, marker in ((f_bias0, "bias0", "o"), (f_bias1, "bias1", "s"), (f_trained, "trained", "^")):
        kept = retention(f)
        ax.plot(np.arange(1, len(kept) + 1), kept, marker=marker, label=text(TEXT, lang, key))
    ax.set_yscale("log")
    ax.set_xlabel(text(TEXT, lang, "written_row"))
    ax.set_ylabel(text(TEXT, lang, "survives"))
    ax.set_xticks(range(1, len(kept) + 1))
    ax.grid(alpha=0.3, which="both")
    ax.legend(loc="lower right", fontsize=9)
    return fig


def _check_trace(trace, rank=None):
    if not isinstance(trace, Trace):
        v.fail("trace", "an lstm.Trace from RowClassifier.trace", type(trace).__name__)
    if rank is not None and np.ndim(trace.i) != rank:
        expected = "the trace of one image, fields (rows, hidden_size)" if rank == 2 else \
            "the trace of a batch, fields (batch, rows, hidden_size)"
        v.fail("trace", expected, f"fields of shape {np.shape(trace.i)}")
