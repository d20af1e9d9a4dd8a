"""`lstm.gru.GRUCell`: equal to `tf.keras.layers.GRU` (reset_after=True), both weight
mappings, gradients against finite differences, and its errors."""

import numpy as np
import pytest

import lstm  # noqa: F401  (before TensorFlow)
import tensorflow as tf

from lstm.gru import GRU_ORDER, GRUCell, from_keras, gru_scan, keras_weights


def _random_cell(I, H, seed, dtype=tf.float32):
    """A cell whose every weight and both bias rows are random."""
    rng = np.random.default_rng(seed)
    cell = GRUCell(I, H, seed=seed, dtype=dtype)
    cell.b.assign(rng.normal(size=(2, 3 * H)))
    return cell


def _keras(cell, x):
    layer = tf.keras.layers.GRU(cell.hidden_size, return_sequences=True, dtype=cell.dtype.name)
    layer(x)  # builds the kernels for this input size
    layer.set_weights(keras_weights(cell))
    return layer


@pytest.mark.parametrize("I, H, B, T", [(8, 50, 4, 8), (3, 1, 1, 5), (5, 17, 2, 12), (1, 2, 3, 1)])
def test_scan_equals_keras_gru(I, H, B, T):
    cell = _random_cell(I, H, seed=I * 100 + H)
    x = np.random.default_rng(H).normal(size=(B, T, I)).astype(np.float32)
    ours, theirs = gru_scan(cell, x).numpy(), _keras(cell, x)(x).numpy()
    assert ours.shape == theirs.shape == (B, T, H)
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-5)


def test_initial_state_equals_keras():
    cell = _random_cell(4, 3, seed=1)
    rng = np.random.default_rng(1)
    x, h0 = rng.normal(size=(2, 6, 4)).astype(np.float32), rng.uniform(-1, 1, (2, 3)).astype(np.float32)
    theirs = _keras(cell, x)(x, initial_state=h0).numpy()
    np.testing.assert_allclose(gru_scan(cell, x, h0).numpy(), theirs, rtol=0, atol=1e-5)


def test_the_reset_gate_acts_after_the_product():
    """With only the recurrent bias of the n block, r multiplies it: h changes with r."""
    cell = GRUCell(1, 1, init="zeros")
    cell.b.assign([[0.0, 0.0, 0.0], [0.0, 0.0, 2.0]])  # z = r = 1/2, gh_n = 2
    h = cell(tf.zeros((1, 1)), tf.zeros((1, 1)))
    np.testing.assert_allclose(h.numpy(), [[0.5 * np.tanh(0.5 * 2.0)]], rtol=1e-6)  # (1 - z) tanh(r gh_n)


def test_from_keras_round_trip():
    layer = tf.keras.layers.GRU(6, return_sequences=True)
    x = np.random.default_rng(0).normal(size=(2, 8, 5)).astype(np.float32)
    expected = layer(x).numpy()
    cell = GRUCell.from_keras(layer)
    assert (cell.input_size, cell.hidden_size, cell.dtype) == (5, 6, tf.float32)
    np.testing.assert_allclose(gru_scan(cell, x).numpy(), expected, rtol=0, atol=1e-5)
    for ours, theirs in zip(keras_weights(cell), layer.get_weights()):
        np.testing.assert_array_equal(ours, theirs)


def test_keras_weights_round_trip_and_float64():
    cell = _random_cell(3, 4, seed=2, dtype=tf.float64)
    x = np.random.default_rng(2).normal(size=(3, 5, 3))
    back = from_keras(_keras(cell, x))
    assert back.dtype == tf.float64
    np.testing.assert_array_equal(back.W.numpy(), cell.W.numpy())
    np.testing.assert_array_equal(back.b.numpy(), cell.b.numpy())
    np.testing.assert_allclose(gru_scan(cell, x).numpy(), _keras(cell, x)(x).numpy(), rtol=0, atol=1e-12)


def test_block_mapping_is_z_r_n_in_both():
    cell = GRUCell(1, 1, init="zeros")
    cell.W.assign([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # x row, h row; columns z, r, n
    cell.b.assign([[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]])
    kernel, recurrent, bias = keras_weights(cell)
    assert GRU_ORDER == ("z", "r", "n")
    assert kernel.tolist() == [[1.0, 2.0, 3.0]] and recurrent.tolist() == [[4.0, 5.0, 6.0]]
    assert bias.tolist() == [[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]]


def test_gradients_match_finite_differences_in_float64():
    """Fourth-order central differences on every entry of W and b, as lstm.checking does for the LSTM."""
    cell = _random_cell(3, 2, seed=4, dtype=tf.float64)
    rng = np.random.default_rng(4)
    x = rng.normal(size=(2, 5, 3))
    r = tf.constant(rng.normal(size=(2, 5, 2)))  # (B, T, H): every step and unit counts

    def objective():
        return float(tf.reduce_sum(gru_scan(cell, x) * r))

    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(gru_scan(cell, x) * r)
    analytic = [g.numpy() for g in tape.gradient(loss, [cell.W, cell.b])]
    eps, worst = 1e-3, 0.0
    for var, grad in zip((cell.W, cell.b), analytic):
        original = var.numpy()
        for k in range(original.size):
            values = {}
            for step in (1, -1, 2, -2):
                shifted = original.copy().reshape(-1)
                shifted[k] += step * eps
                var.assign(shifted.reshape(original.shape))
                values[step] = objective()
            numeric = (8.0 * (values[1] - values[-1]) - (values[2] - values[-2])) / (12.0 * eps)
            exact = float(grad.reshape(-1)[k])
            worst = max(worst, abs(exact - numeric) / max(abs(exact), abs(numeric), 1e-12))
        var.assign(original)
    assert worst < 1e-6


def test_config_builds_the_same_cell():
    cell = GRUCell(3, 2, seed=7)
    again = GRUCell(**cell.config())
    np.testing.assert_array_equal(again.W.numpy(), cell.W.numpy())
    limit = np.sqrt(6.0 / (3 + 4 * 2))
    assert np.all(np.abs(cell.W.numpy()) <= limit) and np.all(cell.b.numpy() == 0.0)


# --------------------------------------------------------------------- bad input

@pytest.mark.parametrize("kwargs, match", [
    (dict(input_size=0, hidden_size=2), "`input_size`, expected a positive integer, got 0"),
    (dict(input_size=2, hidden_size=1.5), "`hidden_size`, expected a positive integer, got 1.5"),
    (dict(input_size=2, hidden_size=2, init="ones"), "`init`, expected one of 'glorot', 'zeros', got 'ones'"),
    (dict(input_size=2, hidden_size=2, dtype=tf.int32), "`dtype`, expected tf.float32 or tf.float64"),
])
def test_bad_constructor_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        GRUCell(**kwargs)


def test_bad_calls():
    cell = GRUCell(3, 2, seed=0)
    with pytest.raises(ValueError, match=r"`x`, expected shape \(batch, 3\), got shape \(1, 4\)"):
        cell(cell.zero_state(1), tf.zeros((1, 4)))
    with pytest.raises(ValueError, match=r"`h_prev`, expected shape \(batch, 2\), got shape \(2,\)"):
        cell(tf.zeros(2), tf.zeros((1, 3)))
    with pytest.raises(ValueError, match=r"`x`, expected an array of shape \(batch, rows, 3\)"):
        gru_scan(cell, np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"`h`, expected a batch of 2 \(as x\), got a batch of 3"):
        gru_scan(cell, np.zeros((2, 4, 3)), np.zeros((3, 2)))
    with pytest.raises(ValueError, match="`cell`, expected an lstm.gru.GRUCell, got LSTMCell"):
        gru_scan(lstm.LSTMCell(3, 2), np.zeros((2, 4, 3)))
    with pytest.raises(ValueError, match="`cell`, expected an lstm.gru.GRUCell, got LSTMCell"):
        keras_weights(lstm.LSTMCell(3, 2))


def test_from_keras_rejects_what_it_cannot_map():
    def built(**kwargs):
        layer = tf.keras.layers.GRU(3, **kwargs)
        layer(np.zeros((1, 2, 2), np.float32))
        return layer
    with pytest.raises(ValueError, match="reset_after=True .*got reset_after=False"):
        from_keras(built(reset_after=False))
    with pytest.raises(ValueError, match="activation='tanh'.*got activation='relu'"):
        from_keras(built(activation="relu"))
    with pytest.raises(ValueError, match="use_bias=True"):
        from_keras(built(use_bias=False))
    with pytest.raises(ValueError, match="a built layer"):
        from_keras(tf.keras.layers.GRU(3))
    with pytest.raises(ValueError, match="a tf.keras.layers.GRU or GRUCell, got LSTM"):
        from_keras(tf.keras.layers.LSTM(3))


def test_docstring_example_runs():
    import doctest

    from lstm import gru

    result = doctest.testmod(gru)
    assert result.attempted > 0 and result.failed == 0


def test_classifier_reads_rows_with_a_gru_and_trains():
    from lstm.gru import GRUClassifier

    model = GRUClassifier(input_size=8, hidden_size=6, num_classes=10, seed=1)
    assert isinstance(model.cell, GRUCell) and model.name == "gru_classifier"
    x = lstm.load_digits().x_test[:4]
    expected = gru_scan(model.cell, x)[:, -1, :].numpy() @ model.W_v.numpy() + model.b_v.numpy()
    np.testing.assert_allclose(model(x).numpy(), expected, rtol=1e-5, atol=1e-6)
    history = lstm.train(model, lstm.load_digits(), epochs=3, batch_size=64, learning_rate=1e-2, progress=False)
    assert history.test_acc[-1] > 0.3  # chance is 0.1
