"""Numbers in the book's prose: m×10ⁿ (`lstm.notation`), never Python's 8.8e-04, and in
Japanese a percent sign against its number (12.3%, as glued values print) everywhere."""

import doctest
import re

import numpy as np
import pytest

from helpers import BOOK, EDITIONS
from lstm import notation
from lstm.notation import scientific


@pytest.mark.parametrize(("x", "digits", "written"), [
    (0.000876, 1, "8.8×10⁻⁴"),
    (1.04e-06, 1, "1.0×10⁻⁶"),        # rounded as f"{x:.1e}" rounds
    (9.96e-05, 1, "1.0×10⁻⁴"),        # rounding carries into the exponent
    (2.7e-15, 1, "2.7×10⁻¹⁵"),        # two-digit exponent
    (1e-08, 0, "1×10⁻⁸"),
    (-0.0123, 2, "-1.23×10⁻²"),
    (12345.0, 1, "1.2×10⁴"),
    (3.21, 1, "3.2"),                 # exponent 0: the mantissa alone
    (0.0, 1, "0"),
    (-0.0, 1, "0"),
    (np.float32(0.25), 1, "2.5×10⁻¹"),
])
def test_scientific_writes_a_superscript_exponent(x, digits, written):
    assert scientific(x, digits=digits) == written


def test_scientific_never_writes_python_e_notation():
    for x in np.geomspace(1e-20, 1e20, 81):
        assert "e" not in scientific(float(x)) and "+" not in scientific(float(x))


@pytest.mark.parametrize(("args", "message"), [
    ((float("nan"),), "argument `x`, expected a finite number, got nan"),
    ((float("inf"),), "argument `x`, expected a finite number, got inf"),
    (("1e-4",), "argument `x`, expected a finite number, got '1e-4'"),
    ((1e-4, -1), "argument `digits`, expected a non-negative integer, got -1"),
    ((1e-4, 1.5), "argument `digits`, expected a non-negative integer, got 1.5"),
])
def test_scientific_rejects_what_it_cannot_write(args, message):
    with pytest.raises(ValueError, match=message):
        scientific(*args)


def test_the_docstring_example_runs():
    result = doctest.testmod(notation)
    assert result.attempted >= 1 and result.failed == 0


def _prose(text):
    """A chapter's MyST text without its code cells and fenced code blocks."""
    return re.sub(r"^(`{3,})(\{code-cell\}|python).*?^\1[ \t]*$", "", text, flags=re.M | re.S)


E_FORMAT = re.compile(r"\{glue:text\}`[^`]*:[^`:]*[eE]`"
                      r"|\{eval\}`glued\([\"'][^`]*:[^`:\"']*[eE][\"']\)`")


def test_no_glued_value_is_written_in_e_notation():
    """{eval}`glued("key:.1e")` (formerly `{glue:text}`key:.1e``) prints 8.8e-04 into a
    sentence: glue `scientific(x)` instead."""
    found = []
    for lang in EDITIONS:
        for path in sorted((BOOK / lang).glob("*.md")):
            found += [(f"{lang}/{path.name}", m[0])
                      for m in E_FORMAT.finditer(path.read_text(encoding="utf-8"))]
    assert found == []


def test_japanese_prose_writes_a_percent_sign_against_its_number():
    found = []
    for path in sorted((BOOK / "ja").glob("*.md")):
        prose = _prose(path.read_text(encoding="utf-8"))
        found += [(path.name, m[0]) for m in re.finditer(r".{0,12}[\d}`] +[%％]", prose)]
    assert found == []
