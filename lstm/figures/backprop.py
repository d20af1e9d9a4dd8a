"""Figures of the chapter "Backpropagation through the cell by hand".

`path_shares` draws, row by row, how the gradient that reaches the memory
cell splits between the cell path and the paths through `h` (each part's
share of `δc_t`, `lstm.carousel.path_shares`); `decay` draws gradients relative to their size
at the last step, on a log scale, so the cell path's products of `f` can be
read beside the whole gradient. Both only draw: the chapter computes what
they show.
"""

import numpy as np

from .. import _validate as v
from ..i18n import check_lang, strings
from ..plotting import new_axes
from ..i18n.figures import BACKPROP as TEXT

CURVES = ("total", "cell_path", "forget", "x")
"""The curves `decay` knows how to name, in the order drawn."""

_STYLES = {
    "total": dict(color="0.15", marker="o"),
    "cell_path": dict(color="tab:blue", marker="s"),
    "forget": dict(color="tab:cyan", linestyle="--", zorder=3),  # on top: it may follow the cell path
    "x": dict(color="tab:red", marker="^", linestyle=":"),
}


def path_shares(cell_share, h_share, *, lang="en", ax=None):
    """Box plots, row by row, of the two paths' shares of the gradient that reaches `c_t`.

    Args:
        cell_share: `(images, rows)`: per image and row, the cell path's
            share of `δc_t`, its projection on `δc_t`
            (`lstm.carousel.path_shares`).
        h_share: `(images, rows)`: the same for the part through `h`; the
            two shares add to 1, image by image and row by row.
        lang: `"en"` or `"ja"` for the labels.
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure: two boxes per row (the quartiles, whiskers at
        the 5th and 95th percentiles, no single points), and lines at 0 and 1.

    Raises:
        ValueError: for arrays of different shapes, or shares that do not
            add to 1 (to within 1e-9).
    """
    lang = check_lang(lang)
    cell = v.array("cell_share", cell_share, rank=2, dtype=np.float64)
    h = v.array("h_share", h_share, rank=2, dtype=np.float64)
    if cell.shape != h.shape:
        v.fail("h_share", f"an array of the shape of `cell_share` {cell.shape}", f"an array of shape {h.shape}")
    off = float(np.abs(cell + h - 1.0).max())
    if off > 1e-9:
        v.fail("h_share", "1 - cell_share (the two shares of δc_t add to 1)",
               f"shares whose sum is off 1 by up to {off:.3g}")
    text = strings(TEXT, lang)
    fig, ax = new_axes(lang, ax, figsize=(8, 4.0))
    rows = np.arange(1, cell.shape[1] + 1)
    for values, offset, color, key in ((cell, -0.19, "tab:blue", "cell_path"),
                                       (h, 0.19, "tab:orange", "h_path")):
        boxes = ax.boxplot(values, positions=rows + offset, widths=0.32, whis=(5, 95),
                           showfliers=False, patch_artist=True, manage_ticks=False)
        for patch in boxes["boxes"]:
            patch.set(facecolor=color, alpha=0.55, edgecolor=color)
        for part in ("medians", "whiskers", "caps"):
            for line in boxes[part]:
                line.set(color=color if part != "medians" else "0.1")
        boxes["boxes"][0].set_label(text[key])
    for level in (0.0, 1.0):
        ax.axhline(level, color="0.5", lw=0.8, zorder=0)
    ax.set_xticks(rows)
    ax.set_xlim(0.4, rows[-1] + 0.6)
    ax.set_xlabel(text["row"])
    ax.set_ylabel(text["share"])
    ax.grid(True, axis="y", alpha=0.3)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=9, frameon=False)
    fig.tight_layout()
    return fig


def decay(curves, *, lang="en", digit_rows=0, ax=None):
    """Curves over the time steps, each relative to its value at the last step, log scale.

    Args:
        curves: a dict from keys in `CURVES` (`"total"`, `"cell_path"`,
            `"forget"`, `"x"`) to positive arrays `(steps,)` of one length.
        lang: `"en"` or `"ja"` for the labels.
        digit_rows: how many of the first steps are the digit's rows, shaded
            when the rest are blank rows (`lstm.gradients.pad_rows`); 0
            shades nothing.
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure.
    """
    lang = check_lang(lang)
    if not isinstance(curves, dict) or not curves:
        v.fail("curves", f"a non-empty dict with keys from {CURVES}", type(curves).__name__)
    for key in curves:
        v.one_of("curves key", key, CURVES)
    arrays = {k: v.array(f"curves[{k!r}]", curves[k], rank=1, dtype=np.float64) for k in CURVES if k in curves}
    lengths = {len(a) for a in arrays.values()}
    if len(lengths) != 1:
        v.fail("curves", "arrays of the same length", {k: len(a) for k, a in arrays.items()})
    steps = lengths.pop()
    if any(np.any(a <= 0) for a in arrays.values()):
        v.fail("curves", "positive values (they are drawn on a log scale)", "a value <= 0")
    if isinstance(digit_rows, bool) or not isinstance(digit_rows, (int, np.integer)) \
            or not 0 <= digit_rows <= steps:
        v.fail("digit_rows", f"an integer from 0 to {steps}", repr(digit_rows))

    text = strings(TEXT, lang)
    fig, ax = new_axes(lang, ax, figsize=(8, 4.2))
    t = np.arange(1, steps + 1)
    for key, values in arrays.items():
        ax.plot(t, values, label=text["cell_path_norm" if key == "cell_path" else key],
                markersize=3.5, lw=1.6, **_STYLES[key])
    ax.set_yscale("log")
    ax.set_xlim(0.5, steps + 0.5)
    if 0 < digit_rows < steps:
        ax.axvspan(0.5, digit_rows + 0.5, color="0.88", zorder=0)
        for where, key in ((digit_rows / 2 + 0.5, "digit"), ((digit_rows + steps) / 2 + 0.5, "blank")):
            ax.text(where, 1.01, text[key], transform=ax.get_xaxis_transform(), ha="center", va="bottom",
                    fontsize=9)
    ax.set_xlabel(text["time"])
    ax.set_ylabel(text["relative"])
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(loc="best", fontsize=9)
    fig.tight_layout()
    return fig
