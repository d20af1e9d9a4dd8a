"""`lstm.ablation`: every variant on every task, the cache, the summary numbers."""

import dataclasses
import logging

import numpy as np
import pytest

import lstm
from lstm import ablation, tasks
from lstm.ablation import VARIANTS

TINY = dict(hidden_size=4, epochs=1, batch_size=16)
LEFT_OUT = {"full": None, "no_i": "i", "no_f": "f", "no_o": "o", "no_tanh": None}


@pytest.fixture(scope="module")
def data():
    return lstm.load_digits()


def _tiny(task, n_train=48, n_test=24):
    return dataclasses.replace(task, x_train=task.x_train[:n_train], y_train=task.y_train[:n_train],
                               x_test=task.x_test[:n_test], y_test=task.y_test[:n_test])


MAKERS = {
    "plain": tasks.plain,
    "distractors": lambda d: tasks.distractors(d, k=2),
    "stream": lambda d: tasks.stream(d, digits_per_stream=2, score="last"),
    "delayed": lambda d: tasks.delayed(d, delay=2),
}


@pytest.fixture(scope="module")
def plain(data):
    return _tiny(tasks.plain(data))


@pytest.mark.parametrize("name", list(MAKERS))
def test_every_variant_trains_on_every_task(data, name, caplog):
    task = _tiny(MAKERS[name](data))
    with caplog.at_level(logging.WARNING):
        result = ablation.ablate(task, seeds=(0,), cache=False, **TINY)
    # Five fresh models in a row: TensorFlow's retracing warning stays quiet.
    assert not [r for r in caplog.records if "retracing" in r.getMessage()]
    assert result.variants == VARIANTS and result.seeds == (0,) and result.cached == 0
    assert result.settings == {**ablation.SETTINGS, **TINY} and result.task is task
    for variant in VARIANTS:
        (model,), (history,) = result.models[variant], result.histories[variant]
        for field in ("loss", "acc", "val_acc", "test_acc", "seconds"):
            assert len(getattr(history, field)) == 1, (variant, field)
        assert np.isfinite(history.loss[0]) and 0 < history.loss[0] < 10
        assert 0 <= history.acc[0] <= 1 and 0 <= history.test_acc[0] <= 1
        assert history.test_acc[-1] == lstm.accuracy(model, task.x_test, task.y_test)
        np.testing.assert_array_equal(result.scores(variant), [history.test_acc[-1]])
        _check_variant(model, task, variant)


def _check_variant(model, task, variant):
    assert model.hidden_size == 4 and model.num_classes == task.num_classes
    assert model.readout == ("every" if task.per_row else "last")
    left_out = LEFT_OUT[variant]
    assert model.cell.gates == tuple(g for g in "ifo" if g != left_out)
    assert model.cell.cell_tanh == (variant != "no_tanh")
    trace = model.trace(task.x_test)
    for gate in "ifo":
        values = getattr(trace, gate)
        if gate == left_out:
            assert np.all(values == 1.0), (variant, gate)
        else:
            assert not np.all(values == 1.0) and np.all(values < 1.0), (variant, gate)
    squashed = trace.c if variant == "no_tanh" else np.tanh(trace.c)
    np.testing.assert_allclose(trace.h, trace.o * squashed, atol=1e-6)


def test_cache_reloads_the_same_runs(plain, monkeypatch, tmp_path):
    monkeypatch.setenv("LSTM_CACHE", str(tmp_path))
    kwargs = dict(variants=("full", "no_f"), **TINY)
    first = ablation.ablate(plain, seeds=(0, 1), **kwargs)
    assert first.cached == 0
    files = sorted((tmp_path / "ablation").glob("*.npz"))
    assert len(files) == 4 and all(f.name.startswith("plain-") for f in files)
    # Equal arguments in other containers give the same keys.
    second = ablation.ablate(plain, seeds=np.array([0, 1]), **{**kwargs, "variants": ["full", "no_f"]})
    assert second.cached == len(second.variants) * len(second.seeds) == 4
    assert second.seeds == (0, 1)
    for variant in ("full", "no_f"):
        for a, b, model_a, model_b in zip(first.histories[variant], second.histories[variant],
                                          first.models[variant], second.models[variant]):
            assert a.loss == b.loss and a.test_acc == b.test_acc and a.acc == b.acc
            for x, y in zip(model_a.trainable_variables, model_b.trainable_variables):
                np.testing.assert_array_equal(x.numpy(), y.numpy())
        np.testing.assert_array_equal(first.scores(variant), second.scores(variant))
    model, history = ablation.run(plain, "no_f", seed=1, **TINY)  # one run, from the cache
    assert history.loss == first.histories["no_f"][1].loss
    assert model.cell.gates == ("i", "o")
    third = ablation.ablate(plain, seeds=(0, 1, 2), **kwargs)  # seed 2 is new
    assert third.cached == 4 and len(list((tmp_path / "ablation").glob("*.npz"))) == 6


@pytest.mark.slow  # starts other processes or trains several models
def test_workers_train_the_same_runs_in_other_processes(plain, monkeypatch, tmp_path):
    # Two spawned processes, one TensorFlow thread each, give the runs of one process
    # bit for bit: the cache does not depend on how the runs were trained.
    kwargs = dict(variants=("full", "no_o"), seeds=(0, 1), **TINY)
    monkeypatch.setenv("LSTM_CACHE", str(tmp_path / "here"))
    here = ablation.ablate(plain, **kwargs)
    monkeypatch.setenv("LSTM_CACHE", str(tmp_path / "workers"))
    there = ablation.ablate(plain, workers=2, **kwargs)
    assert there.cached == 0 and len(list((tmp_path / "workers").rglob("*.npz"))) == 4
    for variant in kwargs["variants"]:
        for a, b, model_a, model_b in zip(here.histories[variant], there.histories[variant],
                                          here.models[variant], there.models[variant]):
            assert a.loss == b.loss and a.test_acc == b.test_acc
            for x, y in zip(model_a.trainable_variables, model_b.trainable_variables):
                np.testing.assert_array_equal(x.numpy(), y.numpy())
    again = ablation.ablate(plain, workers=2, **kwargs)  # all cached: no process is started
    assert again.cached == 4


def test_no_cache_writes_nothing(plain, monkeypatch, tmp_path):
    monkeypatch.setenv("LSTM_CACHE", str(tmp_path))
    ablation.run(plain, "no_o", cache=False, **TINY)
    assert not list(tmp_path.rglob("*.npz"))


def test_cache_path_depends_on_every_argument(data, plain, monkeypatch, tmp_path):
    monkeypatch.setenv("LSTM_CACHE", str(tmp_path))
    settings = ablation._settings(TINY)
    path = ablation.cache_path(plain, "full", 0, settings)
    assert path.parent == tmp_path / "ablation" and path.name.startswith("plain-full-seed0-")
    assert ablation.cache_path(plain, "full", 0, dict(settings)) == path
    others = [
        ablation.cache_path(plain, "no_i", 0, settings),
        ablation.cache_path(plain, "full", 1, settings),
        ablation.cache_path(plain, "full", 0, {**settings, "epochs": 2}),
        ablation.cache_path(plain, "full", 0, {**settings, "learning_rate": 3e-3}),
        ablation.cache_path(plain, "full", 0, {**settings, "hidden_size": 5}),
        ablation.cache_path(plain, "full", 0, {**settings, "batch_size": 8}),
        ablation.cache_path(_tiny(tasks.plain(data), n_train=47), "full", 0, settings),
        ablation.cache_path(dataclasses.replace(plain, args={"k": 1}), "full", 0, settings),
    ]
    assert len({path, *others}) == 1 + len(others)
    k2 = _tiny(tasks.distractors(data, k=2))
    assert ablation.cache_path(k2, "full", 0, settings) != ablation.cache_path(
        _tiny(tasks.distractors(data, k=3)), "full", 0, settings)
    assert ablation.cache_path(k2, "full", 0, settings) != ablation.cache_path(
        _tiny(tasks.distractors(data, k=2, seed=1)), "full", 0, settings)


def _history(test_acc):
    n = len(test_acc)
    return lstm.History(loss=[1.0] * n, acc=list(test_acc), val_acc=list(test_acc),
                        test_acc=list(test_acc), seconds=[0.0] * n)


def test_summary_numbers(plain):
    result = ablation.Ablation(plain, ("full", "no_f"), (0, 1, 2), dict(ablation.SETTINGS), histories={
        "full": [_history([0.1, 0.5]), _history([0.2, 0.7]), _history([0.3, 0.9])],
        "no_f": [_history([0.75]), _history([0.75]), _history([0.75])],
    })
    np.testing.assert_array_equal(result.scores("full"), [0.5, 0.7, 0.9])
    assert result.mean("full") == pytest.approx(0.7)
    assert result.sd("full") == pytest.approx(0.2)  # ddof=1; ddof=0 would give 0.163
    assert result.mean("no_f") == 0.75 and result.sd("no_f") == 0.0
    assert result.best() == "no_f"
    one = ablation.Ablation(plain, ("full",), (4,), {}, histories={"full": [_history([0.6])]})
    assert one.mean("full") == 0.6 and one.sd("full") == 0.0 and one.best() == "full"
    with pytest.raises(ValueError, match="argument `variant`, expected one of 'full', 'no_f', got 'no_i'"):
        result.scores("no_i")


def test_summary_of_a_real_ablation(plain):
    result = ablation.ablate(plain, variants=("no_o", "full"), seeds=(3, 1), cache=False, **TINY)
    for variant in ("no_o", "full"):
        scores = [h.test_acc[-1] for h in result.histories[variant]]
        np.testing.assert_array_equal(result.scores(variant), scores)
        assert result.mean(variant) == pytest.approx(np.mean(scores))
        assert result.sd(variant) == pytest.approx(np.std(scores, ddof=1))
    assert result.best() == max(("no_o", "full"), key=lambda v: np.mean(result.scores(v)))
    assert result.seconds > 0
    # Runs are in seed order, each seeded by its seed.
    _, history = ablation.run(plain, "full", seed=1, cache=False, **TINY)
    assert history.loss == result.histories["full"][1].loss


SETTINGS_NAMES = r"hidden_size, epochs, batch_size, learning_rate, forget_bias"
VARIANT_NAMES = ("'full', 'no_i', 'no_f', 'no_o', 'no_tanh', 'carousel', 'coupled', 'peepholes', 'gru', 'rnn', "
                 "'rnn_x3', 'rnn_x3_clip'")


@pytest.mark.parametrize("call, match", [
    (lambda t: ablation.run(t, "no_x"), f"argument `variant`, expected one of {VARIANT_NAMES}, got 'no_x'"),
    (lambda t: ablation.run(t, seed=-1), "argument `seed`, expected a non-negative integer, got -1"),
    (lambda t: ablation.run(t, seed=1.5), "argument `seed`, expected a non-negative integer, got 1.5"),
    (lambda t: ablation.run(t, seed=True), "argument `seed`, expected a non-negative integer, got True"),
    (lambda t: ablation.run(t, hidden=4),
     rf"argument `hidden`, expected keyword arguments among {SETTINGS_NAMES}, got \['hidden'\]"),
    (lambda t: ablation.run(t, epochs=0), "argument `epochs`, expected a positive integer, got 0"),
    (lambda t: ablation.run(t, hidden_size=2.5), "argument `hidden_size`, expected a positive integer, got 2.5"),
    (lambda t: ablation.run(t, batch_size=-8), "argument `batch_size`, expected a positive integer, got -8"),
    (lambda t: ablation.run(t, learning_rate=0),
     "argument `learning_rate`, expected a positive finite number, got 0"),
    (lambda t: ablation.run(t.as_digits()), r"argument `task`, expected an lstm.tasks.Task .*, got Digits"),
    (lambda t: ablation.ablate("plain"), "argument `task`, expected an lstm.tasks.Task .*, got str"),
    (lambda t: ablation.ablate(t, epoch=3), r"argument `epoch`, expected keyword arguments .*got \['epoch'\]"),
    (lambda t: ablation.ablate(t, variants=("full", "no_x")),
     f"argument `variants`, expected one of {VARIANT_NAMES}, got 'no_x'"),
    (lambda t: ablation.ablate(t, variants=("no_f", "full", "no_f")),
     r"argument `variants`, expected distinct names, got \('no_f', 'full', 'no_f'\)"),
    (lambda t: ablation.ablate(t, variants=()),
     r"argument `variants`, expected a non-empty sequence of names from "
     r"full, no_i, no_f, no_o, no_tanh, carousel, coupled, peepholes, gru, rnn, rnn_x3, rnn_x3_clip, got \(\)"),
    (lambda t: ablation.ablate(t, variants="full"),
     "argument `variants`, expected a non-empty sequence .*, got 'full'"),
    (lambda t: ablation.ablate(t, seeds=()),
     r"argument `seeds`, expected a non-empty sequence of non-negative integers, got \(\)"),
    (lambda t: ablation.ablate(t, seeds=[]), r"argument `seeds`, expected a non-empty sequence .*, got \[\]"),
    (lambda t: ablation.ablate(t, seeds=3), "argument `seeds`, expected a non-empty sequence .*, got 3"),
    (lambda t: ablation.ablate(t, seeds=np.int64(3)), "argument `seeds`, expected a non-empty sequence"),
    (lambda t: ablation.ablate(t, seeds=(0, -1)),
     r"argument `seeds`, expected a non-empty sequence of non-negative integers, got \(0, -1\)"),
    (lambda t: ablation.ablate(t, seeds=(0, 1.0)), r"argument `seeds`, .*, got \(0, 1.0\)"),
    (lambda t: ablation.ablate(t, seeds=(True,)), r"argument `seeds`, .*, got \(True,\)"),
    (lambda t: ablation.ablate(t, seeds=(2, 2)), r"argument `seeds`, expected distinct seeds, got \(2, 2\)"),
    (lambda t: ablation.ablate(t, workers=0), "argument `workers`, expected a positive integer, got 0"),
    (lambda t: ablation.ablate(t, workers=2, cache=False),
     r"argument `workers`, expected 1 when cache=False \(other processes hand their runs over through the "
     r"cache\), got 2"),
    (lambda t: ablation._settings({"epochs": 2, "lr": 1e-3}),
     rf"argument `lr`, expected keyword arguments among {SETTINGS_NAMES}, got \['lr'\]"),
    (lambda t: ablation._settings({"learning_rate": float("nan")}),
     "argument `learning_rate`, expected a positive finite number, got nan"),
])
def test_bad_arguments(plain, call, match, monkeypatch, tmp_path):
    monkeypatch.setenv("LSTM_CACHE", str(tmp_path))
    with pytest.raises(ValueError, match=match):
        call(plain)
    assert not list(tmp_path.rglob("*.npz"))  # nothing was trained


def test_settings_fill_in_the_defaults():
    assert ablation._settings({}) == ablation.SETTINGS
    assert ablation._settings({"epochs": 2}) == {**ablation.SETTINGS, "epochs": 2}
    assert ablation.SETTINGS == dict(hidden_size=32, epochs=30, batch_size=64, learning_rate=1e-2,
                                     forget_bias=1.0)
    assert set(ablation.SPECS) == set(VARIANTS + ablation.EXTRA_VARIANTS)
    assert not set(VARIANTS) & set(ablation.EXTRA_VARIANTS)
    assert set(ablation.CELL_ARGS) == {n for n, s in ablation.SPECS.items() if s.model == "lstm"}
    assert ablation.CELL_ARGS["carousel"] == {"gates": ("o",)}
    assert ablation.SPECS["rnn_x3_clip"].clipnorm == 1.0 and ablation.SPECS["rnn_x3"].clipnorm is None


def test_every_variant_builds_its_model_and_the_clipped_one_clips(monkeypatch, tmp_path):
    from lstm.gru import GRUClassifier
    from lstm.rnn import RNNClassifier

    monkeypatch.setenv("LSTM_CACHE", str(tmp_path))
    data = lstm.load_digits()
    one, every = tasks.distractors(data, k=2, noise=0.0), tasks.stream(data, digits_per_stream=2)
    kinds = {"lstm": lstm.RowClassifier, "gru": GRUClassifier, "rnn": RNNClassifier}
    for name, spec in ablation.SPECS.items():
        for task, readout in ((one, "last"), (every, "every")):
            model = ablation.build(task, name, seed=0, hidden_size=3)
            assert type(model) is kinds[spec.model] and model.readout == readout, name
    assert ablation.build(one, "rnn_x3", seed=0, hidden_size=3).cell.recurrent_scale == 3.0
    assert ablation.build(one, "coupled", seed=0, hidden_size=3).cell.coupled
    assert ablation.build(one, "peepholes", seed=0, hidden_size=3).cell.peepholes
    assert [n for n, s in ablation.SPECS.items() if s.learns_forget_gate] == [
        "full", "no_i", "no_o", "no_tanh", "coupled", "peepholes"]
    long = tasks.distractors(data, k=24, noise=0.0)
    _, clipped = ablation.run(long, "rnn_x3_clip", seed=0, epochs=1, hidden_size=8, cache=False)
    _, free = ablation.run(long, "rnn_x3", seed=0, epochs=1, hidden_size=8, cache=False)
    assert clipped.clipnorm == 1.0 and free.clipnorm is None and free.clipped == [0.0]
    assert clipped.grad_norm_max[0] > 1.0 and clipped.clipped[0] > 0.0  # it explodes, and is clipped
