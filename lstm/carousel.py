"""The constant error carousel, measured in a trained classifier.

`lstm.bptt.cell_path_split` splits the gradient that reaches each cell state
`c_t` into the part carried by the memory cell alone and the part that
travelled through `h`. Three pieces connect it to a `RowClassifier`:

- `classifier_dhs`: the loss's gradient with respect to every output `h_t`,
  the `dhs` that `bptt.backward` and `bptt.cell_path_split` take. The loss is
  the cross-entropy of the last row, summed over the images, differentiated
  by hand through the head (`logits = h_T W_v + b_v`, or its `tanh`);
- `forget_products`: what the memory cell alone keeps of a gradient on its
  way back from the last row to row `t`, the product of the forget gates
  `f_{t+1} ⊙ ... ⊙ f_T`;
- `path_shares`: each part's share of `δc_t`, its projection on `δc_t`;
  the two shares add to 1.

Example:

>>> import lstm
>>> import numpy as np
>>> from lstm import bptt, carousel
>>> d = lstm.load_digits()
>>> model = lstm.RowClassifier(seed=0)
>>> hs, cs, cache = bptt.forward(d.x_test[:4], model.cell.W, model.cell.b)
>>> dhs = carousel.classifier_dhs(model, hs, d.y_test[:4])
>>> kept = carousel.forget_products(cache)
>>> dhs.shape, kept.shape, float(kept[:, -1].min())
((4, 8, 50), (4, 8, 50), 1.0)
>>> shares = carousel.path_shares(bptt.cell_path_split(dhs, cache))
>>> shares.cell_path.shape, bool(np.allclose(shares.cell_path + shares.h_path, 1.0))
((4, 8), True)
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import _validate as v
from .bptt import Cache, CellPathSplit
from .model import RowClassifier


class PathShares(NamedTuple):
    """Each path's share of the gradient reaching `c_t`, per image and row.

    Both fields are `(batch, rows)`, and `cell_path + h_path` is 1 everywhere
    (up to round-off).
    """

    cell_path: np.ndarray  # (B, T)  ⟨δc_t along the cell only, δc_t⟩ / ‖δc_t‖²
    h_path: np.ndarray     # (B, T)  ⟨δc_t through h, δc_t⟩ / ‖δc_t‖²


def classifier_dhs(model, hs, labels):
    """The classifier's loss, differentiated by hand with respect to every output `h_t`.

    The loss is `L = Σ_n cross-entropy(softmax(logits_n), labels_n)`, summed
    over the images so that each image's rows receive the gradient of that
    image's own loss. Only the last row is read by the head, so every other
    row gets zeros::

        s = h_T W_v + b_v          logits = s (linear head) or tanh(s) (tanh head)
        δlogits = softmax(logits) - onehot(labels)
        δs = δlogits               (linear) or δlogits ⊙ (1 - tanh²(s)) (tanh)
        δh_T = δs W_vᵀ

    Args:
        model: an `lstm.RowClassifier` with `readout="last"`, whose head is used.
        hs: `(batch, rows, hidden_size)`: every output `h_t` of the model's
            cell on the images, e.g. from `lstm.bptt.forward` with the cell's
            `W`, `b`, `gates` and `cell_tanh`.
        labels: integer labels `(batch,)`.

    Returns:
        A float64 array `(batch, rows, hidden_size)`: zeros except the last row.

    Raises:
        ValueError: for a model that is not a `RowClassifier` with
            `readout="last"`, `hs` of the wrong shape or with non-finite
            values, or labels out of range or of the wrong length.
    """
    if not isinstance(model, RowClassifier):
        v.fail("model", "an lstm.RowClassifier", type(model).__name__)
    if model.readout != "last":
        v.fail("model", "a RowClassifier with readout='last' (a loss on the last row only)",
               f"readout={model.readout!r}")
    hs = v.array("hs", hs, rank=3, last=model.hidden_size, dtype=np.float64)  # (B, T, H)
    labels = v.labels("labels", labels, num_classes=model.num_classes, length=len(hs))  # (B,)
    W_v = np.asarray(model.W_v, np.float64)  # (H, K)
    b_v = np.asarray(model.b_v, np.float64)  # (K,)
    s = hs[:, -1] @ W_v + b_v  # (B, K)  the head's linear part
    logits = np.tanh(s) if model.head == "tanh" else s  # (B, K)
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))  # (B, K)  softmax without overflow
    d_logits = shifted / shifted.sum(axis=1, keepdims=True)  # (B, K)  softmax(logits)
    d_logits[np.arange(len(labels)), labels] -= 1.0  # (B, K)  softmax - onehot
    d_s = d_logits * (1.0 - logits ** 2) if model.head == "tanh" else d_logits  # (B, K)
    dhs = np.zeros_like(hs)  # (B, T, H)
    dhs[:, -1] = d_s @ W_v.T  # (B, H)
    return dhs


def forget_products(cache):
    """The product of the forget gates from each row to the last: what the cell alone keeps.

    Along the memory cell, `δc_{t-1} = δc_t ⊙ f_t`, so a gradient that
    enters the cell at the last row `T` reaches row `t` multiplied by
    `f_{t+1} ⊙ f_{t+2} ⊙ ... ⊙ f_T`, element by element.

    Args:
        cache: the `Cache` returned by `lstm.bptt.forward`.

    Returns:
        A float64 array `(batch, rows, hidden_size)`: entry `t` is that
        product (1 at the last row, where nothing is multiplied; exactly 1
        everywhere for a cell without a forget gate).

    Raises:
        ValueError: for a `cache` that is not the `Cache` of `bptt.forward`.
    """
    if not isinstance(cache, Cache):
        v.fail("cache", "the Cache returned by lstm.bptt.forward", type(cache).__name__)
    f = np.stack([step.f for step in cache.steps], axis=1)  # (B, T, H)
    kept = np.ones_like(f)  # (B, T, H)
    for t in reversed(range(f.shape[1] - 1)):
        kept[:, t] = kept[:, t + 1] * f[:, t + 1]  # (B, H)  one more forget gate on the way back
    return kept


def path_shares(split):
    """Each part's share of `δc_t`: its projection on `δc_t`, `⟨part, δc_t⟩ / ‖δc_t‖²`.

    The gradient reaching `c_t` is a vector over the memory cells, the sum of
    two parts: the cell path's and the part through `h`
    (`lstm.bptt.cell_path_split`). Projected on the whole, the parts split
    it exactly: since `cell_path + h_path = δc_t`, their shares add to 1.
    A share is negative where a part points against `δc_t`, and then the
    other part's share is above 1. The parts' lengths, `‖part‖ / ‖δc_t‖`,
    do not add to 1: lengths add up only for vectors that point the same way.

    Args:
        split: the `CellPathSplit` returned by `lstm.bptt.cell_path_split`,
            each field `(batch, rows, hidden_size)`.

    Returns:
        A `PathShares` of two float64 arrays `(batch, rows)`.

    Raises:
        ValueError: for a `split` that is not a `CellPathSplit`, or one in
            which some `δc_t` is zero (it has no direction to project on).
    """
    if not isinstance(split, CellPathSplit):
        v.fail("split", "the CellPathSplit returned by lstm.bptt.cell_path_split", type(split).__name__)
    whole = np.asarray(split.total, np.float64)  # (B, T, H)  δc_t
    squared = np.sum(whole ** 2, axis=-1)  # (B, T)  ‖δc_t‖²
    zero = int(np.count_nonzero(squared == 0))
    if zero:
        v.fail("split", "a non-zero δc_t at every image and row (a zero one has no direction)",
               f"δc_t = 0 at {zero} (image, row) pair(s)")
    cell = np.sum(np.asarray(split.cell_path, np.float64) * whole, axis=-1) / squared  # (B, T)
    h = np.sum(np.asarray(split.h_path, np.float64) * whole, axis=-1) / squared  # (B, T)
    return PathShares(cell, h)
