"""`lstm.train` and `lstm.accuracy` on tasks with a label per row.

Rows labelled -1 (`tasks.IGNORE`) count neither in the loss nor in the
accuracies: the loss is the mean (or sum) of the cross-entropy over the
scored rows only.
"""

import dataclasses

import numpy as np
import pytest

import lstm
from lstm import tasks


@pytest.fixture(scope="module")
def data():
    return lstm.load_digits()


def _slice(task, n_train=40, n_test=20):
    return dataclasses.replace(task, x_train=task.x_train[:n_train], y_train=task.y_train[:n_train],
                               x_test=task.x_test[:n_test], y_test=task.y_test[:n_test])


@pytest.fixture(scope="module")
def stream_last(data):
    return _slice(tasks.stream(data, digits_per_stream=2, score="last"))  # (40, 16, 8), 2 scored rows


@pytest.fixture(scope="module")
def stream_every(data):
    return _slice(tasks.stream(data, digits_per_stream=2, score="every"))


@pytest.fixture(scope="module")
def delayed(data):
    return _slice(tasks.delayed(data, delay=3))  # (40, 11, 8), last row scored


def _model(task, seed=0, **kwargs):
    kwargs.setdefault("readout", "every")
    return lstm.RowClassifier(8, 6, task.num_classes, seed=seed, **kwargs)


def _fit(task, seed=0, **kwargs):
    model = _model(task, seed)
    kwargs.setdefault("epochs", 2)
    kwargs.setdefault("batch_size", 16)
    return model, lstm.train(model, task, seed=seed, progress=False, **kwargs)


def _cross_entropy(logits, y):
    """Per-row cross-entropy `(n, rows)` of logits `(n, rows, K)` for labels
    `(n, rows)`, in float64; rows labelled -1 give 0."""
    logits = np.asarray(logits, np.float64)
    log_p = logits - logits.max(-1, keepdims=True)
    log_p -= np.log(np.exp(log_p).sum(-1, keepdims=True))
    picked = np.take_along_axis(log_p, np.maximum(y, 0)[..., None], axis=-1)[..., 0]
    return np.where(y >= 0, -picked, 0.0)


@pytest.mark.parametrize("name", ["stream_last", "stream_every", "delayed"])
@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_loss_is_the_cross_entropy_over_the_scored_rows(request, name, reduction):
    # One batch holding the whole training set: the epoch's loss is the loss
    # of the initial weights, computed before the single step.
    task = request.getfixturevalue(name)
    per_row = _cross_entropy(_model(task, seed=5)(task.x_train).numpy(), task.y_train)
    scored = task.y_train >= 0
    expected = per_row.sum() if reduction == "sum" else per_row.sum() / scored.sum()
    _, history = _fit(task, seed=5, epochs=1, batch_size=len(task.x_train), reduction=reduction)
    assert history.loss[0] == pytest.approx(expected, rel=1e-5)
    if name != "stream_every":  # the plain mean over every row would differ
        assert expected != pytest.approx(per_row.mean(), rel=1e-3)


def test_ignored_rows_add_nothing_to_the_gradient(data):
    # delayed(delay=k) holds the same sequences as distractors(k) (same noise
    # seed) but labels only the last row: a model reading every row must
    # train exactly like one reading only the last row.
    one = _slice(tasks.distractors(data, k=3))
    per_row = _slice(tasks.delayed(data, delay=3))
    np.testing.assert_array_equal(one.x_train, per_row.x_train)
    np.testing.assert_array_equal(one.y_train, per_row.y_train[:, -1])
    last, every = _model(one, seed=2, readout="last"), _model(per_row, seed=2)
    h_last = lstm.train(last, one, epochs=3, batch_size=16, seed=2, progress=False)
    h_every = lstm.train(every, per_row, epochs=3, batch_size=16, seed=2, progress=False)
    np.testing.assert_allclose(h_every.loss, h_last.loss, rtol=1e-5)
    assert h_every.test_acc == h_last.test_acc and h_every.acc == h_last.acc
    for a, b in zip(every.trainable_variables, last.trainable_variables):
        np.testing.assert_allclose(a.numpy(), b.numpy(), atol=1e-5)


def test_accuracy_counts_only_the_scored_rows(stream_every):
    model, history = _fit(stream_every, epochs=2)
    # Ignore a random half of the rows (keeping one per sequence), so that
    # batches hold different numbers of scored rows.
    y = stream_every.y_test.copy()
    rng = np.random.default_rng(0)
    y[rng.random(y.shape) < 0.5] = tasks.IGNORE
    y[:, -1] = stream_every.y_test[:, -1]
    predicted = model.predict(stream_every.x_test)  # (20, 16)
    scored = y >= 0
    expected = np.mean(predicted[scored] == y[scored])
    for batch_size in (512, 3, 1):
        assert lstm.accuracy(model, stream_every.x_test, y, batch_size=batch_size) == pytest.approx(expected)
    assert history.test_acc[-1] == lstm.accuracy(model, stream_every.x_test, stream_every.y_test)
    assert history.acc[-1] == lstm.accuracy(model, stream_every.x_train, stream_every.y_train)


def test_history_of_a_per_row_task(stream_last):
    model, history = _fit(stream_last, epochs=3, schedule="cosine")
    for field in ("loss", "acc", "val_acc", "test_acc", "seconds"):
        assert len(getattr(history, field)) == 3, field
    assert np.all(np.isfinite(history.loss)) and history.loss[-1] < history.loss[0]
    assert all(0 <= a <= 1 for a in history.acc + history.test_acc)
    scored = stream_last.y_test >= 0
    predicted = model.predict(stream_last.x_test)
    assert history.test_acc[-1] == pytest.approx(np.mean(predicted[scored] == stream_last.y_test[scored]))


def test_validation_split_of_a_per_row_task():
    d = lstm.load_digits(validation_size=0.1)
    task = _slice(tasks.delayed(d, delay=2))
    model, history = _fit(task, epochs=1)
    assert history.val_on == "validation"
    assert history.val_acc[-1] == lstm.accuracy(model, task.x_val, task.y_val)
    assert history.test_acc[-1] == lstm.accuracy(model, task.x_test, task.y_test)


def test_sum_reduction_trains(delayed):
    # Batches of 20 sequences score 20 rows each: the summed loss is 20 times
    # the mean, and Adam, blind to a constant scale of the gradients (its
    # epsilon aside), takes the same steps.
    model_mean, mean = _fit(delayed, epochs=2, batch_size=20)
    model_sum, total = _fit(delayed, epochs=2, batch_size=20, reduction="sum")
    assert np.all(np.isfinite(total.loss))
    np.testing.assert_allclose(total.loss, 20 * np.array(mean.loss), rtol=1e-4)
    for a, b in zip(model_sum.trainable_variables, model_mean.trainable_variables):
        np.testing.assert_allclose(a.numpy(), b.numpy(), atol=1e-4)


def test_wait_labels_train_with_eleven_classes(data):
    task = _slice(tasks.delayed(data, delay=2, wait=True))
    model, history = _fit(task, epochs=1)
    assert model.num_classes == 11 and np.isfinite(history.loss[0])
    predicted = model.predict(task.x_test)
    assert history.test_acc[-1] == pytest.approx(np.mean(predicted == task.y_test))  # every row scored


def test_same_seed_same_history(stream_last):
    a, b = _fit(stream_last, seed=3)[1], _fit(stream_last, seed=3)[1]
    for field in ("loss", "acc", "val_acc", "test_acc"):
        assert getattr(a, field) == getattr(b, field), field
    assert _fit(stream_last, seed=4)[1].loss != a.loss


def _with_labels(task, y):
    return dataclasses.replace(task, y_train=y)


def _bad_cases(data, stream_last):
    y = stream_last.y_train
    out_of_range, minus_two, unscored = y.copy(), y.copy(), y.copy()
    out_of_range[0, -1] = 10
    minus_two[1, 3] = -2
    unscored[2] = tasks.IGNORE
    n = len(y)
    return [
        (stream_last, _model(stream_last, readout="last"),
         "argument `model`, expected a model with readout='every' for a task with a label per "
         "row, got a model with readout='last'"),
        (_slice(tasks.plain(data)), _model(stream_last),
         "argument `model`, expected a model with readout='last' for data with one label per "
         "sequence, got a model with readout='every'"),
        (dataclasses.replace(data, x_train=data.x_train[:40], y_train=data.y_train[:40]),
         _model(stream_last), "expected a model with readout='last' for data with one label"),
        (_slice(tasks.delayed(data, delay=2, wait=True)), _model(stream_last),
         "argument `model`, expected a model with num_classes=11 for the delayed task, "
         "got a model with num_classes=10"),
        (_slice(tasks.delayed(data, delay=2)), lstm.RowClassifier(8, 6, 11, readout="every"),
         "expected a model with num_classes=10 for the delayed task, got a model with num_classes=11"),
        (_with_labels(stream_last, out_of_range), _model(stream_last),
         r"argument `data.y_train`, expected labels in \[0, 10\) or -1 for a row not scored, "
         r"got labels from -1 to 10"),
        (_with_labels(stream_last, minus_two), _model(stream_last),
         r"`data.y_train`, expected labels in \[0, 10\) or -1 for a row not scored, got labels from -2 to"),
        (_with_labels(stream_last, unscored), _model(stream_last),
         r"`data.y_train`, expected at least one scored row \(label >= 0\) per sequence, "
         r"got 1 sequence\(s\) with every row -1"),
        (_with_labels(stream_last, y[:, :-1]), _model(stream_last),
         "`data.y_train`, expected 16 labels per sequence, one per row, got 15 labels per sequence"),
        (_with_labels(stream_last, y[:-1]), _model(stream_last),
         f"`data.y_train`, expected {n} labels, one per image, got {n - 1} labels"),
        (_with_labels(stream_last, y + 0.5), _model(stream_last),
         "`data.y_train`, expected integer labels, got dtype float64"),
    ]


def test_bad_per_row_data_and_models(data, stream_last):
    for task, model, match in _bad_cases(data, stream_last):
        with pytest.raises(ValueError, match=match):
            lstm.train(model, task, epochs=1, progress=False)


def _tiny(task, n=24):
    import dataclasses

    return dataclasses.replace(task, x_train=task.x_train[:n], y_train=task.y_train[:n],
                               x_test=task.x_test[:n], y_test=task.y_test[:n])


@pytest.mark.parametrize("change, match", [
    (lambda t: dict(y_test=t.y_test[:, 1:]),
     r"argument `data.y_test`, expected 11 labels per sequence, one per row, got 10 labels per sequence"),
    (lambda t: dict(y_test=t.y_test[:, -1]),
     r"argument `data.y_test`, expected a non-empty array of integer labels of shape \(n, rows\), "
     r"got an array of shape \(24,\)"),
    (lambda t: dict(x_test=t.x_test[:, :-1]),
     r"argument `data.x_test`, expected sequences of 11 rows, as in data.x_train, got an array of "
     r"shape \(24, 10, 8\)"),
    (lambda t: dict(y_test=np.where(t.y_test >= 0, 12, -1)),
     r"argument `data.y_test`, expected labels in \[0, 10\) or -1 for a row not scored, got labels "
     r"from -1 to 12"),
])
def test_bad_test_split_is_named_before_training(data, change, match):
    import dataclasses

    task = _tiny(tasks.delayed(data, delay=3))
    model = lstm.RowClassifier(hidden_size=4, readout="every", seed=0)
    before = [w.numpy().copy() for w in model.trainable_variables]
    with pytest.raises(ValueError, match=match):
        lstm.train(model, dataclasses.replace(task, **change(task)), epochs=1, progress=False)
    for w, w0 in zip(model.trainable_variables, before):  # nothing was trained
        np.testing.assert_array_equal(w.numpy(), w0)


def test_accuracy_checks_labels_against_the_readout(data):
    task = _tiny(tasks.delayed(data, delay=3))
    every = lstm.RowClassifier(hidden_size=4, readout="every", seed=0)
    last = lstm.RowClassifier(hidden_size=4, seed=0)
    assert 0.0 <= lstm.accuracy(every, task.x_test, task.y_test) <= 1.0
    with pytest.raises(ValueError, match=r"argument `y`, expected a non-empty array of integer labels of "
                                         r"shape \(n,\), got an array of shape \(24, 11\)"):
        lstm.accuracy(last, task.x_test, task.y_test)
    with pytest.raises(ValueError, match=r"argument `y`, expected a non-empty array of integer labels of "
                                         r"shape \(n, rows\), got an array of shape \(24,\)"):
        lstm.accuracy(every, task.x_test, task.y_test[:, -1])
