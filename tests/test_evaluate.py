import math

import numpy as np
import pytest
import tensorflow as tf

import lstm
from lstm import evaluate


class FixedLogits:
    """A stand-in model that returns preset logits for images 0..n-1 (pixel [0, 0] is the index)."""

    def __init__(self, logits):
        self.table = tf.constant(logits, tf.float32)

    def __call__(self, images):
        idx = tf.cast(tf.convert_to_tensor(images)[:, 0, 0], tf.int32)
        return tf.gather(self.table, idx)


def _images(n):
    x = np.zeros((n, 8, 8), np.float32)
    x[:, 0, 0] = np.arange(n)
    return x


def test_confusion_matrix_counts_true_rows_and_predicted_columns():
    m = evaluate.confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], num_classes=3)
    np.testing.assert_array_equal(m, [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    assert m.dtype == np.int64
    assert m.sum() == 6 and np.trace(m) == 4


def test_confusion_matrix_of_a_real_model_sums_to_the_test_set():
    data = lstm.load_digits()
    model = lstm.RowClassifier(hidden_size=8, seed=0)
    m = evaluate.confusion_matrix(data.y_test, model.predict(data.x_test))
    assert m.shape == (10, 10)
    np.testing.assert_array_equal(m.sum(axis=1), np.bincount(data.y_test, minlength=10))
    assert np.trace(m) / m.sum() == pytest.approx(lstm.accuracy(model, data.x_test, data.y_test))


@pytest.mark.parametrize("kwargs, match", [
    (dict(y_true=[0, 1], y_pred=[0]), "y_pred.*2 labels"),
    (dict(y_true=[0, 10], y_pred=[0, 1]), "y_true.*labels in \\[0, 10\\)"),
    (dict(y_true=[0, 1], y_pred=[0, -1]), "y_pred.*labels in"),
    (dict(y_true=[], y_pred=[]), "y_true.*non-empty"),
    (dict(y_true=[0.5, 1], y_pred=[0, 1]), "y_true.*integer labels"),
    (dict(y_true=[0], y_pred=[0], num_classes=0), "num_classes.*positive integer"),
])
def test_confusion_matrix_rejects_bad_labels(kwargs, match):
    with pytest.raises(ValueError, match=match):
        evaluate.confusion_matrix(**kwargs)


def test_mistakes_lists_the_wrong_answers_in_order():
    logits = np.full((5, 3), -5.0, np.float32)
    answers = [0, 2, 1, 1, 0]
    logits[np.arange(5), answers] = 5.0
    logits[1] = [0.0, 0.0, 1.0]  # a less confident mistake
    model = FixedLogits(logits)
    wrong = evaluate.mistakes(model, _images(5), [0, 1, 1, 2, 0])
    assert len(wrong) == 2
    np.testing.assert_array_equal(wrong.index, [1, 3])
    np.testing.assert_array_equal(wrong.true, [1, 2])
    np.testing.assert_array_equal(wrong.predicted, [2, 1])
    np.testing.assert_array_equal(wrong.images[:, 0, 0], [1, 3])
    expected = math.e / (math.e + 2.0)
    assert wrong.confidence[0] == pytest.approx(expected, rel=1e-6)
    assert wrong.probs.shape == (2, 3)
    np.testing.assert_allclose(wrong.probs.sum(axis=1), 1.0, rtol=1e-6)


def test_mistakes_empty_when_all_right():
    logits = np.eye(3, dtype=np.float32) * 4
    wrong = evaluate.mistakes(FixedLogits(logits), _images(3), [0, 1, 2])
    assert len(wrong) == 0 and wrong.images.shape == (0, 8, 8)


def test_mistakes_of_a_row_classifier_agree_with_its_accuracy():
    data = lstm.load_digits()
    model = lstm.RowClassifier(hidden_size=8, seed=3)
    wrong = evaluate.mistakes(model, data.x_test, data.y_test)
    assert len(wrong) == round((1 - lstm.accuracy(model, data.x_test, data.y_test)) * len(data.y_test))
    np.testing.assert_array_equal(model.predict(wrong.images), wrong.predicted)
    assert np.all(wrong.predicted != wrong.true)


def test_mistakes_rejects_bad_input():
    model = FixedLogits(np.eye(3, dtype=np.float32))
    with pytest.raises(ValueError, match="labels.*3 labels, one per image"):
        evaluate.mistakes(model, _images(3), [0, 1])
    with pytest.raises(ValueError, match="images.*shape \\(batch, rows, features\\)"):
        evaluate.mistakes(model, np.zeros((8, 8)), [0])
    with pytest.raises(ValueError, match="labels.*labels in \\[0, 3\\)"):
        evaluate.mistakes(model, _images(2), [0, 3])


def test_predict_proba_batches_give_the_same_answer():
    model = lstm.RowClassifier(hidden_size=4, seed=0)
    x = lstm.load_digits().x_test[:50]
    np.testing.assert_allclose(evaluate.predict_proba(model, x, batch_size=7),
                               evaluate.predict_proba(model, x), rtol=1e-5, atol=1e-7)
    with pytest.raises(ValueError, match="batch_size.*positive integer"):
        evaluate.predict_proba(model, x, batch_size=0)


def test_max_probability_of_a_tanh_head():
    assert evaluate.max_probability((-1, 1)) == pytest.approx(math.e / (math.e + 9 / math.e))
    assert evaluate.max_probability((-1, 1)) == pytest.approx(0.4509, abs=1e-4)
    assert evaluate.max_probability((0, 0), num_classes=4) == pytest.approx(0.25)
    # The bound is reached: logits 1 for one class and -1 for the others.
    probs = tf.nn.softmax(tf.constant([1.0] + [-1.0] * 9)).numpy()
    assert probs[0] == pytest.approx(evaluate.max_probability((-1, 1)), rel=1e-6)


@pytest.mark.parametrize("args, match", [
    (((1, -1),), "logit_range.*low <= high"),
    ((3,), "logit_range.*a pair"),
    (((0, float("inf")),), "logit_range\\[1\\].*finite"),
    (((0, 1), 0), "num_classes.*positive integer"),
])
def test_max_probability_rejects_bad_arguments(args, match):
    with pytest.raises(ValueError, match=match):
        evaluate.max_probability(*args)


def test_saturation_counts_gates_near_0_or_1():
    data = lstm.load_digits(scale=False)
    model = lstm.recipes.MODERN.build(seed=0)
    raw = evaluate.saturation(model, data.x_test[:100])
    scaled = evaluate.saturation(model, data.x_test[:100] / 16.0)
    assert 0.0 <= scaled < raw <= 1.0
    # Zero weights and zero bias put every gate at exactly 0.5: nothing saturated.
    zeros = lstm.RowClassifier(init="zeros", forget_bias=0.0, seed=0)
    assert evaluate.saturation(zeros, data.x_test[:10]) == 0.0
    # A huge forget bias holds f near 1: with only f learned, all saturated.
    held = lstm.RowClassifier(init="zeros", forget_bias=10.0, gates=("f",), seed=0)
    assert evaluate.saturation(held, data.x_test[:10]) == 1.0
    assert evaluate.saturation(lstm.RowClassifier(gates=(), seed=0), data.x_test[:10]) == 0.0


def test_saturation_rejects_bad_arguments():
    model = lstm.RowClassifier(hidden_size=4, seed=0)
    x = np.zeros((2, 8, 8), np.float32)
    with pytest.raises(ValueError, match="margin.*fraction"):
        evaluate.saturation(model, x, margin=0.0)
    with pytest.raises(ValueError, match="model.*RowClassifier"):
        evaluate.saturation(FixedLogits(np.eye(3, dtype=np.float32)), x)
    with pytest.raises(ValueError, match="images.*shape"):
        evaluate.saturation(model, np.zeros((8, 8)))


def test_gradient_norms_zero_init_only_z_learns_first():
    data = lstm.load_digits(scale=False)
    article = lstm.recipes.ARTICLE.build(seed=0)
    norms = evaluate.gradient_norms(article, data.x_train[:100], data.y_train[:100])
    assert list(norms) == ["z", "i", "f", "o"]
    assert norms["z"] > 0 and norms["i"] == norms["f"] == norms["o"] == 0.0
    modern = lstm.recipes.MODERN.build(seed=0)
    norms = evaluate.gradient_norms(modern, data.x_train[:100] / 16, data.y_train[:100])
    assert all(n > 0 for n in norms.values())


def test_gradient_norms_match_a_direct_computation():
    data = lstm.load_digits()
    model = lstm.RowClassifier(hidden_size=5, seed=2)
    x, y = data.x_train[:20], data.y_train[:20]
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(y, model(x)))
    g = tape.gradient(loss, model.cell.W).numpy()
    norms = evaluate.gradient_norms(model, x, y)
    assert norms["f"] == pytest.approx(np.linalg.norm(g[:, 10:15]), rel=1e-5)
    with pytest.raises(ValueError, match="labels.*20 labels"):
        evaluate.gradient_norms(model, x, y[:3])
    with pytest.raises(ValueError, match="model.*RowClassifier"):
        evaluate.gradient_norms(FixedLogits(np.eye(3, dtype=np.float32)), x, y)
