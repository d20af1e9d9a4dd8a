"""The four tasks of the gate experiments, all built from the 8×8 digits.

Each function takes a `Digits` record (from `lstm.load_digits()`) and returns
a `Task` whose arrays have the same roles as a `Digits` record's
(`task.as_digits()` turns a one-label task into one for `lstm.train`):

- `x_*` float32 `(n, rows, 8)`: row t is time step t;
- `y_*` int64, either `(n,)` (one label per sequence: `plain`, `distractors`)
  or `(n, rows)` (a label at every row: `stream`, `delayed`), where rows
  that are not scored hold `IGNORE` (-1).

Noise rows are drawn from `np.random.default_rng([seed, split])` with one
stream per split (0 train, 1 test, 2 validation) and never look at the
labels: they carry no information about the digit. Each pixel of a noise row
is uniform on `[0, noise * top]`, where `top` is the largest pixel value
(1 for scaled digits, 16 for raw ones).
"""

from __future__ import annotations

import numbers
import dataclasses
from dataclasses import dataclass, field

import numpy as np

from . import _validate as v
from .data import Digits

IGNORE = -1  # label of a row on which no prediction is scored
WAIT = 10    # "not yet" label of `delayed(..., wait=True)`: an eleventh class
SPLITS = ("train", "test", "val")


@dataclass(frozen=True, eq=False)
class Task:
    """A task: sequences of rows and their labels, split as the digits are.

    `x_*` are float32 `(n, rows, 8)`; `y_*` int64 `(n,)` or `(n, rows)` with
    `IGNORE` (-1) on rows that are not scored. `x_val`/`y_val` are `None`
    unless the digits had a validation set. `args` holds the arguments the
    task was built with; `boundaries` the first row of every digit in a
    sequence (`stream`, `recall`) or of every segment of every test
    sequence (`segments`); `num_classes` the number of labels (11 for
    `delayed(..., wait=True)`, else 10); `scaled` is the digits' own flag.
    """

    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    x_val: np.ndarray | None = None
    y_val: np.ndarray | None = None
    args: dict = field(default_factory=dict)
    boundaries: np.ndarray | None = None
    num_classes: int = 10
    scaled: bool = True

    @property
    def rows(self) -> int:
        """The number of rows (time steps) of every sequence."""
        return self.x_train.shape[1]

    @property
    def per_row(self) -> bool:
        """True when the labels are `(n, rows)`, one per row."""
        return self.y_train.ndim == 2

    def as_digits(self) -> Digits:
        """The task as a `Digits` record, for `lstm.train` (one-label tasks only).

        Returns:
            A `Digits` record holding the same arrays (`x` `(n, rows, 8)`).
        """
        if self.per_row:
            v.fail("task", "a task with one label per sequence (`y` of shape (n,))",
                   f"{self.name} with labels of shape {self.y_train.shape}")
        return Digits(self.x_train, self.y_train, self.x_test, self.y_test,
                      self.x_val, self.y_val, scaled=self.scaled)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={a!r}" for k, a in self.args.items())
        sizes = f"train={len(self.y_train)}, test={len(self.y_test)}"
        if self.y_val is not None:
            sizes += f", val={len(self.y_val)}"
        return f"Task({self.name}({args}), rows={self.rows}, {sizes})"


def plain(data: Digits) -> Task:
    """The digits as they are, read row by row: the article's task.

    Args:
        data: a `Digits` record.

    Returns:
        A `Task` named "plain": `x` `(n, 8, 8)`, `y` `(n,)`.

    Example:

    >>> from lstm import load_digits, tasks
    >>> task = tasks.plain(load_digits())
    >>> task.x_train.shape, task.y_train.shape
    ((1437, 8, 8), (1437,))
    """
    _check_data(data)
    return _build("plain", data, {}, lambda x, y, rng: (x, y))


def distractors(data: Digits, *, k: int, where: str = "after", noise: float = 1.0,
                seed: int = 0) -> Task:
    """The digits with `k` rows of noise after (or before) their 8 rows.

    The noise says nothing about the label, so the only way to keep the
    digit is to stop the noise from entering the memory cell: with the
    distractors after the image, a cell whose input gate cannot close sees
    its memory overwritten (the input weight conflict). With the
    distractors before, the noise comes first and must be forgotten or
    ignored before the digit starts.

    Args:
        data: a `Digits` record.
        k: the number of noise rows, a positive integer.
        where: "after" (rows 8..8+k-1 are noise) or "before" (rows 0..k-1).
        noise: the noise level, a non-negative number: pixels are uniform
            on `[0, noise * top]` (`top` = 1 for scaled digits, 16 raw).
        seed: a non-negative integer seed of the noise.

    Returns:
        A `Task` named "distractors": `x` `(n, 8 + k, 8)`, `y` `(n,)`.

    Example:

    >>> from lstm import load_digits, tasks
    >>> task = tasks.distractors(load_digits(), k=4, where="before")
    >>> task.x_train.shape, task.y_train.shape
    ((1437, 12, 8), (1437,))
    """
    _check_data(data)
    k = v.positive_int("k", k)
    v.one_of("where", where, ("after", "before"))
    noise, seed = _check_noise(noise), v.non_negative_int("seed", seed)
    top = _top(data)

    def make(x, y, rng):
        eps = _noise(rng, x, k, noise * top)  # (n, k, 8)
        rows = (x, eps) if where == "after" else (eps, x)
        return np.concatenate(rows, axis=1), y  # (n, 8 + k, 8)

    return _build("distractors", data, dict(k=k, where=where, noise=noise, seed=seed), make)


def stream(data: Digits, *, digits_per_stream: int, score: str = "every", seed: int = 0) -> Task:
    """Digits read one after another, with no reset between them.

    Each split's images are shuffled (by `seed`) and cut into sequences of
    `digits_per_stream` images (the last incomplete one is dropped, so each
    image is used at most once). The state is never reset inside a
    sequence: without a forget gate the memory cell has no way to let go of
    the digits already read (Gers, Schmidhuber & Cummins 2000).

    Args:
        data: a `Digits` record.
        digits_per_stream: the number of digits per sequence, a positive
            integer no larger than the smallest split.
        score: "every" (every row is labelled with the digit being read,
            including its first rows, where it cannot be known yet) or
            "last" (only the last row of each digit is labelled, the others
            hold `IGNORE`).
        seed: a non-negative integer seed of the shuffle.

    Returns:
        A `Task` named "stream": `x` `(n // m, 8 * m, 8)`, `y`
        `(n // m, 8 * m)` with `m = digits_per_stream`, and `boundaries` =
        `[0, 8, ..., 8 * (m - 1)]`, the first row of every digit.

    Example:

    >>> from lstm import load_digits, tasks
    >>> task = tasks.stream(load_digits(), digits_per_stream=5)
    >>> task.x_train.shape, task.y_train.shape, task.boundaries
    ((287, 40, 8), (287, 40), array([ 0,  8, 16, 24, 32]))
    """
    _check_data(data)
    m = v.positive_int("digits_per_stream", digits_per_stream)
    smallest = min(len(y) for y in (data.y_train, data.y_test, data.y_val) if y is not None)
    if m > smallest:
        v.fail("digits_per_stream", f"at most {smallest} (the smallest split)", repr(m))
    v.one_of("score", score, ("every", "last"))
    seed = v.non_negative_int("seed", seed)
    side = data.x_train.shape[1]  # 8 rows per digit

    def make(x, y, rng):
        n = len(x) // m
        order = rng.permutation(len(x))[: n * m]
        x_t = x[order].reshape(n, m * side, x.shape[2])  # (n, 8m, 8)
        y_t = np.repeat(y[order].reshape(n, m), side, axis=1)  # (n, 8m)
        if score == "last":
            y_t[:, np.arange(m * side) % side != side - 1] = IGNORE
        return x_t, y_t

    return _build("stream", data, dict(digits_per_stream=m, score=score, seed=seed), make,
                  boundaries=np.arange(0, m * side, side, dtype=np.int64))


def delayed(data: Digits, *, delay: int, noise: float = 1.0, wait: bool = False,
            seed: int = 0) -> Task:
    """A digit, then `delay` rows of noise, then its label (a label per row).

    With `wait=False` (the default) this is `distractors(data, k=delay)`
    under another name: the same inputs (the same noise for the same
    `seed`), with the label written at the last row of a per-row label
    array (`y[:, -1]` is the digit; the other rows hold `IGNORE`). Training
    on it gives exactly the runs of `distractors`. It is kept for
    `wait=True`, which is a different task.

    With `wait=True` every row before the last is labelled `WAIT` (10, an
    eleventh class, "not yet"), so an early leak of the digit into the
    output costs loss directly. Train such a task with `num_classes=11`.

    Args:
        data: a `Digits` record.
        delay: the number of noise rows after the digit, a positive integer.
        noise: the noise level, a non-negative number: pixels are uniform
            on `[0, noise * top]` (`top` = 1 for scaled digits, 16 raw).
        wait: label the unscored rows `WAIT` instead of `IGNORE`.
        seed: a non-negative integer seed of the noise.

    Returns:
        A `Task` named "delayed": `x` `(n, 8 + delay, 8)`, `y`
        `(n, 8 + delay)`, with `num_classes` 11 if `wait` else 10.

    Example:

    >>> from lstm import load_digits, tasks
    >>> task = tasks.delayed(load_digits(), delay=6)
    >>> task.x_train.shape, task.y_train[0]
    ((1437, 14, 8), array([-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,  6]))
    """
    _check_data(data)
    delay = v.positive_int("delay", delay)
    noise, seed = _check_noise(noise), v.non_negative_int("seed", seed)
    if not isinstance(wait, bool):
        v.fail("wait", "True or False", repr(wait))
    top = _top(data)

    def make(x, y, rng):
        eps = _noise(rng, x, delay, noise * top)  # (n, delay, 8)
        x_t = np.concatenate([x, eps], axis=1)  # (n, 8 + delay, 8)
        y_t = np.full(x_t.shape[:2], WAIT if wait else IGNORE, dtype=np.int64)  # (n, rows)
        y_t[:, -1] = y
        return x_t, y_t

    return _build("delayed", data, dict(delay=delay, noise=noise, wait=wait, seed=seed), make,
                  num_classes=11 if wait else 10)


def segments(data: Digits, *, segments: int = 3, digits: int = 6, repeats: int = 4,
             seed: int = 0) -> Task:
    """Segments of digits, each opened by a marker row: name the segment's first digit.

    Every sequence holds `segments` segments and `digits` digits in all.
    Each segment starts with a marker row (every pixel at full ink) and
    holds one or more digits; how the digits are shared out among the
    segments is drawn at random for every sequence, so only the marker says
    where a segment begins. The last row of every segment is labelled with
    the *first* digit of that segment; every other row holds `IGNORE`.

    Within a segment the cell must keep the first digit while later digits
    arrive; at the next marker it must drop it and take the new first
    digit: a task that needs both keeping and resetting, as the continual
    tasks of Gers, Schmidhuber & Cummins (2000) do.

    Args:
        data: a `Digits` record.
        segments: the number of segments per sequence, a positive integer.
        digits: the number of digits per sequence, an integer no smaller
            than `segments` (every segment holds at least one digit).
        repeats: how many times each image of a split is used (in different
            sequences and positions), a positive integer.
        seed: a non-negative integer seed of the shuffles and the lengths.

    Returns:
        A `Task` named "segments": `x` `(n, segments + 8 * digits, 8)` and
        `y` of the same first two dimensions, with
        `n = repeats * len(images) // digits` for each split, and
        `boundaries` `(n_test, segments)`: the row of every marker of every
        test sequence (the lengths differ from sequence to sequence).

    Example:

    >>> from lstm import load_digits, tasks
    >>> task = tasks.segments(load_digits(), segments=3, digits=6)
    >>> task.x_train.shape, int((task.y_train[0] >= 0).sum())
    ((958, 51, 8), 3)
    """
    _check_data(data)
    s = v.positive_int("segments", segments)
    d = v.positive_int("digits", digits)
    if d < s:
        v.fail("digits", f"at least `segments` ({s}): every segment holds a digit", repr(d))
    repeats = v.positive_int("repeats", repeats)
    seed = v.non_negative_int("seed", seed)
    top, side = _top(data), data.x_train.shape[1]
    markers = {}  # split -> (n, segments) marker rows

    def make(x, y, rng):
        n = repeats * len(x) // d
        order = np.concatenate([rng.permutation(len(x)) for _ in range(repeats)])[: n * d]
        images, labels = x[order].reshape(n, d, side, x.shape[2]), y[order].reshape(n, d)
        rows = s + side * d
        x_t = np.zeros((n, rows, x.shape[2]), np.float32)   # (n, rows, 8)
        y_t = np.full((n, rows), IGNORE, np.int64)          # (n, rows)
        where = np.zeros((n, s), np.int64)                  # (n, segments): marker rows
        for j in range(n):
            cuts = np.sort(rng.choice(np.arange(1, d), size=s - 1, replace=False))
            row = 0
            for k, (first, stop) in enumerate(zip(np.r_[0, cuts], np.r_[cuts, d])):
                where[j, k] = row
                x_t[j, row] = top                           # the marker
                row += 1
                x_t[j, row:row + side * (stop - first)] = images[j, first:stop].reshape(-1, x.shape[2])
                row += side * (stop - first)
                y_t[j, row - 1] = labels[j, first]          # the segment's first digit
        markers[len(markers)] = where  # the splits are built in the order of SPLITS
        return x_t, y_t

    task = _build("segments", data, dict(segments=s, digits=d, repeats=repeats, seed=seed), make)
    return dataclasses.replace(task, boundaries=markers[SPLITS.index("test")])


def recall(data: Digits, *, digits: int = 4, repeats: int = 4, seed: int = 0) -> Task:
    """Name every digit as it ends, then recall the first one at a query row.

    Every sequence holds `digits` digits and then one query row (pixels
    alternating between 0 and full ink). The last row of each digit is
    labelled with that digit (a short lag), and the query row with the
    *first* digit of the sequence (a long lag); every other row holds
    `IGNORE`. One readout serves both kinds of answer.

    The first digit has to stay in a memory cell while the next digits are
    named; if that cell's content always reached the output, it would
    disturb the answers about the later digits. Hochreiter & Schmidhuber
    (1997) found output gates useful in such settings, where long-lag
    memories and short-lag outputs share the same units.

    Args:
        data: a `Digits` record.
        digits: the number of digits per sequence, an integer of at least 2.
        repeats: how many times each image of a split is used, a positive
            integer.
        seed: a non-negative integer seed of the shuffles.

    Returns:
        A `Task` named "recall": `x` `(n, 8 * digits + 1, 8)`, `y` of the
        same first two dimensions, `n = repeats * len(images) // digits`,
        and `boundaries` = `[0, 8, ..., 8 * digits]` (the first row of each
        digit, then the query row).

    Example:

    >>> from lstm import load_digits, tasks
    >>> task = tasks.recall(load_digits(), digits=4)
    >>> task.x_train.shape, task.y_train[0][task.y_train[0] >= 0].shape
    ((1437, 33, 8), (5,))
    """
    _check_data(data)
    d = v.positive_int("digits", digits)
    if d < 2:
        v.fail("digits", "an integer of at least 2 (the first digit, then others to name)", repr(d))
    repeats = v.positive_int("repeats", repeats)
    seed = v.non_negative_int("seed", seed)
    top, side = _top(data), data.x_train.shape[1]
    query = np.where(np.arange(data.x_train.shape[2]) % 2 == 0, top, 0.0).astype(np.float32)  # (8,)

    def make(x, y, rng):
        n = repeats * len(x) // d
        order = np.concatenate([rng.permutation(len(x)) for _ in range(repeats)])[: n * d]
        x_t = np.concatenate([x[order].reshape(n, d * side, x.shape[2]),
                              np.broadcast_to(query, (n, 1, x.shape[2]))], axis=1)  # (n, 8d + 1, 8)
        y_t = np.full(x_t.shape[:2], IGNORE, np.int64)      # (n, 8d + 1)
        labels = y[order].reshape(n, d)
        y_t[:, side - 1:d * side:side] = labels             # each digit at its last row
        y_t[:, -1] = labels[:, 0]                           # the query: the first digit
        return x_t, y_t

    return _build("recall", data, dict(digits=d, repeats=repeats, seed=seed), make,
                  boundaries=np.arange(0, d * side + 1, side, dtype=np.int64))


def _build(name, data, args, make, **extra):
    """Apply `make(x, y, rng)` to every split, each with its own noise stream."""
    out = {}
    for index, split in enumerate(SPLITS):
        x, y = getattr(data, f"x_{split}"), getattr(data, f"y_{split}")
        if x is None:
            continue
        rng = np.random.default_rng([args.get("seed", 0), index])
        x_t, y_t = make(np.asarray(x, np.float32), np.asarray(y, np.int64), rng)
        out[f"x_{split}"] = np.ascontiguousarray(x_t, dtype=np.float32)
        out[f"y_{split}"] = np.ascontiguousarray(y_t, dtype=np.int64)
    return Task(name, args=args, scaled=data.scaled, **out, **extra)


def _noise(rng, x, rows, high):
    """`rows` rows of uniform noise on `[0, high]` for each of the `len(x)` images."""
    return rng.uniform(0.0, 1.0, size=(len(x), rows, x.shape[2])).astype(np.float32) * np.float32(high)  # (n, rows, 8)


def _top(data):
    return 1.0 if data.scaled else 16.0


def _check_data(data):
    if not isinstance(data, Digits):
        v.fail("data", "a `Digits` record from `lstm.load_digits()`", type(data).__name__)


def _check_noise(noise):
    if isinstance(noise, bool) or not isinstance(noise, numbers.Real) or not np.isfinite(noise) or noise < 0:
        v.fail("noise", "a non-negative finite number", repr(noise))
    return float(noise)


