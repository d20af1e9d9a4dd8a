"""`RowClassifier(readout="every")`: the head reads `h` after every row."""

import numpy as np
import pytest
import tensorflow as tf

import lstm


@pytest.fixture(scope="module")
def images():
    return lstm.load_digits().x_test[:5]  # (5, 8, 8)


@pytest.fixture(scope="module")
def every():
    return lstm.RowClassifier(hidden_size=12, seed=3, readout="every")


def test_logits_have_a_row_axis(every, images):
    logits = every(images)
    assert tuple(logits.shape) == (5, 8, 10) and logits.dtype == tf.float32
    assert every.predict(images).shape == (5, 8)
    assert every.predict(images).dtype.kind == "i"


def test_last_row_is_the_last_readout_models_logits(every, images):
    last = lstm.RowClassifier(hidden_size=12, seed=3)  # same seed: same weights
    for a, b in zip(every.trainable_variables, last.trainable_variables):
        np.testing.assert_array_equal(a.numpy(), b.numpy())
    np.testing.assert_allclose(every(images).numpy()[:, -1], last(images).numpy(), atol=1e-6)
    np.testing.assert_array_equal(every.predict(images)[:, -1], last.predict(images))


def test_every_row_is_the_readout_of_that_rows_h(every, images):
    h = lstm.scan(every.cell, images).h.numpy()  # (5, 8, 12)
    expected = h @ every.W_v.numpy() + every.b_v.numpy()  # (5, 8, 10)
    np.testing.assert_allclose(every(images).numpy(), expected, atol=1e-5)
    probs = tf.nn.softmax(every(images), axis=-1).numpy()
    np.testing.assert_allclose(every.trace(images).probs, probs, atol=1e-6)


@pytest.mark.parametrize("readout", ["first", "all", "", None, "Every"])
def test_bad_readout(readout):
    with pytest.raises(ValueError, match="argument `readout`, expected one of 'last', 'every', got "):
        lstm.RowClassifier(readout=readout)


def test_config_save_and_load_keep_readout(every, images, tmp_path):
    assert every.config()["readout"] == "every"
    assert lstm.RowClassifier(seed=0).config()["readout"] == "last"
    path = lstm.save(every, tmp_path / "every.npz")
    again = lstm.load(path)
    assert again.readout == "every" and again.config() == every.config()
    np.testing.assert_array_equal(again(images).numpy(), every(images).numpy())
    rebuilt = lstm.RowClassifier(**{k: x for k, x in every.config().items() if k != "cell"},
                                 **every.config()["cell"])
    np.testing.assert_array_equal(rebuilt(images).numpy(), every(images).numpy())
