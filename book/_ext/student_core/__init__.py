"""The pieces of the `student_edition` extension (book/_ext/student_edition.py wires them).

Pure cores, testable without a Sphinx build: `book_index` (chapter numbers,
titles, labels and their numbers: plain data, and `from_env`, the adapter that
takes them from a built Sphinx environment), `myst_blocks` (MyST Markdown as
blocks, with markdown-it), `myst_to_jupyter` (the converter), `notebooks`
(student notebooks, the check for leftover solutions). Sphinx adapter: `events`.
"""
