import dataclasses

import numpy as np
import pytest

import lstm


@pytest.fixture(scope="module")
def data():
    return lstm.load_digits()


@pytest.fixture(scope="module")
def small(data):
    """A 300-image slice keeps these tests to seconds."""
    return dataclasses.replace(data, x_train=data.x_train[:300], y_train=data.y_train[:300])


def _run(small, **kwargs):
    model = lstm.RowClassifier(hidden_size=16, seed=1)
    return model, lstm.train(model, small, epochs=kwargs.pop("epochs", 2), progress=False, **kwargs)


def test_history_has_one_entry_per_epoch(small):
    _, h = _run(small, epochs=3)
    for field in ("loss", "acc", "val_acc", "test_acc", "seconds"):
        assert len(getattr(h, field)) == 3, field
    assert h.val_on == "test" and h.val_acc == h.test_acc
    assert all(0 <= a <= 1 for a in h.acc + h.val_acc)
    assert h.loss[-1] < h.loss[0]


def test_same_seed_same_history_to_the_last_digit(small):
    a, b = _run(small, seed=3)[1], _run(small, seed=3)[1]
    for field in ("loss", "acc", "val_acc", "test_acc"):
        assert getattr(a, field) == getattr(b, field), field
    c = _run(small, seed=4)[1]
    assert c.loss != a.loss


def test_training_learns(data):
    model = lstm.RowClassifier(hidden_size=32, seed=0)
    h = lstm.train(model, data, epochs=8, batch_size=32, learning_rate=3e-3, progress=False)
    assert h.test_acc[-1] > 0.85
    assert h.test_acc[-1] == lstm.accuracy(model, data.x_test, data.y_test)


def test_validation_split_is_what_val_acc_measures(data):
    d = lstm.load_digits(validation_size=0.2)
    d = dataclasses.replace(d, x_train=d.x_train[:200], y_train=d.y_train[:200])
    model, h = _run(d, epochs=1)
    assert h.val_on == "validation"
    assert h.val_acc[-1] == lstm.accuracy(model, d.x_val, d.y_val)
    assert h.test_acc[-1] == lstm.accuracy(model, d.x_test, d.y_test)


def test_article_loop_options_run(small):
    _, h = _run(small, reduction="sum", shuffle=False, drop_remainder=True, batch_size=100)
    assert h.loss[0] > 50  # a sum over 100 images, not a mean
    _, h = _run(small, schedule="cosine")
    assert len(h.loss) == 2


def test_history_plot(small):
    _, h = _run(small, epochs=2)
    for lang in ("en", "ja"):
        fig = h.plot(lang=lang)
        ax = fig.axes[0]
        assert ax.get_ylim() == (0.0, 1.0)
        assert len(ax.lines) == 2
        labels = [t.get_text() for t in ax.get_legend().get_texts()]
        assert labels[0] == ("acc (train)" if lang == "en" else "acc（訓練）")
        fig.clf()
    with pytest.raises(ValueError, match="`lang`, expected one of 'en', 'ja', got 'fr'"):
        h.plot(lang="fr")


def test_progress_in_a_terminal_is_one_line(small, capsys, monkeypatch):
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    model = lstm.RowClassifier(hidden_size=8, seed=0)
    lstm.train(model, small, epochs=2, progress=True)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.count("\r") == 2 and "2/2" in err


def test_train_accepts_a_keras_model(small):
    import tensorflow as tf

    keras_model = tf.keras.Sequential([tf.keras.Input((8, 8)), tf.keras.layers.LSTM(8),
                                       tf.keras.layers.Dense(10)])
    h = lstm.train(keras_model, small, epochs=1, progress=False)
    assert len(h.loss) == 1 and np.isfinite(h.loss[0])


@pytest.mark.parametrize("kwargs, match", [
    (dict(epochs=0), "`epochs`, expected a positive integer, got 0"),
    (dict(epochs=1, batch_size=0), "`batch_size`, expected a positive integer, got 0"),
    (dict(epochs=1, learning_rate=-1.0), "`learning_rate`, expected a positive finite number, got -1.0"),
    (dict(epochs=1, loss="mse"), "`loss`, expected one of 'cross_entropy', got 'mse'"),
    (dict(epochs=1, reduction="max"), "`reduction`, expected one of 'mean', 'sum', got 'max'"),
    (dict(epochs=1, schedule="step"), "`schedule`, expected one of 'constant', 'cosine'"),
    (dict(epochs=1, seed=-3), "`seed`, expected a non-negative integer, got -3"),
    (dict(epochs=1, batch_size=10_000, drop_remainder=True), "`batch_size`, expected at most the 300 training images"),
])
def test_bad_arguments(small, kwargs, match):
    with pytest.raises(ValueError, match=match):
        lstm.train(lstm.RowClassifier(hidden_size=4, seed=0), small, progress=False, **kwargs)


def test_bad_data(small):
    model = lstm.RowClassifier(hidden_size=4, seed=0)
    with pytest.raises(ValueError, match="`data`, expected an lstm.Digits record"):
        lstm.train(model, (small.x_train, small.y_train), epochs=1)
    bad = dataclasses.replace(small, y_train=small.y_train + 5)
    with pytest.raises(ValueError, match=r"`data.y_train`, expected labels in \[0, 10\), got labels from 5 to 14"):
        lstm.train(model, bad, epochs=1)
    empty = dataclasses.replace(small, x_train=small.x_train[:0], y_train=small.y_train[:0])
    with pytest.raises(ValueError, match="`data.x_train`, expected a non-empty array"):
        lstm.train(model, empty, epochs=1)
    nan = dataclasses.replace(small, x_train=np.where(small.x_train > 0.5, np.nan, small.x_train))
    with pytest.raises(ValueError, match="`data.x_train`, expected finite values"):
        lstm.train(model, nan, epochs=1)
    short = dataclasses.replace(small, y_train=small.y_train[:10])
    with pytest.raises(ValueError, match="`data.y_train`, expected 300 labels, one per image, got 10 labels"):
        lstm.train(model, short, epochs=1)
