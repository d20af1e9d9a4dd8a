"""The tasks of the gate chapters, specified in one place.

The gate studies (`lstm.studies`, recorded by `make experiments`), the
benchmark `benchmarks/ablation.py` and the experiment explorer take their
task and settings from `EXPERIMENTS`; the chapters on the input, forget and
output gates write the same calls out in their code cells, so that a reader
sees them (`tests/test_experiments.py` checks that those calls, as the
chapters write them, reach the same runs):

=======  ==============================================================  ===================
key      task                                                            settings of `ablate`
=======  ==============================================================  ===================
plain    `tasks.plain(data)`                                             `ablation.SETTINGS`
input    `tasks.distractors(data, k=16)`                                 `ablation.SETTINGS`
forget   `tasks.segments(data, segments=3, digits=6, repeats=2)`         `batch_size=32`
output   `tasks.recall(data, digits=2, repeats=4)`                       `ablation.SETTINGS`
output_  `tasks.recall(data, digits=4, repeats=2)`: the first design of     `ablation.SETTINGS`
first    the output-gate study, kept beside it (see benchmarks/README.md)
=======  ==============================================================  ===================

Example:

>>> from lstm.experiments import EXPERIMENTS                     # doctest: +SKIP
>>> result = EXPERIMENTS["input"].run()   # 5 variants × 3 seeds, cached  # doctest: +SKIP
>>> print(result.table())                                        # doctest: +SKIP
"""

import inspect
from dataclasses import dataclass, field

from . import _validate as v
from . import tasks
from .ablation import SETTINGS, VARIANTS, ablate
from .data import load_digits

TASKS = ("plain", "distractors", "stream", "delayed", "segments", "recall")


@dataclass(frozen=True)
class Experiment:
    """One ablation: a task of `lstm.tasks` with its arguments, and the settings.

    Attributes:
        task: the name of a task function of `lstm.tasks` (`"distractors"`, ...).
        args: its keyword arguments besides `data` (e.g. `{"k": 16}`).
        settings: the settings of `ablation.ablate` that differ from
            `ablation.SETTINGS` (`hidden_size`, `epochs`, `batch_size`,
            `learning_rate`).
    """

    task: str
    args: dict = field(default_factory=dict)
    settings: dict = field(default_factory=dict)

    def __post_init__(self):
        v.one_of("task", self.task, TASKS)
        object.__setattr__(self, "args", dict(self.args))  # a copy: the caller's dict may change
        object.__setattr__(self, "settings", dict(self.settings))
        params = self.task_parameters()
        unknown = sorted(set(self.args) - set(params))
        if unknown:
            v.fail("args", f"arguments of lstm.tasks.{self.task}: " + ", ".join(params), repr(unknown))
        unknown = sorted(set(self.settings) - set(SETTINGS))
        if unknown:
            v.fail("settings", "names among " + ", ".join(SETTINGS), repr(unknown))

    def task_parameters(self):
        """The keyword arguments that the task function takes, besides `data`."""
        signature = inspect.signature(getattr(tasks, self.task))
        return tuple(p.name for p in signature.parameters.values() if p.kind == p.KEYWORD_ONLY)

    def build(self, data=None, **args):
        """The task: `lstm.tasks.<task>(data, **self.args, **args)`.

        Args:
            data: a `Digits` record; `lstm.load_digits()` when `None`.
            **args: task arguments that replace the experiment's.

        Returns:
            A `Task`.
        """
        task_args, _ = self._split(args, settings=False)
        data = load_digits() if data is None else data
        return getattr(tasks, self.task)(data, **{**self.args, **task_args})

    def run(self, data=None, *, seeds=(0, 1, 2), variants=VARIANTS, cache=True, progress=False,
            workers=1, **overrides):
        """Build the task and run `ablation.ablate` on it.

        Args:
            data: a `Digits` record; `lstm.load_digits()` when `None`.
            seeds, variants, cache, progress, workers: passed to `ablate`.
            **overrides: task arguments (e.g. `k`, `delay`,
                `digits_per_stream`; `seed` is the task's noise seed) or
                settings (`hidden_size`, `epochs`, `batch_size`,
                `learning_rate`) that replace the experiment's.

        Returns:
            An `Ablation`.
        """
        task_args, settings = self._split(overrides, settings=True)
        task = self.build(data, **task_args)
        return ablate(task, variants=variants, seeds=seeds, cache=cache, progress=progress,
                      workers=workers, **{**self.settings, **settings})

    def _split(self, overrides, *, settings):
        """`(task_args, settings)` from keyword arguments; unknown names fail."""
        params = self.task_parameters()
        allowed = params + (tuple(SETTINGS) if settings else ())
        unknown = sorted(set(overrides) - set(allowed))
        if unknown:
            v.fail(unknown[0], "keyword arguments among " + ", ".join(allowed), repr(unknown))
        return ({k: x for k, x in overrides.items() if k in params},
                {k: x for k, x in overrides.items() if k in SETTINGS})


EXPERIMENTS = {
    "plain": Experiment("plain"),  # the baseline of the input-gate chapter: nothing to protect
    "input": Experiment("distractors", {"k": 16}),
    "forget": Experiment("segments", {"segments": 3, "digits": 6, "repeats": 2}, {"batch_size": 32}),
    "output": Experiment("recall", {"digits": 2, "repeats": 4}),
    "output_first": Experiment("recall", {"digits": 4, "repeats": 2}),
    "lags": Experiment("distractors", {"k": 56, "noise": 0.0}),  # a digit, then 56 blank rows
    "relatives": Experiment("plain"),
    "clipping": Experiment("distractors", {"k": 56, "noise": 0.0}),
}
"""The ablations of the gate chapters: "plain" (the article's task, the baseline of
the input-gate chapter), then one per gate, by the gate it is about; then the
studies of the chapter on long lags: "lags" (the LSTM, its relatives and the
plain RNN on a digit followed by 56 blank rows), "relatives" (the same models
on the 8-row digits) and "clipping" (an exploding plain RNN, with and without
clipping, on the long lag)."""
