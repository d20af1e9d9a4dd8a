"""The object every check returns: truthy when the answer is right.

A `CheckResult` carries one message in the reader's language. It shows that
message once when it is the last expression of a Jupyter cell (as Markdown,
with `text/plain` for terminals), and `print(result)` prints it.
"""

import unicodedata

from . import messages

STATUSES = ("passed", "wrong", "unanswered")


class CheckResult:
    """The outcome of a self-check.

    Attributes:
        check: the check's name, e.g. `"check_lstm_step"`.
        status: `"passed"`, `"wrong"` or `"unanswered"`.
        key: a stable identifier of the message (e.g. `"gate_order"`), for
            tests and for teachers who collect results.
        lang: `"en"` or `"ja"`.
        problem: what is right (passed), what is wrong, or why the exercise
            counts as not answered; in `lang`.
        hint: what to look at next (wrong answers only), or `None`.

    `bool(result)` is `True` only when the answer passed.
    """

    def __init__(self, check, status, key, lang, problem, hint=None):
        if status not in STATUSES:  # a bug in a check, never a student's error
            raise AssertionError(f"unknown status {status!r}")
        self.check = check
        self.status = status
        self.key = key
        self.lang = lang
        self.problem = problem
        self.hint = hint

    @property
    def passed(self):
        return self.status == "passed"

    def __bool__(self):
        return self.passed

    @property
    def message(self):
        """The whole message as plain text."""
        head = messages.text(self.lang, "head_" + self.status)
        text = f"{head}{messages.text(self.lang, 'sep')}{self.problem}"
        if self.hint:
            text += "\n" + messages.text(self.lang, "hint") + self.hint
        return text

    def __str__(self):
        return self.message

    def __repr__(self):
        return self.message

    def _repr_markdown_(self):
        head = messages.text(self.lang, "head_" + self.status)
        text = _bold(head, messages.text(self.lang, "sep") + self.problem)
        if self.hint:
            label = messages.text(self.lang, "hint")  # "💡 Hint: " or "💡 ヒント："
            text += "  \n" + _bold(label.rstrip(), label[len(label.rstrip()):] + self.hint)
        return text


def _bold(text, after):
    """`**text**` followed by `after`, in Markdown that closes the bold.

    CommonMark closes `**` after punctuation only if a space or punctuation
    follows, so `**まだ正しくありません。**ずれて` stays literal; trailing
    punctuation moves out of the bold when `after` does not start with a space:
    `**まだ正しくありません**。ずれて`.
    """
    trail = ""
    if after and not after[0].isspace():
        while text and unicodedata.category(text[-1]).startswith("P"):
            text, trail = text[:-1], text[-1] + trail
    return f"**{text}**{trail}{after}"


class Reporter:
    """Builds the `CheckResult`s of one check call, in one language."""

    def __init__(self, check, lang):
        self.check = check
        self.lang = lang

    def say(self, key, **fields):
        return messages.text(self.lang, key, **fields)

    def passed(self, key, **fields):
        return CheckResult(self.check, "passed", key, self.lang, self.say(key, **fields))

    def wrong(self, key, hint_key=None, *, problem=None, hint=None, **fields):
        """A wrong answer: message `key` (or `problem`), hint `hint_key + "_hint"`."""
        problem = problem if problem is not None else self.say(key, **fields)
        if hint is None:
            hint_key = hint_key or key + "_hint"
            hint = self.say(hint_key, **fields) if messages.has(hint_key) else None
        return CheckResult(self.check, "wrong", key, self.lang, problem, hint)

    def unanswered(self, key="unanswered", **fields):
        return CheckResult(self.check, "unanswered", key, self.lang, self.say(key, **fields))
