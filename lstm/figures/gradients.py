"""Figure of chapter 3, "Why a plain RNN forgets": the gradient per time step.

`gradient_norms` plots, on a log scale, the norms measured by
`lstm.gradients.row_gradient_norms` for several models over the same
sequences, so the reader sees how fast the error shrinks as it travels back
from the answer to the early rows.
"""

import numpy as np

from .. import _validate as v
from ..i18n import check_lang, strings
from ..plotting import new_axes
from ..i18n.figures import GRADIENTS as TEXT

MODELS = ("rnn", "lstm", "lstm_no_forget", "rnn_x3")
"""The curves `gradient_norms` knows how to name, in the order drawn."""


def gradient_norms(norms, *, lang="en", digit_rows=8, wrt="x", ax=None):
    """The gradient's norm at every time step, one curve per model, log scale.

    Args:
        norms: a dict from model keys in `MODELS` (`"rnn"`, `"lstm"`,
            `"lstm_no_forget"`, `"rnn_x3"`: the plain RNN with its recurrent
            weights × 3) to arrays `(steps,)` of the same length, as
            returned by `lstm.gradients.row_gradient_norms`.
        lang: `"en"` or `"ja"` for the labels.
        digit_rows: how many of the first steps are the digit's rows (the
            rest are blank rows from `lstm.gradients.pad_rows`); they are
            shaded. 0 shades nothing.
        wrt: `"x"` or `"h"`, what the norms were taken with respect to (for
            the axis label).
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure.
    """
    lang = check_lang(lang)
    v.one_of("wrt", wrt, ("x", "h"))
    if not isinstance(norms, dict) or not norms:
        v.fail("norms", f"a non-empty dict with keys from {MODELS}", type(norms).__name__)
    for key in norms:
        v.one_of("norms key", key, MODELS)
    arrays = {k: v.array(f"norms[{k!r}]", norms[k], rank=1) for k in MODELS if k in norms}
    lengths = {len(a) for a in arrays.values()}
    if len(lengths) != 1:
        v.fail("norms", "arrays of the same length", {k: len(a) for k, a in arrays.items()})
    steps = lengths.pop()
    if isinstance(digit_rows, bool) or not isinstance(digit_rows, (int, np.integer)) \
            or not 0 <= digit_rows <= steps:
        v.fail("digit_rows", f"an integer from 0 to {steps}", digit_rows)
    if any(np.any(a <= 0) for a in arrays.values()):
        v.fail("norms", "positive values (they are drawn on a log scale)", "a value <= 0")

    t_text = strings(TEXT, lang)
    fig, ax = new_axes(lang, ax, figsize=(8, 4.2))
    t = np.arange(1, steps + 1)
    styles = {"rnn": dict(color="tab:red", marker="o"), "lstm": dict(color="tab:blue", marker="s"),
              "lstm_no_forget": dict(color="tab:green", marker="^"),
              "rnn_x3": dict(color="tab:purple", marker="v")}
    for key, values in arrays.items():
        ax.plot(t, values, label=t_text[key], markersize=3, lw=1.6, **styles[key])
    ax.set_yscale("log")
    ax.set_xlim(0.5, steps + 0.5)
    if digit_rows:
        ax.axvspan(0.5, digit_rows + 0.5, color="0.85", zorder=0)
        ax.text(digit_rows / 2 + 0.5, 1.01, t_text["digit"], transform=ax.get_xaxis_transform(),
                ha="center", va="bottom", fontsize=9)
        if digit_rows < steps:
            ax.text((digit_rows + steps) / 2 + 0.5, 1.01, t_text["blank"],
                    transform=ax.get_xaxis_transform(), ha="center", va="bottom", fontsize=9)
    ax.set_xlabel(t_text["time"])
    ax.set_ylabel(t_text["norm_" + wrt])
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    return fig
