import numpy as np
import pytest

import lstm


def test_article_split():
    d = lstm.load_digits()
    assert d.x_train.shape == (1437, 8, 8) and d.x_test.shape == (360, 8, 8)
    assert d.x_train.dtype == np.float32 and d.y_train.dtype == np.int64
    assert 0.0 <= d.x_train.min() and d.x_train.max() == 1.0
    assert d.x_val is None and d.y_val is None and d.scaled
    assert set(np.unique(d.y_train)) == set(range(10))


def test_raw_pixels_are_the_scaled_ones_times_16():
    raw, scaled = lstm.load_digits(scale=False), lstm.load_digits()
    assert raw.x_train.max() == 16.0 and not raw.scaled
    np.testing.assert_array_equal(raw.x_train / 16.0, scaled.x_train)
    np.testing.assert_array_equal(raw.y_test, scaled.y_test)


def test_validation_is_carved_from_train_and_disjoint_from_test():
    full, d = lstm.load_digits(), lstm.load_digits(validation_size=0.2)
    assert len(d.y_train) + len(d.y_val) == 1437
    assert len(d.y_val) == 288
    np.testing.assert_array_equal(d.x_test, full.x_test)
    train_rows = {x.tobytes() for x in full.x_train}
    assert all(x.tobytes() in train_rows for x in d.x_val)
    assert "val=288" in repr(d)


@pytest.mark.parametrize("kwargs, match", [
    (dict(test_size=0), "`test_size`, expected a fraction with 0 < x < 1, got 0"),
    (dict(test_size=1.5), "`test_size`, expected a fraction"),
    (dict(validation_size=-0.1), "`validation_size`, expected a fraction with 0 <= x < 1"),
    (dict(random_state=-1), "`random_state`, expected a non-negative integer, got -1"),
    (dict(scale="yes"), "`scale`, expected True or False, got 'yes'"),
])
def test_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        lstm.load_digits(**kwargs)
