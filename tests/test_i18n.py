"""The bilingual tables: one registry, one lookup, and every key in both languages and used.

`lstm.i18n.TABLES` names every table of bilingual text in the package. For each,
every key has an English and a Japanese entry with the same `{fields}`, and
every key is used somewhere in the package (its Python or the widgets'
JavaScript), as a quoted string or, in the JavaScript, as `text.key`. Keys that
the code builds from parts are listed in `BUILT` with the pattern that builds them.
"""

import ast
import importlib
import re
import string
from pathlib import Path

import pytest

import lstm
from lstm import i18n

PACKAGE = Path(lstm.__file__).resolve().parent

# Keys the code builds from parts (a prefix and a variable), so no literal names them whole.
BUILT = {
    "i18n.figures.SHARED": (r"^val_acc_",),                          # "val_acc_" + history.val_on
    "i18n.explorers.LIVE": (r"^block_(c_prev|z|i|f|o)$", r"^[zifoch]$"),  # text[`block_${name}`], text[q]
    "i18n.messages.MESSAGES": (r"^head_", r"^unanswered_", r"^case_", r"^edge_", r"^element_",  # prefix + kind
                               r"_hint$"),                         # a message's hint: key + "_hint"
    "i18n.figures.ABLATION": (r"\.cell$",),                          # name + ".cell"
    "i18n.figures.GATES": (r"^bar\.",),                              # "bar." + key
    "i18n.figures.GRADIENTS": (r"^norm_",),                           # "norm_" + wrt
    "i18n.figures.STUDIES": (r"^rows_",),                             # "rows_" + rows
    "i18n.figures.TRAINING": (r"^\w+\.\w+$",),                       # f"{key}.{value}": one per setting value
}


def _table(dotted):
    module, name = dotted.rsplit(".", 1)
    return getattr(importlib.import_module(f"lstm.{module}"), name)


def _entries(table):
    """{key: {lang: entry}}, a missing language as None."""
    return {key: {lang: value.get(lang) for lang in i18n.LANGS} for key, value in table.items()}


def _fields(entry):
    if isinstance(entry, dict):
        return {k: _fields(v) for k, v in entry.items()}
    if isinstance(entry, str):
        return sorted({name for _, name, _, _ in string.Formatter().parse(entry) if name})
    return type(entry).__name__


def _source_without(dotted):
    """Every .py and .js of the package but the tables themselves (`lstm/i18n/`'s
    modules other than its `__init__`): where a key must be used."""
    texts = []
    for path in sorted(PACKAGE.rglob("*.py")) + sorted((PACKAGE / "web").glob("*.js")):
        if path.parent == PACKAGE / "i18n" and path.name != "__init__.py":
            continue
        texts.append(path.read_text(encoding="utf-8"))
    return "\n".join(texts)


def test_the_registry_and_the_lookup():
    assert i18n.LANGS == ("en", "ja")
    assert i18n.text({"a": {"en": "x {n}", "ja": "ｘ {n}"}}, "ja", "a", n=2) == "ｘ 2"
    assert i18n.text({"a": {"en": "$c_{t}$", "ja": "$c_{t}$"}}, "en", "a") == "$c_{t}$"  # no fields: as is
    assert i18n.strings({"a": {"en": "x", "ja": "ｘ"}, "b": {"en": "y", "ja": "ｙ"}}, "ja") == {"a": "ｘ", "b": "ｙ"}
    for lookup in (lambda: i18n.text({"a": {"en": "", "ja": ""}}, "fr", "a"), lambda: i18n.strings({}, "fr")):
        with pytest.raises(ValueError, match="argument `lang`, expected one of 'en', 'ja', got 'fr'"):
            lookup()


BILINGUAL = re.compile(r'^([A-Z_]+) = \{[^\n]*\n\s+"(?:(?:en|ja)"|[^"\n]+": \{\s*"en")', re.M)
"""A table's first lines, in either layout: `NAME = {` then `"en": {` or `"key": {"en"`."""


def test_every_table_lives_in_lstm_i18n_and_is_listed():
    found = set()
    for path in PACKAGE.rglob("*.py"):
        module = path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".")
        found |= {f"{module}.{name}" for name in BILINGUAL.findall(path.read_text(encoding="utf-8"))}
    assert sorted(d for d in found if not d.startswith("i18n.")) == []
    assert found == set(i18n.TABLES), sorted(found ^ set(i18n.TABLES))


def test_no_key_is_written_twice():
    """A dict literal keeps the last of two equal keys: a table must not have any."""
    for path in sorted((PACKAGE / "i18n").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
                assert len(keys) == len(set(keys)), (path.name, sorted(k for k in keys if keys.count(k) > 1))


@pytest.mark.parametrize("dotted", i18n.TABLES)
def test_every_key_has_both_languages_with_the_same_fields(dotted):
    for key, entry in _entries(_table(dotted)).items():
        assert all(entry[lang] is not None for lang in i18n.LANGS), f"{dotted}[{key!r}] lacks a language"
        assert _fields(entry["en"]) == _fields(entry["ja"]), f"{dotted}[{key!r}]: fields differ"


@pytest.mark.parametrize("dotted", i18n.TABLES)
def test_every_key_is_used(dotted):
    source = _source_without(dotted)
    built = [re.compile(p) for p in BUILT.get(dotted, ())]
    unused = [key for key in _entries(_table(dotted))
              if not (re.search(rf"[\"']{re.escape(key)}[\"']|\btext\.{re.escape(key)}\b", source)
                      or any(p.search(key) for p in built))]
    assert unused == [], f"{dotted}: {unused}"


def _japanese_strings(entry):
    if isinstance(entry, dict):
        for value in entry.values():
            yield from _japanese_strings(value)
    elif isinstance(entry, str):
        yield entry


def test_the_japanese_edition_keeps_to_its_terms():
    """The avoided terms of `i18n.JA_TERMS` appear neither in the Japanese chapters nor
    in the Japanese strings of any table."""
    book = Path(lstm.__file__).resolve().parent.parent / "book" / "ja"
    found = []
    for path in sorted(book.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        found += [(path.name, term) for term in i18n.JA_TERMS if term in text]
    for dotted in i18n.TABLES:
        for key, entry in _entries(_table(dotted)).items():
            for text in _japanese_strings(entry["ja"]):
                found += [(f"{dotted}[{key!r}]", term) for term in i18n.JA_TERMS if term in text]
    assert found == [], [(where, term, i18n.JA_TERMS[term]) for where, term in found]
