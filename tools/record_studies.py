"""Train the gate studies and write their records into `lstm/records/` (`make experiments`).

    python tools/record_studies.py                    # all three studies, two processes
    python tools/record_studies.py --studies forget   # one of them
    python tools/record_studies.py --workers 1

The protocol (grid search on a validation split, then ten paired test seeds)
is `lstm.studies`; its design is in `benchmarks/README.md` ("Gate studies").
Every run is cached (`lstm.cache_dir() / "ablation"`), so an interrupted call
resumes where it stopped. The book reads the records and refuses a stale one.
"""

from __future__ import annotations

import argparse
import os
import time

import lstm  # noqa: F401  (quiets TensorFlow before anything imports it)
from lstm import studies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studies", nargs="+", choices=list(studies.STUDIES), default=list(studies.STUDIES))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    for name in args.studies:
        start = time.perf_counter()
        path = studies.record(studies.STUDIES[name], workers=args.workers)
        record = studies.load_record(name)
        print(f"{name}: wrote {path} in {time.perf_counter() - start:.0f} s")
        for variant in record.study.variants:
            scores = record.scores(variant)
            print(f"  {variant:9s} chosen {record.chosen(variant)}  median {sorted(scores)[len(scores) // 2]:.3f}"
                  f"  mean {scores.mean():.3f} ± {scores.std(ddof=1):.3f}")
        for a, b in record.study.comparisons:
            c = record.compare(a, b)
            print(f"  {a} - {b}: mean {c.mean:+.3f} [{c.low:+.3f}, {c.high:+.3f}] -> {c.verdict}")


if __name__ == "__main__":
    main()
