"""Measure the vanishing gradient: how much of the error reaches each row.

For a model that reads an image row by row, the loss's gradient with respect
to row `t` says how strongly the loss can still "feel" that row. In a plain
RNN the error is multiplied at every step back by the recurrent weight and
the slope of tanh, so it shrinks for the early rows; the LSTM's memory cell
carries it back through `c = f * c_prev + ...`, multiplied only by `f`.

`row_gradient_norms` computes, per row `t`, the mean over the images of
`||d loss_n / d x_t||` (or `||d loss_n / d h_t||`), where `loss_n` is the
cross-entropy of image `n`. `pad_rows` appends blank rows after each image,
so that the error must travel back over more steps to reach the digit.
"""

import numpy as np
import tensorflow as tf

from . import _validate as v
from .model import RowClassifier
from .rnn import RNNClassifier

WRT = ("x", "h")
"""What `row_gradient_norms` may differentiate with respect to."""


def row_gradient_norms(model, images, labels, *, wrt="x"):
    """The norm of the loss's gradient with respect to each row, averaged over images.

    Args:
        model: an `lstm.RowClassifier` (LSTM) or an `lstm.rnn.RNNClassifier`.
        images: `(batch, rows, input_size)`.
        labels: integer labels `(batch,)`.
        wrt: `"x"` for `d loss / d x_t` (the input row `t`), or `"h"` for
            `d loss / d h_t` (the hidden state after row `t`; for the LSTM
            this counts every path from `h_t` to the loss, through the gates
            and `z` of the later steps).

    Returns:
        A NumPy array `(rows,)`: entry `t` is the mean over the images of the
        Euclidean norm of the gradient of that image's cross-entropy with
        respect to row `t`.

    Example:

    >>> import lstm
    >>> d = lstm.load_digits()
    >>> norms = row_gradient_norms(lstm.RowClassifier(seed=0), d.x_test[:10], d.y_test[:10])
    >>> norms.shape
    (8,)
    """
    if not isinstance(model, (RowClassifier, RNNClassifier)):
        v.fail("model", "an lstm.RowClassifier or lstm.rnn.RNNClassifier", type(model).__name__)
    v.one_of("wrt", wrt, WRT)
    dtype = model.cell.dtype
    images = v.array("images", images, rank=3, last=model.input_size, dtype=dtype.as_numpy_dtype)
    labels = v.labels("labels", labels, num_classes=model.num_classes, length=len(images))

    x = tf.constant(images)  # (B, T, F)
    batch, rows = images.shape[0], images.shape[1]
    # A zero added to every h_t: the gradient with respect to it is d loss / d h_t.
    eps = tf.zeros((batch, rows, model.hidden_size), dtype=dtype)  # (B, T, H)
    with tf.GradientTape() as tape:
        tape.watch(x)
        tape.watch(eps)
        h = _unroll(model, x, eps)  # (B, H), the last state
        per_image = tf.nn.sparse_softmax_cross_entropy_with_logits(labels, model.apply_head(h))  # (B,)
        # Images do not interact, so the gradient of the sum with respect to
        # image n's rows is the gradient of image n's own loss.
        loss = tf.reduce_sum(per_image)
    grad = tape.gradient(loss, x if wrt == "x" else eps)  # (B, T, F) or (B, T, H)
    return tf.reduce_mean(tf.norm(grad, axis=-1), axis=0).numpy()  # (T,)


def pad_rows(images, blank_rows):
    """Append `blank_rows` rows of zeros after each image.

    The model then reads the digit, then a pause of blank rows, and answers
    at the end: the error has `blank_rows` more steps to travel back to the
    digit's rows.

    Args:
        images: `(batch, rows, features)`.
        blank_rows: a non-negative number of zero rows to append.

    Returns:
        A float32 NumPy array `(batch, rows + blank_rows, features)`.

    Example:

    >>> pad_rows(np.ones((2, 8, 8)), 24).shape
    (2, 32, 8)
    """
    images = v.array("images", images, rank=3)
    if isinstance(blank_rows, bool) or not isinstance(blank_rows, (int, np.integer)) or blank_rows < 0:
        v.fail("blank_rows", "a non-negative integer", blank_rows)
    blank = np.zeros((images.shape[0], int(blank_rows), images.shape[2]), images.dtype)
    return np.concatenate([images, blank], axis=1)  # (B, rows + blank_rows, F)


def _unroll(model, x, eps):
    """The model's forward pass over the rows of `x`, adding `eps[:, t]` to each `h_t`."""
    cell = model.cell
    if isinstance(model, RNNClassifier):
        h = cell.zero_state(tf.shape(x)[0])
        for t in range(x.shape[1]):
            h = cell.step(h, x[:, t, :]) + eps[:, t, :]  # (B, H)
        return h
    h, c = cell.zero_state(tf.shape(x)[0])
    for t in range(x.shape[1]):
        a = cell.activations((h, c), x[:, t, :])  # each (B, H)
        h, c = a.h + eps[:, t, :], a.c
    return h
