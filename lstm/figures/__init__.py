"""Figures of the book's chapters, drawn by code with Matplotlib.

One module per chapter (`digits`, `gradients`, `block`, ...). Every figure
function takes `lang="en"` or `lang="ja"`, writes its labels in that language
(with a font that has the Japanese glyphs, see `lstm.plotting`) and returns
the Matplotlib figure, so both editions of a chapter call the same function.
"""
