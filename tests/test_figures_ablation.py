"""`lstm.figures.ablation`: the tables and figures of the gate experiments."""

import numpy as np
import pytest

import lstm
from helpers import draw_without_warnings
from lstm import ablation, tasks
from lstm.ablation import CELL_ARGS, VARIANTS
from lstm.analysis.row_measures import row_accuracy
from lstm.analysis.streams import stream_memory
from lstm.figures import ablation as figs
from lstm.i18n import strings

pytestmark = pytest.mark.usefixtures("close_figures")  # conftest.py

LANGS = ("en", "ja")


@pytest.fixture(scope="module")
def data():
    return lstm.load_digits()


def _history(test_acc):
    n = len(test_acc)
    return lstm.History(loss=[1.0] * n, acc=list(test_acc), val_acc=list(test_acc),
                        test_acc=list(test_acc), seconds=[0.0] * n)


@pytest.fixture(scope="module")
def result(data):
    """A made-up ablation of every variant, 3 seeds, 4 epochs."""
    rng = np.random.default_rng(0)
    histories = {name: [_history(np.sort(rng.uniform(0.1, 1.0, 4)).tolist()) for _ in range(3)]
                 for name in VARIANTS}
    return ablation.Ablation(tasks.plain(data), VARIANTS, (0, 1, 2), dict(ablation.SETTINGS),
                             histories=histories)


def _models(task, variants=VARIANTS):
    readout = "every" if task.per_row else "last"
    return {name: lstm.RowClassifier(8, 6, task.num_classes, readout=readout, seed=i, **CELL_ARGS[name])
            for i, name in enumerate(variants)}


def _legend(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


@pytest.mark.parametrize("lang", LANGS)
def test_table_has_one_line_per_variant(result, lang):
    table = figs.table(result, lang=lang)
    assert result.table(lang=lang) == table
    lines = table.splitlines()
    assert len(lines) == 2 + len(VARIANTS)
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    assert header == [strings(figs.TEXT, lang)[k] for k in ("variant", "cell", "score", "seeds")]
    assert lines[1] == "|:--|:--|--:|:--|"
    for name, line in zip(VARIANTS, lines[2:]):
        cells = [c.strip() for c in line.strip("|").split("|")]
        scores = [h.test_acc[-1] for h in result.histories[name]]
        assert cells[0] == figs.label(name, lang=lang)
        assert cells[1] == strings(figs.TEXT, lang)[name + ".cell"]
        assert cells[2] == f"{np.mean(scores):.3f} ± {np.std(scores, ddof=1):.3f}"
        assert cells[3] == ", ".join(f"{s:.3f}" for s in scores)


def test_table_of_one_seed_and_some_variants(data):
    one = ablation.Ablation(tasks.plain(data), ("no_o", "full"), (7,), {},
                            histories={"no_o": [_history([0.25])], "full": [_history([0.5, 0.875])]})
    lines = figs.table(one).splitlines()
    assert lines[2] == "| no output gate | $o = 1$ | 0.250 ± 0.000 | 0.250 |"
    assert lines[3] == "| full LSTM | the standard LSTM | 0.875 ± 0.000 | 0.875 |"


@pytest.mark.parametrize("lang", LANGS)
def test_curves(result, lang):
    fig = figs.curves(result, lang=lang)
    ax = fig.axes[0]
    assert len(ax.lines) == len(VARIANTS) and len(ax.collections) == len(VARIANTS)
    for name, line in zip(VARIANTS, ax.lines):
        runs = np.array([h.test_acc for h in result.histories[name]])
        np.testing.assert_array_equal(line.get_xdata(), [1, 2, 3, 4])
        np.testing.assert_allclose(line.get_ydata(), runs.mean(axis=0))
    assert _legend(ax) == [figs.label(name, lang=lang) for name in VARIANTS]
    assert ax.get_ylim() == (0.0, 1.0)
    assert ax.get_xlabel() == strings(figs.TEXT, lang)["epoch"]
    draw_without_warnings(fig)


@pytest.mark.parametrize("lang", LANGS)
def test_row_lines(data, lang):
    task = tasks.delayed(data, delay=2)
    x, y = task.x_test[:30], task.y_test[:30]
    accs = {name: row_accuracy(m, x, y) for name, m in _models(task, ("full", "no_o")).items()}
    fig = figs.row_lines(accs, lang=lang, mark=7)
    ax = fig.axes[0]
    curves = [line for line in ax.lines if len(line.get_xdata()) == 10]
    assert len(curves) == 2
    np.testing.assert_array_equal(curves[0].get_xdata(), np.arange(1, 11))
    np.testing.assert_allclose(curves[1].get_ydata(), accs["no_o"])
    marks = [line for line in ax.lines if line not in curves]
    assert len(marks) == 1 and list(marks[0].get_xdata()) == [8, 8]
    assert _legend(ax) == [figs.label("full", lang=lang), figs.label("no_o", lang=lang)]
    assert ax.get_ylabel() == strings(figs.TEXT, lang)["row_acc"]
    draw_without_warnings(fig)
    assert len(figs.row_lines(accs, lang=lang).axes[0].lines) == 2  # no mark


@pytest.mark.parametrize("lang", LANGS)
def test_stream_lines(data, lang):
    task = tasks.stream(data, digits_per_stream=3, score="last")
    models = _models(task, ("full", "no_f"))
    memory = stream_memory({name: m.cell for name, m in models.items()}, task.x_test[:10])
    fig = figs.stream_lines(memory, task.boundaries, lang=lang)
    top, bottom = fig.axes
    for ax, measure in ((top, "mean_abs_c"), (bottom, "mean_f")):
        curves = [line for line in ax.lines if len(line.get_xdata()) == 24]
        assert len(curves) == 2
        np.testing.assert_array_equal(curves[0].get_ydata(), getattr(memory["full"], measure)())
        starts = sorted(line.get_xdata()[0] for line in ax.lines if line not in curves)
        assert starts == [8.5, 16.5]  # between the digits
    words = strings(figs.TEXT, lang)
    assert top.get_ylabel() == words["abs_c"] and bottom.get_ylabel() == words["f"]
    assert _legend(top) == [figs.label("full", lang=lang), figs.label("no_f", lang=lang)]
    draw_without_warnings(fig)


def test_labels():
    for name in VARIANTS:
        assert figs.label(name) == figs.TEXT[name]["en"] and figs.label(name, lang="ja") == figs.TEXT[name]["ja"]
    assert figs.label("no_f") == "no forget gate" and figs.label("no_f", lang="ja") == "忘却ゲートなし"
    assert set(strings(figs.TEXT, "en")) == set(strings(figs.TEXT, "ja")) and set(figs.STYLES) == set(ablation.SPECS)


@pytest.mark.parametrize("call, match", [
    (lambda r: figs.label("no_x"),
     "argument `variant`, expected one of 'full', 'no_i', 'no_f', 'no_o', 'no_tanh', 'carousel', 'coupled', "
     "'peepholes', 'gru', 'rnn', 'rnn_x3', 'rnn_x3_clip', got 'no_x'"),
    (lambda r: figs.label("full", lang="fr"), "argument `lang`, expected one of 'en', 'ja', got 'fr'"),
    (lambda r: figs.table(r, lang="de"), "argument `lang`, expected one of 'en', 'ja', got 'de'"),
    (lambda r: r.table(lang="de"), "argument `lang`"),
    (lambda r: figs.curves(r, lang="fr"), "argument `lang`"),
    (lambda r: figs.row_lines({}, lang="fr"), "argument `lang`"),
    (lambda r: figs.stream_lines({}, [0], lang="fr"), "argument `lang`"),
    (lambda r: figs.stream_lines({"full": (1.0, 0.5)}, [0]),
     r"argument `memory`, expected lstm.analysis.streams.StreamMemory values \(the value of 'full' is not one\)"),
    (lambda r: figs.stream_lines({"fool": None}, [0]), "argument `memory`, expected one of 'full'"),
])
def test_bad_arguments(result, call, match):
    with pytest.raises(ValueError, match=match):
        call(result)
