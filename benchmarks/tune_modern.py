"""Choose the MODERN recipe by measurement on a validation split.

Run from the repository root:

    python -m benchmarks.tune_modern            # the full search (about 15 min on 2 cores)
    python -m benchmarks.tune_modern --quick    # noise and learning rate only, 2 seeds

The validation set is 20 % of the 1437 training images (288 images, carved
with `lstm.load_digits(validation_size=0.2)`, stratified); models train on
the other 1149. The test set is never looked at here.

The search is a centre and one-factor-at-a-time variations around it:
input noise (Gaussian, added to the training images each time they are
fed), learning rate, batch size, hidden size, schedule, epochs and forget
bias. Each point is trained with 3 seeds; the table is sorted by mean final
validation accuracy, ties broken by the mean validation cross-entropy of the
final model (lower is better: more confidently right). One validation image
is 0.35 % of accuracy, so the best 3 points are then trained with 2 more
seeds and ranked again over all 5. The winner's settings are trained on the
full training set as `lstm.recipes.MODERN`.
"""

import argparse
import statistics
import sys
import time

import lstm  # first: it quiets TensorFlow before TensorFlow is imported
import tensorflow as tf

# The centre of the search, as `RowClassifier` and `train` keyword arguments.
# It is where an earlier pass of this same search (centred on learning rate
# 3e-3) pointed: its winner was the larger learning rate; see README.md.
CENTRE_MODEL = dict(hidden_size=128)
CENTRE_FIT = dict(epochs=60, batch_size=32, learning_rate=1e-2, schedule="cosine", input_noise=0.3)


def grid(quick=False):
    """The points to try: `(label, model_kwargs, fit_kwargs)`."""
    def point(label, model=None, **fit):
        return label, {**CENTRE_MODEL, **(model or {})}, {**CENTRE_FIT, **fit}

    points = [
        point("centre"),
        point("no input noise", input_noise=0.0),
        point("input noise 0.15", input_noise=0.15),
        point("input noise 0.45", input_noise=0.45),
        point("lr 3e-3", learning_rate=3e-3),
        point("lr 2e-2", learning_rate=2e-2),
    ]
    if quick:
        return points
    return points + [
        point("lr 6e-3", learning_rate=6e-3),
        point("batch 64", batch_size=64),
        point("hidden 64", model=dict(hidden_size=64)),
        point("hidden 96", model=dict(hidden_size=96)),
        point("constant lr", schedule="constant"),
        point("40 epochs", epochs=40),
        point("forget bias 0", model=dict(forget_bias=0.0)),
    ]


def cross_entropy(model, x, y):
    """Mean softmax cross-entropy of `model` on `(x, y)`."""
    logits = model(x)  # (n, K)
    return float(tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(y, logits)))


def evaluate(data, model_kwargs, fit_kwargs, seeds):
    """Train one point with every seed; return the mean figures."""
    accs, losses, secs = [], [], []
    for seed in seeds:
        model = lstm.RowClassifier(seed=seed, **model_kwargs)
        start = time.perf_counter()
        history = lstm.train(model, data, seed=seed, progress=False, **fit_kwargs)
        secs.append(time.perf_counter() - start)
        assert history.val_on == "validation"
        accs.append(history.val_acc[-1])
        losses.append(cross_entropy(model, data.x_val, data.y_val))
    return dict(val_acc=statistics.mean(accs), val_accs=accs, val_loss=statistics.mean(losses),
                seconds=statistics.mean(secs))


def merge(a, b):
    """The figures of `evaluate` over the seeds of both `a` and `b`."""
    n_a, n_b = len(a["val_accs"]), len(b["val_accs"])
    mean = lambda key: (a[key] * n_a + b[key] * n_b) / (n_a + n_b)  # noqa: E731
    return dict(val_acc=statistics.mean(a["val_accs"] + b["val_accs"]),
                val_accs=a["val_accs"] + b["val_accs"], val_loss=mean("val_loss"),
                seconds=mean("seconds"))


def rank_key(row):
    """Higher mean validation accuracy first, then lower validation loss."""
    return -row[3]["val_acc"], row[3]["val_loss"]


def print_table(title, rows):
    print(f"\n{title}")
    print(f"{'rank':>4}  {'point':<22} {'val_acc':>7} {'val_loss':>8} {'s/run':>6}  per-seed val_acc")
    for rank, (label, _, _, r) in enumerate(rows, 1):
        per_seed = " ".join(f"{a:.3f}" for a in r["val_accs"])
        print(f"{rank:>4}  {label:<22} {r['val_acc']:>7.4f} {r['val_loss']:>8.4f} "
              f"{r['seconds']:>6.1f}  {per_seed}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="only the input-noise and learning-rate sweeps, with 2 seeds")
    parser.add_argument("--seeds", type=int, default=None,
                        help="seeds per point (default 3, or 2 with --quick)")
    parser.add_argument("--confirm", type=int, default=None,
                        help="re-train the best K points with 2 more seeds before choosing "
                             "(default 3, or 0 with --quick)")
    args = parser.parse_args(argv)
    n_seeds = args.seeds if args.seeds is not None else (2 if args.quick else 3)
    n_confirm = args.confirm if args.confirm is not None else (0 if args.quick else 3)
    if n_seeds < 1 or n_confirm < 0:
        parser.error("--seeds must be positive and --confirm non-negative")
    seeds = list(range(n_seeds))

    data = lstm.load_digits(validation_size=0.2)
    print(f"tensorflow {tf.__version__}; {data!r}; seeds {seeds}", flush=True)
    rows = []
    started = time.perf_counter()
    for label, model_kwargs, fit_kwargs in grid(args.quick):
        result = evaluate(data, model_kwargs, fit_kwargs, seeds)
        rows.append((label, model_kwargs, fit_kwargs, result))
        print(f"  {label:<22} val_acc {result['val_acc']:.4f}  val_loss {result['val_loss']:.4f}  "
              f"{result['seconds']:.1f} s/run", flush=True)

    rows.sort(key=rank_key)
    print_table(f"sorted by mean validation accuracy ({n_seeds} seeds each; "
                f"{time.perf_counter() - started:.0f} s so far):", rows)

    if n_confirm:
        more = list(range(n_seeds, n_seeds + 2))
        print(f"\nconfirming the best {n_confirm} with seeds {more}:", flush=True)
        top = []
        for label, model_kwargs, fit_kwargs, first in rows[:n_confirm]:
            extra = evaluate(data, model_kwargs, fit_kwargs, more)
            result = merge(first, extra)
            top.append((label, model_kwargs, fit_kwargs, result))
            print(f"  {label:<22} val_acc {result['val_acc']:.4f}  val_loss {result['val_loss']:.4f}",
                  flush=True)
        top.sort(key=rank_key)
        print_table(f"the best {n_confirm}, over {n_seeds + 2} seeds each "
                    f"({time.perf_counter() - started:.0f} s in all):", top)
        rows = top

    label, model_kwargs, fit_kwargs, _ = rows[0]
    print(f"\nwinner: {label}\n  model={model_kwargs}\n  fit={fit_kwargs}")
    if args.quick:
        print("(--quick is a short look: MODERN was chosen by the full search)")
    current = lstm.recipes.MODERN
    same = current.model == model_kwargs and current.fit == fit_kwargs
    print("lstm.recipes.MODERN " + ("matches the winner." if same else
          f"differs: model={current.model}, fit={current.fit}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
