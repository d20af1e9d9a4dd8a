"""lstm.analysis.row_measures and lstm.analysis.observations: what a model does
after each row, and the numbers chapter 10 quotes."""

import dataclasses

import numpy as np
import pytest

import lstm
from lstm import ablation, tasks
from lstm.ablation import CELL_ARGS
from lstm.analysis import row_measures as rm
from lstm.analysis.observations import observations

B, T, H, K = 40, 8, 5, 10


@pytest.fixture(scope="module")
def model():
    return lstm.RowClassifier(hidden_size=H, seed=0)


@pytest.fixture(scope="module")
def labels():
    return np.arange(B) % K


@pytest.fixture(scope="module")
def trace(model):
    images = np.random.default_rng(2).uniform(size=(B, T, 8)).astype(np.float32)
    return model.trace(images)


@pytest.fixture(scope="module")
def data():
    return lstm.load_digits()


def test_row_summary_by_hand(trace, labels):
    s = rm.row_summary(trace, labels)
    np.testing.assert_array_equal(s["row"], np.arange(1, T + 1))
    for t in (0, 5):
        assert s["i"][t] == pytest.approx(trace.i[:, t].mean())
        assert s["f"][t] == pytest.approx(trace.f[:, t].mean())
        assert s["write"][t] == pytest.approx(np.abs(trace.i[:, t] * trace.z[:, t]).mean())
        assert s["reset"][t] == pytest.approx((trace.f[:, t] < rm.RESET).mean())
        assert s["accuracy"][t] == pytest.approx((trace.probs[:, t].argmax(-1) == labels).mean())
        assert s["p_true"][t] == pytest.approx(np.mean([trace.probs[n, t, labels[n]] for n in range(B)]))
        assert s["p_top"][t] == pytest.approx(trace.probs[:, t].max(-1).mean())


def test_row_summary_rejects_bad_arguments(model, trace, labels):
    with pytest.raises(ValueError, match="argument `trace`, expected an lstm.Trace"):
        rm.row_summary("trace", labels)
    one = model.trace(np.zeros((8, 8), np.float32))
    with pytest.raises(ValueError, match="the trace of a batch"):
        rm.row_summary(one, labels[:1])
    with pytest.raises(ValueError, match="40 labels, one per image"):
        rm.row_summary(trace, labels[:3])


def test_observations_quote_the_summary(model, trace, labels):
    obs = observations(model, trace, labels, digits=(0, 1, 2))
    s = rm.row_summary(trace, labels)
    assert obs["n-test"] == B and obs["units"] == H and obs["rows"] == T and obs["half"] == 4
    assert obs["i-max"] == pytest.approx(s["i"].max())
    assert obs["i-max-row"] == int(np.argmax(s["i"])) + 1
    assert obs["write-ratio"] == pytest.approx(s["write"][-1] / s["write"][0])
    assert obs["sigma-bias"] == pytest.approx(1 / (1 + np.exp(-1.0)))
    assert obs["acc-half"] == pytest.approx(s["accuracy"][3])
    assert obs["acc-last"] == pytest.approx(s["accuracy"][-1])
    assert obs["chance"] == pytest.approx(0.1)
    assert 0 < obs["pc-share"] <= 1
    assert all(isinstance(key, str) and "_" not in key for key in obs)  # glue keys: words-with-hyphens
    with pytest.raises(ValueError, match="argument `model`, expected an lstm.RowClassifier, got Trace"):
        observations(trace, trace, labels)


def _manual_row_accuracy(model, x, target):
    """Per row, the fraction of `x` whose readout after that row is `target`."""
    h = lstm.scan(model.cell, x).h.numpy()  # (n, rows, H)
    logits = h @ model.W_v.numpy() + model.b_v.numpy()  # (n, rows, K)
    return (logits.argmax(-1) == target[:, None]).mean(axis=0)


def test_row_accuracy_of_a_delayed_task(data):
    task = tasks.delayed(data, delay=3)
    x, y = task.x_test[:60], task.y_test[:60]
    model = ablation.run(dataclasses.replace(task, x_train=task.x_train[:96], y_train=task.y_train[:96]),
                         "full", cache=False, hidden_size=6, epochs=2, batch_size=16)[0]
    acc = rm.row_accuracy(model, x, y)
    assert acc.shape == (11,) and np.all((0 <= acc) & (acc <= 1))
    np.testing.assert_allclose(acc, _manual_row_accuracy(model, x, y[:, -1]))
    np.testing.assert_array_equal(rm.row_accuracy(model, x, y[:, -1]), acc)  # labels (n,) alike
    assert acc[-1] == pytest.approx(lstm.accuracy(model, x, y))  # the scored row


def test_row_accuracy_of_one_label_models(data):
    task = tasks.distractors(data, k=2)
    x, y = task.x_test[:40], task.y_test[:40]
    for i, name in enumerate(("full", "no_f", "no_o")):
        model = lstm.RowClassifier(8, 6, task.num_classes, seed=i, **CELL_ARGS[name])
        acc = rm.row_accuracy(model, x, y)
        assert acc.shape == (10,) and np.all((0 <= acc) & (acc <= 1)), name
        np.testing.assert_allclose(acc, _manual_row_accuracy(model, x, y))
        assert acc[-1] == pytest.approx(lstm.accuracy(model, x, y))


def test_row_accuracy_rejects_bad_arguments(model, data):
    x = data.x_test[:4]
    with pytest.raises(ValueError, match="argument `model`, expected an lstm.RowClassifier"):
        rm.row_accuracy(model.cell, x, data.y_test[:4])
    with pytest.raises(ValueError, match=r"argument `y`, expected labels of shape \(4,\) or \(4, rows\)"):
        rm.row_accuracy(model, x, data.y_test[:3])
