import numpy as np
import pytest

import lstm
from helpers import draw_without_warnings
from lstm.figures import scratch

pytestmark = pytest.mark.usefixtures("close_figures")  # conftest.py


def test_source_is_a_python_code_block_of_the_installed_code():
    block = scratch.source(lstm.LSTMCell.activations)
    text = block.data
    assert text.startswith(  # dedented
        "```python\ndef activations(self, state: tuple[tf.Tensor, tf.Tensor], x: tf.Tensor)")
    assert "tf.split(gates, 4, axis=-1)" in text
    assert text.endswith("\n```")
    assert block._repr_markdown_() == text
    with pytest.raises(ValueError,
                       match="`obj`, expected a function, method or class defined in a source file, got int"):
        scratch.source(3)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_h_histograms_count_every_value(lang):
    rng = np.random.default_rng(0)
    standard = np.tanh(rng.normal(size=(4, 8, 5)))
    article = 5.0 * rng.normal(size=(4, 8, 5))
    fig = scratch.h_histograms(standard, article, lang=lang, bins_per_unit=4)
    draw_without_warnings(fig)
    ax = fig.axes[0]
    reach = int(np.ceil(np.abs(article).max()))
    bars = ax.patches
    assert len(bars) == 2 * (2 * reach * 4)  # two histograms, 4 bins per unit on [-reach, reach]
    heights = [p.get_height() for p in bars]
    assert sum(heights[:len(bars) // 2]) == article.size and sum(heights[len(bars) // 2:]) == standard.size
    edges = sorted({round(p.get_x(), 9) for p in bars})
    assert -1.0 in edges and 1.0 in edges  # no bin straddles the bound of tanh
    assert ax.get_yscale() == "log"
    assert sorted(line.get_xdata()[0] for line in ax.get_lines()) == [-1.0, 1.0]


def test_h_histograms_check_their_arguments():
    with pytest.raises(ValueError, match="`bins_per_unit`, expected a positive integer, got 0"):
        scratch.h_histograms([0.1], [2.0], bins_per_unit=0)
    with pytest.raises(ValueError, match="`h_article`, expected finite values"):
        scratch.h_histograms([0.1], [np.inf])
    with pytest.raises(ValueError, match="`lang`, expected one of 'en', 'ja', got 'de'"):
        scratch.h_histograms([0.1], [2.0], lang="de")
