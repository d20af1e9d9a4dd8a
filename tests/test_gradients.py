"""`lstm.gradients`: the vanishing-gradient measurement of chapter 3."""

import lstm  # before TensorFlow: it quiets its start-up lines

import numpy as np
import pytest
import tensorflow as tf

from lstm.gradients import pad_rows, row_gradient_norms
from lstm.rnn import RNNClassifier


@pytest.fixture(scope="module")
def digits():
    return lstm.load_digits()


def loss_of(model, image, label):
    logits = model.logits(image[None])
    return float(tf.nn.sparse_softmax_cross_entropy_with_logits([label], logits)[0])


@pytest.mark.parametrize("make", [
    lambda: RNNClassifier(hidden_size=5, seed=0, dtype=tf.float64),
    lambda: lstm.RowClassifier(hidden_size=5, seed=0, dtype=tf.float64),
])
def test_wrt_x_matches_finite_differences(make, digits):
    model = make()
    image, label = digits.x_test[0].astype(np.float64), int(digits.y_test[0])
    eps = 1e-6
    grad = np.zeros_like(image)
    for t in range(8):
        for j in range(8):
            plus, minus = image.copy(), image.copy()
            plus[t, j] += eps
            minus[t, j] -= eps
            grad[t, j] = (loss_of(model, plus, label) - loss_of(model, minus, label)) / (2 * eps)
    norms = row_gradient_norms(model, image[None], [label], wrt="x")
    np.testing.assert_allclose(norms, np.linalg.norm(grad, axis=1), rtol=1e-6)


@pytest.mark.parametrize("make", [
    lambda: RNNClassifier(hidden_size=6, seed=3, dtype=tf.float64),
    lambda: lstm.RowClassifier(hidden_size=6, seed=3, dtype=tf.float64),
])
def test_wrt_h_at_the_last_row_is_the_heads_gradient(make, digits):
    model = make()
    x, y = digits.x_test[:7].astype(np.float64), digits.y_test[:7]
    probs = tf.nn.softmax(model.logits(x)).numpy()  # (B, K)
    delta = probs - np.eye(10)[y]  # d loss / d logits
    expected = np.linalg.norm(delta @ model.W_v.numpy().T, axis=1).mean()
    norms = row_gradient_norms(model, x, y, wrt="h")
    assert norms.shape == (8,)
    np.testing.assert_allclose(norms[-1], expected, rtol=1e-10)


def test_mean_over_images(digits):
    model = RNNClassifier(hidden_size=8, seed=0)
    x, y = digits.x_test[:4], digits.y_test[:4]
    each = [row_gradient_norms(model, x[k:k + 1], y[k:k + 1]) for k in range(4)]
    np.testing.assert_allclose(row_gradient_norms(model, x, y), np.mean(each, axis=0), rtol=1e-5)


def test_the_carousel_keeps_what_the_plain_rnn_loses(digits):
    """Chapter 3's claim, at initialisation, over the digit and 56 blank rows."""
    x, y = pad_rows(digits.x_test[:60], 56), digits.y_test[:60]
    rnn = row_gradient_norms(RNNClassifier(hidden_size=32, seed=0), x, y)
    carousel = row_gradient_norms(lstm.RowClassifier(hidden_size=32, seed=0, gates=("i", "o")), x, y)
    assert rnn.shape == carousel.shape == (64,)
    assert rnn[0] / rnn[-1] < 0.01  # vanished
    assert carousel[0] / carousel[-1] > 0.5  # kept


def test_pad_rows(digits):
    x = digits.x_test[:3]
    padded = pad_rows(x, 5)
    assert padded.shape == (3, 13, 8) and padded.dtype == np.float32
    np.testing.assert_array_equal(padded[:, :8], x)
    np.testing.assert_array_equal(padded[:, 8:], 0.0)
    np.testing.assert_array_equal(pad_rows(x, 0), x)


@pytest.mark.parametrize("blank", [-1, 1.5, True])
def test_pad_rows_bad_count(blank):
    with pytest.raises(ValueError, match="argument `blank_rows`, expected a non-negative integer"):
        pad_rows(np.zeros((1, 8, 8)), blank)


def test_bad_arguments(digits):
    model = RNNClassifier(hidden_size=4, seed=0)
    x, y = digits.x_test[:3], digits.y_test[:3]
    with pytest.raises(ValueError, match="argument `model`, expected an lstm.RowClassifier or"):
        row_gradient_norms(lambda images: images, x, y)
    with pytest.raises(ValueError, match="argument `wrt`, expected one of 'x', 'h', got 'c'"):
        row_gradient_norms(model, x, y, wrt="c")
    with pytest.raises(ValueError, match="argument `labels`, expected 3 labels, one per image"):
        row_gradient_norms(model, x, y[:2])
    with pytest.raises(ValueError, match="argument `images`, expected a last axis of size 8"):
        row_gradient_norms(model, x[:, :, :4], y)
