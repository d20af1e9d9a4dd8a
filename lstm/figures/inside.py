"""Figures of chapter 10, "Looking inside": what the gates do, row by row, on the test digits.

`row_summary` condenses a batch trace into a few numbers per row (the chapter
glues them into its prose); `forget_by_row` draws the forget gate per row for
a few digits; `cell_trajectories` draws the path of the memory cell `c` while
the model reads a digit; `confidence_by_row` draws how the prediction forms.

Arrays are indexed from 0, as in Python; figures and the summary's `row`
entries number the rows from 1, as the book's equations do (`x_1` to `x_8`).

Example:

>>> import lstm                                                    # doctest: +SKIP
>>> from lstm.figures import inside                                # doctest: +SKIP
>>> model, _ = lstm.recipes.MODERN.run(cache=True, progress=False) # doctest: +SKIP
>>> data = lstm.load_digits()                                      # doctest: +SKIP
>>> trace = model.trace(data.x_test)                               # doctest: +SKIP
>>> fig = inside.forget_by_row(trace, data.y_test, digits=(0, 1, 7))  # doctest: +SKIP
"""

import numpy as np

from .. import _validate as v
from ..model import Trace
from ..i18n import text
from ..plotting import new_axes

RESET = 0.5
"""A forget gate below this keeps less than half of the memory: the unit mostly erases."""

TEXT = {
    "en": {
        "row": "row $t$ (time step)", "mean_f": "mean forget gate $f$ over the units",
        "reset": f"share of units with $f < {RESET}$", "digit": "digit {k}",
        "all": "all test digits", "pc": "principal component {k} of $c$",
        "start": "all digits start here", "accuracy": "accuracy of the prediction after row $t$",
        "p_true": "mean probability of the true class", "p_top": "mean probability of the top class",
        "fraction": "fraction",
    },
    "ja": {
        "row": "行 $t$（時刻）", "mean_f": "忘却ゲート $f$ のユニット平均",
        "reset": f"$f < {RESET}$ のユニットの割合", "digit": "数字 {k}",
        "all": "テスト画像全体", "pc": "$c$ の第 {k} 主成分",
        "start": "どの数字もここから", "accuracy": "行 $t$ まで読んだ時点の予測の正解率",
        "p_true": "正解クラスの確率の平均", "p_top": "最も高いクラスの確率の平均",
        "fraction": "割合",
    },
}



def _check(trace, labels):
    if not isinstance(trace, Trace):
        v.fail("trace", "an lstm.Trace from RowClassifier.trace", type(trace).__name__)
    if np.ndim(trace.i) != 3:
        v.fail("trace", "the trace of a batch, fields (batch, rows, hidden_size)",
               f"fields of shape {np.shape(trace.i)}")
    return v.labels("labels", labels, num_classes=trace.probs.shape[-1], length=trace.i.shape[0])


def _check_digits(digits, labels):
    present = sorted(set(labels.tolist()))
    if isinstance(digits, (str, bytes)) or not hasattr(digits, "__len__") or len(digits) == 0:
        v.fail("digits", "a non-empty sequence of classes", digits)
    for k in digits:
        if k not in present:
            v.fail("digits", f"classes present in `labels` ({present})", digits)
    return [int(k) for k in digits]


def row_summary(trace, labels):
    """A few numbers per row, over a batch of images (the chapter's observations).

    Args:
        trace: a `Trace` of a batch, fields `(batch, rows, hidden_size)`.
        labels: `(batch,)` true classes.

    Returns:
        A dict of NumPy arrays, each `(rows,)`: `row` (numbered from 1),
        `i`, `f`, `o` (each gate's mean over images and units), `write` (the
        mean `|i * z|`, what the step adds to `c`), `reset` (the share of
        units with `f < RESET`), `accuracy` (of the prediction after that
        row), `p_true` (the mean probability of the true class) and `p_top`
        (the mean probability of the most likely class).
    """
    labels = _check(trace, labels)
    rows = trace.i.shape[1]
    probs = np.asarray(trace.probs)  # (B, T, K)
    p_true = np.take_along_axis(probs, labels[:, None, None].repeat(rows, axis=1), axis=-1)[..., 0]  # (B, T)
    return dict(
        row=np.arange(1, rows + 1),
        i=trace.i.mean(axis=(0, 2)), f=trace.f.mean(axis=(0, 2)), o=trace.o.mean(axis=(0, 2)),
        write=np.abs(trace.i * trace.z).mean(axis=(0, 2)),
        reset=(trace.f < RESET).mean(axis=(0, 2)),
        accuracy=(probs.argmax(axis=-1) == labels[:, None]).mean(axis=0),
        p_true=p_true.mean(axis=0), p_top=probs.max(axis=-1).mean(axis=0),
    )


def forget_by_row(trace, labels, digits=(0, 1, 4, 7), *, lang="en"):
    """The forget gate, row by row, for a few digits: its mean, and how many units erase.

    Args:
        trace: a `Trace` of a batch (e.g. the test set), fields `(batch, rows, hidden_size)`.
        labels: `(batch,)` true classes.
        digits: the classes to draw, one line each (averaged over their images).
        lang: `"en"` or `"ja"` for the labels.

    Returns:
        The Matplotlib figure: left, the mean of `f` over the units; right, the
        share of units whose `f` is below `RESET`. A dashed line is the whole batch.
    """
    labels = _check(trace, labels)
    digits = _check_digits(digits, labels)
    fig, axes = new_axes(lang, figsize=(8.0, 3.4), ncols=2, layout="constrained")
    rows = np.arange(1, trace.f.shape[1] + 1)
    for k in digits:
        f = trace.f[labels == k]  # (n_k, T, H)
        axes[0].plot(rows, f.mean(axis=(0, 2)), marker="o", label=text(TEXT, lang, "digit").format(k=k))
        axes[1].plot(rows, (f < RESET).mean(axis=(0, 2)), marker="o")
    axes[0].plot(rows, trace.f.mean(axis=(0, 2)), ls="--", color="black", label=text(TEXT, lang, "all"))
    axes[1].plot(rows, (trace.f < RESET).mean(axis=(0, 2)), ls="--", color="black")
    for ax, key in zip(axes, ("mean_f", "reset")):
        ax.set_xlabel(text(TEXT, lang, "row"))
        ax.set_ylabel(text(TEXT, lang, key))
        ax.set_xticks(rows)
        ax.grid(alpha=0.3)
    axes[0].legend(fontsize=8)
    axes[1].set_ylim(bottom=0)
    return fig


def principal_axes(c, k=2):
    """The first `k` principal axes of the memory cells' states.

    Args:
        c: `(batch, rows, hidden_size)` cell states.
        k: how many axes.

    Returns:
        `(mean, axes, explained)`: `mean` `(hidden_size,)`, `axes`
        `(k, hidden_size)` (unit vectors, by decreasing variance) and the share
        of the variance each explains, `(k,)`.
    """
    flat = np.asarray(c, dtype=np.float64).reshape(-1, np.shape(c)[-1])  # (B*T, H)
    mean = flat.mean(axis=0)
    _, s, vt = np.linalg.svd(flat - mean, full_matrices=False)
    signs = np.sign(vt[:k].sum(axis=1, keepdims=True))  # fix each axis's sign: a stable figure
    signs[signs == 0] = 1
    return mean, vt[:k] * signs, (s[:k] ** 2) / np.sum(s ** 2)


def cell_trajectories(trace, labels, digits=(0, 1, 4, 7), *, lang="en", ax=None):
    """The path of the memory cell `c` while the model reads each digit.

    `c` has one coordinate per unit; the figure projects it on its first two
    principal axes (over every image and row of `trace`) and draws, for each
    digit, the mean path of its images from row 1 to the last row.

    Args:
        trace: a `Trace` of a batch, fields `(batch, rows, hidden_size)`.
        labels: `(batch,)` true classes.
        digits: the classes to draw.
        lang: `"en"` or `"ja"` for the labels.
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure. Each path is numbered by the row just read.
    """
    labels = _check(trace, labels)
    digits = _check_digits(digits, labels)
    mean, axes, explained = principal_axes(trace.c)
    fig, ax = new_axes(lang, ax, figsize=(6.0, 4.6), layout="constrained")
    for k in digits:
        path = ((trace.c[labels == k] - mean) @ axes.T).mean(axis=0)  # (T, 2)
        line, = ax.plot(path[:, 0], path[:, 1], marker="o", ms=4, label=text(TEXT, lang, "digit").format(k=k))
        ax.annotate(str(len(path)), path[-1], textcoords="offset points", xytext=(5, 3),
                    color=line.get_color(), fontsize=9)
        for t in range(1, len(path) - 1):
            ax.annotate(str(t + 1), path[t], textcoords="offset points", xytext=(3, 2),
                        color=line.get_color(), fontsize=7)
    start = ((trace.c[:, 0] - mean) @ axes.T).mean(axis=0)  # (2,)
    ax.annotate(text(TEXT, lang, "start"), start, textcoords="offset points", xytext=(20, 24), fontsize=8,
                arrowprops=dict(arrowstyle="->", lw=0.8))
    ax.set_xlabel(text(TEXT, lang, "pc").format(k=1) + f" ({explained[0]:.0%})")
    ax.set_ylabel(text(TEXT, lang, "pc").format(k=2) + f" ({explained[1]:.0%})")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    return fig


def confidence_by_row(summary, *, lang="en", ax=None):
    """How the prediction forms: accuracy and probabilities after each row.

    Args:
        summary: the dict of `row_summary`.
        lang: `"en"` or `"ja"` for the labels.
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure.
    """
    if not isinstance(summary, dict) or not {"row", "accuracy", "p_true", "p_top"} <= set(summary):
        v.fail("summary", "the dict of lstm.figures.inside.row_summary", type(summary).__name__)
    fig, ax = new_axes(lang, ax, figsize=(6.0, 3.4), layout="constrained")
    rows = summary["row"]
    ax.plot(rows, summary["accuracy"], marker="o", label=text(TEXT, lang, "accuracy"))
    ax.plot(rows, summary["p_true"], marker="s", label=text(TEXT, lang, "p_true"))
    ax.plot(rows, summary["p_top"], marker="^", ls=":", label=text(TEXT, lang, "p_top"))
    ax.set_xlabel(text(TEXT, lang, "row"))
    ax.set_ylabel(text(TEXT, lang, "fraction"))
    ax.set_xticks(rows)
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="upper left")
    return fig


def class_spread(c, labels, digits):
    """How far apart the memory cells of some digits are, row by row.

    Args:
        c: `(batch, rows, hidden_size)` cell states.
        labels: `(batch,)` true classes.
        digits: at least two classes present in `labels`.

    Returns:
        `(rows,)`: after each row, the mean Euclidean distance between the
        mean cells `c` of every pair of the digits.
    """
    c = np.asarray(c, dtype=np.float64)
    if c.ndim != 3:
        v.fail("c", "cell states of shape (batch, rows, hidden_size)", f"an array of shape {c.shape}")
    labels = v.labels("labels", labels, num_classes=int(np.max(labels)) + 1, length=c.shape[0])
    digits = _check_digits(digits, labels)
    if len(set(digits)) < 2:
        v.fail("digits", "at least two different classes", digits)
    means = np.stack([c[labels == k].mean(axis=0) for k in digits])  # (D, T, H)
    pairs = [(a, b) for a in range(len(digits)) for b in range(a + 1, len(digits))]
    return np.mean([np.linalg.norm(means[a] - means[b], axis=-1) for a, b in pairs], axis=0)  # (T,)


def observations(model, trace, labels, digits=(0, 1, 4, 7)):
    """The numbers chapter 10 quotes, by glue key (without the chapter's `inside-` prefix).

    Args:
        model: the `RowClassifier` that made `trace` (for its size and forget bias).
        trace: its `Trace` of a batch, fields `(batch, rows, hidden_size)`.
        labels: `(batch,)` true classes.
        digits: the classes of the chapter's figures.

    Returns:
        A dict: `n-test`, `units`, `rows`, `half` (the middle row),
        `rows-less-one`; the input gate's mean at row 1 (`i-first`), its
        largest mean and that row (`i-max`, `i-max-row`); `write-ratio`, the
        mean `|i * z|` of the last row over that of row 1; `sigma-bias`,
        `sigmoid(forget_bias)`; the mean forget gate's range over the rows
        (`f-min`, `f-max`); the share of units with `f < RESET` at the first
        and the last row (`reset-first`, `reset-last`); `pc-share`, the
        variance of `c` on its first two principal axes; the mean distance
        between the digits' mean cells after the first and the last row
        (`spread-first`, `spread-last`); the accuracy after the middle row,
        the row before the last and the last (`acc-half`, `acc-before-last`,
        `acc-last`); `chance`, one over the number of classes; and `top-half`,
        the mean probability of the top class after the middle row.
    """
    summary = row_summary(trace, labels)
    rows = len(summary["row"])
    half = rows // 2
    spread = class_spread(trace.c, labels, digits)
    best = int(np.argmax(summary["i"]))
    return {
        "n-test": int(trace.i.shape[0]), "units": int(trace.i.shape[-1]), "rows": rows, "half": half,
        "rows-less-one": rows - 1,
        "i-first": float(summary["i"][0]), "i-max": float(summary["i"][best]), "i-max-row": best + 1,
        "write-ratio": float(summary["write"][-1] / summary["write"][0]),
        "sigma-bias": float(1 / (1 + np.exp(-model.cell.forget_bias))),
        "f-min": float(summary["f"].min()), "f-max": float(summary["f"].max()),
        "reset-first": float(summary["reset"][0]), "reset-last": float(summary["reset"][-1]),
        "pc-share": float(principal_axes(trace.c)[2].sum()),
        "spread-first": float(spread[0]), "spread-last": float(spread[-1]),
        "acc-half": float(summary["accuracy"][half - 1]),
        "acc-before-last": float(summary["accuracy"][-2]), "acc-last": float(summary["accuracy"][-1]),
        "chance": 1 / trace.probs.shape[-1], "top-half": float(summary["p_top"][half - 1]),
    }
