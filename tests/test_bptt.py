"""`lstm.bptt`: the hand-written backward pass equals `tf.GradientTape` on `lstm.LSTMCell`."""

import numpy as np
import pytest

import lstm  # noqa: F401  (before TensorFlow)
import tensorflow as tf

from lstm import bptt
from lstm.cell import LSTMCell
from lstm.model import scan

TOL = 1e-8  # float64 against float64: round-off only


def _problem(B, T, I, H, *, seed=0, state=False, last=False):
    """Random float64 inputs, weights, initial state and upstream gradients."""
    rng = np.random.default_rng(seed)
    p = dict(x=rng.normal(size=(B, T, I)),
             W=rng.normal(size=(I + H, 4 * H)) * 1.5 / np.sqrt(I + H),
             b=rng.normal(size=4 * H) * 0.5,
             h0=rng.uniform(-1, 1, size=(B, H)) if state else None,
             c0=rng.normal(size=(B, H)) if state else None,
             dhs=rng.normal(size=(B, T, H)),
             dc_last=rng.normal(size=(B, H)) if last else None)
    return p


def _cell(p, gates, cell_tanh):
    I, H = p["x"].shape[2], p["W"].shape[1] // 4
    cell = LSTMCell(I, H, gates=gates, cell_tanh=cell_tanh, init="zeros", forget_bias=0.0,
                    dtype=tf.float64)
    cell.W.assign(p["W"])
    cell.b.assign(p["b"])
    return cell


def _tape(p, gates=lstm.GATE_NAMES, cell_tanh=True, *, stop_h=False):
    """Gradients of L = sum(dhs * hs) + sum(dc_last * c_T) by tf.GradientTape, and δc_t for every t."""
    cell = _cell(p, gates, cell_tanh)
    B, T, _ = p["x"].shape
    H = cell.hidden_size
    x = tf.constant(p["x"])
    h0 = tf.constant(np.zeros((B, H)) if p["h0"] is None else p["h0"])
    c0 = tf.constant(np.zeros((B, H)) if p["c0"] is None else p["c0"])
    with tf.GradientTape(persistent=True) as tape:
        tape.watch([x, h0, c0])
        h, c, hs, cs = h0, c0, [], []
        for t in range(T):
            h, c = cell((tf.stop_gradient(h) if stop_h else h, c), x[:, t])
            hs.append(h)
            cs.append(c)
        loss = tf.reduce_sum(tf.stack(hs, axis=1) * p["dhs"])
        if p["dc_last"] is not None:
            loss += tf.reduce_sum(c * p["dc_last"])
    names = ("dx", "dW", "db", "dh0", "dc0")
    grads = dict(zip(names, (None if g is None else g.numpy()
                             for g in tape.gradient(loss, [x, cell.W, cell.b, h0, c0]))))
    dcs = np.stack([g.numpy() for g in tape.gradient(loss, cs)], axis=1)  # (B, T, H)
    return grads, dcs


def _ours(p, gates=lstm.GATE_NAMES, cell_tanh=True):
    hs, cs, cache = bptt.forward(p["x"], p["W"], p["b"], p["h0"], p["c0"], gates=gates,
                                 cell_tanh=cell_tanh)
    return hs, cs, cache, bptt.backward(p["dhs"], cache, p["dc_last"])


def _assert_equal_to_tape(p, gates=lstm.GATE_NAMES, cell_tanh=True):
    *_, ours = _ours(p, gates, cell_tanh)
    theirs, _ = _tape(p, gates, cell_tanh)
    for name, expected in theirs.items():
        assert ours[name].shape == expected.shape, name
        np.testing.assert_allclose(ours[name], expected, rtol=0, atol=TOL, err_msg=name)
    return max(float(np.max(np.abs(ours[k] - theirs[k]))) for k in theirs)


@pytest.mark.parametrize("B, T, I, H", [(3, 5, 4, 6), (1, 4, 3, 2), (2, 1, 5, 3), (4, 3, 2, 1),
                                        (1, 1, 1, 1)])
def test_gradients_equal_the_tape(B, T, I, H):
    _assert_equal_to_tape(_problem(B, T, I, H, seed=B * 100 + T * 10 + H))


@pytest.mark.parametrize("gates", [("f", "o"), ("i", "o"), ("i", "f"), ()])
@pytest.mark.parametrize("cell_tanh", [True, False])
def test_gates_left_out_and_the_article_variant(gates, cell_tanh):
    _assert_equal_to_tape(_problem(2, 4, 3, 5, seed=len(gates)), gates, cell_tanh)


def test_the_article_variant_with_every_gate():
    _assert_equal_to_tape(_problem(3, 4, 2, 3, seed=7), cell_tanh=False)


@pytest.mark.parametrize("state, last", [(True, False), (False, True), (True, True)])
def test_initial_state_and_a_gradient_on_the_last_cell_state(state, last):
    p = _problem(2, 6, 3, 4, seed=11, state=state, last=last)
    _assert_equal_to_tape(p)
    _, _, _, grads = _ours(p)
    assert np.max(np.abs(grads["dc0"])) > 1e-3 and np.max(np.abs(grads["dh0"])) > 1e-3


def test_forward_equals_the_cell():
    p = _problem(3, 6, 4, 5, seed=3, state=True)
    for gates, cell_tanh in ((lstm.GATE_NAMES, True), (("i", "o"), False), ((), True)):
        hs, cs, cache, _ = _ours(p, gates, cell_tanh)
        a = scan(_cell(p, gates, cell_tanh), p["x"], (tf.constant(p["h0"]), tf.constant(p["c0"])))
        np.testing.assert_allclose(hs, a.h.numpy(), rtol=0, atol=1e-12)
        np.testing.assert_allclose(cs, a.c.numpy(), rtol=0, atol=1e-12)
        np.testing.assert_allclose(np.stack([s.f for s in cache.steps], axis=1), a.f.numpy(), atol=1e-12)


def test_float32_and_tf_variables_are_accepted():
    p = _problem(2, 3, 3, 2, seed=5)
    W = tf.Variable(p["W"].astype(np.float32))
    hs, _, cache = bptt.forward(p["x"].astype(np.float32), W, tf.constant(p["b"], tf.float32))
    assert hs.dtype == np.float64 and cache.steps[0].W.dtype == np.float64
    np.testing.assert_allclose(hs, bptt.forward(p["x"], p["W"], p["b"])[0], atol=1e-5)


def test_step_backward_is_one_step_of_backward():
    p = _problem(3, 1, 4, 2, seed=8, last=True)
    _, _, cache, grads = _ours(p)
    dx, dh_prev, dc_prev, dW, db = bptt.step_backward(p["dhs"][:, 0], p["dc_last"], cache.steps[0])
    np.testing.assert_array_equal(dx, grads["dx"][:, 0])
    np.testing.assert_array_equal(dh_prev, grads["dh0"])
    np.testing.assert_array_equal(dc_prev, grads["dc0"])
    np.testing.assert_array_equal(dW, grads["dW"])
    np.testing.assert_array_equal(db, grads["db"])


# -------------------------------------------------------------- the split by path

def test_the_total_is_the_gradient_with_respect_to_each_cell_state():
    p = _problem(2, 6, 3, 4, seed=21, state=True, last=True)
    _, _, cache, _ = _ours(p)
    split = bptt.cell_path_split(p["dhs"], cache, p["dc_last"])
    _, dcs = _tape(p)
    np.testing.assert_allclose(split.total, dcs, rtol=0, atol=TOL)
    np.testing.assert_array_equal(split.h_path, split.total - split.cell_path)


@pytest.mark.parametrize("cell_tanh", [True, False])
def test_the_cell_path_is_the_tape_with_h_cut_between_steps(cell_tanh):
    p = _problem(3, 7, 2, 3, seed=22, last=True)
    _, _, cache, _ = _ours(p, cell_tanh=cell_tanh)
    split = bptt.cell_path_split(p["dhs"], cache, p["dc_last"])
    _, dcs_cut = _tape(p, cell_tanh=cell_tanh, stop_h=True)
    np.testing.assert_allclose(split.cell_path, dcs_cut, rtol=0, atol=TOL)
    assert np.max(np.abs(split.h_path)) > 1e-3  # the recurrent weights do carry some of it


def test_the_cell_path_is_a_product_of_forget_gates_for_a_loss_on_the_last_row():
    p = _problem(2, 5, 3, 4, seed=23)
    p["dhs"][:, :-1] = 0.0  # a classifier of the last row
    _, cs, cache, _ = _ours(p)
    split = bptt.cell_path_split(p["dhs"], cache)
    last = cache.steps[-1]
    entering = p["dhs"][:, -1] * last.o * (1.0 - np.tanh(last.c) ** 2)  # (B, H)
    for t in range(5):
        kept = np.prod([cache.steps[u].f for u in range(t + 1, 5)], axis=0)  # (B, H), 1 for t = 4
        np.testing.assert_allclose(split.cell_path[:, t], entering * kept, rtol=1e-12, atol=1e-15)


def test_without_recurrent_weights_everything_travels_along_the_cell():
    p = _problem(2, 5, 3, 4, seed=24)
    p["W"][3:] = 0.0  # the rows that read h
    _, _, cache, _ = _ours(p)
    split = bptt.cell_path_split(p["dhs"], cache)
    np.testing.assert_allclose(split.h_path, 0.0, rtol=0, atol=1e-15)  # round-off only
    assert np.max(np.abs(split.total)) > 1e-2


# --------------------------------------------------------------------- bad input

def _good():
    return _problem(2, 3, 3, 2, seed=0)


@pytest.mark.parametrize("change, match", [
    (dict(x=np.zeros((2, 3))), r"argument `x`, expected an array of shape \(batch, rows, input_size\), "
                               r"got an array of shape \(2, 3\)"),
    (dict(x=np.zeros((0, 3, 3))), r"`x`, expected a non-empty array"),
    (dict(x=np.full((2, 3, 3), np.nan)), r"`x`, expected finite values \(no NaN or inf\), got 18 non-finite"),
    (dict(x=np.ones((2, 3, 3), complex)), r"`x`, expected an array of real numbers .*got an array of dtype complex128"),
    (dict(x=[["a"]]), r"`x`, expected an array of real numbers .*got an array of dtype <U1"),
    (dict(x=np.ones((2, 3, 3), bool)), r"`x`, expected an array of real numbers .*dtype bool"),
    (dict(W=np.zeros((6, 8))), r"`W`, expected shape \(input_size \+ hidden_size, 4 \* hidden_size\) with "
                               r"input_size 3 \(from x\), that is \(3 \+ H, 4H\), got an array of shape \(6, 8\)"),
    (dict(W=np.zeros((5, 10))), r"`W`, expected shape .*got an array of shape \(5, 10\)"),
    (dict(W=np.zeros(20)), r"`W`, expected an array of shape \(input_size \+ hidden_size, 4 \* hidden_size\)"),
    (dict(b=np.zeros(7)), r"`b`, expected an array of shape \(4 \* hidden_size,\) = \(8,\), got .*\(7,\)"),
    (dict(h0=np.zeros((2, 3))), r"`h0`, expected an array of shape \(batch, hidden_size\) = \(2, 2\)"),
    (dict(c0=np.zeros((3, 2))), r"`c0`, expected an array of shape \(batch, hidden_size\) = \(2, 2\)"),
])
def test_forward_rejects_bad_arrays(change, match):
    p = {**_good(), **change}
    with pytest.raises(ValueError, match=match):
        bptt.forward(p["x"], p["W"], p["b"], p["h0"], p["c0"])


def test_forward_rejects_bad_options():
    p = _good()
    with pytest.raises(ValueError, match=r"`gates`, expected gate names from .*got 'g'"):
        bptt.forward(p["x"], p["W"], p["b"], gates=("i", "g"))
    with pytest.raises(ValueError, match=r"`gates`, expected a sequence of gate names"):
        bptt.forward(p["x"], p["W"], p["b"], gates="if")
    with pytest.raises(ValueError, match=r"`cell_tanh`, expected True or False, got 1"):
        bptt.forward(p["x"], p["W"], p["b"], cell_tanh=1)


def test_backward_rejects_bad_input():
    p = _good()
    _, _, cache = bptt.forward(p["x"], p["W"], p["b"])
    with pytest.raises(ValueError, match=r"`dhs`, expected an array of shape \(batch, rows, hidden_size\) = "
                                         r"\(2, 3, 2\), got an array of shape \(2, 2, 2\)"):
        bptt.backward(np.zeros((2, 2, 2)), cache)
    with pytest.raises(ValueError, match=r"`dc_last`, expected an array of shape \(batch, hidden_size\) = \(2, 2\)"):
        bptt.backward(p["dhs"], cache, np.zeros(2))
    with pytest.raises(ValueError, match=r"`cache`, expected the Cache returned by lstm.bptt.forward, got tuple"):
        bptt.backward(p["dhs"], tuple(cache.steps))
    with pytest.raises(ValueError, match=r"`cache`, expected the Cache"):
        bptt.cell_path_split(p["dhs"], None)
    with pytest.raises(ValueError, match=r"`step`, expected a StepCache .*got Cache"):
        bptt.step_backward(p["dhs"][:, 0], np.zeros((2, 2)), cache)
    with pytest.raises(ValueError, match=r"`dc`, expected an array of shape \(batch, hidden_size\) = \(2, 2\)"):
        bptt.step_backward(p["dhs"][:, 0], np.zeros((2, 3)), cache.steps[0])


def test_docstring_example_runs():
    import doctest

    result = doctest.testmod(bptt)
    assert result.attempted > 0 and result.failed == 0


def test_from_cell_gives_forward_its_arguments_and_refuses_other_cells():
    cell = lstm.LSTMCell(3, 4, seed=0, gates=("i", "o"), cell_tanh=False, dtype=tf.float64)
    args = bptt.from_cell(cell)
    assert args["gates"] == ("i", "o") and args["cell_tanh"] is False
    x = np.random.default_rng(0).normal(size=(2, 5, 3))
    hs, _, _ = bptt.forward(x, **args)
    np.testing.assert_allclose(hs, lstm.model.scan(cell, x).h.numpy(), rtol=1e-12, atol=1e-14)
    for kwargs in (dict(coupled=True), dict(peepholes=True)):
        with pytest.raises(ValueError, match="argument `cell`, expected a cell without coupled gates or peepholes"):
            bptt.from_cell(lstm.LSTMCell(3, 4, seed=0, **kwargs))
    with pytest.raises(ValueError, match="argument `cell`, expected an lstm.LSTMCell, got GRUCell"):
        bptt.from_cell(lstm.GRUCell(3, 4, seed=0))
