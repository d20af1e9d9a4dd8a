"""Paired comparisons over seeds: a bootstrap interval and the words it allows.

Two variants trained with the same seeds (same initial weights, same
batches) are compared by the per-seed difference of their scores. The
percentile bootstrap resamples those differences with a fixed generator, so
the interval is the same in every build. The words of the book follow from
the interval (`verdict`), decided before any result was seen:

- "helps" or "hurts" only when the interval excludes 0;
- "no measurable difference" only when the whole interval lies within
  ±`delta`, a margin stated in the design beforehand;
- otherwise "no difference detected", shown with the interval.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _validate as v

RESAMPLES = 10_000
SEED = 20_260_401  # the bootstrap's generator seed, fixed in the design
VERDICTS = ("helps", "hurts", "no measurable difference", "no difference detected")


@dataclass(frozen=True)
class Comparison:
    """The paired comparison of two variants' scores, seed by seed.

    Attributes:
        diffs: `(seeds,)` the per-seed differences `a - b`.
        median: their median; `mean` their mean.
        low, high: the percentile bootstrap 95 % interval of the mean difference.
        verdict: one of `VERDICTS`, for "a compared with b" (see `verdict`).
    """

    diffs: np.ndarray
    median: float
    mean: float
    low: float
    high: float
    verdict: str


def bootstrap_interval(diffs, *, resamples: int = RESAMPLES, seed: int = SEED,
                       level: float = 0.95) -> tuple[float, float]:
    """The percentile bootstrap interval of the mean of `diffs`.

    Args:
        diffs: a 1-D sequence of at least 2 finite numbers (per-seed differences).
        resamples: the number of bootstrap resamples, a positive integer.
        seed: the seed of the generator, a non-negative integer.
        level: the coverage, a number strictly between 0 and 1.

    Returns:
        `(low, high)`.

    Example:

    >>> low, high = bootstrap_interval([0.02, 0.03, 0.01, 0.04, 0.02])
    >>> bool(0 < low < high)
    True
    """
    diffs = _scores("diffs", diffs)
    resamples = v.positive_int("resamples", resamples)
    seed = v.non_negative_int("seed", seed)
    if isinstance(level, bool) or not isinstance(level, (int, float)) or not 0 < level < 1:
        v.fail("level", "a number strictly between 0 and 1", repr(level))
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(diffs), size=(resamples, len(diffs)))  # (resamples, seeds)
    means = diffs[picks].mean(axis=1)                                  # (resamples,)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)


def verdict(low: float, high: float, *, delta: float) -> str:
    """The words an interval of `a - b` (higher is better for `a`) allows.

    Args:
        low, high: the interval, `low <= high`.
        delta: the margin of "no measurable difference", a non-negative number.

    Returns:
        "helps" (the interval lies above 0), "hurts" (below 0), "no
        measurable difference" (within ±`delta`), or "no difference detected".
    """
    low, high = v.finite_float("low", low), v.finite_float("high", high)
    if low > high:
        v.fail("high", f"a number no smaller than `low` ({low})", repr(high))
    delta = v.finite_float("delta", delta)
    if delta < 0:
        v.fail("delta", "a non-negative number", repr(delta))
    if low > 0:
        return "helps"
    if high < 0:
        return "hurts"
    if -delta <= low and high <= delta:
        return "no measurable difference"
    return "no difference detected"


def compare(a, b, *, delta: float, resamples: int = RESAMPLES, seed: int = SEED) -> Comparison:
    """Compare the scores `a` and `b` of two variants, paired by seed.

    Args:
        a, b: 1-D sequences of the same length (at least 2), one score per
            seed, in the same order of seeds.
        delta: the margin of "no measurable difference".
        resamples, seed: of the bootstrap.

    Returns:
        A `Comparison` of `a - b`.
    """
    a, b = _scores("a", a), _scores("b", b)
    if a.shape != b.shape:
        v.fail("b", f"one score per seed, as many as `a` ({len(a)})", f"{len(b)} scores")
    diffs = a - b
    low, high = bootstrap_interval(diffs, resamples=resamples, seed=seed)
    return Comparison(diffs, float(np.median(diffs)), float(diffs.mean()), low, high,
                      verdict(low, high, delta=delta))


def _scores(name, values):
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        v.fail(name, "a 1-D sequence of numbers", type(values).__name__)
    if array.ndim != 1 or len(array) < 2:
        v.fail(name, "a 1-D sequence of at least 2 numbers", f"an array of shape {array.shape}")
    if not np.all(np.isfinite(array)):
        v.fail(name, "finite numbers", "a non-finite value")
    return array
