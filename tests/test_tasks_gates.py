"""The tasks of the gate studies: segments (forget gate) and recall (output gate)."""

import numpy as np
import pytest

import lstm
from lstm import tasks


@pytest.fixture(scope="module")
def data():
    return lstm.load_digits(validation_size=0.2)


def test_segments_open_with_a_marker_and_ask_for_their_first_digit(data):
    task = tasks.segments(data, segments=3, digits=6, repeats=2, seed=0)
    n = 2 * len(data.y_train) // 6
    assert task.x_train.shape == (n, 3 + 48, 8) and task.y_train.shape == (n, 51)
    assert task.x_val is not None and task.boundaries.shape == (len(task.y_test), 3)
    for x, y, where in zip(task.x_test[:20], task.y_test[:20], task.boundaries[:20]):
        assert where[0] == 0 and np.all(np.diff(where) >= 9)  # a marker, then at least one digit
        assert np.all(x[where] == 1.0)                        # the markers: every pixel at full ink
        scored = np.flatnonzero(y != tasks.IGNORE)
        np.testing.assert_array_equal(scored, np.r_[where[1:] - 1, 50])  # the last row of each segment
        assert (len(np.flatnonzero(y >= 0))) == 3


def test_segments_label_the_first_digit_of_each_segment(data):
    task = tasks.segments(data, segments=2, digits=3, repeats=1, seed=3)
    images = {data.x_test[k].tobytes(): data.y_test[k] for k in range(len(data.y_test))}
    for x, y, where in zip(task.x_test, task.y_test, task.boundaries):
        first = [images[x[w + 1:w + 9].tobytes()] for w in where]  # the digit after each marker
        assert list(y[y >= 0]) == first


def test_segments_use_each_image_repeats_times_and_depend_on_the_seed(data):
    task = tasks.segments(data, segments=2, digits=4, repeats=3, seed=1)
    assert len(task.y_train) == 3 * len(data.y_train) // 4
    again = tasks.segments(data, segments=2, digits=4, repeats=3, seed=1)
    np.testing.assert_array_equal(task.x_train, again.x_train)
    other = tasks.segments(data, segments=2, digits=4, repeats=3, seed=2)
    assert not np.array_equal(task.x_train, other.x_train)


def test_recall_names_each_digit_then_the_first_at_the_query(data):
    task = tasks.recall(data, digits=4, repeats=2, seed=0)
    assert task.x_train.shape == (2 * len(data.y_train) // 4, 33, 8)
    np.testing.assert_array_equal(task.boundaries, [0, 8, 16, 24, 32])
    images = {data.x_test[k].tobytes(): data.y_test[k] for k in range(len(data.y_test))}
    for x, y in zip(task.x_test[:30], task.y_test[:30]):
        digits = [images[x[8 * k:8 * k + 8].tobytes()] for k in range(4)]
        np.testing.assert_array_equal(np.flatnonzero(y >= 0), [7, 15, 23, 31, 32])
        assert list(y[[7, 15, 23, 31]]) == digits and y[32] == digits[0]
        np.testing.assert_array_equal(x[32], [1, 0, 1, 0, 1, 0, 1, 0])  # the query row


def test_bad_arguments(data):
    with pytest.raises(ValueError, match="argument `digits`, expected at least `segments` \\(3\\)"):
        tasks.segments(data, segments=3, digits=2)
    with pytest.raises(ValueError, match="argument `segments`, expected a positive integer, got 0"):
        tasks.segments(data, segments=0)
    with pytest.raises(ValueError, match="argument `repeats`, expected a positive integer, got 0"):
        tasks.recall(data, repeats=0)
    with pytest.raises(ValueError, match="argument `digits`, expected an integer of at least 2"):
        tasks.recall(data, digits=1)
    with pytest.raises(ValueError, match="argument `data`"):
        tasks.recall("digits")
