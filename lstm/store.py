"""Save a trained model to one small file, and read it back.

`save` writes an `.npz` of the weights and a JSON `meta` entry (the model's
configuration and its history); `load` reads only such a file and never
unpickles anything. Where the book's model cache lives, and how it is read
and written, is `lstm/cache.py`.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import zipfile
from pathlib import Path
from typing import IO, TYPE_CHECKING

import numpy as np

from . import _validate as v

if TYPE_CHECKING:
    from .model import RowClassifier
    from .train import History

PACKAGE_DIR = Path(__file__).resolve().parent


def save(model: RowClassifier, path: str | os.PathLike, history: History | None = None) -> Path:
    """Write `model` and optionally its `History` to `path` (`.npz`).

    `model` is a `RowClassifier`, an `lstm.rnn.RNNClassifier` or an `lstm.gru.GRUClassifier`.

    The file is written under a temporary name of its own and renamed over
    `path` in one step, so a reader never sees half a file, and several
    processes saving the same run at once leave one complete file."""
    arrays = _arrays(model, history)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    # Like open(tmp, "xb"): the mode is 0o666 less the umask, unlike mkstemp's 0o600,
    # so a cache filled by one user stays readable by the others.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as file:
            np.savez(file, **arrays)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def load(path: str | os.PathLike, *, with_history: bool = False
         ) -> RowClassifier | tuple[RowClassifier, History | None]:
    """Read a model written by `save`. With `with_history=True`, return `(model, history)`.

    A file that `save` did not write (damaged, truncated, or another kind of
    file) raises `ValueError`; nothing in it is ever unpickled."""
    path = Path(path)
    if not path.is_file():
        v.fail("path", "an existing file written by lstm.save", repr(str(path)))
    with path.open("rb") as file:
        model, history = read(file, path)
    return (model, history) if with_history else model


# What reading a file that `save` did not write can raise: numpy (ValueError,
# OSError, EOFError), zipfile, json (a ValueError), a missing or odd entry.
_NOT_WRITTEN_BY_SAVE = (ValueError, OSError, EOFError, zipfile.BadZipFile, KeyError, TypeError,
                        AttributeError, IndexError)


def read(file: IO[bytes], path: str | os.PathLike) -> tuple[RowClassifier, History | None]:
    """`(model, history)` from the open file `file`; `path` names it in the error."""
    try:
        return _parse(file)
    except _NOT_WRITTEN_BY_SAVE as error:
        reason = type(error).__name__
    # Raised outside the `except`: numpy's own message (which suggests allow_pickle=True) stays out.
    v.fail("path", "a file written by lstm.save",
           f"{str(path)!r}, a damaged, truncated or foreign file ({reason})")


def write(file: IO[bytes], model: RowClassifier, history: History | None = None) -> None:
    """Write to the open file `file` what `save` writes to a path."""
    np.savez(file, **_arrays(model, history))


def _kinds():
    """The models `save` writes, by the name `meta` gives them."""
    from .gru import GRUClassifier
    from .model import RowClassifier
    from .rnn import RNNClassifier

    return {"lstm": RowClassifier, "rnn": RNNClassifier, "gru": GRUClassifier}


def _arrays(model, history):
    """What `save` writes: the weights by name, and `meta` (JSON text)."""
    kind = next((name for name, cls in _kinds().items() if type(model) is cls), None)
    if kind is None:
        v.fail("model", "an lstm.RowClassifier, lstm.rnn.RNNClassifier or lstm.gru.GRUClassifier",
               type(model).__name__)
    meta = {"kind": kind, "config": model.config(),
            "history": history.as_dict() if history is not None else None}
    return {"meta": np.array(json.dumps(meta)),
            **{var_name(var): var.numpy() for var in model.trainable_variables}}


def _parse(file):
    from .train import History

    contents = np.load(file, allow_pickle=False)
    if not isinstance(contents, np.lib.npyio.NpzFile):
        raise ValueError("not an .npz archive")
    with contents:
        meta = json.loads(contents["meta"].item())
        arrays = {k: contents[k] for k in contents.files if k != "meta"}
    config = dict(meta["config"])
    cell = config.pop("cell")
    model = _kinds()[meta.get("kind", "lstm")](**config, **cell)  # files from before `kind`: LSTMs
    variables = {var_name(var): var for var in model.trainable_variables}
    if set(arrays) != set(variables):
        raise KeyError("other weights than the model's")
    for name, var in variables.items():
        if arrays[name].shape != tuple(var.shape) or arrays[name].dtype.kind != "f":
            raise ValueError(f"weights {name!r} of another shape or type")
        var.assign(arrays[name])
    history = History(**meta["history"]) if meta["history"] is not None else None
    return model, history


def var_name(var) -> str:
    return var.name.split(":")[0]


def data_hash(data):
    """A short hash of a `Digits` record's arrays."""
    digest = hashlib.sha256()
    for name in ("x_train", "y_train", "x_val", "y_val", "x_test", "y_test"):
        arr = getattr(data, name)
        if arr is not None:
            digest.update(name.encode())
            digest.update(np.ascontiguousarray(arr).tobytes())
    return digest.hexdigest()[:12]
