"""What every function check says before it can compare anything, word for word.

An exercise not yet answered, an exception, a value of the wrong kind: the
book's pages show these messages, so they must not change when the handling
the checks share changes. `EXPECTED` was recorded from the checks; after a
deliberate change of wording, print a new one with
`python tests/test_checks_triage.py` and review the difference.
"""

import unicodedata
from pathlib import Path

import numpy as np
import pytest

import lstm.checks
from lstm.checks.columns import reference_columns
from lstm.checks.forget_bias import reference_bias
from lstm.checks.params import reference_count
from lstm.checks.split import reference_blocks


def _step(cell_tanh):
    """A right step in NumPy (float32 in, float32 out)."""
    def step(x, h, c, W, b):
        z, i, f, o = np.split(np.concatenate([x, h], axis=1) @ W + b, 4, axis=1)
        sigmoid = lambda a: (0.5 * (1 + np.tanh(0.5 * a))).astype(np.float32)  # noqa: E731
        c_next = sigmoid(f) * c + sigmoid(i) * np.tanh(z)
        return sigmoid(o) * (np.tanh(c_next) if cell_tanh else c_next), c_next
    return step


CHECKS = {  # check name -> (check, a right answer)
    "check_lstm_step": (lstm.checks.check_lstm_step, _step(True)),
    "check_article_cell": (lstm.checks.check_article_cell, _step(False)),
    "check_split_gates": (lstm.checks.check_split_gates, reference_blocks),
    "check_param_count": (lstm.checks.check_param_count, reference_count),
    "check_forget_bias": (lstm.checks.check_forget_bias, reference_bias),
    "check_column_scan": (lstm.checks.check_column_scan, reference_columns),
}

BODIES = {  # case -> the body of `answer(*args)`; "later_" cases answer right on the first case
    "raises": "raise NotImplementedError",
    "none": "return None",
    "ellipsis": "return ...",
    "error": "return 1 / 0",
    "inner_type_error": "raise TypeError('unsupported operand')",
    "text": "return 'abc'",
    "set": "return {1}",  # not an array, with a repr that stays the same
    "error_words": "raise ValueError('cannot split: incompatible shapes')",
    "pair_of_none": "return None, None",
    "pair_of_text": "return 'h', 'c'",
    "blocks_of_none": "return (None,) * 4, (None,) * 4",
    "in_place_none": "args[0][...] = 0\n    return None",
    "later_raises": "raise NotImplementedError",
    "later_none": "return None",
    "later_ellipsis": "return ...",
    "later_error": "return 1 / 0",
    "later_in_place_none": "args[0][...] = 0\n    return None",
}

NUMBERS = {  # case -> a number answer of check_param_count (sizes 8, 50)
    "number_none": None, "number_ellipsis": ..., "number_text": "10400", "number_float": 10400.5,
    "number_bool": True, "number_list": [10400],
}


def _answer(check_name, case):
    """The student's function for `case`: its name in messages is `answer`."""
    if case == "signature":
        def answer():
            return 1
        return answer
    namespace = {"np": np}
    exec(f"def wrong(*args):\n    {BODIES[case]}\n", namespace)
    wrong = namespace["wrong"]
    if not case.startswith("later_"):
        wrong.__name__ = "answer"
        return wrong
    right, calls = CHECKS[check_name][1], []

    def answer(*args):
        calls.append(1)
        return right(*args) if len(calls) == 1 else wrong(*args)
    return answer


def _result(check_name, case, lang):
    check = CHECKS[check_name][0]
    if case in NUMBERS:
        return check(NUMBERS[case], 8, 50, lang=lang)
    return check(_answer(check_name, case), lang=lang)


def _cases():
    for name in CHECKS:
        if name == "check_article_cell":  # says what check_lstm_step says (tested below)
            continue
        for case in ("signature", *BODIES):
            yield name, case
    for case in NUMBERS:
        yield "check_param_count", case


@pytest.mark.parametrize("check_name, case", list(_cases()))
def test_messages_before_the_comparison_are_unchanged(check_name, case):
    key, en, ja = EXPECTED[check_name, case]
    for lang, message in (("en", en), ("ja", ja)):
        result = _result(check_name, case, lang)
        assert (result.key, str(result)) == (key, message), (check_name, case, lang)
        if check_name == "check_lstm_step" and case not in NUMBERS:
            article = _result("check_article_cell", case, lang)
            assert (article.key, str(article)) == (key, message), ("check_article_cell", case, lang)


def test_every_check_calls_the_student_through_triage():
    folder = Path(lstm.checks.__file__).parent
    modules = sorted(p.stem for p in folder.glob("*.py") if not p.stem.startswith("_") and p.stem != "messages")
    assert len(modules) == len(lstm.checks.__all__) - 2  # CheckResult; step.py holds two checks
    for name in modules:
        source = (folder / f"{name}.py").read_text(encoding="utf-8")
        assert "triage(" in source and "s.call(" not in source, name


def _record():
    """Print `EXPECTED` as the checks answer now, wrapped for the line length."""
    print("EXPECTED = {")
    for name, case in _cases():
        en, ja = (_result(name, case, lang) for lang in ("en", "ja"))
        assert en.key == ja.key
        print(f"    ({name!r}, {case!r}): (\n        {en.key!r},")
        for message in (str(en), str(ja)):
            print("\n".join(f"        {chunk!r}" for chunk in _chunks(message)) + ",")
        print("    ),")
    print("}")


def _chunks(text, width=80):
    """`text` cut into pieces about `width` columns wide (a CJK character counts 2)."""
    pieces, piece, columns = [], "", 0
    for char in text:
        piece += char
        columns += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if columns >= width or (char == " " and columns >= width - 15) or char == "\n":
            pieces, piece, columns = [*pieces, piece], "", 0
    return [*pieces, piece] if piece or not pieces else pieces


# Recorded with `python tests/test_checks_triage.py` before the checks shared their handling.
EXPECTED = {
    ('check_lstm_step', 'signature'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for random inputs '
        '(`x (3, 8), h (3, 5), c (3, 5), W (13, 20), b (20,)`): `TypeError: '
        '_answer.<locals>.answer() takes 0 positional arguments but 5 were '
        'given`\n'
        '💡 Hint: The check calls your function as `answer(x, h, c, W, b)`: '
        'make it take exactly these arguments, in this order.',
        '❌ まだ正しくありません。ランダムな入力（`x (3, 8), h (3, 5), c (3, '
        '5), W (13, 20), b (20,)`）で `answer` が例外を送出しました：`TypeError: '
        '_answer.<locals>.answer() takes 0 positional arguments but 5 were '
        'given`\n'
        '💡 ヒント：チェックはあなたの関数を `answer(x, h, c, W, b)` のように呼び出します'
        '。引数をちょうどこの順番で受け取るようにしてください。',
    ),
    ('check_lstm_step', 'raises'): (
        'unanswered_raises',
        '✏️ Not yet answered. `answer` still raises `NotImplementedError`. '
        'Replace `raise NotImplementedError` with your code, run that cell, '
        'then run this check again.',
        '✏️ まだ解答されていません。`answer` はまだ `NotImplementedError` '
        'を送出しています。`raise NotImplementedError` をあなたのコードに書き換えてそのセ'
        'ルを実行し、もう一度このチェックを実行してください。',
    ),
    ('check_lstm_step', 'none'): (
        'unanswered_none',
        '✏️ Not yet answered. `answer` returns `None`: write the body of the '
        'function and end it with `return`.',
        '✏️ まだ解答されていません。`answer` が `None` を返しています。関数の中身を書き、'
        '最後に `return` で結果を返してください。',
    ),
    ('check_lstm_step', 'ellipsis'): (
        'unanswered_ellipsis',
        '✏️ Not yet answered. `answer` returns `...`, the placeholder: replace '
        'it with your answer.',
        '✏️ まだ解答されていません。`answer` がプレースホルダーの `...` を返しています。あ'
        'なたの解答に置き換えてください。',
    ),
    ('check_lstm_step', 'error'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for random inputs '
        '(`x (3, 8), h (3, 5), c (3, 5), W (13, 20), b (20,)`): `ZeroDivisionError: '
        'division by zero`\n'
        '💡 Hint: Run your function on small arrays and print the shape of '
        'every intermediate value: `concat([x, h])` should be `(3, 13)`, the '
        'pre-activations `(3, 20)`, each gate and the new state `(3, 5)`.',
        '❌ まだ正しくありません。ランダムな入力（`x (3, 8), h (3, 5), c (3, '
        '5), W (13, 20), b (20,)`）で `answer` が例外を送出しました：`ZeroDivisionError: '
        'division by zero`\n'
        '💡 ヒント：小さな配列で関数を実行し、途中の値の形をひとつずつ表示してみましょう。'
        '`concat([x, h])` は `(3, 13)`、線形和は `(3, 20)`、各ゲートと新しい状態は '
        '`(3, 5)` になるはずです。',
    ),
    ('check_lstm_step', 'inner_type_error'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for random inputs '
        '(`x (3, 8), h (3, 5), c (3, 5), W (13, 20), b (20,)`): `TypeError: '
        'unsupported operand`\n'
        '💡 Hint: Run your function on small arrays and print the shape of '
        'every intermediate value: `concat([x, h])` should be `(3, 13)`, the '
        'pre-activations `(3, 20)`, each gate and the new state `(3, 5)`.',
        '❌ まだ正しくありません。ランダムな入力（`x (3, 8), h (3, 5), c (3, '
        '5), W (13, 20), b (20,)`）で `answer` が例外を送出しました：`TypeError: '
        'unsupported operand`\n'
        '💡 ヒント：小さな配列で関数を実行し、途中の値の形をひとつずつ表示してみましょう。'
        '`concat([x, h])` は `(3, 13)`、線形和は `(3, 20)`、各ゲートと新しい状態は '
        '`(3, 5)` になるはずです。',
    ),
    ('check_lstm_step', 'text'): (
        'not_a_pair',
        '❌ Not yet right. `answer` should return a pair `(h_next, c_next)`, '
        'but it returned `str`.\n'
        '💡 Hint: End the function with `return h_next, c_next`.',
        '❌ まだ正しくありません。`answer` はペア `(h_next, c_next)` を返す必要があります'
        'が、`str` が返されました。\n'
        '💡 ヒント：関数の最後を `return h_next, c_next` にしてください。',
    ),
    ('check_lstm_step', 'set'): (
        'not_a_pair',
        '❌ Not yet right. `answer` should return a pair `(h_next, c_next)`, '
        'but it returned `set`.\n'
        '💡 Hint: End the function with `return h_next, c_next`.',
        '❌ まだ正しくありません。`answer` はペア `(h_next, c_next)` を返す必要があります'
        'が、`set` が返されました。\n'
        '💡 ヒント：関数の最後を `return h_next, c_next` にしてください。',
    ),
    ('check_lstm_step', 'error_words'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for random inputs '
        '(`x (3, 8), h (3, 5), c (3, 5), W (13, 20), b (20,)`): `ValueError: '
        'cannot split: incompatible shapes`\n'
        '💡 Hint: The pre-activations are `(3, 20)`: split them into four '
        'blocks along the *last* axis, `tf.split(gates, 4, axis=-1)` (or `axis=1`), '
        'not along the batch axis.',
        '❌ まだ正しくありません。ランダムな入力（`x (3, 8), h (3, 5), c (3, '
        '5), W (13, 20), b (20,)`）で `answer` が例外を送出しました：`ValueError: '
        'cannot split: incompatible shapes`\n'
        '💡 ヒント：線形和の形は `(3, 20)` です。4 つのブロックへの分割はバッチの軸ではな'
        'く最後の軸に沿って行います：`tf.split(gates, 4, axis=-1)`（または '
        '`axis=1`）。',
    ),
    ('check_lstm_step', 'pair_of_none'): (
        'element_none',
        '❌ Not yet right. `h_next` is `None`.\n'
        '💡 Hint: Return both values: `return h_next, c_next`.',
        '❌ まだ正しくありません。`h_next` が `None` です。\n'
        '💡 ヒント：2 つの値を両方返してください：`return h_next, c_next`。',
    ),
    ('check_lstm_step', 'pair_of_text'): (
        'element_not_numeric',
        '❌ Not yet right. `h_next` is not an array of numbers: got `str`.\n'
        '💡 Hint: Return NumPy arrays or TensorFlow tensors.',
        '❌ まだ正しくありません。`h_next` が数値の配列ではありません（`str` '
        'が返されました）。\n'
        '💡 ヒント：NumPy の配列か TensorFlow のテンソルを返してください。',
    ),
    ('check_lstm_step', 'blocks_of_none'): (
        'element_not_numeric',
        '❌ Not yet right. `h_next` is not an array of numbers: got `tuple '
        'of length 4`.\n'
        '💡 Hint: Return NumPy arrays or TensorFlow tensors.',
        '❌ まだ正しくありません。`h_next` が数値の配列ではありません（`tuple '
        'of length 4` が返されました）。\n'
        '💡 ヒント：NumPy の配列か TensorFlow のテンソルを返してください。',
    ),
    ('check_lstm_step', 'in_place_none'): (
        'unanswered_none',
        '✏️ Not yet answered. `answer` returns `None`: write the body of the '
        'function and end it with `return`.',
        '✏️ まだ解答されていません。`answer` が `None` を返しています。関数の中身を書き、'
        '最後に `return` で結果を返してください。',
    ),
    ('check_lstm_step', 'later_raises'): (
        'unanswered_raises',
        '✏️ Not yet answered. `answer` still raises `NotImplementedError`. '
        'Replace `raise NotImplementedError` with your code, run that cell, '
        'then run this check again.',
        '✏️ まだ解答されていません。`answer` はまだ `NotImplementedError` '
        'を送出しています。`raise NotImplementedError` をあなたのコードに書き換えてそのセ'
        'ルを実行し、もう一度このチェックを実行してください。',
    ),
    ('check_lstm_step', 'later_none'): (
        'returned_none_later',
        '❌ Not yet right. `answer` returned `None` for random inputs (`x '
        '(2, 3), h (2, 4), c (2, 4), W (7, 16), b (16,)`), although it returned '
        'a value for the earlier cases.\n'
        '💡 Hint: Is there a `return` inside an `if` that this case does not '
        'reach?',
        '❌ まだ正しくありません。`answer` は前のケースでは値を返しましたが、ランダムな入'
        '力（`x (2, 3), h (2, 4), c (2, 4), W (7, 16), b (16,)`）では `None` '
        'を返しました。\n'
        '💡 ヒント：`if` の中にだけ `return` があり、このケースではそこを通らない、という'
        'ことはありませんか。',
    ),
    ('check_lstm_step', 'later_ellipsis'): (
        'returned_none_later',
        '❌ Not yet right. `answer` returned `None` for random inputs (`x '
        '(2, 3), h (2, 4), c (2, 4), W (7, 16), b (16,)`), although it returned '
        'a value for the earlier cases.\n'
        '💡 Hint: Is there a `return` inside an `if` that this case does not '
        'reach?',
        '❌ まだ正しくありません。`answer` は前のケースでは値を返しましたが、ランダムな入'
        '力（`x (2, 3), h (2, 4), c (2, 4), W (7, 16), b (16,)`）では `None` '
        'を返しました。\n'
        '💡 ヒント：`if` の中にだけ `return` があり、このケースではそこを通らない、という'
        'ことはありませんか。',
    ),
    ('check_lstm_step', 'later_error'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for random inputs '
        '(`x (2, 3), h (2, 4), c (2, 4), W (7, 16), b (16,)`): `ZeroDivisionError: '
        'division by zero`\n'
        '💡 Hint: Run your function on small arrays and print the shape of '
        'every intermediate value: `concat([x, h])` should be `(2, 7)`, the '
        'pre-activations `(2, 16)`, each gate and the new state `(2, 4)`.',
        '❌ まだ正しくありません。ランダムな入力（`x (2, 3), h (2, 4), c (2, '
        '4), W (7, 16), b (16,)`）で `answer` が例外を送出しました：`ZeroDivisionError: '
        'division by zero`\n'
        '💡 ヒント：小さな配列で関数を実行し、途中の値の形をひとつずつ表示してみましょう。'
        '`concat([x, h])` は `(2, 7)`、線形和は `(2, 16)`、各ゲートと新しい状態は '
        '`(2, 4)` になるはずです。',
    ),
    ('check_lstm_step', 'later_in_place_none'): (
        'returned_none_later',
        '❌ Not yet right. `answer` returned `None` for random inputs (`x '
        '(2, 3), h (2, 4), c (2, 4), W (7, 16), b (16,)`), although it returned '
        'a value for the earlier cases.\n'
        '💡 Hint: Is there a `return` inside an `if` that this case does not '
        'reach?',
        '❌ まだ正しくありません。`answer` は前のケースでは値を返しましたが、ランダムな入'
        '力（`x (2, 3), h (2, 4), c (2, 4), W (7, 16), b (16,)`）では `None` '
        'を返しました。\n'
        '💡 ヒント：`if` の中にだけ `return` があり、このケースではそこを通らない、という'
        'ことはありませんか。',
    ),
    ('check_split_gates', 'signature'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for `W` `(12, 16)` '
        'and `b` `(16,)`: `TypeError: _answer.<locals>.answer() takes 0 positional '
        'arguments but 2 were given`\n'
        '💡 Hint: The check calls your function as `answer(W, b)`: make it '
        'take exactly these arguments, in this order.',
        '❌ まだ正しくありません。`W` が `(12, 16)`、`b` が `(16,)` のケースで '
        '`answer` が例外を送出しました：`TypeError: _answer.<locals>.answer() '
        'takes 0 positional arguments but 2 were given`\n'
        '💡 ヒント：チェックはあなたの関数を `answer(W, b)` のように呼び出します。引数をち'
        'ょうどこの順番で受け取るようにしてください。',
    ),
    ('check_split_gates', 'raises'): (
        'unanswered_raises',
        '✏️ Not yet answered. `answer` still raises `NotImplementedError`. '
        'Replace `raise NotImplementedError` with your code, run that cell, '
        'then run this check again.',
        '✏️ まだ解答されていません。`answer` はまだ `NotImplementedError` '
        'を送出しています。`raise NotImplementedError` をあなたのコードに書き換えてそのセ'
        'ルを実行し、もう一度このチェックを実行してください。',
    ),
    ('check_split_gates', 'none'): (
        'unanswered_none',
        '✏️ Not yet answered. `answer` returns `None`: write the body of the '
        'function and end it with `return`.',
        '✏️ まだ解答されていません。`answer` が `None` を返しています。関数の中身を書き、'
        '最後に `return` で結果を返してください。',
    ),
    ('check_split_gates', 'ellipsis'): (
        'unanswered_ellipsis',
        '✏️ Not yet answered. `answer` returns `...`, the placeholder: replace '
        'it with your answer.',
        '✏️ まだ解答されていません。`answer` がプレースホルダーの `...` を返しています。あ'
        'なたの解答に置き換えてください。',
    ),
    ('check_split_gates', 'error'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for `W` `(12, 16)` '
        'and `b` `(16,)`: `ZeroDivisionError: division by zero`\n'
        '💡 Hint: `W` is `(12, 16)`: its four gates are four blocks of columns, '
        'so split along the last axis, `np.split(W, 4, axis=1)`; `b` is 1-D, '
        '`np.split(b, 4)`.',
        '❌ まだ正しくありません。`W` が `(12, 16)`、`b` が `(16,)` のケースで '
        '`answer` が例外を送出しました：`ZeroDivisionError: division by zero`\n'
        '💡 ヒント：`W` は `(12, 16)` で、4 つのゲートは列のブロックです。最後の軸に沿って'
        ' `np.split(W, 4, axis=1)` と分割します。`b` は 1 次元なので `np.split(b, '
        '4)` です。',
    ),
    ('check_split_gates', 'inner_type_error'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for `W` `(12, 16)` '
        'and `b` `(16,)`: `TypeError: unsupported operand`\n'
        '💡 Hint: `W` is `(12, 16)`: its four gates are four blocks of columns, '
        'so split along the last axis, `np.split(W, 4, axis=1)`; `b` is 1-D, '
        '`np.split(b, 4)`.',
        '❌ まだ正しくありません。`W` が `(12, 16)`、`b` が `(16,)` のケースで '
        '`answer` が例外を送出しました：`TypeError: unsupported operand`\n'
        '💡 ヒント：`W` は `(12, 16)` で、4 つのゲートは列のブロックです。最後の軸に沿って'
        ' `np.split(W, 4, axis=1)` と分割します。`b` は 1 次元なので `np.split(b, '
        '4)` です。',
    ),
    ('check_split_gates', 'text'): (
        'split_format',
        '❌ Not yet right. `answer` should return `(W_z, W_i, W_f, W_o), (b_z, '
        'b_i, b_f, b_o)`, but it returned `str`.\n'
        '💡 Hint: Return the four blocks of `W` and the four blocks of `b`, '
        'each in the order z, i, f, o (a dict `{"z": (W_z, b_z), ...}` works '
        'too).',
        '❌ まだ正しくありません。`answer` は `(W_z, W_i, W_f, W_o), (b_z, '
        'b_i, b_f, b_o)` を返す必要がありますが、`str` が返されました。\n'
        '💡 ヒント：`W` の 4 ブロックと `b` の 4 ブロックを、それぞれ z, i, '
        'f, o の順に返してください（辞書 `{"z": (W_z, b_z), ...}` でもかまいません）。',
    ),
    ('check_split_gates', 'set'): (
        'split_format',
        '❌ Not yet right. `answer` should return `(W_z, W_i, W_f, W_o), (b_z, '
        'b_i, b_f, b_o)`, but it returned `set`.\n'
        '💡 Hint: Return the four blocks of `W` and the four blocks of `b`, '
        'each in the order z, i, f, o (a dict `{"z": (W_z, b_z), ...}` works '
        'too).',
        '❌ まだ正しくありません。`answer` は `(W_z, W_i, W_f, W_o), (b_z, '
        'b_i, b_f, b_o)` を返す必要がありますが、`set` が返されました。\n'
        '💡 ヒント：`W` の 4 ブロックと `b` の 4 ブロックを、それぞれ z, i, '
        'f, o の順に返してください（辞書 `{"z": (W_z, b_z), ...}` でもかまいません）。',
    ),
    ('check_split_gates', 'error_words'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for `W` `(12, 16)` '
        'and `b` `(16,)`: `ValueError: cannot split: incompatible shapes`\n'
        '💡 Hint: `W` is `(12, 16)`: its four gates are four blocks of columns, '
        'so split along the last axis, `np.split(W, 4, axis=1)`; `b` is 1-D, '
        '`np.split(b, 4)`.',
        '❌ まだ正しくありません。`W` が `(12, 16)`、`b` が `(16,)` のケースで '
        '`answer` が例外を送出しました：`ValueError: cannot split: incompatible '
        'shapes`\n'
        '💡 ヒント：`W` は `(12, 16)` で、4 つのゲートは列のブロックです。最後の軸に沿って'
        ' `np.split(W, 4, axis=1)` と分割します。`b` は 1 次元なので `np.split(b, '
        '4)` です。',
    ),
    ('check_split_gates', 'pair_of_none'): (
        'split_format',
        '❌ Not yet right. `answer` should return `(W_z, W_i, W_f, W_o), (b_z, '
        'b_i, b_f, b_o)`, but it returned `tuple of length 2`.\n'
        '💡 Hint: Return the four blocks of `W` and the four blocks of `b`, '
        'each in the order z, i, f, o (a dict `{"z": (W_z, b_z), ...}` works '
        'too).',
        '❌ まだ正しくありません。`answer` は `(W_z, W_i, W_f, W_o), (b_z, '
        'b_i, b_f, b_o)` を返す必要がありますが、`tuple of length 2` が返されました。\n'
        '💡 ヒント：`W` の 4 ブロックと `b` の 4 ブロックを、それぞれ z, i, '
        'f, o の順に返してください（辞書 `{"z": (W_z, b_z), ...}` でもかまいません）。',
    ),
    ('check_split_gates', 'pair_of_text'): (
        'split_format',
        '❌ Not yet right. `answer` should return `(W_z, W_i, W_f, W_o), (b_z, '
        'b_i, b_f, b_o)`, but it returned `tuple of length 2`.\n'
        '💡 Hint: Return the four blocks of `W` and the four blocks of `b`, '
        'each in the order z, i, f, o (a dict `{"z": (W_z, b_z), ...}` works '
        'too).',
        '❌ まだ正しくありません。`answer` は `(W_z, W_i, W_f, W_o), (b_z, '
        'b_i, b_f, b_o)` を返す必要がありますが、`tuple of length 2` が返されました。\n'
        '💡 ヒント：`W` の 4 ブロックと `b` の 4 ブロックを、それぞれ z, i, '
        'f, o の順に返してください（辞書 `{"z": (W_z, b_z), ...}` でもかまいません）。',
    ),
    ('check_split_gates', 'blocks_of_none'): (
        'element_none',
        '❌ Not yet right. `W_z` is `None`.\n'
        '💡 Hint: Return the four blocks of `W` and the four blocks of `b`, '
        'each in the order z, i, f, o (a dict `{"z": (W_z, b_z), ...}` works '
        'too).',
        '❌ まだ正しくありません。`W_z` が `None` です。\n'
        '💡 ヒント：`W` の 4 ブロックと `b` の 4 ブロックを、それぞれ z, i, '
        'f, o の順に返してください（辞書 `{"z": (W_z, b_z), ...}` でもかまいません）。',
    ),
    ('check_split_gates', 'in_place_none'): (
        'unanswered_none',
        '✏️ Not yet answered. `answer` returns `None`: write the body of the '
        'function and end it with `return`.',
        '✏️ まだ解答されていません。`answer` が `None` を返しています。関数の中身を書き、'
        '最後に `return` で結果を返してください。',
    ),
    ('check_split_gates', 'later_raises'): (
        'unanswered_raises',
        '✏️ Not yet answered. `answer` still raises `NotImplementedError`. '
        'Replace `raise NotImplementedError` with your code, run that cell, '
        'then run this check again.',
        '✏️ まだ解答されていません。`answer` はまだ `NotImplementedError` '
        'を送出しています。`raise NotImplementedError` をあなたのコードに書き換えてそのセ'
        'ルを実行し、もう一度このチェックを実行してください。',
    ),
    ('check_split_gates', 'later_none'): (
        'returned_none_later',
        '❌ Not yet right. `answer` returned `None` for `W` `(8, 20)` and '
        '`b` `(20,)`, although it returned a value for the earlier cases.\n'
        '💡 Hint: Is there a `return` inside an `if` that this case does not '
        'reach?',
        '❌ まだ正しくありません。`answer` は前のケースでは値を返しましたが、`W` '
        'が `(8, 20)`、`b` が `(20,)` のケースでは `None` を返しました。\n'
        '💡 ヒント：`if` の中にだけ `return` があり、このケースではそこを通らない、という'
        'ことはありませんか。',
    ),
    ('check_split_gates', 'later_ellipsis'): (
        'returned_none_later',
        '❌ Not yet right. `answer` returned `None` for `W` `(8, 20)` and '
        '`b` `(20,)`, although it returned a value for the earlier cases.\n'
        '💡 Hint: Is there a `return` inside an `if` that this case does not '
        'reach?',
        '❌ まだ正しくありません。`answer` は前のケースでは値を返しましたが、`W` '
        'が `(8, 20)`、`b` が `(20,)` のケースでは `None` を返しました。\n'
        '💡 ヒント：`if` の中にだけ `return` があり、このケースではそこを通らない、という'
        'ことはありませんか。',
    ),
    ('check_split_gates', 'later_error'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for `W` `(8, 20)` '
        'and `b` `(20,)`: `ZeroDivisionError: division by zero`\n'
        '💡 Hint: `W` is `(8, 20)`: its four gates are four blocks of columns, '
        'so split along the last axis, `np.split(W, 4, axis=1)`; `b` is 1-D, '
        '`np.split(b, 4)`.',
        '❌ まだ正しくありません。`W` が `(8, 20)`、`b` が `(20,)` のケースで '
        '`answer` が例外を送出しました：`ZeroDivisionError: division by zero`\n'
        '💡 ヒント：`W` は `(8, 20)` で、4 つのゲートは列のブロックです。最後の軸に沿って'
        ' `np.split(W, 4, axis=1)` と分割します。`b` は 1 次元なので `np.split(b, '
        '4)` です。',
    ),
    ('check_split_gates', 'later_in_place_none'): (
        'returned_none_later',
        '❌ Not yet right. `answer` returned `None` for `W` `(8, 20)` and '
        '`b` `(20,)`, although it returned a value for the earlier cases.\n'
        '💡 Hint: Is there a `return` inside an `if` that this case does not '
        'reach?',
        '❌ まだ正しくありません。`answer` は前のケースでは値を返しましたが、`W` '
        'が `(8, 20)`、`b` が `(20,)` のケースでは `None` を返しました。\n'
        '💡 ヒント：`if` の中にだけ `return` があり、このケースではそこを通らない、という'
        'ことはありませんか。',
    ),
    ('check_param_count', 'signature'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for input size 8 and '
        'hidden size 50: `TypeError: _answer.<locals>.answer() takes 0 positional '
        'arguments but 2 were given`\n'
        '💡 Hint: The check calls your function as `answer(input_size, hidden_size)`: '
        'make it take exactly these arguments, in this order.',
        '❌ まだ正しくありません。入力の大きさ 8、隠れ層の大きさ 50 のケースで '
        '`answer` が例外を送出しました：`TypeError: _answer.<locals>.answer() '
        'takes 0 positional arguments but 2 were given`\n'
        '💡 ヒント：チェックはあなたの関数を `answer(input_size, hidden_size)` '
        'のように呼び出します。引数をちょうどこの順番で受け取るようにしてください。',
    ),
    ('check_param_count', 'raises'): (
        'unanswered_raises',
        '✏️ Not yet answered. `answer` still raises `NotImplementedError`. '
        'Replace `raise NotImplementedError` with your code, run that cell, '
        'then run this check again.',
        '✏️ まだ解答されていません。`answer` はまだ `NotImplementedError` '
        'を送出しています。`raise NotImplementedError` をあなたのコードに書き換えてそのセ'
        'ルを実行し、もう一度このチェックを実行してください。',
    ),
    ('check_param_count', 'none'): (
        'unanswered_none',
        '✏️ Not yet answered. `answer` returns `None`: write the body of the '
        'function and end it with `return`.',
        '✏️ まだ解答されていません。`answer` が `None` を返しています。関数の中身を書き、'
        '最後に `return` で結果を返してください。',
    ),
    ('check_param_count', 'ellipsis'): (
        'unanswered_ellipsis',
        '✏️ Not yet answered. `answer` returns `...`, the placeholder: replace '
        'it with your answer.',
        '✏️ まだ解答されていません。`answer` がプレースホルダーの `...` を返しています。あ'
        'なたの解答に置き換えてください。',
    ),
    ('check_param_count', 'error'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for input size 8 and '
        'hidden size 50: `ZeroDivisionError: division by zero`\n'
        '💡 Hint: The function receives two integers, `input_size` and `hidden_size`, '
        'and returns one integer.',
        '❌ まだ正しくありません。入力の大きさ 8、隠れ層の大きさ 50 のケースで '
        '`answer` が例外を送出しました：`ZeroDivisionError: division by zero`\n'
        '💡 ヒント：関数は 2 つの整数 `input_size` と `hidden_size` を受け取り、整数を '
        '1 つ返します。',
    ),
    ('check_param_count', 'inner_type_error'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for input size 8 and '
        'hidden size 50: `TypeError: unsupported operand`\n'
        '💡 Hint: The function receives two integers, `input_size` and `hidden_size`, '
        'and returns one integer.',
        '❌ まだ正しくありません。入力の大きさ 8、隠れ層の大きさ 50 のケースで '
        '`answer` が例外を送出しました：`TypeError: unsupported operand`\n'
        '💡 ヒント：関数は 2 つの整数 `input_size` と `hidden_size` を受け取り、整数を '
        '1 つ返します。',
    ),
    ('check_param_count', 'text'): (
        'params_not_number',
        '❌ Not yet right. The answer should be a whole number, but it is '
        "`'abc'`.\n"
        '💡 Hint: Give the count as an integer, e.g. `10_400`, not as a string '
        'or a list.',
        "❌ まだ正しくありません。解答は整数である必要がありますが、`'abc'` "
        'になっています。\n'
        '💡 ヒント：文字列やリストではなく、`10_400` のような整数で答えてください。',
    ),
    ('check_param_count', 'set'): (
        'params_not_number',
        '❌ Not yet right. The answer should be a whole number, but it is '
        '`{1}`.\n'
        '💡 Hint: Give the count as an integer, e.g. `10_400`, not as a string '
        'or a list.',
        '❌ まだ正しくありません。解答は整数である必要がありますが、`{1}` '
        'になっています。\n'
        '💡 ヒント：文字列やリストではなく、`10_400` のような整数で答えてください。',
    ),
    ('check_param_count', 'error_words'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for input size 8 and '
        'hidden size 50: `ValueError: cannot split: incompatible shapes`\n'
        '💡 Hint: The function receives two integers, `input_size` and `hidden_size`, '
        'and returns one integer.',
        '❌ まだ正しくありません。入力の大きさ 8、隠れ層の大きさ 50 のケースで '
        '`answer` が例外を送出しました：`ValueError: cannot split: incompatible '
        'shapes`\n'
        '💡 ヒント：関数は 2 つの整数 `input_size` と `hidden_size` を受け取り、整数を '
        '1 つ返します。',
    ),
    ('check_param_count', 'pair_of_none'): (
        'params_not_number',
        '❌ Not yet right. The answer should be a whole number, but it is '
        '`(None, None)`.\n'
        '💡 Hint: Give the count as an integer, e.g. `10_400`, not as a string '
        'or a list.',
        '❌ まだ正しくありません。解答は整数である必要がありますが、`(None, '
        'None)` になっています。\n'
        '💡 ヒント：文字列やリストではなく、`10_400` のような整数で答えてください。',
    ),
    ('check_param_count', 'pair_of_text'): (
        'params_not_number',
        '❌ Not yet right. The answer should be a whole number, but it is '
        "`('h', 'c')`.\n"
        '💡 Hint: Give the count as an integer, e.g. `10_400`, not as a string '
        'or a list.',
        "❌ まだ正しくありません。解答は整数である必要がありますが、`('h', "
        "'c')` になっています。\n"
        '💡 ヒント：文字列やリストではなく、`10_400` のような整数で答えてください。',
    ),
    ('check_param_count', 'blocks_of_none'): (
        'params_not_number',
        '❌ Not yet right. The answer should be a whole number, but it is '
        '`((None, None, None, None), (None, None, None, None))`.\n'
        '💡 Hint: Give the count as an integer, e.g. `10_400`, not as a string '
        'or a list.',
        '❌ まだ正しくありません。解答は整数である必要がありますが、`((None, '
        'None, None, None), (None, None, None, None))` になっています。\n'
        '💡 ヒント：文字列やリストではなく、`10_400` のような整数で答えてください。',
    ),
    ('check_param_count', 'in_place_none'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for input size 8 and '
        "hidden size 50: `TypeError: 'int' object does not support item assignment`\n"
        '💡 Hint: The function receives two integers, `input_size` and `hidden_size`, '
        'and returns one integer.',
        '❌ まだ正しくありません。入力の大きさ 8、隠れ層の大きさ 50 のケースで '
        "`answer` が例外を送出しました：`TypeError: 'int' object does not "
        'support item assignment`\n'
        '💡 ヒント：関数は 2 つの整数 `input_size` と `hidden_size` を受け取り、整数を '
        '1 つ返します。',
    ),
    ('check_param_count', 'later_raises'): (
        'unanswered_raises',
        '✏️ Not yet answered. `answer` still raises `NotImplementedError`. '
        'Replace `raise NotImplementedError` with your code, run that cell, '
        'then run this check again.',
        '✏️ まだ解答されていません。`answer` はまだ `NotImplementedError` '
        'を送出しています。`raise NotImplementedError` をあなたのコードに書き換えてそのセ'
        'ルを実行し、もう一度このチェックを実行してください。',
    ),
    ('check_param_count', 'later_none'): (
        'returned_none_later',
        '❌ Not yet right. `answer` returned `None` for input size 1 and hidden '
        'size 1, although it returned a value for the earlier cases.\n'
        '💡 Hint: Is there a `return` inside an `if` that this case does not '
        'reach?',
        '❌ まだ正しくありません。`answer` は前のケースでは値を返しましたが、入力の大きさ'
        ' 1、隠れ層の大きさ 1 のケースでは `None` を返しました。\n'
        '💡 ヒント：`if` の中にだけ `return` があり、このケースではそこを通らない、という'
        'ことはありませんか。',
    ),
    ('check_param_count', 'later_ellipsis'): (
        'returned_none_later',
        '❌ Not yet right. `answer` returned `None` for input size 1 and hidden '
        'size 1, although it returned a value for the earlier cases.\n'
        '💡 Hint: Is there a `return` inside an `if` that this case does not '
        'reach?',
        '❌ まだ正しくありません。`answer` は前のケースでは値を返しましたが、入力の大きさ'
        ' 1、隠れ層の大きさ 1 のケースでは `None` を返しました。\n'
        '💡 ヒント：`if` の中にだけ `return` があり、このケースではそこを通らない、という'
        'ことはありませんか。',
    ),
    ('check_param_count', 'later_error'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for input size 1 and '
        'hidden size 1: `ZeroDivisionError: division by zero`\n'
        '💡 Hint: The function receives two integers, `input_size` and `hidden_size`, '
        'and returns one integer.',
        '❌ まだ正しくありません。入力の大きさ 1、隠れ層の大きさ 1 のケースで '
        '`answer` が例外を送出しました：`ZeroDivisionError: division by zero`\n'
        '💡 ヒント：関数は 2 つの整数 `input_size` と `hidden_size` を受け取り、整数を '
        '1 つ返します。',
    ),
    ('check_param_count', 'later_in_place_none'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for input size 1 and '
        "hidden size 1: `TypeError: 'int' object does not support item assignment`\n"
        '💡 Hint: The function receives two integers, `input_size` and `hidden_size`, '
        'and returns one integer.',
        '❌ まだ正しくありません。入力の大きさ 1、隠れ層の大きさ 1 のケースで '
        "`answer` が例外を送出しました：`TypeError: 'int' object does not "
        'support item assignment`\n'
        '💡 ヒント：関数は 2 つの整数 `input_size` と `hidden_size` を受け取り、整数を '
        '1 つ返します。',
    ),
    ('check_forget_bias', 'signature'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for hidden size 5 '
        'and `forget_bias=1.0` (`b` `(20,)`): `TypeError: _answer.<locals>.answer() '
        'takes 0 positional arguments but 2 were given`\n'
        '💡 Hint: The check calls your function as `answer(b, forget_bias)`: '
        'make it take exactly these arguments, in this order.',
        '❌ まだ正しくありません。隠れ層の大きさ 5、`forget_bias=1.0`（`b` '
        'は `(20,)`）のケースで `answer` が例外を送出しました：`TypeError: '
        '_answer.<locals>.answer() takes 0 positional arguments but 2 were '
        'given`\n'
        '💡 ヒント：チェックはあなたの関数を `answer(b, forget_bias)` のように呼び出します'
        '。引数をちょうどこの順番で受け取るようにしてください。',
    ),
    ('check_forget_bias', 'raises'): (
        'unanswered_raises',
        '✏️ Not yet answered. `answer` still raises `NotImplementedError`. '
        'Replace `raise NotImplementedError` with your code, run that cell, '
        'then run this check again.',
        '✏️ まだ解答されていません。`answer` はまだ `NotImplementedError` '
        'を送出しています。`raise NotImplementedError` をあなたのコードに書き換えてそのセ'
        'ルを実行し、もう一度このチェックを実行してください。',
    ),
    ('check_forget_bias', 'none'): (
        'unanswered_none',
        '✏️ Not yet answered. `answer` returns `None`: write the body of the '
        'function and end it with `return`.',
        '✏️ まだ解答されていません。`answer` が `None` を返しています。関数の中身を書き、'
        '最後に `return` で結果を返してください。',
    ),
    ('check_forget_bias', 'ellipsis'): (
        'unanswered_ellipsis',
        '✏️ Not yet answered. `answer` returns `...`, the placeholder: replace '
        'it with your answer.',
        '✏️ まだ解答されていません。`answer` がプレースホルダーの `...` を返しています。あ'
        'なたの解答に置き換えてください。',
    ),
    ('check_forget_bias', 'error'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for hidden size 5 '
        'and `forget_bias=1.0` (`b` `(20,)`): `ZeroDivisionError: division '
        'by zero`\n'
        '💡 Hint: `b` has `4 * H` entries in the blocks z, i, f, o; the hidden '
        'size is `H = len(b) // 4` (an integer: `//`, not `/`).',
        '❌ まだ正しくありません。隠れ層の大きさ 5、`forget_bias=1.0`（`b` '
        'は `(20,)`）のケースで `answer` が例外を送出しました：`ZeroDivisionError: '
        'division by zero`\n'
        '💡 ヒント：`b` は z, i, f, o のブロックからなる `4 * H` 個の要素を持ちます。隠れ'
        '層の大きさは `H = len(b) // 4` です（`/` ではなく整数の `//`）。',
    ),
    ('check_forget_bias', 'inner_type_error'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for hidden size 5 '
        'and `forget_bias=1.0` (`b` `(20,)`): `TypeError: unsupported operand`\n'
        '💡 Hint: `b` has `4 * H` entries in the blocks z, i, f, o; the hidden '
        'size is `H = len(b) // 4` (an integer: `//`, not `/`).',
        '❌ まだ正しくありません。隠れ層の大きさ 5、`forget_bias=1.0`（`b` '
        'は `(20,)`）のケースで `answer` が例外を送出しました：`TypeError: '
        'unsupported operand`\n'
        '💡 ヒント：`b` は z, i, f, o のブロックからなる `4 * H` 個の要素を持ちます。隠れ'
        '層の大きさは `H = len(b) // 4` です（`/` ではなく整数の `//`）。',
    ),
    ('check_forget_bias', 'text'): (
        'element_not_numeric',
        '❌ Not yet right. `b` is not an array of numbers: got `str`.\n'
        '💡 Hint: Return the whole bias vector, a NumPy array or a TensorFlow '
        'tensor.',
        '❌ まだ正しくありません。`b` が数値の配列ではありません（`str` が返されました）。'
        '\n'
        '💡 ヒント：バイアスのベクトル全体を、NumPy の配列か TensorFlow のテンソルで返して'
        'ください。',
    ),
    ('check_forget_bias', 'set'): (
        'element_not_numeric',
        '❌ Not yet right. `b` is not an array of numbers: got `set`.\n'
        '💡 Hint: Return the whole bias vector, a NumPy array or a TensorFlow '
        'tensor.',
        '❌ まだ正しくありません。`b` が数値の配列ではありません（`set` が返されました）。'
        '\n'
        '💡 ヒント：バイアスのベクトル全体を、NumPy の配列か TensorFlow のテンソルで返して'
        'ください。',
    ),
    ('check_forget_bias', 'error_words'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for hidden size 5 '
        'and `forget_bias=1.0` (`b` `(20,)`): `ValueError: cannot split: incompatible '
        'shapes`\n'
        '💡 Hint: `b` has `4 * H` entries in the blocks z, i, f, o; the hidden '
        'size is `H = len(b) // 4` (an integer: `//`, not `/`).',
        '❌ まだ正しくありません。隠れ層の大きさ 5、`forget_bias=1.0`（`b` '
        'は `(20,)`）のケースで `answer` が例外を送出しました：`ValueError: '
        'cannot split: incompatible shapes`\n'
        '💡 ヒント：`b` は z, i, f, o のブロックからなる `4 * H` 個の要素を持ちます。隠れ'
        '層の大きさは `H = len(b) // 4` です（`/` ではなく整数の `//`）。',
    ),
    ('check_forget_bias', 'pair_of_none'): (
        'element_not_numeric',
        '❌ Not yet right. `b` is not an array of numbers: got `tuple of length '
        '2`.\n'
        '💡 Hint: Return the whole bias vector, a NumPy array or a TensorFlow '
        'tensor.',
        '❌ まだ正しくありません。`b` が数値の配列ではありません（`tuple of '
        'length 2` が返されました）。\n'
        '💡 ヒント：バイアスのベクトル全体を、NumPy の配列か TensorFlow のテンソルで返して'
        'ください。',
    ),
    ('check_forget_bias', 'pair_of_text'): (
        'element_not_numeric',
        '❌ Not yet right. `b` is not an array of numbers: got `tuple of length '
        '2`.\n'
        '💡 Hint: Return the whole bias vector, a NumPy array or a TensorFlow '
        'tensor.',
        '❌ まだ正しくありません。`b` が数値の配列ではありません（`tuple of '
        'length 2` が返されました）。\n'
        '💡 ヒント：バイアスのベクトル全体を、NumPy の配列か TensorFlow のテンソルで返して'
        'ください。',
    ),
    ('check_forget_bias', 'blocks_of_none'): (
        'element_not_numeric',
        '❌ Not yet right. `b` is not an array of numbers: got `tuple of length '
        '2`.\n'
        '💡 Hint: Return the whole bias vector, a NumPy array or a TensorFlow '
        'tensor.',
        '❌ まだ正しくありません。`b` が数値の配列ではありません（`tuple of '
        'length 2` が返されました）。\n'
        '💡 ヒント：バイアスのベクトル全体を、NumPy の配列か TensorFlow のテンソルで返して'
        'ください。',
    ),
    ('check_forget_bias', 'in_place_none'): (
        'bias_in_place',
        '❌ Not yet right. `answer` changed `b` in place but returned `None`.\n'
        '💡 Hint: End the function with `return b` (or work on a copy, `b '
        '= b.copy()`, and return it).',
        '❌ まだ正しくありません。`answer` は `b` をその場で書き換えましたが、`None` '
        'を返しています。\n'
        '💡 ヒント：関数の最後に `return b` を書きましょう（コピー `b = b.copy()` '
        'を作って書き換え、それを返してもかまいません）。',
    ),
    ('check_forget_bias', 'later_raises'): (
        'unanswered_raises',
        '✏️ Not yet answered. `answer` still raises `NotImplementedError`. '
        'Replace `raise NotImplementedError` with your code, run that cell, '
        'then run this check again.',
        '✏️ まだ解答されていません。`answer` はまだ `NotImplementedError` '
        'を送出しています。`raise NotImplementedError` をあなたのコードに書き換えてそのセ'
        'ルを実行し、もう一度このチェックを実行してください。',
    ),
    ('check_forget_bias', 'later_none'): (
        'returned_none_later',
        '❌ Not yet right. `answer` returned `None` for hidden size 3 and '
        '`forget_bias=2.5` (`b` `(12,)`), although it returned a value for '
        'the earlier cases.\n'
        '💡 Hint: Is there a `return` inside an `if` that this case does not '
        'reach?',
        '❌ まだ正しくありません。`answer` は前のケースでは値を返しましたが、隠れ層の大き'
        'さ 3、`forget_bias=2.5`（`b` は `(12,)`）のケースでは `None` を返しました。\n'
        '💡 ヒント：`if` の中にだけ `return` があり、このケースではそこを通らない、という'
        'ことはありませんか。',
    ),
    ('check_forget_bias', 'later_ellipsis'): (
        'returned_none_later',
        '❌ Not yet right. `answer` returned `None` for hidden size 3 and '
        '`forget_bias=2.5` (`b` `(12,)`), although it returned a value for '
        'the earlier cases.\n'
        '💡 Hint: Is there a `return` inside an `if` that this case does not '
        'reach?',
        '❌ まだ正しくありません。`answer` は前のケースでは値を返しましたが、隠れ層の大き'
        'さ 3、`forget_bias=2.5`（`b` は `(12,)`）のケースでは `None` を返しました。\n'
        '💡 ヒント：`if` の中にだけ `return` があり、このケースではそこを通らない、という'
        'ことはありませんか。',
    ),
    ('check_forget_bias', 'later_error'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for hidden size 3 '
        'and `forget_bias=2.5` (`b` `(12,)`): `ZeroDivisionError: division '
        'by zero`\n'
        '💡 Hint: `b` has `4 * H` entries in the blocks z, i, f, o; the hidden '
        'size is `H = len(b) // 4` (an integer: `//`, not `/`).',
        '❌ まだ正しくありません。隠れ層の大きさ 3、`forget_bias=2.5`（`b` '
        'は `(12,)`）のケースで `answer` が例外を送出しました：`ZeroDivisionError: '
        'division by zero`\n'
        '💡 ヒント：`b` は z, i, f, o のブロックからなる `4 * H` 個の要素を持ちます。隠れ'
        '層の大きさは `H = len(b) // 4` です（`/` ではなく整数の `//`）。',
    ),
    ('check_forget_bias', 'later_in_place_none'): (
        'bias_in_place',
        '❌ Not yet right. `answer` changed `b` in place but returned `None`.\n'
        '💡 Hint: End the function with `return b` (or work on a copy, `b '
        '= b.copy()`, and return it).',
        '❌ まだ正しくありません。`answer` は `b` をその場で書き換えましたが、`None` '
        'を返しています。\n'
        '💡 ヒント：関数の最後に `return b` を書きましょう（コピー `b = b.copy()` '
        'を作って書き換え、それを返してもかまいません）。',
    ),
    ('check_column_scan', 'signature'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for images of shape '
        '`(5, 8, 8)`: `TypeError: _answer.<locals>.answer() takes 0 positional '
        'arguments but 1 was given`\n'
        '💡 Hint: The check calls your function as `answer(images)`: make '
        'it take exactly these arguments, in this order.',
        '❌ まだ正しくありません。形が `(5, 8, 8)` の画像で `answer` が例外を送出しました'
        '：`TypeError: _answer.<locals>.answer() takes 0 positional arguments '
        'but 1 was given`\n'
        '💡 ヒント：チェックはあなたの関数を `answer(images)` のように呼び出します。引数を'
        'ちょうどこの順番で受け取るようにしてください。',
    ),
    ('check_column_scan', 'raises'): (
        'unanswered_raises',
        '✏️ Not yet answered. `answer` still raises `NotImplementedError`. '
        'Replace `raise NotImplementedError` with your code, run that cell, '
        'then run this check again.',
        '✏️ まだ解答されていません。`answer` はまだ `NotImplementedError` '
        'を送出しています。`raise NotImplementedError` をあなたのコードに書き換えてそのセ'
        'ルを実行し、もう一度このチェックを実行してください。',
    ),
    ('check_column_scan', 'none'): (
        'unanswered_none',
        '✏️ Not yet answered. `answer` returns `None`: write the body of the '
        'function and end it with `return`.',
        '✏️ まだ解答されていません。`answer` が `None` を返しています。関数の中身を書き、'
        '最後に `return` で結果を返してください。',
    ),
    ('check_column_scan', 'ellipsis'): (
        'unanswered_ellipsis',
        '✏️ Not yet answered. `answer` returns `...`, the placeholder: replace '
        'it with your answer.',
        '✏️ まだ解答されていません。`answer` がプレースホルダーの `...` を返しています。あ'
        'なたの解答に置き換えてください。',
    ),
    ('check_column_scan', 'error'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for images of shape '
        '`(5, 8, 8)`: `ZeroDivisionError: division by zero`\n'
        '💡 Hint: The function receives `(n, rows, cols)` and returns `(n, '
        'cols, rows)`: keep the batch axis first and exchange the last two. '
        'Do not assume 8×8.',
        '❌ まだ正しくありません。形が `(5, 8, 8)` の画像で `answer` が例外を送出しました'
        '：`ZeroDivisionError: division by zero`\n'
        '💡 ヒント：関数は `(n, rows, cols)` を受け取り `(n, cols, rows)` '
        'を返します。バッチの軸は先頭のまま、最後の 2 つの軸を入れ替えます。8×8 '
        'を前提にしないでください。',
    ),
    ('check_column_scan', 'inner_type_error'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for images of shape '
        '`(5, 8, 8)`: `TypeError: unsupported operand`\n'
        '💡 Hint: The function receives `(n, rows, cols)` and returns `(n, '
        'cols, rows)`: keep the batch axis first and exchange the last two. '
        'Do not assume 8×8.',
        '❌ まだ正しくありません。形が `(5, 8, 8)` の画像で `answer` が例外を送出しました'
        '：`TypeError: unsupported operand`\n'
        '💡 ヒント：関数は `(n, rows, cols)` を受け取り `(n, cols, rows)` '
        'を返します。バッチの軸は先頭のまま、最後の 2 つの軸を入れ替えます。8×8 '
        'を前提にしないでください。',
    ),
    ('check_column_scan', 'text'): (
        'element_not_numeric',
        '❌ Not yet right. `images` is not an array of numbers: got `str`.\n'
        '💡 Hint: Return the images as a NumPy array or a TensorFlow tensor.',
        '❌ まだ正しくありません。`images` が数値の配列ではありません（`str` '
        'が返されました）。\n'
        '💡 ヒント：画像を NumPy の配列か TensorFlow のテンソルで返してください。',
    ),
    ('check_column_scan', 'set'): (
        'element_not_numeric',
        '❌ Not yet right. `images` is not an array of numbers: got `set`.\n'
        '💡 Hint: Return the images as a NumPy array or a TensorFlow tensor.',
        '❌ まだ正しくありません。`images` が数値の配列ではありません（`set` '
        'が返されました）。\n'
        '💡 ヒント：画像を NumPy の配列か TensorFlow のテンソルで返してください。',
    ),
    ('check_column_scan', 'error_words'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for images of shape '
        '`(5, 8, 8)`: `ValueError: cannot split: incompatible shapes`\n'
        '💡 Hint: The function receives `(n, rows, cols)` and returns `(n, '
        'cols, rows)`: keep the batch axis first and exchange the last two. '
        'Do not assume 8×8.',
        '❌ まだ正しくありません。形が `(5, 8, 8)` の画像で `answer` が例外を送出しました'
        '：`ValueError: cannot split: incompatible shapes`\n'
        '💡 ヒント：関数は `(n, rows, cols)` を受け取り `(n, cols, rows)` '
        'を返します。バッチの軸は先頭のまま、最後の 2 つの軸を入れ替えます。8×8 '
        'を前提にしないでください。',
    ),
    ('check_column_scan', 'pair_of_none'): (
        'element_not_numeric',
        '❌ Not yet right. `images` is not an array of numbers: got `tuple '
        'of length 2`.\n'
        '💡 Hint: Return the images as a NumPy array or a TensorFlow tensor.',
        '❌ まだ正しくありません。`images` が数値の配列ではありません（`tuple '
        'of length 2` が返されました）。\n'
        '💡 ヒント：画像を NumPy の配列か TensorFlow のテンソルで返してください。',
    ),
    ('check_column_scan', 'pair_of_text'): (
        'element_not_numeric',
        '❌ Not yet right. `images` is not an array of numbers: got `tuple '
        'of length 2`.\n'
        '💡 Hint: Return the images as a NumPy array or a TensorFlow tensor.',
        '❌ まだ正しくありません。`images` が数値の配列ではありません（`tuple '
        'of length 2` が返されました）。\n'
        '💡 ヒント：画像を NumPy の配列か TensorFlow のテンソルで返してください。',
    ),
    ('check_column_scan', 'blocks_of_none'): (
        'element_not_numeric',
        '❌ Not yet right. `images` is not an array of numbers: got `tuple '
        'of length 2`.\n'
        '💡 Hint: Return the images as a NumPy array or a TensorFlow tensor.',
        '❌ まだ正しくありません。`images` が数値の配列ではありません（`tuple '
        'of length 2` が返されました）。\n'
        '💡 ヒント：画像を NumPy の配列か TensorFlow のテンソルで返してください。',
    ),
    ('check_column_scan', 'in_place_none'): (
        'unanswered_none',
        '✏️ Not yet answered. `answer` returns `None`: write the body of the '
        'function and end it with `return`.',
        '✏️ まだ解答されていません。`answer` が `None` を返しています。関数の中身を書き、'
        '最後に `return` で結果を返してください。',
    ),
    ('check_column_scan', 'later_raises'): (
        'unanswered_raises',
        '✏️ Not yet answered. `answer` still raises `NotImplementedError`. '
        'Replace `raise NotImplementedError` with your code, run that cell, '
        'then run this check again.',
        '✏️ まだ解答されていません。`answer` はまだ `NotImplementedError` '
        'を送出しています。`raise NotImplementedError` をあなたのコードに書き換えてそのセ'
        'ルを実行し、もう一度このチェックを実行してください。',
    ),
    ('check_column_scan', 'later_none'): (
        'returned_none_later',
        '❌ Not yet right. `answer` returned `None` for images of shape `(1, '
        '8, 8)`, although it returned a value for the earlier cases.\n'
        '💡 Hint: Is there a `return` inside an `if` that this case does not '
        'reach?',
        '❌ まだ正しくありません。`answer` は前のケースでは値を返しましたが、形が '
        '`(1, 8, 8)` の画像では `None` を返しました。\n'
        '💡 ヒント：`if` の中にだけ `return` があり、このケースではそこを通らない、という'
        'ことはありませんか。',
    ),
    ('check_column_scan', 'later_ellipsis'): (
        'returned_none_later',
        '❌ Not yet right. `answer` returned `None` for images of shape `(1, '
        '8, 8)`, although it returned a value for the earlier cases.\n'
        '💡 Hint: Is there a `return` inside an `if` that this case does not '
        'reach?',
        '❌ まだ正しくありません。`answer` は前のケースでは値を返しましたが、形が '
        '`(1, 8, 8)` の画像では `None` を返しました。\n'
        '💡 ヒント：`if` の中にだけ `return` があり、このケースではそこを通らない、という'
        'ことはありませんか。',
    ),
    ('check_column_scan', 'later_error'): (
        'raised',
        '❌ Not yet right. `answer` raised an exception for images of shape '
        '`(1, 8, 8)`: `ZeroDivisionError: division by zero`\n'
        '💡 Hint: The function receives `(n, rows, cols)` and returns `(n, '
        'cols, rows)`: keep the batch axis first and exchange the last two. '
        'Do not assume 8×8.',
        '❌ まだ正しくありません。形が `(1, 8, 8)` の画像で `answer` が例外を送出しました'
        '：`ZeroDivisionError: division by zero`\n'
        '💡 ヒント：関数は `(n, rows, cols)` を受け取り `(n, cols, rows)` '
        'を返します。バッチの軸は先頭のまま、最後の 2 つの軸を入れ替えます。8×8 '
        'を前提にしないでください。',
    ),
    ('check_column_scan', 'later_in_place_none'): (
        'returned_none_later',
        '❌ Not yet right. `answer` returned `None` for images of shape `(1, '
        '8, 8)`, although it returned a value for the earlier cases.\n'
        '💡 Hint: Is there a `return` inside an `if` that this case does not '
        'reach?',
        '❌ まだ正しくありません。`answer` は前のケースでは値を返しましたが、形が '
        '`(1, 8, 8)` の画像では `None` を返しました。\n'
        '💡 ヒント：`if` の中にだけ `return` があり、このケースではそこを通らない、という'
        'ことはありませんか。',
    ),
    ('check_param_count', 'number_none'): (
        'params_unanswered',
        '✏️ Not yet answered. The answer is still `None` or `...`: replace '
        'it with your count.',
        '✏️ まだ解答されていません。解答がまだ `None` か `...` のままです。数えた値に置き'
        '換えてください。',
    ),
    ('check_param_count', 'number_ellipsis'): (
        'params_unanswered',
        '✏️ Not yet answered. The answer is still `None` or `...`: replace '
        'it with your count.',
        '✏️ まだ解答されていません。解答がまだ `None` か `...` のままです。数えた値に置き'
        '換えてください。',
    ),
    ('check_param_count', 'number_text'): (
        'params_not_number',
        '❌ Not yet right. The answer should be a whole number, but it is '
        "`'10400'`.\n"
        '💡 Hint: Give the count as an integer, e.g. `10_400`, not as a string '
        'or a list.',
        "❌ まだ正しくありません。解答は整数である必要がありますが、`'10400'` "
        'になっています。\n'
        '💡 ヒント：文字列やリストではなく、`10_400` のような整数で答えてください。',
    ),
    ('check_param_count', 'number_float'): (
        'params_not_whole',
        '❌ Not yet right. A number of parameters is a whole number, but the '
        'answer is `10400.5`.\n'
        '💡 Hint: Use integer arithmetic: `*` and `+` (and `//` if you divide), '
        'not `/`.',
        '❌ まだ正しくありません。パラメータの数は整数のはずですが、解答が '
        '`10400.5` になっています。\n'
        '💡 ヒント：整数の演算 `*` と `+`（割るなら `//`）を使い、`/` は使わないでください'
        '。',
    ),
    ('check_param_count', 'number_bool'): (
        'params_not_number',
        '❌ Not yet right. The answer should be a whole number, but it is '
        '`True`.\n'
        '💡 Hint: Give the count as an integer, e.g. `10_400`, not as a string '
        'or a list.',
        '❌ まだ正しくありません。解答は整数である必要がありますが、`True` '
        'になっています。\n'
        '💡 ヒント：文字列やリストではなく、`10_400` のような整数で答えてください。',
    ),
    ('check_param_count', 'number_list'): (
        'params_not_number',
        '❌ Not yet right. The answer should be a whole number, but it is '
        '`[10400]`.\n'
        '💡 Hint: Give the count as an integer, e.g. `10_400`, not as a string '
        'or a list.',
        '❌ まだ正しくありません。解答は整数である必要がありますが、`[10400]` '
        'になっています。\n'
        '💡 ヒント：文字列やリストではなく、`10_400` のような整数で答えてください。',
    ),
}

if __name__ == "__main__":
    _record()
