"""Check for the exercise "split the fused weight into the four gates".

The student writes `split_gates(W, b)` and returns
`(W_z, W_i, W_f, W_o), (b_z, b_i, b_f, b_o)` (a dict `{"z": (W_z, b_z), ...}`
is accepted too). Each `W_g` is `(input + hidden, hidden)`, each `b_g`
`(hidden,)`. The reference is the layout `lstm.LSTMCell` uses: the blocks of
the last axis in the order `lstm.GATE_ORDER` (z, i, f, o).
"""

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ..cell import GATE_ORDER
from . import _student as s
from ._result import Reporter
from ._triage import as_array, triage


@dataclass(frozen=True)
class _Spec:
    input: int
    hidden: int


# 8 + 4 = 12 rows split in 4 gives a shape that names the mistake; 2 + 1 = 3
# rows cannot be split in 4 at all.
CASES = (_Spec(8, 4), _Spec(3, 5), _Spec(2, 1))


def reference_blocks(W, b):
    """The four blocks of `W` and `b` as `lstm.LSTMCell.activations` splits them.

    Returns:
        `{gate: (W_g, b_g)}` for gate in `GATE_ORDER`, `W_g` `(rows, hidden)`
        and `b_g` `(hidden,)`.
    """
    Ws = np.split(np.asarray(W), 4, axis=-1)  # as tf.split(gates, 4, axis=-1) in the cell
    bs = np.split(np.asarray(b), 4, axis=-1)
    return {g: (Ws[k], bs[k]) for k, g in enumerate(GATE_ORDER)}


def check_split_gates(student_fn, lang="en"):
    """Check a student's split of the fused `W` and `b` into z, i, f, o.

    Args:
        student_fn: `student_fn(W, b)` with `W` `(input + hidden, 4 * hidden)`
            and `b` `(4 * hidden,)` (float32 NumPy), returning
            `(W_z, W_i, W_f, W_o), (b_z, b_i, b_f, b_o)` or a dict
            `{"z": (W_z, b_z), "i": ..., "f": ..., "o": ...}`; NumPy or TensorFlow.
        lang: `"en"` or `"ja"`.

    Returns:
        A `CheckResult` (truthy on success).

    Raises:
        ValueError: if `lang` is not `"en"`/`"ja"` or `student_fn` is not callable.
    """
    fn, lang = s.require(student_fn, lang)
    say = Reporter("check_split_gates", lang)
    name = s.code(s.function_name(fn))
    dtypes = set()
    for k, spec in enumerate(CASES):
        rng = np.random.default_rng(100 + k)
        I, H = spec.input, spec.hidden
        W = rng.normal(size=(I + H, 4 * H)).astype(np.float32)
        b = rng.normal(size=4 * H).astype(np.float32)
        where = say.say("split_case", W=s.code(W.shape), b=s.code(b.shape))
        parsed, problem = triage(
            say, fn, (W.copy(), b.copy()), first=k == 0, where=where, signature="W, b",
            error_hint="split_error_hint", error_fields=dict(gates=s.code((I + H, 4 * H))),
            expect=lambda value: _parse(say, value, name))
        if problem is not None:
            return problem
        Ws, bs = parsed
        arrays = []
        for g, value in zip(GATE_ORDER, Ws):
            arr, problem = _array(say, value, f"W_{g}", (I + H, H), spec, where)
            if problem is not None:
                return problem
            arrays.append(arr)
        for g, value in zip(GATE_ORDER, bs):
            arr, problem = _array(say, value, f"b_{g}", (H,), spec, where)
            if problem is not None:
                return problem
            arrays.append(arr)
        ref = reference_blocks(W, b)
        for what, got_blocks, full in (("W", arrays[:4], W), ("b", arrays[4:], b)):
            k_ref = 0 if what == "W" else 1
            problem = _compare(say, got_blocks, [ref[g][k_ref] for g in GATE_ORDER], full, what, where)
            if problem is not None:  # (a CheckResult of a wrong answer is falsy: test for None)
                return problem
        dtypes.update(str(a.dtype) for a in arrays)
    wrong = sorted(d for d in dtypes if d != "float32")
    if wrong:
        return say.wrong("dtype", dtype=s.code(", ".join(wrong)))
    return say.passed("split_passed", n=len(CASES))


def _parse(say, value, name):
    """`((Ws, bs), None)` with four of each, or `(None, CheckResult)`."""
    try:
        if isinstance(value, Mapping):
            if set(value) != set(GATE_ORDER):
                return None, say.wrong("split_dict_keys", keys=s.code(sorted(map(str, value))))
            pairs = [value[g] for g in GATE_ORDER]
            if not all(len(p) == 2 for p in pairs):
                return None, say.wrong("split_format", name=name, got=s.type_name(value))
            return ([p[0] for p in pairs], [p[1] for p in pairs]), None
        if len(value) == 2 and len(value[0]) == 4 and len(value[1]) == 4:
            return (list(value[0]), list(value[1])), None
        if len(value) == 4:
            return None, say.wrong("split_four", name=name, got=s.type_name(value))
    except TypeError:  # no len(): a number, an array scalar...
        pass
    return None, say.wrong("split_format", name=name, got=s.type_name(value))


def _array(say, value, label, expected, spec, where):
    arr, problem = as_array(say, value, label, hint_key="split_format_hint")
    if arr is None or arr.shape == expected:
        return arr, problem
    I, H = spec.input, spec.hidden
    fields = dict(label=s.code(label), got=s.shape_text(arr.shape), expected=s.shape_text(expected),
                  where=where)
    if label.startswith("W"):
        if (I + H) % 4 == 0 and arr.shape == ((I + H) // 4, 4 * H):
            return None, say.wrong("split_rows", **fields)
        if arr.shape == (H, I + H) and H != I + H:
            return None, say.wrong("shape_transposed", "split_transposed_hint", **fields)
        if arr.shape == (I + H, 4 * H):
            return None, say.wrong("split_not_split", **fields)
    elif arr.shape == (4 * H,):
        return None, say.wrong("split_b_not_split", **fields)
    return None, say.wrong("shape", "split_shape_hint", **fields)


def _compare(say, got, ref, full, what, where):
    """`None` when every block is right, else the `CheckResult` naming the mistake."""
    if all(s.close(g, r) for g, r in zip(got, ref)):
        return None
    H = ref[0].shape[-1]
    # Which reference block (if any) does each of the student's blocks equal?
    found = [next((GATE_ORDER[j] for j, r in enumerate(ref) if s.close(g, r)), None) for g in got]
    if None not in found and len(set(found)) == 4:
        fields = dict(what=s.code(what), order=s.code(", ".join(found)))
        hint = "gate_order_keras_hint" if tuple(found) == ("i", "f", "z", "o") else "gate_order_hint"
        return say.wrong("split_order", hint, **fields)
    interleaved = [full[..., k::4] for k in range(4)]
    if all(s.close(g, r) for g, r in zip(got, interleaved)):
        return say.wrong("split_interleaved", what=s.code(what))
    bad = next(GATE_ORDER[k] for k, (g, r) in enumerate(zip(got, ref)) if not s.close(g, r))
    k = GATE_ORDER.index(bad)
    return say.wrong("split_values", label=s.code(f"{what}_{bad}"), where=where, what=s.code(what),
                     cols=s.code(f"{k * H}:{(k + 1) * H}"), k=k + 1)
