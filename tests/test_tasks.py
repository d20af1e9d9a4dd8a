import dataclasses
from collections import Counter

import numpy as np
import pytest

import lstm
from lstm import tasks


@pytest.fixture(scope="module")
def data():
    return lstm.load_digits()


@pytest.fixture(scope="module")
def small():
    """A few images per split, with a validation set, for quick checks."""
    d = lstm.load_digits(validation_size=0.1)
    return dataclasses.replace(d, x_train=d.x_train[:40], y_train=d.y_train[:40],
                               x_test=d.x_test[:20], y_test=d.y_test[:20],
                               x_val=d.x_val[:12], y_val=d.y_val[:12])


def images_bytes(x):
    return [image.tobytes() for image in x]


def _splits(task):
    return [(task.x_train, task.y_train), (task.x_test, task.y_test)] + (
        [(task.x_val, task.y_val)] if task.x_val is not None else [])


def _check_dtypes(task):
    for x, y in _splits(task):
        assert x.dtype == np.float32 and y.dtype == np.int64
        assert x.ndim == 3 and x.shape[2] == 8 and len(y) == len(x)


def test_plain_is_the_digits(data):
    task = tasks.plain(data)
    _check_dtypes(task)
    np.testing.assert_array_equal(task.x_train, data.x_train)
    np.testing.assert_array_equal(task.y_test, data.y_test)
    assert task.name == "plain" and task.args == {} and task.rows == 8 and not task.per_row
    assert task.x_val is None and task.num_classes == 10 and task.boundaries is None
    assert repr(task) == "Task(plain(), rows=8, train=1437, test=360)"


@pytest.mark.parametrize("where", ["after", "before"])
def test_distractors_keep_the_image_rows_and_labels(data, where):
    task = tasks.distractors(data, k=5, where=where, noise=0.5, seed=3)
    _check_dtypes(task)
    assert task.x_train.shape == (1437, 13, 8) and task.y_train.shape == (1437,)
    assert task.x_test.shape == (360, 13, 8) and task.rows == 13 and not task.per_row
    image, eps = (slice(0, 8), slice(8, 13)) if where == "after" else (slice(5, 13), slice(0, 5))
    np.testing.assert_array_equal(task.x_train[:, image], data.x_train)
    np.testing.assert_array_equal(task.x_test[:, image], data.x_test)
    np.testing.assert_array_equal(task.y_train, data.y_train)
    noise = task.x_train[:, eps]
    assert 0.0 <= noise.min() and noise.max() <= 0.5 and noise.max() > 0.49
    assert abs(noise.mean() - 0.25) < 0.01  # uniform on [0, 0.5]
    assert task.args == dict(k=5, where=where, noise=0.5, seed=3)


def test_noise_scales_with_raw_pixels_and_can_be_zero():
    raw = lstm.load_digits(scale=False)
    noise = tasks.distractors(raw, k=3).x_train[:, 8:]
    assert noise.max() <= 16.0 and noise.max() > 15.9
    assert not tasks.distractors(raw, k=3, noise=0).x_train[:, 8:].any()  # blank rows


def test_noise_carries_no_label_information(data):
    # The noise depends on the seed and the number of images only: relabelling
    # or reordering the images leaves it unchanged.
    shuffled = np.random.default_rng(0).permutation(len(data.y_train))
    other = dataclasses.replace(data, x_train=data.x_train[shuffled], y_train=(data.y_train + 3) % 10)
    for make in (lambda d: tasks.distractors(d, k=4, seed=1).x_train[:, 8:],
                 lambda d: tasks.distractors(d, k=4, where="before", seed=1).x_train[:, :4],
                 lambda d: tasks.delayed(d, delay=4, seed=1).x_train[:, 8:]):
        np.testing.assert_array_equal(make(data), make(other))
    # and its per-class means are the same up to sampling error.
    noise = tasks.distractors(data, k=20, seed=2).x_train[:, 8:]
    means = np.array([noise[data.y_train == c].mean() for c in range(10)])
    assert np.all(np.abs(means - 0.5) < 0.02)


def test_stream_concatenates_digits_with_a_label_at_every_row(data):
    task = tasks.stream(data, digits_per_stream=4, seed=7)
    _check_dtypes(task)
    assert task.x_train.shape == (359, 32, 8) and task.y_train.shape == (359, 32)
    assert task.x_test.shape == (90, 32, 8) and task.per_row
    np.testing.assert_array_equal(task.boundaries, [0, 8, 16, 24])
    # every 8-row block is one whole digit of the split, used at most once
    images = {x.tobytes(): y for x, y in zip(data.x_train, data.y_train)}
    blocks = task.x_train.reshape(359 * 4, 8, 8)
    labels = task.y_train.reshape(359 * 4, 8)
    assert np.all(labels == labels[:, :1])  # the same label on the 8 rows of a digit
    assert [images[b.tobytes()] for b in blocks] == list(labels[:, 0])
    used, available = Counter(b.tobytes() for b in blocks), Counter(images_bytes(data.x_train))
    assert sum(used.values()) == 1436 and all(used[b] <= available[b] for b in used)  # each at most once
    assert len(np.unique(task.y_train[:, ::8])) == 10


def test_stream_scores_only_the_last_row_of_each_digit(data):
    every = tasks.stream(data, digits_per_stream=3, seed=1)
    last = tasks.stream(data, digits_per_stream=3, score="last", seed=1)
    np.testing.assert_array_equal(every.x_test, last.x_test)
    scored = np.array([t % 8 == 7 for t in range(24)])
    assert np.all(last.y_test[:, ~scored] == tasks.IGNORE)
    np.testing.assert_array_equal(last.y_test[:, scored], every.y_test[:, scored])
    assert last.args == dict(digits_per_stream=3, score="last", seed=1)


def test_stream_of_one_digit_is_a_shuffle(data):
    task = tasks.stream(data, digits_per_stream=1, seed=0)
    assert task.x_test.shape == (360, 8, 8) and task.y_test.shape == (360, 8)
    assert Counter(images_bytes(task.x_test)) == Counter(images_bytes(data.x_test))
    assert sorted(task.y_test[:, 0]) == sorted(data.y_test)
    assert not np.array_equal(task.y_test[:, 0], data.y_test)  # shuffled


def test_delayed_scores_only_the_last_row(data):
    task = tasks.delayed(data, delay=6, noise=1.0, seed=0)
    _check_dtypes(task)
    assert task.x_train.shape == (1437, 14, 8) and task.y_train.shape == (1437, 14)
    np.testing.assert_array_equal(task.x_train[:, :8], data.x_train)
    np.testing.assert_array_equal(task.y_train[:, -1], data.y_train)
    assert np.all(task.y_train[:, :-1] == tasks.IGNORE) and tasks.IGNORE == -1
    assert task.num_classes == 10 and task.per_row
    noise = task.x_test[:, 8:]
    assert 0.0 <= noise.min() and noise.max() <= 1.0 and abs(noise.mean() - 0.5) < 0.01


def test_delayed_with_wait_labels_an_eleventh_class(data):
    task = tasks.delayed(data, delay=2, wait=True)
    assert task.num_classes == 11 and tasks.WAIT == 10
    assert np.all(task.y_test[:, :-1] == 10)
    np.testing.assert_array_equal(task.y_test[:, -1], data.y_test)
    np.testing.assert_array_equal(task.x_test, tasks.delayed(data, delay=2).x_test)


def test_validation_split_is_carried_through(small):
    for task in (tasks.plain(small), tasks.distractors(small, k=2), tasks.delayed(small, delay=2),
                 tasks.stream(small, digits_per_stream=5)):
        _check_dtypes(task)
        assert task.x_val is not None and task.x_val.shape[1] == task.rows
        assert "val=" in repr(task)
    assert tasks.stream(small, digits_per_stream=5).x_val.shape == (2, 40, 8)
    np.testing.assert_array_equal(tasks.distractors(small, k=2).x_val[:, :8], small.x_val)


@pytest.mark.parametrize("make", [
    lambda d, s: tasks.distractors(d, k=3, seed=s),
    lambda d, s: tasks.distractors(d, k=3, where="before", seed=s),
    lambda d, s: tasks.stream(d, digits_per_stream=5, seed=s),
    lambda d, s: tasks.delayed(d, delay=3, seed=s),
])
def test_reproducible_for_a_seed_and_different_across_seeds(small, make):
    a, b, c = make(small, 0), make(small, 0), make(small, 1)
    for (xa, ya), (xb, yb), (xc, _) in zip(_splits(a), _splits(b), _splits(c)):
        np.testing.assert_array_equal(xa, xb)
        np.testing.assert_array_equal(ya, yb)
        assert not np.array_equal(xa, xc)
    # train and test draw from different noise streams
    assert not np.array_equal(a.x_train[:20], a.x_test[:20])


def test_tasks_are_frozen(small):
    task = tasks.plain(small)
    with pytest.raises(dataclasses.FrozenInstanceError):
        task.name = "other"


def test_one_label_tasks_train_with_lstm_train(small):
    task = tasks.distractors(small, k=2)
    digits = task.as_digits()
    assert isinstance(digits, lstm.Digits) and digits.scaled and digits.x_train is task.x_train
    assert digits.y_val is task.y_val and digits.x_test is task.x_test
    model = lstm.RowClassifier(hidden_size=4, seed=0)
    history = lstm.train(model, digits, epochs=1, progress=False)
    assert len(history.loss) == 1 and np.isfinite(history.loss[0])
    assert not tasks.plain(lstm.load_digits(scale=False)).as_digits().scaled


@pytest.mark.parametrize("call, match", [
    (lambda d: tasks.plain(d.x_train), "`data`, expected a `Digits` record from `lstm.load_digits\\(\\)`, got ndarray"),
    (lambda d: tasks.distractors(d, k=0), "`k`, expected a positive integer, got 0"),
    (lambda d: tasks.distractors(d, k=2.0), "`k`, expected a positive integer, got 2.0"),
    (lambda d: tasks.distractors(d, k=True), "`k`, expected a positive integer, got True"),
    (lambda d: tasks.distractors(d, k=2, where="middle"), "`where`, expected one of 'after', 'before', got 'middle'"),
    (lambda d: tasks.distractors(d, k=2, noise=-0.1), "`noise`, expected a non-negative finite number, got -0.1"),
    (lambda d: tasks.distractors(d, k=2, noise=float("nan")),
     "`noise`, expected a non-negative finite number, got nan"),
    (lambda d: tasks.distractors(d, k=2, noise=float("inf")),
     "`noise`, expected a non-negative finite number, got inf"),
    (lambda d: tasks.distractors(d, k=2, noise="1"), "`noise`, expected a non-negative finite number, got '1'"),
    (lambda d: tasks.distractors(d, k=2, seed=-1), "`seed`, expected a non-negative integer, got -1"),
    (lambda d: tasks.distractors(d, k=2, seed=1.5), "`seed`, expected a non-negative integer, got 1.5"),
    (lambda d: tasks.distractors(None, k=2), "`data`, expected a `Digits` record"),
    (lambda d: tasks.stream(d, digits_per_stream=0), "`digits_per_stream`, expected a positive integer, got 0"),
    (lambda d: tasks.stream(d, digits_per_stream="4"), "`digits_per_stream`, expected a positive integer, got '4'"),
    (lambda d: tasks.stream(d, digits_per_stream=13),
     "`digits_per_stream`, expected at most 12 \\(the smallest split\\), got 13"),
    (lambda d: tasks.stream(d, digits_per_stream=2, score="first"),
     "`score`, expected one of 'every', 'last', got 'first'"),
    (lambda d: tasks.stream(d, digits_per_stream=2, seed=None), "`seed`, expected a non-negative integer, got None"),
    (lambda d: tasks.stream({}, digits_per_stream=2), "`data`, expected a `Digits` record"),
    (lambda d: tasks.delayed(d, delay=-3), "`delay`, expected a positive integer, got -3"),
    (lambda d: tasks.delayed(d, delay=None), "`delay`, expected a positive integer, got None"),
    (lambda d: tasks.delayed(d, delay=2, noise=-1), "`noise`, expected a non-negative finite number, got -1"),
    (lambda d: tasks.delayed(d, delay=2, wait="yes"), "`wait`, expected True or False, got 'yes'"),
    (lambda d: tasks.delayed(d, delay=2, seed=True), "`seed`, expected a non-negative integer, got True"),
    (lambda d: tasks.delayed(d, delay=2).as_digits(),
     "`task`, expected a task with one label per sequence .*got delayed with labels of shape \\(40, 10\\)"),
    (lambda d: tasks.stream(d, digits_per_stream=2).as_digits(),
     "`task`, expected .*got stream with labels of shape \\(20, 16\\)"),
    (lambda d: tasks.delayed([], delay=2),
     "`data`, expected a `Digits` record from `lstm.load_digits\\(\\)`, got list"),
])
def test_bad_arguments(small, call, match):
    with pytest.raises(ValueError, match=match):
        call(small)


def test_docstring_examples_run():
    import doctest

    result = doctest.testmod(tasks)
    assert result.attempted == 18 and result.failed == 0
