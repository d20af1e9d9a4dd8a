"""Read an image row by row with an LSTM cell and classify it.

Row `t` of an image is time step `t`: an 8×8 digit becomes 8 steps of 8
features. The classifier head reads the last `h` (and, for `trace`, every `h`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import tensorflow as tf

from . import _validate as v
from .cell import Activations, LSTMCell


def scan(cell: LSTMCell, images: np.ndarray | tf.Tensor,
         state: tuple[tf.Tensor, tf.Tensor] | None = None) -> Activations:
    """Run `cell` over the rows of `images` and keep every step.

    Args:
        cell: an `LSTMCell`.
        images: `(batch, rows, input_size)`; row `t` is time step `t`.
        state: initial `(h, c)`; zeros when `None`.

    Returns:
        `Activations` whose fields are stacked over time, each
        `(batch, rows, hidden_size)`.

    The loop over rows is a Python loop, unrolled when `tf.function`
    traces it (the row count is static). `tf.scan` computes the same thing
    (the chapter "From TensorFlow 1 to TensorFlow 2" shows both).
    """
    images = tf.convert_to_tensor(images, dtype=cell.dtype)
    if state is None:
        state = cell.zero_state(tf.shape(images)[0])
    steps = []
    for t in range(images.shape[1]):
        a = cell.activations(state, images[:, t, :])  # each (B, H)
        state = (a.h, a.c)
        steps.append(a)
    return type(steps[0])(*(tf.stack(field, axis=1) for field in zip(*steps)))  # each (B, T, H)


@dataclass
class Trace:
    """What the model computed at every row, as NumPy arrays.

    `z, i, f, o, c, h` are `(batch, rows, hidden_size)` (z after tanh, gates
    after sigmoid); `probs` is `(batch, rows, num_classes)`: the head's
    prediction after each row. Without the batch axis when `trace` was given
    a single image.
    """

    z: np.ndarray
    i: np.ndarray
    f: np.ndarray
    o: np.ndarray
    c: np.ndarray
    h: np.ndarray
    probs: np.ndarray


class RowClassifier(tf.Module):
    """An LSTM that reads each image row by row, then a classifier head.

    Args:
        input_size: features per row.
        hidden_size: memory cells of the LSTM.
        num_classes: classes to predict.
        cell: an `LSTMCell` to use instead of building one; its sizes must
            match `input_size` and `hidden_size`, and no cell argument
            (`forget_bias`, `gates`, ...) may be given with it.
        head: `"linear"` gives logits `h W_v + b_v`; `"tanh"` gives
            `tanh(h W_v + b_v)`, the article's output layer.
        readout: `"last"` scores the last row only: logits `(batch,
            num_classes)`; `"every"` scores every row: logits `(batch, rows,
            num_classes)`, for tasks with a label per row (`lstm.tasks`).
        head_std: `None` draws `W_v` with Glorot's uniform rule and sets
            `b_v` to 0; a number draws both from a normal truncated at two
            standard deviations with this standard deviation (the article uses 0.01).
        seed: seeds the cell (when this builds it) and the head.
        **cell_kwargs: passed to `LSTMCell` (`cell_tanh`, `forget_bias`,
            `init`, `gates`, `coupled`, `peepholes`, `dtype`).

    `model(images)` takes `(batch, rows, input_size)` and returns logits
    `(batch, num_classes)` (`readout="last"`) or `(batch, rows, num_classes)`
    (`readout="every"`). The arguments are kept as attributes of the same
    names (`model.head`, `model.readout`, ...); `model.apply_head(h)` is the
    head itself, the output layer `W_v`, `b_v`.

    Example:

    >>> model = RowClassifier(seed=0)
    >>> tuple(model(np.zeros((3, 8, 8), np.float32)).shape)
    (3, 10)
    """

    def __init__(self, input_size: int = 8, hidden_size: int = 50, num_classes: int = 10, *,
                 cell: LSTMCell | None = None, head: str = "linear", readout: str = "last",
                 head_std: float | None = None, seed: int | None = None,
                 **cell_kwargs: Any) -> None:
        super().__init__(name="row_classifier")
        self.input_size = v.positive_int("input_size", input_size)
        self.hidden_size = v.positive_int("hidden_size", hidden_size)
        self.num_classes = v.positive_int("num_classes", num_classes)
        self.head = v.one_of("head", head, ("linear", "tanh"))
        self.readout = v.one_of("readout", readout, ("last", "every"))
        if head_std is not None:
            v.positive_float("head_std", head_std)
        self.head_std = head_std
        self.seed = seed
        if cell is None:
            cell = LSTMCell(input_size, hidden_size, seed=seed, **cell_kwargs)
        else:
            if not isinstance(cell, LSTMCell):
                v.fail("cell", "an lstm.LSTMCell or None", type(cell).__name__)
            if cell_kwargs:
                v.fail(min(cell_kwargs), "no cell arguments when `cell` is given",
                       repr(sorted(cell_kwargs)))
            if (cell.input_size, cell.hidden_size) != (self.input_size, self.hidden_size):
                v.fail("cell", f"a cell of sizes ({input_size}, {hidden_size})",
                       f"a cell of sizes ({cell.input_size}, {cell.hidden_size})")
        self.cell = cell

        rng = np.random.default_rng(None if seed is None else seed + 1)
        H, K = self.hidden_size, self.num_classes
        if head_std is None:
            limit = np.sqrt(6.0 / (H + K))
            W_v, b_v = rng.uniform(-limit, limit, size=(H, K)), np.zeros(K)
        else:
            W_v, b_v = _truncated_normal(rng, (H, K), head_std), _truncated_normal(rng, (K,), head_std)
        self.W_v = tf.Variable(W_v, dtype=cell.dtype, name="W_v")  # (H, K)
        self.b_v = tf.Variable(b_v, dtype=cell.dtype, name="b_v")  # (K,)

    def config(self) -> dict[str, Any]:
        """The constructor's arguments (the cell's included)."""
        cell = self.cell.config()
        del cell["input_size"], cell["hidden_size"], cell["seed"]  # the model passes its own seed
        return dict(input_size=self.input_size, hidden_size=self.hidden_size,
                    num_classes=self.num_classes, head=self.head, readout=self.readout,
                    head_std=self.head_std,
                    seed=self.seed, cell=cell)

    def apply_head(self, h: tf.Tensor) -> tf.Tensor:
        """The head: `(..., hidden_size)` to scores `(..., num_classes)`."""
        scores = tf.tensordot(h, self.W_v, axes=1) + self.b_v
        return tf.tanh(scores) if self.head == "tanh" else scores

    def logits(self, images: np.ndarray | tf.Tensor) -> tf.Tensor:
        """Logits without input checks: the fast path for training loops."""
        h = scan(self.cell, images).h  # (B, T, H)
        return self.apply_head(h if self.readout == "every" else h[:, -1, :])  # (B, T, K) or (B, K)

    def __call__(self, images: np.ndarray) -> tf.Tensor:
        """Logits `(batch, num_classes)`, or `(batch, rows, num_classes)` with
        `readout="every"`, for `images` `(batch, rows, input_size)`."""
        images = self._check_images(images, single=False)
        return self.logits(images)

    def predict(self, images: np.ndarray) -> np.ndarray:
        """Predicted class per image `(batch,)`, or per row `(batch, rows)` with
        `readout="every"`, as a NumPy int array."""
        return np.argmax(self(images).numpy(), axis=-1)

    def trace(self, images: np.ndarray) -> Trace:
        """Every gate, the state and the prediction after every row.

        Args:
            images: `(batch, rows, input_size)`, or one image `(rows, input_size)`.

        Returns:
            A `Trace` of NumPy arrays (see `Trace`), without the batch axis
            for a single image.
        """
        images = self._check_images(images, single=True)
        single = images.ndim == 2
        batch = images[None] if single else images
        a = scan(self.cell, batch)
        probs = tf.nn.softmax(self.apply_head(a.h), axis=-1)  # (B, T, K)
        arrays = {k: np.asarray(t) for k, t in a._asdict().items()}
        arrays["probs"] = probs.numpy()
        if single:
            arrays = {k: x[0] for k, x in arrays.items()}
        return Trace(**arrays)

    def _check_images(self, images, *, single):
        ranks = (2, 3) if single else 3
        dtype = self.cell.dtype.as_numpy_dtype
        return v.array("images", images, rank=ranks, last=self.input_size, dtype=dtype)


def _truncated_normal(rng, shape, std):
    x = rng.normal(0.0, std, size=shape)
    bad = np.abs(x) > 2 * std
    while bad.any():
        x[bad] = rng.normal(0.0, std, size=int(bad.sum()))
        bad = np.abs(x) > 2 * std
    return x
