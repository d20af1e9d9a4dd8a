"""`check_split_gates`, `check_param_count` and `check_forget_bias`."""

import numpy as np
import pytest

import lstm
import tensorflow as tf

from lstm.checks import check_forget_bias, check_param_count, check_split_gates
from lstm.checks.forget_bias import reference_bias
from lstm.checks.params import reference_count
from lstm.checks.split import reference_blocks

# ------------------------------------------------------------------ split gates


def split_gates(W, b):
    """The model answer."""
    W_z, W_i, W_f, W_o = np.split(W, 4, axis=1)
    b_z, b_i, b_f, b_o = np.split(b, 4)
    return (W_z, W_i, W_f, W_o), (b_z, b_i, b_f, b_o)


def split_gates_dict_tf(W, b):
    Ws, bs = tf.split(W, 4, axis=-1), tf.split(b, 4)
    return {g: (Ws[k], bs[k]) for k, g in enumerate("zifo")}


def test_reference_blocks_drive_the_cells_gates():
    cell = lstm.LSTMCell(3, 5, seed=1, forget_bias=0.5)
    x = np.random.default_rng(0).normal(size=(2, 3)).astype(np.float32)
    h = np.random.default_rng(1).normal(size=(2, 5)).astype(np.float32)
    a = cell.activations((h, np.zeros((2, 5), np.float32)), x)
    blocks = reference_blocks(cell.W.numpy(), cell.b.numpy())
    xh = np.concatenate([x, h], axis=1)
    np.testing.assert_allclose(np.tanh(xh @ blocks["z"][0] + blocks["z"][1]), a.z, atol=1e-6)
    for g in "ifo":
        W_g, b_g = blocks[g]
        np.testing.assert_allclose(1 / (1 + np.exp(-(xh @ W_g + b_g))), getattr(a, g), atol=1e-6)


@pytest.mark.parametrize("fn", [split_gates, split_gates_dict_tf])
@pytest.mark.parametrize("lang, text", [("en", "those `lstm.LSTMCell` uses for z, i, f, o"),
                                        ("ja", "`lstm.LSTMCell` が z, i, f, o に使うブロックと一致しました")])
def test_split_right_answers_pass(fn, lang, text):
    result = check_split_gates(fn, lang=lang)
    assert result and text in str(result)


def _keras_order(W, b):
    (z, i, f, o), (bz, bi, bf, bo) = split_gates(W, b)
    return (i, f, z, o), (bi, bf, bz, bo)


def _interleaved(W, b):
    H = W.shape[1] // 4
    return [W.reshape(len(W), H, 4)[..., k] for k in range(4)], np.split(b, 4)


def _b_order_only(W, b):
    Ws, (bz, bi, bf, bo) = split_gates(W, b)
    return Ws, (bi, bz, bf, bo)


@pytest.mark.parametrize("answer, key, en, ja", [
    (lambda W, b: (np.split(W, 4, axis=0), np.split(b, 4)), "split_rows",
     "you split the rows of `W`", "`W` を行で分割しています"),
    (_keras_order, "split_order", "right up to the order of the gates: check z, i, f, o", "Keras の順番"),
    (_b_order_only, "split_order", "The blocks of `b` are right but in the wrong order", "`b` のブロック"),
    (_interleaved, "split_interleaved", "every fourth column", "4 列おき"),
    (lambda W, b: np.split(W, 4, axis=1), "split_four", "the blocks of `W` only?", "`W` のブロックだけ"),
    (lambda W, b: (np.split(W, 4, axis=1), [b] * 4), "split_b_not_split", "the whole `b`", "`b` 全体"),
    (lambda W, b: ([w.T for w in np.split(W, 4, axis=1)], np.split(b, 4)), "shape_transposed",
     "transposed", "転置"),
    (lambda W, b: ([W] * 4, np.split(b, 4)), "split_not_split", "the whole `W`", "`W` 全体"),
    (lambda W, b: {"c": 1, "i": 2, "f": 3, "o": 4}, "split_dict_keys", "should have the keys", "辞書のキー"),
    (lambda W, b: (np.split(W, 4, axis=1)[::-1][:4], np.split(b, 4)), "split_order", "`o, f, i, z`", "`o, f, i, z`"),
])
def test_split_mistakes(answer, key, en, ja):
    result = check_split_gates(answer)
    assert not result and result.key == key and en in str(result), str(result)
    result_ja = check_split_gates(answer, lang="ja")
    assert result_ja.key == key and ja in str(result_ja)


def test_split_axis_error_on_the_hidden_size_1_case():
    def rows_when_possible(W, b):  # right for the first cases, then splits 3 rows in 4
        if W.shape[1] == 4:
            return np.split(W, 4, axis=0), np.split(b, 4)
        return split_gates(W, b)
    result = check_split_gates(rows_when_possible)
    assert result.key == "raised" and "np.split(W, 4, axis=1)" in result.hint


def test_split_wrong_values_name_the_block():
    def bad_f(W, b):
        (z, i, f, o), bs = split_gates(W, b)
        return (z, i, f + 1.0, o), bs
    result = check_split_gates(bad_f)
    assert result.key == "split_values" and "`W_f`" in result.problem and "`8:12`" in result.hint


# ------------------------------------------------------------- parameter count


def count_params(input_size, hidden_size):
    """The model answer."""
    return 4 * hidden_size * (input_size + hidden_size) + 4 * hidden_size


def test_reference_count_is_the_formula():
    for I, H in [(8, 50), (1, 1), (28, 128)]:
        assert reference_count(I, H) == count_params(I, H)
    assert reference_count(8, 50) == 11_800


@pytest.mark.parametrize("lang, text", [("en", "gives the right count for all 4 sizes tried (e.g. 11,800"),
                                        ("ja", "試した 4 通りの大きさすべてで正しい数")])
def test_param_count_function_passes(lang, text):
    result = check_param_count(count_params, lang=lang)
    assert result and text in str(result)


@pytest.mark.parametrize("answer", [11_800, 11800.0, np.int64(11_800), tf.constant(11_800)])
def test_param_count_number_passes(answer):
    result = check_param_count(answer, input_size=8, hidden_size=50)
    assert result and "has 11,800 parameters" in str(result)
    assert "パラメータは 11,800 個" in str(check_param_count(answer, input_size=8, hidden_size=50, lang="ja"))


def test_param_count_tries_the_given_sizes_first():
    result = check_param_count(count_params, input_size=3, hidden_size=2)
    assert result and "for input size 3, hidden size 2" in str(result)


@pytest.mark.parametrize("answer, key, en, ja", [
    (lambda I, H: 4 * H * (I + H), "params_no_bias", "but not the bias `b`", "バイアス `b` が入っていません"),
    (lambda I, H: H * (I + H) + H, "params_one_gate", "one gate only", "1 つのゲートの分しか"),
    (lambda I, H: H * (I + H), "params_one_gate", "one gate only", "1 つのゲート"),
    (lambda I, H: 3 * H * (I + H) + 3 * H, "params_three_networks", "three networks", "z を忘れて"),
    (lambda I, H: 4 * H * I + 4 * H, "params_no_recurrent", "previous output `h`", "前の時刻の出力 `h`"),
    (lambda I, H: 4 * H * (I + H) + H, "params_one_bias", "one bias vector", "バイアスを `hidden_size` 個しか"),
    (lambda I, H: 4 * H * (I + H) + 8 * H, "params_two_biases", "two bias vectors", "2 組"),
    (lambda I, H: 4 * I * (I + H) + 4 * I, "params_swapped", "swapped", "入れ替えた"),
    (lambda I, H: 4 * H * (I + H) / 1.5, "params_not_whole", "whole number", "整数"),
    (lambda I, H: (I + H) ** 2, "params_wrong", "is not the number of parameters", "パラメータ数ではありません"),
])
def test_param_count_function_mistakes(answer, key, en, ja):
    result = check_param_count(answer)
    assert not result and result.key == key and en in str(result), str(result)
    assert ja in str(check_param_count(answer, lang="ja"))


@pytest.mark.parametrize("answer, key, text", [
    (4 * 50 * 58, "params_no_bias", "but not the bias `b`"),
    (50 * 58 + 50, "params_one_gate", "one gate only"),
    (4 * 50 * 8 + 4 * 50, "params_no_recurrent", "previous output `h`"),
    ("11800", "params_not_number", "should be a whole number"),
    (True, "params_not_number", "should be a whole number"),
    ([11_800], "params_not_number", "should be a whole number"),
    (11_800.5, "params_not_whole", "whole number"),
    (float("nan"), "params_not_whole", "whole number"),
    (12_345, "params_wrong", "is not the number of parameters"),
])
def test_param_count_number_mistakes(answer, key, text):
    result = check_param_count(answer, input_size=8, hidden_size=50)
    assert not result and result.key == key and text in str(result)


def test_param_count_does_not_reveal_the_answer():
    for answer in (12_345, 4 * 50 * 58):
        assert "11,800" not in str(check_param_count(answer, input_size=8, hidden_size=50))


@pytest.mark.parametrize("answer", [None, ...])
def test_param_count_unanswered_number(answer):
    result = check_param_count(answer, input_size=8, hidden_size=50, lang="ja")
    assert not result and result.status == "unanswered" and "まだ解答されていません" in str(result)


def test_param_count_function_raising():
    def count(input_size, hidden_size):
        return input_size * hidden_size * gates  # noqa: F821  (a NameError)
    result = check_param_count(count)
    assert result.key == "raised" and "NameError" in result.problem


def test_param_count_caller_errors():
    with pytest.raises(ValueError, match="argument `input_size`, expected a positive integer .with hidden_size"):
        check_param_count(11_800)
    with pytest.raises(ValueError, match="argument `hidden_size`, expected a positive integer, got 0"):
        check_param_count(11_800, input_size=8, hidden_size=0)
    with pytest.raises(ValueError, match="argument `hidden_size`, expected a positive integer, got None"):
        check_param_count(count_params, input_size=8)


# ----------------------------------------------------------------- forget bias


def set_forget_bias(b, forget_bias):
    """The model answer."""
    H = len(b) // 4
    b = b.copy()
    b[2 * H:3 * H] = forget_bias
    return b


def test_reference_bias_is_the_cells_forget_block():
    cell = lstm.LSTMCell(2, 3, init="zeros", forget_bias=1.5)
    np.testing.assert_array_equal(reference_bias(np.zeros(12, np.float32), 1.5), cell.b.numpy())
    b = np.arange(12, dtype=np.float32)
    np.testing.assert_array_equal(reference_bias(b, -2.0),
                                  [0, 1, 2, 3, 4, 5, -2, -2, -2, 9, 10, 11])


def set_forget_bias_tf(b, forget_bias):
    H = len(b) // 4
    return tf.concat([b[:2 * H], tf.fill([H], tf.cast(forget_bias, tf.float32)), b[3 * H:]], axis=0)


@pytest.mark.parametrize("fn", [set_forget_bias, set_forget_bias_tf])
@pytest.mark.parametrize("lang, text", [("en", "sets the forget gate's block of `b` and leaves z, i and o untouched"),
                                        ("ja", "忘却ゲートのブロックだけが設定され")])
def test_forget_bias_right_answers_pass(fn, lang, text):
    result = check_forget_bias(fn, lang=lang)
    assert result and text in str(result)


def test_forget_bias_applied_to_a_cell():
    cell = lstm.LSTMCell(8, 4, seed=0, forget_bias=0.0)
    cell.b.assign(set_forget_bias(cell.b.numpy(), 1.0))
    np.testing.assert_array_equal(cell.b.numpy(), lstm.LSTMCell(8, 4, seed=0, forget_bias=1.0).b.numpy())


def _block(k, how="set"):
    def fn(b, forget_bias):
        H = len(b) // 4
        b = b.copy()
        if how == "set":
            b[k * H:(k + 1) * H] = forget_bias
        else:
            b[k * H:(k + 1) * H] += forget_bias
        return b
    return fn


def _from_zeros(b, forget_bias):
    H = len(b) // 4
    out = np.zeros_like(b)
    out[2 * H:3 * H] = forget_bias
    return out


def _in_place(b, forget_bias):
    H = len(b) // 4
    b[2 * H:3 * H] = forget_bias


def _off_by_one(b, forget_bias):
    H = len(b) // 4
    b = b.copy()
    b[2 * H:3 * H + 1] = forget_bias
    return b


def _interleaved_bias(b, forget_bias):
    b = b.copy()
    b[2::4] = forget_bias
    return b


@pytest.mark.parametrize("answer, key, en, ja", [
    (_block(1), "bias_wrong_block", "You set block 2 (i)", "2 番目のブロック（i）"),
    (_block(0), "bias_wrong_block", "You set block 1 (z)", "1 番目のブロック（z）"),
    (_block(3), "bias_wrong_block", "You set block 4 (o)", "忘却ゲートは 3 番目のブロック"),
    (_block(2, "add"), "bias_added", "should replace the block, not be added", "足すのではなく"),
    (lambda b, fb: np.full_like(b, fb), "bias_all_blocks", "Every entry of `b` was set", "すべての要素"),
    (_from_zeros, "bias_others_changed", "the other blocks were set to 0", "ほかのブロックが 0"),
    (_in_place, "bias_in_place", "changed `b` in place but returned `None`", "`None` を返しています"),
    (_off_by_one, "bias_values", "Entries `15` of the result are wrong", "スライスの両端"),
    (_interleaved_bias, "bias_interleaved", "Every fourth entry", "4 つおき"),
    (lambda b, fb: b[2 * (len(b) // 4):3 * (len(b) // 4)] * 0 + fb, "bias_only_f", "only the f block?",
     "f のブロックだけ"),
    (lambda b, fb: b, "bias_unchanged", "`b` comes back unchanged", "そのまま返されています"),
])
def test_forget_bias_mistakes(answer, key, en, ja):
    result = check_forget_bias(answer)
    assert not result and result.key == key and en in str(result), str(result)
    result_ja = check_forget_bias(answer, lang="ja")
    assert result_ja.key == key and ja in str(result_ja)


def test_forget_bias_float64_is_reported_after_the_values():
    result = check_forget_bias(lambda b, fb: set_forget_bias(b, fb).astype(np.float64))
    assert result.key == "dtype" and "`float64`" in result.problem


def test_forget_bias_division_hint():
    def with_slash(b, forget_bias):
        H = len(b) / 4
        b[2 * H:3 * H] = forget_bias
        return b
    result = check_forget_bias(with_slash)
    assert result.key == "raised" and "TypeError" in result.problem and "`//`" in result.hint
