"""Key the notebook execution cache on the `lstm` package's source.

jupyter-cache (myst-nb's ``execute_notebooks: cache``) keys a notebook on its
code cells only, so after a change to ``lstm/`` it would serve pages computed
by the old package. This extension points ``nb_execution_cache_path`` at
``<base>/<first 12 hex digits of lstm.source_hash()>`` (base:
``execute.cache`` from ``_config.yml`` if set, else ``<repo>/_build/.jupyter_cache``):

- package unchanged -> same folder, same config: unchanged chapters are neither
  re-read nor re-run;
- package changed -> new folder (empty cache) and a changed ``env`` config value,
  so Sphinx re-reads every page and myst-nb runs every chapter again.

Older folders are pruned, keeping the previous one (a quick revert of
``lstm/`` is then free). The hash is computed here without importing `lstm`
(which would import TensorFlow into the Sphinx process); a test checks that it
equals ``lstm.source_hash()``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

KEEP_OLD = 1  # cache folders of earlier package versions to keep


def package_dir(name: str = "lstm") -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"cannot find the `{name}` package: run `make setup` (pip install -e .)")
    return Path(list(spec.submodule_search_locations)[0]).resolve()


def source_hash(name: str = "lstm") -> str:
    """Same digest as `lstm.source_hash()`: SHA-256 over each `.py` file's
    relative path and bytes, in sorted order."""
    root = package_dir(name)
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_path_for(base: Path, digest: str) -> Path:
    return base / digest[:12]


def prune(base: Path, keep: Path) -> list[Path]:
    """Delete cache folders under `base` other than `keep` and the KEEP_OLD most recent."""
    if not base.is_dir():
        return []
    others = [p for p in base.iterdir() if p.is_dir() and p != keep and len(p.name) == 12]
    others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    removed = []
    for old in others[KEEP_OLD:]:
        shutil.rmtree(old, ignore_errors=True)
        removed.append(old)
    # jupyter-cache files of an unkeyed cache (before this extension) are stale too.
    for stray in ("global.db", "executed"):
        if (base / stray).exists():
            target = base / stray
            shutil.rmtree(target, ignore_errors=True) if target.is_dir() else target.unlink()
    return removed


def on_config_inited(app, config):
    if config.nb_execution_mode not in ("cache",):
        return
    base = Path(config.nb_execution_cache_path or Path(app.srcdir, "_build", ".jupyter_cache"))
    if not base.is_absolute():
        base = Path(app.srcdir, base)
    if len(base.name) == 12 and all(c in "0123456789abcdef" for c in base.name):
        base = base.parent  # already keyed (a second config-inited in the same process)
    digest = source_hash()
    path = cache_path_for(base.resolve(), digest)
    path.mkdir(parents=True, exist_ok=True)
    path.touch()  # mtime = last use, for pruning
    for old in prune(base.resolve(), path):
        logger.info("exec_cache: removed the execution cache of an older lstm package: %s", old)
    config.nb_execution_cache_path = str(path)
    logger.info("exec_cache: lstm source hash %s -> execution cache %s", digest[:12], path)


def setup(app):
    app.connect("config-inited", on_config_inited, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
