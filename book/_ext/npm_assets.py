"""Fetch a pinned npm package once, cached under `_build/`, for the book to serve.

Used by `offline_math` (MathJax) and usable by any local extension that must
serve third-party JavaScript offline (nothing of it is committed):

    from npm_assets import fetch_package
    root = fetch_package(app, "mathjax", "3.2.2")   # -> Path to the unpacked `package/`, or None

`npm pack` downloads the tarball from the npm registry (or npm's own cache);
it is unpacked into `<repo>/_build/.npm/<name>@<version>/package/`. Returns
None, after one clear warning, when npm is missing or the download fails, so
the caller can fall back to a CDN.
"""

from __future__ import annotations

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


def fetch_package(app, name: str, version: str, *, timeout: float = 300) -> Path | None:
    spec = f"{name}@{version}"
    dest = cache_root(app) / spec
    done = dest / ".complete"
    if done.exists():
        return dest / "package"
    npm = shutil.which("npm")
    if npm is None:
        return None
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
            logger.info("npm_assets: npm pack %s failed: %s", spec, err)
            return None
        tarballs = list(Path(tmp).glob("*.tgz"))
        if proc.returncode != 0 or not tarballs:
            logger.info("npm_assets: npm pack %s failed: %s", spec, proc.stderr.strip()[-500:])
            return None
        unpack = Path(tmp) / "unpacked"
        with tarfile.open(tarballs[0]) as tar:
            tar.extractall(unpack, filter="data")
        if dest.exists():
            shutil.rmtree(dest)
        os.replace(unpack, dest)
    done.write_text(spec + "\n", encoding="utf-8")
    logger.info("npm_assets: fetched %s into %s", spec, dest)
    return dest / "package"


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
