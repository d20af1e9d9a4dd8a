"""Copies of a cell with the same weights and one thing changed.

- `copy_cell`: the same class and weights, some of the configuration changed
  (`lstm.checking.float64_copy` is `copy_cell(cell, dtype="float64")`);
- `hold_gate_open`: the same weights with one gate held at 1, e.g. a trained
  cell's memory without its forget gate (chapter 6).

The copy computes the same pre-activations as the original, so what changes
in its trace is the effect of the change alone.

Example:

>>> import lstm
>>> from lstm.analysis.surgery import hold_gate_open
>>> hold_gate_open(lstm.LSTMCell(8, 4, seed=0), "f").gates
('i', 'o')
"""

import tensorflow as tf

from .. import _validate as v
from ..cell import GATE_NAMES, LSTMCell


def copy_cell(cell, **config):
    """A new cell of the same class with `cell`'s weights and `config` changed.

    Args:
        cell: an `LSTMCell`; it is left unchanged.
        **config: entries of `cell.config()` to replace (e.g. `dtype="float64"`,
            `gates=("i", "o")`); the weights are cast to the copy's dtype.

    Returns:
        A new `LSTMCell`.
    """
    if not isinstance(cell, LSTMCell):
        v.fail("cell", "an lstm.LSTMCell", type(cell).__name__)
    unknown = sorted(set(config) - set(cell.config()))
    if unknown:
        v.fail("config", "entries of cell.config(): " + ", ".join(cell.config()), repr(unknown))
    copy = type(cell)(**dict(cell.config(), **config))
    copy.W.assign(tf.cast(cell.W, copy.dtype))
    copy.b.assign(tf.cast(cell.b, copy.dtype))
    return copy


def hold_gate_open(cell, gate):
    """A copy of `cell` with the same weights and `gate` held at 1.

    The copy computes the same pre-activations, then ignores the held
    gate's block: with `gate="f"` it is the 1997 LSTM's memory cell,
    `c = c_prev + i * z`, driven by weights that were trained with a forget gate.

    Args:
        cell: an `LSTMCell` that has `gate`.
        gate: `"i"`, `"f"` or `"o"`.

    Returns:
        A new `LSTMCell`.
    """
    if not isinstance(cell, LSTMCell):
        v.fail("cell", "an lstm.LSTMCell", type(cell).__name__)
    v.one_of("gate", gate, GATE_NAMES)
    if gate not in cell.gates:
        v.fail("cell", f"a cell with an `{gate}` gate to hold open", f"a cell with gates {cell.gates}")
    return copy_cell(cell, gates=[g for g in cell.gates if g != gate])
