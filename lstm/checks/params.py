"""Check for the exercise "count the parameters of a cell".

The answer is a number for given sizes, or a function
`count(input_size, hidden_size)`. The reference is the size of
`lstm.LSTMCell(input_size, hidden_size).trainable_variables`:
`W` `(input + hidden, 4 * hidden)` plus `b` `(4 * hidden,)`.
"""

import numbers

import numpy as np

from .. import _validate as v
from ..cell import LSTMCell
from ..i18n import check_lang
from . import _student as s
from ._result import Reporter
from ._triage import triage

SIZES = ((8, 50), (1, 1), (3, 7), (28, 128))
"""`(input_size, hidden_size)` pairs a counting function is tried on."""

# Known wrong counts, most specific first: key -> count(I, H).
MISTAKES = (
    ("params_no_bias", lambda I, H: 4 * H * (I + H)),
    ("params_one_bias", lambda I, H: 4 * H * (I + H) + H),
    ("params_two_biases", lambda I, H: 4 * H * (I + H) + 8 * H),
    ("params_one_gate", lambda I, H: H * (I + H) + H),
    ("params_one_gate", lambda I, H: H * (I + H)),
    ("params_three_networks", lambda I, H: 3 * H * (I + H) + 3 * H),
    ("params_three_networks", lambda I, H: 3 * H * (I + H)),
    ("params_no_recurrent", lambda I, H: 4 * H * I + 4 * H),
    ("params_no_recurrent", lambda I, H: 4 * H * I),
    ("params_no_input", lambda I, H: 4 * H * H + 4 * H),
    ("params_swapped", lambda I, H: 4 * I * (I + H) + 4 * I),
)


def reference_count(input_size, hidden_size):
    """Number of trainable values in `lstm.LSTMCell(input_size, hidden_size)`."""
    cell = LSTMCell(input_size, hidden_size, init="zeros")
    return int(sum(np.prod(var.shape) for var in cell.trainable_variables))


def check_param_count(student_fn_or_number, input_size=None, hidden_size=None, lang="en"):
    """Check a count of the parameters of one LSTM cell.

    Args:
        student_fn_or_number: the student's count for `input_size` and
            `hidden_size` (an integer), or a function
            `count(input_size, hidden_size)` that is tried on several sizes
            (the given ones first). `None` or `...` counts as not answered.
        input_size: features per time step; required when the answer is a number.
        hidden_size: memory cells; required when the answer is a number.
        lang: `"en"` or `"ja"`.

    Returns:
        A `CheckResult` (truthy on success).

    Raises:
        ValueError: for an unknown `lang`, sizes that are not positive
            integers, or a number answer without both sizes.
    """
    lang = check_lang(lang)
    sizes = []
    if input_size is not None or hidden_size is not None:
        sizes = [(v.positive_int("input_size", input_size), v.positive_int("hidden_size", hidden_size))]
    answer = student_fn_or_number
    say = Reporter("check_param_count", lang)
    if not callable(answer):
        if not sizes:
            v.fail("input_size", "a positive integer (with hidden_size) when the answer is a number",
                   input_size)
        I, H = sizes[0]
        if answer is None or answer is Ellipsis:
            return say.unanswered("params_unanswered")
        count, problem = _as_count(say, answer, I, H)
        if problem is not None:  # (a CheckResult of a wrong answer is falsy: test for None)
            return problem
        return _judge(say, [(I, H, count)], number=True)
    name = s.code(s.function_name(answer))
    sizes += [size for size in SIZES if size not in sizes]
    results = []
    for k, (I, H) in enumerate(sizes):
        where = say.say("params_case", I=I, H=H)
        count, problem = triage(
            say, answer, (I, H), first=k == 0, where=where, signature="input_size, hidden_size",
            error_hint="params_error_hint", expect=lambda value: _as_count(say, value, I, H))
        if problem is not None:
            return problem
        results.append((I, H, count))
    return _judge(say, results, number=False, name=name)


def _as_count(say, value, I, H):
    """`(int, None)`, or `(None, CheckResult)` when `value` is not a whole number."""
    fields = dict(got=s.code(repr(value)[:60]), I=I, H=H)
    if isinstance(value, (bool, np.bool_)):
        return None, say.wrong("params_not_number", **fields)
    arr, why = s.to_array(value)
    if arr is None or arr.ndim != 0:
        return None, say.wrong("params_not_number", **fields)
    x = arr.item()
    if not isinstance(x, numbers.Real) or not np.isfinite(x) or x != int(x):
        return None, say.wrong("params_not_whole", **fields)
    return int(x), None


def _judge(say, results, *, number, name=""):
    wrong = [(I, H, n) for I, H, n in results if n != reference_count(I, H)]
    if not wrong:
        I, H, n = results[0]
        if number:
            return say.passed("params_passed_number", count=f"{n:,}", I=I, H=H)
        return say.passed("params_passed_fn", name=name, n=len(results), count=f"{n:,}", I=I, H=H)
    I, H, n = wrong[0]
    fields = dict(got=s.code(f"{n:,}"), I=I, H=H)
    for key, formula in MISTAKES:  # a known mistake explains every count the student gave
        if all(formula(I_, H_) == n_ for I_, H_, n_ in results):
            return say.wrong(key, **fields)
    return say.wrong("params_wrong", **fields)
