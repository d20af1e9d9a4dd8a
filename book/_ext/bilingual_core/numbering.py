"""Figure, equation and exercise numbers per edition.

Sphinx numbers figures per chapter number with one counter for the whole
project, so chapter 2 of both editions would share it (English Fig. 2.1,
Japanese 図 2.2). We renumber after Sphinx, with one counter per edition.

`renumber` and `changed` are the pure core (plain dicts); `install_patches`
wraps two methods of Sphinx's toctree collectors (the only way to act between
Sphinx's numbering and the pages that use it).
"""

from __future__ import annotations

import copy
from typing import Callable

from .language import counterpart, page_language

# {docname: {figtype: {figid: (chapter, ..., number)}}}: Sphinx's `env.toc_fignumbers`.
FigNumbers = dict[str, dict[str, dict[str, tuple[int, ...]]]]


def renumber(fignumbers: FigNumbers, edition: Callable[[str], str | None]) -> None:
    """Renumber `fignumbers` in place: one counter per (edition, type, chapter
    prefix), in the order of Sphinx's numbers. `edition(docname)` is the
    page's edition, or None for the pages outside the editions (one group)."""
    groups: dict[tuple, list] = {}
    for docname, by_type in fignumbers.items():
        lang = edition(docname)
        for figtype, numbers in by_type.items():
            for figid, number in numbers.items():
                if number:
                    groups.setdefault((lang, figtype, tuple(number[:-1])), []).append(
                        (number[-1], docname, figid))
    for (_lang, figtype, prefix), entries in groups.items():
        for new, (_old, docname, figid) in enumerate(sorted(entries), start=1):
            fignumbers[docname][figtype][figid] = (*prefix, new)


def changed(old: dict, new: dict) -> list[str]:
    """The docnames whose numbers in `new` differ from those in `old`."""
    return [docname for docname, numbers in new.items() if numbers != old.get(docname)]


def renumber_per_edition(app, env) -> None:
    renumber(env.toc_fignumbers,
             lambda docname: page_language(app, docname) if counterpart(app, docname) else None)


# --------------------------------------------------------------------------
# Sphinx adapter
# --------------------------------------------------------------------------

def _patch_figure_numbers():
    from sphinx.environment.collectors.toctree import TocTreeCollector

    original = TocTreeCollector.assign_figure_numbers
    if getattr(original, "_bilingual", False):
        return

    def assign_figure_numbers(self, env):
        old = env.toc_fignumbers
        original(self, env)
        app = getattr(env, "app", None) or getattr(env, "_app", None)
        if app is not None and "bilingual_editions" in app.config:
            renumber_per_edition(app, env)
        return changed(old, env.toc_fignumbers)

    assign_figure_numbers._bilingual = True
    TocTreeCollector.assign_figure_numbers = assign_figure_numbers


def _patch_section_numbers():
    """sphinx-external-toc 1.1 numbers sections continuously (sphinx-multitoc-numbering),
    then restarts each part at 1 when `use_multitoc_numbering` is false, but reports
    the pages whose *continuous* numbers differ from the stored ones as changed: every
    build would rewrite the whole second part (the Japanese edition). Report the pages
    whose final numbers changed instead."""
    try:
        from sphinx_external_toc.collectors import TocTreeCollectorWithStyles as collector
    except ImportError:  # pragma: no cover
        from sphinx.environment.collectors.toctree import TocTreeCollector as collector
    original = collector.assign_section_numbers
    if getattr(original, "_bilingual", False):
        return

    def assign_section_numbers(self, env):
        old = copy.deepcopy(env.toc_secnumbers)
        original(self, env)
        return changed(old, env.toc_secnumbers)

    assign_section_numbers._bilingual = True
    collector.assign_section_numbers = assign_section_numbers


def install_patches() -> None:
    """Renumber figures per edition, and report section-number changes truly."""
    _patch_figure_numbers()
    _patch_section_numbers()
