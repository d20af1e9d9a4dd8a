"""What the trained models of the gate studies do, measured on their test sequences.

Each function traces models (`RowClassifier.trace`) and reduces the gates
to the few numbers a chapter reports; drawing them is `lstm.figures.studies`.
(`lstm.analysis.trace_measures` measures one model's traces of the digits.)

- `input_gate_rows`: how much is written on each row, and how often the
  input gate is shut on the digit rows and on the noise rows (chapter 5);
- `scored_accuracy`: accuracy on chosen scored rows (the first segment or
  the later ones; the short-lag rows or the query), per model;
- `reset_profile`, `cell_growth`: the forget gate around the segment
  markers, unit by unit, and |c| along a long stream (chapter 6);
- `memory_cells`: the output gate of the cells that hold the first digit
  (chapter 7).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import _validate as v
from ..model import RowClassifier
from ..tasks import IGNORE, Task
from .trace_measures import SATURATED

SHUT = 0.1          # a gate below this is "shut", as the chapters define it


@dataclass(frozen=True)
class InputGateRows:
    """Per model (first axis) and per row: what the input gate lets through.

    Attributes:
        write: `(models, rows)` mean |i ⊙ z| over test sequences and cells.
        shut_digit, shut_noise: `(models,)` the share of (sequence, cell,
            row) values with i < `SHUT` on the digit rows and on the noise rows.
        f_noise: `(models,)` the mean forget gate on the noise rows.
    """

    write: np.ndarray
    shut_digit: np.ndarray
    shut_noise: np.ndarray
    f_noise: np.ndarray


def _check_models(models):
    if (isinstance(models, (str, bytes)) or not isinstance(models, Sequence) or not models
            or not all(isinstance(m, RowClassifier) for m in models)):
        v.fail("models", "a non-empty sequence of lstm.RowClassifier", type(models).__name__)
    return list(models)


def _check_task(task, name=None):
    if not isinstance(task, Task):
        v.fail("task", "an lstm.tasks.Task", type(task).__name__)
    if name is not None and task.name != name:
        v.fail("task", f"a `{name}` task from lstm.tasks.{name}", f"a `{task.name}` task")
    return task


def input_gate_rows(models: Sequence[RowClassifier], task: Task, *, digit_rows: int = 8) -> InputGateRows:
    """Measure the input gate on a distractors task (digit rows, then noise rows).

    Args:
        models: trained models (e.g. the ten test seeds of one variant).
        task: the `distractors` task they were trained on (`where="after"`).
        digit_rows: how many rows the digit takes before the noise.

    Returns:
        An `InputGateRows`.
    """
    models, task = _check_models(models), _check_task(task, "distractors")
    if task.args.get("where") != "after":
        v.fail("task", "distractors placed after the digit (where='after')", repr(task.args.get("where")))
    write, shut_d, shut_n, f_n = [], [], [], []
    for model in models:
        t = model.trace(task.x_test)                        # each (n, rows, H)
        write.append(np.abs(t.i * t.z).mean(axis=(0, 2)))   # (rows,)
        shut_d.append((t.i[:, :digit_rows] < SHUT).mean())
        shut_n.append((t.i[:, digit_rows:] < SHUT).mean())
        f_n.append(t.f[:, digit_rows:].mean())
    return InputGateRows(np.array(write), np.array(shut_d), np.array(shut_n), np.array(f_n))


def scored_accuracy(models: Sequence[RowClassifier], task: Task, rows: np.ndarray) -> np.ndarray:
    """Per model, the test accuracy on the scored rows selected by `rows`.

    Args:
        models: trained models of a task with a label per row.
        task: that task.
        rows: a boolean mask `(n_test, rows)`: which scored rows count.

    Returns:
        `(models,)` accuracies.
    """
    models, task = _check_models(models), _check_task(task)
    mask = np.asarray(rows)
    if mask.dtype != bool or mask.shape != task.y_test.shape:
        v.fail("rows", f"a boolean mask of shape {task.y_test.shape}",
               f"an array of {mask.dtype} and shape {mask.shape}")
    chosen = mask & (task.y_test != IGNORE)
    if not chosen.any():
        v.fail("rows", "a mask that selects at least one scored row", "no scored row")
    out = []
    for model in models:
        predicted = model.trace(task.x_test).probs.argmax(axis=-1)  # (n, rows)
        out.append(float((predicted[chosen] == task.y_test[chosen]).mean()))
    return np.array(out)


def segment_masks(task: Task) -> tuple[np.ndarray, np.ndarray]:
    """`(first, later)`: masks of the first segment's answer and of the later
    segments' answers (which need a reset), for a `segments` task's test split."""
    task = _check_task(task, "segments")
    rows = np.arange(task.rows)
    second = task.boundaries[:, 1:2]                        # (n, 1): the second marker
    first = rows[None, :] < second                          # (n, rows)
    return first, ~first


def recall_masks(task: Task) -> tuple[np.ndarray, np.ndarray]:
    """`(short, query)`: masks of the digits' own answers and of the query row,
    for a `recall` task's test split."""
    task = _check_task(task, "recall")
    query = np.zeros(task.y_test.shape, bool)
    query[:, -1] = True
    return ~query, query


@dataclass(frozen=True)
class ResetProfile:
    """The forget gate around the markers of a `segments` task.

    Attributes:
        offsets: `(window,)` rows relative to a marker (0 is the marker row).
        f: `(window, H)` mean f at each offset, per unit, over the markers
            that open a second or later segment.
        f_inside: `(H,)` mean f per unit on the digit rows of a segment.
        resetting: units whose f at the marker is below `SHUT`, sorted.
    """

    offsets: np.ndarray
    f: np.ndarray
    f_inside: np.ndarray
    resetting: np.ndarray


def reset_profile(model: RowClassifier, task: Task, *, before: int = 3, after: int = 3) -> ResetProfile:
    """The forget gate of `model` around every marker after the first.

    The state after the marker row is what the next segment starts from, so
    a reset shows as f ≈ 0 at the marker row (offset 0) or just after it.
    """
    (model,), task = _check_models([model]), _check_task(task, "segments")
    before, after = v.non_negative_int("before", before), v.non_negative_int("after", after)
    t = model.trace(task.x_test)                            # each (n, rows, H)
    offsets = np.arange(-before, after + 1)
    windows = []
    for n, markers in enumerate(task.boundaries):
        for m in markers[1:]:
            rows = m + offsets
            if rows.min() >= 0 and rows.max() < task.rows:
                windows.append(t.f[n, rows])                # (window, H)
    inside = np.ones(task.x_test.shape[:2], bool)
    for n, markers in enumerate(task.boundaries):
        inside[n, markers] = False
    f = np.mean(windows, axis=0)                            # (window, H)
    return ResetProfile(offsets, f, t.f[inside].mean(axis=0), np.flatnonzero(f[before] < SHUT))


@dataclass(frozen=True)
class CellGrowth:
    """|c| along a long stream of segments.

    Attributes:
        abs_c: `(rows,)` mean |c| over test sequences and units.
        saturated: `(rows,)` share of units with |tanh c| > `SATURATED`.
        o_saturated: mean output gate of the saturated units (nan if none).
        markers: `(segments,)` the marker rows of the first test sequence.
    """

    abs_c: np.ndarray
    saturated: np.ndarray
    o_saturated: float
    markers: np.ndarray


def cell_growth(model: RowClassifier, task: Task) -> CellGrowth:
    """Mean |c| and the saturated share along the test sequences of `task`
    (a `segments` task, possibly longer than the one the model was trained on)."""
    (model,), task = _check_models([model]), _check_task(task, "segments")
    t = model.trace(task.x_test)                            # each (n, rows, H)
    saturated = np.abs(np.tanh(t.c)) > SATURATED            # (n, rows, H)
    o_sat = float(t.o[saturated].mean()) if saturated.any() else float("nan")
    return CellGrowth(np.abs(t.c).mean(axis=(0, 2)), saturated.mean(axis=(0, 2)), o_sat,
                      task.boundaries[0])


@dataclass(frozen=True)
class MemoryCells:
    """The output gate of the cells that hold the first digit, on a `recall` task.

    Attributes:
        units: the `k` units whose c, at the last row before the query, best
            separates the first digit (largest between-digit share of variance).
        o_memory, o_other: `(rows,)` mean o of those units and of the others.
        separation: `(H,)` every unit's between-digit share of variance.
    """

    units: np.ndarray
    o_memory: np.ndarray
    o_other: np.ndarray
    separation: np.ndarray


def memory_cells(model: RowClassifier, task: Task, *, k: int = 4) -> MemoryCells:
    """Find the cells that carry the first digit to the query, and their output gate."""
    (model,), task = _check_models([model]), _check_task(task, "recall")
    k = v.positive_int("k", k)
    if k >= model.hidden_size:
        v.fail("k", f"fewer cells than the model has ({model.hidden_size})", repr(k))
    t = model.trace(task.x_test)                            # each (n, rows, H)
    c = t.c[:, -2]                                          # (n, H): before the query row
    first = task.y_test[:, -1]                              # (n,): the first digit
    total = c.var(axis=0) + 1e-12
    means = np.stack([c[first == d].mean(axis=0) for d in np.unique(first)])  # (digits, H)
    counts = np.array([(first == d).sum() for d in np.unique(first)])[:, None]
    between = (counts * (means - c.mean(axis=0)) ** 2).sum(axis=0) / len(c)  # (H,)
    separation = between / total
    units = np.sort(np.argsort(separation)[::-1][:k])
    others = np.setdiff1d(np.arange(c.shape[1]), units)
    return MemoryCells(units, t.o[:, :, units].mean(axis=(0, 2)), t.o[:, :, others].mean(axis=(0, 2)),
                       separation)
