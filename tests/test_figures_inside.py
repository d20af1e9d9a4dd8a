"""Chapter 10's numbers and figures (lstm.figures.inside)."""

import numpy as np
import pytest

import lstm
from helpers import draw_without_warnings
from lstm.figures import inside

pytestmark = pytest.mark.usefixtures("close_figures")  # conftest.py

B, T, H, K = 40, 8, 5, 10


@pytest.fixture(scope="module")
def model():
    return lstm.RowClassifier(hidden_size=H, seed=0)


@pytest.fixture(scope="module")
def labels():
    return np.arange(B) % K


@pytest.fixture(scope="module")
def trace(model):
    images = np.random.default_rng(2).uniform(size=(B, T, 8)).astype(np.float32)
    return model.trace(images)


def test_row_summary_by_hand(trace, labels):
    s = inside.row_summary(trace, labels)
    np.testing.assert_array_equal(s["row"], np.arange(1, T + 1))
    for t in (0, 5):
        assert s["i"][t] == pytest.approx(trace.i[:, t].mean())
        assert s["f"][t] == pytest.approx(trace.f[:, t].mean())
        assert s["write"][t] == pytest.approx(np.abs(trace.i[:, t] * trace.z[:, t]).mean())
        assert s["reset"][t] == pytest.approx((trace.f[:, t] < inside.RESET).mean())
        assert s["accuracy"][t] == pytest.approx((trace.probs[:, t].argmax(-1) == labels).mean())
        assert s["p_true"][t] == pytest.approx(np.mean([trace.probs[n, t, labels[n]] for n in range(B)]))
        assert s["p_top"][t] == pytest.approx(trace.probs[:, t].max(-1).mean())


def test_principal_axes_recover_a_known_plane():
    rng = np.random.default_rng(0)
    axes = np.linalg.qr(rng.normal(size=(6, 2)))[0].T  # two orthonormal directions in 6-D
    coords = rng.normal(size=(50, 4, 2)) * np.array([5.0, 2.0])
    c = coords @ axes + 0.01 * rng.normal(size=(50, 4, 6)) + 3.0
    mean, found, explained = inside.principal_axes(c)
    np.testing.assert_allclose(mean, c.reshape(-1, 6).mean(0))
    assert abs(found[0] @ axes[0]) == pytest.approx(1, abs=1e-3)
    assert abs(found[1] @ axes[1]) == pytest.approx(1, abs=1e-3)
    assert explained.sum() == pytest.approx(1, abs=1e-4) and explained[0] > explained[1]


def test_class_spread_is_the_mean_pairwise_distance():
    c = np.zeros((4, 2, 3))
    c[2:, 1] = [3.0, 4.0, 0.0]  # class 1 moves by (3, 4, 0) at row 2
    labels = np.array([0, 0, 1, 1])
    np.testing.assert_allclose(inside.class_spread(c, labels, (0, 1)), [0.0, 5.0])
    c3 = np.concatenate([c, np.zeros((2, 2, 3))])
    c3[4:, 1] = [0.0, 0.0, 12.0]
    spread = inside.class_spread(c3, np.array([0, 0, 1, 1, 2, 2]), (0, 1, 2))
    assert spread[1] == pytest.approx((5 + 12 + 13) / 3)


def test_observations_quote_the_summary(model, trace, labels):
    obs = inside.observations(model, trace, labels, digits=(0, 1, 2))
    s = inside.row_summary(trace, labels)
    assert obs["n-test"] == B and obs["units"] == H and obs["rows"] == T and obs["half"] == 4
    assert obs["i-max"] == pytest.approx(s["i"].max())
    assert obs["i-max-row"] == int(np.argmax(s["i"])) + 1
    assert obs["write-ratio"] == pytest.approx(s["write"][-1] / s["write"][0])
    assert obs["sigma-bias"] == pytest.approx(1 / (1 + np.exp(-1.0)))
    assert obs["acc-half"] == pytest.approx(s["accuracy"][3])
    assert obs["acc-last"] == pytest.approx(s["accuracy"][-1])
    assert obs["chance"] == pytest.approx(0.1)
    assert 0 < obs["pc-share"] <= 1
    assert all(isinstance(key, str) and "_" not in key for key in obs)  # glue keys: words-with-hyphens


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_figures_draw_in_both_languages(trace, labels, lang):
    fig = inside.forget_by_row(trace, labels, digits=(0, 3), lang=lang)
    draw_without_warnings(fig)
    left, right = fig.axes
    assert len(left.lines) == 3 and len(right.lines) == 3  # two digits and the whole batch
    np.testing.assert_allclose(left.lines[0].get_ydata(), trace.f[labels == 0].mean(axis=(0, 2)))
    assert left.get_xlabel() == inside.TEXT[lang]["row"]

    fig = inside.cell_trajectories(trace, labels, digits=(1, 2, 5), lang=lang)
    draw_without_warnings(fig)
    assert len(fig.axes[0].lines) == 3
    assert len(fig.axes[0].lines[0].get_xdata()) == T

    fig = inside.confidence_by_row(inside.row_summary(trace, labels), lang=lang)
    draw_without_warnings(fig)
    np.testing.assert_allclose(fig.axes[0].lines[0].get_ydata(), inside.row_summary(trace, labels)["accuracy"])


def test_bad_arguments(model, trace, labels):
    with pytest.raises(ValueError, match="argument `trace`, expected an lstm.Trace"):
        inside.row_summary("trace", labels)
    one = model.trace(np.zeros((8, 8), np.float32))
    with pytest.raises(ValueError, match="the trace of a batch"):
        inside.row_summary(one, labels[:1])
    with pytest.raises(ValueError, match="40 labels, one per image"):
        inside.row_summary(trace, labels[:3])
    with pytest.raises(ValueError, match="argument `digits`, expected classes present"):
        inside.forget_by_row(trace, labels % 3, digits=(0, 7))
    with pytest.raises(ValueError, match="a non-empty sequence of classes"):
        inside.cell_trajectories(trace, labels, digits=())
    with pytest.raises(ValueError, match="at least two different classes"):
        inside.class_spread(trace.c, labels, (1, 1))
    with pytest.raises(ValueError, match=r"cell states of shape \(batch, rows, hidden_size\)"):
        inside.class_spread(trace.c[0], labels, (0, 1))
    with pytest.raises(ValueError, match="argument `lang`"):
        inside.forget_by_row(trace, labels, lang="de")
    with pytest.raises(ValueError, match="the dict of lstm.figures.inside.row_summary"):
        inside.confidence_by_row({"row": [1]})
