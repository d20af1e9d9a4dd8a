"""The default cell and training loop give, to the last bit, what they gave
before the cell learned its variants (`coupled`, `peepholes`) and `train`
learned `clipnorm`: the recorded gate studies (`lstm/records/`) depend on it.

The checksums below were computed with the code of commit 8da2c4b, before
those changes (TensorFlow 2.21 CPU, NumPy 2.4), by this module's `checksum` over the
same three one-epoch runs; they were the same with one TensorFlow thread and
with the default thread pools. A change of TensorFlow, NumPy or CPU may change
the last bits of a float32 run: then compute them again with the code of a
commit known to be right, and say so in its message.
"""

import hashlib

import numpy as np
import pytest

import lstm


def checksum(model, history):
    """SHA-256 over every weight (by name) and the history's numbers."""
    digest = hashlib.sha256()
    for var in sorted(model.trainable_variables, key=lambda var: var.name):
        digest.update(var.name.encode())
        digest.update(np.ascontiguousarray(var.numpy()).tobytes())
    digest.update(np.array(history.loss + history.acc + history.test_acc, np.float64).tobytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def data():
    return lstm.load_digits()


def test_the_default_model_and_loop_are_unchanged(data):
    model = lstm.RowClassifier(hidden_size=16, seed=0)
    history = lstm.train(model, data, epochs=1, progress=False)
    assert checksum(model, history) == "ca77cea965424224f9fd8b00a599f5c0bc2ca7e883b1369c988391f426f61042"


def test_a_variant_of_the_gate_studies_is_unchanged(data):
    model = lstm.RowClassifier(hidden_size=16, seed=1, gates=("i", "o"), cell_tanh=False, forget_bias=2.0)
    history = lstm.train(model, data, epochs=1, batch_size=64, learning_rate=1e-2, schedule="cosine",
                         seed=3, progress=False)
    assert checksum(model, history) == "c6c8fc571bf9f60adf29c8e73b5590470a079f2f8fe813494363f758371f94d2"


def test_a_task_with_a_label_per_row_is_unchanged(data):
    task = lstm.tasks.segments(data, segments=2, digits=2, repeats=1)
    model = lstm.RowClassifier(task.x_train.shape[2], 8, task.num_classes, readout="every", seed=2,
                               gates=("o",))
    history = lstm.train(model, task, epochs=1, batch_size=64, schedule="cosine", seed=2, progress=False)
    assert checksum(model, history) == "68e57a21cd6848ab6940375853d51b2624965b50e572278c72dd96ae49091736"
