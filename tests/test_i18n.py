"""The bilingual tables: one registry, one lookup, and every key in both languages and used.

`lstm.i18n.TABLES` names every table of bilingual text in the package. For each,
every key has an English and a Japanese entry with the same `{fields}`, and
every key is used somewhere in the package (its Python or the widgets'
JavaScript), as a quoted string or, in the JavaScript, as `text.key`. Keys that
the code builds from parts are listed in `BUILT` with the pattern that builds them.
"""

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
    "plotting.TEXT": (r"^val_acc_",),                                # "val_acc_" + history.val_on
    "explorers.anywidgets.TEXT": (r"^block_(c_prev|z|i|f|o)$", r"^[zifoch]$"),  # text[`block_${name}`], text[q]
    "checks.messages.MESSAGES": (r"^head_", r"^unanswered_", r"^case_", r"^edge_", r"^element_",  # prefix + kind
                                 r"_hint$"),                       # a message's hint: key + "_hint"
    "figures.ablation.TEXT": (r"\.cell$",),                        # name + ".cell"
    "figures.gates.TEXT": (r"^bar\.",),                            # "bar." + key
    "figures.gradients.TEXT": (r"^norm_",),                         # "norm_" + wrt
    "figures.studies.TEXT": (r"^rows_",),                           # "rows_" + rows
    "figures.training.TEXT": (r"^\w+\.\w+$",),                     # f"{key}.{value}": one per setting value
}


def _table(dotted):
    module, name = dotted.rsplit(".", 1)
    return getattr(importlib.import_module(f"lstm.{module}"), name)


def _entries(table):
    """{key: {lang: entry}} whatever the table's layout."""
    if set(table) <= set(i18n.LANGS):
        keys = set().union(*(table[lang] for lang in table))
        return {key: {lang: table[lang].get(key) for lang in i18n.LANGS} for key in keys}
    return {key: {lang: value.get(lang) for lang in i18n.LANGS} for key, value in table.items()}


def _fields(entry):
    if isinstance(entry, dict):
        return {k: _fields(v) for k, v in entry.items()}
    if isinstance(entry, str):
        return sorted({name for _, name, _, _ in string.Formatter().parse(entry) if name})
    return type(entry).__name__


def _source_without(dotted):
    """Every .py and .js of the package, without the literal of the table itself."""
    texts = []
    for path in sorted(PACKAGE.rglob("*.py")) + sorted((PACKAGE / "web").glob("*.js")):
        text = path.read_text(encoding="utf-8")
        module = path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".")
        name = dotted.rsplit(".", 1)[1]
        if dotted.startswith(module + ".") and module + "." + name == dotted:
            start = text.index(f"\n{name} = {{")
            end = text.index("\n}\n", start)
            text = text[:start] + text[end + 3:]
        texts.append(text)
    return "\n".join(texts)


def test_the_registry_and_the_lookup():
    assert i18n.LANGS == ("en", "ja")
    assert i18n.text({"en": {"a": "x {n}"}, "ja": {"a": "ｘ {n}"}}, "ja", "a", n=2) == "ｘ 2"
    assert i18n.text({"a": {"en": "$c_{t}$", "ja": "$c_{t}$"}}, "en", "a") == "$c_{t}$"  # no fields: as is
    with pytest.raises(ValueError, match="argument `lang`, expected one of 'en', 'ja', got 'fr'"):
        i18n.text({"en": {}, "ja": {}}, "fr", "a")


def test_every_table_is_listed():
    found = set()
    for path in PACKAGE.rglob("*.py"):
        module = path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".")
        for name in re.findall(r"^([A-Z_]+) = \{\n\s+\"(?:en|ja)\"|^([A-Z_]+) = \{\n\s+\"\w+\": \{\"en\"",
                               path.read_text(encoding="utf-8"), re.M):
            found.add(f"{module}.{next(n for n in name if n)}")
    assert found <= set(i18n.TABLES), sorted(found - set(i18n.TABLES))


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
