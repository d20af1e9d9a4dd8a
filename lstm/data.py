"""sklearn's 8×8 digits as sequences of rows."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn import datasets
from sklearn.model_selection import train_test_split

from . import _validate as v


@dataclass(frozen=True)
class Digits:
    """A split of the digits. `x_*` are float32 `(n, 8, 8)`, `y_*` int64 `(n,)`.

    `x_val`/`y_val` are `None` unless `load_digits(validation_size=...)`
    carved them from the training set. `scaled` says whether pixels are in
    [0, 1] (True) or the raw 0..16 (False).
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    x_val: np.ndarray | None = None
    y_val: np.ndarray | None = None
    scaled: bool = True

    def __repr__(self) -> str:
        sizes = f"train={len(self.y_train)}, test={len(self.y_test)}"
        if self.y_val is not None:
            sizes += f", val={len(self.y_val)}"
        return f"Digits({sizes}, scaled={self.scaled})"


def load_digits(*, test_size: float = 0.2, random_state: int = 42, scale: bool = True,
                validation_size: float = 0) -> Digits:
    """Load sklearn's digits, split as the article splits them.

    Args:
        test_size: fraction of the 1797 images kept for testing. The default
            with `random_state=42` gives the article's 1437/360 split.
        random_state: seed of the split.
        scale: divide the pixels by 16 to put them in [0, 1]; `False` keeps
            the raw 0..16 values that the article feeds.
        validation_size: fraction of the *training* set carved off as a
            validation set (stratified, same `random_state`); 0 for none.

    Returns:
        A `Digits` record.

    Example:

    >>> d = load_digits()
    >>> d.x_train.shape, d.x_test.shape
    ((1437, 8, 8), (360, 8, 8))
    """
    v.fraction("test_size", test_size, allow_zero=False)
    v.fraction("validation_size", validation_size, allow_zero=True)
    random_state = v.non_negative_int("random_state", random_state)
    if not isinstance(scale, bool):
        v.fail("scale", "True or False", repr(scale))

    digits = datasets.load_digits()
    x = digits.images.astype(np.float32)  # (1797, 8, 8), rows are time steps
    if scale:
        x /= 16.0
    y = digits.target.astype(np.int64)
    x_train, x_test, y_train, y_test = train_test_split(
        x, y, test_size=test_size, random_state=random_state)
    x_val = y_val = None
    if validation_size:
        x_train, x_val, y_train, y_val = train_test_split(
            x_train, y_train, test_size=validation_size, random_state=random_state, stratify=y_train)
    return Digits(x_train, y_train, x_test, y_test, x_val, y_val, scaled=scale)
