"""lstm.analysis.surgery: copies of a cell with the same weights and one thing changed."""

import numpy as np
import pytest
import tensorflow as tf

import lstm
from lstm.analysis import surgery
from lstm.checking import float64_copy


@pytest.fixture(scope="module")
def model():
    m = lstm.RowClassifier(hidden_size=6, seed=0)
    m.cell.b.assign(np.random.default_rng(0).normal(size=24).astype(np.float32))
    return m


@pytest.fixture(scope="module")
def images():
    return np.random.default_rng(1).uniform(size=(4, 8, 8)).astype(np.float32)


def test_hold_gate_open_keeps_the_weights_and_holds_the_gate(model, images):
    held = surgery.hold_gate_open(model.cell, "f")
    assert held.gates == ("i", "o") and model.cell.gates == ("i", "f", "o")
    np.testing.assert_array_equal(held.W.numpy(), model.cell.W.numpy())
    a, b = lstm.scan(held, images[:2]), lstm.scan(model.cell, images[:2])
    np.testing.assert_array_equal(a.f.numpy(), 1.0)
    np.testing.assert_allclose(a.i.numpy()[:, 0], b.i.numpy()[:, 0])  # same first step
    np.testing.assert_allclose(a.c.numpy()[:, 1], a.c.numpy()[:, 0] + (a.i * a.z).numpy()[:, 1], rtol=1e-5)
    np.testing.assert_array_equal(surgery.hold_gate_open(model.cell, "o").gates, ("i", "f"))


def test_hold_gate_open_rejects_bad_arguments(model):
    with pytest.raises(ValueError, match="`gate`, expected one of 'i', 'f', 'o', got 'z'"):
        surgery.hold_gate_open(model.cell, "z")
    with pytest.raises(ValueError, match="`cell`, expected an lstm.LSTMCell"):
        surgery.hold_gate_open(model, "f")
    without_f = lstm.LSTMCell(8, 2, gates=("i", "o"))
    with pytest.raises(ValueError, match="`cell`, expected a cell with an `f` gate to hold open, got a cell "
                                         "with gates \\('i', 'o'\\)"):
        surgery.hold_gate_open(without_f, "f")


def test_float64_copy_is_the_cell_reconfigured_in_float64(model, images):
    copy = float64_copy(model.cell)
    assert copy.dtype == tf.float64 and copy.config() == {**model.cell.config(), "dtype": "float64"}
    np.testing.assert_array_equal(copy.W.numpy(), model.cell.W.numpy().astype(np.float64))
    np.testing.assert_allclose(lstm.scan(copy, images.astype(np.float64)).h.numpy(),
                               lstm.scan(model.cell, images).h.numpy(), atol=1e-6)
