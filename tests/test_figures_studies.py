"""lstm.figures.studies: the gate studies' tables and figures, in both languages."""

import numpy as np
import pytest
from helpers import draw_without_warnings

import lstm
from lstm import ablation, stats, tasks
from lstm.analysis import gate_measures
from lstm.figures import studies as figs
from lstm.i18n import strings

pytestmark = pytest.mark.usefixtures("close_figures")


@pytest.fixture(scope="module")
def result():
    """A fake two-variant result: ten seeds with known scores, untrained small models."""
    data = lstm.load_digits()
    task = tasks.distractors(data, k=2)
    scores = {"full": np.linspace(0.80, 0.89, 10), "no_f": np.linspace(0.70, 0.79, 10)[::-1]}
    out = ablation.Ablation(task, ("no_f", "full"), tuple(range(10)), dict(ablation.SETTINGS))
    for name, s in scores.items():
        out.histories[name] = [lstm.History(test_acc=[float(x)]) for x in s]
        out.models[name] = [lstm.RowClassifier(8, 4, 10, seed=k, **ablation.CELL_ARGS[name]) for k in range(2)]
    return out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_scores_table_has_every_seed_the_median_and_the_chosen_setting(result, lang):
    chosen = {"full": {"learning_rate": 0.01, "forget_bias": 3.0}, "no_f": {"learning_rate": 0.003, "forget_bias": 1.0}}
    lines = figs.scores_table(result, chosen, lang=lang).splitlines()
    assert len(lines) == 2 + 2
    cells = [c.strip() for c in lines[3].split("|")[1:-1]]
    assert cells[0] == figs.label("full", lang=lang) and cells[2] == "0.01, 3"
    assert cells[3] == f"{np.median(result.scores('full')):.3f}"
    assert cells[4] == "0.845 ± 0.030" and len(cells[5].split()) == 10
    without = figs.scores_table(result, lang=lang).splitlines()  # live runs: no chosen setting
    assert len(without[3].split("|")) == len(lines[3].split("|")) - 1


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_comparisons_table_shows_the_interval_and_its_verdict(result, lang):
    c = stats.compare(result.scores("full"), result.scores("no_f"), delta=0.02)
    table = figs.comparisons_table({("full", "no_f"): c, ("full", "no_f", "query"): c}, lang=lang)
    row = table.splitlines()[2]
    assert f"[{c.low:+.3f}, {c.high:+.3f}]" in row and figs.verdict_text(c.verdict, lang=lang) in row
    assert strings(figs.TEXT, lang)["rows_query"] in table.splitlines()[3]
    assert set(strings(figs.TEXT, "en")) == set(strings(figs.TEXT, "ja"))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_figure_draws_without_a_missing_glyph(result, lang):
    c = stats.compare(result.scores("full"), result.scores("no_f"), delta=0.02)
    draw_without_warnings(figs.scores(result, {("full", "no_f"): c}, delta=0.02, lang=lang))
    measures = {name: gate_measures.input_gate_rows(result.models[name], result.task) for name in result.variants}
    fig = figs.write_rows(measures, lang=lang)
    draw_without_warnings(fig)
    assert len(fig.axes[0].lines) == 2
    seg = tasks.segments(lstm.load_digits(), segments=2, digits=2, repeats=1)
    model = lstm.RowClassifier(8, 4, 10, readout="every", seed=0)
    draw_without_warnings(figs.reset_heatmap(gate_measures.reset_profile(model, seg), lang=lang))
    growth = {"full": gate_measures.cell_growth(model, seg)}
    draw_without_warnings(figs.growth(growth, growth["full"].markers, lang=lang))
    rec = tasks.recall(lstm.load_digits(), digits=2, repeats=1)
    cells = gate_measures.memory_cells(model, rec, k=2)
    draw_without_warnings(figs.output_gate_rows(cells, rec.boundaries, lang=lang))


def test_search_table_marks_the_chosen_point():
    search = {"full": {"points": [{"point": {"learning_rate": 0.003, "forget_bias": 1.0}, "val": [0.5, 0.6, 0.7]},
                                  {"point": {"learning_rate": 0.01, "forget_bias": 1.0}, "val": [0.8, 0.8, 0.8]}],
                       "chosen": {"learning_rate": 0.01, "forget_bias": 1.0}}}
    lines = figs.search_table(search, ("full",)).splitlines()
    assert "✓" not in lines[2] and "0.600" in lines[2] and "0.01, 1 ✓" in lines[3]
