"""Cache keys follow the code that decides the cached content (lstm/sources.py).

Each test copies the package to a temporary folder, edits one module there,
and checks which keys change: the trained-model keys (`training_hash`) and the
chapters' execution keys (`code_hash` of their code cells, as the book's
`exec_cache` extension computes them).
"""

from __future__ import annotations

import re
import shutil

import exec_cache  # the book's extension: book/_ext/ is on sys.path (`pythonpath` in pyproject.toml)
import pytest
from helpers import ROOT

from lstm import sources

CHAPTERS = sorted((ROOT / "book" / "en").glob("*.md")) + sorted((ROOT / "book" / "ja").glob("*.md"))


@pytest.fixture
def package(tmp_path):
    root = tmp_path / "lstm"
    shutil.copytree(sources.PACKAGE_DIR, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def keys(root):
    """Every cache key computed from the package at `root`."""
    found = {"train:recipes": sources.training_hash("recipes", root),
             "train:ablation": sources.training_hash("ablation", root)}
    for path in CHAPTERS:
        code = exec_cache.code_of(path.read_text(encoding="utf-8"))
        if code.strip():
            found[f"{path.parent.name}/{path.stem}"] = sources.code_hash(code, root)
    return found


NEW_FUNCTION = "\n\ndef _unused_helper():\n    return 1\n"


def changed_after(root, module, old=None, new=NEW_FUNCTION):
    """The keys that change when `old` becomes `new` in `module` (`new` is
    appended to the module when `old` is None)."""
    before = keys(root)
    path = sources.module_path(module, root)
    text = path.read_text(encoding="utf-8")
    if old is None:
        text += new
    else:
        assert old in text, f"{old!r} is not in {path}"
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    after = keys(root)
    return {name for name in before if before[name] != after[name]}


def chapters_using(prefix):
    """Chapters whose code cells mention `lstm.<prefix>` (a plain text search)."""
    found = set()
    for path in CHAPTERS:
        if re.search(rf"\blstm\.{re.escape(prefix)}\b", exec_cache.code_of(path.read_text(encoding="utf-8"))):
            found.add(f"{path.parent.name}/{path.stem}")
    return found


def test_a_self_check_message_re_runs_only_the_chapters_that_call_a_check(package):
    text = (package / "i18n" / "messages.py").read_text(encoding="utf-8")
    message = re.search(r'"en": "([A-Z][^"]{20,})"', text).group(1)
    changed = changed_after(package, "i18n.messages", message, message + " (edited)")
    assert changed == chapters_using("checks")
    assert changed and len(changed) < len(keys(package)) - 2  # some chapters, not all
    assert not any(name.startswith("train:") for name in changed)  # retrains nothing


def test_a_figure_module_re_runs_only_the_chapters_that_draw_with_it(package):
    changed = changed_after(package, "figures.digits")
    assert changed == chapters_using("figures.digits")
    assert changed and not any(name.startswith("train:") for name in changed)


def test_a_training_module_changes_the_training_keys_and_its_chapters(package):
    changed = changed_after(package, "cell")
    assert {"train:recipes", "train:ablation"} <= changed
    assert {"en/lstm-block", "ja/lstm-block", "en/training", "en/input-gate"} <= changed


def test_the_file_format_is_part_of_the_training_keys(package):
    assert "store" in sources.training_modules("recipes", package)
    assert "store" in sources.training_modules("ablation", package)
    changed = changed_after(package, "store")
    assert {"train:recipes", "train:ablation"} <= changed


def test_comments_docstrings_and_layout_change_no_key(package):
    assert changed_after(package, "cell", "\n", "\n# a new comment\n\n") == set()
    path = package / "model.py"
    text = path.read_text(encoding="utf-8")
    doc = re.search(r'"""(.+?)"""', text, re.S).group(1)
    assert changed_after(package, "model", doc, doc + " Reworded.") == set()


def test_normalized_source_ignores_only_what_cannot_change_behaviour():
    a = 'def f(x):\n    """Doc."""\n    return x + 1  # one\n'
    b = 'def f(x):\n\n    """Other doc."""\n    return (x\n            + 1)\n'
    assert sources.normalized(a) == sources.normalized(b.replace("(x\n            + 1)", "x + 1"))
    assert sources.normalized(a) != sources.normalized(a.replace("+ 1", "+ 2"))
    assert sources.normalized('x = "a"\n') != sources.normalized('x = "b"\n')  # not a docstring


def test_no_training_module_imports_the_explorers_or_the_analysis():
    """A module that trains must not import `explorers/` or `analysis/` (the graph stops
    at the explorers, `sources.PRESENTATION`, but not at the measures), or editing a
    widget or a measure would retrain; every name of `PRESENTATION` is a module."""
    assert all(sources.module_path(name) is not None for name in sources.PRESENTATION)
    for entry in ("recipes", "ablation", "studies"):
        modules = sources.training_modules(entry)
        assert not [m for m in modules if m.split(".")[0] in ("explorers", "analysis")], entry


def test_the_package_data_of_the_page_keys_exists():
    for module, folder in exec_cache.PACKAGE_DATA.items():
        assert sources.module_path(module) is not None, module
        assert any((sources.PACKAGE_DIR / folder).iterdir()), folder


def test_the_training_keys_do_not_follow_presentation_modules():
    for entry in ("recipes", "ablation"):
        modules = sources.training_modules(entry)
        assert not [m for m in modules if m.split(".")[0] in sources.PRESENTATION]
        assert {"cell", "model", "train", "data", "store"} <= set(modules)


def test_code_that_uses_the_package_is_traced_to_its_modules():
    used = sources.used_by_code(
        "import lstm\nfrom lstm.figures import gates as g\nfrom lstm import tasks\n"
        "m, h = lstm.recipes.MODERN.run()\nlstm.checks.check_lstm_step(None)\nlstm.load_digits()\n"
        "%matplotlib inline\n")
    assert used == {"figures.gates", "tasks", "recipes", "checks", "data"}
    with pytest.raises(ValueError, match="argument `code`, expected Python source"):
        sources.used_by_code("def (:\n")
    with pytest.raises(ValueError,
                       match="argument `names`, expected modules of the lstm package, got 'no_such_module'"):
        sources.digest(["no_such_module"])


def test_every_chapter_key_is_computed_from_its_cells():
    found = keys(sources.PACKAGE_DIR)
    assert len(found) >= 24  # every chapter with code, in both editions
    for name in found:
        if name.startswith("en/"):  # the twins have the same code cells, hence the same key
            assert found[name] == found["ja/" + name[3:]]


def test_pages_without_code_have_no_key_and_old_cache_folders_go(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# A page\n\nNo code here.\n", encoding="utf-8")
    assert exec_cache.page_key(page, sources) is None
    assert exec_cache.page_key(ROOT / "book" / "en" / "digits.md", sources) is not None
    (tmp_path / "cache" / "0123456789ab").mkdir(parents=True)  # the earlier layout
    (tmp_path / "cache" / "executed").mkdir()                  # jupyter-cache's own folder
    removed = exec_cache.remove_old_layout(tmp_path / "cache")
    assert [p.name for p in removed] == ["0123456789ab"]
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["executed"]


def test_pages_that_read_the_recorded_studies_key_on_the_records(package):
    copy = exec_cache.load_sources(package)
    assert copy.PACKAGE_DIR == package
    (package / "records").mkdir(exist_ok=True)
    (package / "records" / "extra.json").write_text("{}", encoding="utf-8")
    reading = ROOT / "book" / "en" / "input-gate.md"  # uses lstm.studies
    other = ROOT / "book" / "en" / "digits.md"
    before = exec_cache.page_key(reading, copy), exec_cache.page_key(other, copy)
    (package / "records" / "extra.json").write_text('{"edited": 1}', encoding="utf-8")
    assert exec_cache.page_key(reading, copy) != before[0]
    assert exec_cache.page_key(other, copy) == before[1]


def test_pages_with_a_widget_key_on_its_javascript(package):
    copy = exec_cache.load_sources(package)
    showing = ROOT / "book" / "en" / "looking-inside.md"  # displays lstm.explorers.anywidgets.gate_explorer
    other = ROOT / "book" / "en" / "digits.md"
    before = exec_cache.page_key(showing, copy), exec_cache.page_key(other, copy)
    script = package / "web" / "explorer.js"
    script.write_text(script.read_text(encoding="utf-8") + "\n// edited\n", encoding="utf-8")
    assert exec_cache.page_key(showing, copy) != before[0]
    assert exec_cache.page_key(other, copy) == before[1]
