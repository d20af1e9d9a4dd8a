"""lstm.analysis.streams: the memory cell along streams that are never reset,
for its two uses (a trained cell with and without its forget gate on a stream of
digits; the variants of an ablation on a task's streams)."""

import numpy as np
import pytest

import lstm
from lstm import tasks
from lstm.ablation import CELL_ARGS, VARIANTS
from lstm.analysis import streams
from lstm.analysis.surgery import hold_gate_open


@pytest.fixture(scope="module")
def model():
    m = lstm.RowClassifier(hidden_size=6, seed=0)
    m.cell.b.assign(np.random.default_rng(0).normal(size=24).astype(np.float32))
    return m


@pytest.fixture(scope="module")
def images():
    return np.random.default_rng(1).uniform(size=(30, 8, 8)).astype(np.float32)


def test_digit_stream_reads_images_one_after_the_other(images):
    stream = streams.digit_stream(images[:3])
    assert stream.shape == (1, 24, 8)
    np.testing.assert_array_equal(stream[0, 8:16], images[1])
    with pytest.raises(ValueError, match="`images`, expected an array of shape \\(batch, rows, features\\)"):
        streams.digit_stream(images[0])


def test_a_stream_of_digits_with_and_without_the_forget_gate(model, images):
    stream = streams.digit_stream(images[:4])  # (1, 32, 8)
    memory = streams.stream_memory({"with_f": model.cell, "held_f": hold_gate_open(model.cell, "f")}, stream)
    assert list(memory) == ["with_f", "held_f"]
    with_f, held_f = memory["with_f"], memory["held_f"]
    assert with_f.c.shape == with_f.f.shape == held_f.c.shape == (1, 32, 6)
    np.testing.assert_array_equal(with_f.c, lstm.scan(model.cell, stream).c.numpy())
    np.testing.assert_array_equal(held_f.f, 1.0)
    # the first digit starts from zeros either way; the second does not
    assert not np.allclose(with_f.c[0, 8:16], lstm.scan(model.cell, images[1:2]).c.numpy()[0])
    # held at 1, the memory only adds: c_t = c_{t-1} + i z
    a = lstm.scan(hold_gate_open(model.cell, "f"), stream)
    np.testing.assert_allclose(held_f.c[0, 1:], held_f.c[0, :-1] + (a.i * a.z).numpy()[0, 1:], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(with_f.mean_abs_c(), np.abs(with_f.c[0]).mean(-1))
    np.testing.assert_allclose(with_f.saturated(), (np.abs(np.tanh(with_f.c[0])) > streams.SATURATED).mean(-1))
    np.testing.assert_allclose(with_f.f_by_row(8), with_f.f.reshape(4, 8, 6).mean(axis=(0, 2)))
    assert np.all((with_f.saturated() >= 0) & (with_f.saturated() <= 1))


def test_the_streams_of_a_task_per_variant():
    data = lstm.load_digits()
    task = tasks.stream(data, digits_per_stream=3, score="last")
    x = task.x_test[:20]  # (20, 24, 8)
    models = {name: lstm.RowClassifier(8, 6, task.num_classes, readout="every", seed=i, **CELL_ARGS[name])
              for i, name in enumerate(VARIANTS)}
    memory = streams.stream_memory({name: m.cell for name, m in models.items()}, x)
    assert list(memory) == list(VARIANTS)
    for name, m in memory.items():
        trace = models[name].trace(x)
        np.testing.assert_array_equal(m.mean_abs_c(), np.abs(trace.c).mean(axis=(0, 2)))
        np.testing.assert_array_equal(m.mean_f(), trace.f.mean(axis=(0, 2)))
        assert m.mean_abs_c().shape == m.mean_f().shape == (24,), name
    assert np.all(memory["no_f"].mean_f() == 1.0) and np.all(memory["full"].mean_f() < 1.0)


@pytest.mark.parametrize("call, match", [
    (lambda m, x: streams.stream_memory(m.cell, x), "argument `cells`, expected a non-empty dict"),
    (lambda m, x: streams.stream_memory({}, x), "argument `cells`, expected a non-empty dict"),
    (lambda m, x: streams.stream_memory({"a": m}, x),
     "argument `cells`, expected lstm.LSTMCell values \\(the value of 'a' is not one\\), got RowClassifier"),
    (lambda m, x: streams.stream_memory({"a": m.cell}, x[0]), "argument `streams`, expected an array of shape"),
    (lambda m, x: streams.stream_memory({"a": m.cell}, x[..., :5]),
     "argument `streams`, expected a last axis of size 8"),
    (lambda m, x: streams.stream_memory({"a": m.cell}, x)["a"].f_by_row(5),
     "argument `rows_per_image`, expected a divisor of the streams' 8 steps, got 5"),
    (lambda m, x: streams.stream_memory({"a": m.cell}, x)["a"].f_by_row(0),
     "argument `rows_per_image`, expected a positive integer, got 0"),
])
def test_bad_arguments(model, images, call, match):
    with pytest.raises(ValueError, match=match):
        call(model, images[:2])
