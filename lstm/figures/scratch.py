"""Listings and figures of the chapter "Writing the cell from scratch".

Example:

>>> import lstm                                              # doctest: +SKIP
>>> from lstm.figures import scratch                         # doctest: +SKIP
>>> scratch.source(lstm.LSTMCell.activations)                # doctest: +SKIP
"""

import inspect
import textwrap

import numpy as np

from .. import _validate as v
from ..i18n import check_lang, strings
from ..plotting import new_axes
from ..i18n.figures import SCRATCH as TEXT


def source(obj):
    """The source code of a function, method or class, as a Markdown code block.

    Args:
        obj: anything `inspect.getsource` accepts.

    Returns:
        An `IPython.display.Markdown` object: Jupyter and the book show it as
        highlighted Python, read from the installed package (so it never
        drifts from the code that runs).
    """
    from IPython.display import Markdown

    try:
        code = textwrap.dedent(inspect.getsource(obj))
    except (TypeError, OSError):
        v.fail("obj", "a function, method or class defined in a source file", type(obj).__name__)
    return Markdown("```python\n" + code.rstrip() + "\n```")


def h_histograms(h_standard, h_article, *, lang="en", ax=None, bins_per_unit=10):
    """Histograms of `h` for the standard cell and the article's `h = o * c`.

    Args:
        h_standard: `h` of a standard cell, any shape (e.g. a trace's
            `(batch, rows, hidden_size)`).
        h_article: `h` of a cell with `cell_tanh=False`, any shape.
        lang: `"en"` or `"ja"` for the labels.
        ax: a Matplotlib axes to draw on; a new figure when `None`.
        bins_per_unit: bins per unit of `h`, shared by both histograms;
            the bin edges fall on the integers, so `±1` are edges.

    Returns:
        The Matplotlib figure, counts on a log scale, `±1` marked.
    """
    check_lang(lang)
    bins_per_unit = v.positive_int("bins_per_unit", bins_per_unit)
    standard = v.array("h_standard", np.ravel(h_standard), rank=1)
    article = v.array("h_article", np.ravel(h_article), rank=1)
    fig, ax = new_axes(lang, ax, figsize=(7.0, 3.6), layout="constrained")
    reach = int(np.ceil(max(np.abs(standard).max(), np.abs(article).max(), 1.0)))
    edges = np.linspace(-reach, reach, 2 * reach * bins_per_unit + 1)
    ax.hist(article, bins=edges, alpha=0.6, color="tab:orange", label=strings(TEXT, lang)["article"])
    ax.hist(standard, bins=edges, alpha=0.8, color="tab:blue", label=strings(TEXT, lang)["standard"])
    for x in (-1.0, 1.0):
        ax.axvline(x, color="0.2", linestyle="--", linewidth=0.9,
                   label=strings(TEXT, lang)["bound"] if x > 0 else None)
    ax.set_yscale("log")
    ax.set_xlabel(strings(TEXT, lang)["h"])
    ax.set_ylabel(strings(TEXT, lang)["count"])
    ax.legend(fontsize=8, loc="upper right")
    return fig
