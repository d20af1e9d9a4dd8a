"""`train(clipnorm=...)` and the gradient norms every `History` records."""

import numpy as np
import pytest
import tensorflow as tf

import lstm


@pytest.fixture(scope="module")
def small():
    d = lstm.load_digits()
    return lstm.Digits(d.x_train[:120], d.y_train[:120], d.x_test[:40], d.y_test[:40])


def fit(data, epochs=2, **kwargs):
    model = lstm.RowClassifier(hidden_size=8, seed=0)
    kwargs = {"batch_size": 40, "learning_rate": 1e-2, "seed": 3, **kwargs}
    return model, lstm.train(model, data, epochs=epochs, progress=False, **kwargs)


def first_gradient(data, reduction="mean"):
    """The gradients of a fresh `fit` model on the whole of `data.x_train`, by hand."""
    model = lstm.RowClassifier(hidden_size=8, seed=0)
    with tf.GradientTape() as tape:
        logits = model(data.x_train)
        per_image = tf.nn.sparse_softmax_cross_entropy_with_logits(data.y_train, logits)
        loss = tf.reduce_sum(per_image) if reduction == "sum" else tf.reduce_mean(per_image)
    return model, tape.gradient(loss, model.trainable_variables)


def test_history_records_the_gradient_norm_of_every_epoch(small):
    _, history = fit(small, epochs=3)
    assert len(history.grad_norm) == len(history.grad_norm_max) == len(history.clipped) == 3
    assert all(0 < mean <= top for mean, top in zip(history.grad_norm, history.grad_norm_max))
    assert history.clipnorm is None and history.clipped == [0.0, 0.0, 0.0]
    assert {"grad_norm", "grad_norm_max", "clipped", "clipnorm"} <= set(history.as_dict())


def test_recorded_norm_is_the_global_norm_before_clipping(small):
    _, grads = first_gradient(small, reduction="sum")
    norm = float(np.sqrt(sum(np.sum(g.numpy().astype(np.float64) ** 2) for g in grads)))
    # One step of the whole training set, in its order: the step's gradient is the one above.
    for clipnorm in (None, 1.0):
        _, history = fit(small, epochs=1, batch_size=len(small.x_train), shuffle=False,
                         reduction="sum", clipnorm=clipnorm)
        assert history.grad_norm == history.grad_norm_max
        np.testing.assert_allclose(history.grad_norm[0], norm, rtol=1e-5)
    assert norm > 1.0 and history.clipped == [1.0] and history.clipnorm == 1.0


def test_clipping_is_keras_global_clipnorm(small):
    # The reference: Keras's Adam with `global_clipnorm`, one step on the same gradient.
    clipnorm, lr = 1e-8, 1e-2
    reference, grads = first_gradient(small)
    tf.keras.optimizers.Adam(learning_rate=lr, global_clipnorm=clipnorm).apply_gradients(
        zip(grads, reference.trainable_variables))
    ours, history = fit(small, epochs=1, batch_size=len(small.x_train), shuffle=False, learning_rate=lr,
                        clipnorm=clipnorm)
    assert history.clipped == [1.0]
    for a, b in zip(ours.trainable_variables, reference.trainable_variables):
        np.testing.assert_allclose(a.numpy(), b.numpy(), rtol=1e-5, atol=1e-7)
    # Adam divides by the gradient's scale, but not below its epsilon (1e-7): a
    # gradient clipped to 1e-8 moves the weights ten times less than one not clipped.
    start = lstm.RowClassifier(hidden_size=8, seed=0).trainable_variables
    free, _ = fit(small, epochs=1, batch_size=len(small.x_train), shuffle=False, learning_rate=lr)
    moved = lambda model: sum(float(np.abs(a.numpy() - b.numpy()).sum())  # noqa: E731
                              for a, b in zip(model.trainable_variables, start))
    assert moved(ours) < moved(free) / 10


def test_a_clipnorm_above_every_norm_clips_nothing(small):
    _, plain = fit(small)
    _, loose = fit(small, clipnorm=1e6)
    assert loose.clipped == [0.0, 0.0] and loose.clipnorm == 1e6
    np.testing.assert_allclose(loose.loss, plain.loss, rtol=1e-6)
    assert loose.grad_norm == pytest.approx(plain.grad_norm, rel=1e-5)


def test_an_exploding_gradient_is_clipped(small):
    # The summed loss over 120 images gives gradients about 120 times those of
    # the mean: every step's norm exceeds 1, and clipping takes each down to 1.
    _, history = fit(small, epochs=2, reduction="sum", clipnorm=1.0)
    assert min(history.grad_norm) > 1.0 and history.clipped == [1.0, 1.0]
    _, gentle = fit(small, epochs=2, clipnorm=50.0)
    assert max(gentle.grad_norm_max) < 50.0 and gentle.clipped == [0.0, 0.0]


@pytest.mark.parametrize("bad", [0, -1.0, float("nan"), float("inf"), "1", True])
def test_clipnorm_rejects_bad_values(small, bad):
    with pytest.raises(ValueError, match="argument `clipnorm`, expected None or a positive finite number"):
        fit(small, clipnorm=bad)


def test_a_history_saved_before_the_gradient_norms_still_loads():
    old = dict(loss=[1.0], acc=[0.5], val_acc=[0.4], test_acc=[0.4], seconds=[0.1], val_on="test")
    history = lstm.History(**old)
    assert history.grad_norm == [] and history.clipnorm is None
