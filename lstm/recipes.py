"""Named ways to build and train a `RowClassifier`.

`ARTICLE` is the recipe of the Japanese article this book grew from;
`MODERN` is the book's default, chosen by measurement on a validation split
(see `benchmarks/tune_modern.py`), never on the test set.

Example (train the article's model in three lines):

>>> import lstm                                          # doctest: +SKIP
>>> model, history = lstm.recipes.ARTICLE.run()          # doctest: +SKIP
>>> history.plot()                                       # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import _validate as v
from .cache import cache_dir, load_entry, save_entry
from .data import Digits, load_digits
from .model import RowClassifier
from .sources import training_hash
from .store import data_hash
from .train import History, train


@dataclass(frozen=True)
class Recipe:
    """A model configuration, the data scaling it expects, and how to train it.

    Attributes:
        name: a short identifier, used in cache file names.
        model: keyword arguments of `RowClassifier`.
        fit: keyword arguments of `train`.
        scale: whether the recipe expects pixels scaled to [0, 1].
    """

    name: str
    model: dict = field(default_factory=dict)
    fit: dict = field(default_factory=dict)
    scale: bool = True

    def build(self, seed: int | None = 0) -> RowClassifier:
        """A fresh, untrained `RowClassifier`."""
        return RowClassifier(seed=seed, **self.model)

    def run(self, data: Digits | None = None, *, seed: int = 0, cache: bool = False,
            progress: bool = True) -> tuple[RowClassifier, History]:
        """Build a model and train it: `(model, history)`.

        Args:
            data: a `Digits` record; `load_digits(scale=self.scale)` when `None`.
            seed: seeds the initial weights and the batches.
            cache: load the model from `cache_dir()` if this recipe, seed,
                data and package source were trained before; else train it
                and save it there.
            progress: show a progress bar while training.
        """
        if data is None:
            data = load_digits(scale=self.scale)
        if not isinstance(data, Digits):
            v.fail("data", "an lstm.Digits record from lstm.load_digits()", type(data).__name__)
        if data.scaled != self.scale:
            v.fail("data", f"digits loaded with scale={self.scale} for the {self.name} recipe",
                   f"digits loaded with scale={data.scaled}")
        path = self.cache_path(data, seed)
        if cache and (entry := load_entry(path)) is not None:
            return entry
        model = self.build(seed)
        history = train(model, data, seed=seed, progress=progress, **self.fit)
        if cache:
            save_entry(model, path, history)
        return model, history

    def cache_path(self, data: Digits, seed: int) -> Path:
        """The file `run(cache=True)` reads and writes."""
        key = f"{self.name}-seed{seed}-data{data_hash(data)}-src{training_hash('recipes')[:12]}"
        return cache_dir() / f"{key}.npz"


ARTICLE = Recipe(
    name="article",
    model=dict(hidden_size=50, head="tanh", head_std=0.01, init="zeros", forget_bias=0.0,
               cell_tanh=False),
    fit=dict(epochs=100, batch_size=100, learning_rate=1e-3, reduction="sum", shuffle=False,
             drop_remainder=True),
    scale=False,
)
"""The article: zero-initialised cell, no forget bias, `h = o * c`, a tanh
head before the softmax, raw 0..16 pixels, summed cross-entropy, Adam 1e-3,
100 epochs of the first 14 full batches of 100, in the data's order."""

MODERN = Recipe(
    name="modern",
    model=dict(hidden_size=128),
    fit=dict(epochs=60, batch_size=32, learning_rate=1e-2, schedule="cosine", input_noise=0.3),
    scale=True,
)
"""The book's default: the standard LSTM (Glorot weights, forget bias 1,
`h = o * tanh(c)`) with 128 cells and a linear head, pixels in [0, 1],
mean cross-entropy, Adam from 1e-2 decayed to 0 on a cosine over 60 epochs
of shuffled batches of 32, and Gaussian noise of standard deviation 0.3
added to the training images each time they are fed.

Chosen by `benchmarks/tune_modern.py` on a validation split carved from the
training set (never the test set): it had the best mean validation accuracy
(0.995 on 288 images, 5 seeds); without the input noise the same recipe
reached 0.976. See `benchmarks/README.md` for the measured figures."""
