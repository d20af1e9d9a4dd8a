"""Ablations: train the LSTM with one part removed, on one task, over seeds.

The variants are the ones Greff et al. (2017) name NIG, NFG, NOG and NOAF:

=========  ==========================================  ============================
variant    the cell                                    `RowClassifier` arguments
=========  ==========================================  ============================
full       the standard LSTM                           (none)
no_i       input gate held at 1                        `gates=("f", "o")`
no_f       forget gate held at 1 (the 1997 LSTM)       `gates=("i", "o")`
no_o       output gate held at 1                       `gates=("i", "f")`
no_tanh    `h = o * c` (the article's cell)            `cell_tanh=False`
=========  ==========================================  ============================

Outside that set, and never in the default of `ablate` (`EXTRA_VARIANTS`):

=============  ==========================================  ============================
variant        the model                                   arguments
=============  ==========================================  ============================
carousel       input and forget gates held at 1            `gates=("o",)`
coupled        i = 1 - f (CIFG, Greff et al. 2017)         `coupled=True`
peepholes      gates read c (Gers & Schmidhuber 2000)      `peepholes=True`
gru            a GRU (Cho et al. 2014)                     `lstm.gru.GRUClassifier`
rnn            the plain tanh RNN                          `lstm.rnn.RNNClassifier`
rnn_x3         the plain RNN, recurrent weights × 3        `recurrent_scale=3.0`
rnn_x3_clip    the same, gradients clipped to norm 1       and `lstm.train(clipnorm=1.0)`
=============  ==========================================  ============================

`ablate(task)` trains every variant with every seed through the one
`lstm.train` loop and returns an `Ablation`: the histories, the trained
models, the final test scores and their mean ± standard deviation. Each run
is cached under `cache_dir() / "ablation"`, keyed by everything that
determines its numbers (the task's arrays and arguments, the variant, the
seed, the settings and the source of the training code), so a second call
with the same arguments, from another page or another build, loads it.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from . import _validate as v
from .cache import cache_dir, in_cache, load_entry, save_entry
from .gru import GRUClassifier
from .model import RowClassifier
from .rnn import RNNClassifier
from .sources import training_hash
from .tasks import Task
from .train import History, train

VARIANTS = ("full", "no_i", "no_f", "no_o", "no_tanh")


@dataclass(frozen=True)
class Variant:
    """How `run` builds and trains one variant.

    Attributes:
        model: "lstm" (`RowClassifier`), "gru" (`lstm.gru.GRUClassifier`) or
            "rnn" (`lstm.rnn.RNNClassifier`).
        cell: keyword arguments of the model's cell.
        clipnorm: passed to `lstm.train` (`None`: no clipping).
    """

    model: str = "lstm"
    cell: dict = field(default_factory=dict)
    clipnorm: float | None = None

    @property
    def learns_forget_gate(self) -> bool:
        """True for an LSTM with a learned forget gate: the only models `forget_bias` changes."""
        return self.model == "lstm" and "f" in self.cell.get("gates", ("i", "f", "o"))


SPECS = {
    "full": Variant(),
    "no_i": Variant(cell={"gates": ("f", "o")}),
    "no_f": Variant(cell={"gates": ("i", "o")}),
    "no_o": Variant(cell={"gates": ("i", "f")}),
    "no_tanh": Variant(cell={"cell_tanh": False}),
    "carousel": Variant(cell={"gates": ("o",)}),
    "coupled": Variant(cell={"coupled": True}),
    "peepholes": Variant(cell={"peepholes": True}),
    "gru": Variant(model="gru"),
    "rnn": Variant(model="rnn"),
    "rnn_x3": Variant(model="rnn", cell={"recurrent_scale": 3.0}),
    "rnn_x3_clip": Variant(model="rnn", cell={"recurrent_scale": 3.0}, clipnorm=1.0),
}
"""Every variant `run` knows, by name."""
EXTRA_VARIANTS = tuple(name for name in SPECS if name not in VARIANTS)
"""Variants outside Greff et al.'s set, never in the default of `ablate`:
`carousel` holds both the input and the forget gate at 1 (the ungated
constant error carousel of Hochreiter & Schmidhuber's input weight conflict);
the LSTM's relatives and the plain RNN are compared in the chapter on long lags."""
CELL_ARGS = {name: spec.cell for name, spec in SPECS.items() if spec.model == "lstm"}
"""The `LSTMCell` arguments of the LSTM variants."""
SETTINGS = dict(hidden_size=32, epochs=30, batch_size=64, learning_rate=1e-2, forget_bias=1.0)
"""Defaults of `ablate` and `run`: small enough for a page to train 15 models
in about a minute on two cores (Adam, cosine decay to 0)."""

@dataclass
class Ablation:
    """The results of `ablate`: one `History` and one model per (variant, seed).

    `histories[variant]` and `models[variant]` are lists in the order of
    `seeds`. `seconds` is the wall-clock time `ablate` took (short when the
    runs came from the cache); `cached` counts the runs loaded from it.
    """

    task: Task
    variants: tuple
    seeds: tuple
    settings: dict
    histories: dict = field(default_factory=dict)
    models: dict = field(default_factory=dict)
    seconds: float = 0.0
    cached: int = 0

    def scores(self, variant: str) -> np.ndarray:
        """The final test score of every seed, a NumPy array `(seeds,)`.

        The score is `History.test_acc[-1]`: the test accuracy, over the
        scored rows for a task with a label per row.
        """
        v.one_of("variant", variant, self.variants)
        return np.array([h.test_acc[-1] for h in self.histories[variant]])

    def mean(self, variant: str) -> float:
        return float(self.scores(variant).mean())

    def sd(self, variant: str) -> float:
        """The sample standard deviation over the seeds (0 for one seed)."""
        scores = self.scores(variant)
        return float(scores.std(ddof=1)) if len(scores) > 1 else 0.0

    def best(self) -> str:
        """The variant with the highest mean score."""
        return max(self.variants, key=self.mean)

    def table(self, *, lang: str = "en") -> str:
        """A Markdown table: variant, what it changes, mean ± sd, every seed."""
        from .figures.ablation import table

        return table(self, lang=lang)


def run(task: Task, variant: str = "full", *, seed: int = 0, cache: bool = True,
        progress: bool = False, **settings: float) -> tuple[RowClassifier, History]:
    """Train one variant on `task` with one seed: `(model, history)`.

    Args:
        task: a `Task` from `lstm.tasks`.
        variant: one of `VARIANTS`.
        seed: seeds the weights and the batches, a non-negative integer.
        cache: load the run from `cache_dir() / "ablation"` when it was
            trained before with the same arguments; else train and save it.
        progress: show a progress bar while training.
        **settings: `hidden_size`, `epochs`, `batch_size`, `learning_rate`
            (defaults in `SETTINGS`).

    Returns:
        `(model, history)`, the model a `RowClassifier`.
    """
    settings = _settings(settings)
    _check_task(task)
    v.one_of("variant", variant, VARIANTS + EXTRA_VARIANTS)
    seed = v.non_negative_int("seed", seed)
    path = cache_path(task, variant, seed, settings)
    if cache and (entry := load_entry(path)) is not None:
        return entry
    model = build(task, variant, seed=seed, hidden_size=settings["hidden_size"],
                  forget_bias=settings["forget_bias"])
    history = train(model, task, epochs=settings["epochs"], batch_size=settings["batch_size"],
                    learning_rate=settings["learning_rate"], schedule="cosine", seed=seed,
                    clipnorm=SPECS[variant].clipnorm, progress=progress)
    if cache:
        save_entry(model, path, history)
    return model, history


def build(task: Task, variant: str, *, seed: int, hidden_size: int, forget_bias: float = 1.0):
    """The untrained model of `variant` for `task` (its readout follows the task's labels).

    `forget_bias` goes to the LSTM variants only; the GRU and the plain RNN have no forget gate.
    """
    spec = SPECS[v.one_of("variant", variant, tuple(SPECS))]
    readout = "every" if task.per_row else "last"
    sizes = (task.x_train.shape[2], hidden_size, task.num_classes)
    if spec.model == "lstm":
        return RowClassifier(*sizes, readout=readout, seed=seed, forget_bias=forget_bias, **spec.cell)
    cls = GRUClassifier if spec.model == "gru" else RNNClassifier
    return cls(*sizes, readout=readout, seed=seed, **spec.cell)


def ablate(task: Task, *, variants: Sequence[str] = VARIANTS, seeds: Sequence[int] = (0, 1, 2),
           cache: bool = True, progress: bool = False, workers: int = 1,
           **settings: float) -> Ablation:
    """Train every variant with every seed on `task`.

    Args:
        task: a `Task` from `lstm.tasks`.
        variants: a non-empty sequence of names from `VARIANTS`.
        seeds: a non-empty sequence of distinct non-negative integers.
        cache: reuse and store runs under `cache_dir() / "ablation"`.
        progress: show a progress bar for each run (with `workers=1`).
        workers: how many processes train the runs that are not in the
            cache. 1 trains them here, one after the other; with more, each
            process trains whole runs (one TensorFlow thread each) and writes
            them to the cache, from which they are loaded here, so
            `workers > 1` needs `cache=True`. One run keeps about one core
            busy, so on two cores `workers=2` halves the wall-clock time.
            The processes are spawned, so a script (not a notebook) must
            call `ablate` under `if __name__ == "__main__":`, as Python's
            `multiprocessing` requires.
        **settings: `hidden_size`, `epochs`, `batch_size`, `learning_rate`.

    Returns:
        An `Ablation`.

    Example:

    >>> import lstm                                                    # doctest: +SKIP
    >>> task = lstm.tasks.distractors(lstm.load_digits(), k=8)          # doctest: +SKIP
    >>> result = lstm.ablation.ablate(task, variants=("full", "no_i"))  # doctest: +SKIP
    >>> print(result.table())                                          # doctest: +SKIP
    """
    settings = _settings(settings)
    _check_task(task)
    if not _non_empty_sequence(variants):
        v.fail("variants", "a non-empty sequence of names from " + ", ".join(VARIANTS + EXTRA_VARIANTS),
               repr(variants))
    for name in variants:
        v.one_of("variants", name, VARIANTS + EXTRA_VARIANTS)
    if len(set(variants)) != len(variants):
        v.fail("variants", "distinct names", repr(tuple(variants)))
    if not _non_empty_sequence(seeds):
        v.fail("seeds", "a non-empty sequence of non-negative integers", repr(seeds))
    for seed in seeds:
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
            v.fail("seeds", "a non-empty sequence of non-negative integers", repr(tuple(seeds)))
    if len(set(seeds)) != len(seeds):
        v.fail("seeds", "distinct seeds", repr(tuple(seeds)))
    workers = v.positive_int("workers", workers)
    if workers > 1 and not cache:
        v.fail("workers", "1 when cache=False (other processes hand their runs over through the cache)",
               repr(workers))
    result = Ablation(task, tuple(variants), tuple(int(s) for s in seeds), settings)
    start = time.perf_counter()
    runs = [(name, seed) for name in result.variants for seed in result.seeds]
    todo = [(name, seed) for name, seed in runs if not (cache and in_cache(cache_path(task, name, seed, settings)))]
    result.cached = len(runs) - len(todo)
    if workers > 1 and len(todo) > 1:
        _train_elsewhere(task, todo, settings, workers)
    for name in result.variants:
        result.histories[name], result.models[name] = [], []
        for seed in result.seeds:
            model, history = run(task, name, seed=seed, cache=cache, progress=progress, **settings)
            result.models[name].append(model)
            result.histories[name].append(history)
    result.seconds = time.perf_counter() - start
    return result


def _train_elsewhere(task, todo, settings, workers):
    """Train the `(variant, seed)` runs of `todo` in `workers` spawned processes;
    each writes its run to the cache."""
    _train_elsewhere_jobs(task, [(name, seed, settings) for name, seed in todo], workers)


def _train_elsewhere_jobs(task, jobs, workers):
    """Train `(variant, seed, settings)` jobs in `workers` spawned processes;
    each writes its run to the cache."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no TensorFlow state copied
    with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=context, initializer=_one_thread) as pool:
        futures = [pool.submit(_train_and_cache, task, name, seed, settings) for name, seed, settings in jobs]
        for future in futures:
            future.result()  # re-raises a worker's exception here


def _one_thread():
    """Worker start-up: one TensorFlow thread per process, so that the
    processes share the cores instead of competing for them."""
    import tensorflow as tf  # already quiet: unpickling this function imported lstm first

    tf.config.threading.set_intra_op_parallelism_threads(1)
    tf.config.threading.set_inter_op_parallelism_threads(1)


def _train_and_cache(task, variant, seed, settings):
    run(task, variant, seed=seed, cache=True, progress=False, **settings)


def cache_path(task, variant, seed, settings):
    """The file that `run` reads and writes for these arguments."""
    digest = hashlib.sha256()
    digest.update(json.dumps([task.name, task.args, task.num_classes, variant, seed,
                              sorted(settings.items())], sort_keys=True).encode())
    for name in ("x_train", "y_train", "x_val", "y_val", "x_test", "y_test"):
        arr = getattr(task, name)
        if arr is not None:
            digest.update(name.encode())
            digest.update(np.ascontiguousarray(arr).tobytes())
    digest.update(training_hash("ablation").encode())  # the code that decides the numbers
    return cache_dir() / "ablation" / f"{task.name}-{variant}-seed{seed}-{digest.hexdigest()[:16]}.npz"


def _settings(given):
    unknown = sorted(set(given) - set(SETTINGS))
    if unknown:
        v.fail(unknown[0], "keyword arguments among " + ", ".join(SETTINGS), repr(unknown))
    settings = {**SETTINGS, **given}
    for name in ("hidden_size", "epochs", "batch_size"):
        settings[name] = v.positive_int(name, settings[name])
    settings["learning_rate"] = v.positive_float("learning_rate", settings["learning_rate"])
    settings["forget_bias"] = v.finite_float("forget_bias", settings["forget_bias"])
    return settings


def _non_empty_sequence(value):
    """A list, tuple, range or 1-D array with at least one item (not a string)."""
    return (not isinstance(value, (str, bytes)) and hasattr(value, "__len__")
            and np.ndim(value) == 1 and len(value) > 0)


def _check_task(task):
    if not isinstance(task, Task):
        v.fail("task", "an lstm.tasks.Task (e.g. lstm.tasks.distractors(data, k=8))", type(task).__name__)
