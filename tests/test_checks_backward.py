"""`lstm.checks.check_lstm_step_backward`: the right step passes, each usual slip gets
the hint meant for it, in both languages."""

import numpy as np
import pytest

import lstm  # noqa: F401  (before TensorFlow)
import tensorflow as tf

from lstm.checks import check_lstm_step_backward
from lstm.checks.backward import CASES, SLIPS, _make_case, _step_with, reference_step_backward


def step_backward(*, slope=lambda t: 1 - t ** 2, h_path=True, f_path=lambda dc, f: dc * f,
                  gate_d=lambda g: g * (1 - g), z_d=lambda z: 1 - z ** 2, df_old=True,
                  do_tanh=True, order="zifo", dW=lambda xh, da: xh.T @ da,
                  db=lambda da: da.sum(axis=0)):
    """A student's backward step in NumPy; the defaults give the right one, each argument one slip."""
    def lstm_step_backward(dh, dc, cache):
        x, h_prev, c_prev = cache["x"], cache["h_prev"], cache["c_prev"]
        z, i, f, o, c, W = (cache[k] for k in ("z", "i", "f", "o", "c", "W"))
        tanh_c = np.tanh(c)
        dc_total = dc + dh * o * slope(tanh_c) if h_path else dc  # (B, H)
        do = dh * (tanh_c if do_tanh else c)
        di, dz = dc_total * z, dc_total * i
        df = dc_total * (c_prev if df_old else c)
        da = {"z": dz * z_d(z), "i": di * gate_d(i), "f": df * gate_d(f), "o": do * gate_d(o)}
        da = np.concatenate([da[g] for g in order], axis=1)  # (B, 4H)
        xh = np.concatenate([x, h_prev], axis=1)  # (B, I + H)
        dxh = da @ W.T
        I = x.shape[1]
        return dxh[:, :I], dxh[:, I:], f_path(dc_total, f), dW(xh, da), db(da)
    return lstm_step_backward


right = step_backward()


def step_backward_tf(dh, dc, cache):
    """The same in TensorFlow, returning tensors."""
    c, o, z, i, f = (tf.constant(cache[k]) for k in ("c", "o", "z", "i", "f"))
    dc = dc + dh * o * (1 - tf.tanh(c) ** 2)
    da = tf.concat([dc * i * (1 - z ** 2), dc * z * i * (1 - i), dc * cache["c_prev"] * f * (1 - f),
                    dh * tf.tanh(c) * o * (1 - o)], axis=1)
    xh = tf.concat([cache["x"], cache["h_prev"]], axis=1)
    dxh = da @ tf.transpose(cache["W"])
    I = cache["x"].shape[1]
    return dxh[:, :I], dxh[:, I:], dc * f, tf.transpose(xh) @ da, tf.reduce_sum(da, axis=0)


@pytest.mark.parametrize("answer", [right, step_backward_tf, reference_step_backward])
@pytest.mark.parametrize("lang, text", [("en", "matches `lstm.bptt.step_backward` on all 4 cases"),
                                        ("ja", "4 ケースすべてで `lstm.bptt.step_backward` と一致しました")])
def test_right_answers_pass(answer, lang, text):
    result = check_lstm_step_backward(answer, lang=lang)
    assert result and result.key == "bwd_passed" and text in str(result)


def test_the_catalogue_without_a_slip_is_the_reference():
    for k, spec in enumerate(CASES):
        dh, dc, cache = _make_case(spec, seed=k)
        for ours, reference in zip(_step_with(dh, dc, cache), reference_step_backward(dh, dc, cache)):
            np.testing.assert_allclose(ours, reference, rtol=1e-12, atol=1e-12)
        for slip in SLIPS:  # every slip changes something, on every case
            changed = [not np.allclose(a, b, rtol=1e-3, atol=1e-4)
                       for a, b in zip(_step_with(dh, dc, cache, slip), reference_step_backward(dh, dc, cache))]
            assert any(changed), (slip, spec)


sigmoid = lambda a: 1 / (1 + np.exp(-a))  # noqa: E731


@pytest.mark.parametrize("answer, key, en, ja", [
    (step_backward(f_path=lambda dc, f: dc), "bwd_dc_prev_no_f",
     "`dc_prev` is missing the forget gate", "`dc_prev` に忘却ゲートが掛かっていません"),
    (step_backward(f_path=lambda dc, f: 0 * dc), "bwd_dc_prev_missing",
     "no gradient reaches the previous cell state", "1 時刻前のセル状態に勾配がまったく届いていません"),
    (step_backward(h_path=False), "bwd_h_path_missing",
     "The gradient that arrives through `h` never reaches the cell state",
     "`h` を通って届く勾配がセル状態に入っていません"),
    (step_backward(slope=lambda t: 1.0), "bwd_tanh_slope_missing",
     "The derivative of `tanh(c)` is missing", "`tanh(c)` の微分が抜けています"),
    (step_backward(slope=lambda t: t), "bwd_tanh_not_slope",
     "You multiplied by `tanh(c)` where its derivative", "`tanh(c)` そのものを掛けています"),
    (step_backward(gate_d=lambda g: g), "bwd_sigmoid_as_value",
     "you multiplied by the gate `σ(a)` itself", "ゲートの値 `σ(a)` そのものを掛けています"),
    (step_backward(gate_d=lambda g: 1 - g ** 2), "bwd_sigmoid_tanh_prime",
     "The gates use the derivative of `tanh`", "ゲートはシグモイドです"),
    (step_backward(gate_d=lambda g: sigmoid(g) * (1 - sigmoid(g))), "bwd_sigmoid_twice",
     "The sigmoid is applied twice", "シグモイドが 2 回掛かっています"),
    (step_backward(z_d=lambda z: z * (1 - z)), "bwd_z_sigmoid_prime",
     "The cell input `z` uses the sigmoid's derivative", "セル入力 `z` にシグモイドの微分"),
    (step_backward(z_d=lambda z: 1.0), "bwd_z_slope_missing",
     "The derivative of the cell input's `tanh` is missing", "セル入力の `tanh` の微分が抜けています"),
    (step_backward(z_d=lambda z: 1 - np.tanh(z) ** 2), "bwd_z_tanh_twice",
     "`tanh` is applied twice", "`tanh` が 2 回掛かっています"),
    (step_backward(df_old=False), "bwd_df_new_c",
     "`df` uses the new cell state `c`", "忘却ゲートが掛かるのは 1 時刻前のセル状態です"),
    (step_backward(do_tanh=False), "bwd_do_no_tanh",
     "The output gate's gradient uses `c` where `tanh(c)` belongs", "出力ゲートの勾配で"),
    (step_backward(order="ifzo"), "bwd_gate_order",
     "your `da` joins them as `i, f, z, o`", "`i, f, z, o` の順につながっています"),
])
def test_each_slip_is_recognised_in_both_languages(answer, key, en, ja):
    result = check_lstm_step_backward(answer)
    assert not result and result.status == "wrong" and result.key == key
    assert en in result.problem and result.hint, str(result)
    result_ja = check_lstm_step_backward(answer, lang="ja")
    assert result_ja.key == key and ja in result_ja.problem and result_ja.hint
    assert str(result_ja).startswith("❌ まだ正しくありません。") and "💡 ヒント：" in str(result_ja)


def test_the_hints_give_the_formula():
    assert "`dc_prev = dc_total * f`" in check_lstm_step_backward(step_backward(f_path=lambda dc, f: dc)).hint
    assert "`dc_total = dc + dh * o * (1 - tanh(c)**2)`" in \
        check_lstm_step_backward(step_backward(slope=lambda t: 1.0), lang="ja").hint
    assert "`da_i = di * i * (1 - i)`" in check_lstm_step_backward(step_backward(gate_d=lambda g: g)).hint


def test_a_slip_is_named_even_when_another_output_is_also_wrong():
    answer = step_backward(f_path=lambda dc, f: dc, db=lambda da: 2 * da.sum(axis=0))
    assert check_lstm_step_backward(answer).key == "bwd_dc_prev_no_f"


@pytest.mark.parametrize("answer, hint_en, hint_ja", [
    (step_backward(f_path=lambda dc, f: 2 * dc * f), "Only `dc_prev` is wrong", "違うのは `dc_prev` だけです"),
    (step_backward(dW=lambda xh, da: 2 * xh.T @ da), "`dx` and `dh_prev` are right, so `da` is right",
     "`dx` と `dh_prev` は正しいので"),
    (step_backward(db=lambda da: da.mean(axis=0)), "`dx` and `dh_prev` are right", "`db = da.sum(axis=0)`"),
])
def test_unknown_mistakes_say_which_gradients_differ(answer, hint_en, hint_ja):
    result = check_lstm_step_backward(answer)
    assert result.key == "bwd_values" and "matches none of the usual slips" in result.problem
    assert hint_en in result.hint
    assert hint_ja in check_lstm_step_backward(answer, lang="ja").hint


def test_wrong_split_of_dxh():
    def swapped(dh, dc, cache):
        dx, dh_prev, *rest = right(dh, dc, cache)
        return (dx * 0.5, dh_prev, *rest)
    result = check_lstm_step_backward(swapped)
    assert result.key == "bwd_values" and "its first 4 columns are `dx`" in result.hint
    assert "`(3, 9)`" in result.hint


# ------------------------------------------------------------ shapes and forms

@pytest.mark.parametrize("returned, key, text", [
    ("(dx, dh_prev, dc_prev, dW.T, db)", "bwd_dW_transposed", "`dW` has shape `(20, 9)`"),
    ("(dx, dh_prev, dc_prev, dW, np.tile(db, (3, 1)))", "bwd_db_not_summed", "one row per example"),
    ("(dx.T, dh_prev, dc_prev, dW, db)", "bwd_transposed", "`dx` has shape `(4, 3)`"),
    ("(dx, dh_prev[:, :2], dc_prev, dW, db)", "bwd_shape", "expected `(3, 5)`"),
    ("(dx, dh_prev, dc_prev, dW)", "bwd_not_five", "should return five arrays"),
    ("(dx, None, dc_prev, dW, db)", "element_none", "`dh_prev` is `None`"),
    ("(dx, dh_prev, 'dc', dW, db)", "element_not_numeric", "`dc_prev` is not an array of numbers"),
    ("(dx, dh_prev, dc_prev * np.nan, dW, db)", "nonfinite", "`dc_prev` contains NaN"),
])
def test_wrong_forms_become_messages(returned, key, text):
    namespace = {"np": np, "right": right}
    exec("def lstm_step_backward(dh, dc, cache):\n    dx, dh_prev, dc_prev, dW, db = right(dh, dc, cache)\n"
         f"    return {returned}\n", namespace)
    result = check_lstm_step_backward(namespace["lstm_step_backward"])
    assert not result and result.key == key and text in result.problem, str(result)
    assert check_lstm_step_backward(namespace["lstm_step_backward"], lang="ja").key == key


def test_dW_transposed_and_elements_hint_in_japanese():
    def transposed(dh, dc, cache):
        *rest, dW, db = right(dh, dc, cache)
        return (*rest, dW.T, db)
    result = check_lstm_step_backward(transposed, lang="ja")
    assert "転置されています" in result.problem and "`xh.T @ da`" in result.hint

    def missing(dh, dc, cache):
        return (None,) * 5
    assert "`return dx, dh_prev, dc_prev, dW, db`" in check_lstm_step_backward(missing).hint


@pytest.mark.parametrize("body, why, en, ja", [
    ("raise NotImplementedError", "raises", "still raises `NotImplementedError`", "まだ解答されていません"),
    ("return None", "none", "returns `None`", "`None` を返しています"),
    ("return ...", "ellipsis", "returns `...`", "プレースホルダー"),
    ("pass", "none", "returns `None`", "まだ解答されていません"),
])
def test_unanswered(body, why, en, ja):
    namespace = {}
    exec(f"def lstm_step_backward(dh, dc, cache):\n    {body}\n", namespace)
    result = check_lstm_step_backward(namespace["lstm_step_backward"])
    assert not result and result.status == "unanswered" and result.key == "unanswered_" + why
    assert str(result).startswith("✏️ Not yet answered.") and en in str(result)
    assert "`lstm_step_backward`" in str(result)
    result_ja = check_lstm_step_backward(namespace["lstm_step_backward"], lang="ja")
    assert str(result_ja).startswith("✏️ まだ解答されていません。") and ja in str(result_ja)


def test_exceptions_become_messages_with_a_hint():
    def untransposed(dh, dc, cache):
        da = np.zeros((dh.shape[0], cache["W"].shape[1]), np.float32)
        return da @ cache["W"]  # (3, 20) @ (9, 20): the missing .T
    result = check_lstm_step_backward(untransposed)
    assert result.key == "raised" and "ValueError" in result.problem
    assert "`da @ W.T`" in result.hint and "`(3, 20)`" in result.hint and "`(9, 20)`" in result.hint
    assert "`da @ W.T`（形は `(3, 9)`）" in check_lstm_step_backward(untransposed, lang="ja").hint

    def divides(dh, dc, cache):
        return 1 / 0
    result = check_lstm_step_backward(divides)
    assert result.key == "raised" and "ZeroDivisionError" in result.problem and "`(3, 20)`" in result.hint

    def two_arguments(dh, cache):
        return right(dh, dh, cache)
    result = check_lstm_step_backward(two_arguments)
    assert result.key == "raised" and "`two_arguments(dh, dc, cache)`" in result.hint


def test_an_edge_case_gets_its_own_message():
    def hard_coded(dh, dc, cache):
        out = right(dh, dc, cache)
        return out if dh.shape[0] != 1 else (out[0] * 0.5, *out[1:])  # wrong for a batch of 1 only
    result = check_lstm_step_backward(hard_coded)
    assert result.key == "edge_batch1" and "for a batch of 1" in result.problem


def test_the_student_may_write_into_the_arrays():
    def vandal(dh, dc, cache):
        out = right(dh, dc, cache)
        for a in (dh, dc, *cache.values()):
            a[...] = 0.0  # only the student's own copies change
        return out
    assert check_lstm_step_backward(vandal)


def test_caller_errors_raise():
    with pytest.raises(ValueError, match="argument `lang`, expected one of 'en', 'ja', got 'fr'"):
        check_lstm_step_backward(right, lang="fr")
    with pytest.raises(ValueError, match="argument `student_fn`, expected a function"):
        check_lstm_step_backward("not a function")


def test_docstring_example_runs():
    import doctest

    from lstm.checks import backward

    result = doctest.testmod(backward)
    assert result.attempted > 0 and result.failed == 0
