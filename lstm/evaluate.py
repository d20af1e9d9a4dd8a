"""Where a trained classifier goes wrong: its confusion matrix and its mistakes.

Example:

>>> import numpy as np
>>> confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2], num_classes=3)
array([[1, 0, 0],
       [0, 1, 1],
       [0, 0, 1]])
"""

from dataclasses import dataclass

import numpy as np
import tensorflow as tf

from . import _validate as v


def confusion_matrix(y_true, y_pred, num_classes=10):
    """Count how often each true class was predicted as each class.

    Args:
        y_true: true labels, `(n,)` integers in `[0, num_classes)`.
        y_pred: predicted labels, `(n,)` integers in `[0, num_classes)`.
        num_classes: number of classes (rows and columns of the matrix).

    Returns:
        An int64 array `(num_classes, num_classes)`: entry `[t, p]` counts the
        images of class `t` predicted as `p`. Rows are true classes, columns
        predictions; the diagonal holds the correct answers and every row sums
        to the number of images of that class.
    """
    num_classes = v.positive_int("num_classes", num_classes)
    y_true = v.labels("y_true", y_true, num_classes=num_classes)
    y_pred = v.labels("y_pred", y_pred, num_classes=num_classes, length=len(y_true))
    matrix = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(matrix, (y_true, y_pred), 1)
    return matrix


@dataclass
class Mistakes:
    """The images a model misclassified, in the order of the evaluated set.

    Attributes:
        index: `(m,)` positions of the mistakes in the evaluated images.
        images: `(m, rows, features)` the misclassified images.
        true: `(m,)` their true labels.
        predicted: `(m,)` the model's answers.
        confidence: `(m,)` the probability the model gave its (wrong) answer.
        probs: `(m, num_classes)` the model's full softmax output.
    """

    index: np.ndarray
    images: np.ndarray
    true: np.ndarray
    predicted: np.ndarray
    confidence: np.ndarray
    probs: np.ndarray

    def __len__(self):
        return len(self.index)


def predict_proba(model, images, batch_size=512):
    """Softmax probabilities of `model` for `images`, as NumPy `(n, num_classes)`.

    Args:
        model: a `RowClassifier`, or any callable `images -> logits`.
        images: `(n, rows, features)`.
        batch_size: images per forward pass.
    """
    batch_size = v.positive_int("batch_size", batch_size)
    images = v.array("images", images, rank=3)
    chunks = [tf.nn.softmax(model(images[s:s + batch_size]), axis=-1).numpy()
              for s in range(0, len(images), batch_size)]
    return np.concatenate(chunks, axis=0)  # (n, K)


def mistakes(model, images, labels):
    """The images that `model` classifies wrongly.

    Args:
        model: a `RowClassifier`, or any callable `images -> logits`.
        images: `(n, rows, features)`, e.g. `data.x_test`.
        labels: `(n,)` their true labels.

    Returns:
        A `Mistakes` record, in the order of `images` (empty if there are none).

    Example:

    >>> import lstm                                               # doctest: +SKIP
    >>> data = lstm.load_digits()                                 # doctest: +SKIP
    >>> wrong = mistakes(model, data.x_test, data.y_test)         # doctest: +SKIP
    >>> len(wrong), wrong.true[:3], wrong.predicted[:3]           # doctest: +SKIP
    """
    images = v.array("images", images, rank=3)
    probs = predict_proba(model, images)
    labels = v.labels("labels", labels, num_classes=probs.shape[-1], length=len(images))
    predicted = np.argmax(probs, axis=-1)
    index = np.flatnonzero(predicted != labels)
    return Mistakes(index=index, images=images[index], true=labels[index],
                    predicted=predicted[index], confidence=probs[index, predicted[index]],
                    probs=probs[index])


def max_probability(logit_range, num_classes=10):
    """The largest probability a softmax can give when every logit lies in `logit_range`.

    A `tanh` head (the article's) keeps logits in `[-1, 1]`: the best it can
    do is one logit at 1 and the others at -1, which gives
    `e / (e + (K - 1) / e)`, about 0.45 for ten classes.

    Args:
        logit_range: `(low, high)` bounds of every logit.
        num_classes: number of classes.

    Returns:
        A float: `exp(high) / (exp(high) + (num_classes - 1) * exp(low))`.
    """
    num_classes = v.positive_int("num_classes", num_classes)
    try:
        low, high = logit_range
    except (TypeError, ValueError):
        v.fail("logit_range", "a pair (low, high)", logit_range)
    low, high = v.finite_float("logit_range[0]", low), v.finite_float("logit_range[1]", high)
    if low > high:
        v.fail("logit_range", "low <= high", (low, high))
    return float(1.0 / (1.0 + (num_classes - 1) * np.exp(low - high)))


def saturation(model, images, margin=0.05):
    """The share of gate activations that are nearly shut or nearly open.

    A sigmoid gate within `margin` of 0 or 1 is saturated: its derivative
    `g (1 - g)` is below `margin`, so the gradient through it is small.
    Large inputs (raw pixels up to 16) push gates there before training starts.

    Args:
        model: a `RowClassifier`.
        images: `(n, rows, features)`.
        margin: how close to 0 or 1 counts as saturated, `0 < margin < 1`.

    Returns:
        A float in [0, 1]: the fraction of the learned gates' values
        (i, f and o, every unit, row and image) below `margin` or above
        `1 - margin`.
    """
    margin = v.fraction("margin", margin, allow_zero=False)
    if not hasattr(model, "trace") or not hasattr(model, "cell"):
        v.fail("model", "an lstm.RowClassifier", type(model).__name__)
    images = v.array("images", images, rank=3)
    trace = model.trace(images)
    gates = [getattr(trace, g) for g in model.cell.gates]  # each (n, rows, H)
    if not gates:
        return 0.0
    values = np.stack(gates)
    return float(np.mean((values < margin) | (values > 1.0 - margin)))


def gradient_norms(model, images, labels):
    """How much gradient each block of the cell's weight `W` receives.

    The loss is the mean softmax cross-entropy of `model` on `images`; its
    gradient with respect to `W` is split into the four blocks z, i, f, o
    (`lstm.GATE_ORDER`) and the Euclidean norm of each block is returned.
    With the article's all-zero `W` and `b`, z is 0 at every row, so `c`
    stays 0 and only the z block gets a gradient at the first step.

    Args:
        model: a `RowClassifier`.
        images: `(n, rows, features)`.
        labels: `(n,)` true labels.

    Returns:
        A dict `{"z": float, "i": float, "f": float, "o": float}`.
    """
    if not hasattr(model, "cell") or not hasattr(model, "logits"):
        v.fail("model", "an lstm.RowClassifier", type(model).__name__)
    images = v.array("images", images, rank=3, dtype=model.cell.dtype.as_numpy_dtype)
    labels = v.labels("labels", labels, num_classes=model.num_classes, length=len(images))
    with tf.GradientTape() as tape:
        logits = model.logits(images)  # (n, K)
        loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits))
    grad = tape.gradient(loss, model.cell.W)  # (input + H, 4H)
    blocks = tf.split(grad, 4, axis=-1)  # each (input + H, H), in the order z, i, f, o
    return {name: float(tf.norm(block)) for name, block in zip(("z", "i", "f", "o"), blocks)}
