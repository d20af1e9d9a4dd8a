"""lstm.analysis as a whole: nothing in its import graph draws, and every example
in its docstrings runs."""

import ast
import doctest
import importlib

import pytest

from lstm import sources

ANALYSIS = [name for name in sources.modules() if name.split(".")[0] == "analysis"]


def _top_level_imports(name):
    """The top-level names of the modules that module `name` imports from outside the package."""
    tree = ast.parse(sources.module_path(name).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def test_the_analysis_modules_are_found():
    assert {"analysis.trace_measures", "analysis.class_measures", "analysis.row_measures",
            "analysis.observations", "analysis.streams", "analysis.surgery",
            "analysis.gate_measures"} <= set(ANALYSIS)


def test_nothing_the_analysis_imports_draws():
    reached = sources.closure(ANALYSIS)
    assert not [m for m in reached if m.split(".")[0] in ("figures", "plotting", "explorers", "checks")]
    drawing = {name: sorted(_top_level_imports(name) & {"matplotlib", "PIL", "ipywidgets", "anywidget"})
               for name in reached}
    assert {name: libs for name, libs in drawing.items() if libs} == {}


@pytest.mark.parametrize("name", ANALYSIS)
def test_the_examples_in_the_docstrings_run(name):
    result = doctest.testmod(importlib.import_module(f"lstm.{name}"))
    assert result.failed == 0
