"""lstm.analysis.keep_gates: the gate that keeps the state, and its product over rows."""

import numpy as np
import pytest
import tensorflow as tf

import lstm
from lstm.analysis.keep_gates import carried, keep_gate
from lstm.gradients import pad_rows
from lstm.gru import GRUClassifier
from lstm.rnn import RNNClassifier


def test_keep_gate_is_f_for_an_lstm_and_z_for_a_gru():
    x = lstm.load_digits().x_test[:3]
    lstm_model = lstm.RowClassifier(8, 5, 10, seed=0)
    np.testing.assert_array_equal(keep_gate(lstm_model, x), lstm_model.trace(x).f)
    gru = GRUClassifier(8, 5, 10, seed=0)
    z = keep_gate(gru, x)
    assert z.shape == (3, 8, 5)
    h = gru.cell.zero_state(3)
    for t in range(8):  # the same gate as the cell's own step
        a = gru.cell.activations(h, tf.constant(x[:, t, :]))
        np.testing.assert_allclose(z[:, t], a.z.numpy(), rtol=1e-6)
        h = a.h


def test_a_fresh_gru_s_update_gate_is_about_a_half_on_blank_rows():
    x = pad_rows(lstm.load_digits().x_test[:20], 8)
    z = keep_gate(GRUClassifier(8, 16, 10, seed=0), x)[:, 8:]  # its biases start at 0
    assert 0.4 < z.mean() < 0.6


def test_carried_is_the_product_over_the_rows():
    gate = np.full((2, 6, 3), 0.5)
    np.testing.assert_allclose(carried(gate, 2), 0.5 ** 4)
    np.testing.assert_allclose(carried(gate, 0, 3), 0.5 ** 3)
    for start, stop in ((3, 3), (-1, 2), (0, 7), (True, 2)):
        with pytest.raises(ValueError, match=r"argument `start, stop`, expected integers with 0 <= start < stop <= 6"):
            carried(gate, start, stop)


def test_keep_gate_refuses_a_model_without_one():
    with pytest.raises(ValueError, match="argument `model`, expected an lstm.RowClassifier or an lstm.gru.GRUCl"):
        keep_gate(RNNClassifier(8, 4, 10, seed=0), np.zeros((1, 8, 8), np.float32))
