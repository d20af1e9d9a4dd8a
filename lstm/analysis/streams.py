"""The memory cell along streams that are never reset.

`stream_memory(cells, streams)` reads every stream to its end with each cell,
from a zero state and with no reset in between, and keeps `c` and `f` at every
step. It serves two questions:

- chapter 6: digits joined into one stream (`digit_stream`), read by a
  trained cell and by the same cell with its forget gate held at 1
  (`lstm.analysis.surgery.hold_gate_open`): does the memory grow without bound?
- the gate experiments: the test streams of a task, read by the cell of each
  variant's model.

`lstm.figures.gates.stream_figure` and `lstm.figures.ablation.stream_lines`
draw the result.

Example:

>>> import numpy as np
>>> import lstm
>>> from lstm.analysis.streams import digit_stream, stream_memory
>>> images = np.random.default_rng(0).uniform(size=(3, 8, 8))      # (count, rows, features)
>>> memory = stream_memory({"cell": lstm.LSTMCell(8, 4, seed=0)}, digit_stream(images))
>>> memory["cell"].c.shape                                         # (streams, steps, hidden_size)
(1, 24, 4)
"""

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .. import _validate as v
from ..cell import LSTMCell
from ..model import scan
from .trace_measures import SATURATED


def digit_stream(images):
    """Images joined into one stream of rows, `(1, count * rows, features)`.

    Args:
        images: `(count, rows, features)`, read one after the other with no
            reset of the state between them.
    """
    images = v.array("images", images, rank=3)
    count, rows, features = images.shape
    return images.reshape(1, count * rows, features)


@dataclass(frozen=True)
class StreamMemory:
    """One cell's memory cell and forget gate along streams.

    Attributes:
        c: `(streams, steps, hidden_size)` the memory cell after every step.
        f: `(streams, steps, hidden_size)` the forget gate at every step
            (1 everywhere for a cell without one).
    """

    c: np.ndarray
    f: np.ndarray

    def mean_abs_c(self):
        """Mean `|c|` over the streams and units at each step, `(steps,)`."""
        return np.abs(self.c).mean(axis=(0, 2))

    def mean_f(self):
        """Mean `f` over the streams and units at each step, `(steps,)`."""
        return self.f.mean(axis=(0, 2))

    def saturated(self):
        """Share of units with `|tanh(c)| > SATURATED` at each step, over the streams, `(steps,)`."""
        return (np.abs(np.tanh(self.c)) > SATURATED).mean(axis=(0, 2))

    def f_by_row(self, rows_per_image):
        """Mean `f` at each row of an image, over the images of every stream and the units.

        Args:
            rows_per_image: the rows of one image; the streams' steps must be
                a whole number of images.

        Returns:
            `(rows_per_image,)`.
        """
        steps = self.f.shape[1]
        if v.positive_int("rows_per_image", rows_per_image) > steps or steps % rows_per_image:
            v.fail("rows_per_image", f"a divisor of the streams' {steps} steps", rows_per_image)
        return self.f.reshape(-1, rows_per_image, self.f.shape[-1]).mean(axis=(0, 2))


def stream_memory(cells, streams):
    """Read `streams` with each cell, never resetting the state: `c` and `f` at every step.

    Args:
        cells: a dict from a name to an `LSTMCell` (e.g. `model.cell`, or
            `hold_gate_open(model.cell, "f")`), all of one input size.
        streams: `(n, steps, input_size)`, e.g. `digit_stream(images)` or a
            task's `x_test`.

    Returns:
        A dict from each name to its `StreamMemory`, in the order of `cells`.
    """
    if not isinstance(cells, Mapping) or not cells:
        v.fail("cells", "a non-empty dict from a name to an lstm.LSTMCell", type(cells).__name__)
    out = {}
    for name, cell in cells.items():
        if not isinstance(cell, LSTMCell):
            v.fail("cells", f"lstm.LSTMCell values (the value of {name!r} is not one)", type(cell).__name__)
        x = v.array("streams", streams, rank=3, last=cell.input_size, dtype=cell.dtype.as_numpy_dtype)
        a = scan(cell, x)  # each (n, steps, H)
        out[name] = StreamMemory(c=a.c.numpy(), f=a.f.numpy())
    return out
