"""The LSTM's backward pass written by hand, in NumPy: backpropagation through time.

`forward` runs the cell of `lstm/cell.py` over a sequence, with the same
`W`, `b`, block layout (z, i, f, o over `concat([x, h])`) and options
(`gates=`, `cell_tanh`), and keeps what the way back needs. `backward`
walks back through the steps and returns the loss's gradients with respect
to the inputs, the weights and the initial state, given its gradient with
respect to every output `h_t`. `step_backward` is one step of that walk.
`cell_path_split` measures how much of the gradient that reaches each
`c_t` travelled along the memory cell alone.

Everything is computed in float64 (inputs may be float32, float64 or
integer arrays, or TensorFlow tensors and variables). The tests compare
every gradient with `tf.GradientTape` on `lstm.LSTMCell`.

One step forward, with `a = concat([x, h_prev]) W + b` split into the
blocks `a_z, a_i, a_f, a_o`, each `(batch, hidden)`::

    z = tanh(a_z)    i = σ(a_i)    f = σ(a_f)    o = σ(a_o)   (a gate left out is 1)
    c = f ⊙ c_prev + i ⊙ z
    h = o ⊙ g(c)     g = tanh (cell_tanh=True) or the identity (cell_tanh=False)

One step back. `δv` is the gradient of the loss with respect to `v`; the
step receives `δh` (everything that reaches `h_t`) and `δc` (what reaches
`c_t` from the later steps, through `c_{t+1} = f_{t+1} ⊙ c_t + ...`)::

    δc       ← δc + δh ⊙ o ⊙ g'(c)      g'(c) = 1 - tanh²(c), or 1
    δo       = δh ⊙ g(c)
    δi       = δc ⊙ z      δf = δc ⊙ c_prev      δz = δc ⊙ i
    δc_prev  = δc ⊙ f                   the memory cell: multiplied by f only
    δa_z     = δz ⊙ (1 - z²)            δa_g = δg ⊙ g ⊙ (1 - g) for a learned gate g
    δW = concat([x, h_prev])ᵀ δa        δb = Σ over the batch of δa
    [δx, δh_prev] = δa Wᵀ

Example:

>>> import numpy as np
>>> from lstm import bptt
>>> rng = np.random.default_rng(0)
>>> x, W, b = rng.normal(size=(2, 5, 3)), rng.normal(size=(3 + 4, 16)), np.zeros(16)
>>> hs, cs, cache = bptt.forward(x, W, b)
>>> grads = bptt.backward(np.ones_like(hs), cache)  # the loss is sum(hs)
>>> grads["dW"].shape, grads["dh0"].shape
((7, 16), (2, 4))
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import _validate as v
from .cell import GATE_NAMES, LSTMCell, _gate_tuple


class StepCache(NamedTuple):
    """What one forward step keeps for its way back; every array `(batch, hidden)`
    unless said otherwise."""

    x: np.ndarray        # (B, I)   the input of the step
    h_prev: np.ndarray   # (B, H)
    c_prev: np.ndarray   # (B, H)
    z: np.ndarray        # (B, H)   after its tanh
    i: np.ndarray        # (B, H)   after its sigmoid; exactly 1 for a gate left out
    f: np.ndarray        # (B, H)
    o: np.ndarray        # (B, H)
    c: np.ndarray        # (B, H)   the new cell state
    W: np.ndarray        # (I + H, 4H)
    gates: tuple         # the learned gates, a subset of ("i", "f", "o")
    cell_tanh: bool


class Cache(NamedTuple):
    """What `forward` keeps: one `StepCache` per time step, in order."""

    steps: tuple
    input_size: int
    hidden_size: int


class CellPathSplit(NamedTuple):
    """The gradient reaching each cell state, split by the path it took.

    Every field is `(batch, rows, hidden_size)`; entry `t` belongs to `c_t`,
    the cell state after step `t` (`cs[:, t]` of `forward`).
    """

    total: np.ndarray      # δc_t along every path
    cell_path: np.ndarray  # along the memory cell only (products of f), leaving at some h_u, u >= t
    h_path: np.ndarray     # total - cell_path: paths that pass through a later step's gates via h


def from_cell(cell):
    """The arguments of `forward` that describe `cell`: `{W, b, gates, cell_tanh}` as NumPy.

    `hs, cs, cache = forward(x, **from_cell(model.cell))` runs the cell of a
    trained model by hand. This module writes the standard cell and its
    ablations only: a coupled cell or one with peepholes raises `ValueError`,
    where passing its `W` and `b` by hand would either fail on their shape
    (coupled: three blocks) or silently leave the peepholes out.
    """
    if not isinstance(cell, LSTMCell):
        v.fail("cell", "an lstm.LSTMCell", type(cell).__name__)
    if cell.coupled or cell.peepholes:
        v.fail("cell", "a cell without coupled gates or peepholes (lstm.bptt writes the standard cell)",
               f"a cell with coupled={cell.coupled}, peepholes={cell.peepholes}")
    return dict(W=cell.W.numpy(), b=cell.b.numpy(), gates=tuple(cell.gates), cell_tanh=cell.cell_tanh)


def forward(x, W, b, h0=None, c0=None, *, gates=GATE_NAMES, cell_tanh=True):
    """Run the LSTM over a sequence, keeping what `backward` needs.

    Args:
        x: `(batch, rows, input_size)`; row `t` is time step `t`.
        W: `(input_size + hidden_size, 4 * hidden_size)`, laid out as
            `LSTMCell.W` (blocks z, i, f, o over `concat([x, h])`).
        b: `(4 * hidden_size,)`, laid out as `LSTMCell.b`.
        h0, c0: the initial state, each `(batch, hidden_size)`; zeros when `None`.
        gates: the learned gates, a subset of `("i", "f", "o")`; a gate left
            out is held at exactly 1, as in `LSTMCell(gates=...)`.
        cell_tanh: `h = o * tanh(c)` when `True`, `h = o * c` when `False`.

    Returns:
        `(hs, cs, cache)`: every `h_t` and `c_t`, each a float64 array
        `(batch, rows, hidden_size)`, and the `Cache` for `backward`.

    Raises:
        ValueError: for an array of the wrong shape, non-finite or
            non-numeric values, an unknown gate name, or a `cell_tanh`
            that is not a bool.
    """
    x = _real("x", x, rank=3, words="(batch, rows, input_size)")  # (B, T, I)
    B, T, I = x.shape
    W = _real("W", W, rank=2, words="(input_size + hidden_size, 4 * hidden_size)")  # (I + H, 4H)
    if W.shape[1] % 4 or W.shape[0] != I + W.shape[1] // 4:
        v.fail("W", f"shape (input_size + hidden_size, 4 * hidden_size) with input_size {I} "
               f"(from x), that is ({I} + H, 4H)", f"an array of shape {W.shape}")
    H = W.shape[1] // 4
    b = _real("b", b, shape=(4 * H,), words=f"(4 * hidden_size,) = ({4 * H},)")  # (4H,)
    h = _state("h0", h0, B, H)  # (B, H)
    c = _state("c0", c0, B, H)  # (B, H)
    gates = _gate_tuple(gates)
    if not isinstance(cell_tanh, bool):
        v.fail("cell_tanh", "True or False", repr(cell_tanh))

    steps = []
    for t in range(T):
        step = _step_forward(x[:, t], h, c, W, b, gates, cell_tanh)
        h, c = _output(step), step.c  # (B, H), (B, H)
        steps.append(step)
    hs = np.stack([_output(s) for s in steps], axis=1)  # (B, T, H)
    cs = np.stack([s.c for s in steps], axis=1)  # (B, T, H)
    return hs, cs, Cache(tuple(steps), I, H)


def backward(dhs, cache, dc_last=None):
    """Backpropagation through time: the gradients of a loss, given δh_t for every t.

    Args:
        dhs: `(batch, rows, hidden_size)`: the loss's gradient with respect to
            each output `h_t`, as the loss itself sees it (for a classifier of
            the last row, zeros except at the last row).
        cache: the `Cache` returned by `forward`.
        dc_last: the loss's gradient with respect to the last cell state,
            `(batch, hidden_size)`; zeros when `None`.

    Returns:
        A dict of float64 arrays: `dx` `(batch, rows, input_size)`, `dW`
        `(input_size + hidden_size, 4 * hidden_size)`, `db`
        `(4 * hidden_size,)`, `dh0` and `dc0` `(batch, hidden_size)`.
    """
    _check_cache(cache)
    B, T, I, H = _sizes(cache)
    dhs = _real("dhs", dhs, shape=(B, T, H), words=f"(batch, rows, hidden_size) = {(B, T, H)}")
    dc = _state("dc_last", dc_last, B, H)  # (B, H)  δc_{T-1}
    dh_next = np.zeros((B, H))  # (B, H)  what h_t receives through the gates of step t + 1
    dx = np.zeros((B, T, I))  # (B, T, I)
    dW = np.zeros_like(cache.steps[0].W)  # (I + H, 4H)  the weights are shared: sum over steps
    db = np.zeros(4 * H)  # (4H,)
    for t in reversed(range(T)):
        dh = dhs[:, t] + dh_next  # (B, H)  every path into h_t
        dx[:, t], dh_next, dc, dW_t, db_t = _step_backward(dh, dc, cache.steps[t])
        dW += dW_t  # (I + H, 4H)
        db += db_t  # (4H,)
    return {"dx": dx, "dW": dW, "db": db, "dh0": dh_next, "dc0": dc}


def step_backward(dh, dc, step):
    """One step back through the cell.

    Args:
        dh: `(batch, hidden_size)`: the loss's gradient with respect to this
            step's output `h_t`, along every path (the loss at `t` and the
            later steps).
        dc: `(batch, hidden_size)`: the gradient that reaches `c_t` from the
            later steps (zeros at the last step, unless the loss reads `c`).
        step: the `StepCache` of the step, `cache.steps[t]` from `forward`.

    Returns:
        `(dx, dh_prev, dc_prev, dW, db)`, float64, of shapes
        `(batch, input_size)`, `(batch, hidden_size)` twice,
        `(input_size + hidden_size, 4 * hidden_size)` and `(4 * hidden_size,)`:
        `dW` and `db` are this step's share of the weights' gradient.
    """
    if not isinstance(step, StepCache):
        v.fail("step", "a StepCache (an entry of cache.steps from lstm.bptt.forward)",
               type(step).__name__)
    B, H = step.c.shape
    dh = _real("dh", dh, shape=(B, H), words=f"(batch, hidden_size) = {(B, H)}")
    dc = _real("dc", dc, shape=(B, H), words=f"(batch, hidden_size) = {(B, H)}")
    return _step_backward(dh, dc, step)


def cell_path_split(dhs, cache, dc_last=None):
    """Split the gradient reaching each cell state `c_t` by the path it travelled.

    The loss's gradient with respect to `c_t` (`total`) is a sum over every
    path from `c_t` to the loss. `cell_path` is the part carried by the
    paths that stay on the memory cell, `c_t → c_{t+1} → ... → c_u`, each
    step multiplying by the forget gate, and leave it only into the loss's
    own `h_u` (or `c` of the last step, through `dc_last`)::

        cell_path_t = f_{t+1} ⊙ cell_path_{t+1} + dhs_t ⊙ o_t ⊙ g'(c_t)

    `h_path = total - cell_path` is the rest: the paths that leave the cell
    into some `h_u` and come back through the gates and `z` of step `u + 1`.
    With the recurrent rows of `W` at zero, `h_path` is 0 (up to round-off). The same
    split is what `tf.GradientTape` gives for `c_t` when the `h` handed from
    each step to the next is wrapped in `tf.stop_gradient` (a test checks it).

    Args:
        dhs: `(batch, rows, hidden_size)`, as for `backward`.
        cache: the `Cache` returned by `forward`.
        dc_last: as for `backward`.

    Returns:
        A `CellPathSplit` of three float64 arrays `(batch, rows, hidden_size)`.
    """
    _check_cache(cache)
    B, T, _, H = _sizes(cache)
    dhs = _real("dhs", dhs, shape=(B, T, H), words=f"(batch, rows, hidden_size) = {(B, T, H)}")
    dc = _state("dc_last", dc_last, B, H)  # (B, H)  every path into c_t, from the later steps
    carried = dc.copy()  # (B, H)  the same, along the memory cell only
    dh_next = np.zeros((B, H))  # (B, H)
    total, along = np.zeros((B, T, H)), np.zeros((B, T, H))  # each (B, T, H)
    for t in reversed(range(T)):
        step = cache.steps[t]
        into_c = step.o * _slope(step)  # (B, H)  ∂h_t/∂c_t
        total[:, t] = dc + (dhs[:, t] + dh_next) * into_c  # (B, H)  δc_t
        along[:, t] = carried + dhs[:, t] * into_c  # (B, H)
        carried = along[:, t] * step.f  # (B, H)  on to c_{t-1}, through f_t
        _, dh_next, dc, _, _ = _step_backward(dhs[:, t] + dh_next, dc, step)
    return CellPathSplit(total, along, total - along)


# ------------------------------------------------------------------ the two steps

def _step_forward(x, h_prev, c_prev, W, b, gates, cell_tanh):
    xh = np.concatenate([x, h_prev], axis=1)  # (B, I + H)
    a_z, a_i, a_f, a_o = np.split(xh @ W + b, 4, axis=1)  # each (B, H)
    z = np.tanh(a_z)  # (B, H)
    i = _sigmoid(a_i) if "i" in gates else np.ones_like(a_i)  # (B, H)
    f = _sigmoid(a_f) if "f" in gates else np.ones_like(a_f)  # (B, H)
    o = _sigmoid(a_o) if "o" in gates else np.ones_like(a_o)  # (B, H)
    c = f * c_prev + i * z  # (B, H)
    return StepCache(x, h_prev, c_prev, z, i, f, o, c, W, gates, cell_tanh)


def _step_backward(dh, dc, s):
    # h = o ⊙ g(c): the gradient into c adds the path through h to the one from the later steps.
    dc = dc + dh * s.o * _slope(s)  # (B, H)  δc_t = δc_t(later) + δh ⊙ o ⊙ g'(c)
    do = dh * (np.tanh(s.c) if s.cell_tanh else s.c)  # (B, H)  δo = δh ⊙ g(c)
    # c = f ⊙ c_prev + i ⊙ z
    di = dc * s.z  # (B, H)  δi = δc ⊙ z
    df = dc * s.c_prev  # (B, H)  δf = δc ⊙ c_prev
    dz = dc * s.i  # (B, H)  δz = δc ⊙ i
    dc_prev = dc * s.f  # (B, H)  δc_{t-1} = δc_t ⊙ f_t
    # Through the activations to the pre-activations a = concat([x, h_prev]) W + b.
    da_z = dz * (1.0 - s.z ** 2)  # (B, H)  tanh'(a_z) = 1 - z²
    da_i = _through_gate(di, s.i, "i" in s.gates)  # (B, H)  σ'(a) = σ(a)(1 - σ(a))
    da_f = _through_gate(df, s.f, "f" in s.gates)  # (B, H)
    da_o = _through_gate(do, s.o, "o" in s.gates)  # (B, H)
    da = np.concatenate([da_z, da_i, da_f, da_o], axis=1)  # (B, 4H)  blocks z, i, f, o
    xh = np.concatenate([s.x, s.h_prev], axis=1)  # (B, I + H)
    dW = xh.T @ da  # (I + H, 4H)
    db = da.sum(axis=0)  # (4H,)
    dxh = da @ s.W.T  # (B, I + H)
    I = s.x.shape[1]
    return dxh[:, :I], dxh[:, I:], dc_prev, dW, db  # (B, I), (B, H), (B, H), (I + H, 4H), (4H,)


def _through_gate(d, gate, learned):
    """δa for a sigmoid gate: δgate ⊙ gate ⊙ (1 - gate); 0 for a gate held at 1."""
    return d * gate * (1.0 - gate) if learned else np.zeros_like(d)  # (B, H)


def _slope(s):
    """g'(c): `1 - tanh(c)²`, or 1 without the cell's tanh."""
    return 1.0 - np.tanh(s.c) ** 2 if s.cell_tanh else np.ones_like(s.c)  # (B, H)


def _output(s):
    return s.o * (np.tanh(s.c) if s.cell_tanh else s.c)  # (B, H)


def _sigmoid(a):
    return 0.5 * (1.0 + np.tanh(0.5 * a))  # σ(a), without overflow for large |a|


# ------------------------------------------------------------------ input checks

def _real(name, value, *, rank=None, shape=None, words):
    """`value` as a finite float64 array of the given rank or shape, or the package's ValueError."""
    try:
        raw = np.asarray(value)
    except Exception:
        v.fail(name, f"an array of real numbers of shape {words}", type(value).__name__)
    if raw.dtype == bool or raw.dtype.kind not in "fiu":
        v.fail(name, f"an array of real numbers (float or integer) of shape {words}",
               f"an array of dtype {raw.dtype}")
    arr = raw.astype(np.float64)
    if (rank is not None and arr.ndim != rank) or (shape is not None and arr.shape != shape):
        v.fail(name, f"an array of shape {words}", f"an array of shape {arr.shape}")
    if 0 in arr.shape:
        v.fail(name, "a non-empty array", f"an array of shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        v.fail(name, "finite values (no NaN or inf)",
               f"{int(arr.size - np.count_nonzero(np.isfinite(arr)))} non-finite value(s)")
    return arr


def _state(name, value, B, H):
    if value is None:
        return np.zeros((B, H))  # (B, H)
    return _real(name, value, shape=(B, H), words=f"(batch, hidden_size) = {(B, H)}")


def _check_cache(cache):
    if not isinstance(cache, Cache):
        v.fail("cache", "the Cache returned by lstm.bptt.forward", type(cache).__name__)


def _sizes(cache):
    B = cache.steps[0].c.shape[0]
    return B, len(cache.steps), cache.input_size, cache.hidden_size
