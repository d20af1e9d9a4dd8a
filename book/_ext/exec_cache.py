"""Re-execute a chapter when the code it uses changes, and only then.

jupyter-cache (myst-nb's ``execute_notebooks: cache``) keys a notebook on its
code cells and its ``kernelspec`` metadata only, and Sphinx re-reads a page
only when its own file changes. Neither knows that a chapter's outputs also
depend on the `lstm` package. This extension gives every chapter a key:
the hash of the normalized source of the package modules its code cells use,
followed through the package's import graph (`lstm/sources.py`, `code_hash`).

- Sphinx: ``env-get-outdated`` returns the pages whose key changed since the
  last build, so they are read again (and the others are not).
- jupyter-cache: the key is added to the notebook's ``kernelspec`` metadata
  (``lstm_code``) before myst-nb looks the notebook up, so a chapter whose key
  changed misses the cache and runs, and the others are served from it.

Pages that read the recorded gate studies also key on the files of
`lstm/records/`, and pages with a widget on those of `lstm/web/`
(`PACKAGE_DATA`). Editing a self-check message thus re-runs the chapters
that call a check;
editing a figure module re-runs the chapters that draw with it; a comment or
docstring edit re-runs nothing. `lstm/sources.py` is loaded by its path so
that the Sphinx process never imports TensorFlow.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import re
import shutil
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```", re.S | re.M)
CELL_OPTIONS = re.compile(r"\A(?:---\n.*?\n---\n|(?::[\w-]+:[^\n]*\n)+)", re.S)
METADATA_KEY = "lstm_code"


def package_dir(name: str = "lstm") -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"cannot find the `{name}` package: run `make setup` (pip install -e .)")
    return Path(list(spec.submodule_search_locations)[0]).resolve()


def load_sources(root: Path | None = None):
    """`lstm/sources.py` as a module, loaded without importing `lstm` (once per
    folder: Sphinx's outdated check and every notebook's key share it, and its
    parse caches)."""
    return _load_sources((root or package_dir()).resolve())


@functools.lru_cache(maxsize=None)
def _load_sources(root: Path):
    path = root / "sources.py"
    spec = importlib.util.spec_from_file_location("_lstm_sources", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def code_of(text: str) -> str:
    """The Python of a MyST notebook's code cells, without cell options."""
    return "\n".join(CELL_OPTIONS.sub("", cell) for cell in CODE_CELL.findall(text))


PACKAGE_DATA = {"studies": "records", "speeds": "records", "explorers.anywidgets": "web"}
"""Modules whose results are read from package data (a module of `lstm`: a folder
of `lstm/`): the data's files count in the key of every page that uses the
module (the recorded studies and speeds; the anywidget explorers' JavaScript and CSS,
which the page saves with the widget's state)."""


def page_key(path: Path, sources) -> str | None:
    """The key of the page at `path`, or None when it has no code cells."""
    if path.suffix != ".md" or not path.is_file():
        return None
    code = code_of(path.read_text(encoding="utf-8"))
    if not code.strip():
        return None
    digest = hashlib.sha256(sources.code_hash(code).encode())
    used = sources.closure(sorted(sources.used_by_code(code)))
    for module, folder in sorted(PACKAGE_DATA.items()):
        if module in used:
            for file in sorted((sources.PACKAGE_DIR / folder).rglob("*")):
                if file.is_file():
                    digest.update(file.relative_to(sources.PACKAGE_DIR).as_posix().encode() + b"\0")
                    digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def _keys(app, env) -> dict[str, str]:
    sources = load_sources()
    keys = {}
    for docname in env.found_docs:
        key = page_key(Path(env.doc2path(docname)), sources)
        if key is not None:
            keys[docname] = key
    return keys


def on_env_get_outdated(app, env, added, changed, removed):
    """Pages whose code key changed since the last build: read them again."""
    keys = _keys(app, env)
    old = getattr(env, "lstm_code_keys", None)
    env.lstm_code_keys = keys
    if old is None:  # an environment from before this extension: re-read every page with code
        return [d for d in keys if d not in added and d not in changed]
    stale = [d for d, key in keys.items() if old.get(d) != key and d not in added and d not in changed]
    if stale:
        logger.info("exec_cache: the lstm code used by %d page(s) changed: %s", len(stale),
                    ", ".join(sorted(stale)))
    return stale


def key_notebooks():
    """Add each chapter's key to the notebook that myst-nb looks up in jupyter-cache."""
    from myst_nb.core.execute.cache import NotebookClientCache

    if getattr(NotebookClientCache.start_client, "_lstm_keyed", False):
        return
    original = NotebookClientCache.start_client
    sources = load_sources()

    def start_client(self):
        key = page_key(Path(self.path), sources) if self.path is not None else None
        if key is not None:
            self.notebook.metadata.setdefault("kernelspec", {})[METADATA_KEY] = key
        return original(self)

    start_client._lstm_keyed = True
    NotebookClientCache.start_client = start_client


def remove_old_layout(base: Path) -> list[Path]:
    """Delete the per-package-hash folders (``<base>/<12 hex digits>``) of the
    earlier layout of this cache."""
    removed = []
    if base.is_dir():
        for old in base.iterdir():
            if old.is_dir() and len(old.name) == 12 and all(c in "0123456789abcdef" for c in old.name):
                shutil.rmtree(old, ignore_errors=True)
                removed.append(old)
    return removed


def on_config_inited(app, config):
    if config.nb_execution_mode != "cache":
        return
    base = Path(config.nb_execution_cache_path or Path(app.srcdir, "_build", ".jupyter_cache"))
    if not base.is_absolute():
        base = Path(app.srcdir, base)
    for old in remove_old_layout(base):
        logger.info("exec_cache: removed an execution cache of the earlier layout: %s", old)
    config.nb_execution_cache_path = str(base.resolve())
    key_notebooks()


def setup(app):
    app.connect("config-inited", on_config_inited, priority=900)
    app.connect("env-get-outdated", on_env_get_outdated)
    return {"version": "2.0", "env_version": 2, "parallel_read_safe": True,
            "parallel_write_safe": True}
