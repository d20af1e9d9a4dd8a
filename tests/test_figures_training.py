import dataclasses
import logging
import warnings

import numpy as np
import pytest

import lstm
from lstm import evaluate
from lstm.figures import training as figs
from lstm.recipes import Recipe

pytestmark = pytest.mark.usefixtures("close_figures")  # conftest.py


@pytest.fixture(scope="module")
def histories():
    a = lstm.History(loss=[3.0, 2.0, 1.0], acc=[0.5, 0.8, 0.9], val_acc=[0.4, 0.85, 0.95],
                     test_acc=[0.4, 0.85, 0.95], seconds=[0.1] * 3)
    b = dataclasses.replace(a, test_acc=[0.6, 0.97, 0.99], val_acc=[0.6, 0.97, 0.99])
    return {"ARTICLE": a, "MODERN": b}


def _texts(fig):
    return [t.get_text() for ax in fig.axes for t in
            [ax.title, ax.xaxis.label, ax.yaxis.label, *ax.texts,
             *(ax.get_legend().get_texts() if ax.get_legend() else [])]]


def _rows(table):
    lines = table.splitlines()
    return {line.split(" | ")[0].lstrip("| "): line.strip("| ").split(" | ")[1:] for line in lines[2:]}


def test_recipe_table_shows_both_recipes_with_defaults_filled_in():
    table = figs.recipe_table([lstm.recipes.ARTICLE, lstm.recipes.MODERN], lang="en", n_train=1437)
    lines = table.splitlines()
    assert lines[0] == "| Setting | `ARTICLE` | `MODERN` |"
    assert lines[1] == "|---|---|---|"
    assert all(line.count(" | ") == 2 for line in lines[2:])
    rows = _rows(table)
    assert rows["cell weights `W` at the start"] == ["all zeros", "Glorot uniform"]
    assert rows["forget-gate bias at the start"][0] == "0"
    assert rows["cell output"][0] == "`h = o * c`"
    assert rows["pixels fed to the cell"] == ["raw, 0 to 16", "divided by 16, 0 to 1"]
    assert rows["loss of a batch"][0] == "sum over the images"
    assert rows["order of the images"][0] == "the same every epoch"
    assert rows["batches per epoch (images used)"][0] == "14 (1400 of 1437)"
    modern = lstm.recipes.MODERN
    assert rows["memory cells (hidden size)"][1] == str(modern.model.get("hidden_size", 50))
    assert rows["epochs"] == ["100", str(modern.fit["epochs"])]
    assert rows["Adam learning rate"][1] == f"{modern.fit.get('learning_rate', 1e-3):g}"


def test_recipe_table_in_japanese_and_unknown_settings():
    odd = Recipe(name="odd", model=dict(hidden_size=7),
                 fit=dict(epochs=2, batch_size=500, drop_remainder=True, future_option=3))
    table = figs.recipe_table([odd], lang="ja", n_train=1437)
    rows = _rows(table)
    assert table.startswith("| 設定 | `ODD` |")
    assert rows["記憶セルの数（隠れ層の大きさ）"] == ["7"]
    assert rows["1 エポックのバッチ数（使う画像）"] == ["2（1437 枚中 1000 枚）"]
    assert rows["`future_option`"] == ["3"]  # a setting the table does not know keeps its name
    assert rows["画素に加えるガウスノイズ（標準偏差）"] == ["なし"]  # an option that is off reads "none"
    noisy = Recipe(name="noisy", fit=dict(epochs=1, input_noise=0.25))
    assert _rows(figs.recipe_table([noisy], lang="en"))["Gaussian noise on the pixels (sd)"] == ["0.25"]
    settings = figs.recipe_settings(odd)
    assert settings["init"] == "glorot" and settings["forget_bias"] == 1.0 and settings["scale"] is True


def test_recipe_table_rejects_bad_arguments():
    with pytest.raises(ValueError, match="recipes.*non-empty"):
        figs.recipe_table([], lang="en")
    with pytest.raises(ValueError, match="recipe.*Recipe"):
        figs.recipe_table(["modern"], lang="en")
    with pytest.raises(ValueError, match="lang.*'en', 'ja'"):
        figs.recipe_table([lstm.recipes.MODERN], lang="fr")
    with pytest.raises(ValueError, match="n_train.*positive integer"):
        figs.recipe_table([lstm.recipes.MODERN], lang="en", n_train=0)


@pytest.mark.parametrize("lang, xlabel", [("en", "epoch"), ("ja", "エポック")])
def test_accuracy_figure(histories, lang, xlabel):
    fig = figs.accuracy_figure(histories, lang=lang)
    ax = fig.axes[0]
    assert ax.get_xlabel() == xlabel
    assert [line.get_label() for line in ax.lines] == ["ARTICLE", "MODERN"]
    np.testing.assert_allclose(ax.lines[1].get_ydata(), [0.6, 0.97, 0.99])
    low, high = ax.get_ylim()
    assert high == 1.0 and 0.3 < low < 0.4


def test_accuracy_figure_rejects_bad_histories(histories):
    with pytest.raises(ValueError, match="histories.*non-empty dict"):
        figs.accuracy_figure({}, lang="en")
    with pytest.raises(ValueError, match="histories\\['x'\\].*History"):
        figs.accuracy_figure({"x": [0.5]}, lang="en")


def test_confidence_figure_draws_the_ceiling():
    rng = np.random.default_rng(0)
    probs = rng.dirichlet(np.ones(10), size=50)
    fig = figs.confidence_figure({"A": probs, "B": probs ** 3 / (probs ** 3).sum(1, keepdims=True)},
                                 lang="en", ceiling=0.45)
    ax = fig.axes[0]
    assert ax.get_xlim() == (0.0, 1.0)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["A", "B", "ceiling of a tanh head (0.45)"]
    heights = [p.get_height() for p in ax.patches]
    assert sum(heights) == pytest.approx(2.0)  # two histograms, each sums to 100 %
    with pytest.raises(ValueError, match="ceiling.*fraction"):
        figs.confidence_figure({"A": probs}, lang="en", ceiling=1.5)
    with pytest.raises(ValueError, match="probs\\['A'\\].*shape"):
        figs.confidence_figure({"A": probs[0]}, lang="en")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_confusion_figure_marks_the_mistakes(lang):
    m = evaluate.confusion_matrix([0, 0, 1, 2, 2], [0, 1, 1, 2, 2], num_classes=3)
    fig = figs.confusion_figure(m, lang=lang)
    ax = fig.axes[0]
    texts = {(round(t.get_position()[0]), round(t.get_position()[1])): t.get_text() for t in ax.texts}
    assert texts == {(0, 0): "1", (1, 0): "1", (1, 1): "1", (2, 2): "2"}  # (predicted, true)
    assert len(ax.patches) == 1  # the one mistake is outlined
    assert ax.get_ylabel() == ("true label" if lang == "en" else "正解のラベル")


def test_confusion_figure_rejects_bad_matrices():
    with pytest.raises(ValueError, match="matrix.*square"):
        figs.confusion_figure(np.zeros((2, 3)), lang="en")
    with pytest.raises(ValueError, match="matrix.*non-negative integer counts"):
        figs.confusion_figure(np.full((2, 2), 0.5), lang="en")


def _fake_mistakes(n):
    images = np.random.default_rng(0).uniform(0, 1, (n, 8, 8)).astype(np.float32)
    return evaluate.Mistakes(index=np.arange(n), images=images, true=np.arange(n) % 10,
                             predicted=(np.arange(n) + 1) % 10, confidence=np.full(n, 0.62),
                             probs=np.full((n, 10), 0.1))


@pytest.mark.parametrize("lang, title", [("en", "true 0, read as 1\n(62% sure)"),
                                         ("ja", "正解 0 → 予測 1\n（確率 62%）")])
def test_mistakes_figure_titles_each_digit(lang, title):
    fig = figs.mistakes_figure(_fake_mistakes(8), lang=lang, columns=3)
    shown = [ax for ax in fig.axes if ax.images]
    assert len(fig.axes) == 9 and len(shown) == 8
    assert shown[0].get_title() == title
    np.testing.assert_array_equal(shown[2].images[0].get_array(), _fake_mistakes(8).images[2])


def test_mistakes_figure_limit_and_empty():
    fig = figs.mistakes_figure(_fake_mistakes(30), lang="en", columns=6, limit=12)
    assert sum(bool(ax.images) for ax in fig.axes) == 12
    fig = figs.mistakes_figure(_fake_mistakes(0), lang="ja")
    assert "誤りなし" in _texts(fig)
    with pytest.raises(ValueError, match="mistakes.*Mistakes"):
        figs.mistakes_figure([1, 2], lang="en")
    with pytest.raises(ValueError, match="columns.*positive integer"):
        figs.mistakes_figure(_fake_mistakes(2), lang="en", columns=0)


def test_japanese_figures_render_without_missing_glyphs(histories, caplog):
    m = evaluate.confusion_matrix([0, 1, 2], [0, 2, 2], num_classes=3)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font" is a UserWarning
        with caplog.at_level(logging.WARNING, logger="matplotlib.font_manager"):
            for fig in (figs.accuracy_figure(histories, lang="ja"),
                        figs.confusion_figure(m, lang="ja"),
                        figs.confidence_figure({"A": np.full((3, 10), 0.1)}, lang="ja", ceiling=0.45),
                        figs.mistakes_figure(_fake_mistakes(3), lang="ja")):
                fig.canvas.draw()
    assert not [r for r in caplog.records if "findfont" in r.getMessage()]
