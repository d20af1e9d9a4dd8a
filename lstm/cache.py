"""Where the book's model cache lives, and how `recipes` and `ablation` read and write it.

The cache is the folder `$LSTM_CACHE` if that is set; else, in a checkout of
the repository, its `_build/lstm-cache/`; else (an installed package) the
user's own cache, `$XDG_CACHE_HOME/lstm-from-scratch` or
`~/.cache/lstm-from-scratch`, never the folder the package is installed in.
Looking the cache up creates nothing; `save` creates the folders it writes to.

The cache never stops a run: a damaged entry counts as missing (the run is
trained again and replaces it), and a cache that cannot be written (a class's
shared, read-only cache) is still read, while new runs are kept in the user's
own cache, or in memory for the session when no cache can be written. Each
says so in one printed line: a `print`, not a warning, since the strict book
build turns warnings into errors.
"""

from __future__ import annotations

import io
import os
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

from .store import load, read, save, write

if TYPE_CHECKING:
    from .model import RowClassifier
    from .train import History

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT = "lstm-from-scratch"

_MEMORY: dict[Path, bytes] = {}  # runs no cache could take: cache path -> the file's bytes
_SAID: set[str] = set()  # each message is printed once per session


def cache_dir() -> Path:
    """Where cached models live: `$LSTM_CACHE` if set; else `_build/lstm-cache/`
    of the repository when the package runs from a checkout of it (found from
    the package's location, not the working directory); else `user_cache_dir()`."""
    if os.environ.get("LSTM_CACHE"):
        return Path(os.environ["LSTM_CACHE"]).expanduser()
    if in_checkout():
        return PACKAGE_DIR.parent / "_build" / "lstm-cache"
    return user_cache_dir()


def user_cache_dir() -> Path:
    """`$XDG_CACHE_HOME/lstm-from-scratch`, or `~/.cache/lstm-from-scratch`."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative: the XDG specification ignores it
        base = Path.home() / ".cache"
    return Path(base) / PROJECT


def in_checkout() -> bool:
    """Whether the package runs from a checkout of its repository: the folder
    above it holds this project's `pyproject.toml` (an installed package sits
    in `site-packages`, which does not)."""
    try:
        with open(PACKAGE_DIR.parent / "pyproject.toml", "rb") as file:
            return tomllib.load(file)["project"]["name"] == PROJECT
    except (OSError, ValueError, KeyError, TypeError):  # ValueError: TOMLDecodeError
        return False


def in_cache(path: Path) -> bool:
    """Whether `load_entry(path)` finds a run (perhaps a damaged one)."""
    own = _own_copy(path)
    return path.is_file() or (own is not None and own.is_file()) or path in _MEMORY


def load_entry(path: Path) -> tuple[RowClassifier, History | None] | None:
    """The run cached at `path`, or kept for it by `save_entry` in the user's
    cache or in memory; None if there is none. A damaged entry counts as
    missing: the caller trains the run again and `save_entry` replaces it."""
    for place in (path, _own_copy(path)):
        if place is not None and place.is_file():
            try:
                return load(place, with_history=True)
            except (ValueError, OSError) as error:
                why = "not written by lstm.save" if isinstance(error, ValueError) else _reason(error)
                _say(f"lstm: the cached model {place} cannot be read ({why}): training it again.")
    if path in _MEMORY:
        return read(io.BytesIO(_MEMORY[path]), path)
    return None


def save_entry(model: RowClassifier, path: Path, history: History | None) -> None:
    """Write a run to the cache at `path`. When that cache cannot be written,
    keep the run in the user's own cache, else in memory for the session."""
    try:
        save(model, path, history)
        return
    except OSError as error:  # PermissionError, a read-only file system, a full disk
        reason = _reason(error)
    own = _own_copy(path)
    if own is not None:
        try:
            save(model, own, history)
            _say(f"lstm: cannot write to the model cache {path.parent} ({reason}): "
                 f"new models are kept in {own.parent} instead.")
            return
        except OSError:
            pass
    buffer = io.BytesIO()
    write(buffer, model, history)
    _MEMORY[path] = buffer.getvalue()
    _say(f"lstm: cannot write to the model cache {path.parent} ({reason}): "
         "new models are kept in memory until the kernel restarts.")


def _own_copy(path: Path) -> Path | None:
    """Where `save_entry` keeps the run of `path` in the user's own cache (the
    same place under `user_cache_dir()`); None when `path` is there already."""
    try:
        relative = path.relative_to(cache_dir())
    except ValueError:
        relative = Path(path.name)
    own = user_cache_dir() / relative
    return None if own == path else own


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def _say(message: str) -> None:
    if message not in _SAID:
        _SAID.add(message)
        print(message)
