"""Tables and figures of the chapter on long lags, exploding gradients and the LSTM's relatives.

`gradient_history` draws the global gradient norm per epoch that `lstm.train`
records (`History.grad_norm`, `grad_norm_max`), for the plain RNN with and
without clipping; `relatives_table` writes the number of weights of each
model and its training time per epoch beside the full LSTM's. The scores and
the paired comparisons of the studies are drawn by `lstm.figures.studies`;
the gradient per time step by `lstm.figures.gradients`.
"""

from __future__ import annotations

import numpy as np

from .. import _validate as v
from ..i18n import check_lang, strings
from ..i18n.figures import LAGS as TEXT
from ..plotting import new_axes
from .ablation import STYLES, label
from .ablation import TEXT as ABLATION_TEXT


def gradient_history(histories: dict, *, clipnorm: float | None = None, lang: str = "en", ax=None):
    """The global gradient norm before clipping, per epoch: the mean over each
    epoch's steps (solid) and its largest step (dashed), median over the seeds.

    Args:
        histories: `{variant: [History, ...]}` (the runs of a study, one per
            seed), each history with `grad_norm` and `grad_norm_max`.
        clipnorm: draws the clipping threshold as a horizontal line.
        lang: `"en"` or `"ja"`.
        ax: a Matplotlib axes; a new figure when `None`.

    Returns:
        The Matplotlib figure (log scale).
    """
    lang = check_lang(lang)
    if not isinstance(histories, dict) or not histories:
        v.fail("histories", "a non-empty dict {variant: [History, ...]}", type(histories).__name__)
    t = strings(TEXT, lang)
    fig, ax = new_axes(lang, ax, figsize=(8, 3.8))
    for k, (name, runs) in enumerate(histories.items()):
        v.one_of("histories key", name, tuple(STYLES))
        if not runs or any(not h.grad_norm for h in runs):
            v.fail(f"histories[{name!r}]", "histories recorded with their gradient norms", "none")
        mean = np.median([h.grad_norm for h in runs], axis=0)  # (epochs,)
        top = np.median([h.grad_norm_max for h in runs], axis=0)  # (epochs,)
        epochs = np.arange(1, len(mean) + 1)
        color = f"C{k}"
        ax.plot(epochs, mean, color=color, lw=1.8, label=f"{label(name, lang=lang)}: {t['mean']}")
        ax.plot(epochs, top, color=color, lw=1.2, ls="--", label=f"{label(name, lang=lang)}: {t['max']}")
    if clipnorm is not None:
        ax.axhline(v.positive_float("clipnorm", clipnorm), color="0.3", lw=1, ls=":")
        ax.text(1, clipnorm, " " + t["threshold"], va="bottom", ha="left", fontsize=9, color="0.3")
    ax.set_yscale("log")
    ax.set_xlabel(t["epoch"])
    ax.set_ylabel(t["norm"])
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=8, loc="best")
    fig.tight_layout()
    return fig


def relatives_table(weights: dict, seconds: dict | None = None, *, lang: str = "en") -> str:
    """One line per model: what it is, its number of weights, and (with
    `seconds`) its training time per epoch as a multiple of the full LSTM's.

    Args:
        weights: `{variant: number of trainable weights}`, head included.
        seconds: `{study: {variant: seconds per epoch}}`, each with `"full"`;
            one column per study, "relatives" (8 rows) or "lags" (64 rows).
        lang: `"en"` or `"ja"`.

    Returns:
        A Markdown table.
    """
    lang = check_lang(lang)
    t, cells = strings(TEXT, lang), strings(ABLATION_TEXT, lang)
    columns = {"relatives": t["task.relatives"], "lags": t["task.lags"]}  # the studies' tasks
    seconds = seconds or {}
    for task, times in seconds.items():
        v.one_of("seconds key", task, tuple(columns))
        if "full" not in times:
            v.fail("seconds", "a time of the full LSTM for every task", f"none for {task!r}")
    seconds = {task: seconds[task] for task in columns if task in seconds}  # 8 rows, then 64
    head = "".join(f" {t['time']} ({columns[task]}) |" for task in seconds)
    lines = [f"| {t['model']} | {cells['cell']} | {t['weights']} |{head}",
             "| --- | --- | --: |" + " --: |" * len(seconds)]
    for name, count in weights.items():
        ratios = "".join(f" {times[name] / times['full']:.2f} |" for times in seconds.values())
        lines.append(f"| {label(name, lang=lang)} | {cells[name + '.cell']} | {count:,} |{ratios}")
    return "\n".join(lines)
