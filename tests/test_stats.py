"""lstm.stats: the paired bootstrap interval and the words it allows."""

import numpy as np
import pytest

from lstm import stats


def test_the_interval_covers_the_mean_and_is_the_same_every_time():
    diffs = [0.03, 0.01, 0.04, 0.02, 0.05, 0.00, 0.03, 0.02, 0.04, 0.01]
    low, high = stats.bootstrap_interval(diffs)
    assert low < np.mean(diffs) < high
    assert (low, high) == stats.bootstrap_interval(diffs)  # fixed generator seed
    assert stats.bootstrap_interval(diffs, seed=1) != (low, high)


def test_the_interval_matches_a_direct_percentile_bootstrap():
    diffs = np.array([0.1, -0.2, 0.05, 0.3, 0.0])
    rng = np.random.default_rng(stats.SEED)
    means = diffs[rng.integers(0, 5, size=(stats.RESAMPLES, 5))].mean(axis=1)
    assert stats.bootstrap_interval(diffs) == tuple(np.percentile(means, [2.5, 97.5]))


@pytest.mark.parametrize(("low", "high", "words"), [
    (0.01, 0.05, "helps"),
    (-0.05, -0.001, "hurts"),
    (-0.01, 0.015, "no measurable difference"),
    (-0.02, 0.02, "no measurable difference"),
    (-0.03, 0.01, "no difference detected"),
    (0.0, 0.05, "no difference detected"),  # touching 0 is not excluding it
])
def test_the_verdict_follows_the_interval(low, high, words):
    assert stats.verdict(low, high, delta=0.02) == words


def test_compare_pairs_the_seeds():
    a = np.array([0.9, 0.8, 0.95, 0.85])
    b = a - np.array([0.1, 0.12, 0.09, 0.11])
    c = stats.compare(a, b, delta=0.02)
    np.testing.assert_allclose(c.diffs, [0.1, 0.12, 0.09, 0.11])
    assert c.verdict == "helps" and c.low <= c.mean <= c.high
    assert c.median == pytest.approx(0.105)
    assert stats.compare(b, a, delta=0.02).verdict == "hurts"


def test_bad_arguments():
    with pytest.raises(ValueError, match="argument `diffs`, expected a 1-D sequence of at least 2"):
        stats.bootstrap_interval([0.1])
    with pytest.raises(ValueError, match="argument `diffs`, expected finite numbers"):
        stats.bootstrap_interval([0.1, float("nan")])
    with pytest.raises(ValueError, match="argument `level`, expected a number strictly between 0 and 1, got 1.5"):
        stats.bootstrap_interval([0.1, 0.2], level=1.5)
    with pytest.raises(ValueError, match="argument `b`, expected one score per seed, as many as `a` \\(3\\), got 2"):
        stats.compare([1, 2, 3], [1, 2], delta=0.02)
    with pytest.raises(ValueError, match="argument `delta`, expected a non-negative number, got -0.1"):
        stats.verdict(0.0, 0.1, delta=-0.1)
    with pytest.raises(ValueError, match="argument `high`, expected a number no smaller than `low`"):
        stats.verdict(0.2, 0.1, delta=0.02)
