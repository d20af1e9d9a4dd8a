"""Which modules of the package decide a result, and a hash of their code.

Three caches keep results between runs: trained recipe models
(`recipes.Recipe.run`), ablation runs (`ablation.run`), and the executed
chapters of the book (`book/_ext/exec_cache.py`). Each key holds a hash of
the code that decides the cached content, and of nothing else:

- the modules are found from the import graph of the package (every
  `import` of a module of the package, at module level or inside a function,
  followed transitively) starting at the module that does the work;
- for a trained model, the graph stops at `PRESENTATION`: modules that draw
  or talk (figures, widgets, self-check messages, progress bars) and never
  decide a number, so editing them retrains nothing;
- the code is hashed as a token stream without comments, docstrings or
  layout (`normalized`), so rewording a comment or re-wrapping a line keeps
  every key.

This module imports nothing but the standard library: the book's Sphinx
extension loads it by path, without importing TensorFlow.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import io
import re
import tokenize
from collections.abc import Iterable
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PACKAGE = PACKAGE_DIR.name

PRESENTATION = ("checks", "explorers", "figures", "plotting", "progress")
"""Modules (and packages) that only draw, talk or report progress.

No training module imports `explorers/` (nor `analysis/`): the test
`tests/test_cache_keys.py` checks both."""

ALWAYS = ("__init__", "_env")
"""Run by every `import lstm`: part of every chapter's key."""


def module_path(name: str, root: Path = PACKAGE_DIR) -> Path | None:
    """The file of module `name` ("cell", "figures.gates", "checks"), or None."""
    base = root.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def modules(root: Path = PACKAGE_DIR) -> list[str]:
    """Every module of the package, as dotted names relative to it (sorted)."""
    names = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1] or ("__init__",)
        names.append(".".join(parts))
    return names


@functools.lru_cache(maxsize=512)
def normalized(source: str) -> str:
    """The token stream of `source` without comments, docstrings or layout.

    Two sources that differ only in comments, docstrings, blank lines or the
    way a statement is wrapped give the same string.
    """
    out: list[str] = []
    previous = tokenize.NEWLINE
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in (tokenize.COMMENT, tokenize.NL, tokenize.ENCODING, tokenize.ENDMARKER):
            continue
        if kind == tokenize.STRING and previous in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            following = next((t.type for t in tokens[index + 1:]
                              if t.type not in (tokenize.COMMENT, tokenize.NL)), tokenize.NEWLINE)
            if following in (tokenize.NEWLINE, tokenize.ENDMARKER):
                previous = tokenize.NEWLINE
                continue  # a docstring: a string that is a whole statement
        out.append({tokenize.NEWLINE: "\n", tokenize.INDENT: "<indent>",
                    tokenize.DEDENT: "<dedent>"}.get(kind, token.string))
        previous = kind
    text = " ".join(out)
    return re.sub(r"\s*\n\s*", "\n", text).strip()


def imports(name: str, root: Path = PACKAGE_DIR) -> set[str]:
    """The modules of the package that module `name` imports, anywhere in its code."""
    path = module_path(name, root)
    if path is None:
        return set()
    package = name.split(".") if path.name == "__init__.py" and name != "__init__" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(_parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else list(package)
            elif node.module and node.module.split(".")[0] == PACKAGE:
                base = []
            else:
                continue
            module = node.module.split(".") if node.module else []
            if not node.level:
                module = module[1:]
            target = base + module
            for alias in node.names:  # `from . import cell` imports a module too
                candidate = ".".join(target + [alias.name])
                if module_path(candidate, root) is not None:
                    found.add(candidate)
            if target and module_path(".".join(target), root) is not None:
                found.add(".".join(target))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == PACKAGE and len(parts) > 1:
                    found.add(".".join(parts[1:]))
    found.discard(name)
    return found


@functools.lru_cache(maxsize=512)
def _parse(source: str) -> ast.Module:
    return ast.parse(source)


def _stopped(name: str, stop: Iterable[str]) -> bool:
    return any(name == s or name.startswith(s + ".") for s in stop)


def closure(entries: Iterable[str], *, stop: Iterable[str] = (), root: Path = PACKAGE_DIR) -> list[str]:
    """`entries` and every module they import, transitively, not entering `stop`.

    A package's `__init__` counts as a module of its own: `checks` means
    `lstm/checks/__init__.py`, whose imports are followed like any other.
    """
    stop = tuple(stop)
    seen: set[str] = set()
    todo = [e for e in entries if not _stopped(e, stop)]
    while todo:
        name = todo.pop()
        if name in seen or module_path(name, root) is None:
            continue
        seen.add(name)
        todo.extend(m for m in imports(name, root) if not _stopped(m, stop))
    return sorted(seen)


def digest(names: Iterable[str], root: Path = PACKAGE_DIR) -> str:
    """SHA-256 over the normalized source of each module in `names`."""
    h = hashlib.sha256()
    for name in sorted(set(names)):
        path = module_path(name, root)
        if path is None:
            raise ValueError(f"Received an invalid value for argument `names`, expected modules "
                             f"of the {PACKAGE} package, got {name!r}.")
        h.update(name.encode() + b"\0")
        h.update(normalized(path.read_text(encoding="utf-8")).encode() + b"\0")
    return h.hexdigest()


def training_modules(entry: str, root: Path = PACKAGE_DIR) -> list[str]:
    """The modules that decide the numbers of what `entry` trains."""
    return closure([entry], stop=PRESENTATION, root=root)


def training_hash(entry: str, root: Path = PACKAGE_DIR) -> str:
    """The hash that keys a cached training run started by module `entry`."""
    return digest(training_modules(entry, root), root)


def _reexports(root: Path) -> dict[str, str]:
    """Names that `lstm/__init__.py` takes from a module: {name: module}."""
    found = {}
    init = root / "__init__.py"
    for node in ast.parse(init.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            for alias in node.names:
                if node.module:
                    found[alias.asname or alias.name] = node.module
                elif module_path(alias.name, root) is not None:
                    found[alias.asname or alias.name] = alias.name
    return found


def used_by_code(code: str, root: Path = PACKAGE_DIR) -> set[str]:
    """The modules of the package that a piece of code (a chapter's cells) uses.

    Counts `import lstm.x`, `from lstm.x import y`, `from lstm import y`, and
    attribute chains `lstm.a.b...` (the longest prefix that is a module;
    names re-exported by `lstm/__init__.py` count as their own module).
    Lines that are not Python (IPython magics) are left out.
    """
    lines = [line for line in code.splitlines() if not line.lstrip().startswith(("%", "!"))]
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError as error:
        raise ValueError(f"Received an invalid value for argument `code`, expected Python "
                         f"source, got code that does not parse ({error}).") from None
    reexports = _reexports(root)
    aliases = {PACKAGE}
    used: set[str] = set()

    def resolve(parts: list[str]) -> None:
        for n in range(len(parts), 0, -1):
            name = ".".join(parts[:n])
            if module_path(name, root) is not None and name != "__init__":
                used.add(name)
                return
        if parts and parts[0] in reexports:
            used.add(reexports[parts[0]])

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == PACKAGE:
                    if len(parts) > 1:
                        resolve(parts[1:])
                    if alias.asname:
                        aliases.add(alias.asname)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            parts = node.module.split(".")
            if parts[0] == PACKAGE:
                for alias in node.names:
                    resolve(parts[1:] + [alias.name])
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            chain = []
            inner = node
            while isinstance(inner, ast.Attribute):
                chain.append(inner.attr)
                inner = inner.value
            if isinstance(inner, ast.Name) and inner.id in aliases:
                resolve(list(reversed(chain)))
    return used


def code_hash(code: str, root: Path = PACKAGE_DIR) -> str:
    """The hash that keys the execution of `code` (e.g. a chapter): the
    normalized source of every module it uses, transitively, and of the
    modules every `import lstm` runs."""
    return digest(closure(sorted(used_by_code(code, root)), root=root) + list(ALWAYS), root)
