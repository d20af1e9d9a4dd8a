"""Check the scratch cell against two references: Keras's LSTM and finite differences.

- `keras_difference` runs `tf.keras.layers.LSTM` holding the cell's weights
  (mapped by `lstm.keras_weights`) over the same rows, and returns the
  largest difference between the two. The same LSTM gives round-off only
  (about 1e-7 in float32).
- `gradient_check` compares the gradients `tf.GradientTape` computes with
  central finite differences, in float64. Correct gradients agree to about
  eight digits: a relative error near 1e-8. A missing path gives errors
  near 1.

Example:

>>> import numpy as np
>>> import lstm
>>> from lstm.checking import gradient_check, keras_difference
>>> cell = lstm.LSTMCell(8, 4, seed=0)
>>> x = np.random.default_rng(0).normal(size=(2, 8, 8)).astype("float32")
>>> keras_difference(cell, x) < 1e-5
True
>>> gradient_check(cell, x, num_entries=20) < 1e-5
True
"""

import numbers

import numpy as np
import tensorflow as tf

from . import _validate as v
from .cell import LSTMCell
from .keras_interop import keras_weights
from .model import scan


def keras_difference(cell, x):
    """Largest `|scratch - Keras|` over every output `h` and the final `c`.

    Args:
        cell: an `LSTMCell` that Keras can express (every gate learned,
            `cell_tanh=True`); `lstm.keras_weights` raises a `ValueError`
            for any other cell.
        x: `(batch, rows, input_size)`: row `t` is time step `t`.

    Returns:
        A Python `float`: the maximum absolute difference between the two
        LSTMs' `h` at every step and their `c` after the last step.
    """
    _check_cell(cell)
    x = v.array("x", x, rank=3, last=cell.input_size, dtype=cell.dtype.as_numpy_dtype)
    weights = keras_weights(cell)  # raises for cells Keras cannot express
    layer = tf.keras.layers.LSTM(cell.hidden_size, return_sequences=True, return_state=True,
                                 dtype=cell.dtype.name)
    layer(x)  # builds the layer's kernels for this input size
    layer.set_weights(weights)
    keras_h, _, keras_c = layer(x)  # (B, T, H), (B, H), (B, H)
    ours = scan(cell, x)  # each (B, T, H)
    return float(max(np.max(np.abs(ours.h.numpy() - keras_h.numpy())),
                     np.max(np.abs(ours.c.numpy()[:, -1] - keras_c.numpy()))))


def gradient_check(cell, x, *, eps=1e-3, num_entries=100, seed=0):
    """Max relative error between autodiff and finite-difference gradients, in float64.

    The check runs on a float64 copy of `cell` (same class, configuration
    and weights) so that round-off does not drown the differences. The
    objective is a fixed random projection of every output,
    `L = sum(r * h)` with `r` of shape `(batch, rows, hidden_size)` drawn
    from `seed`, so every step and every unit contributes. For each checked
    entry `w` of `W` and `b`, the numerical gradient is the fourth-order
    central difference

        n = (8 (L(w + eps) - L(w - eps)) - (L(w + 2 eps) - L(w - 2 eps))) / (12 eps)

    and the relative error is `|g - n| / max(|g|, |n|)` (0 where both are
    exactly 0), `g` being the gradient from `tf.GradientTape`. Every trainable
    variable of the cell is checked: `W`, `b`, and the peephole weights `p`
    of a cell with `peepholes=True`.

    Args:
        cell: an `LSTMCell` (any gates, either `cell_tanh`).
        x: `(batch, rows, input_size)`.
        eps: the finite-difference step. The stencil's truncation error
            grows like `eps**4`, its round-off error like `1e-16 * |L| / eps`;
            measured on the book's cells, 1e-3 keeps the relative error near
            1e-8 (the two-point difference `(L(w + eps) - L(w - eps)) / (2 eps)`
            reaches only about 1e-5 on gradients that are small by cancellation).
        num_entries: how many entries of each variable to check,
            drawn at random from `seed`; `None` checks every entry.
        seed: seeds `r` and the choice of entries.

    Returns:
        A Python `float`: the largest relative error over the checked entries.
    """
    _check_cell(cell)
    x = tf.constant(v.array("x", x, rank=3, last=cell.input_size, dtype=np.float64))
    eps = v.positive_float("eps", eps)
    if num_entries is not None:
        num_entries = v.positive_int("num_entries", num_entries)
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        v.fail("seed", "a non-negative integer", seed)

    cell = float64_copy(cell)
    rng = np.random.default_rng(seed)
    r = tf.constant(rng.normal(size=(*x.shape[:2], cell.hidden_size)))  # (B, T, H)

    @tf.function
    def objective():
        return tf.reduce_sum(scan(cell, x).h * r)

    with tf.GradientTape() as tape:
        value = objective()
    variables = list(cell.trainable_variables)  # W, b, and p for a cell with peepholes
    analytic = [np.zeros(var.shape) if g is None else g.numpy()  # None: the tape found no path
                for var, g in zip(variables, tape.gradient(value, variables))]

    worst = 0.0
    for var, grad in zip(variables, analytic):
        original = var.numpy()
        size = original.size
        entries = np.arange(size) if num_entries is None or num_entries >= size else \
            rng.choice(size, num_entries, replace=False)
        for k in entries:
            values = {}
            for step in (1, -1, 2, -2):
                shifted = original.copy().reshape(-1)
                shifted[k] += step * eps
                var.assign(shifted.reshape(original.shape))
                values[step] = float(objective())
            numeric = (8.0 * (values[1] - values[-1]) - (values[2] - values[-2])) / (12.0 * eps)
            exact = float(grad.reshape(-1)[k])
            scale = max(abs(exact), abs(numeric))
            if scale > 0.0:
                worst = max(worst, abs(exact - numeric) / scale)
        var.assign(original)
    return worst


def float64_copy(cell):
    """The same cell in float64: same class, configuration and weights, every
    variable cast exactly (`cell.reconfigured(dtype=tf.float64)`).

    Args:
        cell: an `LSTMCell`.

    Returns:
        A new `LSTMCell` with `dtype=tf.float64`; `cell` is left unchanged.
    """
    _check_cell(cell)
    return cell.reconfigured(dtype=tf.float64)


def _check_cell(cell):
    if not isinstance(cell, LSTMCell):
        v.fail("cell", "an lstm.LSTMCell", type(cell).__name__)
