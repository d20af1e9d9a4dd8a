"""`pyproject.toml` is honest about what each part of the package imports: every
third-party module that `lstm/` imports (at the top of a module or inside a
function) is a dependency of the core or of the extra that the part belongs to."""

import ast
import sys
import tomllib

from helpers import ROOT

DISTRIBUTION = {  # import name -> distribution on PyPI, where they differ
    "PIL": "pillow", "sklearn": "scikit-learn", "tensorflow": "tensorflow-cpu",
    "matplotlib_fontja": "matplotlib-fontja", "IPython": "ipython", "myst_nb": "myst-nb",
    "absl": "tensorflow-cpu",  # absl-py comes with TensorFlow; lstm/_env.py only quiets its log
}
EXTRA_OF_MODULE = {"explorers.anywidgets": "widgets", "explorers.experiment": "widgets",
                   "explorers.frames": "widgets", "progress": "widgets", "figures.scratch": "widgets",
                   "plotting": "ja", "glued": "book"}


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def _name(requirement):
    for stop in "<>=[;! ":
        requirement = requirement.split(stop)[0]
    return requirement.strip().lower()


def test_every_third_party_import_is_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = {_name(r) for r in project["dependencies"]}
    extras = {extra: {_name(r) for r in reqs} for extra, reqs in project["optional-dependencies"].items()}
    undeclared = []
    for path in sorted((ROOT / "lstm").rglob("*.py")):
        module = path.relative_to(ROOT / "lstm").with_suffix("").as_posix().replace("/", ".")
        allowed = core | extras.get(EXTRA_OF_MODULE.get(module, ""), set())
        for name in set(_imports(path)):
            if name in sys.stdlib_module_names or name in ("lstm", "__future__"):
                continue
            distribution = DISTRIBUTION.get(name, name).lower()
            if distribution not in allowed:
                undeclared.append(f"lstm/{path.relative_to(ROOT / 'lstm')} imports {name} ({distribution})")
    assert undeclared == []


def test_the_book_extra_includes_the_widgets_and_japanese_figures():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    book = project["optional-dependencies"]["book"]
    assert "lstm-from-scratch[widgets,ja]" in book
