"""`train(input_noise=...)` and the compiled per-epoch evaluation of `train`."""

import numpy as np
import pytest

import lstm


@pytest.fixture(scope="module")
def small():
    d = lstm.load_digits()
    return lstm.Digits(d.x_train[:160], d.y_train[:160], d.x_test[:60], d.y_test[:60])


def fit(data, **kwargs):
    model = lstm.RowClassifier(hidden_size=8, seed=0)
    history = lstm.train(model, data, epochs=2, batch_size=50, learning_rate=1e-2, seed=3,
                         progress=False, **kwargs)
    return model, history


@pytest.fixture(scope="module")
def plain(small):
    return fit(small)[1]


def records(history):
    d = history.as_dict()
    d.pop("seconds")
    return d


def test_input_noise_is_deterministic_and_changes_training(small, plain):
    _, noisy = fit(small, input_noise=0.3)
    _, again = fit(small, input_noise=0.3)
    assert records(noisy) == records(again)
    assert noisy.loss != plain.loss


def test_input_noise_keeps_the_batches(small, plain):
    # Noise drawn from its own generator: a negligible noise leaves the batch
    # order, hence the losses, as they were without noise.
    _, tiny = fit(small, input_noise=1e-9)
    np.testing.assert_allclose(tiny.loss, plain.loss, rtol=1e-5)


def test_zero_input_noise_is_the_default(small, plain):
    _, zero = fit(small, input_noise=0.0)
    assert records(zero) == records(plain)


@pytest.mark.parametrize("bad", [-0.1, float("nan"), float("inf"), "0.1", None, True])
def test_input_noise_rejects_bad_values(small, bad):
    with pytest.raises(ValueError, match="argument `input_noise`, expected a non-negative finite number"):
        fit(small, input_noise=bad)


def test_history_accuracies_match_accuracy(small):
    # `train` evaluates with a compiled graph; it must agree with `lstm.accuracy`.
    model, history = fit(small)
    assert history.acc[-1] == lstm.accuracy(model, small.x_train, small.y_train)
    assert history.val_acc[-1] == lstm.accuracy(model, small.x_test, small.y_test)
    assert history.test_acc[-1] == history.val_acc[-1]


def test_keras_model_history_matches_accuracy(small):
    import tensorflow as tf

    tf.keras.utils.set_random_seed(0)
    model = tf.keras.Sequential([tf.keras.Input((8, 8)), tf.keras.layers.LSTM(8),
                                 tf.keras.layers.Dense(10)])
    history = lstm.train(model, small, epochs=1, batch_size=50, seed=0, progress=False,
                         input_noise=0.1)
    assert history.acc[-1] == lstm.accuracy(model, small.x_train, small.y_train)
