"""`lstm.experiments`: the chapters' ablations, specified once."""

import numpy as np
import pytest

import lstm
from lstm import ablation, tasks
from lstm.experiments import EXPERIMENTS, Experiment

TINY = dict(hidden_size=4, epochs=1)


@pytest.fixture(scope="module")
def data():
    return lstm.load_digits()


def test_the_chapter_settings():
    assert list(EXPERIMENTS) == ["plain", "input", "forget", "output", "output_first", "lags", "relatives",
                                 "clipping"]
    assert EXPERIMENTS["plain"] == Experiment("plain", {}, {})
    assert EXPERIMENTS["input"] == Experiment("distractors", {"k": 16}, {})
    assert EXPERIMENTS["forget"] == Experiment("segments", {"segments": 3, "digits": 6, "repeats": 2},
                                               {"batch_size": 32})
    assert EXPERIMENTS["output"] == Experiment("recall", {"digits": 2, "repeats": 4}, {})
    assert EXPERIMENTS["output_first"] == Experiment("recall", {"digits": 4, "repeats": 2}, {})
    assert EXPERIMENTS["lags"] == EXPERIMENTS["clipping"] == Experiment("distractors", {"k": 56, "noise": 0.0}, {})
    assert EXPERIMENTS["relatives"] == EXPERIMENTS["plain"]
    assert lstm.experiments.EXPERIMENTS is EXPERIMENTS


def test_build_gives_the_chapter_tasks(data):
    inputs = EXPERIMENTS["input"].build(data)
    assert inputs.x_train.shape == (1437, 24, 8) and inputs.y_train.shape == (1437,)
    assert inputs.args == dict(k=16, where="after", noise=1.0, seed=0)
    np.testing.assert_array_equal(inputs.x_test, tasks.distractors(data, k=16).x_test)
    forget = EXPERIMENTS["forget"].build(data)
    assert forget.x_train.shape == (479, 51, 8) and forget.y_train.shape == (479, 51)
    assert forget.args == dict(segments=3, digits=6, repeats=2, seed=0)
    assert np.sum(forget.y_train[0] >= 0) == 3  # the last row of each segment
    output = EXPERIMENTS["output"].build(data)
    assert output.x_train.shape == (2874, 17, 8) and output.y_train.shape == (2874, 17)
    assert output.args == dict(digits=2, repeats=4, seed=0) and output.num_classes == 10
    assert output.per_row and forget.per_row and not inputs.per_row


def test_build_without_data_loads_the_digits():
    assert EXPERIMENTS["output"].build(digits=2).x_test.shape == (720, 17, 8)


def test_build_takes_task_overrides(data):
    task = EXPERIMENTS["input"].build(data, k=3, where="before")
    assert task.args["k"] == 3 and task.args["where"] == "before" and task.rows == 11
    assert EXPERIMENTS["input"].args == {"k": 16}  # the experiment is unchanged


@pytest.mark.parametrize("key, task_override, rows", [
    ("input", {"k": 2}, 10),
    ("forget", {"segments": 2, "digits": 2}, 18),
    ("output", {"digits": 2}, 17),
])
def test_run_routes_overrides_to_the_task_and_the_settings(data, key, task_override, rows):
    result = EXPERIMENTS[key].run(data, seeds=(1,), variants=("no_i",), cache=False,
                                  **TINY, **task_override)
    assert isinstance(result, ablation.Ablation)
    assert result.variants == ("no_i",) and result.seeds == (1,) and result.cached == 0
    expected = {**ablation.SETTINGS, **EXPERIMENTS[key].settings, **TINY}
    assert result.settings == expected
    assert result.settings["batch_size"] == (32 if key == "forget" else 64)
    assert result.task.name == EXPERIMENTS[key].task and result.task.rows == rows
    assert result.task.args == {**result.task.args, **EXPERIMENTS[key].args, **task_override}
    (history,) = result.histories["no_i"]
    assert len(history.loss) == 1 and 0 <= result.mean("no_i") <= 1
    assert result.models["no_i"][0].hidden_size == 4


def test_run_overrides_an_experiment_setting(data, monkeypatch, tmp_path):
    monkeypatch.setenv("LSTM_CACHE", str(tmp_path))
    forget = EXPERIMENTS["forget"]
    result = forget.run(data, seeds=(0,), variants=("full",), batch_size=16, segments=2, digits=2,
                        seed=1, **TINY)
    assert result.settings["batch_size"] == 16 and result.task.args["seed"] == 1  # the task's seed
    again = forget.run(data, seeds=(0,), variants=("full",), batch_size=16, segments=2, digits=2,
                       seed=1, **TINY)
    assert again.cached == 1 and again.histories["full"][0].loss == result.histories["full"][0].loss


@pytest.mark.parametrize("call, match", [
    (lambda d: EXPERIMENTS["input"].run(d, delay=3),
     r"argument `delay`, expected keyword arguments among k, where, noise, seed, hidden_size, "
     r"epochs, batch_size, learning_rate, forget_bias, got \['delay'\]"),
    (lambda d: EXPERIMENTS["output"].run(d, epoch=3, seeds=(0,)), r"argument `epoch`, .*got \['epoch'\]"),
    (lambda d: EXPERIMENTS["output"].build(d, epochs=3),
     r"argument `epochs`, expected keyword arguments among digits, repeats, seed, got \['epochs'\]"),
    (lambda d: EXPERIMENTS["forget"].run(d, segments=0), "argument `segments`"),
    (lambda d: EXPERIMENTS["input"].run(d, seeds=()), "argument `seeds`"),
    (lambda d: EXPERIMENTS["input"].run(d, variants=("no_x",)), "argument `variants`"),
    (lambda d: EXPERIMENTS["input"].run(d, epochs=0), "argument `epochs`"),
    (lambda d: EXPERIMENTS["input"].build(d.x_train), "argument `data`"),
    (lambda d: Experiment("noise"), "argument `task`, expected one of 'plain', 'distractors', "
                                    "'stream', 'delayed', 'segments', 'recall', got 'noise'"),
    (lambda d: Experiment("stream", {"delay": 3}),
     r"argument `args`, expected arguments of lstm.tasks.stream: digits_per_stream, score, seed, "
     r"got \['delay'\]"),
    (lambda d: Experiment("plain", {}, {"epoch": 3}),
     r"argument `settings`, expected names among hidden_size, epochs, batch_size, learning_rate, forget_bias, "
     r"got \['epoch'\]"),
])
def test_bad_arguments(data, call, match, monkeypatch, tmp_path):
    monkeypatch.setenv("LSTM_CACHE", str(tmp_path))
    with pytest.raises(ValueError, match=match):
        call(data)
    assert not list(tmp_path.rglob("*.npz"))


def test_experiments_are_frozen_copies():
    args = {"k": 4}
    experiment = Experiment("distractors", args)
    args["k"] = 5
    assert experiment.args == {"k": 4}
    with pytest.raises(AttributeError):
        experiment.task = "plain"


def test_chapter_calls_share_the_cache_keys(data, monkeypatch, tmp_path):
    # A chapter that calls `ablate` on the same task with the same settings
    # reads the runs that `Experiment.run` (and the benchmark) stored.
    monkeypatch.setenv("LSTM_CACHE", str(tmp_path))
    chapters = {"plain": (tasks.plain(data), {}),
                "input": (tasks.distractors(data, k=16), {}),
                "forget": (tasks.segments(data, segments=3, digits=6, repeats=2), {"batch_size": 32}),
                "output": (tasks.recall(data, digits=2, repeats=4), {}),
                "output_first": (tasks.recall(data, digits=4, repeats=2), {})}
    for key, (task, settings) in chapters.items():
        experiment = EXPERIMENTS[key]
        ours = ablation.cache_path(experiment.build(data), "no_f", 2,
                                   ablation._settings(experiment.settings))
        assert ablation.cache_path(task, "no_f", 2, ablation._settings(settings)) == ours, key
