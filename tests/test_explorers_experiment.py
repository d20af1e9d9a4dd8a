"""The experiment explorer: its frames, its links, its panel, and its argument checks.

Every model here is tiny (4 hidden units, 1 epoch, a slice of the digits), and
the ablation cache is a temporary folder, so the module runs in seconds.
"""

import base64
import dataclasses
import io
import re
import warnings

import numpy as np
import pytest
from PIL import Image as PILImage

import lstm
from lstm import ablation, experiments, tasks
from lstm.explorers import experiment as EW
from lstm.explorers import frames
from lstm.figures import sequence as seq
from lstm.figures.ablation import label

pytestmark = pytest.mark.usefixtures("close_figures")  # conftest.py

TINY = dict(hidden_size=4, epochs=1, batch_size=32)


@pytest.fixture(scope="module", autouse=True)
def private_cache(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LSTM_CACHE", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="module")
def data():
    d = lstm.load_digits()
    return dataclasses.replace(d, x_train=d.x_train[:60], y_train=d.y_train[:60],
                               x_test=d.x_test[:12], y_test=d.y_test[:12])


@pytest.fixture(scope="module")
def result(data):
    task = tasks.distractors(data, k=5, where="before")
    return ablation.ablate(task, variants=("full", "no_f"), seeds=(0, 1), **TINY)


@pytest.fixture(scope="module")
def explorer(result, data):
    return EW.experiment_explorer(result, lang="en", example=3, data=data)


def _png(frame):
    found = re.search(r'src="data:image/png;base64,([^"]+)"', frame.value).group(1)
    return PILImage.open(io.BytesIO(base64.b64decode(found)))


def _caption(result, variant, example, lang):
    """The caption the frame should carry, from the model's own trace."""
    task = result.task
    probs = result.models[variant][0].trace(task.x_test[example]).probs[-1]
    digit = int(task.y_test[example])
    if lang == "en":
        name = label(variant, lang="en")
        return (f"{name[0].upper() + name[1:]}, seed 0: at the last row (row 13) the model gives the true "
                f"digit, {digit}, a probability of {probs[digit]:.2f}; its test accuracy over 2 seeds is "
                f"{result.mean(variant):.3f} ± {result.sd(variant):.3f}.")
    return (f"{label(variant, lang='ja')}、シード 0：最後の行（13 行目）で、モデルが正解の数字 {digit} に与える"
            f"確率は {probs[digit]:.2f} です（テスト正解率は 2 シードで {result.mean(variant):.3f} ± "
            f"{result.sd(variant):.3f}）。")


def test_one_frame_per_variant_in_a_linked_stack(explorer, result):
    assert len(explorer.frames) == len(result.variants) == 2
    assert explorer.view.children == tuple(explorer.frames)
    assert explorer.view.selected_index == 0
    assert [name for name, _ in explorer.chooser.options] == [label(v) for v in result.variants]
    assert [value for _, value in explorer.chooser.options] == [0, 1]
    [link] = explorer.links
    assert type(link).__name__ == "Link"  # a jslink: it runs in the browser, with no kernel
    assert link.source == (explorer.chooser, "index") and link.target == (explorer.view, "selected_index")
    assert "lstm-experiment" in explorer._dom_classes
    for frame in explorer.frames:
        assert _png(frame).size == (680, 560)
        assert '<figure class="lstm-experiment-frame"' in frame.value
    assert explorer.frames[0].value != explorer.frames[1].value


def test_captions_and_alt_texts_in_english(explorer, result):
    for k, variant in enumerate(result.variants):
        expected = _caption(result, variant, 3, "en")
        assert explorer.captions[k] == expected
        assert f">{expected}</figcaption>" in explorer.frames[k].value
    digit = int(result.task.y_test[3])
    assert explorer.alts[0].startswith(
        f"Heatmaps over the 13 rows of one test sequence (rows 1 to 5 are noise and rows 6 to 13 are the "
        f"digit {digit}): the input, then the input gate i")
    assert "(full LSTM)" in explorer.alts[0] and "holds" not in explorer.alts[0]
    c_max = seq.color_scales([result.models["full"][0].trace(result.task.x_test[3])])["c"]
    assert f"The colour scale of c runs from -{c_max:g} to {c_max:g}." in explorer.alts[0]
    assert "The f panel is uniform: this variant holds its f gate at 1." in explorer.alts[1]
    assert f'alt="{explorer.alts[1]}"' in explorer.frames[1].value


def test_captions_and_alt_texts_in_japanese(result, data):
    explorer = EW.experiment_explorer(result, lang="ja", example=3, data=data)
    assert explorer.captions == [_caption(result, v, 3, "ja") for v in result.variants]
    assert explorer.alts[1].startswith("テスト系列 1 本（1 行目から 5 行目がノイズ、6 行目から 13 行目が数字")
    assert "f ゲートを 1 に固定" in explorer.alts[1]
    assert [name for name, _ in explorer.chooser.options] == ["完全な LSTM", "忘却ゲートなし"]
    assert "ウェブ版の本ではパネルを隠し" in _panel_text(explorer)


def _panel_text(explorer):
    panel = explorer.children[2]
    return panel.children[0].value


def test_panel_starts_from_the_result(explorer, result):
    # The panel needs a kernel: the web book hides it (class lstm-kernel-only, book/_static/bilingual.css).
    assert {"lstm-experiment-rerun", "lstm-kernel-only"} <= set(explorer.children[2]._dom_classes)
    assert explorer.task.value == "distractors"
    size = explorer.size
    assert (size.value, size.description, size.disabled) == (5, "k (noise rows)", False)
    assert {n: b.value for n, b in explorer.variant_boxes.items()} == {
        "full": True, "no_i": False, "no_f": True, "no_o": False, "no_tanh": False, "coupled": False,
        "peepholes": False}
    assert (explorer.seeds.value, explorer.seeds.min, explorer.seeds.max) == (2, 1, 5)
    assert explorer.epochs.value == 1
    assert ("this panel is here because the chapter runs as a notebook with a kernel "
            "(the web book hides it and shows the precomputed results above)") in _panel_text(explorer)
    assert explorer.status.value == "Other settings as above: 4 hidden units, batch size 32, learning rate 0.01."
    assert explorer.output.outputs == ()


def test_switching_the_task_moves_the_size_slider(result, data):
    explorer = EW.experiment_explorer(result, data=data)
    explorer.task.value = "plain"
    assert explorer.size.disabled
    explorer.task.value = "stream"
    assert (explorer.size.value, explorer.size.description, explorer.size.disabled) == (5, "digits", False)
    explorer.task.value = "delayed"
    assert (explorer.size.value, explorer.size.description) == (8, "delay")
    explorer.task.value = "distractors"
    assert explorer.size.value == 5  # the result's k again


def test_rerun_trains_the_new_settings_and_replaces_the_frames(result, data):
    explorer = EW.experiment_explorer(result, data=data)
    old_frames = explorer.frames
    explorer.size.value = 2
    explorer.variant_boxes["full"].value = False
    explorer.variant_boxes["no_o"].value = True
    explorer.variant_boxes["no_tanh"].value = True
    explorer.seeds.value = 1
    new = explorer.rerun()
    assert new is explorer.result and new is not result
    assert new.task.args == dict(k=2, where="before", noise=1.0, seed=0)  # `where` kept from the result
    assert (new.variants, new.seeds) == (("no_f", "no_o", "no_tanh"), (0,))
    assert new.settings == {**TINY, "learning_rate": 0.01, "forget_bias": 1.0}
    assert len(explorer.frames) == 3 and explorer.view.children == tuple(explorer.frames)
    assert not set(explorer.frames) & set(old_frames)
    assert [name for name, _ in explorer.chooser.options] == [label(v) for v in new.variants]
    assert explorer.chooser.index == 0 and explorer.view.selected_index == 0
    assert "over the 10 rows" in explorer.alts[0]
    table, curves = explorer.output.outputs
    assert table["data"]["text/plain"] == new.table()
    assert table["data"]["text/markdown"] == new.table()  # rendered by Jupyter, math included
    assert 'class="lstm-experiment-curves"' in curves["data"]["text/html"]
    assert explorer.status.value.startswith("Done in ")
    assert "(0 of 3 runs from the cache)" in explorer.status.value
    again = explorer.rerun()  # the same values: every run comes from the cache
    assert again.cached == 3 and "(3 of 3 runs from the cache)" in explorer.status.value
    np.testing.assert_array_equal(again.scores("no_o"), new.scores("no_o"))


def test_run_button_shows_a_bad_choice_instead_of_raising(result, data):
    explorer = EW.experiment_explorer(result, data=data)
    for box in explorer.variant_boxes.values():
        box.value = False
    explorer.button.click()
    assert "argument `variants`, expected at least one name" in explorer.status.value
    assert explorer.result is result and not explorer.button.disabled


@pytest.mark.parametrize("name, size, args, rows", [
    ("distractors", 3, dict(k=3, where="after", noise=1.0, seed=0), 11),
    ("stream", 2, dict(digits_per_stream=2, score="last", seed=0), 16),
    ("delayed", 4, dict(delay=4, noise=1.0, wait=False, seed=0), 12),
    ("plain", 99, {}, 8),
])
def test_plan_builds_the_task_and_settings_from_the_controls(data, name, size, args, rows):
    experiment, run_args = EW.plan(name, size, ["no_i", "full"], 3, 7, settings=dict(hidden_size=4, batch_size=8))
    assert isinstance(experiment, experiments.Experiment) and experiment.task == name
    task = experiment.build(data)
    assert task.name == name and task.args == args and task.rows == rows
    assert run_args == dict(variants=("no_i", "full"), seeds=(0, 1, 2))
    assert experiment.settings == dict(hidden_size=4, batch_size=8, epochs=7)
    # The same task as the base keeps the base's other arguments.
    base = tasks.stream(data, digits_per_stream=3, score="every", seed=2)
    kept, _ = EW.plan("stream", 2, ["full"], 1, 1, base_task=base)
    assert kept.build(data).args == dict(digits_per_stream=2, score="every", seed=2)
    assert kept.settings == dict(epochs=1)


def test_a_plan_runs_what_ablate_runs(data):
    """`experiment.run(data, **run_args)` is the ablation of the panel's task and settings."""
    small = dataclasses.replace(data, x_train=data.x_train[:40], y_train=data.y_train[:40],
                                x_test=data.x_test[:10], y_test=data.y_test[:10])
    experiment, run_args = EW.plan("plain", 1, ["no_o"], 1, 1, settings=dict(hidden_size=3, batch_size=20))
    result = experiment.run(small, cache=False, **run_args)
    direct = ablation.ablate(tasks.plain(small), variants=("no_o",), seeds=(0,), cache=False,
                             hidden_size=3, batch_size=20, epochs=1)
    assert (result.variants, result.seeds, result.settings) == (direct.variants, direct.seeds, direct.settings)
    np.testing.assert_array_equal(result.scores("no_o"), direct.scores("no_o"))


def test_the_panel_offers_tasks_of_the_experiments_in_its_own_order(explorer):
    assert set(EW.SIZE_ARG) <= set(experiments.TASKS)
    assert [value for _, value in explorer.task.options] == ["distractors", "stream", "delayed", "plain"]


@pytest.mark.parametrize("kwargs, match", [
    (dict(task="noisy"), "argument `task`, expected one of 'distractors'"),
    (dict(size=0), "argument `k`, expected a positive integer, got 0"),
    (dict(variants=[]), "argument `variants`, expected at least one name"),
    (dict(variants=["full", "no_x"]), "argument `variants`"),
    (dict(seeds=6), "argument `seeds`, expected a number of seeds from 1 to 5, got 6"),
    (dict(epochs=0), "argument `epochs`, expected a positive integer"),
    (dict(settings={"depth": 2}), "argument `settings`, expected names among hidden_size"),
])
def test_plan_rejects_bad_values(kwargs, match):
    args = {**dict(task="distractors", size=2, variants=["full"], seeds=1, epochs=1), **kwargs}
    with pytest.raises(ValueError, match=match):
        EW.plan(args.pop("task"), args.pop("size"), args.pop("variants"), args.pop("seeds"),
                args.pop("epochs"), **args)


def test_segments_and_targets_of_every_task(data):
    stream = tasks.stream(data, digits_per_stream=3, score="last")
    y = stream.y_test[0]
    digits = [int(y[7]), int(y[15]), int(y[23])]
    assert seq.segments(stream, 0) == [(0, 8, digits[0]), (8, 16, digits[1]), (16, 24, digits[2])]
    targets, scored = seq.row_targets(stream, 0)
    np.testing.assert_array_equal(targets, np.repeat(digits, 8))
    np.testing.assert_array_equal(np.flatnonzero(scored), [7, 15, 23])

    delayed = tasks.delayed(data, delay=5, wait=True)
    digit = int(delayed.y_test[1, -1])
    assert seq.segments(delayed, 1) == [(0, 8, digit), (8, 13, None)]
    targets, scored = seq.row_targets(delayed, 1)
    assert (targets == digit).all() and np.flatnonzero(scored).tolist() == [12]  # not the WAIT rows

    after = tasks.distractors(data, k=4)
    assert seq.segments(after, 2) == [(0, 8, int(after.y_test[2])), (8, 12, None)]
    assert seq.segments(tasks.plain(data), 2) == [(0, 8, int(data.y_test[2]))]
    targets, scored = seq.row_targets(after, 2)
    assert (targets == after.y_test[2]).all() and np.flatnonzero(scored).tolist() == [11]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_sequence_figure_draws_every_label(result, lang):
    fig = seq.sequence_trace(result.models["no_f"][0], result.task, 0, lang=lang, variant="no_f")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing Japanese glyph is a warning
        fig.canvas.draw()
    labels = [ax.get_ylabel() for ax in fig.axes]
    assert ("f = 1\n(no gate)" if lang == "en" else "f = 1\n（ゲートなし）") in labels
    assert len(fig.axes) == 8 + 5  # strip, input, five heatmaps, probability; five colour bars


@pytest.mark.parametrize("kwargs, match", [
    (dict(result="an ablation"), "argument `result`, expected an lstm.ablation.Ablation"),
    (dict(lang="fr"), "argument `lang`, expected one of 'en', 'ja'"),
    (dict(example=12), r"argument `example`, expected the index of a test sequence, an integer in "
                       r"\[0, 12\), got 12"),
    (dict(example=-1), r"in \[0, 12\), got -1"),
    (dict(example=True), r"in \[0, 12\), got True"),
    (dict(example=1.0), r"in \[0, 12\), got 1.0"),
    (dict(data=np.zeros(3)), "argument `data`, expected a `Digits` record"),
    (dict(cache="yes"), "argument `cache`, expected True or False"),
])
def test_bad_arguments_raise_clear_errors(result, kwargs, match):
    args = {"result": result, **kwargs}
    with pytest.raises(ValueError, match=match):
        EW.experiment_explorer(args.pop("result"), **args)


def test_describe_and_alt_text_take_lang_last_as_a_keyword(result):
    task = result.task
    trace = result.models["full"][0].trace(task.x_test[3])
    assert EW.describe(result, "full", trace, task, 3) == _caption(result, "full", 3, "en")
    assert EW.describe(result, "full", trace, task, 3, lang="ja") == _caption(result, "full", 3, "ja")
    with pytest.raises(TypeError):
        EW.describe(result, "full", trace, task, 3, "en")  # keyword-only, as in every figure function
    assert EW.alt_text("no_f", task, 3, c_max=1.5).endswith(
        "from -1.5 to 1.5. The f panel is uniform: this variant holds its f gate at 1.")
    with pytest.raises(ValueError, match="argument `lang`, expected one of 'en', 'ja', got 'fr'"):
        EW.alt_text("full", task, 3, c_max=1.0, lang="fr")


def test_figure_html_wraps_a_palette_png():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(2, 1))
    ax.plot([0, 1], [0, 1])
    png = frames.png_bytes(fig, dpi=50)
    picture = PILImage.open(io.BytesIO(png))
    assert picture.mode == "P" and picture.size == (100, 50) and len(picture.getcolors()) <= 96
    page = frames.figure_html(png, 'a "line"', "A <caption>", "demo")
    assert page.startswith('<figure class="demo" style="margin:0"><figcaption')
    assert 'alt="a &quot;line&quot;"' in page and ">A &lt;caption&gt;</figcaption>" in page
    found = re.search(r'src="data:image/png;base64,([^"]+)"', page).group(1)
    assert base64.b64decode(found) == png
    plain = frames.figure_html(png, "x", None, "demo", size=(100, 50))
    assert "<figcaption" not in plain and 'width="100" height="50"' in plain
