"""Time the LSTM, its relatives and the plain RNN per epoch, and record it for the book.

    python -m benchmarks.relatives              # writes lstm/records/speed.json
    python -m benchmarks.relatives --no-write   # prints only

Every model of the studies `relatives` (the 8-row digits) and `lags` (a digit,
then 56 blank rows) is trained for 6 epochs with seeds 0, 1, 2, uncached, one
after the other in this process, in an order that rotates from seed to seed
(`lstm.speeds.measure`). Printed: each run's median epoch time (the first
epoch, which traces the graph, left out), then per study the median over the
seeds and its ratio to the full LSTM. The chapter on long lags reads the
record through `lstm.speeds.load`, which refuses it once the training code
changes.
"""

import argparse
import time

import lstm  # noqa: F401  (first: it quiets TensorFlow)
from lstm import speeds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only; keep the record as it is")
    args = parser.parse_args()
    start = time.perf_counter()
    result = speeds.measure()
    for study, seconds in result["seconds"].items():
        print(f"\n{study}: seconds per epoch (median over seeds), ratio to the full LSTM")
        for variant, s in seconds.items():
            print(f"  {variant:10s} {s:7.3f} s   {s / seconds['full']:.2f}")
    print(f"\n{time.perf_counter() - start:.0f} s in all; {result['machine']}")
    if not args.no_write:
        print("wrote", speeds.write(result))


if __name__ == "__main__":
    main()
