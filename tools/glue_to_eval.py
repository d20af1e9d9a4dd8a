"""Rewrite a chapter's glued numbers so that JupyterLab shows them too.

    .venv/bin/python tools/glue_to_eval.py book/en/long-lags.md book/ja/long-lags.md
    .venv/bin/python tools/glue_to_eval.py --check book/*/*.md   # exit 1 if one is left

The rule (the same for every chapter, in both editions):

- in the prose, {glue:text}`name` -> {eval}`glued("name")` and
  {glue:text}`name:.2f` -> {eval}`glued("name:.2f")` (the spec is kept as it is);
- in the code, `from myst_nb import glue` -> `from lstm.glued import glue, glued`
  (`lstm.glued.glue` is myst-nb's glue that also keeps the value in the kernel).

jupyterlab-myst evaluates `{eval}` in the kernel when a Markdown cell runs;
the web book pastes the same value from the executed notebook
(`book/_ext/glued_eval.py`), so its pages do not change. `{glue:figure}` and
`{glue:md}` stay as they are (jupyterlab-myst renders neither). The rewrite is
idempotent. `convert` is pure.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

GLUE_TEXT = re.compile(r"\{glue:text\}`(?P<spec>[^`]*)`")
IMPORT = re.compile(r"^from myst_nb import glue[ \t]*$", re.M)
NEW_IMPORT = "from lstm.glued import glue, glued"


def convert(text: str) -> tuple[str, int]:
    """`text` (a MyST chapter) with its `{glue:text}` roles and its import of
    myst-nb's `glue` rewritten; returns the text and the number of roles rewritten.

    Raises:
        ValueError: a `{glue:text}` spec that cannot be written as a Python string
            literal as it is (it holds a quote, a backslash or nothing).
    """
    if not isinstance(text, str):
        raise ValueError(f"Received an invalid value for argument `text`, expected the text "
                         f"of a MyST chapter (a string), got {type(text).__name__}.")

    def replace(match: re.Match) -> str:
        spec = match["spec"]
        if not spec.strip() or any(c in spec for c in "\"'\\\n"):
            raise ValueError(f"Received an invalid value for argument `text`, expected "
                             f"{{glue:text}} specs without quotes, backslashes or line breaks, "
                             f"got {match[0]!r}.")
        return f'{{eval}}`glued("{spec}")`'

    text, count = GLUE_TEXT.subn(replace, text)
    return IMPORT.sub(NEW_IMPORT, text), count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="MyST chapters (book/{en,ja}/X.md)")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a file still needs the rewrite")
    args = parser.parse_args(argv)
    pending = 0
    for path in args.files:
        old = path.read_text(encoding="utf-8")
        new, count = convert(old)
        if new == old:
            continue
        pending += 1
        if args.check:
            print(f"{path}: {count} {{glue:text}} role(s) to rewrite")
        else:
            path.write_text(new, encoding="utf-8")
            print(f"{path}: {count} {{glue:text}} role(s) rewritten")
    return 1 if args.check and pending else 0


if __name__ == "__main__":
    sys.exit(main())
