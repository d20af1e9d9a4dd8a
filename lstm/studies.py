"""The recorded studies: a grid search per variant, then ten paired seeds.

The gate studies of chapters 5-7 ("input", "forget", "output") and the
studies of the chapter on long lags ("lags", "relatives", "clipping") follow
one protocol.

Each `Study` names a task of `lstm.tasks`, the variants it compares, and the
comparisons it reports. Its protocol is the design written in
`benchmarks/README.md` before any run ("Gate studies"):

1. Search: every variant is trained at every point of `GRID` (learning rate
   × forget-gate bias; the bias only where the variant learns a forget gate)
   with `SEARCH_SEEDS`, on the training split of
   `load_digits(validation_size=0.2)`. The point with the highest mean
   validation accuracy wins (ties: the earlier point of the grid).
2. Test: every variant is trained at its point with `TEST_SEEDS`; the score
   of a run is its final test accuracy over the scored rows.

`record(study)` runs both and writes the result to `lstm/records/`, with its
provenance (`provenance`): the chapters read it with `load_record`, which
refuses a record whose provenance no longer matches the code or the data.
Training goes through `ablation.run`, so every run is cached like the
chapters' own ablations.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import _validate as v
from .ablation import SETTINGS, SPECS, Ablation, run
from .data import load_digits
from .experiments import EXPERIMENTS, Experiment
from .sources import training_hash
from .stats import compare
from .tasks import Task
from .train import History

GRID = {"learning_rate": (3e-3, 1e-2), "forget_bias": (1.0, 3.0)}
SEARCH_SEEDS = (100, 101, 102)
TEST_SEEDS = tuple(range(10))
DELTA = 0.02  # the margin of "no measurable difference", fixed in the design
VALIDATION_SIZE = 0.2
RECORDS_DIR = Path(__file__).resolve().parent / "records"
COMMAND = "make experiments"


@dataclass(frozen=True)
class Study:
    """One gate study: an experiment of `EXPERIMENTS`, the variants it compares.

    Attributes:
        name: the key of its task in `lstm.experiments.EXPERIMENTS`: "input",
            "forget" or "output" (the gate it is about; "output_first" is the
            first design of the output-gate study, kept beside it), "lags",
            "relatives" or "clipping".
        variants: names from `ablation.SPECS`.
        comparisons: pairs `(a, b)` of variants, reported as `a - b`.
    """

    name: str
    variants: tuple
    comparisons: tuple

    @property
    def experiment(self) -> Experiment:
        return EXPERIMENTS[self.name]

    @property
    def task(self) -> str:
        return self.experiment.task

    @property
    def args(self) -> dict:
        return self.experiment.args

    @property
    def settings(self) -> dict:
        return self.experiment.settings

    def build(self, data=None) -> Task:
        """The study's task, on `load_digits(validation_size=0.2)` unless `data` is given."""
        data = load_digits(validation_size=VALIDATION_SIZE) if data is None else data
        return self.experiment.build(data)

    def points(self, variant: str) -> list[dict]:
        """The grid points searched for `variant`, in the grid's order."""
        v.one_of("variant", variant, self.variants)
        biases = GRID["forget_bias"] if SPECS[variant].learns_forget_gate else GRID["forget_bias"][:1]
        return [{"learning_rate": lr, "forget_bias": fb}
                for lr, fb in itertools.product(GRID["learning_rate"], biases)]


RELATIVES = ("rnn", "gru", "coupled", "peepholes", "full")
RELATIVE_COMPARISONS = (("full", "rnn"), ("gru", "full"), ("coupled", "full"), ("peepholes", "full"))

STUDIES = {
    "input": Study("input", ("carousel", "no_f", "no_i", "full"),
                   (("no_f", "carousel"), ("full", "carousel"), ("full", "no_f"), ("full", "no_i"))),
    "forget": Study("forget", ("no_f", "full"), (("full", "no_f"),)),
    "output": Study("output", ("no_o", "full"), (("full", "no_o"),)),
    "output_first": Study("output_first", ("no_o", "full"), (("full", "no_o"),)),
    "lags": Study("lags", RELATIVES, RELATIVE_COMPARISONS),
    "relatives": Study("relatives", RELATIVES, RELATIVE_COMPARISONS),
    "clipping": Study("clipping", ("rnn_x3", "rnn_x3_clip"), (("rnn_x3_clip", "rnn_x3"),)),
}
"""The three gate studies, by the gate they are about, and the first design of the
output-gate study, kept beside the second; then the three studies of the chapter
on long lags (see `benchmarks/README.md`)."""


def settings_for(study: Study, point: dict) -> dict:
    return {**SETTINGS, **study.settings, **point}


def provenance(study: Study, task: Task) -> dict:
    """What decides a study's numbers: its arguments, the data, the code, the versions."""
    import tensorflow as tf

    digest = hashlib.sha256()
    for name in ("x_train", "y_train", "x_val", "y_val", "x_test", "y_test"):
        digest.update(np.ascontiguousarray(getattr(task, name)).tobytes())
    return json.loads(json.dumps({  # as it reads back from JSON: lists, not tuples
        "study": {"name": study.name, "task": study.task, "args": study.args,
                  "variants": list(study.variants), "settings": study.settings},
        "protocol": {"grid": GRID, "search_seeds": list(SEARCH_SEEDS), "test_seeds": list(TEST_SEEDS),
                     "validation_size": VALIDATION_SIZE, "defaults": SETTINGS, "delta": DELTA},
        "data_hash": digest.hexdigest()[:16],
        "source_hash": training_hash("studies")[:16],
        "tensorflow": tf.__version__,
        "numpy": np.__version__,
    }))


def _train_all(task, jobs, workers):
    """Train `(variant, seed, settings)` jobs into the cache, `workers` at a time."""
    from .ablation import _settings, _train_elsewhere_jobs, cache_path
    from .cache import in_cache

    todo = [(variant, seed, settings) for variant, seed, settings in jobs
            if not in_cache(cache_path(task, variant, seed, _settings(settings)))]
    if workers > 1 and len(todo) > 1:
        _train_elsewhere_jobs(task, todo, workers)
    return [run(task, variant, seed=seed, cache=True, **settings) for variant, seed, settings in jobs]


def search(study: Study, task: Task, *, workers: int = 2) -> dict:
    """Step 1: `{variant: {"points": [{point, val: [per seed]}], "chosen": point}}`."""
    jobs = [(variant, seed, settings_for(study, point))
            for variant in study.variants for point in study.points(variant) for seed in SEARCH_SEEDS]
    results = iter(_train_all(task, jobs, workers))
    out = {}
    for variant in study.variants:
        rows = []
        for point in study.points(variant):
            val = [float(next(results)[1].val_acc[-1]) for _ in SEARCH_SEEDS]
            rows.append({"point": point, "val": val})
        best = max(range(len(rows)), key=lambda k: (np.mean(rows[k]["val"]), -k))
        out[variant] = {"points": rows, "chosen": rows[best]["point"]}
    return out


def record(study: Study, *, workers: int = 2, directory: Path | None = None) -> Path:
    """Run the whole protocol of `study` and write its record; returns its path.

    The record is `<directory>/<name>.json` (default `lstm/records/`), and the
    test models are `<directory>/<name>/<variant>-seed<k>.npz`.
    """
    from .store import save

    task = study.build()
    found = search(study, task, workers=workers)
    jobs = [(variant, seed, settings_for(study, found[variant]["chosen"]))
            for variant in study.variants for seed in TEST_SEEDS]
    runs = _train_all(task, jobs, workers)
    directory = Path(directory or RECORDS_DIR)
    models_dir = directory / study.name
    models_dir.mkdir(parents=True, exist_ok=True)
    test = {name: [] for name in study.variants}
    for (variant, seed, _), (model, history) in zip(jobs, runs):
        kept = {k: x for k, x in history.as_dict().items() if k != "seconds"}  # wall time: not reproducible
        test[variant].append({"seed": seed, "score": float(history.test_acc[-1]), "history": kept})
        save(model, models_dir / f"{variant}-seed{seed}.npz")
    data = {"provenance": provenance(study, task), "search": found, "test": test,
            "command": COMMAND}
    path = directory / f"{study.name}.json"
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


@dataclass
class Record:
    """A study's recorded results, read by `load_record`."""

    study: Study
    data: dict
    directory: Path

    def scores(self, variant: str) -> np.ndarray:
        """One final test score per test seed, `(seeds,)`."""
        v.one_of("variant", variant, self.study.variants)
        return np.array([r["score"] for r in self.data["test"][variant]])

    def histories(self, variant: str) -> list[History]:
        v.one_of("variant", variant, self.study.variants)
        return [History(**r["history"]) for r in self.data["test"][variant]]

    def chosen(self, variant: str) -> dict:
        return self.data["search"][variant]["chosen"]

    def compare(self, a: str, b: str):
        """The paired comparison `a - b` over the test seeds (`lstm.stats.Comparison`)."""
        return compare(self.scores(a), self.scores(b), delta=DELTA)

    def as_ablation(self, task: Task | None = None) -> Ablation:
        """The test runs as an `ablation.Ablation` (histories and models of
        every variant and seed), for the figures and explorers made for ablations."""
        task = self.study.build() if task is None else task
        result = Ablation(task, tuple(self.study.variants), TEST_SEEDS, {**SETTINGS, **self.study.settings})
        for name in self.study.variants:
            result.histories[name] = self.histories(name)
            result.models[name] = [self.model(name, seed) for seed in TEST_SEEDS]
        result.cached = len(self.study.variants) * len(TEST_SEEDS)
        return result

    def model(self, variant: str, seed: int = 0):
        """The trained test model of `variant` and `seed`."""
        from .store import load

        v.one_of("variant", variant, self.study.variants)
        v.one_of("seed", seed, TEST_SEEDS)
        return load(self.directory / self.study.name / f"{variant}-seed{seed}.npz")


def load_record(name: str, *, directory: Path | None = None, check: bool = True) -> Record:
    """Read the record of study `name`, refusing a stale one.

    Args:
        name: a key of `STUDIES`.
        directory: where the records are (default `lstm/records/`).
        check: compare the record's provenance with the present code, data
            and versions; a difference raises `ValueError` naming the command
            that writes the record again.
    """
    v.one_of("name", name, tuple(STUDIES))
    study = STUDIES[name]
    directory = Path(directory or RECORDS_DIR)
    path = directory / f"{name}.json"
    if not path.is_file():
        raise ValueError(f"No record of the {name!r} gate study at {path}: run `{COMMAND}`.")
    data = json.loads(path.read_text(encoding="utf-8"))
    if check:
        now = provenance(study, study.build())
        stale = sorted(k for k in now if data["provenance"].get(k) != now[k])
        if stale:
            raise ValueError(f"The record {path} is stale: its {', '.join(stale)} no longer match "
                             f"the present ones. Run `{COMMAND}` to train it again.")
    return Record(study, data, directory)
