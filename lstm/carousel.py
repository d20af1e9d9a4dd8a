"""The constant error carousel, measured in a trained classifier.

`lstm.bptt.cell_path_split` splits the gradient that reaches each cell state
`c_t` into the part carried by the memory cell alone and the part that
travelled through `h`. Two pieces connect it to a `RowClassifier`:

- `classifier_dhs`: the loss's gradient with respect to every output `h_t`,
  the `dhs` that `bptt.backward` and `bptt.cell_path_split` take. The loss is
  the cross-entropy of the last row, summed over the images, differentiated
  by hand through the head (`logits = h_T W_v + b_v`, or its `tanh`);
- `forget_products`: what the memory cell alone keeps of a gradient on its
  way back from the last row to row `t`, the product of the forget gates
  `f_{t+1} ⊙ ... ⊙ f_T`.

Example:

>>> import lstm
>>> from lstm import bptt, carousel
>>> d = lstm.load_digits()
>>> model = lstm.RowClassifier(seed=0)
>>> hs, cs, cache = bptt.forward(d.x_test[:4], model.cell.W, model.cell.b)
>>> dhs = carousel.classifier_dhs(model, hs, d.y_test[:4])
>>> kept = carousel.forget_products(cache)
>>> dhs.shape, kept.shape, float(kept[:, -1].min())
((4, 8, 50), (4, 8, 50), 1.0)
"""

from __future__ import annotations

import numpy as np

from . import _validate as v
from .bptt import Cache
from .model import RowClassifier


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
