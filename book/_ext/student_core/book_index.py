"""The book as the student notebooks see it: chapter numbers, titles, labels and
their numbers, taken from the Sphinx build's environment, so that a notebook
shows the numbers of the HTML (one numbering: Sphinx's, with figures, equations
and exercises renumbered per edition by `bilingual_core.numbering`).

`BookIndex` and `Target` are plain data (the converter's input, written by hand
in its tests); `from_env` is the adapter that fills them from a finished
Sphinx environment (the student build calls it when it writes the notebooks,
at ``build-finished``).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
# Written by every HTML build beside its executed notebooks (`jupyter_execute/`):
# what `make classroom` (tools/classroom.py) reads to number the assignments.
INDEX_FILE = "book-index.json"
EDITIONS = {"en": "book/en/", "ja": "book/ja/"}
# Pages of the editions that are not handed out as notebooks (the teacher's page).
TEACHER_ONLY = ("teaching",)


@dataclass
class Target:
    docname: str
    kind: str            # "section", "exercise", "solution", "figure", "equation", "target", ...
    number: str = ""     # "4.1" for numbered kinds
    title: str = ""      # section title, exercise title or figure caption


@dataclass
class BookIndex:
    root: Path
    chapters: dict = field(default_factory=dict)   # docname -> chapter number ("4")
    titles: dict = field(default_factory=dict)     # docname -> title
    labels: dict = field(default_factory=dict)     # label -> Target

    def lang(self, docname: str) -> str:
        for lang, prefix in EDITIONS.items():
            if docname.startswith(prefix):
                return lang
        return "en"

    def exported(self, docname: str) -> bool:
        """True for the pages handed out as notebooks."""
        return docname in self.chapters and docname.rsplit("/", 1)[-1] not in TEACHER_ONLY


def dotted(numbers) -> str:
    """(6, 1) -> "6.1", as Sphinx writes a number."""
    return ".".join(map(str, numbers))


def left_out_titles(root: Path, found_docs) -> dict[str, str]:
    """The titles of the teacher's pages that a build leaves out (not in
    `found_docs`), from their first heading: a student notebook still names
    the page it does not link to."""
    titles = {}
    for prefix in EDITIONS.values():
        for name in TEACHER_ONLY:
            path = Path(root) / f"{prefix}{name}.md"
            if prefix + name in found_docs or not path.is_file():
                continue
            heading = re.search(r"^# (.+)$", path.read_text(encoding="utf-8"), re.M)
            if heading:
                titles[prefix + name] = heading[1].strip()
    return titles


def _section_number(env, docname: str, labelid: str) -> str:
    """The number Sphinx's `{numref}` gives a section: the number of its first
    id (read from the page's doctree when the label is not that id), else the
    number of its page."""
    secnumbers = env.toc_secnumbers.get(docname, {})
    if "#" + labelid not in secnumbers:
        node = env.get_doctree(docname).ids.get(labelid)
        labelid = node["ids"][0] if node is not None and node.get("ids") else labelid
    return dotted(secnumbers.get("#" + labelid) or secnumbers.get("", ()))


def _std_target(env, docname: str, labelid: str, title: str) -> Target:
    """A label of Sphinx's `std` domain: an enumerable node (figure, exercise,
    table...) with its number, a section with its number, or a plain target."""
    for figtype, numbers in env.toc_fignumbers.get(docname, {}).items():
        if figtype != "displaymath" and labelid in numbers:
            return Target(docname, figtype, dotted(numbers[labelid]), title)
    if not title:
        return Target(docname, "target")
    return Target(docname, "section", _section_number(env, docname, labelid), title)


def _exercise_title(node) -> str:
    """The subtitle of a sphinx-exercise node (its title's text after "Exercise")."""
    from sphinx_exercise.nodes import exercise_subtitle

    for subtitle in node.findall(exercise_subtitle):
        return subtitle.astext()
    return ""


def from_env(env, root: Path = ROOT) -> BookIndex:
    """The `BookIndex` of a built Sphinx environment `env` (sources under `root`).

    Chapters from ``env.toc_secnumbers``, titles from ``env.titles``, labels
    from the ``std`` domain with their numbers from ``env.toc_fignumbers``,
    exercises and solutions from sphinx-exercise's registry, equations from the
    ``math`` domain, numbered as Sphinx's ``{eq}`` numbers them.
    """
    from docutils.nodes import make_id

    index = BookIndex(root=Path(root))
    for docname, secnumbers in env.toc_secnumbers.items():
        if secnumbers.get(""):
            index.chapters[docname] = dotted(secnumbers[""])
    index.titles = {docname: title.astext() for docname, title in env.titles.items()}
    index.titles.update(left_out_titles(root, env.found_docs))

    std = env.get_domain("std")
    for label, (docname, labelid) in std.anonlabels.items():
        if docname in env.found_docs:
            title = std.labels.get(label, (docname, labelid, ""))[2]
            index.labels[label] = _std_target(env, docname, labelid, title)
    for label, entry in getattr(env, "sphinx_exercise_registry", {}).items():
        target = index.labels.get(label) or Target(entry["docname"], entry["type"])
        if entry["type"] == "exercise":
            target.title = _exercise_title(entry["node"])
        else:
            target.kind = "solution"
        index.labels[label] = target

    numsep = env.config.math_numsep
    for label, (docname, number) in env.get_domain("math").equations.items():
        if env.config.math_numfig and env.config.numfig:
            numbers = env.toc_fignumbers.get(docname, {}).get("displaymath", {})
            number = dotted(numbers.get(make_id(f"equation-{label}"), ()))
            number = numsep.join(number.rsplit(".", 1))
        index.labels[label] = Target(docname, "equation", str(number))
    return index


def to_json(index: BookIndex) -> str:
    """`index` as JSON text (its `root` left out: the reader gives its own)."""
    return json.dumps({"chapters": index.chapters, "titles": index.titles,
                       "labels": {label: asdict(target) for label, target in index.labels.items()}},
                      ensure_ascii=False, indent=1, sort_keys=True)


def from_json(text: str, root: Path = ROOT) -> BookIndex:
    """The `BookIndex` that `to_json` wrote, with its sources under `root`."""
    data = json.loads(text)
    return BookIndex(root=Path(root), chapters=dict(data["chapters"]), titles=dict(data["titles"]),
                     labels={label: Target(**fields) for label, fields in data["labels"].items()})
