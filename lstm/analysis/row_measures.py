"""What a model does after each row, over a batch of images or sequences.

- `row_summary`: the gates, the write, the resets and the prediction after
  every row (chapter 10 glues them into its prose;
  `lstm.figures.inside.confidence_by_row` draws the prediction);
- `row_accuracy`: how often the readout names the label after every row
  (`lstm.figures.ablation.row_lines` draws it per variant).

Arrays are indexed from 0, as in Python; the summary's `row` entries number
the rows from 1, as the book's equations do (`x_1` to `x_8`).

Example:

>>> import lstm                                                    # doctest: +SKIP
>>> from lstm.analysis.row_measures import row_summary             # doctest: +SKIP
>>> model, _ = lstm.recipes.MODERN.run(cache=True, progress=False) # doctest: +SKIP
>>> data = lstm.load_digits()                                      # doctest: +SKIP
>>> row_summary(model.trace(data.x_test), data.y_test)["accuracy"]  # doctest: +SKIP
"""

import numpy as np

from .. import _validate as v
from ..model import RowClassifier
from .trace_measures import check_batch

RESET = 0.5
"""A forget gate below this keeps less than half of the memory: the unit mostly erases."""


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
    labels = check_batch(trace, labels)
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


def row_accuracy(model, x, y):
    """How often the readout, applied to `h` after every row, names the sequence's label.

    Args:
        model: a `RowClassifier`.
        x: sequences `(n, rows, input_size)`.
        y: their labels, `(n,)`, or `(n, rows)` whose last row holds the
            label (as `lstm.tasks.delayed` makes it).

    Returns:
        `(rows,)`: the share of the sequences whose prediction after that row
        is the label.
    """
    if not isinstance(model, RowClassifier):
        v.fail("model", "an lstm.RowClassifier", type(model).__name__)
    y = np.asarray(y)
    if y.ndim not in (1, 2) or y.shape[0] != np.shape(x)[0]:
        v.fail("y", f"labels of shape ({np.shape(x)[0]},) or ({np.shape(x)[0]}, rows), one per sequence",
               f"an array of shape {y.shape}")
    target = y[:, -1] if y.ndim == 2 else y  # (n,)
    probs = model.trace(x).probs  # (n, rows, K)
    return (probs.argmax(axis=-1) == target[:, None]).mean(axis=0)  # (rows,)
