"""The book's one npm fetcher (book/_ext/npm_assets.py), without npm or network."""

from __future__ import annotations

import npm_assets  # book/_ext/ is on sys.path (`pythonpath` in pyproject.toml)
import offline_math
import offline_widgets


def test_sri_is_npm_integrity_format():
    assert npm_assets.sri_sha512(b"") == (
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==")


def test_a_complete_cache_needs_no_npm(tmp_path, monkeypatch):
    monkeypatch.setattr(npm_assets.shutil, "which", lambda name: None)
    package, problem = npm_assets.fetch(tmp_path, "x", "1.0.0", "sha512-...")
    assert package is None and problem == "npm is not installed"
    (tmp_path / "x@1.0.0" / "package").mkdir(parents=True)
    (tmp_path / "x@1.0.0" / ".complete").write_text("x@1.0.0 sha512-...\n")
    assert npm_assets.fetch(tmp_path, "x", "1.0.0", "sha512-...") == (tmp_path / "x@1.0.0" / "package", None)


def test_every_package_is_pinned_with_its_integrity():
    assert offline_math.MATHJAX_INTEGRITY.startswith("sha512-")
    for name, (version, integrity) in offline_widgets.PACKAGES.items():
        assert version and integrity.startswith("sha512-"), name
        assert offline_widgets.package_dir(npm_assets.Path("c"), name).as_posix() == f"c/{name}@{version}/package"
