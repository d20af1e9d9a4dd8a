import numpy as np
import pytest
import tensorflow as tf

import lstm
from lstm.checking import gradient_check, keras_difference


def _x(batch=3, rows=6, features=5, seed=0, dtype=np.float32):
    return np.random.default_rng(seed).normal(size=(batch, rows, features)).astype(dtype)


def _cell(input_size=5, hidden_size=4, seed=1, **kwargs):
    cell = lstm.LSTMCell(input_size, hidden_size, seed=seed, **kwargs)
    rng = np.random.default_rng(seed)
    cell.b.assign(rng.normal(size=4 * hidden_size).astype(cell.dtype.as_numpy_dtype))
    return cell


class SwappedGates(lstm.LSTMCell):
    """A buggy cell: it reads the input gate from the forget block and vice versa."""

    def activations(self, state, x):
        a = super().activations(state, x)
        c = a.i * state[1] + a.f * a.z
        return lstm.Activations(a.z, a.f, a.i, a.o, c, a.o * tf.tanh(c))


class BrokenGradient(lstm.LSTMCell):
    """Same forward pass as `LSTMCell`, but no gradient flows through c_prev."""

    def activations(self, state, x):
        a = super().activations(state, x)
        c = a.f * tf.stop_gradient(state[1]) + a.i * a.z
        return lstm.Activations(a.z, a.i, a.f, a.o, c, a.o * tf.tanh(c))


def test_keras_difference_is_round_off_in_float32_and_float64():
    assert keras_difference(_cell(), _x()) < 1e-5
    assert keras_difference(_cell(dtype=tf.float64), _x(dtype=np.float64)) < 1e-12


def test_keras_difference_compares_the_final_memory_too():
    diff = keras_difference(_cell(8, 50, seed=3), lstm.load_digits().x_test[:16])
    assert 0.0 <= diff < 1e-5


def test_keras_difference_catches_a_wrong_cell():
    cell = _cell()
    buggy = SwappedGates(**cell.config())
    buggy.W.assign(cell.W)
    buggy.b.assign(cell.b)
    assert keras_difference(buggy, _x()) > 1e-2


def test_keras_difference_refuses_cells_keras_cannot_express():
    with pytest.raises(ValueError, match="cell_tanh=True"):
        keras_difference(_cell(cell_tanh=False), _x())
    with pytest.raises(ValueError, match="all three gates learned"):
        keras_difference(_cell(gates=("i", "o")), _x())


def test_keras_difference_checks_its_arguments():
    with pytest.raises(ValueError, match="`cell`, expected an lstm.LSTMCell, got str"):
        keras_difference("cell", _x())
    with pytest.raises(ValueError, match="`x`, expected a last axis of size 5"):
        keras_difference(_cell(), _x(features=4))
    with pytest.raises(ValueError, match="`x`, expected an array of shape \\(batch, rows, 5\\)"):
        keras_difference(_cell(), _x()[0])


@pytest.mark.parametrize("kwargs", [{}, {"gates": ("i", "o")}, {"cell_tanh": False}, {"gates": ()}])
def test_gradient_check_passes_for_every_variant(kwargs):
    error = gradient_check(_cell(3, 2, **kwargs), _x(batch=2, rows=4, features=3), num_entries=None)
    assert 0.0 <= error < 1e-6


def test_gradient_check_on_digits_samples_entries():
    cell = _cell(8, 16, seed=4)
    assert gradient_check(cell, lstm.load_digits().x_test[:3], num_entries=20, seed=5) < 1e-6


def test_gradient_check_catches_a_missing_gradient_path():
    cell = _cell()
    broken = BrokenGradient(**cell.config())
    broken.W.assign(cell.W)
    broken.b.assign(cell.b)
    x = _x(batch=2, rows=4)
    np.testing.assert_allclose(lstm.scan(broken, x).h, lstm.scan(cell, x).h, atol=1e-6)
    assert gradient_check(broken, x, num_entries=10) > 1e-2


def test_gradient_check_leaves_the_cell_alone():
    cell = _cell()
    W, b = cell.W.numpy().copy(), cell.b.numpy().copy()
    gradient_check(cell, _x(batch=1), num_entries=5)
    assert cell.dtype == tf.float32
    np.testing.assert_array_equal(cell.W.numpy(), W)
    np.testing.assert_array_equal(cell.b.numpy(), b)


def test_gradient_check_is_deterministic_for_a_seed():
    cell, x = _cell(), _x(batch=2, rows=3)
    assert gradient_check(cell, x, num_entries=4, seed=3) == gradient_check(cell, x, num_entries=4, seed=3)


def test_gradient_check_checks_its_arguments():
    cell, x = _cell(), _x()
    with pytest.raises(ValueError, match="`eps`, expected a positive finite number, got 0"):
        gradient_check(cell, x, eps=0)
    with pytest.raises(ValueError, match="`num_entries`, expected a positive integer, got 0"):
        gradient_check(cell, x, num_entries=0)
    with pytest.raises(ValueError, match="`seed`, expected a non-negative integer, got -1"):
        gradient_check(cell, x, seed=-1)
    with pytest.raises(ValueError, match="`x`, expected a last axis of size 5"):
        gradient_check(cell, _x(features=3))
    with pytest.raises(ValueError, match="`x`, expected finite values"):
        gradient_check(cell, np.full((1, 2, 5), np.nan))
    with pytest.raises(ValueError, match="`cell`, expected an lstm.LSTMCell"):
        gradient_check(None, x)


def test_float64_copy_keeps_class_configuration_and_weights():
    from lstm.checking import float64_copy

    cell = _cell(gates=("i", "o"), cell_tanh=False)
    copy = float64_copy(cell)
    assert copy.dtype == tf.float64 and cell.dtype == tf.float32
    assert copy.gates == ("i", "o") and copy.cell_tanh is False
    np.testing.assert_array_equal(copy.W.numpy(), cell.W.numpy().astype(np.float64))
    assert keras_difference(float64_copy(_cell()), _x(dtype=np.float64)) < 1e-12
    buggy = SwappedGates(**cell.config())
    assert type(float64_copy(buggy)) is SwappedGates
    with pytest.raises(ValueError, match="`cell`, expected an lstm.LSTMCell"):
        float64_copy(np.zeros(3))
