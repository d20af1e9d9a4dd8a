"""What a check says about a student's answer before it can compare anything.

Every function check calls the student's function on several cases and first
meets the same answers: an exercise not yet answered (`raise
NotImplementedError`, `None` or `...`), an exception, a value of the wrong
kind. `triage` decides what each of them says, for every check; the checks
differ only by what they pass it (the arguments of the call, the hint for an
exception, the kind of value they expect).
"""

from typing import Any, Callable, Mapping, Optional, Union

import numpy as np

from . import _student as s
from ._result import CheckResult, Reporter

Verdict = tuple[Any, Optional[CheckResult]]
"""`(value, None)` to go on with, or `(None, result)` to return. A wrong
answer's `CheckResult` is falsy: test `result is not None`."""


def triage(say: Reporter, fn: Callable, args: tuple, *, first: bool, where: str, signature: str,
           error_hint: Union[str, Callable[[BaseException], str]], expect: Callable[[Any], Verdict],
           error_fields: Optional[Mapping[str, Any]] = None,
           in_place_key: Optional[str] = None) -> Verdict:
    """Call `fn(*args)` for one case: the value `expect` makes of it, or the message to return.

    Args:
        say: the check's `Reporter`.
        fn: the student's function.
        args: the case's arguments (fresh copies: the student may write into them).
        first: whether this is the first case. `None` or `...` there means "not
            yet answered"; on a later case, a `return` the function misses.
            `NotImplementedError` means "not yet answered" on any case.
        where: the case as messages name it, e.g. `say.say("split_case", ...)`.
        signature: the arguments as the check passes them, e.g. `"W, b"`, for
            the hint shown when the function does not accept them.
        error_hint: the hint for an exception inside the function: a message
            key, filled with the fields of `"raised"` and `error_fields`, or a
            function of the exception that returns the hint's text.
        expect: what the check expects the function to return, as a function
            of the returned value giving a `Verdict`, e.g.
            `lambda value: as_array(say, value, "b", "bias_format_hint")`.
        error_fields: more fields for the message `error_hint`.
        in_place_key: the message for a function that returned `None` after
            writing into one of its NumPy arguments, on any case. Without it,
            that `None` is like any other.

    Returns:
        A `Verdict`: `(expect's value, None)`, or `(None, CheckResult)`.
    """
    before = _arrays(args) if in_place_key else []
    got = s.call(fn, *args)
    name = s.code(s.function_name(fn))
    if got.kind == "unanswered":
        if in_place_key and got.why == "none" and _changed(before, args):
            return None, say.wrong(in_place_key, name=name)
        if first or got.why == "raises":
            return None, say.unanswered("unanswered_" + got.why, name=name)
        return None, say.wrong("returned_none_later", name=name, where=where)
    if got.kind == "raised":
        fields = dict(name=name, where=where, error=s.describe_error(got.error),
                      call=s.code(f"{s.function_name(fn)}({signature})"), **(error_fields or {}))
        return None, say.wrong("raised", hint=_hint_for(say, got, error_hint, fields), **fields)
    return expect(got.value)


def as_array(say: Reporter, value: Any, label: str, hint_key: Optional[str] = None) -> Verdict:
    """`(array, None)`, or `(None, CheckResult)` when `value` is not an array of numbers.

    `label` names the value in the message; `hint_key` is the hint (default:
    the hint of the message, if it has one).
    """
    arr, why = s.to_array(value)
    if arr is None:
        return None, say.wrong("element_" + why, hint_key, label=s.code(label),
                               got=s.type_name(value))
    return arr, None


def _hint_for(say, got, error_hint, fields):
    """The hint under "raised": the signature's when the call did not get in."""
    if got.bad_signature:
        return say.say("error_signature_hint", **fields)
    if callable(error_hint):
        return error_hint(got.error)
    return say.say(error_hint, **fields)


def _arrays(args):
    """Copies of the NumPy arrays among `args` (`None` for the other arguments)."""
    return [np.copy(a) if isinstance(a, np.ndarray) else None for a in args]


def _changed(before, args):
    """Whether the call wrote into one of its NumPy arguments."""
    return any(old is not None and not np.array_equal(old, new) for old, new in zip(before, args))
