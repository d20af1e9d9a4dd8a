import dataclasses

import numpy as np
import pytest

import lstm
from lstm.gru import GRUClassifier
from lstm.rnn import RNNClassifier


def test_save_load_round_trip(tmp_path):
    model = lstm.RowClassifier(hidden_size=6, seed=2, gates=("i", "o"), cell_tanh=False, head="tanh",
                               head_std=0.01, forget_bias=0.5)
    history = lstm.History(loss=[1.0, 0.5], acc=[0.2, 0.4], val_acc=[0.1, 0.3], test_acc=[0.1, 0.3],
                           seconds=[0.1, 0.1])
    path = lstm.save(model, tmp_path / "m.npz", history)
    loaded, h = lstm.load(path, with_history=True)
    assert loaded.config() == model.config()
    for a, b in zip(model.trainable_variables, loaded.trainable_variables):
        np.testing.assert_array_equal(a.numpy(), b.numpy())
    x = lstm.load_digits().x_test[:4]
    np.testing.assert_array_equal(model(x).numpy(), loaded(x).numpy())
    assert h == history
    assert isinstance(lstm.load(path), lstm.RowClassifier)


@pytest.mark.parametrize("make", [
    lambda: RNNClassifier(hidden_size=5, seed=4, recurrent_scale=3.0),
    lambda: RNNClassifier(hidden_size=5, seed=4, readout="every"),
    lambda: GRUClassifier(hidden_size=5, seed=4),
    lambda: lstm.RowClassifier(hidden_size=5, seed=4, coupled=True, peepholes=True),
])
def test_every_model_kind_round_trips(make, tmp_path):
    model = make()
    loaded = lstm.load(lstm.save(model, tmp_path / "m.npz"))
    assert type(loaded) is type(model) and loaded.config() == model.config()
    x = lstm.load_digits().x_test[:3]
    np.testing.assert_array_equal(model(x).numpy(), loaded(x).numpy())


def test_a_file_of_an_unknown_kind_is_refused(tmp_path):
    import json

    path = lstm.save(RNNClassifier(hidden_size=3, seed=0), tmp_path / "m.npz")
    with np.load(path) as contents:
        arrays = {k: contents[k] for k in contents.files}
    meta = json.loads(arrays["meta"].item())
    meta["kind"] = "transformer"
    arrays["meta"] = np.array(json.dumps(meta))
    np.savez(tmp_path / "odd.npz", **arrays)
    with pytest.raises(ValueError, match="`path`, expected a file written by lstm.save"):
        lstm.load(tmp_path / "odd.npz")


def test_cache_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("LSTM_CACHE", str(tmp_path / "c"))
    assert lstm.cache_dir() == tmp_path / "c" and not (tmp_path / "c").exists()  # looking creates nothing
    monkeypatch.delenv("LSTM_CACHE")
    monkeypatch.chdir(tmp_path)  # not the working directory: the package's repository
    assert lstm.cache_dir() == lstm.store.PACKAGE_DIR.parent / "_build" / "lstm-cache"


def test_recipe_cache_trains_once_then_loads(tmp_path, monkeypatch):
    monkeypatch.setenv("LSTM_CACHE", str(tmp_path))
    data = lstm.load_digits()
    data = dataclasses.replace(data, x_train=data.x_train[:100], y_train=data.y_train[:100])
    recipe = lstm.recipes.Recipe(name="tiny", model=dict(hidden_size=4), fit=dict(epochs=1))
    model, history = recipe.run(data, seed=1, cache=True, progress=False)
    files = list(tmp_path.glob("tiny-seed1-*.npz"))
    assert len(files) == 1 and lstm.sources.training_hash("recipes")[:12] in files[0].name
    again, history2 = recipe.run(data, seed=1, cache=True, progress=False)
    assert history2.seconds == history.seconds  # loaded, not retrained
    np.testing.assert_array_equal(again.cell.W.numpy(), model.cell.W.numpy())


def test_bad_arguments(tmp_path):
    with pytest.raises(ValueError, match="`model`, expected an lstm.RowClassifier, lstm.rnn.RNNClassifier "
                                         "or lstm.gru.GRUClassifier, got str"):
        lstm.save("model", tmp_path / "m.npz")
    with pytest.raises(ValueError, match="`path`, expected an existing file written by lstm.save"):
        lstm.load(tmp_path / "missing.npz")
