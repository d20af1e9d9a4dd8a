"""Tables and figures of the gate experiments (chapters 5–7).

`table(result)` writes an `Ablation` as a Markdown table; `curves(result)`
draws the test score per epoch of every variant (mean over the seeds, with
the range of the seeds shaded); `row_lines` and `stream_lines` draw what the
trained models do along a sequence, as `lstm.analysis.row_measures.row_accuracy`
and `lstm.analysis.streams.stream_memory` measure it.
"""

import numpy as np

from .. import _validate as v
from ..analysis.streams import StreamMemory
from ..plotting import new_axes
from ..i18n.figures import ABLATION as TEXT
from ..i18n import strings

STYLES = {"full": "-", "no_i": "--", "no_f": "-.", "no_o": ":", "no_tanh": (0, (5, 1, 1, 1)),
          "carousel": (0, (1, 1)), "coupled": (0, (3, 1)), "peepholes": (0, (3, 1, 1, 1, 1, 1)),
          "gru": (0, (6, 2)), "rnn": (0, (1, 2)), "rnn_x3": (0, (2, 2)), "rnn_x3_clip": (0, (4, 1, 1, 1))}


def label(variant, *, lang="en"):
    """The variant's name in `lang`, as tables and legends show it."""
    return strings(TEXT, lang)[v.one_of("variant", variant, tuple(STYLES))]


def table(result, *, lang="en"):
    """The ablation as a Markdown table, one line per variant.

    Args:
        result: an `lstm.ablation.Ablation`.
        lang: `"en"` or `"ja"`.

    Returns:
        A string: variant, what it changes, mean ± sd of the final test
        accuracy over the seeds, and every seed's score.
    """
    t = strings(TEXT, lang)
    lines = [f"| {t['variant']} | {t['cell']} | {t['score']} | {t['seeds']} |",
             "|:--|:--|--:|:--|"]
    for name in result.variants:
        seeds = ", ".join(f"{s:.3f}" for s in result.scores(name))
        lines.append(f"| {t[name]} | {t[name + '.cell']} | "
                     f"{result.mean(name):.3f} ± {result.sd(name):.3f} | {seeds} |")
    return "\n".join(lines)


def curves(result, *, lang="en", ax=None):
    """The test accuracy after every epoch, per variant: the mean over the
    seeds as a line, the lowest to highest seed shaded."""
    t = strings(TEXT, lang)
    fig, ax = new_axes(lang, ax, figsize=(7.0, 3.6))
    for name in result.variants:
        runs = np.array([h.test_acc for h in result.histories[name]])  # (seeds, epochs)
        epochs = np.arange(1, runs.shape[1] + 1)
        line, = ax.plot(epochs, runs.mean(axis=0), linestyle=STYLES[name], label=t[name])
        ax.fill_between(epochs, runs.min(axis=0), runs.max(axis=0), color=line.get_color(), alpha=0.15)
    ax.set_xlabel(t["epoch"])
    ax.set_ylabel(t["test"])
    ax.set_ylim(0.0, 1.0)
    ax.legend(loc="lower right", fontsize="small")
    fig.tight_layout()
    return fig


def row_lines(accuracies, *, lang="en", ax=None, mark=None):
    """Lines of `lstm.analysis.row_measures.row_accuracy` per variant.
    `accuracies` maps a variant to `(rows,)`; `mark` (a row index) draws a
    vertical line, e.g. at the last image row."""
    t = strings(TEXT, lang)
    fig, ax = new_axes(lang, ax, figsize=(7.0, 3.2))
    for name, acc in accuracies.items():
        ax.plot(np.arange(1, len(acc) + 1), acc, linestyle=STYLES[name], marker=".", label=t[name])
    if mark is not None:
        ax.axvline(mark + 1, color="0.6", linewidth=0.8)
    ax.set_xlabel(t["row"])
    ax.set_ylabel(t["row_acc"])
    ax.set_ylim(0.0, 1.0)
    ax.legend(loc="upper left", fontsize="small")
    fig.tight_layout()
    return fig


def stream_lines(memory, boundaries, *, lang="en"):
    """Two panels over the stream: mean |c| (top) and mean f (bottom) per
    variant, with a faint line where each digit starts. `memory` maps a
    variant to its `StreamMemory` (`lstm.analysis.streams.stream_memory` of
    the variants' cells); `boundaries` are the rows where the digits start."""
    t = strings(TEXT, lang)
    for name, m in memory.items():
        v.one_of("memory", name, tuple(STYLES))
        if not isinstance(m, StreamMemory):
            v.fail("memory", f"lstm.analysis.streams.StreamMemory values (the value of {name!r} is not one)",
                   type(m).__name__)
    fig, (top, bottom) = new_axes(lang, None, nrows=2, sharex=True, figsize=(7.0, 4.6))
    for name, m in memory.items():
        abs_c, f = m.mean_abs_c(), m.mean_f()  # each (steps,)
        steps = np.arange(1, len(abs_c) + 1)
        top.plot(steps, abs_c, linestyle=STYLES[name], label=t[name])
        bottom.plot(steps, f, linestyle=STYLES[name], label=t[name])
    for ax in (top, bottom):
        for b in boundaries[1:]:
            ax.axvline(b + 0.5, color="0.85", linewidth=0.8, zorder=0)
    top.set_ylabel(t["abs_c"])
    bottom.set_ylabel(t["f"])
    bottom.set_ylim(0.0, 1.05)
    bottom.set_xlabel(t["step"])
    top.legend(loc="upper left", fontsize="small")
    fig.tight_layout()
    return fig
