"""Train the MODERN recipe with the scratch LSTM and with Keras's LSTM.

Run from the repository root, either way:

    python benchmarks/train_speed.py
    python -m benchmarks.train_speed --epochs 5 --seeds 2     # a quick look

For each seed, the scratch `RowClassifier` and its Keras twin
(`Input((8, 8))` -> `tf.keras.layers.LSTM(H)` -> `Dense(10)`) start from the
SAME weights (copied with `lstm.keras_weights`) and are trained by the same
`lstm.train` call: same optimizer, schedule, batches, input noise and epochs.
The two alternate (scratch first for even seeds, Keras first for odd seeds)
so that a busy machine slows both alike. Printed: per-seed times and test
accuracies, the median training time of each, their ratio (scratch / Keras)
and the median test accuracy of each.

Training time is the wall-clock time of the whole `lstm.train` call: graph
tracing, every step and the per-epoch evaluation on the training and test
sets included. The process CPU time is printed too: on a machine shared with
other jobs it is the steadier of the two.
"""

import argparse
import platform
import statistics
import sys
import time

import lstm  # first: it quiets TensorFlow before TensorFlow is imported
import tensorflow as tf


def keras_twin(model, rows=8):
    """A Keras model computing what `model` (a `RowClassifier`) computes, with its weights."""
    cell = model.cell
    twin = tf.keras.Sequential([
        tf.keras.Input((rows, cell.input_size)),  # (B, rows, features)
        tf.keras.layers.LSTM(cell.hidden_size),   # last h: (B, H)
        tf.keras.layers.Dense(model.num_classes),  # logits: (B, K)
    ])
    twin.layers[0].set_weights(lstm.keras_weights(cell))
    twin.layers[1].set_weights([model.W_v.numpy(), model.b_v.numpy()])
    return twin


def run_one(kind, recipe, data, seed):
    """Train one model; return `(wall_seconds, cpu_seconds, test_accuracy)`."""
    model = recipe.build(seed)
    if kind == "keras":
        model = keras_twin(model, rows=data.x_train.shape[1])
    start, cpu = time.perf_counter(), time.process_time()
    history = lstm.train(model, data, seed=seed, progress=False, **recipe.fit)
    return time.perf_counter() - start, time.process_time() - cpu, history.test_acc[-1]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=None,
                        help="epochs per training (default: the recipe's)")
    parser.add_argument("--seeds", type=int, default=5, help="seeds 0..N-1 (default 5)")
    args = parser.parse_args(argv)
    if args.seeds < 1 or (args.epochs is not None and args.epochs < 1):
        parser.error("--epochs and --seeds must be positive")

    recipe = lstm.recipes.MODERN
    if args.epochs is not None:
        recipe = lstm.recipes.Recipe(recipe.name, recipe.model, {**recipe.fit, "epochs": args.epochs},
                                     recipe.scale)
    data = lstm.load_digits(scale=recipe.scale)
    print(f"python {platform.python_version()}, tensorflow {tf.__version__}, "
          f"{platform.machine()}, {_cpus()} CPU(s)")
    print(f"recipe {recipe.name}: model {recipe.model}, fit {recipe.fit}")
    print(f"data: {len(data.y_train)} train / {len(data.y_test)} test images", flush=True)

    # Warm TensorFlow up (thread pools, Keras imports) outside the timings.
    warm = lstm.recipes.Recipe("warm", recipe.model, {**recipe.fit, "epochs": 1}, recipe.scale)
    for kind in ("scratch", "keras"):
        run_one(kind, warm, data, 0)

    times = {"scratch": [], "keras": []}
    cpus = {"scratch": [], "keras": []}
    accs = {"scratch": [], "keras": []}
    print(f"\n{'seed':>4} {'scratch s':>10} {'keras s':>8} {'ratio':>6} {'scratch acc':>12} {'keras acc':>10}")
    for seed in range(args.seeds):
        order = ("scratch", "keras") if seed % 2 == 0 else ("keras", "scratch")
        for kind in order:
            seconds, cpu, acc = run_one(kind, recipe, data, seed)
            times[kind].append(seconds)
            cpus[kind].append(cpu)
            accs[kind].append(acc)
        print(f"{seed:>4} {times['scratch'][-1]:>10.1f} {times['keras'][-1]:>8.1f} "
              f"{times['scratch'][-1] / times['keras'][-1]:>6.2f} "
              f"{accs['scratch'][-1]:>12.4f} {accs['keras'][-1]:>10.4f}", flush=True)

    med = {k: statistics.median(t) for k, t in times.items()}
    cpu = {k: statistics.median(t) for k, t in cpus.items()}
    acc = {k: statistics.median(a) for k, a in accs.items()}
    print(f"\nmedian training time: scratch {med['scratch']:.1f} s, keras {med['keras']:.1f} s")
    print(f"ratio (scratch / keras): {med['scratch'] / med['keras']:.2f}   (target <= 1.00)")
    print(f"(process CPU time, less sensitive to other jobs: scratch {cpu['scratch']:.1f} s, "
          f"keras {cpu['keras']:.1f} s, ratio {cpu['scratch'] / cpu['keras']:.2f})")
    print(f"median test accuracy over {args.seeds} seed(s): scratch {acc['scratch']:.4f}, "
          f"keras {acc['keras']:.4f}   (target: scratch >= 0.992)")
    return 0


def _cpus():
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


if __name__ == "__main__":
    sys.exit(main())
