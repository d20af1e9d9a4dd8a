"""A copy of a cell with the same weights and one gate held open.

`hold_gate_open` is `LSTMCell.reconfigured` (the one method for "the same
weights, another configuration") with a gate left out, checked: e.g. a trained
cell's memory without its forget gate (chapter 6).

The copy computes the same pre-activations as the original, so what changes
in its trace is the effect of the change alone.

Example:

>>> import lstm
>>> from lstm.analysis.surgery import hold_gate_open
>>> hold_gate_open(lstm.LSTMCell(8, 4, seed=0), "f").gates
('i', 'o')
"""


from .. import _validate as v
from ..cell import GATE_NAMES, LSTMCell


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
    return cell.reconfigured(gates=tuple(g for g in cell.gates if g != gate))
