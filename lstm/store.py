"""Save a trained model to one small file, and find the book's model cache."""

import hashlib
import json
import os
from pathlib import Path

import numpy as np

from . import _validate as v

PACKAGE_DIR = Path(__file__).resolve().parent


def source_hash():
    """SHA-256 of every `.py` file of the package: part of every cache key,
    so that an edited package never serves a model trained by older code."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_dir():
    """Where cached models live: `$LSTM_CACHE` if set, else
    `_build/lstm-cache/` beside the package (the repository's `_build/`),
    found from the package's location, not the working directory."""
    path = Path(os.environ.get("LSTM_CACHE") or PACKAGE_DIR.parent / "_build" / "lstm-cache")
    path.mkdir(parents=True, exist_ok=True)
    return path


def save(model, path, history=None):
    """Write `model` (a `RowClassifier`) and optionally its `History` to `path` (`.npz`)."""
    from .model import RowClassifier

    if not isinstance(model, RowClassifier):
        v.fail("model", "an lstm.RowClassifier", type(model).__name__)
    meta = {"config": model.config(), "history": history.as_dict() if history is not None else None}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez(tmp, meta=np.array(json.dumps(meta)),
             **{var_name(var): var.numpy() for var in model.trainable_variables})
    os.replace(tmp, path)
    return path


def load(path, *, with_history=False):
    """Read a model written by `save`. With `with_history=True`, return `(model, history)`."""
    from .model import RowClassifier
    from .train import History

    path = Path(path)
    if not path.is_file():
        v.fail("path", "an existing file written by lstm.save", repr(str(path)))
    with np.load(path) as f:
        meta = json.loads(str(f["meta"]))
        arrays = {k: f[k] for k in f.files if k != "meta"}
    config = dict(meta["config"])
    cell = config.pop("cell")
    model = RowClassifier(**config, **cell)
    for var in model.trainable_variables:
        var.assign(arrays[var_name(var)])
    if not with_history:
        return model
    history = History(**meta["history"]) if meta["history"] is not None else None
    return model, history


def var_name(var):
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
