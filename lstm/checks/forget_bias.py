"""Check for the exercise "set the forget-gate bias".

The student writes `set_forget_bias(b, forget_bias)`: given a bias vector
`b` `(4 * hidden,)` laid out as `lstm.LSTMCell.b` (blocks z, i, f, o), it
returns a new vector whose f block (entries `2H:3H`) holds `forget_bias` and
whose other blocks are unchanged. In a chapter:
`cell.b.assign(set_forget_bias(cell.b.numpy(), 1.0))`.

The reference is `lstm.LSTMCell(init="zeros", forget_bias=...)`, whose bias
is exactly that vector when it starts from zeros; the check also starts from
random vectors, to see that only the f block changes.
"""

import numpy as np

from ..cell import GATE_ORDER, LSTMCell
from . import _student as s
from ._result import Reporter
from ._triage import as_array, triage

# (hidden_size, forget_bias, start): "random" starts from a random b, "zeros"
# from the zero vector of a fresh cell (where adding and setting agree).
CASES = ((5, 1.0, "random"), (3, 2.5, "random"), (1, -1.0, "random"), (50, 1.0, "zeros"))


def reference_bias(b, forget_bias):
    """`b` with its forget block replaced, using `LSTMCell`'s own layout."""
    H = len(b) // 4
    f_block = LSTMCell(1, H, init="zeros", forget_bias=1.0).b.numpy() == 1.0  # the cell's own f block
    return np.where(f_block, np.float32(forget_bias), b).astype(np.float32)


def check_forget_bias(student_fn, lang="en"):
    """Check a student's function that sets the forget-gate block of a bias.

    Args:
        student_fn: `student_fn(b, forget_bias)` with `b` a float32 NumPy
            vector `(4 * hidden,)` (blocks z, i, f, o) and `forget_bias` a
            float, returning the new vector (NumPy or TensorFlow): the f
            block set to `forget_bias`, every other entry as in `b`.
        lang: `"en"` or `"ja"`.

    Returns:
        A `CheckResult` (truthy on success).

    Raises:
        ValueError: if `lang` is not `"en"`/`"ja"` or `student_fn` is not callable.
    """
    fn, lang = s.require(student_fn, lang)
    say = Reporter("check_forget_bias", lang)
    dtypes = set()
    for k, (H, value, start) in enumerate(CASES):
        rng = np.random.default_rng(200 + k)
        b = (rng.normal(size=4 * H) if start == "random" else np.zeros(4 * H)).astype(np.float32)
        where = say.say("bias_case", H=H, value=value, b=s.code(b.shape))
        arr, problem = triage(
            say, fn, (b.copy(), value), first=k == 0, where=where, signature="b, forget_bias",
            error_hint="bias_error_hint", in_place_key="bias_in_place",
            expect=lambda returned: as_array(say, returned, "b", hint_key="bias_format_hint"))
        if problem is not None:  # (a CheckResult of a wrong answer is falsy: test for None)
            return problem
        fields = dict(got=s.shape_text(arr.shape), expected=s.shape_text(b.shape), where=where,
                      label=s.code("b"), value=value)
        if arr.shape == (H,) and H > 1:
            return say.wrong("bias_only_f", **fields)
        if arr.shape != b.shape:
            return say.wrong("shape", "bias_shape_hint", **fields)
        if not np.all(np.isfinite(arr)):
            return say.wrong("nonfinite", label=s.code("b"), where=where)
        right = reference_bias(b, value)
        if s.close(arr, right):
            dtypes.add(str(arr.dtype))
            continue
        return _diagnose(say, arr, b, value, right, fields)
    wrong = sorted(d for d in dtypes if d != "float32")
    if wrong:
        return say.wrong("dtype", dtype=s.code(", ".join(wrong)))
    return say.passed("bias_passed", n=len(CASES))


def _diagnose(say, got, b, value, right, fields):
    H = len(b) // 4
    blocks = lambda a: np.split(np.asarray(a, np.float64), 4)  # noqa: E731  (z, i, f, o)
    g, old = blocks(got), blocks(b)
    is_set = [s.close(g[k], np.full(H, value)) for k in range(4)]
    kept = [s.close(g[k], old[k]) for k in range(4)]
    f = GATE_ORDER.index("f")
    if all(kept):
        return say.wrong("bias_unchanged", **fields)
    if all(is_set):
        return say.wrong("bias_all_blocks", **fields)
    if s.close(g[f], old[f] + value) and all(kept[k] for k in range(4) if k != f):
        return say.wrong("bias_added", **fields)
    wrong_block = [k for k in range(4) if k != f and is_set[k] and not kept[k]]
    if wrong_block and kept[f]:
        k = wrong_block[0]
        return say.wrong("bias_wrong_block", block=k + 1, gate=GATE_ORDER[k],
                         cols=s.code(f"{k * H}:{(k + 1) * H}"), **fields)
    interleaved = np.asarray(b, np.float64).copy()
    interleaved[f::4] = value
    if s.close(got, interleaved):
        return say.wrong("bias_interleaved", **fields)
    others = [k for k in range(4) if k != f]
    if is_set[f] and all(s.close(g[k], np.zeros(H)) and not kept[k] for k in others):
        return say.wrong("bias_others_changed", **fields)  # built from zeros, not from b
    bad = np.flatnonzero(~np.isclose(np.asarray(got, np.float64), right, rtol=1e-4, atol=1e-5))
    shown = ", ".join(map(str, bad[:8])) + (", ..." if len(bad) > 8 else "")
    return say.wrong("bias_values", entries=s.code(shown), cols=s.code(f"{2 * H}:{3 * H}"), **fields)
