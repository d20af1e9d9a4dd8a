import numpy as np
import pytest
import tensorflow as tf

import lstm
from lstm.cell import LSTMCell


def _state(batch, hidden, rng, dtype=np.float32):
    return (rng.normal(size=(batch, hidden)).astype(dtype), rng.normal(size=(batch, hidden)).astype(dtype))


def test_shapes_and_layout():
    cell = LSTMCell(8, 5, seed=0)
    assert tuple(cell.W.shape) == (8 + 5, 4 * 5)
    assert tuple(cell.b.shape) == (4 * 5,)
    assert lstm.GATE_ORDER == ("z", "i", "f", "o")
    rng = np.random.default_rng(0)
    h, c = cell(_state(3, 5, rng), rng.normal(size=(3, 8)).astype(np.float32))
    assert tuple(h.shape) == tuple(c.shape) == (3, 5)
    assert h.dtype == c.dtype == tf.float32


def test_traced_names_the_fields_of_activations_and_trace():
    assert lstm.TRACED == lstm.GATE_ORDER + ("c", "h") == lstm.Activations._fields
    assert tuple(lstm.Trace.__dataclass_fields__) == lstm.TRACED + ("probs",)
    assert set(lstm.GATE_NAMES) < set(lstm.GATE_ORDER)


def test_step_matches_equations_written_out():
    rng = np.random.default_rng(1)
    cell = LSTMCell(4, 3, seed=2)
    cell.b.assign(rng.normal(size=12).astype(np.float32))
    (h0, c0), x = _state(2, 3, rng), rng.normal(size=(2, 4)).astype(np.float32)
    W, b = cell.W.numpy(), cell.b.numpy()
    pre = np.concatenate([x, h0], axis=1) @ W + b
    z, i, f, o = (pre[:, k * 3:(k + 1) * 3] for k in range(4))
    sig = lambda a: 1 / (1 + np.exp(-a))  # noqa: E731
    c = sig(f) * c0 + sig(i) * np.tanh(z)
    h = sig(o) * np.tanh(c)
    h_, c_ = cell((h0, c0), x)
    np.testing.assert_allclose(c_, c, atol=1e-6)
    np.testing.assert_allclose(h_, h, atol=1e-6)
    assert cell.step is LSTMCell.__call__ or cell.step((h0, c0), x)[0].numpy().tolist() == h_.numpy().tolist()


def test_activations_fields():
    cell = LSTMCell(8, 6, seed=0)
    a = cell.activations(cell.zero_state(2), tf.ones((2, 8)))
    assert a._fields == ("z", "i", "f", "o", "c", "h")
    for t in a:
        assert tuple(t.shape) == (2, 6)
    assert np.all(np.abs(a.z) < 1) and np.all((a.i > 0) & (a.i < 1))


def test_article_variant_h_is_o_times_c_exactly():
    rng = np.random.default_rng(3)
    cell = LSTMCell(8, 7, cell_tanh=False, seed=1)
    a = cell.activations(_state(4, 7, rng), rng.normal(size=(4, 8)).astype(np.float32))
    assert np.array_equal((a.o * a.c).numpy(), a.h.numpy())


@pytest.mark.parametrize("gates, held", [(("i", "o"), "f"), (("f", "o"), "i"), (("i", "f"), "o"),
                                         ((), "ifo")])
def test_gate_left_out_is_exactly_one(gates, held):
    rng = np.random.default_rng(4)
    cell = LSTMCell(8, 5, gates=gates, seed=0)
    cell.b.assign(rng.normal(size=20).astype(np.float32) * 5)
    a = cell.activations(_state(3, 5, rng), rng.normal(size=(3, 8)).astype(np.float32))
    for g in held:
        assert np.array_equal(getattr(a, g).numpy(), np.ones((3, 5), np.float32))
    for g in set("ifo") - set(held):
        assert not np.all(getattr(a, g).numpy() == 1)


def test_gates_are_stored_in_canonical_order():
    assert LSTMCell(2, 2, gates=["o", "i"]).gates == ("i", "o")


def test_zero_init_and_forget_bias_as_documented():
    cell = LSTMCell(8, 4, init="zeros", forget_bias=0.0)
    assert not cell.W.numpy().any() and not cell.b.numpy().any()
    cell = LSTMCell(8, 4, init="zeros", forget_bias=1.5)
    b = cell.b.numpy()
    np.testing.assert_array_equal(b[8:12], 1.5)  # the f block, third of z, i, f, o
    np.testing.assert_array_equal(np.delete(b, np.s_[8:12]), 0.0)
    glorot = LSTMCell(8, 4, forget_bias=1.0, seed=0)
    limit = np.sqrt(6.0 / (12 + 16))
    W = glorot.W.numpy()
    assert np.all(np.abs(W) <= limit) and W.std() > limit / 3
    np.testing.assert_array_equal(glorot.b.numpy()[8:12], 1.0)
    np.testing.assert_array_equal(np.delete(glorot.b.numpy(), np.s_[8:12]), 0.0)


def test_seed_makes_the_weights_reproducible():
    assert np.array_equal(LSTMCell(8, 4, seed=7).W.numpy(), LSTMCell(8, 4, seed=7).W.numpy())
    assert not np.array_equal(LSTMCell(8, 4, seed=7).W.numpy(), LSTMCell(8, 4, seed=8).W.numpy())


def test_float64():
    cell = LSTMCell(3, 2, dtype=tf.float64, seed=0)
    h, c = cell(cell.zero_state(1), tf.ones((1, 3), tf.float64))
    assert h.dtype == tf.float64 and cell.W.dtype == tf.float64


def test_gradients_match_central_differences_in_float64():
    rng = np.random.default_rng(5)
    cell = LSTMCell(3, 4, dtype=tf.float64, seed=3)
    cell.b.assign(rng.normal(size=16))
    x = tf.constant(rng.normal(size=(2, 5, 3)))

    def loss():
        a = lstm.scan(cell, x)
        return tf.reduce_sum(a.h[:, -1, :] * tf.constant([1.0, -2.0, 0.5, 3.0], tf.float64)) + \
            tf.reduce_sum(a.c ** 2) * 0.1

    with tf.GradientTape() as tape:
        value = loss()
    grads = tape.gradient(value, [cell.W, cell.b])
    eps = 1e-6
    for var, grad in zip([cell.W, cell.b], grads):
        flat = var.numpy().reshape(-1)
        numeric = np.zeros_like(flat)
        for k in range(flat.size):
            for sign in (+1, -1):
                shifted = flat.copy()
                shifted[k] += sign * eps
                var.assign(shifted.reshape(var.shape))
                numeric[k] += sign * float(loss()) / (2 * eps)
            var.assign(flat.reshape(var.shape))
        np.testing.assert_allclose(grad.numpy().reshape(-1), numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("kwargs, match", [
    (dict(input_size=0, hidden_size=4), "`input_size`, expected a positive integer, got 0"),
    (dict(input_size=8, hidden_size=-1), "`hidden_size`, expected a positive integer, got -1"),
    (dict(input_size=8.5, hidden_size=4), "`input_size`, expected a positive integer, got 8.5"),
    (dict(input_size=8, hidden_size=4, gates=("i", "g")), "`gates`, expected gate names .*got 'g'"),
    (dict(input_size=8, hidden_size=4, gates="ifo"), "`gates`, expected a sequence"),
    (dict(input_size=8, hidden_size=4, gates=("i", "i")), "`gates`, expected each gate named at most once"),
    (dict(input_size=8, hidden_size=4, init="he"), "`init`, expected one of 'glorot', 'zeros', got 'he'"),
    (dict(input_size=8, hidden_size=4, forget_bias=float("nan")), "`forget_bias`, expected a finite number"),
    (dict(input_size=8, hidden_size=4, cell_tanh="yes"), "`cell_tanh`, expected True or False"),
    (dict(input_size=8, hidden_size=4, dtype=tf.int32), "`dtype`, expected tf.float32 or tf.float64, got 'int32'"),
])
def test_bad_constructor_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        LSTMCell(**kwargs)


def test_bad_call_arguments():
    cell = LSTMCell(8, 4, seed=0)
    state = cell.zero_state(2)
    with pytest.raises(ValueError, match=r"`x`, expected shape \(batch, 8\), got shape \(2, 7\)"):
        cell(state, tf.ones((2, 7)))
    with pytest.raises(ValueError, match=r"`x`, expected shape \(batch, 8\), got shape \(8,\)"):
        cell(state, tf.ones((8,)))
    with pytest.raises(ValueError, match=r"`state\[1\] \(c\)`, expected shape \(batch, 4\)"):
        cell((state[0], tf.ones((2, 5))), tf.ones((2, 8)))
    with pytest.raises(ValueError, match="`state`, expected a pair"):
        cell(tf.ones((2, 4)), tf.ones((2, 8)))
