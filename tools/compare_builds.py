"""Compare two builds of the book file by file (e.g. before and after a refactoring).

    python tools/compare_builds.py OLD NEW [--context N] [--max-files N]

OLD and NEW are folders: `_build/html` (the book) or `_build/student` (the
student edition: `html/` and `notebooks/`). Every file under either folder is
compared; a file present on one side only is a difference. Before comparing:

- `.html`: the 32-hex-digit ids of widget models (in the saved widget state and
  view JSON) become `<id>`, and the `?v=...` / `?digest=...` query strings of
  asset URLs are dropped (they change with a file's time stamp or build);
- `.buildinfo`: the hash of the configuration becomes `<hash>`: it covers
  `bilingual_extensions_hash`, a hash of book/_ext's own source (so that an
  edit there rewrites every page), which any change to the extensions changes;
- `.ipynb`: cell ids and the cells' `execution` metadata are dropped, and the
  JSON is compared as data (key order and indentation aside);
- every other file is compared byte for byte.

Prints each differing file with a short unified diff of the normalised text,
then a summary line. Exit status: 0 when every file is identical, else 1.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path

HEX_ID = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")
QUERY = re.compile(r"\?(?:v|digest)=[0-9A-Za-z_.-]+")


def normalise_html(text: str) -> str:
    return QUERY.sub("", HEX_ID.sub("<id>", text))


def normalise_notebook(text: str) -> str:
    notebook = json.loads(text)
    for cell in notebook.get("cells", []):
        cell.pop("id", None)
        cell.get("metadata", {}).pop("execution", None)
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False)


def normalised(path: Path) -> bytes:
    """The content of `path` as compared (see the module docstring)."""
    raw = path.read_bytes()
    if path.name == ".buildinfo":
        return re.sub(rb"(?m)^config: [0-9a-f]+$", b"config: <hash>", raw)
    if path.suffix == ".html":
        return normalise_html(raw.decode("utf-8", "replace")).encode()
    if path.suffix == ".ipynb":
        try:
            return normalise_notebook(raw.decode("utf-8")).encode()
        except (UnicodeDecodeError, json.JSONDecodeError):
            return raw
    return raw


def short_diff(old: bytes, new: bytes, context: int, limit: int = 40) -> str:
    try:
        a, b = old.decode("utf-8").splitlines(), new.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return f"    binary: {len(old)} vs {len(new)} bytes"
    if len(a) == 1 and len(b) == 1:  # one long line (minified JS, JSON): show the first change
        k = next((i for i, (x, y) in enumerate(zip(a[0], b[0])) if x != y), min(len(a[0]), len(b[0])))
        return f"    at char {k}:\n    - {a[0][max(0, k - 80):k + 80]}\n    + {b[0][max(0, k - 80):k + 80]}"
    lines = list(difflib.unified_diff(a, b, "old", "new", n=context, lineterm=""))
    shown = [("    " + line)[:240] for line in lines[:limit]]
    if len(lines) > limit:
        shown.append(f"    ... {len(lines) - limit} more diff lines")
    return "\n".join(shown)


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def compare(old: Path, new: Path, *, context: int = 2, max_files: int = 30) -> tuple[int, list[str]]:
    """Compare the two folders; returns (number of files compared, differing files)."""
    names_old, names_new = files(old), files(new)
    differing = []
    for name in sorted(names_old | names_new):
        if name not in names_new or name not in names_old:
            side = "only in OLD" if name not in names_new else "only in NEW"
            differing.append(name)
            print(f"{name}: {side}")
            continue
        a, b = normalised(old / name), normalised(new / name)
        if a != b:
            differing.append(name)
            if len(differing) <= max_files:
                print(f"{name}: differs\n{short_diff(a, b, context)}")
            else:
                print(f"{name}: differs")
    return len(names_old | names_new), differing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--context", type=int, default=2, help="diff context lines (default 2)")
    parser.add_argument("--max-files", type=int, default=30, help="diffs shown at most (default 30)")
    args = parser.parse_args(argv)
    for folder in (args.old, args.new):
        if not folder.is_dir():
            parser.error(f"{folder} is not a folder")
    count, differing = compare(args.old, args.new, context=args.context, max_files=args.max_files)
    print(f"{count} files compared, {len(differing)} differing")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
