"""lstm.analysis.trace_measures: quantities of a trace, resets, retention, principal axes."""

import numpy as np
import pytest

import lstm
from lstm.analysis import trace_measures as tm


@pytest.fixture(scope="module")
def model():
    m = lstm.RowClassifier(hidden_size=6, seed=0)
    m.cell.b.assign(np.random.default_rng(0).normal(size=24).astype(np.float32))
    return m


@pytest.fixture(scope="module")
def images():
    return np.random.default_rng(1).uniform(size=(30, 8, 8)).astype(np.float32)


def _trace(**fields):
    shape = next(iter(fields.values())).shape
    base = {k: np.zeros(shape, np.float32) for k in "zifoch"}
    base.update(fields)
    return lstm.Trace(**base, probs=np.zeros(shape[:-1] + (10,), np.float32))


def test_quantity_derives_tanh_c_and_the_write(model, images):
    trace = model.trace(images[:2])
    np.testing.assert_allclose(tm.quantity(trace, "tanh_c"), np.tanh(trace.c))
    np.testing.assert_allclose(tm.quantity(trace, "iz"), trace.i * trace.z)
    np.testing.assert_array_equal(tm.quantity(trace, "f"), trace.f)
    with pytest.raises(ValueError, match="`key`, expected one of 'z', 'i'.*got 'g'"):
        tm.quantity(trace, "g")
    with pytest.raises(ValueError, match="`trace`, expected an lstm.Trace"):
        tm.quantity(trace.f, "f")


def test_check_trace_and_check_batch(model, images):
    one, batch = model.trace(images[0]), model.trace(images[:3])
    assert tm.check_trace(one, rank=2) is one and tm.check_trace(batch, rank=3) is batch
    with pytest.raises(ValueError, match="`trace`, expected the trace of one image"):
        tm.check_trace(batch, rank=2)
    with pytest.raises(ValueError, match="`trace`, expected the trace of a batch"):
        tm.check_batch(one, [0])
    np.testing.assert_array_equal(tm.check_batch(batch, [1, 2, 3]), [1, 2, 3])
    with pytest.raises(ValueError, match="`labels`, expected 3 labels, one per image, got 2 labels"):
        tm.check_batch(batch, [1, 2])


def test_strongest_reset_finds_the_erased_memory():
    c = np.zeros((4, 3), np.float32)
    f = np.ones((4, 3), np.float32)
    c[1, 2], f[2, 2] = 2.0, 0.1  # unit 2 holds 2.0 after row 1 and forgets 90 % of it at row 2
    c[0, 0], f[1, 0] = 5.0, 0.9  # unit 0 forgets only 10 % of 5.0 at row 1
    assert tm.strongest_reset(_trace(c=c, f=f)) == (2, 2)
    with pytest.raises(ValueError, match="`trace`, expected a trace of at least 2 rows"):
        tm.strongest_reset(_trace(c=c[:1], f=f[:1]))
    with pytest.raises(ValueError, match="`trace`, expected the trace of one image"):
        tm.strongest_reset(_trace(c=c[None], f=f[None]))


def test_retention_is_the_product_of_later_forget_gates():
    f = np.full((2, 4, 3), 0.5)
    np.testing.assert_allclose(tm.retention(f), [0.125, 0.25, 0.5, 1.0])
    f = np.ones((1, 3, 2))
    f[0, 1, 0] = 0.0  # unit 0 forgets everything at row 1
    np.testing.assert_allclose(tm.retention(f), [0.5, 1.0, 1.0])
    with pytest.raises(ValueError, match="`f`, expected an array of shape \\(batch, rows, features\\)"):
        tm.retention(np.ones((3, 2)))


def test_retention_matches_the_memory_of_a_cell_that_stops_writing(model, images):
    """What row 0 wrote, carried by the forget gates alone: c after the last row,
    when only row 0 writes (i * z = 0 later), is c_0 times the product of f."""
    f = model.trace(images[:5]).f.astype(np.float64)  # (5, 8, 6)
    c0 = np.random.default_rng(3).normal(size=(5, 6))
    c = c0.copy()
    for t in range(1, 8):
        c = f[:, t] * c  # (5, 6)
    np.testing.assert_allclose(tm.retention(f)[0], (c / c0).mean())


def test_principal_axes_recover_a_known_plane():
    rng = np.random.default_rng(0)
    axes = np.linalg.qr(rng.normal(size=(6, 2)))[0].T  # two orthonormal directions in 6-D
    coords = rng.normal(size=(50, 4, 2)) * np.array([5.0, 2.0])
    c = coords @ axes + 0.01 * rng.normal(size=(50, 4, 6)) + 3.0
    mean, found, explained = tm.principal_axes(c)
    np.testing.assert_allclose(mean, c.reshape(-1, 6).mean(0))
    assert abs(found[0] @ axes[0]) == pytest.approx(1, abs=1e-3)
    assert abs(found[1] @ axes[1]) == pytest.approx(1, abs=1e-3)
    assert np.all(found.sum(axis=1) > 0)  # signed: a figure drawn twice looks the same
    assert explained.sum() == pytest.approx(1, abs=1e-4) and explained[0] > explained[1]


@pytest.mark.parametrize("c, k, match", [
    (np.zeros((4, 6)), 2, r"`c`, expected cell states of shape \(batch, rows, hidden_size\)"),
    (np.zeros((4, 2, 3)), 4, r"`k`, expected at most hidden_size \(3\) axes, got 4"),
    (np.zeros((4, 2, 3)), 0, "`k`, expected a positive integer, got 0"),
])
def test_principal_axes_reject_bad_arguments(c, k, match):
    with pytest.raises(ValueError, match=match):
        tm.principal_axes(c, k)
