"""The words the student notebooks write around numbers and in admonition titles,
per language (as the web book shows them: sphinx-exercise's and Sphinx's catalogs)."""

WORDS = {
    "en": {"exercise": "Exercise %s", "solution": "Solution to %s", "figure": "Fig. %s", "table": "Table %s",
           "code-block": "Listing %s", "section": "Section %s",
           "note": "Note", "tip": "Tip", "hint": "Hint", "important": "Important",
           "warning": "Warning", "caution": "Caution", "attention": "Attention",
           "danger": "Danger", "error": "Error", "seealso": "See also"},
    "ja": {"exercise": "練習 %s", "solution": "%sの解答", "figure": "図 %s", "table": "表 %s",
           "code-block": "リスト %s", "section": "%s 節",
           "note": "注記", "tip": "ヒント", "hint": "ヒント", "important": "重要",
           "warning": "警告", "caution": "注意", "attention": "注意",
           "danger": "危険", "error": "エラー", "seealso": "参考"},
}
