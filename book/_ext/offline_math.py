"""Serve MathJax 3 from the book itself, so that math renders offline.

Sphinx loads MathJax from a CDN by default. At ``config-inited`` this
extension fetches the pinned ``mathjax`` package from the npm registry once
(checked against its published integrity and cached in ``_build/.npm/``,
see `npm_assets`), points ``mathjax_path`` at
``_static/mathjax/tex-mml-chtml.js``, and copies the component tree MathJax
loads at run time (TeX input and its extensions, CommonHTML output and its
fonts, the menu, accessibility and the speech-rule engine) into
``_static/mathjax/`` after the build. If npm is missing or the download
fails, the book keeps Sphinx's CDN URL and the build says so once (a warning,
which fails a strict build: the offline promise would be broken).

A ``mathjax_path`` set by the user in ``_config.yml`` is left alone.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.util import logging

from npm_assets import copy_tree, fetch_package

logger = logging.getLogger(__name__)

MATHJAX_VERSION = "3.2.2"
# npm's published `dist.integrity` of mathjax 3.2.2 (checked by `npm_assets` after download).
MATHJAX_INTEGRITY = "sha512-Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4+UpHyX7k0/O9NliPc+x77k1/FEsPsjKPZGJvtRZM1vO+geW0OhGw=="
STATIC_SUBDIR = "mathjax"
ENTRY = "tex-mml-chtml.js"

# Bundles of other input/output combinations: never loaded by tex-mml-chtml.js.
_UNUSED = ("mml-chtml.js", "mml-svg.js", "tex-chtml.js", "tex-chtml-full.js",
           "tex-chtml-full-speech.js", "tex-mml-svg.js", "tex-svg.js", "tex-svg-full.js",
           "node-main.js", "output/svg", "output/svg.js")


def _skip(rel: str) -> bool:
    return any(rel == u or rel.startswith(u + "/") for u in _UNUSED)


def on_config_inited(app, config):
    from sphinx.ext.mathjax import MATHJAX_URL

    app._offline_math_src = None
    if config.mathjax_path != MATHJAX_URL:
        return  # chosen by the user
    package = fetch_package(app, "mathjax", MATHJAX_VERSION, integrity=MATHJAX_INTEGRITY)
    if package is None or not (package / "es5" / ENTRY).exists():
        logger.warning(
            "offline_math: could not get mathjax@%s with npm (is npm installed and the npm "
            "registry reachable?); math is loaded from the CDN %s, so the book needs the "
            "network to show equations", MATHJAX_VERSION, MATHJAX_URL,
            type="offline_math", subtype="cdn")
        return
    app._offline_math_src = package / "es5"
    config.mathjax_path = f"{STATIC_SUBDIR}/{ENTRY}"


def on_build_finished(app, exception):
    src = getattr(app, "_offline_math_src", None)
    if exception is not None or src is None or app.builder.format != "html":
        return
    dest = Path(app.outdir, "_static", STATIC_SUBDIR)
    copied = copy_tree(src, dest, skip=_skip)
    if copied:
        logger.info("offline_math: copied %d MathJax files into %s", copied, dest)


def setup(app):
    app.connect("config-inited", on_config_inited)
    app.connect("build-finished", on_build_finished)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
