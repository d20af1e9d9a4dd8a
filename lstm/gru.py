"""The GRU cell: two gates and no separate memory cell.

Cho et al. (2014) proposed the gated recurrent unit with two gates that
read `x_t` and `h_{t-1}`: an update gate `z` that decides how much of the
old state to keep, and a reset gate `r` that decides how much of the old
state the candidate `h̃` may read. There is no cell state apart from `h`.

Weight layout, stated once for this module
------------------------------------------
``W`` has shape ``(input_size + hidden_size, 3 * hidden_size)``, laid out
as `LSTMCell.W`: its first ``input_size`` rows read ``x``, its last
``hidden_size`` rows read ``h_prev``. ``b`` has shape
``(2, 3 * hidden_size)``: row 0 is added to the product with ``x``, row 1
to the product with ``h_prev``. The ``3 * hidden_size`` columns are three
blocks of ``hidden_size``, in this order::

    block 0  z  update gate   sigmoid
    block 1  r  reset gate    sigmoid
    block 2  n  candidate h̃   tanh

(The `z` of this module is the GRU's update gate, as in the paper; it is not
the LSTM's cell input.) One step::

    gx = x W[:input_size] + b[0]          # (batch, 3H), blocks gx_z, gx_r, gx_n
    gh = h_prev W[input_size:] + b[1]     # (batch, 3H), blocks gh_z, gh_r, gh_n
    z = sigmoid(gx_z + gh_z)
    r = sigmoid(gx_r + gh_r)
    n = tanh(gx_n + r * gh_n)
    h = z * h_prev + (1 - z) * n

This is `tf.keras.layers.GRU` with its default `reset_after=True`, which
applies the reset gate *after* the recurrent product, `r ⊙ (h_prev U_n + b_hn)`.
The paper's equations apply it *before*, `(r ⊙ h_prev) U_n`: the two are
different functions. Keras's own argument documentation says `reset_after=True`
is its default and the cuDNN-compatible form; it needs the second bias row,
since `b_hn` sits inside the product with `r`. Keras keeps ``kernel``
``(input_size, 3H)``, ``recurrent_kernel`` ``(H, 3H)`` and ``bias``
``(2, 3H)`` with the same blocks z, r, h (its h is our n), so `keras_weights`
and `from_keras` only split and join the rows of `W`.

Reference: K. Cho, B. van Merriënboer, C. Gulcehre, D. Bahdanau, F. Bougares,
H. Schwenk and Y. Bengio (2014), "Learning Phrase Representations using RNN
Encoder-Decoder for Statistical Machine Translation", EMNLP 2014.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import tensorflow as tf

from . import _validate as v
from .cell import float_dtype, glorot_uniform
from .rnn import RNNClassifier

GRU_ORDER = ("z", "r", "n")
"""The order of the three blocks of `W` and of each row of `b`."""


class GRUActivations(NamedTuple):
    """Everything one GRU step computes, each `(batch, hidden_size)`:
    the gates after their sigmoid, the candidate after its tanh, the new `h`."""

    z: tf.Tensor
    r: tf.Tensor
    n: tf.Tensor
    h: tf.Tensor


class GRUCell(tf.Module):
    """One GRU cell with a fused weight over `[x; h]` (layout at the top of `lstm/gru.py`).

    Args:
        input_size: features per time step.
        hidden_size: number of units.
        init: `"glorot"` draws `W` uniformly from
            `±sqrt(6 / (input_size + 4 * hidden_size))` (Glorot for the fused
            shape) and sets `b` to 0; `"zeros"` sets both to 0.
        seed: integer seed for `init="glorot"`; `None` draws a fresh one.
        dtype: `tf.float32`, or `tf.float64` for gradient checks.

    Call `cell(h_prev, x)` with `h_prev` `(batch, hidden_size)` and `x`
    `(batch, input_size)`; it returns the new `h` `(batch, hidden_size)`.

    Example:

    >>> cell = GRUCell(8, 4, seed=0)
    >>> h = cell(cell.zero_state(2), tf.ones((2, 8)))
    >>> tuple(h.shape), tuple(cell.W.shape), tuple(cell.b.shape)
    ((2, 4), (12, 12), (2, 12))
    """

    def __init__(self, input_size: int, hidden_size: int, *, init: str = "glorot",
                 seed: int | None = None, dtype: tf.DType | str = tf.float32) -> None:
        super().__init__(name="gru_cell")
        self.input_size = v.positive_int("input_size", input_size)
        self.hidden_size = v.positive_int("hidden_size", hidden_size)
        self.init = v.one_of("init", init, ("glorot", "zeros"))
        self.seed = seed
        self.dtype = float_dtype(dtype)

        n_in, H = self.input_size + self.hidden_size, self.hidden_size
        W = glorot_uniform((n_in, 3 * H), seed) if init == "glorot" else np.zeros((n_in, 3 * H))
        self.W = tf.Variable(W, dtype=self.dtype, name="W")  # (input_size + H, 3H)
        self.b = tf.Variable(np.zeros((2, 3 * H)), dtype=self.dtype, name="b")  # (2, 3H)

    def config(self):
        """The constructor's arguments, enough to build the same cell again."""
        return dict(input_size=self.input_size, hidden_size=self.hidden_size, init=self.init,
                    seed=self.seed, dtype=self.dtype.name)

    def zero_state(self, batch_size):
        """`h`, zeros of shape `(batch_size, hidden_size)`."""
        return tf.zeros((batch_size, self.hidden_size), dtype=self.dtype)

    def activations(self, h_prev, x):
        """One step without input checks, returning every value as `GRUActivations`."""
        I = self.input_size
        gx = tf.matmul(x, self.W[:I]) + self.b[0]  # (B, 3H)
        gh = tf.matmul(h_prev, self.W[I:]) + self.b[1]  # (B, 3H)
        gx_z, gx_r, gx_n = tf.split(gx, 3, axis=-1)  # each (B, H)
        gh_z, gh_r, gh_n = tf.split(gh, 3, axis=-1)  # each (B, H)
        z = tf.sigmoid(gx_z + gh_z)  # (B, H)
        r = tf.sigmoid(gx_r + gh_r)  # (B, H)
        n = tf.tanh(gx_n + r * gh_n)  # (B, H)  the reset gate after the product
        h = z * h_prev + (1.0 - z) * n  # (B, H)
        return GRUActivations(z, r, n, h)

    def step(self, h_prev, x):
        """One step without input checks: `h` from `h_prev` and `x`."""
        return self.activations(h_prev, x).h

    def __call__(self, h_prev, x):
        """One step: `h` `(batch, hidden_size)` from `h_prev` and `x`."""
        for name, t, size in (("x", x, self.input_size), ("h_prev", h_prev, self.hidden_size)):
            shape = tuple(getattr(t, "shape", np.shape(t)))
            if len(shape) != 2 or (shape[-1] is not None and shape[-1] != size):
                v.fail(name, f"shape (batch, {size})", f"shape {shape}")
        return self.step(h_prev, x)

    @classmethod
    def from_keras(cls, layer):
        """Build a cell from a built `tf.keras.layers.GRU` (or its cell): see `from_keras`."""
        return from_keras(layer)


def gru_scan(cell, x, h=None):
    """Run a `GRUCell` over the rows of `x` and keep every `h`.

    Args:
        cell: a `GRUCell`.
        x: `(batch, rows, input_size)`; row `t` is time step `t`.
        h: the initial state `(batch, hidden_size)`; zeros when `None`.

    Returns:
        `h` at every step, `(batch, rows, hidden_size)`.
    """
    if not isinstance(cell, GRUCell):
        v.fail("cell", "an lstm.gru.GRUCell", type(cell).__name__)
    x = tf.constant(v.array("x", x, rank=3, last=cell.input_size, dtype=cell.dtype.as_numpy_dtype))
    if h is None:
        h = cell.zero_state(x.shape[0])  # (B, H)
    else:
        h = tf.constant(v.array("h", h, rank=2, last=cell.hidden_size, dtype=cell.dtype.as_numpy_dtype))
        if h.shape[0] != x.shape[0]:
            v.fail("h", f"a batch of {x.shape[0]} (as x)", f"a batch of {h.shape[0]}")
    hs = []
    for t in range(x.shape[1]):
        h = cell.step(h, x[:, t, :])  # (B, H)
        hs.append(h)
    return tf.stack(hs, axis=1)  # (B, T, H)


class GRUClassifier(RNNClassifier):
    """A GRU that reads each image row by row, then a linear head.

    `lstm.rnn.RNNClassifier` with a `GRUCell`: the same arguments (`readout`,
    `seed`; `init` and `dtype` go to the cell), the same head and methods.

    Example:

    >>> model = GRUClassifier(hidden_size=16, seed=0)
    >>> tuple(model(np.zeros((3, 8, 8), np.float32)).shape)
    (3, 10)
    """

    cell_class = GRUCell


def keras_weights(cell):
    """`[kernel, recurrent_kernel, bias]` for `tf.keras.layers.GRU` (`reset_after=True`).

    Args:
        cell: a `GRUCell`.

    Returns:
        NumPy arrays of shapes `(input_size, 3H)`, `(H, 3H)` and `(2, 3H)`;
        pass them to `layer.set_weights`.
    """
    if not isinstance(cell, GRUCell):
        v.fail("cell", "an lstm.gru.GRUCell", type(cell).__name__)
    W, I = cell.W.numpy(), cell.input_size
    return [W[:I], W[I:], cell.b.numpy()]  # (I, 3H), (H, 3H), (2, 3H)


def from_keras(layer):
    """Build a `GRUCell` holding the weights of a built Keras GRU.

    Args:
        layer: a built `tf.keras.layers.GRU` or `tf.keras.layers.GRUCell` with
            the default activations (tanh, sigmoid), a bias and
            `reset_after=True` (Keras's default).

    Returns:
        A `GRUCell` with the same sizes and weights (float32 or float64 as the layer).
    """
    from .keras_interop import keras_cell

    cell = keras_cell(layer, tf.keras.layers.GRUCell, "a tf.keras.layers.GRU or GRUCell")
    if not cell.reset_after:
        v.fail("layer", "reset_after=True (the reset gate after the recurrent product, Keras's default)",
               "reset_after=False")
    kernel, recurrent, bias = (np.asarray(w) for w in (cell.kernel, cell.recurrent_kernel, cell.bias))
    ours = GRUCell(kernel.shape[0], cell.units, init="zeros", dtype=cell.kernel.dtype)
    ours.W.assign(np.concatenate([kernel, recurrent], axis=0))  # (I + H, 3H)
    ours.b.assign(bias)  # (2, 3H)
    return ours
