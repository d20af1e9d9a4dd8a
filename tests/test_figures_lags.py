"""lstm.figures.lags: the gradient norm per epoch and the relatives' table, in both languages."""

import numpy as np
import pytest
from helpers import draw_without_warnings

import lstm
from lstm.figures import lags as figs
from lstm.figures.ablation import label
from lstm.i18n import strings

pytestmark = pytest.mark.usefixtures("close_figures")


def _histories(scale, epochs=5, seeds=3):
    return [lstm.History(grad_norm=list(scale * np.geomspace(10, 1, epochs) * (k + 1)),
                         grad_norm_max=list(scale * np.geomspace(100, 2, epochs) * (k + 1)))
            for k in range(seeds)]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_gradient_history_draws_the_median_mean_and_largest_step_per_variant(lang):
    histories = {"rnn_x3": _histories(1.0), "rnn_x3_clip": _histories(0.5)}
    fig = figs.gradient_history(histories, clipnorm=1.0, lang=lang)
    draw_without_warnings(fig)
    ax = fig.axes[0]
    assert ax.get_yscale() == "log" and len(ax.lines) == 2 * 2 + 1  # mean and max per variant, threshold
    np.testing.assert_allclose(ax.lines[0].get_ydata(), 2 * np.geomspace(10, 1, 5))  # median of 1x, 2x, 3x
    np.testing.assert_allclose(ax.lines[3].get_ydata(), 0.5 * 2 * np.geomspace(100, 2, 5))
    assert ax.lines[-1].get_ydata()[0] == 1.0
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0].startswith(label("rnn_x3", lang=lang)) and strings(figs.TEXT, lang)["max"] in legend[1]


def test_gradient_history_refuses_runs_without_norms():
    with pytest.raises(ValueError, match=r"argument `histories\['rnn'\]`, expected histories recorded with"):
        figs.gradient_history({"rnn": [lstm.History(test_acc=[0.5])]})
    with pytest.raises(ValueError, match="argument `histories key`, expected one of"):
        figs.gradient_history({"transformer": _histories(1.0)})
    with pytest.raises(ValueError, match="argument `histories`, expected a non-empty dict"):
        figs.gradient_history({})


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_relatives_table_gives_weights_and_ratios_to_the_lstm(lang):
    weights = {"rnn": 1386, "full": 5450}
    seconds = {"relatives": {"rnn": 0.1, "full": 0.4}, "lags": {"rnn": 0.5, "full": 2.0}}
    lines = figs.relatives_table(weights, seconds, lang=lang).splitlines()
    assert len(lines) == 2 + 2
    rnn = [c.strip() for c in lines[2].split("|")[1:-1]]
    assert rnn[0] == label("rnn", lang=lang) and rnn[2] == "1,386" and rnn[3:] == ["0.25", "0.25"]
    assert [c.strip() for c in lines[3].split("|")[1:-1]][3:] == ["1.00", "1.00"]
    assert len(figs.relatives_table(weights, lang=lang).splitlines()[0].split("|")) == 5  # no time columns
    with pytest.raises(ValueError, match="argument `seconds`, expected a time of the full LSTM for every task"):
        figs.relatives_table(weights, {"lags": {"rnn": 1.0}})
