"""Argument checks shared by the public functions.

Every message names the argument, what was expected and what was received,
in the manner of Keras: ``Received an invalid value for argument `units`,
expected a positive integer, got 0.``
"""

import numbers

import numpy as np


def fail(name, expected, got):
    """Raise the package's standard `ValueError`.

    `got` is shown as it is when it is a string (a description such as
    ``"an array of shape (2, 7)"``), else as its `repr`. Pass ``repr(value)``
    to quote a string value the caller received.
    """
    shown = got if isinstance(got, str) else repr(got)
    raise ValueError(f"Received an invalid value for argument `{name}`, expected {expected}, got {shown}.")


def positive_int(name, value):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        fail(name, "a positive integer", repr(value))
    return int(value)


def non_negative_int(name, value):
    """An integer >= 0 (a seed, a random state), as a Python `int`."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        fail(name, "a non-negative integer", repr(value))
    return int(value)


def positive_float(name, value):
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value) or value <= 0:
        fail(name, "a positive finite number", repr(value))
    return float(value)


def finite_float(name, value):
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value):
        fail(name, "a finite number", repr(value))
    return float(value)


def one_of(name, value, choices):
    if value not in choices:
        fail(name, "one of " + ", ".join(repr(c) for c in choices), repr(value))
    return value


def fraction(name, value, *, allow_zero):
    low = "0 <= x < 1" if allow_zero else "0 < x < 1"
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool) and np.isfinite(value)
    if not ok or value >= 1 or value < 0 or (value == 0 and not allow_zero):
        fail(name, f"a fraction with {low}", repr(value))
    return float(value)


def array(name, value, *, rank, last=None, dtype=np.float32):
    """Convert `value` to a finite NumPy array of the given rank(s).

    Args:
        name: the argument's name, for the message.
        rank: an int, or a tuple of allowed ranks.
        last: if given, the required size of the last axis.
    """
    ranks = (rank,) if isinstance(rank, int) else tuple(rank)
    try:
        arr = np.asarray(value, dtype=dtype)
    except (TypeError, ValueError):
        fail(name, f"a numeric array of rank {' or '.join(map(str, ranks))}", type(value).__name__)
    if arr.ndim not in ranks:
        shapes = " or ".join(_shape_words(r, last) for r in ranks)
        fail(name, f"an array of shape {shapes}", f"an array of shape {arr.shape}")
    if last is not None and arr.shape[-1] != last:
        fail(name, f"a last axis of size {last}", f"an array of shape {arr.shape}")
    if 0 in arr.shape:
        fail(name, "a non-empty array", f"an array of shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        fail(name, "finite values (no NaN or inf)", f"{bad} non-finite value(s)")
    return arr


def labels(name, value, *, num_classes, length=None, per_row=False, rows=None):
    """Integer labels `(n,)`, or `(n, rows)` with `per_row=True`, where -1
    marks a row that is not scored (`lstm.tasks.IGNORE`)."""
    arr = np.asarray(value)
    rank, shape = (2, "(n, rows)") if per_row else (1, "(n,)")
    if arr.ndim != rank or arr.size == 0:
        fail(name, f"a non-empty array of integer labels of shape {shape}", f"an array of shape {arr.shape}")
    if not np.issubdtype(arr.dtype, np.integer):
        if not (np.issubdtype(arr.dtype, np.floating) and np.all(np.isfinite(arr)) and np.all(arr == np.round(arr))):
            fail(name, "integer labels", f"dtype {arr.dtype}")
    arr = arr.astype(np.int64)
    low = -1 if per_row else 0
    if arr.min() < low or arr.max() >= num_classes:
        expected = f"labels in [0, {num_classes})" + (" or -1 for a row not scored" if per_row else "")
        fail(name, expected, f"labels from {arr.min()} to {arr.max()}")
    if per_row and not np.all((arr >= 0).any(axis=1)):
        fail(name, "at least one scored row (label >= 0) per sequence",
             f"{int(np.sum(~(arr >= 0).any(axis=1)))} sequence(s) with every row -1")
    if length is not None and arr.shape[0] != length:
        fail(name, f"{length} labels, one per image", f"{arr.shape[0]} labels")
    if rows is not None and arr.shape[1] != rows:
        fail(name, f"{rows} labels per sequence, one per row", f"{arr.shape[1]} labels per sequence")
    return arr


def _shape_words(rank, last):
    axes = {1: ["n"], 2: ["rows", "features"], 3: ["batch", "rows", "features"]}.get(
        rank, [f"d{k}" for k in range(rank)]
    )
    if last is not None:
        axes[-1] = str(last)
    return "(" + ", ".join(axes) + ")"
