"""Gates and memory cells of a batch, summarised per class (the digit being read).

- `class_row_means`: one unit's gate, averaged over the images of each class,
  row by row (`lstm.figures.gates.class_rows` draws it);
- `selective_unit`: the unit whose gate depends most on the class;
- `output_by_class`: one unit's `o`, `tanh(c)` and `h` at one row, per class
  (`lstm.figures.gates.held_back_figure` draws it);
- `class_spread`: how far apart the mean memory cells of some classes are.

Example:

>>> import numpy as np
>>> from lstm.analysis.class_measures import class_row_means
>>> gate = np.random.default_rng(0).uniform(size=(20, 8, 4))  # (batch, rows, hidden_size)
>>> class_row_means(gate, np.arange(20) % 10, unit=1).shape   # (classes, rows)
(10, 8)
"""

import numpy as np

from .. import _validate as v
from .trace_measures import check_trace, quantity


def check_digits(digits, labels):
    """`digits` as a list of `int`s, if it is a non-empty sequence of classes
    present in `labels` (`(batch,)`); else a `ValueError` naming `digits`."""
    present = sorted(set(np.asarray(labels).tolist()))
    if isinstance(digits, (str, bytes)) or not hasattr(digits, "__len__") or len(digits) == 0:
        v.fail("digits", "a non-empty sequence of classes", digits)
    for k in digits:
        if k not in present:
            v.fail("digits", f"classes present in `labels` ({present})", digits)
    return [int(k) for k in digits]


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
    check_trace(trace, rank=3)
    columns = [class_row_means(quantity(trace, k), labels, unit, num_classes)
               for k in ("o", "tanh_c", "h")]  # each (classes, rows)
    rows = trace.o.shape[1]
    if isinstance(row, bool) or not isinstance(row, (int, np.integer)) or not -rows <= row < rows:
        v.fail("row", f"an integer in [{-rows}, {rows})", row)
    return np.stack([col[:, row] for col in columns], axis=1)


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
    digits = check_digits(digits, labels)
    if len(set(digits)) < 2:
        v.fail("digits", "at least two different classes", digits)
    means = np.stack([c[labels == k].mean(axis=0) for k in digits])  # (D, T, H)
    pairs = [(a, b) for a in range(len(digits)) for b in range(a + 1, len(digits))]
    return np.mean([np.linalg.norm(means[a] - means[b], axis=-1) for a, b in pairs], axis=0)  # (T,)
