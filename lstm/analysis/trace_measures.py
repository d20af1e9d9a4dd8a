"""What one model's traces show: quantities of a trace, resets, retention, principal axes.

A trace (`RowClassifier.trace`) holds every gate and state at every row.
These functions reduce traces to the arrays the gate chapters quote and draw
(`lstm.figures.gates`, `lstm.figures.inside` draw them):

- `quantity`: a field of a trace, or `tanh(c)`, or the write `i * z`;
- `strongest_reset`: where one image's memory was erased the most;
- `retention`: how much of what a row wrote is left after the last row;
- `principal_axes`: the main directions along which the memory cells move.

`check_trace` and `check_batch` are the argument checks the figures share.
Arrays are indexed from 0, as in Python.

Example:

>>> import numpy as np
>>> from lstm.analysis.trace_measures import retention
>>> retention(np.full((1, 3, 2), 0.5))  # (batch, rows, hidden_size) -> (rows,)
array([0.25, 0.5 , 1.  ])
"""

import numpy as np

from .. import _validate as v
from ..model import Trace

QUANTITIES = ("z", "i", "f", "o", "c", "h", "tanh_c", "iz")
"""What `quantity` can take from a trace: a field, `tanh_c` = tanh(c), or `iz` = i * z."""

SATURATED = 0.99
"""`|tanh(c)|` above this counts as saturated: tanh's slope there is below 0.02."""


def check_trace(trace, rank=None):
    """`trace`, if it is a `Trace` (of one image for `rank=2`, of a batch for
    `rank=3`); else a `ValueError` naming the argument `trace`."""
    if not isinstance(trace, Trace):
        v.fail("trace", "an lstm.Trace from RowClassifier.trace", type(trace).__name__)
    if rank is not None and np.ndim(trace.i) != rank:
        expected = "the trace of one image, fields (rows, hidden_size)" if rank == 2 else \
            "the trace of a batch, fields (batch, rows, hidden_size)"
        v.fail("trace", expected, f"fields of shape {np.shape(trace.i)}")
    return trace


def check_batch(trace, labels):
    """The labels of a batch trace, `(batch,)` integers, checked against it."""
    check_trace(trace, rank=3)
    return v.labels("labels", labels, num_classes=trace.probs.shape[-1], length=trace.i.shape[0])


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
    check_trace(trace)
    v.one_of("key", key, QUANTITIES)
    if key == "tanh_c":
        return np.tanh(trace.c)
    if key == "iz":
        return trace.i * trace.z
    return np.asarray(getattr(trace, key))


def strongest_reset(trace):
    """Where one image's memory was reset hardest: the unit and row.

    A reset at row `t` erases `(1 - f_t) * |c_{t-1}|` of the memory; this
    returns the unit and row (`t >= 1`) where that amount is largest.

    Args:
        trace: the `Trace` of one image, fields `(rows, hidden_size)`.

    Returns:
        `(unit, row)`, two `int`s.
    """
    check_trace(trace, rank=2)
    if trace.f.shape[0] < 2:
        v.fail("trace", "a trace of at least 2 rows", f"fields of shape {trace.f.shape}")
    erased = (1.0 - trace.f[1:]) * np.abs(trace.c[:-1])  # (rows - 1, H)
    row, unit = np.unravel_index(np.argmax(erased), erased.shape)
    return int(unit), int(row) + 1


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


def principal_axes(c, k=2):
    """The first `k` principal axes of the memory cells' states.

    Args:
        c: `(batch, rows, hidden_size)` cell states.
        k: how many axes, at most `hidden_size`.

    Returns:
        `(mean, axes, explained)`: `mean` `(hidden_size,)`, `axes`
        `(k, hidden_size)` (unit vectors, by decreasing variance, each signed
        so that its entries sum to a positive number) and the share of the
        variance each explains, `(k,)`.
    """
    c = np.asarray(c, dtype=np.float64)
    if c.ndim != 3:
        v.fail("c", "cell states of shape (batch, rows, hidden_size)", f"an array of shape {c.shape}")
    if v.positive_int("k", k) > c.shape[-1]:
        v.fail("k", f"at most hidden_size ({c.shape[-1]}) axes", k)
    flat = c.reshape(-1, c.shape[-1])  # (B*T, H)
    mean = flat.mean(axis=0)
    _, s, vt = np.linalg.svd(flat - mean, full_matrices=False)
    signs = np.sign(vt[:k].sum(axis=1, keepdims=True))  # fix each axis's sign: a stable figure
    signs[signs == 0] = 1
    return mean, vt[:k] * signs, (s[:k] ** 2) / np.sum(s ** 2)
