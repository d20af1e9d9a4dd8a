"""Check for the exercise "write one backward step of the LSTM".

The student writes `lstm_step_backward(dh, dc, cache)` for the standard
LSTM (every gate learned, `h = o * tanh(c)`), in NumPy:

- `dh` `(batch, hidden)`: the loss's gradient with respect to this step's
  output `h`, along every path;
- `dc` `(batch, hidden)`: the gradient that reaches this step's cell state
  `c` from the later steps;
- `cache`: a dict of what the forward step kept, float32 NumPy arrays:
  `"x"` `(batch, input)`, `"h_prev"` and `"c_prev"` `(batch, hidden)`, the
  activations `"z"` (after its tanh), `"i"`, `"f"`, `"o"` (after their
  sigmoid), the new cell state `"c"`, each `(batch, hidden)`, and `"W"`
  `(input + hidden, 4 * hidden)` with blocks z, i, f, o over `concat([x, h])`
  (see `lstm/cell.py`).

It returns `(dx, dh_prev, dc_prev, dW, db)`, of the shapes of `x`, `h_prev`,
`c_prev`, `W` and `b` `(4 * hidden,)`. The reference is
`lstm.bptt.step_backward`. When an answer is wrong, the check computes the
step again with each known slip (the gradient into `c_prev` without `f`,
the path from `h` into `c` left out, `tanh'(c)` forgotten, a wrong
derivative for a gate or for `z`, the blocks of `da` in another order, ...)
and names the first whose five results all fit.
"""

import itertools
from dataclasses import dataclass

import numpy as np

from .. import bptt
from ..cell import GATE_NAMES, GATE_ORDER
from . import _student as s
from ._result import Reporter
from ._triage import as_array, triage

OUTPUTS = ("dx", "dh_prev", "dc_prev", "dW", "db")
"""What the student's function returns, in order."""

CACHE_KEYS = ("x", "h_prev", "c_prev", "z", "i", "f", "o", "c", "W")
"""The entries of the `cache` dict the student's function receives."""


@dataclass(frozen=True)
class _Spec:
    kind: str  # "random", "batch1" or "hidden1": the cases of the messages "case_..." and "edge_..."
    batch: int
    input: int
    hidden: int


# Shapes that name the mistakes: batch != input (dx transposed shows), input + hidden != 4 * hidden
# (dW transposed shows), hidden > 1 in the first case (db not summed over the batch shows).
CASES = (
    _Spec("random", batch=3, input=4, hidden=5),
    _Spec("random", batch=2, input=3, hidden=2),
    _Spec("batch1", batch=1, input=4, hidden=3),
    _Spec("hidden1", batch=4, input=2, hidden=1),
)


def _make_case(spec, seed):
    """`(dh, dc, cache)` as float32 arrays: a random forward step and random upstream gradients."""
    rng = np.random.default_rng(300 + seed)
    B, I, H = spec.batch, spec.input, spec.hidden
    x = rng.normal(size=(B, 1, I))  # (B, T=1, I)
    W = rng.normal(size=(I + H, 4 * H)) * 1.5 / np.sqrt(I + H)  # (I + H, 4H)
    b = rng.normal(size=4 * H) * 0.5  # (4H,)
    h_prev, c_prev = rng.uniform(-1, 1, size=(B, H)), rng.normal(size=(B, H)) * 1.5  # (B, H)
    _, _, forward = bptt.forward(x, W, b, h_prev, c_prev)
    step = forward.steps[0]
    cache = {key: np.asarray(getattr(step, key), np.float32) for key in CACHE_KEYS}
    dh, dc = (rng.normal(size=(B, H)).astype(np.float32) for _ in range(2))  # (B, H)
    return dh, dc, cache


def _copies(dh, dc, cache):
    """Fresh copies of a case's arguments: the student may write into them."""
    return dh.copy(), dc.copy(), {key: value.copy() for key, value in cache.items()}


def reference_step_backward(dh, dc, cache):
    """The exercise's answer: `lstm.bptt.step_backward` on the cache dict (float64 results)."""
    step = bptt.StepCache(*(np.asarray(cache[key], np.float64) for key in CACHE_KEYS),
                          gates=GATE_NAMES, cell_tanh=True)
    return bptt.step_backward(dh, dc, step)


def _sigmoid(a):
    return 0.5 * (1.0 + np.tanh(0.5 * a))


# Each slip changes one line of the step; "bwd_gate_order" (the blocks of da in another order) is
# tried for every order of the four blocks.
SLIPS = (
    "bwd_dc_prev_no_f", "bwd_dc_prev_missing", "bwd_h_path_missing", "bwd_tanh_slope_missing",
    "bwd_tanh_not_slope", "bwd_sigmoid_as_value", "bwd_sigmoid_tanh_prime", "bwd_sigmoid_twice",
    "bwd_z_sigmoid_prime", "bwd_z_slope_missing", "bwd_z_tanh_twice", "bwd_df_new_c", "bwd_do_no_tanh",
)


def _step_with(dh, dc, cache, slip=None, order=GATE_ORDER):
    """The backward step written out once more, with `slip` (a key of `SLIPS`) made on purpose.

    With `slip=None` and the default `order` it equals `reference_step_backward` (a test checks it).
    """
    x, h_prev, c_prev, z, i, f, o, c, W = (np.asarray(cache[k], np.float64) for k in CACHE_KEYS)
    dh, dc = np.asarray(dh, np.float64), np.asarray(dc, np.float64)  # (B, H)
    tanh_c = np.tanh(c)  # (B, H)
    slope = {"bwd_tanh_slope_missing": 1.0, "bwd_tanh_not_slope": tanh_c}.get(slip, 1.0 - tanh_c ** 2)
    into_c = 0.0 if slip == "bwd_h_path_missing" else dh * o * slope  # (B, H)
    dc_t = dc + into_c  # (B, H)  everything that reaches c
    do = dh * (c if slip == "bwd_do_no_tanh" else tanh_c)  # (B, H)
    di, dz = dc_t * z, dc_t * i  # (B, H)
    df = dc_t * (c if slip == "bwd_df_new_c" else c_prev)  # (B, H)
    dc_prev = {"bwd_dc_prev_no_f": dc_t, "bwd_dc_prev_missing": np.zeros_like(dc_t)}.get(slip, dc_t * f)
    gate_slope = {"bwd_sigmoid_as_value": lambda g: g,
                  "bwd_sigmoid_tanh_prime": lambda g: 1.0 - g ** 2,
                  "bwd_sigmoid_twice": lambda g: _sigmoid(g) * (1.0 - _sigmoid(g))}.get(slip, lambda g: g * (1.0 - g))
    z_slope = {"bwd_z_sigmoid_prime": z * (1.0 - z), "bwd_z_slope_missing": 1.0,
               "bwd_z_tanh_twice": 1.0 - np.tanh(z) ** 2}.get(slip, 1.0 - z ** 2)
    da = {"z": dz * z_slope, "i": di * gate_slope(i), "f": df * gate_slope(f), "o": do * gate_slope(o)}
    da = np.concatenate([da[g] for g in order], axis=1)  # (B, 4H)
    xh = np.concatenate([x, h_prev], axis=1)  # (B, I + H)
    dxh = da @ W.T  # (B, I + H)
    I = x.shape[1]
    return dxh[:, :I], dxh[:, I:], dc_prev, xh.T @ da, da.sum(axis=0)


def _slips(dh, dc, cache):
    """Yield `(key, fields, outputs)` for every known slip, in the order they are tried."""
    for slip in SLIPS:
        yield slip, {}, _step_with(dh, dc, cache, slip)
    for order in itertools.permutations(GATE_ORDER):
        if order != GATE_ORDER:
            yield "bwd_gate_order", {"order": s.code(", ".join(order))}, _step_with(dh, dc, cache, order=order)


def check_lstm_step_backward(student_fn, lang="en"):
    """Check a student's backward step of the LSTM against `lstm.bptt.step_backward`.

    Args:
        student_fn: `student_fn(dh, dc, cache) -> (dx, dh_prev, dc_prev, dW, db)`
            as described at the top of `lstm/checks/backward.py`. It
            receives float32 NumPy arrays (and a dict of them) and may return
            NumPy arrays or TensorFlow tensors of any float dtype.
        lang: `"en"` or `"ja"`, the language of the message.

    Returns:
        A `CheckResult`: truthy when the five gradients match the reference
        on every case (random sizes, a batch of 1, hidden size 1); otherwise
        falsy, with the first problem found and a hint.

    Raises:
        ValueError: if `lang` is not `"en"`/`"ja"` or `student_fn` is not callable.

    Example:

    >>> import lstm.checks
    >>> def lstm_step_backward(dh, dc, cache):
    ...     raise NotImplementedError
    >>> lstm.checks.check_lstm_step_backward(lstm_step_backward).status
    'unanswered'
    """
    fn, lang = s.require(student_fn, lang)
    say = Reporter("check_lstm_step_backward", lang)
    name = s.code(s.function_name(fn))
    for k, spec in enumerate(CASES):
        dh, dc, cache = _make_case(spec, seed=k)
        where = say.say("case_" + spec.kind, shapes=_shapes(dh, dc, cache))
        five, problem = triage(
            say, fn, _copies(dh, dc, cache), first=k == 0, where=where, signature="dh, dc, cache",
            error_hint=lambda error: _error_hint(say, error, spec),
            expect=lambda value: _unpack_five(say, value, name))
        if problem is not None:  # (a CheckResult of a wrong answer is falsy: test for None)
            return problem
        right = reference_step_backward(dh, dc, cache)
        got = []
        for label, value, expected in zip(OUTPUTS, five, right):
            arr, problem = as_array(say, value, label, hint_key="bwd_not_five_hint")
            if problem is None:
                problem = _shape_problem(say, label, arr, expected.shape, spec, where)
            if problem is None and not np.all(np.isfinite(arr)):
                problem = say.wrong("nonfinite", label=s.code(label), where=where)
            if problem is not None:
                return problem
            got.append(arr)
        if all(s.close(g, r) for g, r in zip(got, right)):
            continue
        return _diagnose(say, got, right, (dh, dc, cache), spec, where, first=k == 0)
    return say.passed("bwd_passed", n=len(CASES))


def _shapes(dh, dc, cache):
    return s.code(f"dh {dh.shape}, dc {dc.shape}, x {cache['x'].shape}, W {cache['W'].shape}")


def _unpack_five(say, value, name):
    """`(five values, None)`, or `(None, CheckResult)` when the value is not five things."""
    if isinstance(value, (tuple, list)) and len(value) == 5:
        return tuple(value), None
    return None, say.wrong("bwd_not_five", name=name, got=s.type_name(value))


def _shape_problem(say, label, arr, expected, spec, where):
    if arr.shape == expected:
        return None
    fields = dict(label=s.code(label), got=s.shape_text(arr.shape), expected=s.shape_text(expected),
                  where=where)
    if label == "dW" and arr.shape == expected[::-1]:
        return say.wrong("bwd_dW_transposed", **fields)
    if label == "db" and arr.shape == (spec.batch, *expected):
        return say.wrong("bwd_db_not_summed", **fields)
    if arr.ndim == 2 and arr.shape == expected[::-1]:
        return say.wrong("bwd_transposed", **fields)
    return say.wrong("bwd_shape", **fields)


def _diagnose(say, got, right, args, spec, where, *, first):
    wrong = [label for label, g, r in zip(OUTPUTS, got, right) if not s.close(g, r)]
    diff = f"{max(s.max_diff(g, r) for g, r in zip(got, right)):.3g}"
    if not first and spec.kind != "random":
        # It was right on the general cases: the edge case itself is the problem.
        return say.wrong("edge_" + spec.kind, diff=diff, where=where)
    partial = None  # the first slip that explains every output it changes
    for key, fields, outputs in _slips(*args):
        fits = [s.near(g, v) for g, v in zip(got, outputs)]
        if all(fits):
            return say.wrong(key, **fields)
        changed = [not s.close(v, r) for v, r in zip(outputs, right)]
        if partial is None and any(changed) and all(fit for fit, c in zip(fits, changed) if c):
            partial = (key, fields)
    if partial is not None:
        return say.wrong(partial[0], **partial[1])
    hint_key = "bwd_values_hint"
    if wrong == ["dc_prev"]:
        hint_key = "bwd_values_dc_prev_hint"
    elif set(wrong) <= {"dx", "dh_prev"}:
        hint_key = "bwd_values_split_hint"
    elif set(wrong) <= {"dW", "db"}:
        hint_key = "bwd_values_weights_hint"
    I, H = spec.input, spec.hidden
    return say.wrong("bwd_values", hint_key, wrong=", ".join(s.code(w) for w in wrong), diff=diff,
                     where=where, I=I, H=H, xh=s.code((spec.batch, I + H)))


def _error_hint(say, error, spec):
    """A hint chosen from the words of the exception's message."""
    text = str(error).lower()
    B, I, H = spec.batch, spec.input, spec.hidden
    fields = dict(state=s.code((B, H)), da=s.code((B, 4 * H)), xh=s.code((B, I + H)),
                  W=s.code((I + H, 4 * H)))
    if any(w in text for w in ("matmul", "size-incompatible", "not aligned", "core dimension")):
        return say.say("bwd_error_matmul_hint", **fields)
    return say.say("bwd_error_hint", **fields)
