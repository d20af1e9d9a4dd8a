"""Helpers shared by the figure tests (`tests/test_figures_*.py`)."""

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    """Close every figure a test opened (import this into a test module)."""
    yield
    plt.close("all")


def draw_without_warnings(fig):
    """Draw `fig`, failing on any warning: a missing Japanese glyph is a UserWarning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()
