"""Tables and figures of the gate studies (chapters 5-7), in English or Japanese.

`scores_table` and `comparisons_table` write the runs (an `ablation.Ablation`,
e.g. `studies.Record.as_ablation()`) and their paired comparisons as Markdown;
`scores` draws every seed's score and every paired interval; the other
figures draw what `lstm.analysis.gate_measures` measured. Words of comparison come
from `lstm.stats.verdict` through `verdict_text`, never from this module.
"""

from __future__ import annotations

import numpy as np

from ..ablation import SPECS
from ..plotting import new_axes
from .ablation import STYLES, label
from .ablation import TEXT as ABLATION_TEXT
from ..i18n.figures import STUDIES as TEXT
from ..i18n import strings


def verdict_text(verdict: str, *, lang: str = "en") -> str:
    """The words of a `stats.verdict` in `lang`."""
    return strings(TEXT, lang)[verdict]


def _integer_rows(ax):
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def _setting(point, variant):
    """"lr, forget bias"; the bias as "—" for a model whose forget bias does nothing
    (no learned forget gate: the GRU, the plain RNN, the cells with f held at 1)."""
    bias = f"{point['forget_bias']:g}" if SPECS[variant].learns_forget_gate else "—"
    return f"{point['learning_rate']:g}, {bias}"


def scores_table(result, chosen: dict | None = None, *, lang: str = "en") -> str:
    """One line per variant: its chosen setting (when `chosen`, `{variant: point}`,
    is given), the median, mean ± sd and every seed's final test score."""
    t = strings(TEXT, lang)
    cells = strings(ABLATION_TEXT, lang)
    setting = f" {t['setting']} |" if chosen else ""
    lines = [f"| {t['variant']} | {cells['cell']} |{setting} {t['median']} | {t['mean']} | {t['seeds']} |",
             "| --- | --- |" + (" --- |" if chosen else "") + " --: | --: | --- |"]
    for name in result.variants:
        s = result.scores(name)
        seeds = " ".join(f"{x:.3f}" for x in s)
        point = f" {_setting(chosen[name], name)} |" if chosen else ""
        lines.append(f"| {label(name, lang=lang)} | {cells[name + '.cell']} |{point} {np.median(s):.3f} "
                     f"| {s.mean():.3f} ± {s.std(ddof=1):.3f} | {seeds} |")
    return "\n".join(lines)


def search_table(search: dict, variants, *, lang: str = "en") -> str:
    """The grid search of a study (`Record.data["search"]`): one line per
    variant and grid point, with the mean validation score of the search seeds."""
    t = strings(TEXT, lang)
    lines = [f"| {t['variant']} | {t['point']} | {t['val']} | {t['val_seeds']} |", "| --- | --- | --: | --- |"]
    for name in variants:
        for row in search[name]["points"]:
            mark = " ✓" if row["point"] == search[name]["chosen"] else ""
            lines.append(f"| {label(name, lang=lang)} | {_setting(row['point'], name)}{mark} | "
                         f"{np.mean(row['val']):.3f} | {' '.join(f'{x:.3f}' for x in row['val'])} |")
    return "\n".join(lines)


def comparisons_table(comparisons: dict, *, lang: str = "en") -> str:
    """One line per comparison `{(a, b): stats.Comparison}`: a − b, paired by seed.
    A key `(a, b, rows)` names the rows it scores: "all", "short" or "query"."""
    t = strings(TEXT, lang)
    lines = [f"| {t['comparison']} | {t['diff_median']} | {t['diff_mean']} | {t['interval']} | {t['words']} |",
             "| --- | --: | --: | --- | --- |"]
    for key, c in comparisons.items():
        a, b, *rows = key
        scope = f" ({t['rows_' + rows[0]]})" if rows else ""
        lines.append(f"| {label(a, lang=lang)} {t['vs']} {label(b, lang=lang)}{scope} | {c.median:+.3f} | "
                     f"{c.mean:+.3f} | [{c.low:+.3f}, {c.high:+.3f}] | {verdict_text(c.verdict, lang=lang)} |")
    return "\n".join(lines)


def scores(result, comparisons: dict, *, delta: float, lang: str = "en"):
    """Left: every seed's score per variant, with the median. Right: each
    comparison's per-seed differences and its bootstrap interval, with 0
    and the band ±`delta` of "no measurable difference"."""
    t = strings(TEXT, lang)
    fig, (left, right) = new_axes(lang, ncols=2, figsize=(10, 3.6),
                                  gridspec_kw={"width_ratios": [1, 1.2]})
    rng = np.random.default_rng(0)  # horizontal jitter of the dots only
    names = list(result.variants)
    for k, name in enumerate(names):
        s = result.scores(name)
        left.scatter(k + rng.uniform(-0.12, 0.12, len(s)), s, s=18, alpha=0.8)
        left.hlines(np.median(s), k - 0.3, k + 0.3, color="black", linewidth=2)
    left.set_xticks(range(len(names)), [label(n, lang=lang) for n in names], rotation=15)
    left.set_ylabel(t["score"])
    pairs = list(comparisons)
    right.axvspan(-delta, delta, color="0.9")
    right.axvline(0, color="0.4", linewidth=1)
    for k, pair in enumerate(pairs):
        c = comparisons[pair]
        right.scatter(c.diffs, np.full(len(c.diffs), k) + rng.uniform(-0.12, 0.12, len(c.diffs)),
                      s=14, alpha=0.6, color="C0")
        right.plot([c.low, c.high], [k, k], color="black", linewidth=3)
        right.plot([c.mean], [k], marker="o", color="black")
    right.set_yticks(range(len(pairs)), [f"{label(a, lang=lang)} − {label(b, lang=lang)}" for a, b in pairs])
    right.set_ylim(-0.6, len(pairs) - 0.4)
    right.invert_yaxis()
    right.set_xlabel(t["difference"])
    fig.tight_layout()
    return fig


def write_rows(measures: dict, *, digit_rows: int = 8, lang: str = "en"):
    """Mean |i ⊙ z| per row for each variant `{name: gate_measures.InputGateRows}`:
    the mean over the models (line) and their range (band)."""
    t = strings(TEXT, lang)
    fig, ax = new_axes(lang, figsize=(7, 3.4))
    for name, m in measures.items():
        rows = np.arange(1, m.write.shape[1] + 1)
        ax.plot(rows, m.write.mean(axis=0), linestyle=STYLES[name], label=label(name, lang=lang))
        ax.fill_between(rows, m.write.min(axis=0), m.write.max(axis=0), alpha=0.15)
    ax.axvspan(0.5, digit_rows + 0.5, color="0.92", zorder=0)
    ax.set_xlabel(t["row"])
    ax.set_ylabel(t["write"])
    ax.legend(fontsize="small")
    _integer_rows(ax)
    fig.tight_layout()
    return fig


def reset_heatmap(profile, *, lang: str = "en"):
    """The forget gate per memory cell (columns) at each row around a marker (rows)."""
    t = strings(TEXT, lang)
    fig, ax = new_axes(lang, figsize=(8, 3.2))
    image = ax.imshow(profile.f, aspect="auto", vmin=0, vmax=1, cmap="viridis",
                      extent=(-0.5, profile.f.shape[1] - 0.5, profile.offsets[-1] + 0.5,
                              profile.offsets[0] - 0.5))
    ax.set_xlabel(t["unit"])
    ax.set_ylabel(t["offset"])
    fig.colorbar(image, ax=ax, label=t["f"])
    fig.tight_layout()
    return fig


def growth(curves: dict, markers, *, lang: str = "en"):
    """Mean |c| along a long stream, one line per variant `{name: gate_measures.CellGrowth}`,
    with the markers of the first sequence drawn as vertical lines."""
    t = strings(TEXT, lang)
    fig, ax = new_axes(lang, figsize=(8, 3.2))
    for m in markers:
        ax.axvline(m + 1, color="0.85", linewidth=1)
    for name, g in curves.items():
        ax.plot(np.arange(1, len(g.abs_c) + 1), g.abs_c, linestyle=STYLES[name], label=label(name, lang=lang))
    ax.set_xlabel(t["row"])
    ax.set_ylabel(t["abs_c"])
    ax.legend(fontsize="small")
    _integer_rows(ax)
    fig.tight_layout()
    return fig


def output_gate_rows(cells, boundaries, *, lang: str = "en"):
    """The mean output gate per row of the cells holding the first digit and
    of the other cells (`gate_measures.MemoryCells`), the digits' first rows marked."""
    t = strings(TEXT, lang)
    fig, ax = new_axes(lang, figsize=(8, 3.2))
    rows = np.arange(1, len(cells.o_memory) + 1)
    for b in boundaries:
        ax.axvline(b + 0.5, color="0.85", linewidth=1)
    ax.plot(rows, cells.o_memory, label=t["memory"])
    ax.plot(rows, cells.o_other, linestyle="--", label=t["other"])
    ax.set_ylim(0, 1)
    ax.set_xlabel(t["row"])
    ax.set_ylabel(t["o"])
    ax.legend(fontsize="small")
    _integer_rows(ax)
    fig.tight_layout()
    return fig
