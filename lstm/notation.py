"""How the book writes a very small or very large number in a sentence: `8.8×10⁻⁴`.

Python's `f"{x:.1e}"` gives `8.8e-04`, a programmer's notation that reads
badly in prose, above all glued into a Japanese sentence (「8.8e-04 倍」).
The chapters glue `scientific(x)` instead, a string that both editions print
as it is: `{glue:text}` takes a glued string without its quotes.
"""

from __future__ import annotations

from . import _validate as v

SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
"""Python's exponent characters to their superscript forms."""


def scientific(x: float, digits: int = 1) -> str:
    """`x` as a reader writes it in scientific notation, `m×10ⁿ`.

    Args:
        x: a finite real number (a Python, NumPy or other `numbers.Real`).
        digits: digits after the decimal point of the mantissa `m`, an integer >= 0.

    Returns:
        A string such as `"8.8×10⁻⁴"`: the mantissa rounded as `f"{x:.{digits}e}"`
        rounds it (so 9.96e-05 gives `"1.0×10⁻⁴"`), then `×10` and the exponent in
        superscript. An exponent of 0 leaves the mantissa alone (`"3.2"`), and
        zero is `"0"`, which the prose reads as an exact match.

    Raises:
        ValueError: `x` is not a finite real number, or `digits` is not an integer >= 0.

    Example:
        >>> scientific(0.000876), scientific(1e-08, digits=0), scientific(-25.0), scientific(0.0)
        ('8.8×10⁻⁴', '1×10⁻⁸', '-2.5×10¹', '0')
    """
    x = v.finite_float("x", x)
    digits = v.non_negative_int("digits", digits)
    if x == 0:
        return "0"
    mantissa, exponent = f"{x:.{digits}e}".split("e")
    n = int(exponent)
    return mantissa if n == 0 else f"{mantissa}×10{str(n).translate(SUPERSCRIPT)}"
