"""Run a student's function without letting its mistakes escape as tracebacks.

Everything that can go wrong inside the student's code (an exception, `None`,
`...`, a non-array, NaN) becomes a value the checks turn into a message.
Errors of the *caller* (a bad `lang`, a non-callable) still raise
`ValueError`: they are the teacher's to fix, not the student's.
"""

import re
import warnings
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np

from .. import _validate as v
from ..i18n import check_lang


@dataclass
class Outcome:
    """What one call of the student's function gave.

    `kind` is `"ok"` (see `value`), `"unanswered"` (raised
    `NotImplementedError`, or returned `None` or `...`; `why` says which),
    or `"raised"` (see `error`).
    """

    kind: str
    value: Any = None
    error: Optional[BaseException] = None
    why: str = ""

    @property
    def bad_signature(self):
        """Whether the call failed before entering the student's function
        (it does not accept the arguments the check passes)."""
        tb = getattr(self.error, "__traceback__", None)
        return isinstance(self.error, TypeError) and tb is not None and tb.tb_next is None


def require(student_fn, lang, *, name="student_fn"):
    """Validate the caller's arguments: `(student_fn, lang)` or `ValueError`."""
    lang = check_lang(lang)
    if not callable(student_fn):
        v.fail(name, "a function (the one written for the exercise)", student_fn)
    return student_fn, lang


def function_name(fn):
    return getattr(fn, "__name__", None) or type(fn).__name__


def call(fn, *args):
    """Call `fn(*args)` quietly (no NumPy overflow warnings) and classify the result."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            value = fn(*args)
        except NotImplementedError:
            return Outcome("unanswered", why="raises")
        except Exception as error:  # the student's bug: reported, not raised
            return Outcome("raised", error=error)
    if value is None:
        return Outcome("unanswered", why="none")
    if value is Ellipsis:
        return Outcome("unanswered", why="ellipsis")
    return Outcome("ok", value=value)


def describe_error(error):
    """`"TypeName: first line of the message"`, without TensorFlow's node prefixes."""
    text = str(error).strip()
    text = re.sub(r"\{\{function_node [^}]*\}\}\s*", "", text)
    text = text.splitlines()[0] if text else ""
    text = re.sub(r"\s+name:\s*\S*$", "", text)
    if len(text) > 220:
        text = text[:217] + "..."
    return code(f"{type(error).__name__}: {text}" if text else type(error).__name__)


def code(text):
    """`text` as an inline code span that survives Markdown (no backticks inside)."""
    return "`" + str(text).replace("`", "'").replace("\n", " ") + "`"


def to_array(value):
    """`(array, None)`, or `(None, reason)` with reason in {"none", "ellipsis", "not_numeric"}.

    Accepts NumPy arrays, TensorFlow tensors and variables, lists and numbers.
    """
    if value is None:
        return None, "none"
    if value is Ellipsis:
        return None, "ellipsis"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            arr = np.asarray(value)
    except Exception:
        return None, "not_numeric"
    if not (np.issubdtype(arr.dtype, np.integer) or np.issubdtype(arr.dtype, np.floating)
            or arr.dtype == bool):  # not objects, strings or complex numbers
        return None, "not_numeric"
    return arr, None


def type_name(value):
    """A short description of what the student returned, for messages."""
    shape = getattr(value, "shape", None)
    name = type(value).__name__
    if shape is not None:
        try:
            return code(f"{name} of shape {tuple(shape)}")
        except TypeError:
            pass
    if isinstance(value, (tuple, list)):
        return code(f"{name} of length {len(value)}")
    return code(name)


def shape_text(shape):
    return code(tuple(int(s) for s in shape))


def close(a, b, *, rtol=1e-4, atol=1e-5):
    """Whether `a` matches `b` in shape and value (float32 tolerances)."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return a.shape == b.shape and bool(np.all(np.isfinite(a))) and np.allclose(a, b, rtol=rtol, atol=atol)


def near(a, b):
    """Looser than `close`: for recognising a known mistake."""
    return close(a, b, rtol=1e-3, atol=1e-4)


def max_diff(a, b):
    return float(np.max(np.abs(np.asarray(a, np.float64) - np.asarray(b, np.float64))))
