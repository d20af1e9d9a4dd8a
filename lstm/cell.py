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

Two variants change the layout (`LSTMCell(coupled=True)`,
`LSTMCell(peepholes=True)`); `cell.blocks` names the blocks of a given cell:

- **Coupled input and forget gates** (CIFG, one of the variants Greff et al.
  2017 compare): one gate drives both, the input gate is ``i = 1 - f`` and
  has no weights of its own, so ``W`` is ``(input_size + hidden_size,
  3 * hidden_size)`` and ``b`` is ``(3 * hidden_size,)``, with the blocks
  z, f, o (`COUPLED_ORDER`). Which of the two gates keeps the weights is a
  convention (``sigmoid(-a) = 1 - sigmoid(a)``); here the forget gate keeps
  them, so `forget_bias` means what it means for the other cells.
- **Peepholes** (Gers & Schmidhuber 2000; the "vanilla" LSTM of Greff et al.
  has them, and their variant NP leaves them out): each gate also reads the
  memory cell through a diagonal weight, ``p`` of shape
  ``(3, hidden_size)`` with the rows i, f, o (``(2, hidden_size)``, rows f,
  o, for a coupled cell)::

      i = sigmoid(a_i + p_i * c_prev)    # a_g: the gate's block of concat([x, h]) @ W + b
      f = sigmoid(a_f + p_f * c_prev)
      c = f * c_prev + i * tanh(z)
      o = sigmoid(a_o + p_o * c)         # the output gate reads the new c
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
import tensorflow as tf

from . import _validate as v

GATE_ORDER = ("z", "i", "f", "o")
"""The order of the four blocks of `W` and `b`."""

COUPLED_ORDER = ("z", "f", "o")
"""The order of the three blocks of `W` and `b` in a cell with `coupled=True`."""

GATE_NAMES = ("i", "f", "o")
"""The gates that `LSTMCell(gates=...)` may learn or hold at 1."""

TRACED = GATE_ORDER + ("c", "h")
"""What one step computes, in order: the fields of `Activations` (and of
`lstm.Trace`, which adds `probs`)."""


class Activations(NamedTuple):
    """Everything one step computes, each `(batch, hidden_size)`.

    `z` is after its tanh and the gates after their sigmoid (exactly 1 for a
    gate that is not learned, `1 - f` for the input gate of a coupled cell);
    `c` and `h` are the new state.
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
            shape; `input_size + 4 * hidden_size` for the three blocks of a
            coupled cell) and sets `b` to 0; `"zeros"` sets `W` and `b` to 0,
            as the article does. Then `forget_bias` is added. Peephole
            weights `p` are drawn from the same range as `W` (0 with
            `"zeros"`), from a generator of their own seeded by `seed`, so
            `W` is the same with or without peepholes.
        gates: the gates that are learned, a subset of `("i", "f", "o")`.
            A gate left out is held at exactly 1 and its pre-activation is
            ignored: `("i", "o")` is the 1997 LSTM without a forget gate.
        coupled: couple the input gate to the forget gate, `i = 1 - f`
            (CIFG). The input gate then has no weights: `W` and `b` have the
            three blocks z, f, o (`COUPLED_ORDER`), so a count of parameters
            is honest. `gates` must name both `"i"` and `"f"`.
        peepholes: let the gates read the memory cell through diagonal
            weights `p`, `(3, hidden_size)` with rows i, f, o
            (`(2, hidden_size)`, rows f, o, when `coupled`): the input and
            forget gates read `c_prev`, the output gate the new `c`. The row
            of a gate left out of `gates` is kept and unused, as its block of `W`.
        seed: integer seed for `init="glorot"`; `None` draws a fresh one.
        dtype: `tf.float32`, or `tf.float64` for gradient checks.

    Call `cell(state, x)` with `state = (h, c)`, each `(batch, hidden_size)`,
    and `x` of shape `(batch, input_size)`; it returns the new `(h, c)`.
    `cell.blocks` names the blocks of `W` and `b` in order, and
    `cell.peephole_gates` the rows of `p` (empty without peepholes).

    Example:

    >>> cell = LSTMCell(8, 4, seed=0)
    >>> h = c = tf.zeros((2, 4))
    >>> h, c = cell((h, c), tf.ones((2, 8)))
    >>> tuple(h.shape), tuple(cell.W.shape)
    ((2, 4), (12, 16))
    >>> cifg = LSTMCell(8, 4, coupled=True, peepholes=True, seed=0)
    >>> cifg.blocks, tuple(cifg.W.shape), cifg.peephole_gates, tuple(cifg.p.shape)
    (('z', 'f', 'o'), (12, 12), ('f', 'o'), (2, 4))
    """

    def __init__(self, input_size: int, hidden_size: int, *, cell_tanh: bool = True,
                 forget_bias: float = 1.0, init: str = "glorot", gates: Sequence[str] = GATE_NAMES,
                 coupled: bool = False, peepholes: bool = False,
                 seed: int | None = None, dtype: tf.DType | str = tf.float32) -> None:
        super().__init__(name="lstm_cell")
        self.input_size = v.positive_int("input_size", input_size)
        self.hidden_size = v.positive_int("hidden_size", hidden_size)
        self.cell_tanh = _flag("cell_tanh", cell_tanh)
        self.forget_bias = v.finite_float("forget_bias", forget_bias)
        self.init = v.one_of("init", init, ("glorot", "zeros"))
        self.gates = _gate_tuple(gates)
        self.coupled = _flag("coupled", coupled)
        self.peepholes = _flag("peepholes", peepholes)
        if coupled and not {"i", "f"} <= set(self.gates):
            v.fail("coupled", "False for a cell whose `gates` leave out 'i' or 'f' (coupled=True "
                   "computes the input gate as 1 - f: `gates` must name both)",
                   f"True with gates={self.gates}")
        self.seed = seed
        self.dtype = float_dtype(dtype)
        self.blocks = COUPLED_ORDER if coupled else GATE_ORDER
        self.peephole_gates = tuple(g for g in GATE_NAMES if g in self.blocks) if peepholes else ()

        n_in, H, n = self.input_size + self.hidden_size, self.hidden_size, len(self.blocks)
        W = glorot_uniform((n_in, n * H), seed) if init == "glorot" else np.zeros((n_in, n * H))
        b = np.zeros(n * H)
        k = self.blocks.index("f")
        b[k * H:(k + 1) * H] += self.forget_bias  # the f block
        self.W = tf.Variable(W, dtype=dtype, name="W")  # (input_size + H, 4H), or (.., 3H) coupled
        self.b = tf.Variable(b, dtype=dtype, name="b")  # (4H,), or (3H,) coupled
        if peepholes:
            shape = (len(self.peephole_gates), H)
            limit = np.sqrt(6.0 / (n_in + n * H))  # the range of W
            p = (np.random.default_rng(None if seed is None else [seed, 1]).uniform(-limit, limit, shape)
                 if init == "glorot" else np.zeros(shape))
            self.p = tf.Variable(p, dtype=dtype, name="p")  # (3, H) rows i, f, o; (2, H) rows f, o coupled

    def config(self) -> dict[str, Any]:
        """The constructor's arguments, enough to build the same cell again."""
        return dict(input_size=self.input_size, hidden_size=self.hidden_size,
                    cell_tanh=self.cell_tanh, forget_bias=self.forget_bias, init=self.init,
                    gates=list(self.gates), coupled=self.coupled, peepholes=self.peepholes,
                    seed=self.seed, dtype=self.dtype.name)

    def reconfigured(self, *, gates: Sequence[str] | None = None, cell_tanh: bool | None = None,
                     coupled: bool | None = None, peepholes: bool | None = None,
                     dtype: tf.DType | str | None = None) -> LSTMCell:
        """A new cell of the same class with copies of these weights, configured otherwise.

        Each argument left at `None` keeps this cell's value; the copy's
        other settings (`init`, `forget_bias`, `seed`) are this cell's, as
        records of how its weights began. This cell is left unchanged.

        - `gates`: a gate left out is held at exactly 1, its weights kept
          (a later copy that names it again uses them again).
        - `cell_tanh`: only the output changes, `h = o * tanh(c)` or `h = o * c`.
        - `coupled=True` from an uncoupled cell drops the input gate's block
          of `W` and `b` (and its row of `p`): the input gate becomes `1 - f`.
          `coupled=False` from a coupled cell gives the input gate the
          negated forget block (and row), so the copy computes what the
          coupled cell did, to round-off (`sigmoid(-a) = 1 - sigmoid(a)`),
          free to learn the two gates apart from there.
        - `peepholes=True` from a cell without them adds `p = 0` (the copy
          computes what this cell did); `peepholes=False` drops `p`.
        - `dtype`: the weights are cast (float32 to float64 is exact).

        Returns:
            A new `LSTMCell` (of `type(self)`); `reconfigured()` with no
            argument is a plain copy.

        Example:

        >>> cell = LSTMCell(8, 4, seed=0)
        >>> no_f = cell.reconfigured(gates=("i", "o"))
        >>> no_f.gates, bool(tf.reduce_all(no_f.W == cell.W))
        (('i', 'o'), True)
        """
        changes = dict(gates=gates, cell_tanh=cell_tanh, coupled=coupled, peepholes=peepholes, dtype=dtype)
        copy = type(self)(**{**self.config(), **{k: x for k, x in changes.items() if x is not None}})
        H = self.hidden_size
        W = dict(zip(self.blocks, np.split(self.W.numpy(), len(self.blocks), axis=-1)))  # each (I + H, H)
        b = dict(zip(self.blocks, np.split(self.b.numpy(), len(self.blocks))))  # each (H,)
        p = dict(zip(self.peephole_gates, self.p.numpy())) if self.peepholes else {}  # each (H,)
        if "i" not in W:  # coupled: i = 1 - sigmoid(a_f) = sigmoid(-a_f)
            W["i"], b["i"] = -W["f"], -b["f"]
            if p:
                p["i"] = -p["f"]
        as_numpy = copy.dtype.as_numpy_dtype
        copy.W.assign(np.concatenate([W[g] for g in copy.blocks], axis=-1).astype(as_numpy))
        copy.b.assign(np.concatenate([b[g] for g in copy.blocks]).astype(as_numpy))
        if copy.peepholes:
            copy.p.assign(np.stack([p.get(g, np.zeros(H)) for g in copy.peephole_gates]).astype(as_numpy))
        return copy

    def zero_state(self, batch_size: int | tf.Tensor) -> tuple[tf.Tensor, tf.Tensor]:
        """`(h, c)`, both zeros of shape `(batch_size, hidden_size)`."""
        zeros = tf.zeros((batch_size, self.hidden_size), dtype=self.dtype)
        return zeros, zeros

    def activations(self, state: tuple[tf.Tensor, tf.Tensor], x: tf.Tensor) -> Activations:
        """One step, returning every intermediate value as `Activations`.

        This is the only implementation of the step (`__call__` and `step`
        return its `(h, c)`): the standard cell's, written out, and for a
        coupled cell or one with peepholes, `variant_activations`.
        """
        if self.coupled or self.peepholes:  # CIFG or peepholes: see the top of lstm/cell.py
            return self.variant_activations(state, x)
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

    def variant_activations(self, state: tuple[tf.Tensor, tf.Tensor], x: tf.Tensor) -> Activations:
        """The step of any configuration, coupled gates and peepholes included.

        `activations` calls it for a coupled cell or one with peepholes; for
        any other cell it computes exactly what `activations` computes.
        """
        h_prev, c_prev = state
        xh = tf.concat([x, h_prev], axis=-1)  # (B, input_size + H)
        gates = tf.matmul(xh, self.W) + self.b  # (B, 4H), or (B, 3H) coupled
        a = dict(zip(self.blocks, tf.split(gates, len(self.blocks), axis=-1)))  # each (B, H)
        p = dict(zip(self.peephole_gates, tf.unstack(self.p))) if self.peepholes else {}  # each (H,)
        z = tf.tanh(a["z"])
        f = self._gate("f", a, p, c_prev)
        i = 1.0 - f if self.coupled else self._gate("i", a, p, c_prev)
        c = f * c_prev + i * z  # (B, H)
        o = self._gate("o", a, p, c)  # its peephole reads the new c
        h = o * (tf.tanh(c) if self.cell_tanh else c)
        return Activations(z, i, f, o, c, h)

    def _gate(self, name, a, p, c):
        """Gate `name` from its pre-activation `a[name]` (and peephole `p[name] * c`), `(B, H)`."""
        if name not in self.gates:
            return tf.ones_like(a["z"])
        return tf.sigmoid(a[name] + p[name] * c if name in p else a[name])

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


def _flag(name, value):
    if not isinstance(value, bool):
        v.fail(name, "True or False", repr(value))
    return value


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
