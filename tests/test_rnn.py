"""The plain RNN baseline: `lstm.rnn.RNNCell` and `RNNClassifier`."""

import dataclasses

import lstm  # before TensorFlow: it quiets its start-up lines

import numpy as np
import pytest
import tensorflow as tf

from lstm.rnn import RNNCell, RNNClassifier, rnn_scan


def numpy_step(W, b, h, x):
    return np.tanh(np.concatenate([x, h], axis=-1) @ W + b)


def test_cell_shapes_and_glorot_limit():
    cell = RNNCell(8, 5, seed=0)
    assert tuple(cell.W.shape) == (13, 5) and tuple(cell.b.shape) == (5,)
    limit = np.sqrt(6.0 / (13 + 5))
    W = cell.W.numpy()
    assert np.abs(W).max() <= limit and np.abs(W).max() > 0.8 * limit
    np.testing.assert_array_equal(cell.b.numpy(), 0.0)
    np.testing.assert_array_equal(RNNCell(8, 5, seed=0).W.numpy(), W)  # seeded
    assert not np.array_equal(RNNCell(8, 5, seed=1).W.numpy(), W)


def test_zeros_init_gives_zero_output():
    cell = RNNCell(3, 4, init="zeros")
    h = cell(cell.zero_state(2), tf.ones((2, 3)))
    np.testing.assert_array_equal(h.numpy(), 0.0)


def test_step_matches_numpy():
    cell = RNNCell(3, 4, seed=1, dtype=tf.float64)
    cell.b.assign(np.linspace(-0.5, 0.5, 4))
    rng = np.random.default_rng(0)
    x, h = rng.normal(size=(2, 3)), rng.normal(size=(2, 4))
    np.testing.assert_allclose(cell(h, x).numpy(), numpy_step(cell.W.numpy(), cell.b.numpy(), h, x),
                               rtol=1e-12)


def test_scan_and_classifier_match_a_numpy_loop():
    model = RNNClassifier(input_size=4, hidden_size=6, num_classes=3, seed=2, dtype=tf.float64)
    images = np.random.default_rng(1).uniform(size=(5, 7, 4))
    W, b = model.cell.W.numpy(), model.cell.b.numpy()
    h = np.zeros((5, 6))
    hs = []
    for t in range(7):
        h = numpy_step(W, b, h, images[:, t])
        hs.append(h)
    np.testing.assert_allclose(rnn_scan(model.cell, images).numpy(), np.stack(hs, axis=1), rtol=1e-12)
    expected = h @ model.W_v.numpy() + model.b_v.numpy()
    np.testing.assert_allclose(model(images).numpy(), expected, rtol=1e-12)
    np.testing.assert_array_equal(model.predict(images), expected.argmax(axis=1))
    assert len(model.trainable_variables) == 4
    np.testing.assert_array_equal(model.b_v.numpy(), 0.0)
    assert np.abs(model.W_v.numpy()).max() <= np.sqrt(6.0 / (6 + 3))


def test_train_learns_and_is_deterministic():
    full = lstm.load_digits()
    data = dataclasses.replace(full, x_train=full.x_train[:500], y_train=full.y_train[:500])
    runs = []
    for _ in range(2):
        model = RNNClassifier(hidden_size=16, seed=0)
        runs.append(lstm.train(model, data, epochs=3, batch_size=32, learning_rate=3e-3,
                               progress=False))
    assert runs[0].loss == runs[1].loss
    assert runs[0].test_acc[-1] > 0.3  # chance is 0.1; 0.42 measured
    assert runs[0].test_acc[-1] > runs[0].test_acc[0] + 0.15
    assert runs[0].loss[-1] < runs[0].loss[0]


@pytest.mark.parametrize("kwargs, match", [
    (dict(input_size=0, hidden_size=4), "argument `input_size`, expected a positive integer"),
    (dict(input_size=8, hidden_size=2.5), "argument `hidden_size`, expected a positive integer"),
    (dict(input_size=8, hidden_size=4, init="he"), "argument `init`, expected one of 'glorot', 'zeros'"),
    (dict(input_size=8, hidden_size=4, dtype=tf.int32), "argument `dtype`, expected tf.float32 or tf.float64"),
    (dict(input_size=8, hidden_size=4, recurrent_scale=0), "argument `recurrent_scale`, expected a positive"),
    (dict(input_size=8, hidden_size=4, recurrent_scale=float("nan")), "argument `recurrent_scale`, expected"),
])
def test_cell_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        RNNCell(**kwargs)


def test_cell_bad_call_shapes():
    cell = RNNCell(8, 4, seed=0)
    with pytest.raises(ValueError, match=r"argument `x`, expected shape \(batch, 8\), got '?shape \(2, 7\)"):
        cell(cell.zero_state(2), tf.ones((2, 7)))
    with pytest.raises(ValueError, match=r"argument `h_prev`, expected shape \(batch, 4\)"):
        cell(tf.zeros((2, 5)), tf.ones((2, 8)))


def test_classifier_bad_arguments():
    with pytest.raises(ValueError, match="argument `num_classes`, expected a positive integer"):
        RNNClassifier(num_classes=0)
    model = RNNClassifier(hidden_size=4, seed=0)
    with pytest.raises(ValueError, match=r"argument `images`, expected a last axis of size 8"):
        model(np.zeros((2, 8, 7), np.float32))
    with pytest.raises(ValueError, match="argument `images`, expected finite values"):
        model(np.full((1, 8, 8), np.nan, np.float32))


def test_recurrent_scale_multiplies_only_the_rows_that_read_h():
    plain, scaled = RNNCell(8, 5, seed=3), RNNCell(8, 5, seed=3, recurrent_scale=3.0)
    np.testing.assert_array_equal(scaled.W.numpy()[:8], plain.W.numpy()[:8])  # the rows that read x
    np.testing.assert_allclose(scaled.W.numpy()[8:], 3.0 * plain.W.numpy()[8:], rtol=1e-6)
    assert scaled.config()["recurrent_scale"] == 3.0 and RNNCell(**scaled.config()).W.numpy().tolist() \
        == scaled.W.numpy().tolist()


def test_a_scaled_rnn_s_gradient_grows_back_through_a_pause():
    from lstm.gradients import pad_rows, row_gradient_norms

    data = lstm.load_digits()
    x, y = pad_rows(data.x_test[:50], 56), data.y_test[:50]
    ratio = {}
    for scale in (1.0, 3.0):
        norms = row_gradient_norms(RNNClassifier(8, 32, 10, seed=0, recurrent_scale=scale), x, y, wrt="h")
        ratio[scale] = norms[0] / norms[-1]  # the first row's gradient over the last row's
    assert ratio[1.0] < 1e-2 and ratio[3.0] > 1e2  # vanishes with Glorot; explodes with × 3


def test_readout_every_scores_each_row_and_config_round_trips():
    model = RNNClassifier(input_size=4, hidden_size=6, num_classes=3, readout="every", seed=2)
    x = np.random.default_rng(0).normal(size=(2, 5, 4)).astype(np.float32)
    logits = model(x).numpy()
    assert logits.shape == (2, 5, 3)
    last = RNNClassifier(input_size=4, hidden_size=6, num_classes=3, seed=2)
    np.testing.assert_allclose(logits[:, -1], last(x).numpy(), rtol=1e-6)  # same weights, same last row
    config = model.config()
    assert config["readout"] == "every" and config["cell"]["recurrent_scale"] == 1.0
    cell = config.pop("cell")
    again = RNNClassifier(**config, **cell)
    np.testing.assert_array_equal(again(x).numpy(), logits)
    with pytest.raises(ValueError, match="argument `readout`, expected one of 'last', 'every', got 'first'"):
        RNNClassifier(readout="first")
