"""Checks for the exercises "write the LSTM step" and "make the cell follow the article".

The student writes `step(x, h, c, W, b) -> (h_next, c_next)` with the
package's layout (see `lstm/cell.py`): `W` is `(input + hidden, 4 * hidden)`
over `concat([x, h])`, blocks z, i, f, o. The reference answer is always
`lstm.LSTMCell.activations` with the same `W` and `b`.

When an answer is wrong, the check compares it with a catalogue of known
mistakes (each computed from the reference cell with rearranged weights, or
from the cell's own pre-activations and gates) and names the first that fits.
"""

import itertools
from dataclasses import dataclass

import numpy as np
import tensorflow as tf

from ..cell import GATE_ORDER, LSTMCell
from . import _student as s
from ._result import Reporter
from ._triage import as_array, triage


@dataclass(frozen=True)
class _Spec:
    kind: str  # "random", "batch1", "hidden1" or "large"
    batch: int
    input: int
    hidden: int
    scale: float = 1.0


# The first case decides most diagnoses: batch 3 is not divisible by 4 (a
# split along the batch axis fails), input != hidden (concat order shows).
CASES = (
    _Spec("random", batch=3, input=8, hidden=5),
    _Spec("random", batch=2, input=3, hidden=4),
    _Spec("batch1", batch=1, input=8, hidden=6),
    _Spec("hidden1", batch=4, input=5, hidden=1),
    _Spec("large", batch=3, input=8, hidden=5, scale=100.0),
)


@dataclass
class _Case:
    spec: _Spec
    x: np.ndarray  # (B, I)
    h: np.ndarray  # (B, H)
    c: np.ndarray  # (B, H)
    W: np.ndarray  # (I + H, 4H)
    b: np.ndarray  # (4H,)

    def args(self):
        """Fresh float32 copies: the student may write into them."""
        return tuple(a.copy() for a in (self.x, self.h, self.c, self.W, self.b))

    def shapes(self):
        return s.code(f"x {self.x.shape}, h {self.h.shape}, c {self.c.shape}, "
                      f"W {self.W.shape}, b {self.b.shape}")


def _make_case(spec, seed):
    rng = np.random.default_rng(seed)
    B, I, H = spec.batch, spec.input, spec.hidden
    x = rng.normal(size=(B, I)) * spec.scale
    h = rng.uniform(-1.0, 1.0, size=(B, H))
    c = rng.normal(size=(B, H)) * 2.0
    W = rng.normal(size=(I + H, 4 * H)) * 1.5 / np.sqrt(I + H)
    b = rng.normal(size=4 * H) * 0.5
    return _Case(spec, *(a.astype(np.float32) for a in (x, h, c, W, b)))


class _Reference:
    """`lstm.LSTMCell` evaluated on a case, with any weights."""

    def __init__(self, case, cell_tanh):
        self.case = case
        I, H = case.spec.input, case.spec.hidden
        self.cell = LSTMCell(I, H, cell_tanh=cell_tanh, init="zeros", forget_bias=0.0)

    def run(self, W=None, b=None, x=None, h=None):
        case = self.case
        self.cell.W.assign(case.W if W is None else W)
        self.cell.b.assign(case.b if b is None else b)
        x = case.x if x is None else x
        h = case.h if h is None else h
        a = self.cell.activations((tf.constant(h), tf.constant(case.c)), tf.constant(x))
        return type(a)(*(np.asarray(t, dtype=np.float64) for t in a))


def _blocks(a, order):
    """The four blocks of the last axis of `a`, rearranged: block k := block order[k]."""
    parts = np.split(a, 4, axis=-1)
    return np.concatenate([parts[k] for k in order], axis=-1)


def _sigmoid(a):
    return 0.5 * (1.0 + np.tanh(0.5 * a))


def _mistakes(case, ref, cell_tanh):
    """Yield `(key, fields, h, c)` for every known mistake, most specific first."""
    H, I = case.spec.hidden, case.spec.input
    a = ref.run()  # the right activations
    c_prev, h_prev = case.c.astype(np.float64), case.h.astype(np.float64)
    xh = np.concatenate([case.x, case.h], axis=-1).astype(np.float64)
    zp, ip, fp, op = np.split(xh @ case.W + case.b, 4, axis=-1)  # pre-activations, each (B, H)
    out = np.tanh if cell_tanh else (lambda t: t)

    def with_c(key, c, **fields):
        return key, fields, a.o * out(c), c

    # The state update.
    yield with_c("forget_on_input", c_prev + a.f * a.i * a.z)
    yield with_c("forget_on_input", c_prev + a.f * a.z)
    yield with_c("forget_on_input", a.i * c_prev + a.f * a.z)
    yield with_c("old_cell_missing", a.i * a.z)
    yield with_c("input_gate_missing", a.f * c_prev + a.z)
    yield with_c("z_no_tanh", a.f * c_prev + a.i * zp)
    yield with_c("z_sigmoid", a.f * c_prev + a.i * _sigmoid(zp))
    t_i, t_f, t_o = np.tanh(ip), np.tanh(fp), np.tanh(op)
    c_swapped = t_f * c_prev + t_i * _sigmoid(zp)
    yield "activations_swapped", {}, t_o * out(c_swapped), c_swapped
    # The output.
    if cell_tanh:
        yield "article_variant", {}, a.o * a.c, a.c
    else:
        yield "tanh_not_removed", {}, a.o * np.tanh(a.c), a.c
    yield "output_gate_missing", {}, out(a.c), a.c
    yield "output_from_old_cell", {}, a.o * out(c_prev), a.c
    yield "returned_old_state", {}, h_prev, c_prev
    # The weights, read in another layout: the reference cell with rearranged W and b.
    W_hx = np.concatenate([case.W[H:], case.W[:H]], axis=0)  # concat([h, x]) @ W
    r = ref.run(W=W_hx)
    yield "concat_order", {}, r.h, r.c
    r = ref.run(b=np.zeros_like(case.b))
    yield "bias_missing", {}, r.h, r.c
    W_x = case.W.copy()
    W_x[I:] = 0.0
    r = ref.run(W=W_x)
    yield "recurrence_missing", {}, r.h, r.c
    interleaved = np.concatenate([np.arange(k, 4 * H, 4) for k in range(4)])
    r = ref.run(W=case.W[:, interleaved], b=case.b[interleaved])
    yield "step_interleaved", {}, r.h, r.c
    for names in itertools.permutations(GATE_ORDER):
        if names == GATE_ORDER:
            continue
        order = [names.index(g) for g in GATE_ORDER]  # block read as z, i, f, o
        r = ref.run(W=_blocks(case.W, order), b=_blocks(case.b, order))
        key = "forget_on_input" if names == ("z", "f", "i", "o") else "gate_order"
        keras = names == ("i", "f", "z", "o")
        yield key, {"order": s.code(", ".join(names)), "keras": keras}, r.h, r.c


def check_lstm_step(student_fn, lang="en"):
    """Check a student's LSTM step against `lstm.LSTMCell`.

    Args:
        student_fn: `student_fn(x, h, c, W, b) -> (h_next, c_next)`, with
            `x` `(batch, input)`, `h` and `c` `(batch, hidden)`, `W`
            `(input + hidden, 4 * hidden)` over `concat([x, h])` with blocks
            z, i, f, o, and `b` `(4 * hidden,)`. It receives float32 NumPy
            arrays and may return NumPy arrays or TensorFlow tensors.
        lang: `"en"` or `"ja"`, the language of the message.

    Returns:
        A `CheckResult`: truthy when the step matches `LSTMCell` on every
        case (random sizes, a batch of 1, hidden size 1, large inputs);
        otherwise falsy, with the first problem found and a hint.

    Raises:
        ValueError: if `lang` is not `"en"`/`"ja"` or `student_fn` is not callable.

    Example:

    >>> import lstm.checks
    >>> def step(x, h, c, W, b):
    ...     raise NotImplementedError
    >>> bool(lstm.checks.check_lstm_step(step))
    False
    """
    return _check_step(student_fn, lang, cell_tanh=True, check="check_lstm_step")


def check_article_cell(student_fn, lang="en"):
    """Check a student's step of the article's cell, `h = o * c` (no tanh).

    Args:
        student_fn: `student_fn(x, h, c, W, b) -> (h_next, c_next)` as in
            `check_lstm_step`, but computing `h_next = o * c_next`: the
            article's variant, `lstm.LSTMCell(cell_tanh=False)`.
        lang: `"en"` or `"ja"`.

    Returns:
        A `CheckResult` (truthy on success).

    Raises:
        ValueError: if `lang` is not `"en"`/`"ja"` or `student_fn` is not callable.
    """
    return _check_step(student_fn, lang, cell_tanh=False, check="check_article_cell")


def _check_step(student_fn, lang, *, cell_tanh, check):
    fn, lang = s.require(student_fn, lang)
    say = Reporter(check, lang)
    name = s.code(s.function_name(fn))
    dtypes = set()
    for k, spec in enumerate(CASES):
        case = _make_case(spec, seed=k)
        ref = _Reference(case, cell_tanh)
        right = ref.run()
        where = say.say("case_" + spec.kind, shapes=case.shapes())
        pair, problem = triage(
            say, fn, case.args(), first=k == 0, where=where, signature="x, h, c, W, b",
            error_hint=lambda error: _error_hint(say, error, case),
            expect=lambda value: _unpack_pair(say, value, name))
        if problem is not None:
            return problem
        arrays = {}
        for label, value in zip(("h_next", "c_next"), pair):
            arr, problem = as_array(say, value, label)
            if problem is None:
                problem = _shape_problem(say, label, arr, case, where)
            if problem is not None:
                return problem
            if not np.all(np.isfinite(arr)):
                hint = "nonfinite_large_hint" if spec.kind == "large" else "nonfinite_hint"
                return say.wrong("nonfinite", hint, label=s.code(label), where=where)
            arrays[label] = arr
        h_next, c_next = arrays["h_next"], arrays["c_next"]
        if s.close(h_next, right.h) and s.close(c_next, right.c):
            dtypes.update(str(arr.dtype) for arr in arrays.values())
            continue
        return _diagnose(say, case, ref, right, h_next, c_next, cell_tanh, where, first=k == 0)
    wrong_dtypes = sorted(d for d in dtypes if d != "float32")
    if wrong_dtypes:
        return say.wrong("dtype", dtype=s.code(", ".join(wrong_dtypes)))
    return say.passed("step_passed" if cell_tanh else "article_passed", n=len(CASES))


def _unpack_pair(say, value, name):
    """`((h, c), None)`, or `(None, CheckResult)` when the value is not a pair."""
    shape = getattr(value, "shape", None)
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return tuple(value), None
    if shape is not None and len(shape) == 3 and shape[0] == 2:  # tf.stack([h, c]), as the article does
        return (value[0], value[1]), None
    return None, say.wrong("not_a_pair", name=name, got=s.type_name(value))


def _shape_problem(say, label, arr, case, where):
    B, H = case.spec.batch, case.spec.hidden
    expected = (B, H)
    if arr.shape == expected:
        return None
    fields = dict(label=s.code(label), got=s.shape_text(arr.shape), expected=s.shape_text(expected),
                  where=where)
    if arr.shape == (B, 4 * H) and H > 1:
        return say.wrong("shape_not_split", **fields)
    if arr.shape == (H, B) and H != B:
        return say.wrong("shape_transposed", **fields)
    if arr.size == B * H and arr.ndim != 2:
        return say.wrong("shape_squeezed", **fields)
    return say.wrong("shape", **fields)


def _diagnose(say, case, ref, right, h_next, c_next, cell_tanh, where, *, first):
    if s.near(h_next, right.c) and s.near(c_next, right.h):
        return say.wrong("hc_swapped")
    if not first and case.spec.kind != "random":
        # It was right on the general cases: the edge case itself is the problem.
        worst = max(s.max_diff(h_next, right.h), s.max_diff(c_next, right.c))
        return say.wrong("edge_" + case.spec.kind, diff=f"{worst:.3g}", where=where)
    c_only = None  # the first mistake that explains c_next (h_next may be wrong for another reason)
    for key, fields, h, c in _mistakes(case, ref, cell_tanh):
        if s.near(c_next, c):
            if s.near(h_next, h):
                return _mistake_result(say, key, fields)
            c_only = c_only or (key, fields)
    if s.close(c_next, right.c):
        return say.wrong("h_wrong", diff=f"{s.max_diff(h_next, right.h):.3g}", where=where,
                         hint_key="h_wrong_hint" if cell_tanh else "h_wrong_article_hint")
    if c_only is not None:  # the state update is wrong in a known way
        return _mistake_result(say, *c_only)
    if s.close(h_next, right.h):
        return say.wrong("c_wrong", diff=f"{s.max_diff(c_next, right.c):.3g}", where=where)
    return say.wrong("both_wrong", diff=f"{s.max_diff(h_next, right.h):.3g}", where=where,
                     hint_key="both_wrong_hint" if cell_tanh else "both_wrong_article_hint")


def _mistake_result(say, key, fields):
    if key == "gate_order" and fields.get("keras"):
        return say.wrong("gate_order", "gate_order_keras_hint", **fields)
    return say.wrong(key, **fields)


def _error_hint(say, error, case):
    """A hint chosen from the words of the exception's message."""
    text = str(error).lower()
    B, I, H = case.spec.batch, case.spec.input, case.spec.hidden
    fields = dict(xh=s.code((B, I + H)), W=s.code(case.W.shape), gates=s.code((B, 4 * H)),
                  state=s.code((B, H)))
    if "split" in text or "divisible" in text or "equal division" in text:
        return say.say("error_split_hint", **fields)
    if "concat" in text or "concatenation axis" in text:
        return say.say("error_concat_hint", **fields)
    if "expected to be a" in text and "tensor" in text or "cannot compute" in text:
        return say.say("error_dtype_hint", **fields)
    if any(w in text for w in ("matmul", "size-incompatible", "not aligned", "core dimension")):
        return say.say("error_matmul_hint", **fields)
    if "broadcast" in text or "incompatible shapes" in text:
        return say.say("error_broadcast_hint", **fields)
    if "nonetype" in text:
        return say.say("error_none_hint", **fields)
    return say.say("error_hint", **fields)
