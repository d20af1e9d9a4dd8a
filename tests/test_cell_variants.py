"""`LSTMCell(coupled=True)`, `LSTMCell(peepholes=True)` and `LSTMCell.reconfigured`."""

import numpy as np
import pytest
import tensorflow as tf

import lstm
from lstm.cell import COUPLED_ORDER, LSTMCell
from lstm.checking import gradient_check

VARIANTS = [dict(coupled=True), dict(peepholes=True), dict(coupled=True, peepholes=True),
            dict(peepholes=True, gates=("i", "o")), dict(coupled=True, cell_tanh=False)]


def sig(a):
    return 1.0 / (1.0 + np.exp(-a))


def _cell(input_size=5, hidden_size=4, seed=1, dtype=tf.float32, **kwargs):
    """A cell whose every bias and peephole weight is non-trivial."""
    cell = LSTMCell(input_size, hidden_size, seed=seed, dtype=dtype, **kwargs)
    rng = np.random.default_rng(seed + 100)
    cell.b.assign(rng.normal(size=cell.b.shape).astype(cell.dtype.as_numpy_dtype))
    if cell.peepholes:
        cell.p.assign(rng.normal(size=cell.p.shape).astype(cell.dtype.as_numpy_dtype))
    return cell


def _x(batch=2, rows=4, features=5, seed=0, dtype=np.float32):
    return np.random.default_rng(seed).normal(size=(batch, rows, features)).astype(dtype)


def _state(batch, hidden, seed=2, dtype=np.float32):
    rng = np.random.default_rng(seed)
    return tuple(rng.normal(size=(batch, hidden)).astype(dtype) for _ in range(2))


# --------------------------------------------------------------------------
# Layout and forward pass
# --------------------------------------------------------------------------

def test_coupled_cell_has_no_input_gate_weights():
    I, H = 5, 4
    plain, cifg = LSTMCell(I, H, seed=0), LSTMCell(I, H, coupled=True, seed=0)
    assert plain.blocks == lstm.GATE_ORDER and cifg.blocks == COUPLED_ORDER == ("z", "f", "o")
    assert tuple(cifg.W.shape) == (I + H, 3 * H) and tuple(cifg.b.shape) == (3 * H,)
    count = lambda cell: sum(int(np.prod(var.shape)) for var in cell.trainable_variables)  # noqa: E731
    assert count(plain) - count(cifg) == (I + H) * H + H  # one gate's weights and biases fewer
    limit = np.sqrt(6.0 / (I + H + 3 * H))  # Glorot for the fused (I + H, 3H) shape
    W = cifg.W.numpy()
    assert np.all(np.abs(W) <= limit) and W.std() > limit / 3
    b = cifg.b.numpy()  # forget_bias=1.0 in the f block, the second of z, f, o
    np.testing.assert_array_equal(b[H:2 * H], 1.0)
    np.testing.assert_array_equal(np.delete(b, np.s_[H:2 * H]), 0.0)


def test_coupled_step_matches_equations_written_out():
    cell = _cell(coupled=True)
    (h0, c0), x = _state(3, 4), _x(batch=3)[:, 0]
    pre = np.concatenate([x, h0], axis=1) @ cell.W.numpy() + cell.b.numpy()
    z, f, o = np.tanh(pre[:, :4]), sig(pre[:, 4:8]), sig(pre[:, 8:])
    c = f * c0 + (1 - f) * z
    a = cell.activations((h0, c0), x)
    np.testing.assert_allclose(a.c, c, atol=1e-6)
    np.testing.assert_allclose(a.h, o * np.tanh(c), atol=1e-6)
    np.testing.assert_array_equal(a.i.numpy(), (1.0 - a.f).numpy())  # i is 1 - f, exactly


def test_peephole_step_matches_equations_written_out():
    cell = _cell(peepholes=True)
    assert cell.peephole_gates == ("i", "f", "o") and tuple(cell.p.shape) == (3, 4)
    (h0, c0), x = _state(3, 4), _x(batch=3)[:, 0]
    pre = np.concatenate([x, h0], axis=1) @ cell.W.numpy() + cell.b.numpy()
    a_z, a_i, a_f, a_o = np.split(pre, 4, axis=1)  # each (B, H)
    p_i, p_f, p_o = cell.p.numpy()  # each (H,)
    i, f = sig(a_i + p_i * c0), sig(a_f + p_f * c0)  # the input and forget gates read c_prev
    c = f * c0 + i * np.tanh(a_z)
    o = sig(a_o + p_o * c)  # the output gate reads the new c
    a = cell.activations((h0, c0), x)
    for name, expected in dict(i=i, f=f, o=o, c=c, h=o * np.tanh(c)).items():
        np.testing.assert_allclose(getattr(a, name), expected, atol=1e-6, err_msg=name)


def test_coupled_peephole_cell_has_rows_f_and_o():
    cell = _cell(coupled=True, peepholes=True)
    assert cell.peephole_gates == ("f", "o") and tuple(cell.p.shape) == (2, 4)
    (h0, c0), x = _state(3, 4), _x(batch=3)[:, 0]
    pre = np.concatenate([x, h0], axis=1) @ cell.W.numpy() + cell.b.numpy()
    a_z, a_f, a_o = np.split(pre, 3, axis=1)
    p_f, p_o = cell.p.numpy()
    f = sig(a_f + p_f * c0)
    c = f * c0 + (1 - f) * np.tanh(a_z)
    a = cell.activations((h0, c0), x)
    np.testing.assert_allclose(a.c, c, atol=1e-6)
    np.testing.assert_allclose(a.o, sig(a_o + p_o * c), atol=1e-6)


def test_peephole_of_a_gate_left_out_is_kept_and_unused():
    cell = _cell(peepholes=True, gates=("i", "o"))
    assert tuple(cell.p.shape) == (3, 4)
    a = cell.activations(_state(3, 4), _x(batch=3)[:, 0])
    np.testing.assert_array_equal(a.f.numpy(), np.ones((3, 4), np.float32))


def test_peephole_weights_are_drawn_from_the_seed_and_leave_W_as_it_was():
    I, H = 5, 4
    a, b = LSTMCell(I, H, peepholes=True, seed=3), LSTMCell(I, H, peepholes=True, seed=3)
    np.testing.assert_array_equal(a.p.numpy(), b.p.numpy())
    assert not np.array_equal(a.p.numpy(), LSTMCell(I, H, peepholes=True, seed=4).p.numpy())
    np.testing.assert_array_equal(a.W.numpy(), LSTMCell(I, H, seed=3).W.numpy())  # W as without peepholes
    limit = np.sqrt(6.0 / (I + H + 4 * H))  # the range of W
    assert np.all(np.abs(a.p.numpy()) <= limit) and a.p.numpy().std() > limit / 4
    assert not LSTMCell(I, H, peepholes=True, init="zeros").p.numpy().any()
    assert not hasattr(LSTMCell(I, H, seed=3), "p") and LSTMCell(I, H).peephole_gates == ()


@pytest.mark.parametrize("kwargs", [{}, dict(gates=("i", "o")), dict(gates=()), dict(cell_tanh=False)])
def test_the_variant_step_is_the_standard_step_for_a_standard_cell(kwargs):
    cell = _cell(**kwargs)
    state, x = _state(3, 4), _x(batch=3)[:, 0]
    for ours, standard in zip(cell.variant_activations(state, x), cell.activations(state, x)):
        np.testing.assert_array_equal(ours.numpy(), standard.numpy())


@pytest.mark.parametrize("kwargs", VARIANTS)
def test_scan_and_trace_fill_every_field(kwargs):
    model = lstm.RowClassifier(5, 4, 3, seed=0, **kwargs)
    x = _x(batch=2, rows=6)
    trace = model.trace(x)
    for name in lstm.TRACED:
        assert getattr(trace, name).shape == (2, 6, 4), name
    np.testing.assert_allclose(trace.probs[:, -1], tf.nn.softmax(model(x)).numpy(), atol=1e-6)
    if kwargs.get("coupled"):
        np.testing.assert_array_equal(trace.i, 1.0 - trace.f)
    np.testing.assert_array_equal(trace.h[:, -1], model.cell(
        (trace.h[:, -2], trace.c[:, -2]), x[:, -1])[0].numpy())


# --------------------------------------------------------------------------
# Gradients: lstm.checking.gradient_check, over every variable (p included)
# --------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs", VARIANTS)
def test_gradient_check_of_every_variable(kwargs):
    cell = _cell(3, 2, **kwargs)
    names = {var.name.split(":")[0] for var in cell.trainable_variables}
    assert names == ({"W", "b", "p"} if kwargs.get("peepholes") else {"W", "b"})
    error = gradient_check(cell, _x(features=3), num_entries=None)
    assert 0.0 <= error < 1e-6


def test_the_finite_difference_check_catches_a_missing_peephole_path():
    class NoPeepholeGradient(LSTMCell):
        def _gate(self, name, a, p, c):
            return super()._gate(name, a, {k: tf.stop_gradient(w) for k, w in p.items()}, c)

    cell = _cell(3, 2, dtype=tf.float64, peepholes=True)
    broken = NoPeepholeGradient(**cell.config())
    for ours, theirs in zip(broken.trainable_variables, cell.trainable_variables):
        ours.assign(theirs)
    assert gradient_check(broken, _x(features=3), num_entries=None) > 0.5  # p's gradient: none


# --------------------------------------------------------------------------
# reconfigured: the same weights, another configuration
# --------------------------------------------------------------------------

def test_reconfigured_without_arguments_is_an_independent_copy():
    cell = _cell(peepholes=True)
    copy = cell.reconfigured()
    assert copy is not cell and copy.config() == cell.config()
    for a, b in zip(copy.trainable_variables, cell.trainable_variables):
        np.testing.assert_array_equal(a.numpy(), b.numpy())
    copy.W.assign(tf.zeros_like(copy.W))
    assert cell.W.numpy().any()


def test_reconfigured_holds_a_gate_and_keeps_its_weights():
    cell = _cell()
    held = cell.reconfigured(gates=("i", "o"))
    assert held.gates == ("i", "o") and cell.gates == ("i", "f", "o")
    np.testing.assert_array_equal(held.W.numpy(), cell.W.numpy())
    a, x = held.activations(_state(2, 4), _x()[:, 0]), _x()[:, 0]
    np.testing.assert_array_equal(a.f.numpy(), np.ones((2, 4), np.float32))
    pre = np.concatenate([x, _state(2, 4)[0]], axis=1) @ cell.W.numpy() + cell.b.numpy()
    np.testing.assert_allclose(a.i, sig(pre[:, 4:8]), atol=1e-6)  # the other gates as before
    back = held.reconfigured(gates=("i", "f", "o"))  # the kept weights come back
    np.testing.assert_array_equal(back.activations(_state(2, 4), x).h, cell.activations(_state(2, 4), x).h)


def test_reconfigured_dtype_casts_and_keeps_the_class():
    class Subclass(LSTMCell):
        pass

    cell = Subclass(5, 4, seed=0, peepholes=True, cell_tanh=False)
    copy = cell.reconfigured(dtype=tf.float64)
    assert type(copy) is Subclass and copy.dtype == tf.float64 and cell.dtype == tf.float32
    assert copy.cell_tanh is False and copy.peepholes
    for a, b in zip(copy.trainable_variables, cell.trainable_variables):
        assert a.dtype == tf.float64
        np.testing.assert_array_equal(a.numpy(), b.numpy().astype(np.float64))


def test_uncoupling_keeps_what_the_cell_computes():
    cifg = _cell(dtype=tf.float64, coupled=True, peepholes=True)
    free = cifg.reconfigured(coupled=False)
    assert free.blocks == lstm.GATE_ORDER and free.peephole_gates == ("i", "f", "o")
    x = _x(rows=6, dtype=np.float64)
    for name, theirs in lstm.scan(cifg, x)._asdict().items():
        np.testing.assert_allclose(getattr(lstm.scan(free, x), name), theirs, atol=1e-13, err_msg=name)
    W = np.split(free.W.numpy(), 4, axis=-1)
    np.testing.assert_array_equal(W[1], -W[2])  # the input gate's block: the negated forget block


def test_coupling_drops_the_input_gate_block():
    cell = _cell(peepholes=True)
    cifg = cell.reconfigured(coupled=True)
    W = np.split(cell.W.numpy(), 4, axis=-1)
    np.testing.assert_array_equal(cifg.W.numpy(), np.concatenate([W[0], W[2], W[3]], axis=-1))
    np.testing.assert_array_equal(cifg.p.numpy(), cell.p.numpy()[1:])  # rows f, o
    a = cifg.activations(_state(2, 4), _x()[:, 0])
    np.testing.assert_array_equal(a.i.numpy(), (1.0 - a.f).numpy())


def test_adding_peepholes_starts_them_at_zero_and_changes_nothing():
    cell = _cell()
    peep = cell.reconfigured(peepholes=True)
    assert not peep.p.numpy().any()
    x = _x(rows=5)
    np.testing.assert_array_equal(lstm.scan(peep, x).h.numpy(), lstm.scan(cell, x).h.numpy())
    assert not hasattr(peep.reconfigured(peepholes=False), "p")


def test_reconfigured_checks_the_new_configuration():
    cell = _cell()
    with pytest.raises(ValueError, match="`coupled`, expected False for a cell whose `gates` leave out"):
        cell.reconfigured(coupled=True, gates=("f", "o"))
    with pytest.raises(ValueError, match="`dtype`, expected tf.float32 or tf.float64, got 'int32'"):
        cell.reconfigured(dtype=tf.int32)
    with pytest.raises(ValueError, match="`gates`, expected gate names"):
        cell.reconfigured(gates=("g",))
    with pytest.raises(TypeError):
        cell.reconfigured(forget_bias=2.0)  # the forget bias of a trained cell lives in `b`


# --------------------------------------------------------------------------
# Arguments, Keras, the classifier, save and load
# --------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, match", [
    (dict(coupled="yes"), "`coupled`, expected True or False, got 'yes'"),
    (dict(peepholes=1), "`peepholes`, expected True or False, got 1"),
    (dict(coupled=True, gates=("i", "o")),
     r"`coupled`, expected False for a cell whose `gates` leave out 'i' or 'f' .*got True with gates=\('i', 'o'\)"),
    (dict(coupled=True, gates=("f", "o")), "`coupled`, expected False"),
])
def test_bad_variant_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        LSTMCell(8, 4, **kwargs)


def test_keras_refuses_the_variants():
    with pytest.raises(ValueError, match="`cell`, expected a cell with coupled=False .*got a cell with coupled=True"):
        lstm.keras_weights(LSTMCell(2, 2, coupled=True))
    refused = "`cell`, expected a cell with peepholes=False .*got a cell with peepholes=True"
    with pytest.raises(ValueError, match=refused):
        lstm.keras_weights(LSTMCell(2, 2, peepholes=True))


def test_row_classifier_builds_trains_saves_and_loads_the_variants(tmp_path):
    d = lstm.load_digits()
    data = lstm.Digits(d.x_train[:200], d.y_train[:200], d.x_test[:50], d.y_test[:50])
    model = lstm.RowClassifier(hidden_size=8, seed=0, coupled=True, peepholes=True)
    assert model.config()["cell"]["coupled"] and model.config()["cell"]["peepholes"]
    p0 = model.cell.p.numpy().copy()
    history = lstm.train(model, data, epochs=3, batch_size=50, learning_rate=1e-2, progress=False)
    assert history.loss[-1] < history.loss[0]
    assert not np.array_equal(model.cell.p.numpy(), p0)  # the peephole weights learn
    loaded = lstm.load(lstm.save(model, tmp_path / "cifg.npz"))
    assert loaded.config() == model.config() and loaded.cell.blocks == COUPLED_ORDER
    np.testing.assert_array_equal(loaded(data.x_test).numpy(), model(data.x_test).numpy())


def test_the_examples_of_the_cell_module_run():
    import doctest

    result = doctest.testmod(lstm.cell)
    assert result.attempted >= 8 and result.failed == 0
