"""The model cache on a shared server: where it lives when installed, a read-only
cache, several processes saving at once, and damaged or foreign files."""

import dataclasses
import io
import json
import os
import pickle
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

import lstm
from helpers import ROOT
from lstm import ablation, tasks

TINY = lstm.recipes.Recipe(name="tiny", model=dict(hidden_size=4), fit=dict(epochs=1))
PRELUDE = """
import dataclasses, json, os, sys, warnings
import lstm
warnings.simplefilter("error")  # the run must warn nothing
data = lstm.load_digits()
data = dataclasses.replace(data, x_train=data.x_train[:100], y_train=data.y_train[:100])
recipe = lstm.recipes.Recipe(name="tiny", model=dict(hidden_size=4), fit=dict(epochs=1))
"""


@pytest.fixture(scope="module")
def data():
    data = lstm.load_digits()
    return dataclasses.replace(data, x_train=data.x_train[:100], y_train=data.y_train[:100])


def _env(**extra):
    env = {k: val for k, val in os.environ.items() if k not in ("LSTM_CACHE", "XDG_CACHE_HOME")}
    return {**env, "TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0", **extra}


def _python(script, *args, env, cwd, user=()):
    proc = subprocess.run([*user, sys.executable, "-c", textwrap.dedent(script), *map(str, args)],
                          env=env, cwd=cwd, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout


def _files(folder):
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*"))


# Where the cache lives

@pytest.mark.slow  # starts other processes or trains several models
def test_installed_package_uses_the_user_cache_and_looking_creates_nothing(tmp_path):
    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "lstm", site / "lstm", ignore=shutil.ignore_patterns("__pycache__"))
    (site / "pyproject.toml").write_text('[project]\nname = "another-project"\n')  # not this one
    home, xdg = tmp_path / "home", tmp_path / "xdg"
    home.mkdir()
    xdg.mkdir()
    script = """
        import json, os, sys
        from pathlib import Path
        import lstm  # (TensorFlow and matplotlib write their own files under HOME here)
        assert lstm.__file__.startswith(sys.argv[1]), lstm.__file__
        def tree():
            return sorted(map(str, Path(sys.argv[3]).rglob("*")))
        before = tree()
        seen = {"checkout": lstm.cache.in_checkout(), "xdg": str(lstm.cache_dir())}
        del os.environ["XDG_CACHE_HOME"]
        seen["home"] = str(lstm.cache_dir())
        os.environ["LSTM_CACHE"] = sys.argv[2]
        seen["env"] = str(lstm.cache_dir())
        seen["created"] = sorted(set(tree()) - set(before))
        print(json.dumps(seen))
    """
    out = _python(script, site, tmp_path / "chosen", tmp_path, cwd=tmp_path,
                  env=_env(PYTHONPATH=str(site), HOME=str(home), XDG_CACHE_HOME=str(xdg)))
    seen = json.loads(out.splitlines()[-1])
    assert seen == {"checkout": False, "xdg": str(xdg / "lstm-from-scratch"),
                    "home": str(home / ".cache" / "lstm-from-scratch"), "env": str(tmp_path / "chosen"),
                    "created": []}
    assert not (xdg / "lstm-from-scratch").exists() and not (home / ".cache").exists()
    assert not (site / "_build").exists() and not (tmp_path / "chosen").exists()


def test_checkout_keeps_its_build_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("LSTM_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert lstm.cache.in_checkout()
    assert lstm.cache_dir() == ROOT / "_build" / "lstm-cache"
    assert list(tmp_path.iterdir()) == []


# A read-only cache

@pytest.mark.filterwarnings("error")
def test_unwritable_cache_is_read_and_new_runs_go_elsewhere(data, tmp_path, monkeypatch, capsys):
    shared, xdg = tmp_path / "shared", tmp_path / "xdg"
    monkeypatch.setenv("LSTM_CACHE", str(shared))
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    _, filled = TINY.run(data, seed=0, cache=True, progress=False)
    real_save, blocked = lstm.cache.save, [shared]

    def save(model, path, history=None):  # what a read-only folder does to the writer
        if any(Path(path).is_relative_to(b) for b in blocked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_save(model, path, history)

    monkeypatch.setattr(lstm.cache, "save", save)
    capsys.readouterr()
    assert TINY.run(data, seed=0, cache=True, progress=False)[1] == filled  # read, not retrained
    assert capsys.readouterr().out == ""

    _, new = TINY.run(data, seed=1, cache=True, progress=False)
    said = capsys.readouterr().out.splitlines()
    own = xdg / "lstm-from-scratch"
    assert len(said) == 1 and str(shared) in said[0] and str(own) in said[0], said
    assert len(list(own.glob("tiny-seed1-*.npz"))) == 1 and len(list(shared.iterdir())) == 1
    assert TINY.run(data, seed=1, cache=True, progress=False)[1] == new  # found in the user's cache
    assert capsys.readouterr().out == ""

    blocked.append(xdg)  # no cache can be written: memory
    _, kept = TINY.run(data, seed=2, cache=True, progress=False)
    said = capsys.readouterr().out.splitlines()
    assert len(said) == 1 and "memory" in said[0], said
    _, history = TINY.run(data, seed=2, cache=True, progress=False)
    assert history == kept and capsys.readouterr().out == ""
    assert not list(own.glob("tiny-seed2-*")) and len(list(shared.iterdir())) == 1


def _unprivileged():
    """The command prefix that runs a process as `nobody`, or None."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("setpriv") is None:
        return None
    try:
        pwd.getpwnam("nobody")
    except KeyError:
        return None
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


@pytest.mark.skipif(_unprivileged() is None, reason="needs root, setpriv and the user nobody")
@pytest.mark.slow  # starts other processes or trains several models
def test_read_only_cache_for_a_real_unprivileged_user(data, monkeypatch):
    # pytest's tmp_path is private to root: these folders must be reachable by `nobody`.
    top = Path(tempfile.mkdtemp(prefix="lstm-shared-test-"))
    try:
        top.chmod(0o755)
        shared, own, closed = top / "shared", top / "own", top / "closed"
        for folder, mode in ((shared, 0o755), (own, 0o777), (closed, 0o755)):
            folder.mkdir()
            folder.chmod(mode)
        monkeypatch.setenv("LSTM_CACHE", str(shared))
        _, filled = TINY.run(data, seed=0, cache=True, progress=False)  # the teacher fills it
        before = _files(shared)
        script = PRELUDE + """
seen = {"seed0": recipe.run(data, seed=0, cache=True, progress=False)[1].seconds}
print("--- new run")
seen["seed1"] = recipe.run(data, seed=1, cache=True, progress=False)[1].seconds
seen["seed1 again"] = recipe.run(data, seed=1, cache=True, progress=False)[1].seconds
print("--- no cache can be written")
os.environ["XDG_CACHE_HOME"] = sys.argv[1]
seen["seed2"] = recipe.run(data, seed=2, cache=True, progress=False)[1].seconds
seen["seed2 again"] = recipe.run(data, seed=2, cache=True, progress=False)[1].seconds
print(json.dumps(seen))
"""
        env = _env(LSTM_CACHE=str(shared), XDG_CACHE_HOME=str(own), HOME=str(closed),
                   MPLCONFIGDIR=str(own / "mpl"))
        out = _python(script, closed, env=env, cwd=top, user=_unprivileged())
        lines = out.splitlines()
        first, new, memory = lines.index("--- new run"), None, lines.index("--- no cache can be written")
        assert lines[:first] == []  # read from the read-only cache, silently
        new = lines[first + 1:memory]
        assert len(new) == 1 and str(shared) in new[0] and str(own / "lstm-from-scratch") in new[0], new
        assert len(lines[memory + 1:-1]) == 1 and "memory" in lines[memory + 1], lines
        seen = json.loads(lines[-1])
        assert seen["seed0"] == filled.seconds
        assert seen["seed1"] == seen["seed1 again"] and seen["seed2"] == seen["seed2 again"]
        assert _files(shared) == before and _files(closed) == []
        assert len(list((own / "lstm-from-scratch").glob("tiny-seed1-*.npz"))) == 1
        assert not list(own.rglob("*.tmp"))
    finally:
        shutil.rmtree(top)


# Several processes saving the same run

@pytest.mark.slow  # starts other processes or trains several models
def test_processes_saving_the_same_path_leave_one_complete_file(tmp_path):
    target, sync = tmp_path / "cache" / "m.npz", tmp_path / "sync"
    sync.mkdir()
    script = """
        import sys, time
        from pathlib import Path
        import lstm
        seed, target, sync = int(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
        model = lstm.RowClassifier(hidden_size=64, seed=seed)
        (sync / f"ready{seed}").touch()
        while not (sync / "go").exists():
            time.sleep(0.005)
        for _ in range(20):
            lstm.save(model, target)
    """
    procs = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), str(seed), str(target),
                               str(sync)], env=_env(), cwd=tmp_path, stderr=subprocess.PIPE, text=True)
             for seed in range(4)]
    try:
        deadline = time.monotonic() + 240
        while len(list(sync.glob("ready*"))) < 4 and time.monotonic() < deadline:
            assert all(p.poll() is None for p in procs), [p.stderr.read() for p in procs]
            time.sleep(0.05)
        (sync / "go").touch()  # all four start saving at the same moment
        errors = [p.communicate(timeout=240)[1] for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    assert [p.returncode for p in procs] == [0] * 4, errors
    assert _files(target.parent) == ["m.npz"]  # no temporary file left
    loaded = lstm.load(target)
    matches = [seed for seed in range(4)
               if all(np.array_equal(a.numpy(), b.numpy()) for a, b in
                      zip(lstm.RowClassifier(hidden_size=64, seed=seed).trainable_variables,
                          loaded.trainable_variables))]
    assert len(matches) == 1  # one writer's complete file, not a mix


# Damaged and foreign files

class _Trap:
    """A pickle that, if ever unpickled, creates the file `marker`."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def _good_bytes(tmp_path):
    return lstm.save(lstm.RowClassifier(hidden_size=4, seed=0), tmp_path / "good.npz").read_bytes()


def _npz(**arrays):
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def _npy():
    buffer = io.BytesIO()
    np.save(buffer, np.zeros((2, 2)))
    return buffer.getvalue()


def _other_shape(tmp_path):
    with np.load(tmp_path / "good.npz") as f:
        arrays = {k: f[k] for k in f.files}
    name = next(k for k in arrays if k != "meta")
    arrays[name] = np.zeros((3, 3), np.float32)
    return _npz(**arrays)


DAMAGED = {
    "random bytes": lambda tmp, good: np.random.default_rng(0).bytes(2000),
    "empty": lambda tmp, good: b"",
    "truncated": lambda tmp, good: good[: len(good) // 2],
    "npz of other arrays": lambda tmp, good: _npz(a=np.zeros(3), b=np.ones(2)),
    "npz of an object array": lambda tmp, good: _npz(meta=np.array([{"config": 1}], dtype=object)),
    "meta not JSON": lambda tmp, good: _npz(meta=np.array("not json")),
    "weights of another shape": lambda tmp, good: _other_shape(tmp),
    "a pickle": lambda tmp, good: pickle.dumps(_Trap(tmp / "unpickled")),
    "an .npy file": lambda tmp, good: _npy(),
}


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("kind", list(DAMAGED))
def test_damaged_file_is_refused_and_retrained_in_the_cache(kind, data, tmp_path, monkeypatch, capsys):
    content = DAMAGED[kind](tmp_path, _good_bytes(tmp_path))
    bad = tmp_path / "bad.npz"
    bad.write_bytes(content)
    with pytest.raises(ValueError, match=re.escape(str(bad))) as caught:
        lstm.load(bad)
    message = str(caught.value)
    assert "`path`" in message and "written by lstm.save" in message and "allow_pickle" not in message
    assert not (tmp_path / "unpickled").exists()

    monkeypatch.setenv("LSTM_CACHE", str(tmp_path / "cache"))
    path = TINY.cache_path(data, 0)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    capsys.readouterr()
    model, history = TINY.run(data, seed=0, cache=True, progress=False)
    said = capsys.readouterr().out.splitlines()
    assert len(said) == 1 and str(path) in said[0], said
    assert lstm.load(path, with_history=True)[1] == history  # replaced by the new run
    assert TINY.run(data, seed=0, cache=True, progress=False)[1] == history  # now loaded
    assert capsys.readouterr().out == ""
    assert not (tmp_path / "unpickled").exists() and not list(path.parent.glob("*.tmp"))


@pytest.mark.filterwarnings("error")
def test_damaged_ablation_run_is_retrained(data, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LSTM_CACHE", str(tmp_path))
    task = tasks.plain(lstm.load_digits())
    task = dataclasses.replace(task, x_train=task.x_train[:48], y_train=task.y_train[:48],
                               x_test=task.x_test[:24], y_test=task.y_test[:24])
    settings = dict(hidden_size=4, epochs=1, batch_size=16)
    path = ablation.cache_path(task, "full", 0, ablation._settings(settings))
    path.parent.mkdir(parents=True)
    path.write_bytes(_good_bytes(tmp_path)[:300])  # truncated
    capsys.readouterr()
    _, history = ablation.run(task, "full", seed=0, **settings)
    said = capsys.readouterr().out.splitlines()
    assert len(said) == 1 and str(path) in said[0], said
    assert ablation.run(task, "full", seed=0, **settings)[1] == history
    assert lstm.load(path, with_history=True)[1] == history and capsys.readouterr().out == ""
