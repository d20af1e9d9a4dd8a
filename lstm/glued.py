"""Numbers glued into the prose, for the web book and for JupyterLab alike.

A chapter computes a number in a code cell and glues it with `glue(name, value,
display=False)`: this is myst-nb's `glue` (the web book reads the value from
the executed notebook), and it also keeps the value in the kernel. The prose
quotes it with an inline expression, the `{eval}` role of MyST:

    the input gate opens to {eval}`glued("inside-i-max:.2f")` at row ...

- In JupyterLab, jupyterlab-myst evaluates `glued("inside-i-max:.2f")` in the
  kernel when the Markdown cell runs (after the cells above it) and shows the
  string it returns, without its quotes.
- In the web book, `book/_ext/glued_eval.py` reads the same call and pastes the
  glued value exactly as ``{glue:text}`inside-i-max:.2f``` did, from the executed
  notebook (no kernel at page-render time).

`glued` formats with myst-nb's own `format_plain_text` on the `text/plain`
that IPython shows for the value, as myst-nb's `{glue:text}` does: the two
renderers print the same characters. `split_spec` is pure.
"""

from __future__ import annotations

from typing import Any

from IPython.core.formatters import format_display_data
from myst_nb import glue as _nb_glue
from myst_nb.core.variables import format_plain_text

_GLUED: dict[str, Any] = {}
"""The values glued in this kernel, by name."""


def split_spec(spec: str) -> tuple[str, str]:
    """`"name:format"` -> `("name", "format")`; `"name"` -> `("name", "s")`.

    The split of myst-nb's `{glue:text}` role: the format is what follows the
    last colon, and a spec without a colon formats as text (`"s"`).

    Raises:
        ValueError: `spec` is not a string, or it names no value (`""`, `":.2f"`).
    """
    if not isinstance(spec, str):
        raise ValueError(f"Received an invalid value for argument `spec`, expected a string "
                         f"such as 'inside-n-test' or 'inside-i-max:.2f', got {spec!r}.")
    name, sep, fmt = spec.rpartition(":")
    if not sep:
        name, fmt = spec, "s"
    if not name.strip():
        raise ValueError(f"Received an invalid value for argument `spec`, expected a glued "
                         f"name before the optional ':format' (e.g. 'inside-i-max:.2f'), "
                         f"got {spec!r}.")
    return name, fmt


def glue(name: str, variable: Any, display: bool = True) -> None:
    """myst-nb's `glue(name, variable, display)`, remembering `variable` for `glued`."""
    _nb_glue(name, variable, display=display)
    _GLUED[name] = variable


def glued(spec: str) -> str:
    """The value glued as `name`, as text, formatted as `{glue:text}` formats it.

    Args:
        spec: `"name"` or `"name:format"` (a format specification such as `.2f`,
            `.1%` or `g`), the content of the `{glue:text}` role it replaces.

    Returns:
        The same characters as the web book shows: IPython's `text/plain` of the
        value, with its quotes taken off, then formatted by myst-nb's
        `format_plain_text`.

    Raises:
        ValueError: `spec` is malformed, names no value glued in this kernel (run
            the cells above first), or its format does not apply to the value.
    """
    name, fmt = split_spec(spec)
    if name not in _GLUED:
        known = ", ".join(sorted(_GLUED)[:8]) or "none yet"
        raise ValueError(f"Received an invalid value for argument `spec`, expected the name "
                         f"of a value glued in this kernel (run the cells above first; glued "
                         f"so far: {known}), got {spec!r}.")
    text = format_display_data(_GLUED[name])[0].get("text/plain", "")
    try:
        return format_plain_text(text, fmt)
    except (ValueError, TypeError) as err:
        raise ValueError(f"Received an invalid value for argument `spec`, expected a format "
                         f"that applies to the value glued as {name!r} ({text}), got {spec!r} "
                         f"({err}).") from err
