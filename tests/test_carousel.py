"""`lstm.carousel`: the classifier's dhs equal the tape's, the products of f are the cell path,
and the two paths' shares of δc_t are projections that add to 1."""

import numpy as np
import pytest

import lstm  # noqa: F401  (before TensorFlow)
import tensorflow as tf

from lstm import bptt, carousel
from lstm.model import scan

TOL = 1e-10  # float64 against float64: round-off only


def _model(head="linear", gates=lstm.GATE_NAMES, seed=0):
    """A small float64 classifier with a non-zero bias everywhere, so every term counts."""
    model = lstm.RowClassifier(input_size=3, hidden_size=4, num_classes=5, head=head, gates=gates,
                               seed=seed, dtype="float64")
    rng = np.random.default_rng(seed)
    model.cell.b.assign(rng.normal(size=16) * 0.5)
    model.b_v.assign(rng.normal(size=5))
    return model


def _images(batch=6, rows=5, seed=1):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(batch, rows, 3)), rng.integers(0, 5, size=batch)


def _forward(model, x):
    cell = model.cell
    return bptt.forward(x, cell.W, cell.b, gates=cell.gates, cell_tanh=cell.cell_tanh)


def _tape(model, x, y):
    """dL/dh_t for every t, dL/dW and dL/dx by tf.GradientTape, L = the summed cross-entropy."""
    x = tf.constant(x)
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        hs = scan(model.cell, x).h  # (B, T, H)
        loss = tf.reduce_sum(tf.nn.sparse_softmax_cross_entropy_with_logits(y, model.apply_head(hs[:, -1])))
    return tape.gradient(loss, hs).numpy(), tape.gradient(loss, model.cell.W).numpy(), tape.gradient(loss, x).numpy()


@pytest.mark.parametrize("head", ["linear", "tanh"])
def test_classifier_dhs_equal_the_tape(head):
    model = _model(head)
    x, y = _images()
    hs, _, cache = _forward(model, x)
    dhs = carousel.classifier_dhs(model, hs, y)
    tape_dhs, tape_dW, tape_dx = _tape(model, x, y)
    # The tape's dL/dh_t counts every path from h_t; the loss itself touches the last row only.
    np.testing.assert_allclose(dhs[:, -1], tape_dhs[:, -1], rtol=0, atol=TOL)
    np.testing.assert_array_equal(dhs[:, :-1], 0.0)
    assert np.abs(dhs[:, -1]).max() > 1e-3
    grads = bptt.backward(dhs, cache)  # and through the cell, the gradients training uses
    np.testing.assert_allclose(grads["dW"], tape_dW, rtol=0, atol=TOL)
    np.testing.assert_allclose(grads["dx"], tape_dx, rtol=0, atol=TOL)


def test_classifier_dhs_take_float32_models_and_large_scores():
    model = lstm.RowClassifier(input_size=3, hidden_size=4, num_classes=5, seed=0)
    model.W_v.assign(np.full((4, 5), 400.0, np.float32) * np.arange(5))  # scores in the thousands
    x, y = _images(batch=3, rows=2)
    hs, _, _ = _forward(model, x)
    dhs = carousel.classifier_dhs(model, np.abs(hs) + 0.5, y)
    assert dhs.dtype == np.float64 and np.all(np.isfinite(dhs))


def test_forget_products_are_the_cell_path_of_a_last_row_loss():
    model = _model()
    x, y = _images(rows=6)
    hs, _, cache = _forward(model, x)
    dhs = carousel.classifier_dhs(model, hs, y)
    split = bptt.cell_path_split(dhs, cache)
    kept = carousel.forget_products(cache)
    np.testing.assert_array_equal(kept[:, -1], 1.0)
    np.testing.assert_allclose(split.cell_path, split.cell_path[:, -1:] * kept, rtol=1e-12, atol=1e-15)
    f = np.stack([s.f for s in cache.steps], axis=1)  # (B, T, H)
    np.testing.assert_allclose(kept[:, 2], f[:, 3] * f[:, 4] * f[:, 5], rtol=1e-12)
    assert 0 < kept[:, 0].max() < kept[:, 4].max() < 1  # a product of numbers in (0, 1) shrinks


def test_without_a_forget_gate_the_cell_keeps_everything():
    model = _model(gates=("i", "o"))
    x, y = _images(rows=7)
    hs, _, cache = _forward(model, x)
    np.testing.assert_array_equal(carousel.forget_products(cache), 1.0)
    split = bptt.cell_path_split(carousel.classifier_dhs(model, hs, y), cache)
    np.testing.assert_allclose(split.cell_path, np.broadcast_to(split.cell_path[:, -1:], split.cell_path.shape),
                               rtol=0, atol=1e-15)


def _split(cell_path, h_path):
    """A CellPathSplit of one image and one row, from two parts given by hand."""
    cell_path, h_path = (np.asarray(p, np.float64).reshape(1, 1, -1) for p in (cell_path, h_path))
    return bptt.CellPathSplit(cell_path + h_path, cell_path, h_path)


def test_path_shares_are_projections_on_the_whole():
    # δc = (3, 4), ‖δc‖² = 25: the cell path (3, 0) projects to 9/25, the part through h (0, 4) to 16/25.
    shares = carousel.path_shares(_split([3.0, 0.0], [0.0, 4.0]))
    np.testing.assert_allclose([shares.cell_path[0, 0], shares.h_path[0, 0]], [0.36, 0.64], rtol=1e-15)
    # Their lengths relative to ‖δc‖ = 5 are 0.6 and 0.8: lengths do not add to 1, shares do.
    # A part that points against the whole has a negative share, and the other one a share above 1:
    # δc = (3, 4) = (-1, 0) + (4, 4); ⟨(-1, 0), δc⟩ = -3 and ⟨(4, 4), δc⟩ = 28, over 25.
    shares = carousel.path_shares(_split([-1.0, 0.0], [4.0, 4.0]))
    np.testing.assert_allclose([shares.cell_path[0, 0], shares.h_path[0, 0]], [-0.12, 1.12], rtol=1e-14)


def test_path_shares_of_a_model_add_to_one():
    model = _model()
    x, y = _images(rows=6)
    hs, _, cache = _forward(model, x)
    split = bptt.cell_path_split(carousel.classifier_dhs(model, hs, y), cache)
    shares = carousel.path_shares(split)
    assert shares.cell_path.shape == shares.h_path.shape == (6, 6)
    np.testing.assert_allclose(shares.cell_path + shares.h_path, 1.0, rtol=0, atol=1e-12)
    np.testing.assert_allclose(shares.cell_path[:, -1], 1.0, rtol=0, atol=1e-12)  # nothing after the last row
    n, t = 2, 3  # one entry, written out
    whole = split.total[n, t]
    assert shares.cell_path[n, t] == pytest.approx(split.cell_path[n, t] @ whole / (whole @ whole), rel=1e-12)
    assert np.abs(shares.h_path[:, 0]).min() > 1e-3  # at the first row both paths count
    lengths = (np.linalg.norm(split.cell_path, axis=-1) + np.linalg.norm(split.h_path, axis=-1)
               ) / np.linalg.norm(split.total, axis=-1)  # (6, 6)
    assert lengths[:, 0].min() > 1 + 1e-6  # the lengths add to more: the parts do not point the same way


def test_bad_input_is_named():
    model = _model()
    x, y = _images()
    hs, _, cache = _forward(model, x)
    with pytest.raises(ValueError, match=r"argument `model`, expected an lstm.RowClassifier, got LSTMCell"):
        carousel.classifier_dhs(model.cell, hs, y)
    every = lstm.RowClassifier(input_size=3, hidden_size=4, num_classes=5, readout="every", seed=0)
    with pytest.raises(ValueError, match=r"`model`, expected a RowClassifier with readout='last' .*"
                                         r"got readout='every'"):
        carousel.classifier_dhs(every, hs, y)
    with pytest.raises(ValueError, match=r"`hs`, expected a last axis of size 4, got an array of shape \(6, 5, 3\)"):
        carousel.classifier_dhs(model, hs[..., :3], y)
    with pytest.raises(ValueError, match=r"`hs`, expected an array of shape"):
        carousel.classifier_dhs(model, hs[:, -1], y)
    with pytest.raises(ValueError, match=r"`hs`, expected finite values"):
        carousel.classifier_dhs(model, np.full_like(hs, np.nan), y)
    with pytest.raises(ValueError, match=r"`labels`, expected 6 labels, one per image, got 5 labels"):
        carousel.classifier_dhs(model, hs, y[:5])
    with pytest.raises(ValueError, match=r"`labels`, expected labels in \[0, 5\), got labels from 0 to 7"):
        carousel.classifier_dhs(model, hs, np.array([0, 1, 2, 3, 4, 7]))
    with pytest.raises(ValueError, match=r"`cache`, expected the Cache returned by lstm.bptt.forward, got tuple"):
        carousel.forget_products(tuple(cache.steps))
    split = bptt.cell_path_split(carousel.classifier_dhs(model, hs, y), cache)
    with pytest.raises(ValueError, match=r"`split`, expected the CellPathSplit returned by "
                                         r"lstm.bptt.cell_path_split, got tuple"):
        carousel.path_shares(tuple(split))
    silent = split._replace(total=np.where(np.arange(5)[:, None] == 2, 0.0, split.total))  # row 3 at 0
    with pytest.raises(ValueError, match=r"`split`, expected a non-zero δc_t at every image and row .*"
                                         r"got δc_t = 0 at 6 \(image, row\) pair\(s\)"):
        carousel.path_shares(silent)


def test_docstring_example_runs():
    import doctest

    result = doctest.testmod(carousel)
    assert result.attempted > 0 and result.failed == 0
