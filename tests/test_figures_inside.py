"""Chapter 10's figures (lstm.figures.inside); its numbers are tests/test_analysis_row_measures.py."""

import numpy as np
import pytest

import lstm
from helpers import draw_without_warnings
from lstm.analysis.row_measures import RESET, row_summary
from lstm.analysis.trace_measures import principal_axes
from lstm.figures import inside
from lstm.i18n import strings

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


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_figures_draw_in_both_languages(trace, labels, lang):
    fig = inside.forget_by_row(trace, labels, digits=(0, 3), lang=lang)
    draw_without_warnings(fig)
    left, right = fig.axes
    assert len(left.lines) == 3 and len(right.lines) == 3  # two digits and the whole batch
    np.testing.assert_allclose(left.lines[0].get_ydata(), trace.f[labels == 0].mean(axis=(0, 2)))
    np.testing.assert_allclose(right.lines[2].get_ydata(), (trace.f < RESET).mean(axis=(0, 2)))
    assert left.get_xlabel() == strings(inside.TEXT, lang)["row"]

    fig = inside.cell_trajectories(trace, labels, digits=(1, 2, 5), lang=lang)
    draw_without_warnings(fig)
    assert len(fig.axes[0].lines) == 3
    assert len(fig.axes[0].lines[0].get_xdata()) == T
    mean, axes, _ = principal_axes(trace.c)
    path = ((trace.c[labels == 1] - mean) @ axes.T).mean(axis=0)  # (T, 2): digit 1's mean path
    np.testing.assert_allclose(fig.axes[0].lines[0].get_xydata(), path, rtol=1e-6)

    fig = inside.confidence_by_row(row_summary(trace, labels), lang=lang)
    draw_without_warnings(fig)
    np.testing.assert_allclose(fig.axes[0].lines[0].get_ydata(), row_summary(trace, labels)["accuracy"])


def test_bad_arguments(model, trace, labels):
    with pytest.raises(ValueError, match="argument `trace`, expected an lstm.Trace"):
        inside.forget_by_row("trace", labels)
    one = model.trace(np.zeros((8, 8), np.float32))
    with pytest.raises(ValueError, match="the trace of a batch"):
        inside.cell_trajectories(one, labels[:1])
    with pytest.raises(ValueError, match="40 labels, one per image"):
        inside.forget_by_row(trace, labels[:3])
    with pytest.raises(ValueError, match="argument `digits`, expected classes present"):
        inside.forget_by_row(trace, labels % 3, digits=(0, 7))
    with pytest.raises(ValueError, match="a non-empty sequence of classes"):
        inside.cell_trajectories(trace, labels, digits=())
    with pytest.raises(ValueError, match="argument `lang`"):
        inside.forget_by_row(trace, labels, lang="de")
    with pytest.raises(ValueError, match="the dict of lstm.analysis.row_measures.row_summary"):
        inside.confidence_by_row({"row": [1]})
