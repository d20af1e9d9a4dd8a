"""The numbers chapter 10 ("Looking inside") quotes about a trained model.

`observations(model, trace, labels)` gathers them by glue key, from the
measures of `row_measures`, `class_measures` and `trace_measures`.

Example:

>>> import lstm                                                    # doctest: +SKIP
>>> from lstm.analysis.observations import observations            # doctest: +SKIP
>>> model, _ = lstm.recipes.MODERN.run(cache=True, progress=False) # doctest: +SKIP
>>> data = lstm.load_digits()                                      # doctest: +SKIP
>>> observations(model, model.trace(data.x_test), data.y_test)["acc-last"]  # doctest: +SKIP
"""

import numpy as np

from .. import _validate as v
from ..model import RowClassifier
from .class_measures import class_spread
from .row_measures import row_summary
from .trace_measures import principal_axes


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
    if not isinstance(model, RowClassifier):
        v.fail("model", "an lstm.RowClassifier", type(model).__name__)
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
