"""Figures of chapter 10, "Looking inside": what the gates do, row by row, on the test digits.

`forget_by_row` draws the forget gate per row for a few digits;
`cell_trajectories` draws the path of the memory cell `c` while the model
reads a digit, on the principal axes of `c`; `confidence_by_row` draws how the
prediction forms, from `lstm.analysis.row_measures.row_summary`. The numbers
the chapter quotes are `lstm.analysis.observations`.

Arrays are indexed from 0, as in Python; figures number the rows from 1, as
the book's equations do (`x_1` to `x_8`).

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
from ..analysis.class_measures import check_digits
from ..analysis.row_measures import RESET
from ..analysis.trace_measures import check_batch, principal_axes
from ..i18n import text
from ..plotting import new_axes
from ..i18n.figures import INSIDE as TEXT



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
    labels = check_batch(trace, labels)
    digits = check_digits(digits, labels)
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
    labels = check_batch(trace, labels)
    digits = check_digits(digits, labels)
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
        summary: the dict of `lstm.analysis.row_measures.row_summary`.
        lang: `"en"` or `"ja"` for the labels.
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure.
    """
    if not isinstance(summary, dict) or not {"row", "accuracy", "p_true", "p_top"} <= set(summary):
        v.fail("summary", "the dict of lstm.analysis.row_measures.row_summary", type(summary).__name__)
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
