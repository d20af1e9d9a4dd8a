import numpy as np
import pytest

from helpers import draw_without_warnings
from lstm.figures import backprop
from lstm.i18n import strings

pytestmark = pytest.mark.usefixtures("close_figures")  # conftest.py


def _shares(images=30, rows=8, seed=0):
    """Two shares per image and row that add to 1, the cell path's sometimes below 0."""
    rng = np.random.default_rng(seed)
    cell = rng.uniform(-0.2, 1, size=(images, rows))
    return cell, 1.0 - cell


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_path_shares_draw_two_boxes_per_row(lang):
    cell, h = _shares()
    fig = backprop.path_shares(cell, h, lang=lang)
    draw_without_warnings(fig)
    ax = fig.axes[0]
    assert len(ax.patches) == 2 * 8  # one box per row and per path
    level = {round(float(line.get_ydata()[0]), 12) for line in ax.get_lines()  # medians and caps of row 4
             if abs(np.mean(line.get_xdata()) - 4) < 0.4 and np.ptp(line.get_ydata()) == 0}
    assert {round(float(np.median(part[:, 3])), 12) for part in (cell, h)} <= level
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [strings(backprop.TEXT, lang)["cell_path"],
                                                                   strings(backprop.TEXT, lang)["h_path"]]
    assert list(ax.get_xticks()) == list(range(1, 9))
    assert ax.get_ylim()[0] < cell.min()  # negative shares are drawn, not cut off at 0


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_decay_draws_each_curve_on_a_log_scale(lang):
    steps = 64
    t = np.arange(steps)
    curves = {"total": 0.9 ** (steps - 1 - t), "cell_path": 0.7 ** (steps - 1 - t),
              "forget": 0.6 ** (steps - 1 - t), "x": 1.0 + 0 * t}
    fig = backprop.decay(curves, lang=lang, digit_rows=8)
    draw_without_warnings(fig)
    ax = fig.axes[0]
    assert ax.get_yscale() == "log"
    lines = ax.get_lines()
    assert len(lines) == 4
    for line, key in zip(lines, backprop.CURVES):
        np.testing.assert_array_equal(line.get_ydata(), curves[key])
        np.testing.assert_array_equal(line.get_xdata(), np.arange(1, steps + 1))
    labels = [text.get_text() for text in ax.texts]
    assert labels == [strings(backprop.TEXT, lang)["digit"], strings(backprop.TEXT, lang)["blank"]]
    assert len(ax.patches) == 1  # the shaded digit rows


def test_decay_without_blank_rows_shades_nothing():
    fig = backprop.decay({"total": np.ones(8), "forget": np.linspace(0.1, 1, 8)}, digit_rows=0)
    assert not fig.axes[0].patches and not fig.axes[0].texts
    assert [line.get_label() for line in fig.axes[0].get_lines()] == [strings(backprop.TEXT, "en")["total"],
                                                                    strings(backprop.TEXT, "en")["forget"]]


def test_the_figures_check_their_arguments():
    cell, h = _shares()
    with pytest.raises(ValueError, match=r"`h_share`, expected an array of the shape of `cell_share` \(30, 8\), "
                                         r"got an array of shape \(30, 7\)"):
        backprop.path_shares(cell, h[:, :7])
    with pytest.raises(ValueError, match=r"`h_share`, expected 1 - cell_share \(the two shares of δc_t add to 1\), "
                                         r"got shares whose sum is off 1 by up to 0.5"):
        backprop.path_shares(cell, h + np.where(np.arange(8) == 3, 0.5, 0.0))
    with pytest.raises(ValueError, match=r"`lang`, expected one of 'en', 'ja', got 'de'"):
        backprop.path_shares(cell, h, lang="de")
    with pytest.raises(ValueError, match=r"`curves key`, expected one of 'total', 'cell_path', 'forget', 'x', "
                                         r"got 'h'"):
        backprop.decay({"h": np.ones(8)})
    with pytest.raises(ValueError, match=r"`curves`, expected a non-empty dict"):
        backprop.decay({})
    with pytest.raises(ValueError, match=r"`curves`, expected arrays of the same length"):
        backprop.decay({"total": np.ones(8), "x": np.ones(7)})
    with pytest.raises(ValueError, match=r"`curves`, expected positive values"):
        backprop.decay({"total": np.zeros(8)})
    with pytest.raises(ValueError, match=r"`digit_rows`, expected an integer from 0 to 8, got 9"):
        backprop.decay({"total": np.ones(8)}, digit_rows=9)
