"""Map weights between `LSTMCell` and `tf.keras.layers.LSTM`.

Our cell (see the layout at the top of `cell.py`) keeps one fused `W` over
`concat([x, h])` with blocks z, i, f, o. Keras keeps `kernel`
`(input_size, 4H)` for `x`, `recurrent_kernel` `(H, 4H)` for `h` and `bias`
`(4H,)`, with blocks i, f, c, o (its c is our z). So Keras block `k` is our
block `KERAS_TO_OURS[k]`.
"""

from __future__ import annotations

import numpy as np
import tensorflow as tf

from . import _validate as v
from .cell import GATE_NAMES, GATE_ORDER, LSTMCell

KERAS_ORDER = ("i", "f", "z", "o")
"""Keras's block order, in our names (Keras calls z `c`)."""

KERAS_TO_OURS = tuple(GATE_ORDER.index(g) for g in KERAS_ORDER)  # (1, 2, 0, 3)
OURS_TO_KERAS = tuple(KERAS_ORDER.index(g) for g in GATE_ORDER)  # (2, 0, 1, 3)


def _reorder(a, order, hidden_size):
    """Permute the four `hidden_size` blocks of the last axis of `a`."""
    blocks = np.split(np.asarray(a), 4, axis=-1)
    return np.concatenate([blocks[k] for k in order], axis=-1)


def keras_weights(cell: LSTMCell) -> list[np.ndarray]:
    """`[kernel, recurrent_kernel, bias]` for `tf.keras.layers.LSTM`.

    Args:
        cell: an `LSTMCell` with every gate learned, `cell_tanh=True`, and
            neither `coupled` nor `peepholes`.

    Returns:
        NumPy arrays of shapes `(input_size, 4H)`, `(H, 4H)`, `(4H,)` in
        Keras's block order i, f, c, o; pass them to `layer.set_weights`.

    Raises:
        ValueError: for a cell Keras's LSTM cannot express.
    """
    if not isinstance(cell, LSTMCell):
        v.fail("cell", "an lstm.LSTMCell", type(cell).__name__)
    if cell.gates != GATE_NAMES:
        missing = [g for g in GATE_NAMES if g not in cell.gates]
        v.fail("cell", "a cell with all three gates learned (Keras's LSTM has no way to hold "
               "a gate at 1)", f"a cell without gate(s) {missing}")
    if not cell.cell_tanh:
        v.fail("cell", "a cell with cell_tanh=True (Keras always applies tanh to c before the "
               "output gate)", "a cell with cell_tanh=False")
    if cell.coupled:
        v.fail("cell", "a cell with coupled=False (Keras's LSTM learns the input gate apart from "
               "the forget gate)", "a cell with coupled=True")
    if cell.peepholes:
        v.fail("cell", "a cell with peepholes=False (Keras's LSTM has no peephole weights)",
               "a cell with peepholes=True")
    W, b, n = cell.W.numpy(), cell.b.numpy(), cell.input_size
    H = cell.hidden_size
    return [_reorder(W[:n], KERAS_TO_OURS, H),   # (input_size, 4H)
            _reorder(W[n:], KERAS_TO_OURS, H),   # (H, 4H)
            _reorder(b, KERAS_TO_OURS, H)]       # (4H,)


def keras_cell(layer, cell_class, expected: str):
    """The cell of a built Keras recurrent layer (or the cell itself) that this package can copy.

    Args:
        layer: a Keras RNN layer or its cell.
        cell_class: the Keras cell class it must hold (`tf.keras.layers.LSTMCell`, `GRUCell`).
        expected: what to name in the error when it does not (e.g. "a tf.keras.layers.LSTM or LSTMCell").

    Returns:
        The cell, built, with tanh and sigmoid activations and a bias; anything else
        raises `ValueError` naming `layer`.
    """
    cell = getattr(layer, "cell", layer)
    if not isinstance(cell, cell_class):
        v.fail("layer", expected, type(layer).__name__)
    if not cell.built:
        v.fail("layer", "a built layer (call it once or call build())", "an unbuilt layer")
    if cell.activation is not tf.keras.activations.tanh or \
            cell.recurrent_activation is not tf.keras.activations.sigmoid:
        v.fail("layer", "activation='tanh' and recurrent_activation='sigmoid'",
               f"activation={cell.activation.__name__!r}, "
               f"recurrent_activation={cell.recurrent_activation.__name__!r}")
    if not cell.use_bias:
        v.fail("layer", "use_bias=True", "use_bias=False")
    return cell


def from_keras(layer: tf.keras.layers.Layer) -> LSTMCell:
    """Build an `LSTMCell` holding the weights of a built Keras LSTM.

    Args:
        layer: a built `tf.keras.layers.LSTM` or `tf.keras.layers.LSTMCell`
            with the default activations (tanh, sigmoid) and a bias.

    Returns:
        An `LSTMCell` with the same sizes and weights (float32 or float64 as
        the layer).
    """
    cell = keras_cell(layer, tf.keras.layers.LSTMCell, "a tf.keras.layers.LSTM or LSTMCell")
    kernel, recurrent, bias = (np.asarray(w) for w in (cell.kernel, cell.recurrent_kernel, cell.bias))
    H = cell.units
    ours = LSTMCell(kernel.shape[0], H, init="zeros", forget_bias=0.0, dtype=cell.kernel.dtype)
    ours.W.assign(np.concatenate([_reorder(kernel, OURS_TO_KERAS, H),
                                  _reorder(recurrent, OURS_TO_KERAS, H)], axis=0))
    ours.b.assign(_reorder(bias, OURS_TO_KERAS, H))
    return ours
