"""The gate that keeps the old state, step by step: f for an LSTM, z for a GRU.

An LSTM keeps its memory as `c_t = f_t * c_{t-1} + i_t * z_t`; a GRU keeps its
state as `h_t = z_t * h_{t-1} + (1 - z_t) * n_t`. Along a stretch of rows where
nothing new is written, what survives of the state at the start is the product
of these gates, and the gradient that travels back along the same path is
multiplied by the same product (chapter "Backpropagation through the cell by
hand" for the LSTM). `keep_gate` returns the gate at every row; `carried`
the product over a stretch of rows.
"""

from __future__ import annotations

import numpy as np

from .. import _validate as v
from ..gru import GRUClassifier
from ..model import RowClassifier


def keep_gate(model, images: np.ndarray) -> np.ndarray:
    """The keeping gate of `model` at every row: `f` of an LSTM, `z` of a GRU.

    Args:
        model: an `lstm.RowClassifier` or an `lstm.gru.GRUClassifier`.
        images: `(batch, rows, input_size)`.

    Returns:
        A float array `(batch, rows, hidden_size)`.
    """
    if isinstance(model, RowClassifier):
        return model.trace(images).f  # (B, T, H)
    if isinstance(model, GRUClassifier):
        x = v.array("images", images, rank=3, last=model.input_size, dtype=model.cell.dtype.as_numpy_dtype)
        h = model.cell.zero_state(x.shape[0])  # (B, H)
        gates = []
        for t in range(x.shape[1]):
            a = model.cell.activations(h, x[:, t, :])  # each (B, H)
            gates.append(a.z.numpy())
            h = a.h
        return np.stack(gates, axis=1)  # (B, T, H)
    v.fail("model", "an lstm.RowClassifier or an lstm.gru.GRUClassifier (a model with a gate that keeps "
           "its state)", type(model).__name__)


def carried(gate: np.ndarray, start: int, stop: int | None = None) -> np.ndarray:
    """The product of `gate` over the rows `start` to `stop - 1`: what survives of the
    state at row `start - 1`, cell by cell, if nothing new were written.

    Args:
        gate: `(batch, rows, hidden_size)`, from `keep_gate`.
        start, stop: the stretch of rows (0-based, `stop` excluded; `None`: to the end).

    Returns:
        `(batch, hidden_size)`.
    """
    gate = v.array("gate", gate, rank=3, dtype=np.float64)
    rows = gate.shape[1]
    stop = rows if stop is None else stop
    if isinstance(start, bool) or not isinstance(start, (int, np.integer)) or \
            isinstance(stop, bool) or not isinstance(stop, (int, np.integer)) or not 0 <= start < stop <= rows:
        v.fail("start, stop", f"integers with 0 <= start < stop <= {rows}", (start, stop))
    return np.prod(gate[:, start:stop, :], axis=1)  # (B, H)
