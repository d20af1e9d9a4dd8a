"""How long the LSTM and its relatives take to train, as `benchmarks/relatives.py` measured it.

A page does not time anything (the machine that builds the book may be busy);
it reads the record that the benchmark wrote, `lstm/records/speed.json`,
through `load`, which refuses a record whose provenance (the training code,
the arguments, TensorFlow's version) no longer matches.

`measure` trains every model of a study for a few epochs, one after the other
in one process, and keeps the median time of an epoch after the first (the
first includes tracing the graph). The order of the models rotates from one
seed to the next, so a machine that gets busier or quieter during the run
slows them alike. Compare the models by their ratio to the full LSTM in the
same run, not by the seconds, which depend on the machine.
"""

from __future__ import annotations

import json
import platform
from pathlib import Path

import numpy as np

from . import _validate as v
from .sources import training_hash

RECORD = Path(__file__).resolve().parent / "records" / "speed.json"
COMMAND = "python -m benchmarks.relatives"
DEFAULTS = {"studies": ["relatives", "lags"], "epochs": 6, "seeds": [0, 1, 2]}


def provenance(args: dict) -> dict:
    """What decides the record besides the machine: the arguments, the training code, the versions."""
    import tensorflow as tf

    return json.loads(json.dumps({"args": args, "source_hash": training_hash("ablation")[:16],
                                  "tensorflow": tf.__version__, "numpy": np.__version__}))


def measure(*, studies=tuple(DEFAULTS["studies"]), epochs: int = DEFAULTS["epochs"],
            seeds=tuple(DEFAULTS["seeds"]), progress=print) -> dict:
    """Train each variant of each study for `epochs` epochs with each seed, uncached.

    Returns:
        `{"seconds": {study: {variant: median seconds per epoch}}, "runs": ...,
        "provenance": ..., "machine": ...}`: the median over the seeds of
        each run's median epoch time, the first epoch left out.
    """
    from . import ablation
    from . import studies as recorded

    epochs = v.positive_int("epochs", epochs)
    if epochs < 2:
        v.fail("epochs", "at least 2 (the first epoch, which traces the graph, is left out)", epochs)
    for name in studies:
        v.one_of("studies", name, tuple(recorded.STUDIES))
    seeds = [v.non_negative_int("seeds", s) for s in seeds]
    runs = {name: {variant: [] for variant in recorded.STUDIES[name].variants} for name in studies}
    for name in studies:
        study = recorded.STUDIES[name]
        task = study.build()
        variants = list(study.variants)
        for k, seed in enumerate(seeds):
            order = variants[k % len(variants):] + variants[:k % len(variants)]  # rotate per seed
            for variant in order:
                _, history = ablation.run(task, variant, seed=seed, cache=False, epochs=epochs,
                                          **study.settings)
                per_epoch = float(np.median(history.seconds[1:]))
                runs[name][variant].append(per_epoch)
                if progress:
                    progress(f"{name:9s} {variant:9s} seed {seed}: {per_epoch:.3f} s per epoch")
    seconds = {name: {variant: float(np.median(times)) for variant, times in by_variant.items()}
               for name, by_variant in runs.items()}
    args = {"studies": list(studies), "epochs": epochs, "seeds": seeds}
    return {"seconds": seconds, "runs": runs, "provenance": provenance(args),
            "machine": {"python": platform.python_version(), "cpus": _cpus(), "system": platform.machine()}}


def write(result: dict, path: Path | None = None) -> Path:
    """Write `measure`'s result to `path` (default `lstm/records/speed.json`)."""
    path = Path(path or RECORD)
    path.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


def load(path: Path | None = None, *, check: bool = True, runs: bool = False) -> dict:
    """The recorded speeds, `{study: {variant: seconds per epoch}}`, refusing a stale record.

    With `runs=True`, every seed's time instead: `{study: {variant: [seconds per epoch, ...]}}`.

    Args:
        path: the record (default `lstm/records/speed.json`).
        check: compare its provenance with the present training code, the
            default arguments and the versions; a difference raises
            `ValueError` naming the command that measures again.
    """
    path = Path(path or RECORD)
    if not path.is_file():
        raise ValueError(f"No speed record at {path}: run `{COMMAND}`.")
    data = json.loads(path.read_text(encoding="utf-8"))
    if check:
        now = provenance(DEFAULTS)
        stale = sorted(k for k in now if data.get("provenance", {}).get(k) != now[k])
        if stale:
            raise ValueError(f"The speed record {path} is stale: its {', '.join(stale)} no longer match "
                             f"the present ones. Run `{COMMAND}` to measure again.")
    return data["runs"] if runs else data["seconds"]


def _cpus():
    import os

    return os.cpu_count()
