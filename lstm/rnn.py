"""A plain (tanh) recurrent network: the baseline the LSTM was invented to beat.

One step reads `concat([x, h_prev])` through one weight, like the LSTM cell
but with a single block and no memory cell::

    h = tanh(concat([x, h_prev]) W + b)      # W: (input_size + H, H)

`RNNClassifier` reads an image row by row with this cell and classifies the
last `h`, with the same interface as `RowClassifier` (`model(images)`,
`model.logits`, `model.predict`, `trainable_variables`), so `lstm.train`
trains it the same way.
"""

import numpy as np
import tensorflow as tf

from . import _validate as v
from .cell import float_dtype, glorot_uniform


class RNNCell(tf.Module):
    """One plain tanh RNN cell over `concat([x, h])`.

    Args:
        input_size: features per time step (8 for one row of a digit).
        hidden_size: number of hidden units.
        init: `"glorot"` draws `W` uniformly from
            `±sqrt(6 / (input_size + 2 * hidden_size))` (Glorot for the
            shape `(input_size + hidden_size, hidden_size)`) and sets `b` to 0;
            `"zeros"` sets both to 0.
        recurrent_scale: a positive number that multiplies the rows of `W`
            that read `h_prev` after they are drawn (1: plain Glorot). Above
            about 2 the gradient grows as it travels back through a pause of
            blank rows instead of vanishing: the exploding case of the chapter
            on long lags.
        seed: integer seed for `init="glorot"`; `None` draws a fresh one.
        dtype: `tf.float32`, or `tf.float64` for gradient checks.

    Call `cell(h_prev, x)` with `h_prev` `(batch, hidden_size)` and `x`
    `(batch, input_size)`; it returns the new `h` `(batch, hidden_size)`.

    Example:

    >>> cell = RNNCell(8, 4, seed=0)
    >>> h = cell(cell.zero_state(2), tf.ones((2, 8)))
    >>> tuple(h.shape), tuple(cell.W.shape)
    ((2, 4), (12, 4))
    """

    def __init__(self, input_size, hidden_size, *, init="glorot", recurrent_scale=1.0, seed=None,
                 dtype=tf.float32):
        super().__init__(name="rnn_cell")
        self.input_size = v.positive_int("input_size", input_size)
        self.hidden_size = v.positive_int("hidden_size", hidden_size)
        self.init = v.one_of("init", init, ("glorot", "zeros"))
        self.recurrent_scale = v.positive_float("recurrent_scale", recurrent_scale)
        self.seed = seed
        self.dtype = float_dtype(dtype)

        n_in, H = self.input_size + self.hidden_size, self.hidden_size
        W = glorot_uniform((n_in, H), seed) if init == "glorot" else np.zeros((n_in, H))
        W[self.input_size:] *= self.recurrent_scale  # the rows that read h_prev
        self.W = tf.Variable(W, dtype=self.dtype, name="W")  # (input_size + H, H)
        self.b = tf.Variable(np.zeros(H), dtype=self.dtype, name="b")  # (H,)

    def config(self):
        """The constructor's arguments, enough to build the same cell again."""
        return dict(input_size=self.input_size, hidden_size=self.hidden_size, init=self.init,
                    recurrent_scale=self.recurrent_scale, seed=self.seed, dtype=self.dtype.name)

    def zero_state(self, batch_size):
        """`h`, zeros of shape `(batch_size, hidden_size)`."""
        return tf.zeros((batch_size, self.hidden_size), dtype=self.dtype)

    def step(self, h_prev, x):
        """One step without input checks: `h` from `h_prev` and `x`."""
        xh = tf.concat([x, h_prev], axis=-1)  # (B, input_size + H)
        return tf.tanh(tf.matmul(xh, self.W) + self.b)  # (B, H)

    def __call__(self, h_prev, x):
        """One step: `h` `(batch, hidden_size)` from `h_prev` and `x`."""
        for name, t, size in (("x", x, self.input_size), ("h_prev", h_prev, self.hidden_size)):
            shape = tuple(getattr(t, "shape", np.shape(t)))
            if len(shape) != 2 or (shape[-1] is not None and shape[-1] != size):
                v.fail(name, f"shape (batch, {size})", f"shape {shape}")
        return self.step(h_prev, x)


def rnn_scan(cell, images, h=None):
    """Run an `RNNCell` (or a `GRUCell`) over the rows of `images` and keep every `h`.

    Args:
        cell: an `RNNCell`, or any cell with `zero_state`, `step(h, x)` and `dtype`.
        images: `(batch, rows, input_size)`; row `t` is time step `t`.
        h: the initial state; zeros when `None`.

    Returns:
        `h` at every step, `(batch, rows, hidden_size)`.
    """
    images = tf.convert_to_tensor(images, dtype=cell.dtype)
    if h is None:
        h = cell.zero_state(tf.shape(images)[0])
    hs = []
    for t in range(images.shape[1]):
        h = cell.step(h, images[:, t, :])  # (B, H)
        hs.append(h)
    return tf.stack(hs, axis=1)  # (B, T, H)


class RNNClassifier(tf.Module):
    """A plain RNN that reads each image row by row, then a linear head.

    The twin of `RowClassifier` with an `RNNCell` in place of the LSTM cell
    (`lstm.gru.GRUClassifier` is the same with a `GRUCell`).

    Args:
        input_size: features per row.
        hidden_size: hidden units of the RNN.
        num_classes: classes to predict.
        readout: `"last"` scores the last row only: logits `(batch,
            num_classes)`; `"every"` scores every row: logits `(batch, rows,
            num_classes)`, for tasks with a label per row (`lstm.tasks`).
        seed: seeds the cell and the head (Glorot uniform `W_v`, zero `b_v`).
        **cell_kwargs: passed to the cell (`init`, `recurrent_scale`, `dtype`
            for an `RNNCell`).

    `model(images)` takes `(batch, rows, input_size)` and returns the logits.

    Example:

    >>> model = RNNClassifier(hidden_size=16, seed=0)
    >>> tuple(model(np.zeros((3, 8, 8), np.float32)).shape)
    (3, 10)
    """

    cell_class = RNNCell

    def __init__(self, input_size=8, hidden_size=50, num_classes=10, *, readout="last", seed=None,
                 **cell_kwargs):
        super().__init__(name=self.cell_class.__name__.lower().replace("cell", "_classifier"))
        self.input_size = v.positive_int("input_size", input_size)
        self.hidden_size = v.positive_int("hidden_size", hidden_size)
        self.num_classes = v.positive_int("num_classes", num_classes)
        self.readout = v.one_of("readout", readout, ("last", "every"))
        self.seed = seed
        self.cell = self.cell_class(input_size, hidden_size, seed=seed, **cell_kwargs)
        rng = np.random.default_rng(None if seed is None else seed + 1)
        H, K = self.hidden_size, self.num_classes
        limit = np.sqrt(6.0 / (H + K))
        self.W_v = tf.Variable(rng.uniform(-limit, limit, size=(H, K)), dtype=self.cell.dtype,
                               name="W_v")  # (H, K)
        self.b_v = tf.Variable(np.zeros(K), dtype=self.cell.dtype, name="b_v")  # (K,)

    def config(self):
        """The constructor's arguments (the cell's included)."""
        cell = self.cell.config()
        del cell["input_size"], cell["hidden_size"], cell["seed"]  # the model passes its own
        return dict(input_size=self.input_size, hidden_size=self.hidden_size,
                    num_classes=self.num_classes, readout=self.readout, seed=self.seed, cell=cell)

    def apply_head(self, h):
        """The head: `(..., hidden_size)` to logits `(..., num_classes)`."""
        return tf.tensordot(h, self.W_v, axes=1) + self.b_v

    def logits(self, images):
        """Logits without input checks: the fast path for training loops."""
        h = rnn_scan(self.cell, images)  # (B, T, H)
        return self.apply_head(h if self.readout == "every" else h[:, -1, :])  # (B, T, K) or (B, K)

    def __call__(self, images):
        """Logits `(batch, num_classes)`, or `(batch, rows, num_classes)` with
        `readout="every"`, for `images` `(batch, rows, input_size)`."""
        images = v.array("images", images, rank=3, last=self.input_size,
                         dtype=self.cell.dtype.as_numpy_dtype)
        return self.logits(images)

    def predict(self, images):
        """Predicted class per image `(batch,)`, or per row `(batch, rows)` with
        `readout="every"`, as a NumPy int array."""
        return np.argmax(self(images).numpy(), axis=-1)
