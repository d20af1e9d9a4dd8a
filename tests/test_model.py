import numpy as np
import pytest
import tensorflow as tf

import lstm


@pytest.fixture(scope="module")
def model():
    return lstm.RowClassifier(seed=0)


@pytest.fixture(scope="module")
def images():
    return lstm.load_digits().x_test[:5]


def test_logits_shape(model, images):
    logits = model(images)
    assert tuple(logits.shape) == (5, 10) and logits.dtype == tf.float32
    assert model.predict(images).shape == (5,)


def test_last_row_of_the_trace_is_the_prediction(model, images):
    t = model.trace(images)
    for name in "zifoch":
        assert getattr(t, name).shape == (5, 8, 50), name
    assert t.probs.shape == (5, 8, 10)
    np.testing.assert_allclose(t.probs.sum(-1), 1.0, atol=1e-5)
    np.testing.assert_allclose(t.probs[:, -1], tf.nn.softmax(model(images)).numpy(), atol=1e-6)
    assert np.all(np.abs(t.z) < 1) and np.all((t.f > 0) & (t.f < 1))


def test_trace_of_one_image_has_no_batch_axis(model, images):
    one, many = model.trace(images[2]), model.trace(images)
    assert one.c.shape == (8, 50) and one.probs.shape == (8, 10)
    np.testing.assert_allclose(one.h, many.h[2], atol=1e-6)


def test_scan_equals_stepping_by_hand(model, images):
    a = lstm.scan(model.cell, images)
    h, c = model.cell.zero_state(5)
    for t in range(8):
        h, c = model.cell((h, c), images[:, t])
        np.testing.assert_allclose(a.h[:, t], h, atol=1e-6)
        np.testing.assert_allclose(a.c[:, t], c, atol=1e-6)


def test_tanh_head_bounds_the_scores():
    m = lstm.RowClassifier(seed=0, head="tanh", head_std=0.01)
    x = lstm.load_digits(scale=False).x_test[:3]
    scores = m(x).numpy()
    assert np.all(np.abs(scores) <= 1)
    assert np.all(np.abs(m.W_v.numpy()) <= 0.02)


def test_a_gate_left_out_traces_as_exactly_one(images):
    m = lstm.RowClassifier(seed=0, gates=("i", "o"))
    t = m.trace(images)
    assert np.array_equal(t.f, np.ones_like(t.f))
    assert not np.array_equal(t.i, np.ones_like(t.i))


def test_given_cell_is_used():
    cell = lstm.LSTMCell(8, 12, seed=1)
    m = lstm.RowClassifier(hidden_size=12, cell=cell)
    assert m.cell is cell and tuple(m.W_v.shape) == (12, 10)


def test_other_sizes():
    m = lstm.RowClassifier(input_size=3, hidden_size=4, num_classes=2, seed=1)
    x = np.zeros((6, 11, 3), np.float32)
    assert tuple(m(x).shape) == (6, 2) and m.trace(x).probs.shape == (6, 11, 2)


@pytest.mark.parametrize("bad, match", [
    (np.zeros((2, 8), np.float32),
     r"`images`, expected an array of shape \(batch, rows, 8\), got an array of shape \(2, 8\)"),
    (np.zeros((2, 8, 7), np.float32), r"`images`, expected a last axis of size 8, got an array of shape \(2, 8, 7\)"),
    (np.full((1, 8, 8), np.nan, np.float32), r"`images`, expected finite values \(no NaN or inf\), got 64 non-finite"),
    (np.zeros((0, 8, 8), np.float32), r"`images`, expected a non-empty array"),
    ("seven", r"`images`, expected a numeric array"),
])
def test_bad_images(model, bad, match):
    with pytest.raises(ValueError, match=match):
        model(bad)


def test_bad_trace_input(model):
    with pytest.raises(ValueError, match=r"expected an array of shape \(rows, 8\) or \(batch, rows, 8\)"):
        model.trace(np.zeros(8, np.float32))
    x = np.zeros((8, 8), np.float32)
    x[3, 3] = np.inf
    with pytest.raises(ValueError, match="1 non-finite value"):
        model.trace(x)


@pytest.mark.parametrize("kwargs, match", [
    (dict(hidden_size=0), "`hidden_size`, expected a positive integer, got 0"),
    (dict(num_classes=-2), "`num_classes`, expected a positive integer"),
    (dict(head="softmax"), "`head`, expected one of 'linear', 'tanh', got 'softmax'"),
    (dict(head_std=0.0), "`head_std`, expected a positive finite number, got 0.0"),
    (dict(cell="lstm"), "`cell`, expected an lstm.LSTMCell or None, got str"),
    (dict(cell=lstm.LSTMCell(8, 3)), r"`cell`, expected a cell of sizes \(8, 50\), got a cell of sizes \(8, 3\)"),
    (dict(cell=lstm.LSTMCell(8, 50), forget_bias=0.0), "`forget_bias`, expected no cell arguments"),
    (dict(gates=("x",)), "`gates`, expected gate names"),
])
def test_bad_constructor_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        lstm.RowClassifier(**kwargs)
