"""The pieces of the `bilingual` extension (book/_ext/bilingual.py wires them).

Pure cores, importable and testable without a Sphinx build:

- `language`: which edition a page belongs to, its twin, the strings per language;
- `search`: the `en_ja` splitter and stemmer (Python and the browser's JavaScript);
- `numbering`: figure/equation/exercise numbers renumbered per edition;
- `edition_bar`: the bar above a chapter (other edition, notebook download);
- `notebook_export`: chapters as Jupyter notebooks in `_sources/`.

Sphinx adapters: `translations` (gettext catalogs and the per-page switch),
`numbering.install_patches` (the two collector patches) and `events` (the
handlers `bilingual.setup` connects).
"""
