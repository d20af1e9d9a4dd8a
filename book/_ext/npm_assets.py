"""Fetch pinned npm packages once, checked and cached under `_build/`, for the book to serve.

The book's one npm fetcher, used by `offline_math` (MathJax) and
`offline_widgets` (require.js, html-manager); nothing of it is committed:

    from npm_assets import fetch_package
    root = fetch_package(app, "mathjax", "3.2.2", integrity="sha512-...")  # Path or None

`npm pack` downloads the tarball from the npm registry (or npm's own cache);
its SHA-512 must equal npm's published ``dist.integrity`` (pinned by the
caller: `npm view <name>@<version> dist.integrity`), else nothing is unpacked.
It is unpacked into `<repo>/_build/.npm/<name>@<version>/package/` and marked
complete (`.complete` records the spec and the integrity checked); a complete
folder is used as is, without network. `fetch` (no Sphinx) returns the reason
of a failure; `fetch_package` logs it and returns None, so that the caller can
fall back to a CDN and say so.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)


def cache_root(app) -> Path:
    return Path(app.srcdir, "_build", ".npm")


def sri_sha512(data: bytes) -> str:
    """The Subresource Integrity string of `data` ("sha512-<base64>"), as npm publishes it."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def fetch(cache: Path, name: str, version: str, integrity: str, *,
          timeout: float = 300) -> tuple[Path | None, str | None]:
    """`(package folder, None)`, fetched and checked unless already cached, or
    `(None, reason)` when npm is missing, `npm pack` fails or the tarball does
    not match `integrity`."""
    spec = f"{name}@{version}"
    dest = cache / spec
    done = dest / ".complete"
    if done.exists():
        return dest / "package", None
    npm = shutil.which("npm")
    if npm is None:
        return None, "npm is not installed"
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=dest.parent, prefix=".tmp-") as tmp:
        try:
            proc = subprocess.run(
                [npm, "pack", spec, "--silent", "--pack-destination", tmp],
                capture_output=True, text=True, timeout=timeout, check=False,
                env={**os.environ, "npm_config_update_notifier": "false",
                     "npm_config_fund": "false", "npm_config_audit": "false"},
            )
        except (OSError, subprocess.TimeoutExpired) as err:
            return None, f"`npm pack {spec}` failed: {err}"
        tarballs = list(Path(tmp).glob("*.tgz"))
        if proc.returncode != 0 or len(tarballs) != 1:
            detail = proc.stderr.strip().splitlines()
            return None, f"`npm pack {spec}` failed: {detail[-1] if detail else proc.returncode}"
        digest = sri_sha512(tarballs[0].read_bytes())
        if digest != integrity:
            return None, f"{tarballs[0].name} is {digest}, not its published integrity {integrity}"
        unpack = Path(tmp) / "unpacked"
        with tarfile.open(tarballs[0]) as tar:
            tar.extractall(unpack, filter="data")
        if dest.exists():
            shutil.rmtree(dest)
        os.replace(unpack, dest)
    done.write_text(f"{spec} {integrity}\n", encoding="utf-8")
    return dest / "package", None


def fetch_package(app, name: str, version: str, *, integrity: str,
                  timeout: float = 300) -> Path | None:
    """`fetch` into `cache_root(app)`; None (and the reason in the log) on failure."""
    package, problem = fetch(cache_root(app), name, version, integrity, timeout=timeout)
    if problem is not None:
        logger.info("npm_assets: %s", problem)
        return None
    return package


def copy_tree(src: Path, dest: Path, *, skip=lambda rel: False) -> int:
    """Copy `src` into `dest`, skipping files whose size and mtime already match.
    Returns the number of files copied."""
    copied = 0
    for path in src.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(src)
        if skip(rel.as_posix()):
            continue
        target = dest / rel
        stat = path.stat()
        if target.exists():
            tstat = target.stat()
            if tstat.st_size == stat.st_size and int(tstat.st_mtime) == int(stat.st_mtime):
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        copied += 1
    return copied
