"""The LSTM cell: four small networks behind one fused weight.

Gate layout, stated once for the whole package
----------------------------------------------
``W`` has shape ``(input_size + hidden_size, 4 * hidden_size)`` and is applied
to ``concat([x, h])``: its first ``input_size`` rows read the input ``x``, the
last ``hidden_size`` rows read the previous output ``h``. ``b`` has shape
``(4 * hidden_size,)``. The ``4 * hidden_size`` columns are four blocks of
``hidden_size``, in this order::

    block 0  z  cell input      tanh
    block 1  i  input gate      sigmoid
    block 2  f  forget gate     sigmoid
    block 3  o  output gate     sigmoid

Keras keeps two kernels (input and recurrent) and orders its blocks
i, f, c, o, where its c is our z: ``lstm.keras_interop`` maps between the two.

The update, for one time step::

    c = f * c_prev + i * tanh(z)
    h = o * tanh(c)          # cell_tanh=True (the standard LSTM)
    h = o * c                # cell_tanh=False (the article's variant)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
import tensorflow as tf

from . import _validate as v

GATE_ORDER = ("z", "i", "f", "o")
"""The order of the four blocks of `W` and `b`."""

GATE_NAMES = ("i", "f", "o")
"""The gates that `LSTMCell(gates=...)` may learn or hold at 1."""

TRACED = GATE_ORDER + ("c", "h")
"""What one step computes, in order: the fields of `Activations` (and of
`lstm.Trace`, which adds `probs`)."""


class Activations(NamedTuple):
    """Everything one step computes, each `(batch, hidden_size)`.

    `z` is after its tanh and the gates after their sigmoid (exactly 1 for a
    gate that is not learned); `c` and `h` are the new state.
    """

    z: tf.Tensor
    i: tf.Tensor
    f: tf.Tensor
    o: tf.Tensor
    c: tf.Tensor
    h: tf.Tensor


class LSTMCell(tf.Module):
    """One LSTM cell with a fused weight over `concat([x, h])`.

    Args:
        input_size: features per time step (8 for one row of a digit).
        hidden_size: number of memory cells.
        cell_tanh: apply `tanh` to `c` before the output gate. `False` gives
            the article's variant `h = o * c`.
        forget_bias: added to the forget block of `b` after initialisation,
            whatever `init` is. With `init="zeros"` the forget block of `b`
            equals `forget_bias` and every other entry is 0.
        init: `"glorot"` draws `W` uniformly from
            `±sqrt(6 / (input_size + 5 * hidden_size))` (Glorot for the fused
            shape) and sets `b` to 0; `"zeros"` sets `W` and `b` to 0, as the
            article does. Then `forget_bias` is added.
        gates: the gates that are learned, a subset of `("i", "f", "o")`.
            A gate left out is held at exactly 1 and its pre-activation is
            ignored: `("i", "o")` is the 1997 LSTM without a forget gate.
        seed: integer seed for `init="glorot"`; `None` draws a fresh one.
        dtype: `tf.float32`, or `tf.float64` for gradient checks.

    Call `cell(state, x)` with `state = (h, c)`, each `(batch, hidden_size)`,
    and `x` of shape `(batch, input_size)`; it returns the new `(h, c)`.

    Example:

    >>> cell = LSTMCell(8, 4, seed=0)
    >>> h = c = tf.zeros((2, 4))
    >>> h, c = cell((h, c), tf.ones((2, 8)))
    >>> tuple(h.shape), tuple(cell.W.shape)
    ((2, 4), (12, 16))
    """

    def __init__(self, input_size: int, hidden_size: int, *, cell_tanh: bool = True,
                 forget_bias: float = 1.0, init: str = "glorot", gates: Sequence[str] = GATE_NAMES,
                 seed: int | None = None, dtype: tf.DType | str = tf.float32) -> None:
        super().__init__(name="lstm_cell")
        self.input_size = v.positive_int("input_size", input_size)
        self.hidden_size = v.positive_int("hidden_size", hidden_size)
        if not isinstance(cell_tanh, bool):
            v.fail("cell_tanh", "True or False", repr(cell_tanh))
        self.cell_tanh = cell_tanh
        self.forget_bias = v.finite_float("forget_bias", forget_bias)
        self.init = v.one_of("init", init, ("glorot", "zeros"))
        self.gates = _gate_tuple(gates)
        self.seed = seed
        self.dtype = float_dtype(dtype)

        n_in, H = self.input_size + self.hidden_size, self.hidden_size
        W = glorot_uniform((n_in, 4 * H), seed) if init == "glorot" else np.zeros((n_in, 4 * H))
        b = np.zeros(4 * H)
        b[2 * H:3 * H] += self.forget_bias  # the f block
        self.W = tf.Variable(W, dtype=dtype, name="W")  # (input_size + H, 4H)
        self.b = tf.Variable(b, dtype=dtype, name="b")  # (4H,)

    def config(self) -> dict[str, Any]:
        """The constructor's arguments, enough to build the same cell again."""
        return dict(input_size=self.input_size, hidden_size=self.hidden_size,
                    cell_tanh=self.cell_tanh, forget_bias=self.forget_bias, init=self.init,
                    gates=list(self.gates), seed=self.seed, dtype=self.dtype.name)

    def zero_state(self, batch_size: int | tf.Tensor) -> tuple[tf.Tensor, tf.Tensor]:
        """`(h, c)`, both zeros of shape `(batch_size, hidden_size)`."""
        zeros = tf.zeros((batch_size, self.hidden_size), dtype=self.dtype)
        return zeros, zeros

    def activations(self, state: tuple[tf.Tensor, tf.Tensor], x: tf.Tensor) -> Activations:
        """One step, returning every intermediate value as `Activations`.

        This is the only implementation of the step; `__call__` and `step`
        return its `(h, c)`.
        """
        h_prev, c_prev = state
        xh = tf.concat([x, h_prev], axis=-1)  # (B, input_size + H)
        gates = tf.matmul(xh, self.W) + self.b  # (B, 4H)
        z, i, f, o = tf.split(gates, 4, axis=-1)  # each (B, H)
        z = tf.tanh(z)
        i = tf.sigmoid(i) if "i" in self.gates else tf.ones_like(i)
        f = tf.sigmoid(f) if "f" in self.gates else tf.ones_like(f)
        o = tf.sigmoid(o) if "o" in self.gates else tf.ones_like(o)
        c = f * c_prev + i * z
        h = o * (tf.tanh(c) if self.cell_tanh else c)
        return Activations(z, i, f, o, c, h)

    def __call__(self, state: tuple[tf.Tensor, tf.Tensor],
                 x: tf.Tensor) -> tuple[tf.Tensor, tf.Tensor]:
        """One step: `(h, c)` from `state = (h_prev, c_prev)` and `x`."""
        self._check_call(state, x)
        a = self.activations(state, x)
        return a.h, a.c

    step = __call__

    def _check_call(self, state, x):
        if not isinstance(state, (tuple, list)) or len(state) != 2:
            v.fail("state", "a pair (h, c)", type(state).__name__)
        h, c = state
        for name, t, size in (("x", x, self.input_size), ("state[0] (h)", h, self.hidden_size),
                              ("state[1] (c)", c, self.hidden_size)):
            shape = tuple(getattr(t, "shape", np.shape(t)))
            if len(shape) != 2 or (shape[-1] is not None and shape[-1] != size):
                v.fail(name, f"shape (batch, {size})", f"shape {shape}")

    @classmethod
    def from_keras(cls, layer: tf.keras.layers.Layer) -> LSTMCell:
        """Build a cell from a built `tf.keras.layers.LSTM` (or its cell).

        See `lstm.keras_interop.from_keras`.
        """
        from .keras_interop import from_keras

        return from_keras(layer)


def float_dtype(dtype: tf.DType | str) -> tf.DType:
    """`dtype` as a TensorFlow float dtype; only float32 and float64 are allowed."""
    dtype = tf.as_dtype(dtype)
    if dtype not in (tf.float32, tf.float64):
        v.fail("dtype", "tf.float32 or tf.float64", repr(dtype.name))
    return dtype


def glorot_uniform(shape: tuple[int, int], seed: int | None) -> np.ndarray:
    """Glorot's uniform draw for a `(fan_in, fan_out)` weight, as float64 NumPy."""
    limit = np.sqrt(6.0 / (shape[0] + shape[1]))
    return np.random.default_rng(seed).uniform(-limit, limit, size=shape)


def _gate_tuple(gates):
    if isinstance(gates, str) or not hasattr(gates, "__iter__"):
        v.fail("gates", 'a sequence of gate names from ("i", "f", "o")', repr(gates))
    gates = tuple(gates)
    for g in gates:
        if g not in GATE_NAMES:
            v.fail("gates", 'gate names from ("i", "f", "o")', repr(g))
    if len(set(gates)) != len(gates):
        v.fail("gates", "each gate named at most once", gates)
    return tuple(g for g in GATE_NAMES if g in gates)
