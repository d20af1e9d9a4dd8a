"""Figures and tables of the chapter "Training on digits".

Every function takes `lang` (`"en"` or `"ja"`) for its labels and uses
`lstm.plotting` for the font, so Japanese labels render without boxes.

Example:

>>> import lstm                                                      # doctest: +SKIP
>>> from lstm.figures import training as figs                        # doctest: +SKIP
>>> print(figs.recipe_table([lstm.recipes.ARTICLE, lstm.recipes.MODERN], lang="en"))  # doctest: +SKIP
"""

import inspect
import math

import numpy as np

from .. import _validate as v
from ..cell import GATE_NAMES, LSTMCell
from ..model import RowClassifier
from ..i18n import check_lang, strings, text
from ..plotting import new_axes, use_lang
from ..train import History, train
from ..i18n.figures import TRAINING as TEXT

# The settings a `Recipe` can hold, in the order of the table; the value is
# where its default comes from when the recipe does not set it.
_MODEL_KEYS = ("hidden_size", "init", "forget_bias", "cell_tanh", "gates", "coupled", "peepholes", "head",
               "head_std")
_FIT_KEYS = ("loss", "reduction", "learning_rate", "schedule", "batch_size", "epochs", "shuffle",
             "label_smoothing", "weight_decay", "clipnorm", "input_noise")
# Settings whose "off" value (0 or None) reads as "none" in the table.
_OFF_MEANS_NONE = ("label_smoothing", "weight_decay", "clipnorm", "input_noise")



def _defaults(fn):
    return {name: p.default for name, p in inspect.signature(fn).parameters.items()
            if p.default is not inspect.Parameter.empty}


def recipe_settings(recipe):
    """Every setting of `recipe`, its defaults filled in.

    Args:
        recipe: an `lstm.recipes.Recipe`.

    Returns:
        A dict: the model's settings (`RowClassifier` and `LSTMCell` defaults
        filled in), `scale`, and the training settings (`train` defaults
        filled in).
    """
    for attr in ("model", "fit", "scale", "name"):
        if not hasattr(recipe, attr):
            v.fail("recipe", "an lstm.recipes.Recipe", type(recipe).__name__)
    settings = {**_defaults(LSTMCell.__init__), **_defaults(RowClassifier.__init__),
                **dict(recipe.model), "scale": recipe.scale, **_defaults(train), **dict(recipe.fit)}
    for key in ("seed", "cell", "dtype", "progress", "input_size", "num_classes"):
        settings.pop(key, None)
    return settings


def _format(lang, key, value):
    if key in _OFF_MEANS_NONE and not value:
        return text(TEXT, lang, "none")
    if key == "gates":
        return ", ".join(value) if tuple(value) != GATE_NAMES else "i, f, o"
    if key == "head_std":
        if value is None:
            return text(TEXT, lang, "head_std.None")
        return text(TEXT, lang, "head_std.value").format(f"{value:g}")
    if f"{key}.{value}" in strings(TEXT, lang):
        return text(TEXT, lang, f"{key}.{value}")
    if isinstance(value, bool):
        return text(TEXT, lang, "yes" if value else "no")
    if isinstance(value, float):
        return f"{value:g}"
    return f"`{value!r}`" if isinstance(value, str) else str(value)


def recipe_table(recipes, *, lang="en", n_train=None):
    """A Markdown table comparing the settings of `recipes`, one column each.

    Args:
        recipes: a list of `lstm.recipes.Recipe`.
        lang: `"en"` or `"ja"` for the row labels.
        n_train: the number of training images; when given, a row says how
            many batches an epoch has and how many images they cover
            (`drop_remainder=True` leaves the last, smaller batch out).

    Returns:
        A string: a MyST/GFM Markdown table whose header names each recipe
        in upper case (`ARTICLE`, `MODERN`). Settings that a recipe does not
        set show the default of `RowClassifier`, `LSTMCell` or `train`;
        settings this function does not know are shown by their names.
    """
    check_lang(lang)
    recipes = list(recipes)
    if not recipes:
        v.fail("recipes", "a non-empty list of lstm.recipes.Recipe", recipes)
    if n_train is not None:
        n_train = v.positive_int("n_train", n_train)
    all_settings = [recipe_settings(r) for r in recipes]
    keys = [*_MODEL_KEYS, "scale", *_FIT_KEYS]
    keys = [k for k in keys if any(k in s for s in all_settings)]  # settings this package has
    extra = sorted({k for s in all_settings for k in s} - set(keys) - set(_MODEL_KEYS + _FIT_KEYS)
                   - {"drop_remainder"})
    rows = []
    for key in keys + extra:
        label = text(TEXT, lang, key) if key in strings(TEXT, lang) else f"`{key}`"
        rows.append([label] + [_format(lang, key, s.get(key)) for s in all_settings])
    if n_train is not None:
        cells = []
        for s in all_settings:
            batches = (n_train // s["batch_size"] if s["drop_remainder"]
                       else math.ceil(n_train / s["batch_size"]))
            used = min(n_train, batches * s["batch_size"])
            if lang == "ja":
                cells.append(text(TEXT, lang, "batches.value").format(batches, n_train, used))
            else:
                cells.append(text(TEXT, lang, "batches.value").format(batches, used, n_train))
        rows.append([text(TEXT, lang, "batches")] + cells)
    header = [text(TEXT, lang, "setting")] + [f"`{r.name.upper()}`" for r in recipes]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def accuracy_figure(histories, *, lang="en", ax=None):
    """Test accuracy after every epoch, one line per training run.

    Args:
        histories: a dict `{label: History}`; the labels become the legend.
        lang: `"en"` or `"ja"`.
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure. The y axis is zoomed on the top of the curves
        (from the lowest accuracy reached after the first tenth of each run),
        so that runs that all end near 1 can be told apart.
    """
    if not isinstance(histories, dict) or not histories:
        v.fail("histories", "a non-empty dict {label: lstm.History}", type(histories).__name__)
    for label, h in histories.items():
        if not isinstance(h, History) or not h.test_acc:
            v.fail(f"histories[{label!r}]", "an lstm.History with test_acc", type(h).__name__)
    fig, ax = new_axes(lang, ax, figsize=(6.4, 3.6))
    low = 1.0
    for label, h in histories.items():
        acc = np.asarray(h.test_acc)
        ax.plot(np.arange(1, len(acc) + 1), acc, label=label)
        low = min(low, acc[len(acc) // 10:].min())
    ax.set_ylim(max(0.0, math.floor(low * 50) / 50 - 0.01), 1.0)
    ax.set_xlabel(text(TEXT, lang, "epoch"))
    ax.set_ylabel(text(TEXT, lang, "test_acc"))
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")
    fig.tight_layout()
    return fig


def confidence_figure(probs, *, lang="en", ceiling=None, ax=None):
    """Histograms of how sure each model is of its answers.

    Args:
        probs: a dict `{label: (n, num_classes) softmax probabilities}`.
        lang: `"en"` or `"ja"`.
        ceiling: if given, a vertical line at this probability, labelled as
            the ceiling of a tanh head (see `lstm.evaluate.max_probability`).
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure: for each model, the share of images (y) whose
        predicted class got a given probability (x, from 0 to 1).
    """
    if not isinstance(probs, dict) or not probs:
        v.fail("probs", "a non-empty dict {label: (n, num_classes) probabilities}", type(probs).__name__)
    tops = {label: v.array(f"probs[{label!r}]", p, rank=2).max(axis=-1) for label, p in probs.items()}
    if ceiling is not None:
        ceiling = v.fraction("ceiling", ceiling, allow_zero=False)
    fig, ax = new_axes(lang, ax, figsize=(6.4, 3.4))
    width = 0.025
    # Bins of equal width with an edge at the ceiling, so that no bar straddles it.
    anchor = 0.0 if ceiling is None else ceiling
    bins = anchor + width * np.arange(-math.ceil(anchor / width), math.ceil((1.0 - anchor) / width) + 1)
    bins = np.unique(np.clip(bins, 0.0, 1.0))
    for label, top in tops.items():
        ax.hist(top, bins=bins, weights=np.full(len(top), 1.0 / len(top)), alpha=0.6, label=label)
    if ceiling is not None:
        ax.axvline(ceiling, color="black", linestyle="--", linewidth=1,
                   label=text(TEXT, lang, "ceiling").format(ceiling))
    ax.set_xlim(0.0, 1.0)
    ax.set_xlabel(text(TEXT, lang, "top_probability"))
    ax.set_ylabel(text(TEXT, lang, "share"))
    ax.yaxis.set_major_formatter(_percent())
    ax.legend(loc="upper left", bbox_to_anchor=(0.49, 0.98), fontsize=9)  # over the empty middle
    fig.tight_layout()
    return fig


def _percent():
    from matplotlib.ticker import PercentFormatter

    return PercentFormatter(1.0, decimals=0)


def confusion_figure(matrix, *, lang="en", ax=None):
    """Draw a confusion matrix with its counts.

    Args:
        matrix: `(K, K)` counts, rows true and columns predicted (as from
            `lstm.evaluate.confusion_matrix`).
        lang: `"en"` or `"ja"`.
        ax: a Matplotlib axes to draw on; a new figure when `None`.

    Returns:
        The Matplotlib figure. Correct answers (the diagonal) are blue;
        mistakes (off the diagonal) are outlined in red with their count.
    """
    matrix = v.array("matrix", matrix, rank=2, dtype=np.float64)
    if matrix.shape[0] != matrix.shape[1]:
        v.fail("matrix", "a square array (K, K)", f"an array of shape {matrix.shape}")
    if np.any(matrix < 0) or np.any(matrix != np.round(matrix)):
        v.fail("matrix", "non-negative integer counts", "negative or fractional values")
    k = matrix.shape[0]
    fig, ax = new_axes(lang, ax, figsize=(5.2, 4.6))
    ax.imshow(np.diag(np.diag(matrix)), cmap="Blues", vmin=0, vmax=max(1.0, matrix.max()) * 1.3)
    for t in range(k):
        for p in range(k):
            n = int(matrix[t, p])
            if t == p:
                ax.text(p, t, str(n), ha="center", va="center", fontsize=9, color="black")
            elif n:
                ax.add_patch(_square(p, t))
                ax.text(p, t, str(n), ha="center", va="center", fontsize=9,
                        color="crimson")
    ax.set_xticks(range(k))
    ax.set_yticks(range(k))
    ax.set_xlabel(text(TEXT, lang, "predicted"))
    ax.set_ylabel(text(TEXT, lang, "true"))
    ax.set_xticks(np.arange(-0.5, k), minor=True)
    ax.set_yticks(np.arange(-0.5, k), minor=True)
    ax.grid(which="minor", color="0.85", linewidth=0.5)
    ax.tick_params(which="minor", length=0)
    fig.tight_layout()
    return fig


def _square(x, y):
    from matplotlib.patches import Rectangle

    return Rectangle((x - 0.45, y - 0.45), 0.9, 0.9, fill=False, edgecolor="crimson", linewidth=1.5)


def mistakes_figure(mistakes, *, lang="en", columns=6, limit=24):
    """Show misclassified digits with their true and predicted labels.

    Args:
        mistakes: an `lstm.evaluate.Mistakes` record.
        lang: `"en"` or `"ja"`.
        columns: images per row of the figure.
        limit: show at most this many (the first ones, in the data's order).

    Returns:
        The Matplotlib figure: each image in grey (dark = ink, as in the
        article's digits), titled "true t, read as p (q % sure)". A figure
        that says so when there is no mistake.
    """
    for attr in ("images", "true", "predicted", "confidence"):
        if not hasattr(mistakes, attr):
            v.fail("mistakes", "an lstm.evaluate.Mistakes record", type(mistakes).__name__)
    columns = v.positive_int("columns", columns)
    limit = v.positive_int("limit", limit)
    import matplotlib.pyplot as plt

    use_lang(lang)
    n = min(len(mistakes.true), limit)
    if n == 0:
        fig, ax = plt.subplots(figsize=(3, 1))
        ax.text(0.5, 0.5, text(TEXT, lang, "no_mistakes"), ha="center", va="center")
        ax.axis("off")
        return fig
    cols = min(columns, n)
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(1.6 * cols, 2.0 * rows), squeeze=False)
    for k, ax in enumerate(axes.flat):
        if k >= n:
            ax.axis("off")
            continue
        ax.set_xticks([])
        ax.set_yticks([])
        image = np.asarray(mistakes.images[k])
        ax.imshow(image, cmap="gray_r", vmin=0, vmax=max(1.0, float(image.max())))
        ax.set_title(text(TEXT, lang, "mistake").format(int(mistakes.true[k]), int(mistakes.predicted[k]),
                                                float(mistakes.confidence[k])), fontsize=9)
    fig.tight_layout()
    return fig
