"""One training loop for every model and recipe in the book."""

from __future__ import annotations

import numbers
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import tensorflow as tf

from . import _validate as v
from .progress import Progress

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .data import Digits
    from .tasks import Task


@dataclass
class History:
    """Per-epoch records of `train`.

    `loss` is the mean training loss over the epoch's batches (or their sum's
    mean, see `train(reduction=...)`), `acc` the accuracy on the whole training
    set after the epoch, `val_acc` the accuracy on the held-out set after the
    epoch: the validation set when the data has one, else the test set (the
    article's convention), `test_acc` the test accuracy, `seconds` the epoch's
    wall-clock time. `val_on` says which set `val_acc` used.

    The gradient of each step is measured before any clipping, by its global
    norm `sqrt(sum of every squared entry of every variable's gradient)`:
    `grad_norm` is its mean over the epoch's steps, `grad_norm_max` its
    largest value, and `clipped` the fraction of the epoch's steps whose norm
    exceeded `clipnorm` (so that `train(clipnorm=...)` scaled their gradient
    down to that norm; 0 when `clipnorm` is `None`, no clipping).
    """

    loss: list = field(default_factory=list)
    acc: list = field(default_factory=list)
    val_acc: list = field(default_factory=list)
    test_acc: list = field(default_factory=list)
    seconds: list = field(default_factory=list)
    val_on: str = "test"
    grad_norm: list = field(default_factory=list)
    grad_norm_max: list = field(default_factory=list)
    clipped: list = field(default_factory=list)
    clipnorm: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(loss=self.loss, acc=self.acc, val_acc=self.val_acc,
                    test_acc=self.test_acc, seconds=self.seconds, val_on=self.val_on,
                    grad_norm=self.grad_norm, grad_norm_max=self.grad_norm_max,
                    clipped=self.clipped, clipnorm=self.clipnorm)

    def plot(self, *, lang: str = "en", ax: Axes | None = None) -> Figure:
        """The article's graph: `acc` and `val_acc` per epoch, y from 0 to 1.

        Args:
            lang: `"en"` or `"ja"` for the labels.
            ax: a Matplotlib axes to draw on; a new figure when `None`.

        Returns:
            The Matplotlib figure.
        """
        from .plotting import new_axes, text

        fig, ax = new_axes(lang, ax)
        epochs = np.arange(1, len(self.acc) + 1)
        ax.plot(epochs, self.acc, label=text(lang, "acc"))
        ax.plot(epochs, self.val_acc, label=text(lang, "val_acc_" + self.val_on))
        ax.set_ylim(0.0, 1.0)
        ax.set_xlabel(text(lang, "epoch"))
        ax.set_ylabel(text(lang, "accuracy"))
        ax.legend(loc="lower right")
        return fig


def accuracy(model: Callable[[np.ndarray], tf.Tensor], x: np.ndarray, y: np.ndarray,
             batch_size: int = 512) -> float:
    """Fraction of `x` that `model` classifies as `y`.

    With labels `(n, rows)` (a model with `readout="every"`), the fraction of
    the scored rows (label >= 0) that it classifies right.
    """
    if hasattr(model, "readout"):  # the book's models: check the labels against its readout
        per_row = model.readout == "every"
        x = v.array("x", x, rank=3, last=model.input_size)
        y = v.labels("y", y, num_classes=model.num_classes, length=len(x), per_row=per_row,
                     rows=x.shape[1] if per_row else None)
    return _accuracy(model.logits if hasattr(model, "logits") else model, x, y, batch_size)


def _accuracy(forward, x, y, batch_size=512):
    hits = scored = 0
    for start in range(0, len(x), batch_size):
        logits = forward(x[start:start + batch_size])  # (B, K) or (B, T, K)
        yb = y[start:start + batch_size]
        hits += int(np.sum(np.argmax(np.asarray(logits), axis=-1) == yb))  # -1 never matches
        scored += int(np.sum(yb >= 0))
    return hits / scored


def train(model: Callable[[np.ndarray], tf.Tensor], data: Digits | Task, *, epochs: int,
          batch_size: int = 100, learning_rate: float = 1e-3, seed: int = 0,
          loss: str = "cross_entropy", reduction: str = "mean", shuffle: bool = True,
          drop_remainder: bool = False, schedule: str = "constant", input_noise: float = 0.0,
          clipnorm: float | None = None, progress: bool = True) -> History:
    """Train `model` on `data` with Adam and return its `History`.

    Args:
        model: a `RowClassifier`, or any callable `images -> logits` with
            `trainable_variables` (a Keras model works, for comparisons).
        data: a `Digits` record from `load_digits`, or a `Task` from
            `lstm.tasks`. A task with a label per row (`task.per_row`) needs a
            model with `readout="every"`; rows labelled -1 (`tasks.IGNORE`)
            count neither in the loss nor in the accuracies.
        epochs: passes over the training set.
        batch_size: images per step.
        learning_rate: Adam's initial step size.
        seed: seeds the order of the batches (and TensorFlow's global seed).
            The same seed gives the same history, `seconds` aside.
        loss: `"cross_entropy"`: softmax cross-entropy of the model's outputs.
        reduction: `"mean"` over the batch (over its scored rows for a task
            with a label per row), or `"sum"` (the article's loss).
        shuffle: reshuffle the training set every epoch; `False` keeps the
            order of `data` (the article's loop).
        drop_remainder: skip the last, smaller batch (the article runs only
            its 14 full batches of 100 out of 1437 images).
        schedule: `"constant"`, or `"cosine"` to decay the learning rate to 0
            over the run.
        input_noise: standard deviation of Gaussian noise added to every
            training image each time it is fed (0: none). Drawn from its own
            generator seeded by `seed`, so the batches are the same as without it.
        clipnorm: `None` (no clipping), or a positive number: before each
            step, when the global norm of the gradients (every variable's
            gradient taken as one vector) exceeds `clipnorm`, every gradient
            is scaled by `clipnorm / norm` (`tf.clip_by_global_norm`), so the
            step keeps its direction. The history records it and the norms
            before clipping (`History.grad_norm`, `grad_norm_max`, `clipped`).
        progress: show a one-line progress bar (Jupyter or a terminal).

    Returns:
        A `History`.
    """
    from .data import Digits
    from .tasks import Task

    if not isinstance(data, (Digits, Task)):
        v.fail("data", "an lstm.Digits record from lstm.load_digits() or an lstm.tasks.Task",
               type(data).__name__)
    per_row = isinstance(data, Task) and data.per_row
    every = getattr(model, "readout", "last") == "every"  # a Keras model has no readout: its last row
    if per_row != every:
        expected = ("a model with readout='every' for a task with a label per row" if per_row
                    else "a model with readout='last' for data with one label per sequence")
        v.fail("model", expected, f"a model with readout={'every' if every else 'last'!r}")
    epochs = v.positive_int("epochs", epochs)
    batch_size = v.positive_int("batch_size", batch_size)
    learning_rate = v.positive_float("learning_rate", learning_rate)
    v.one_of("loss", loss, ("cross_entropy",))
    v.one_of("reduction", reduction, ("mean", "sum"))
    v.one_of("schedule", schedule, ("constant", "cosine"))
    if isinstance(input_noise, bool) or not isinstance(input_noise, numbers.Real) \
            or not np.isfinite(input_noise) or input_noise < 0:
        v.fail("input_noise", "a non-negative finite number", input_noise)
    if clipnorm is not None:
        if isinstance(clipnorm, bool) or not isinstance(clipnorm, numbers.Real) \
                or not np.isfinite(clipnorm) or clipnorm <= 0:
            v.fail("clipnorm", "None or a positive finite number", repr(clipnorm))
        clipnorm = float(clipnorm)
    seed = v.non_negative_int("seed", seed)
    num_classes = getattr(model, "num_classes", 10)
    if isinstance(data, Task) and data.num_classes != num_classes:
        v.fail("model", f"a model with num_classes={data.num_classes} for the {data.name} task",
               f"a model with num_classes={num_classes}")
    x = v.array("data.x_train", data.x_train, rank=3)
    y = v.labels("data.y_train", data.y_train, num_classes=num_classes, length=len(x),
                 per_row=per_row, rows=x.shape[1] if per_row else None)
    n_batches = len(x) // batch_size if drop_remainder else -(-len(x) // batch_size)
    if n_batches == 0:
        v.fail("batch_size", f"at most the {len(x)} training images when drop_remainder=True", batch_size)

    tf.random.set_seed(seed)
    rng = np.random.default_rng(seed)
    steps = epochs * n_batches
    lr = (learning_rate if schedule == "constant"
          else tf.keras.optimizers.schedules.CosineDecay(learning_rate, decay_steps=steps))
    optimizer = tf.keras.optimizers.Adam(learning_rate=lr)
    noise_rng = np.random.default_rng([seed, 1]) if input_noise else None
    variables = model.trainable_variables
    forward = model.logits if hasattr(model, "logits") else model
    # Build Adam's slots now: a first call that creates variables makes
    # `tf.function` trace `step` twice.
    optimizer.build(variables)
    # Evaluation runs as a graph too, traced once for any batch size: run
    # eagerly, the loop over rows took about a quarter of the training time.
    images = tf.TensorSpec((None,) + x.shape[1:], tf.float32)  # (B, rows, features), any B
    evaluate = tf.function(forward, input_signature=[images])
    reduce = tf.reduce_sum if reduction == "sum" else tf.reduce_mean

    # Full batches run a graph traced for their static shape (measured faster
    # per step than a graph for any batch size); a last, smaller batch makes
    # `reduce_retracing` trace one generic graph.
    def objective(logits, yb):
        if not per_row:
            return reduce(tf.nn.sparse_softmax_cross_entropy_with_logits(yb, logits))
        scored = tf.cast(yb >= 0, logits.dtype)  # (B, T): 0 on rows labelled -1
        per_label = tf.nn.sparse_softmax_cross_entropy_with_logits(tf.maximum(yb, 0), logits)  # (B, T)
        total = tf.reduce_sum(per_label * scored)
        return total if reduction == "sum" else total / tf.reduce_sum(scored)

    @tf.function(reduce_retracing=True)
    def step(xb, yb):
        with tf.GradientTape() as tape:
            value = objective(forward(xb), yb)
        grads = tape.gradient(value, variables)
        norm = tf.linalg.global_norm(grads)  # (): before clipping
        if clipnorm is not None:
            grads, _ = tf.clip_by_global_norm(grads, clipnorm, use_norm=norm)
        optimizer.apply_gradients(zip(grads, variables))
        return value, norm

    x_test, y_test = _split(data, "test", x, per_row, num_classes)
    held_out = _split(data, "val", x, per_row, num_classes) if data.x_val is not None else (x_test, y_test)
    history = History(val_on="validation" if data.x_val is not None else "test", clipnorm=clipnorm)
    bar = Progress(epochs, enabled=progress)
    try:
        for epoch in range(epochs):
            start = time.perf_counter()
            order = rng.permutation(len(x)) if shuffle else np.arange(len(x))
            losses, norms = [], []
            for k in range(n_batches):
                idx = order[k * batch_size:(k + 1) * batch_size]
                xb = x[idx]
                if noise_rng is not None:
                    xb = xb + noise_rng.normal(0.0, input_noise, size=xb.shape).astype(xb.dtype)
                value, norm = step(tf.constant(xb), tf.constant(y[idx]))
                losses.append(float(value))
                norms.append(float(norm))
            history.seconds.append(time.perf_counter() - start)
            history.loss.append(float(np.mean(losses)))
            history.grad_norm.append(float(np.mean(norms)))
            history.grad_norm_max.append(max(norms))
            history.clipped.append(0.0 if clipnorm is None else float(np.mean(np.array(norms) > clipnorm)))
            history.acc.append(_accuracy(evaluate, x, y))
            history.val_acc.append(_accuracy(evaluate, *held_out))
            history.test_acc.append(history.val_acc[-1] if data.x_val is None  # the same set
                                    else _accuracy(evaluate, x_test, y_test))
            bar.update(epoch + 1, f"loss {history.loss[-1]:.4f}  acc {history.acc[-1]:.3f}  "
                                  f"val_acc {history.val_acc[-1]:.3f}")
    finally:
        bar.close()
    return history


def _split(data, split, x_train, per_row, num_classes):
    """The checked `(x, y)` of the `"test"` or `"val"` split, shaped like the training set's."""
    x = v.array(f"data.x_{split}", getattr(data, f"x_{split}"), rank=3, last=x_train.shape[2])
    if x.shape[1] != x_train.shape[1]:
        v.fail(f"data.x_{split}", f"sequences of {x_train.shape[1]} rows, as in data.x_train",
               f"an array of shape {x.shape}")
    y = v.labels(f"data.y_{split}", getattr(data, f"y_{split}"), num_classes=num_classes, length=len(x),
                 per_row=per_row, rows=x.shape[1] if per_row else None)
    return x, y
