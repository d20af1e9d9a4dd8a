"""Figures of chapter 2, "Digits as sequences".

`digit_grid` shows examples of every class; `scan_figure` shows how reading one
row per time step turns an 8×8 image into 8 vectors `x_1 ... x_8` of 8
features each.
"""

import numpy as np

from .. import _validate as v
from ..i18n import check_lang, strings
from ..plotting import use_lang
from ..i18n.figures import DIGITS as TEXT


def digit_grid(images, labels, *, lang="en", per_class=2):
    """A grid of example digits: one column per class, `per_class` rows.

    Args:
        images: `(n, 8, 8)` digits (scaled to [0, 1] or raw 0..16).
        labels: integer labels `(n,)` in 0..9; every class must occur at
            least `per_class` times.
        lang: `"en"` or `"ja"` for the labels.
        per_class: examples shown per class (the first ones in `images`).

    Returns:
        The Matplotlib figure.
    """
    import matplotlib.pyplot as plt

    lang = check_lang(lang)
    images = v.array("images", images, rank=3)
    labels = v.labels("labels", labels, num_classes=10, length=len(images))
    per_class = v.positive_int("per_class", per_class)
    counts = np.bincount(labels, minlength=10)
    if counts.min() < per_class:
        v.fail("labels", f"at least per_class={per_class} examples of every class 0..9",
               f"counts per class {counts.tolist()}")
    use_lang(lang)
    fig, axes = plt.subplots(per_class, 10, figsize=(10, 1.1 * per_class + 0.3), squeeze=False)
    vmax = float(images.max())
    for k in range(10):
        for row, index in enumerate(np.flatnonzero(labels == k)[:per_class]):
            ax = axes[row, k]
            ax.imshow(images[index], cmap="gray_r", vmin=0.0, vmax=vmax)
            ax.set_xticks([])
            ax.set_yticks([])
        axes[0, k].set_title(strings(TEXT, lang)["label"].format(label=k), fontsize=10)
    fig.tight_layout()
    return fig


def scan_figure(image, *, lang="en"):
    """How one image becomes a sequence: row `t` is the vector `x_t`.

    Left, the 8×8 image with its rows numbered `t = 1 ... 8`; right, the
    same rows stood upright side by side along the time axis, one column
    vector `x_t` of 8 features per time step.

    Args:
        image: one digit `(rows, features)`, e.g. `(8, 8)`.
        lang: `"en"` or `"ja"` for the labels.

    Returns:
        The Matplotlib figure.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyArrowPatch, Rectangle

    lang = check_lang(lang)
    image = v.array("image", image, rank=2)
    rows, features = image.shape
    use_lang(lang)
    t_text = strings(TEXT, lang)
    vmax = float(image.max()) or 1.0
    colors = plt.get_cmap("tab10")

    fig = plt.figure(figsize=(10, 3.7))
    # Width ratios match the panels' widths in pixels, so both are as tall.
    grid = fig.add_gridspec(1, 2, width_ratios=[features, 2 * rows - 1], wspace=0.4,
                            left=0.08, right=0.94)
    ax = fig.add_subplot(grid[0])
    ax.imshow(image, cmap="gray_r", vmin=0.0, vmax=vmax)
    for t in range(rows):  # a coloured frame around each row
        ax.add_patch(Rectangle((-0.42, t - 0.42), features - 0.16, 0.84, fill=False, lw=2,
                               edgecolor=colors(t % 10)))
    ax.set_yticks(range(rows), [f"$t={t + 1}$" for t in range(rows)])
    ax.set_xticks([])
    ax.set_title(t_text["image"], fontsize=11)

    right = fig.add_subplot(grid[1])
    columns = np.full((features, 2 * rows - 1), np.nan)  # a blank column between steps
    columns[:, ::2] = image.T  # column 2t is row t, stood upright
    right.imshow(np.ma.masked_invalid(columns), cmap="gray_r", vmin=0.0, vmax=vmax)
    for t in range(rows):
        right.add_patch(Rectangle((2 * t - 0.42, -0.42), 0.84, features - 0.16, fill=False,
                                  lw=2, edgecolor=colors(t % 10)))
    right.set_xticks(range(0, 2 * rows - 1, 2), [f"$x_{{{t + 1}}}$" for t in range(rows)],
                     fontsize=12)
    right.set_yticks([])
    right.set_ylabel(t_text["features"])
    right.yaxis.set_label_position("right")
    right.set_xlabel(t_text["time"])
    right.set_title(t_text["sequence"], fontsize=11)
    for side in ("top", "right", "left", "bottom"):
        right.spines[side].set_visible(False)

    # An arrow from the image to the sequence.
    fig.add_artist(FancyArrowPatch((0.385, 0.5), (0.445, 0.5), transform=fig.transFigure,
                                   arrowstyle="-|>", mutation_scale=25, lw=2, color="0.3"))
    return fig
