"""Figures of chapters 2-4: `lstm.figures.digits`, `.gradients`, `.block`."""

import io
import warnings

import matplotlib
import numpy as np
import pytest

import lstm
import lstm.figures.block as block
import lstm.figures.digits as digits
import lstm.figures.gradients as gradients
from lstm.i18n import strings

pytestmark = pytest.mark.usefixtures("close_figures")  # conftest.py


@pytest.fixture(scope="module")
def data():
    return lstm.load_digits()


def all_text(fig):
    """Every string drawn in `fig`: texts, titles, axis labels, tick labels, legends."""
    return " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


def render(fig):
    """Draw `fig` to PNG bytes, failing on any warning (such as a missing glyph)."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(buffer, format="png", dpi=50)
    return buffer.getvalue()


@pytest.mark.parametrize("lang, word", [("en", "label 3"), ("ja", "ラベル 3")])
def test_digit_grid(data, lang, word):
    fig = digits.digit_grid(data.x_train, data.y_train, lang=lang, per_class=3)
    images = [ax for ax in fig.axes if ax.images]
    assert len(images) == 30
    first_three = images[3].images[0].get_array()  # column 3, first row
    np.testing.assert_array_equal(first_three, data.x_train[np.flatnonzero(data.y_train == 3)[0]])
    assert word in all_text(fig)
    assert render(fig).startswith(b"\x89PNG")


def test_digit_grid_bad_arguments(data):
    few = np.isin(np.arange(len(data.y_train)), np.flatnonzero(data.y_train == 4)[1:])
    with pytest.raises(ValueError, match=r"argument `labels`, expected at least per_class=2 examples"):
        digits.digit_grid(data.x_train[~few], data.y_train[~few])
    with pytest.raises(ValueError, match="argument `per_class`, expected a positive integer"):
        digits.digit_grid(data.x_train, data.y_train, per_class=0)
    with pytest.raises(ValueError, match="argument `lang`, expected one of 'en', 'ja', got 'fr'"):
        digits.digit_grid(data.x_train, data.y_train, lang="fr")


@pytest.mark.parametrize("lang, word", [("en", "time step"), ("ja", "時刻")])
def test_scan_figure(data, lang, word):
    image = data.x_train[0]
    fig = digits.scan_figure(image, lang=lang)
    left, right = fig.axes
    np.testing.assert_array_equal(left.images[0].get_array(), image)
    # The right panel stands row t upright in column 2t.
    columns = right.images[0].get_array()
    np.testing.assert_array_equal(columns[:, 2 * 3], image[3])
    assert [t.get_text() for t in right.get_xticklabels()] == [f"$x_{{{t}}}$" for t in range(1, 9)]
    assert word in all_text(fig)
    render(fig)


def test_scan_figure_bad_image(data):
    with pytest.raises(ValueError, match=r"argument `image`, expected an array of shape \(rows, features\)"):
        digits.scan_figure(data.x_train[:2])


@pytest.mark.parametrize("lang, word", [("en", "forget gate"), ("ja", "忘却ゲート")])
def test_gradient_norms(lang, word):
    norms = {"rnn": np.geomspace(1e-4, 1, 20), "lstm": np.geomspace(1e-6, 1, 20),
             "lstm_no_forget": np.full(20, 0.5), "rnn_x3": np.geomspace(1e4, 1, 20)}
    fig = gradients.gradient_norms(norms, lang=lang, digit_rows=8)
    (ax,) = fig.axes
    assert ax.get_yscale() == "log"
    assert len(ax.lines) == 4
    np.testing.assert_allclose(ax.lines[0].get_ydata(), norms["rnn"])
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), np.arange(1, 21))
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [strings(gradients.TEXT, lang)[k] for k in gradients.MODELS]
    assert word in all_text(fig)
    assert len(ax.patches) == 1  # the shaded digit rows
    render(fig)


def test_gradient_norms_without_shading():
    fig = gradients.gradient_norms({"rnn": np.ones(5)}, digit_rows=0, wrt="h")
    (ax,) = fig.axes
    assert len(ax.patches) == 0
    assert "partial h_t" in ax.get_ylabel()


@pytest.mark.parametrize("norms, kwargs, match", [
    ({}, {}, "argument `norms`, expected a non-empty dict"),
    ({"gru": np.ones(3)}, {}, "argument `norms key`, expected one of 'rnn', 'lstm', 'lstm_no_forget', 'rnn_x3'"),
    ({"rnn": np.ones(3), "lstm": np.ones(4)}, {}, "argument `norms`, expected arrays of the same length"),
    ({"rnn": np.array([1.0, 0.0])}, {"digit_rows": 1}, "argument `norms`, expected positive values"),
    ({"rnn": np.ones(3)}, {"digit_rows": 4}, "argument `digit_rows`, expected an integer from 0 to 3"),
    ({"rnn": np.ones(3)}, {"wrt": "c"}, "argument `wrt`, expected one of 'x', 'h'"),
    ({"rnn": np.ones(3)}, {"lang": "de"}, "argument `lang`, expected one of 'en', 'ja'"),
])
def test_gradient_norms_bad_arguments(norms, kwargs, match):
    with pytest.raises(ValueError, match=match):
        gradients.gradient_norms(norms, **kwargs)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_block_diagram(lang):
    fig = block.block_diagram(lang=lang)
    text = all_text(fig)
    for key in ("z", "i", "f", "o", "cell"):
        assert strings(block.TEXT, lang)[key] in text
    for symbol in ("$c_{t-1}$", "$c_t$", "$h_{t-1}$", "$h_t$", "$x_t$"):
        assert symbol in text
    if lang == "ja":
        assert "忘却ゲート" in text and "forget" not in text
    render(fig)


def test_block_diagram_bad_lang():
    with pytest.raises(ValueError, match="argument `lang`, expected one of 'en', 'ja', got 'EN'"):
        block.block_diagram(lang="EN")
