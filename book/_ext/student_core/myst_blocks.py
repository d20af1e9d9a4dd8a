"""MyST Markdown as blocks, with markdown-it (myst-parser's own parser): what the
converter (`myst_to_jupyter`) walks, and where the leak scan (`notebooks`)
finds the labels of solutions. Pure: no Sphinx build.
"""

from __future__ import annotations

import re

import yaml


def _markdown_parser():
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    config = MdParserConfig(
        enable_extensions={"amsmath", "colon_fence", "deflist", "dollarmath", "substitution",
                           "attrs_inline"},
        dmath_double_inline=True)
    return create_md_parser(config, RendererHTML)


_PARSER = None


def parse(text: str):
    global _PARSER
    if _PARSER is None:
        _PARSER = _markdown_parser()
    return _PARSER.parse(text)


def blocks(text: str):
    """Top-level blocks of `text`: (first line, end line, token)."""
    for tok in parse(text):
        if tok.level == 0 and tok.map and tok.nesting >= 0:
            yield tok.map[0], tok.map[1], tok


def directive(tok):
    """(name, argument, options, body) of a ```{name} argument fence, or None."""
    match = re.match(r"^\{([\w:.+-]+)\}\s*(.*)$", tok.info.strip())
    if tok.type not in ("fence", "colon_fence") or not match:
        return None
    name, argument = match[1], match[2].strip()
    lines = tok.content.split("\n")
    options = {}
    if lines and lines[0].strip() == "---":
        end = next((k for k in range(1, len(lines)) if lines[k].strip() == "---"), None)
        if end is not None:
            options = yaml.safe_load("\n".join(lines[1:end])) or {}
            lines = lines[end + 1:]
    else:
        while lines and re.match(r"^:[\w-]+:", lines[0]):
            key, _, value = lines.pop(0)[1:].partition(":")
            options[key] = value.strip()
    body = "\n".join(lines).strip("\n")
    return name, argument, options, body
