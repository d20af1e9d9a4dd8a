"""lstm.analysis.class_measures: gates and memory cells per class."""

import numpy as np
import pytest

import lstm
from lstm.analysis import class_measures as cm


@pytest.fixture(scope="module")
def trace():
    model = lstm.RowClassifier(hidden_size=6, seed=0)
    model.cell.b.assign(np.random.default_rng(0).normal(size=24).astype(np.float32))
    return model.trace(np.random.default_rng(1).uniform(size=(30, 8, 8)).astype(np.float32))


@pytest.fixture(scope="module")
def labels():
    return np.arange(30) % 10


def test_class_row_means_and_selective_unit():
    gate = np.full((20, 3, 4), 0.5, np.float32)
    labels = np.arange(20) % 10
    gate[:, 1, 2] = labels / 10.0  # unit 2 depends on the class at row 1
    means = cm.class_row_means(gate, labels, 2)
    assert means.shape == (10, 3)
    np.testing.assert_allclose(means[:, 1], np.arange(10) / 10.0, rtol=1e-6)
    np.testing.assert_allclose(means[:, 0], 0.5)
    assert cm.selective_unit(gate, labels) == 2
    with pytest.raises(ValueError, match="`labels`, expected at least one image of each of the 10 classes"):
        cm.class_row_means(gate, np.zeros(20, int), 0)
    with pytest.raises(ValueError, match="`unit`, expected an integer in \\[0, 4\\), got 4"):
        cm.class_row_means(gate, labels, 4)
    with pytest.raises(ValueError, match="`labels`, expected 20 labels"):
        cm.class_row_means(gate, labels[:5], 0)


def test_output_by_class(trace, labels):
    means = cm.output_by_class(trace, labels, 2)
    assert means.shape == (10, 3)
    first = labels == 0
    np.testing.assert_allclose(means[0], [trace.o[first, -1, 2].mean(), np.tanh(trace.c[first, -1, 2]).mean(),
                                          trace.h[first, -1, 2].mean()], rtol=1e-5)
    np.testing.assert_allclose(cm.output_by_class(trace, labels, 2, row=0)[:, 2],
                               cm.class_row_means(trace.h, labels, 2)[:, 0], rtol=1e-6)
    with pytest.raises(ValueError, match="`row`, expected an integer in \\[-8, 8\\), got 8"):
        cm.output_by_class(trace, labels, 2, row=8)
    with pytest.raises(ValueError, match="`trace`, expected the trace of a batch"):
        cm.output_by_class(lstm.Trace(*(x[0] for x in (trace.z, trace.i, trace.f, trace.o, trace.c, trace.h,
                                                         trace.probs))), labels, 2)


def test_class_spread_is_the_mean_pairwise_distance():
    c = np.zeros((4, 2, 3))
    c[2:, 1] = [3.0, 4.0, 0.0]  # class 1 moves by (3, 4, 0) at row 2
    labels = np.array([0, 0, 1, 1])
    np.testing.assert_allclose(cm.class_spread(c, labels, (0, 1)), [0.0, 5.0])
    c3 = np.concatenate([c, np.zeros((2, 2, 3))])
    c3[4:, 1] = [0.0, 0.0, 12.0]
    spread = cm.class_spread(c3, np.array([0, 0, 1, 1, 2, 2]), (0, 1, 2))
    assert spread[1] == pytest.approx((5 + 12 + 13) / 3)


def test_bad_arguments(trace, labels):
    with pytest.raises(ValueError, match="at least two different classes"):
        cm.class_spread(trace.c, labels, (1, 1))
    with pytest.raises(ValueError, match=r"cell states of shape \(batch, rows, hidden_size\)"):
        cm.class_spread(trace.c[0], labels, (0, 1))
    with pytest.raises(ValueError, match=r"argument `digits`, expected classes present in `labels` \(\[0, 1, 2\]\)"):
        cm.check_digits((0, 7), labels % 3)
    with pytest.raises(ValueError, match="argument `digits`, expected a non-empty sequence of classes"):
        cm.check_digits((), labels)
    assert cm.check_digits((np.int64(2), 0), labels) == [2, 0]
