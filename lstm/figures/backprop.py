"""Figures of the chapter "Backpropagation through the cell by hand".

`path_shares` draws, row by row, how the gradient that reaches the memory
cell splits between the cell path and the paths through `h` (the measures of
`lstm.bptt.cell_path_split`); `decay` draws gradients relative to their size
at the last step, on a log scale, so the cell path's products of `f` can be
read beside the whole gradient. Both only draw: the chapter computes what
they show.
"""

import numpy as np

from .. import _validate as v
from ..i18n import check_lang
from ..plotting import new_axes

CURVES = ("total", "cell_path", "forget", "x")
"""The curves `decay` knows how to name, in the order drawn."""

TEXT = {
    "en": {
        "cell_path": r"along the memory cell only (products of $f$)",
        "h_path": r"through $h$ and the gates of later steps",
        "share": r"$\|$part$\| \;/\; \|\delta c_t\|$ (one value per image)",
        "row": r"row $t$ of the digit (the answer is read after row 8)",
        "total": r"$\|\delta c_t\|$, every path",
        "cell_path_norm": r"$\|\delta c_t\|$ along the memory cell only",
        "forget": r"$f_{t+1} \odot \cdots \odot f_T$ (mean over images and cells)",
        "x": r"$\|\partial L / \partial x_t\|$, as measured in chapter 3",
        "relative": "relative to the last step (mean over images)",
        "time": r"time step $t$",
        "digit": "rows of the digit",
        "blank": "blank rows",
    },
    "ja": {
        "cell_path": r"記憶セルだけを通る経路（$f$ の積）",
        "h_path": r"$h$ と後の時刻のゲートを通る経路",
        "share": r"$\|$経路の成分$\| \;/\; \|\delta c_t\|$（画像ごとの値）",
        "row": r"数字の $t$ 行目（答えは 8 行目を読んだあと）",
        "total": r"$\|\delta c_t\|$（すべての経路）",
        "cell_path_norm": r"$\|\delta c_t\|$（記憶セルだけを通る経路）",
        "forget": r"$f_{t+1} \odot \cdots \odot f_T$（画像と記憶セルについての平均）",
        "x": r"$\|\partial L / \partial x_t\|$（第 3 章の測り方）",
        "relative": "最後の時刻の値に対する比（画像についての平均）",
        "time": r"時刻 $t$",
        "digit": "数字の行",
        "blank": "空白の行",
    },
}

_STYLES = {
    "total": dict(color="0.15", marker="o"),
    "cell_path": dict(color="tab:blue", marker="s"),
    "forget": dict(color="tab:cyan", linestyle="--", zorder=3),  # on top: it may follow the cell path
    "x": dict(color="tab:red", marker="^", linestyle=":"),
}


def path_shares(cell_share, h_share, *, lang="en", ax=None):
    """Box plots, row by row, of the two parts of the gradient that reaches `c_t`.

    Args:
        cell_share: `(images, rows)`: per image and row, the norm of the cell
            path's part divided by the norm of the whole `δc_t`.
        h_share: `(images, rows)`: the same for the part through `h`.
        lang: `"en"` or `"ja"` for the labels.
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure: two boxes per row (the quartiles, whiskers at
        the 5th and 95th percentiles, no single points).
    """
    lang = check_lang(lang)
    cell = v.array("cell_share", cell_share, rank=2, dtype=np.float64)
    h = v.array("h_share", h_share, rank=2, dtype=np.float64)
    if cell.shape != h.shape:
        v.fail("h_share", f"an array of the shape of `cell_share` {cell.shape}", f"an array of shape {h.shape}")
    if np.any(cell < 0) or np.any(h < 0):
        v.fail("cell_share", "ratios of norms, >= 0", "a negative value")
    text = TEXT[lang]
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
    ax.set_xticks(rows)
    ax.set_xlim(0.4, rows[-1] + 0.6)
    ax.set_ylim(bottom=0)
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

    text = TEXT[lang]
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
