"""Self-checks for the book's exercises.

Each check runs a student's answer against the package's reference
implementation on several cases and returns a `CheckResult`: truthy when
the answer is right, falsy otherwise, with one message in English or
Japanese (`lang="en"` or `"ja"`) saying what passed, or the first thing
that is wrong and a hint. A check never raises for a student's mistake
(an exception in their code, a wrong shape or dtype, NaN, `None`); an
exercise left as `raise NotImplementedError` reports "not yet answered".
Only the caller's own errors (an unknown `lang`, a student answer that is
not a function) raise `ValueError`.

Example:

>>> import lstm.checks
>>> def lstm_step(x, h, c, W, b):
...     raise NotImplementedError
>>> result = lstm.checks.check_lstm_step(lstm_step, lang="en")
>>> bool(result), result.status
(False, 'unanswered')
"""

from ._result import CheckResult
from .backward import check_lstm_step_backward
from .columns import check_column_scan
from .forget_bias import check_forget_bias
from .params import check_param_count
from .split import check_split_gates
from .step import check_article_cell, check_lstm_step

__all__ = [
    "CheckResult", "check_article_cell", "check_column_scan", "check_forget_bias",
    "check_lstm_step", "check_lstm_step_backward", "check_param_count", "check_split_gates",
]
