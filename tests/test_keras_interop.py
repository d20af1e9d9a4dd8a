import numpy as np
import pytest
import tensorflow as tf

import lstm


@pytest.mark.parametrize("input_size, hidden_size, batch, rows", [(8, 50, 4, 8), (3, 1, 1, 5), (5, 17, 2, 12)])
def test_scan_equals_keras_lstm(input_size, hidden_size, batch, rows):
    rng = np.random.default_rng(input_size * 100 + hidden_size)
    cell = lstm.LSTMCell(input_size, hidden_size, seed=hidden_size)
    cell.b.assign(rng.normal(size=4 * hidden_size).astype(np.float32))  # every block non-trivial
    x = rng.normal(size=(batch, rows, input_size)).astype(np.float32)
    layer = tf.keras.layers.LSTM(hidden_size, return_sequences=True)
    layer(x)
    layer.set_weights(lstm.keras_weights(cell))
    ours = lstm.scan(cell, x)
    np.testing.assert_allclose(ours.h.numpy(), layer(x).numpy(), atol=1e-5)


def test_from_keras_round_trip():
    layer = tf.keras.layers.LSTM(6, return_sequences=True)
    x = np.random.default_rng(0).normal(size=(2, 8, 8)).astype(np.float32)
    expected = layer(x).numpy()
    cell = lstm.LSTMCell.from_keras(layer)
    assert (cell.input_size, cell.hidden_size) == (8, 6)
    np.testing.assert_allclose(lstm.scan(cell, x).h.numpy(), expected, atol=1e-5)
    for ours, theirs in zip(lstm.keras_weights(cell), layer.get_weights()):
        np.testing.assert_array_equal(ours, theirs)


def test_block_mapping_is_z_i_f_o_to_i_f_c_o():
    cell = lstm.LSTMCell(1, 1, init="zeros", forget_bias=0.0)
    cell.b.assign([10.0, 20.0, 30.0, 40.0])  # z, i, f, o
    _, _, bias = lstm.keras_weights(cell)
    assert bias.tolist() == [20.0, 30.0, 10.0, 40.0]  # Keras: i, f, c, o


def test_cells_keras_cannot_express():
    with pytest.raises(ValueError, match="all three gates learned .*without gate\\(s\\) \\['f'\\]"):
        lstm.keras_weights(lstm.LSTMCell(2, 2, gates=("i", "o")))
    with pytest.raises(ValueError, match="cell_tanh=True"):
        lstm.keras_weights(lstm.LSTMCell(2, 2, cell_tanh=False))
    with pytest.raises(ValueError, match="`cell`, expected an lstm.LSTMCell"):
        lstm.keras_weights("cell")


def test_from_keras_rejects_what_it_cannot_map():
    relu = tf.keras.layers.LSTM(3, activation="relu")
    relu(np.zeros((1, 2, 2), np.float32))
    with pytest.raises(ValueError, match="activation='tanh'.*got activation='relu'"):
        lstm.from_keras(relu)
    with pytest.raises(ValueError, match="a built layer"):
        lstm.from_keras(tf.keras.layers.LSTM(3))
    with pytest.raises(ValueError, match="a tf.keras.layers.LSTM or LSTMCell"):
        lstm.from_keras(tf.keras.layers.Dense(3))
    no_bias = tf.keras.layers.LSTM(3, use_bias=False)
    no_bias(np.zeros((1, 2, 2), np.float32))
    with pytest.raises(ValueError, match="use_bias=True"):
        lstm.from_keras(no_bias)
