"""What every check of `lstm.checks` shares: the result object, the two
languages, the caller's errors, and the rule that a student's mistake never
becomes a traceback."""

import re
import string
import warnings
from pathlib import Path

import numpy as np
import pytest

import lstm
import lstm.checks
from lstm.checks import CheckResult, messages

FUNCTION_CHECKS = {
    "check_lstm_step": (lstm.checks.check_lstm_step, "x, h, c, W, b"),
    "check_article_cell": (lstm.checks.check_article_cell, "x, h, c, W, b"),
    "check_split_gates": (lstm.checks.check_split_gates, "W, b"),
    "check_param_count": (lstm.checks.check_param_count, "input_size, hidden_size"),
    "check_forget_bias": (lstm.checks.check_forget_bias, "b, forget_bias"),
    "check_column_scan": (lstm.checks.check_column_scan, "images"),
    "check_lstm_step_backward": (lstm.checks.check_lstm_step_backward, "dh, dc, cache"),
}


def _function(args, body):
    namespace = {"np": np}
    exec(f"def answer({args}):\n    {body}\n", namespace)
    return namespace["answer"]


def test_the_package_exposes_the_checks():
    assert sorted(lstm.checks.__all__) == sorted(["CheckResult", *FUNCTION_CHECKS])
    for name in FUNCTION_CHECKS:
        assert callable(getattr(lstm.checks, name))


# ------------------------------------------------------------------- result


def test_result_is_truthy_only_when_passed():
    right = CheckResult("check_x", "passed", "k", "en", "All good.")
    wrong = CheckResult("check_x", "wrong", "k", "en", "Something is off.", "Look here.")
    unanswered = CheckResult("check_x", "unanswered", "k", "ja", "まだです。")
    assert right and not wrong and not unanswered
    assert right.passed and not wrong.passed and not unanswered.passed


def test_result_shows_one_message():
    wrong = CheckResult("check_x", "wrong", "k", "en", "Something is off.", "Look here.")
    assert str(wrong) == repr(wrong) == wrong.message == "❌ Not yet right. Something is off.\n💡 Hint: Look here."
    assert wrong._repr_markdown_() == "**❌ Not yet right.** Something is off.  \n**💡 Hint:** Look here."
    ja = CheckResult("check_x", "wrong", "k", "ja", "ずれています。", "ここを見ましょう。")
    assert str(ja) == "❌ まだ正しくありません。ずれています。\n💡 ヒント：ここを見ましょう。"
    # Punctuation moves out of the bold before a CJK letter, or CommonMark leaves the ** literal.
    assert ja._repr_markdown_() == "**❌ まだ正しくありません**。ずれています。  \n**💡 ヒント**：ここを見ましょう。"
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(ja._repr_markdown_())
    assert html.count("<strong>") == 2 and "**" not in html
    passed = CheckResult("check_x", "passed", "k", "ja", "できました。")
    assert MarkdownIt("commonmark").render(passed._repr_markdown_()).startswith("<p><strong>✅ 正解です</strong>！")
    assert "Hint" not in str(CheckResult("check_x", "passed", "k", "en", "Fine."))


def test_jupyter_displays_markdown_and_plain_text():
    from IPython.core.formatters import DisplayFormatter

    result = lstm.checks.check_column_scan(lambda images: images, lang="en")
    data, _ = DisplayFormatter().format(result)
    assert set(data) == {"text/plain", "text/markdown"}
    assert data["text/plain"] == str(result)
    assert data["text/markdown"].startswith("**❌ Not yet right.**")


def test_unknown_status_is_a_bug():
    with pytest.raises(AssertionError):
        CheckResult("check_x", "maybe", "k", "en", "?")


# ------------------------------------------------------ the caller's errors


@pytest.mark.parametrize("name", FUNCTION_CHECKS)
def test_unknown_lang_raises(name):
    check, args = FUNCTION_CHECKS[name]
    with pytest.raises(ValueError, match=r"argument `lang`, expected one of 'en', 'ja', got 'fr'"):
        check(_function(args, "raise NotImplementedError"), lang="fr")


@pytest.mark.parametrize("name", sorted(set(FUNCTION_CHECKS) - {"check_param_count"}))
@pytest.mark.parametrize("not_a_function", [None, 42, "lstm_step", ...])
def test_non_callable_raises(name, not_a_function):
    check, _ = FUNCTION_CHECKS[name]
    with pytest.raises(ValueError, match=r"argument `student_fn`, expected a function"):
        check(not_a_function)


# ------------------------------------------------- a student's own mistakes


@pytest.mark.parametrize("name", FUNCTION_CHECKS)
@pytest.mark.parametrize("body, why", [("raise NotImplementedError", "raises"), ("return None", "none"),
                                       ("return ...", "ellipsis")])
@pytest.mark.parametrize("lang, head", [("en", "✏️ Not yet answered."), ("ja", "✏️ まだ解答されていません。")])
def test_unanswered_exercises_do_not_raise(name, body, why, lang, head):
    check, args = FUNCTION_CHECKS[name]
    result = check(_function(args, body), lang=lang)
    assert isinstance(result, CheckResult) and not result
    assert result.status == "unanswered" and result.key == "unanswered_" + why
    assert str(result).startswith(head) and "`answer`" in str(result)


@pytest.mark.parametrize("name", FUNCTION_CHECKS)
def test_exceptions_become_messages(name):
    check, args = FUNCTION_CHECKS[name]
    for lang, text in (("en", "raised an exception"), ("ja", "例外を送出しました")):
        result = check(_function(args, "return 1 / 0"), lang=lang)
        assert not result and result.key == "raised"
        assert text in result.problem and "`ZeroDivisionError: division by zero`" in result.problem
        assert result.hint


@pytest.mark.parametrize("name", FUNCTION_CHECKS)
def test_numpy_warnings_of_the_student_stay_quiet(name):
    check, args = FUNCTION_CHECKS[name]
    noisy = _function(args, "return np.log(np.zeros(3)) / np.zeros(3)")  # divide and invalid warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = check(noisy)
    assert not result


def test_keyboard_interrupt_is_not_swallowed():
    def step(x, h, c, W, b):
        raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        lstm.checks.check_lstm_step(step)


# ------------------------------------------------------------- the messages


def _placeholders(text):
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_every_message_has_both_languages_with_the_same_fields():
    for key, texts in messages.MESSAGES.items():
        assert set(texts) == {"en", "ja"}, key
        assert _placeholders(texts["en"]) == _placeholders(texts["ja"]), key
        assert texts["en"].strip() or key == "sep", key


def test_every_key_used_in_the_checks_exists():
    source = "\n".join(p.read_text(encoding="utf-8") for p in Path(lstm.checks.__file__).parent.glob("*.py"))
    used = set(re.findall(r'say\.(?:wrong|passed|unanswered|say)\(\s*"(\w+)"', source))
    used |= set(re.findall(r'say\.wrong\(\s*"\w+",\s*"(\w+)"', source))
    used |= set(re.findall(r'yield (?:with_c\()?"(\w+)"', source))
    used |= set(re.findall(r'(?:hint_key|error_hint|in_place_key)="(\w+)"', source))  # also triage's arguments
    used |= {f"{prefix}_{suffix}" for prefix, suffixes in {
        "unanswered": ("raises", "none", "ellipsis"), "element": ("none", "ellipsis", "not_numeric"),
        "case": ("random", "batch1", "hidden1", "large"), "edge": ("batch1", "hidden1", "large"),
        "head": ("passed", "wrong", "unanswered"),
    }.items() for suffix in suffixes}
    used = {k for k in used if not k.endswith("_")}  # prefixes of the keys built above
    missing = sorted(k for k in used if not messages.has(k))
    assert not missing and len(used) > 80


def test_japanese_messages_use_the_standard_terms():
    ja = " ".join(t["ja"] for t in messages.MESSAGES.values())
    for term in ("記憶セル", "入力ゲート", "忘却ゲート", "出力ゲート"):
        assert term in ja
    for odd in ("フォーゲット", "Forget ゲート", "メモリセル", "忘れゲート", "この本", "元記事"):
        assert odd not in ja


def test_messages_reject_unknown_lang():
    with pytest.raises(ValueError, match="argument `lang`"):
        messages.text("de", "head_passed")


@pytest.mark.parametrize("name", FUNCTION_CHECKS)
def test_a_wrong_signature_gets_its_own_hint(name):
    check, args = FUNCTION_CHECKS[name]
    result = check(_function("", "return 1"))  # takes no argument at all
    assert result.key == "raised" and "TypeError" in result.problem
    assert f"`answer({args})`" in result.hint and "exactly these arguments" in result.hint
    inner = check(_function(args, "return np.split()"), lang="ja")  # a TypeError inside the function
    assert inner.key == "raised" and "引数をちょうどこの順番で" not in inner.hint
