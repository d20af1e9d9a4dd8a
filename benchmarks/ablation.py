"""The book's ablations (the plain digits, one task per gate) with more seeds than a page.

Run from the repository root, either way:

    python benchmarks/ablation.py
    python -m benchmarks.ablation --seeds 3 --epochs 2 --tasks input   # a quick look

For each experiment of `lstm.experiments.EXPERIMENTS` (the chapters' tasks
and settings: "plain" is `tasks.plain(data)`, "input" `tasks.distractors(data, k=16)`, "forget"
`tasks.stream(data, digits_per_stream=5, score="last")` with batches of 16,
"output" `tasks.delayed(data, delay=8)`), every variant of
`lstm.ablation.VARIANTS` is trained with seeds 0..N-1 by
`lstm.ablation.ablate`, and a Markdown table of the final test accuracy is
printed: mean ± sample standard deviation over the seeds, and every seed.

Every run is cached under `lstm.cache_dir() / "ablation"` (`_build/lstm-cache/`
unless `LSTM_CACHE` is set), keyed by the task, variant, seed, settings and
training code: the chapters' runs (seeds 0, 1, 2) are reused, and a second
call with the same arguments only reads the files. The times printed are
wall-clock times, short for cached runs.
"""

import argparse
import platform
import sys
import time

import lstm  # first: it quiets TensorFlow before TensorFlow is imported
from lstm.ablation import VARIANTS
from lstm.experiments import EXPERIMENTS


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=10, help="seeds 0..N-1 (default 10)")
    parser.add_argument("--epochs", type=int, default=None,
                        help="epochs per run (default: the experiment's, 30)")
    parser.add_argument("--tasks", nargs="+", choices=list(EXPERIMENTS), default=list(EXPERIMENTS),
                        metavar="TASK", help="experiments to run, among " + ", ".join(EXPERIMENTS)
                        + " (default: all four)")
    parser.add_argument("--progress", action="store_true", help="a progress bar for every run")
    parser.add_argument("--workers", type=int, default=_cpus(),
                        help="processes that train at the same time (default: the number of CPUs)")
    args = parser.parse_args(argv)
    if args.seeds < 1 or args.workers < 1 or (args.epochs is not None and args.epochs < 1):
        parser.error("--epochs, --seeds and --workers must be positive")

    import tensorflow as tf

    overrides = {} if args.epochs is None else {"epochs": args.epochs}
    data = lstm.load_digits()
    print(f"python {platform.python_version()}, tensorflow {tf.__version__}, "
          f"{platform.machine()}, {_cpus()} CPU(s)")
    print(f"cache: {lstm.cache_dir() / 'ablation'}")
    print(f"seeds 0..{args.seeds - 1}; variants {', '.join(VARIANTS)}", flush=True)

    start = time.perf_counter()
    for key in args.tasks:
        experiment = EXPERIMENTS[key]
        result = experiment.run(data, seeds=range(args.seeds), variants=VARIANTS,
                                progress=args.progress and args.workers == 1, workers=args.workers,
                                **overrides)
        runs = len(result.variants) * len(result.seeds)
        print(f"\n## {key} gate: {result.task!r}\n")
        print(f"settings: {result.settings} (Adam, cosine decay)\n")
        print(result.table())
        print(f"\nbest: {result.best()}; {runs} runs ({result.cached} from the cache) "
              f"in {_minutes(result.seconds)}", flush=True)
    print(f"\nwall time: {_minutes(time.perf_counter() - start)}")
    return 0


def _minutes(seconds):
    return f"{seconds:.1f} s" if seconds < 60 else f"{int(seconds // 60)} min {seconds % 60:.0f} s"


def _cpus():
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


if __name__ == "__main__":
    sys.exit(main())
