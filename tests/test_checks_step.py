"""`lstm.checks.check_lstm_step` and `check_article_cell`: right answers pass,
typical wrong answers get the hint meant for them, in both languages."""

import numpy as np
import pytest

import lstm  # noqa: F401  (before TensorFlow)
import tensorflow as tf

from lstm.checks import check_article_cell, check_lstm_step


def lstm_step(x, h, c, W, b):
    """The exercise's model answer, in TensorFlow."""
    gates = tf.concat([x, h], axis=1) @ W + b  # (B, 4H)
    z, i, f, o = tf.split(gates, 4, axis=-1)  # each (B, H)
    z = tf.tanh(z)
    i, f, o = tf.sigmoid(i), tf.sigmoid(f), tf.sigmoid(o)
    c_next = f * c + i * z
    return o * tf.tanh(c_next), c_next


def lstm_step_numpy(x, h, c, W, b):
    """The same in NumPy, with a sigmoid written by hand."""
    z, i, f, o = np.split(np.concatenate([x, h], axis=1) @ W + b, 4, axis=1)
    sigmoid = lambda a: 1 / (1 + np.exp(-a))  # noqa: E731
    c_next = sigmoid(f) * c + sigmoid(i) * np.tanh(z)
    return sigmoid(o) * np.tanh(c_next), c_next


def variant(*, order="zifo", hx=False, z_act=tf.tanh, gate_act=tf.sigmoid, update=None,
            out=None, bias=True, swap_return=False):
    """A step with one deliberate mistake (the defaults give the right step)."""
    update = update or (lambda f, i, z, c: f * c + i * z)
    out = out or (lambda o, c: o * tf.tanh(c))

    def step(x, h, c, W, b):
        xh = tf.concat([h, x] if hx else [x, h], axis=1)
        gates = xh @ W + (b if bias else 0.0)
        blocks = dict(zip(order, tf.split(gates, 4, axis=-1)))
        z = z_act(blocks["z"])
        i, f, o = (gate_act(blocks[g]) for g in "ifo")
        c_next = update(f, i, z, c)
        h_next = out(o, c_next)
        return (c_next, h_next) if swap_return else (h_next, c_next)

    return step


def test_variant_defaults_are_right():
    assert check_lstm_step(variant())


@pytest.mark.parametrize("fn", [lstm_step, lstm_step_numpy])
@pytest.mark.parametrize("lang, text", [("en", "matches `lstm.LSTMCell` on all 5 cases"),
                                        ("ja", "5 ケースすべてで `lstm.LSTMCell` と一致しました")])
def test_right_steps_pass(fn, lang, text):
    result = check_lstm_step(fn, lang=lang)
    assert result and result.passed and result.status == "passed"
    assert text in str(result) and str(result).startswith("✅")


def test_the_articles_stacked_return_is_accepted():
    def stacked(x, h, c, W, b):
        return tf.stack(lstm_step(x, h, c, W, b))  # (2, B, H), as the article returns
    assert check_lstm_step(stacked)


WRONG_STEPS = [
    # (answer, key, English fragment, Japanese fragment)
    (variant(order="ifzo"), "gate_order",
     "The outputs are right up to the order of the gates: check z, i, f, o", "Keras の順番"),
    (variant(order="izfo"), "gate_order",
     "right up to the order of the gates", "ゲートの順番を除けば出力は正しい"),
    (variant(order="zfio"), "forget_on_input",
     "the forget gate seems to multiply the new input rather than the old cell state".capitalize(),
     "忘却ゲートが古い記憶セルではなく、新しい入力に掛かっている"),
    (variant(update=lambda f, i, z, c: c + f * i * z), "forget_on_input",
     "The forget gate seems to multiply the new input", "忘却ゲート"),
    (variant(z_act=lambda a: a), "z_no_tanh", "used without its `tanh`", "`tanh` が掛かっていません"),
    (variant(out=lambda o, c: o * c), "article_variant",
     "That is the article's variant", "記事の変種"),
    (variant(z_act=tf.sigmoid, gate_act=tf.tanh), "activations_swapped",
     "The sigmoid and the `tanh` are swapped", "シグモイドと `tanh` が入れ替わっています"),
    (variant(z_act=tf.sigmoid), "z_sigmoid", "goes through a sigmoid, like the gates", "シグモイド"),
    (variant(swap_return=True), "hc_swapped", "you returned `(c_next, h_next)`", "順番が逆です"),
    (variant(hx=True), "concat_order", "`[h, x]` instead of `[x, h]`", "逆の順番で連結"),
    (variant(bias=False), "bias_missing", "The bias `b` is missing", "バイアス `b` が抜けています"),
    (variant(update=lambda f, i, z, c: i * z), "old_cell_missing", "does not contain the old one", "古い記憶セル"),
    (variant(update=lambda f, i, z, c: f * c + z), "input_gate_missing", "The input gate is missing",
     "入力ゲートが抜けています"),
    (variant(out=lambda o, c: tf.tanh(c)), "output_gate_missing", "The output gate is missing",
     "出力ゲートが抜けています"),
]


@pytest.mark.parametrize("answer, key, en, ja", WRONG_STEPS)
def test_typical_mistakes_get_their_hint(answer, key, en, ja):
    result = check_lstm_step(answer, lang="en")
    assert not result and result.status == "wrong" and result.key == key
    assert en in str(result) and str(result).startswith("❌")
    result_ja = check_lstm_step(answer, lang="ja")
    assert not result_ja and result_ja.key == key and ja in str(result_ja)


def test_keras_order_hint_names_keras():
    result = check_lstm_step(variant(order="ifzo"))
    assert "Keras's order (i, f, c, o" in result.hint
    assert "`i, f, z, o`" in result.problem


def test_interleaved_split():
    def step(x, h, c, W, b):
        gates = tf.concat([x, h], axis=1) @ W + b
        g = tf.reshape(gates, (gates.shape[0], -1, 4))  # (B, H, 4): the wrong grouping
        z, i, f, o = (g[..., k] for k in range(4))
        c_next = tf.sigmoid(f) * c + tf.sigmoid(i) * tf.tanh(z)
        return tf.sigmoid(o) * tf.tanh(c_next), c_next
    result = check_lstm_step(step)
    assert result.key == "step_interleaved" and "every fourth column" in str(result)


def test_split_along_the_batch_axis_is_explained():
    def step(x, h, c, W, b):
        z, i, f, o = tf.split(tf.concat([x, h], axis=1) @ W + b, 4, axis=0)
        c_next = tf.sigmoid(f) * c + tf.sigmoid(i) * tf.tanh(z)
        return tf.sigmoid(o) * tf.tanh(c_next), c_next
    result = check_lstm_step(step)
    assert result.key == "raised" and "InvalidArgumentError" in result.problem
    assert "along the *last* axis" in result.hint and "`(3, 20)`" in result.hint
    assert "{{function_node" not in result.problem


def test_exception_in_the_students_code_becomes_a_message():
    def step(x, h, c, W, b):
        return np.concatenate([x, h], axis=0), c  # wrong axis: NumPy raises
    result = check_lstm_step(step, lang="ja")
    assert not result and result.key == "raised" and "ValueError" in result.problem
    assert "例外を送出しました" in result.problem and "連結" in result.hint


def test_matmul_error_hint_gives_the_shapes():
    def step(x, h, c, W, b):
        return x @ W, c  # (3, 8) @ (13, 20)
    result = check_lstm_step(step)
    assert result.key == "raised" and "`(3, 13)`" in result.hint and "`(13, 20)`" in result.hint


@pytest.mark.parametrize("body, why, en, ja", [
    ("raise NotImplementedError", "raises", "still raises `NotImplementedError`", "まだ解答されていません"),
    ("return None", "none", "returns `None`", "`None` を返しています"),
    ("return ...", "ellipsis", "returns `...`", "プレースホルダー"),
    ("pass", "none", "returns `None`", "まだ解答されていません"),
])
def test_unanswered(body, why, en, ja):
    namespace = {}
    exec(f"def lstm_step(x, h, c, W, b):\n    {body}\n", namespace)
    for check in (check_lstm_step, check_article_cell):
        result = check(namespace["lstm_step"])
        assert not result and result.status == "unanswered" and result.key == "unanswered_" + why
        assert str(result).startswith("✏️ Not yet answered.") and en in str(result)
        assert "`lstm_step`" in str(result)
        result_ja = check(namespace["lstm_step"], lang="ja")
        assert str(result_ja).startswith("✏️ まだ解答されていません。") and ja in str(result_ja)


@pytest.mark.parametrize("returned, key, text", [
    ("h", "not_a_pair", "should return a pair `(h_next, c_next)`"),
    ("(h, None)", "element_none", "`c_next` is `None`"),
    ("(h, 'c')", "element_not_numeric", "`c_next` is not an array of numbers"),
    ("(tf.concat([h, h, h, h], 1), c)", "shape_not_split", "four times too wide"),
    ("(tf.transpose(h), c)", "shape_transposed", "transposed"),
    ("(h[:, :1], c)", "shape", "expected `(3, 5)`"),
    ("(h * np.nan, c)", "nonfinite", "contains NaN"),
    ("(h, c, h)", "not_a_pair", "`tuple of length 3`"),
    ("(np.asarray(h, np.float64), c)", "dtype", "dtype `float64` instead of float32"),
    ("(c, h)", "hc_swapped", "wrong order"),
])
def test_wrong_forms_become_messages(returned, key, text):
    namespace = {"tf": tf, "np": np, "right": lstm_step}
    exec(f"def lstm_step(x, h, c, W, b):\n    h, c = right(x, h, c, W, b)\n    return {returned}\n", namespace)
    result = check_lstm_step(namespace["lstm_step"])
    assert not result and result.key == key and text in str(result)


def test_overflow_on_large_inputs():
    def step(x, h, c, W, b):
        tanh = lambda a: (np.exp(2 * a) - 1) / (np.exp(2 * a) + 1)  # noqa: E731  (NaN for large a)
        z, i, f, o = np.split(np.concatenate([x, h], axis=1) @ W + b, 4, axis=1)
        sigmoid = lambda a: 1 / (1 + np.exp(-a))  # noqa: E731
        c_next = sigmoid(f) * c + sigmoid(i) * tanh(z)
        return sigmoid(o) * tanh(c_next), c_next
    result = check_lstm_step(step)
    assert result.key == "nonfinite" and "large inputs" in result.problem and "overflows" in result.hint


def test_edge_cases_get_their_own_hint():
    def squeezing(x, h, c, W, b):
        h_next, c_next = lstm_step(x, h, c, W, b)
        return tf.squeeze(h_next), tf.squeeze(c_next)  # breaks for batch 1 only
    result = check_lstm_step(squeezing)
    assert result.key == "shape_squeezed" and "for a batch of 1" in result.problem

    def hard_coded(x, h, c, W, b):
        if x.shape[0] == 4:  # the hidden-size-1 case has batch 4
            return lstm_step(x, h, c, W, b)[0] * 0.5, lstm_step(x, h, c, W, b)[1]
        return lstm_step(x, h, c, W, b)
    result = check_lstm_step(hard_coded, lang="ja")
    assert result.key == "edge_hidden1" and "隠れ層の大きさが 1" in result.problem


def test_the_student_may_write_into_the_arrays():
    def vandal(x, h, c, W, b):
        result = lstm_step(x, h, c, W, b)
        for a in (x, h, c, W, b):
            a[...] = 0.0  # only the student's own copies change
        return result
    assert check_lstm_step(vandal)


# ----------------------------------------------------------- the article's cell

def article_step(x, h, c, W, b):
    gates = tf.concat([x, h], axis=1) @ W + b
    z, i, f, o = tf.split(gates, 4, axis=-1)
    c_next = tf.sigmoid(f) * c + tf.sigmoid(i) * tf.tanh(z)
    return tf.sigmoid(o) * c_next, c_next


@pytest.mark.parametrize("lang, text", [("en", "matches the article's cell"), ("ja", "記事のセル")])
def test_article_cell_passes(lang, text):
    result = check_article_cell(article_step, lang=lang)
    assert result and text in str(result)


@pytest.mark.parametrize("answer, key, en", [
    (lstm_step, "tanh_not_removed", "You still apply `tanh` to the cell state before the output gate"),
    (variant(order="ifzo", out=lambda o, c: o * c), "gate_order", "right up to the order of the gates"),
    (variant(z_act=lambda a: a, out=lambda o, c: o * c), "z_no_tanh", "without its `tanh`"),
    (variant(update=lambda f, i, z, c: c + f * z, out=lambda o, c: o * c), "forget_on_input",
     "The forget gate seems to multiply the new input"),
    (variant(out=lambda o, c: c), "output_gate_missing", "The output gate is missing"),
])
def test_article_cell_mistakes(answer, key, en):
    result = check_article_cell(answer)
    assert not result and result.key == key and en in str(result)
    assert check_article_cell(answer, lang="ja").key == key


def test_the_article_variant_fails_the_standard_check_and_vice_versa():
    assert not check_lstm_step(article_step) and check_article_cell(article_step)
    assert not check_article_cell(lstm_step) and check_lstm_step(lstm_step)
