"""The pieces of the `student_edition` extension (book/_ext/student_edition.py wires them).

Pure cores, testable without a Sphinx build: `book_index` (chapter numbers,
titles, labels, read from the sources), `myst_to_jupyter` (the converter),
`notebooks` (student notebooks, the check for leftover solutions). Sphinx
adapter: `events`.
"""
