"""Every message of the self-checks, in English and Japanese.

`MESSAGES[key]` is `{"en": ..., "ja": ...}`; `text(lang, key, **fields)`
fills the `{fields}`. A key ending in `_hint` is the hint shown under the
message of the same name. Code and formulas go in backticks so that the
Markdown rendering in Jupyter shows them as code (`*` would otherwise turn
into emphasis).
"""

from .. import i18n
from ..i18n.messages import MESSAGES


def has(key):
    return key in MESSAGES


def text(lang, key, **fields):
    """The message `key` in `lang`, with `fields` filled in."""
    return i18n.text(MESSAGES, lang, key).format(**fields)
