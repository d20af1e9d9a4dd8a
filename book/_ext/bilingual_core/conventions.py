"""Japanese typographic conventions for what Sphinx and sphinx-exercise write.
Pure functions; `events.py` applies them to the Japanese pages.

- A reference to a chapter reads 第 3 章「単純な RNN はなぜ忘れるのか」, as Japanese
  books write it (`chapter_reference`): in the sources, ``{doc}`plain-rnn` の章``
  becomes that, with the chapter's number in its edition.
- Exercise titles take full-width parentheses, and a solution is titled after its
  exercise: 練習 2.1（系列の形） and 練習 2.1（系列の形）の解答, where
  sphinx-exercise writes "練習 2.1  (系列の形)" and "解答 練習 2.1 (系列の形)"
  (`exercise_titles`).
"""

from __future__ import annotations

import re

CHAPTER_SUFFIX = re.compile(r"^ ?の章")  # the text after a chapter reference in the sources

EXERCISE = re.compile(r'(<span class="caption-number">練習 [\d.]+) </span> \((.*?)\)(</p>)')
SOLUTION = re.compile(r'(<p class="admonition-title">)解答(<a class="reference internal" href="[^"]*">) '
                      r'(練習 [\d.]+) \((.*?)\)</a>')
SOLUTION_UNTITLED = re.compile(r'(<p class="admonition-title">)解答(<a class="reference internal" href="[^"]*">) '
                               r'(練習 [\d.]+)</a>')


def chapter_reference(number: int, title: str) -> str:
    """第 N 章「title」."""
    return f"第 {number} 章「{title}」"


def exercise_titles(body: str) -> str:
    """The page's exercise and solution titles in the Japanese style (see the module docstring)."""
    body = EXERCISE.sub(r"\1</span>（\2）\3", body)
    body = SOLUTION.sub(r"\1\2\3（\4）</a>の解答", body)
    return SOLUTION_UNTITLED.sub(r"\1\2\3</a> の解答", body)
