"""Check for the exercise "read the columns instead of the rows".

`lstm.scan` reads row `t` of each image at time step `t`. To read columns,
the student writes `read_columns(images)`: `(n, rows, cols)` in, `(n, cols,
rows)` out, with `out[k, t, r] == images[k, r, t]` (column `t` becomes time
step `t`, read top to bottom): a transpose of the last two axes.
"""

import numpy as np

from . import _student as s
from ._result import Reporter
from ._triage import as_array, triage

# (n, rows, cols): 8×8 digits in a batch, a batch of 1, and a non-square image
# (where a reshape and a transpose differ in shape, not only in values).
CASES = ((5, 8, 8), (1, 8, 8), (3, 4, 6))


def reference_columns(images):
    """The images with columns as time steps: `(n, rows, cols) -> (n, cols, rows)`."""
    return np.swapaxes(images, 1, 2)


def check_column_scan(student_fn, lang="en"):
    """Check a student's function that makes the scan read columns.

    Args:
        student_fn: `student_fn(images)` with `images` float32 `(n, rows, cols)`,
            returning `(n, cols, rows)` (NumPy or TensorFlow) where time step
            `t` is column `t` read top to bottom.
        lang: `"en"` or `"ja"`.

    Returns:
        A `CheckResult` (truthy on success).

    Raises:
        ValueError: if `lang` is not `"en"`/`"ja"` or `student_fn` is not callable.
    """
    fn, lang = s.require(student_fn, lang)
    say = Reporter("check_column_scan", lang)
    dtypes = set()
    for k, shape in enumerate(CASES):
        images = np.random.default_rng(300 + k).uniform(0.0, 1.0, size=shape).astype(np.float32)
        where = say.say("columns_case", shape=s.code(shape))
        arr, problem = triage(
            say, fn, (images.copy(),), first=k == 0, where=where, signature="images",
            error_hint="columns_error_hint",
            expect=lambda value: as_array(say, value, "images", hint_key="columns_format_hint"))
        if problem is not None:  # (a CheckResult of a wrong answer is falsy: test for None)
            return problem
        right = reference_columns(images)
        if arr.shape == right.shape and s.close(arr, right):
            dtypes.add(str(arr.dtype))
            continue
        return _diagnose(say, arr, images, right, where, square=shape[1] == shape[2], first=k == 0)
    wrong = sorted(d for d in dtypes if d != "float32")
    if wrong:
        return say.wrong("dtype", dtype=s.code(", ".join(wrong)))
    return say.passed("columns_passed", n=len(CASES))


def _diagnose(say, got, images, right, where, *, square, first):
    n, rows, cols = images.shape
    fields = dict(got=s.shape_text(got.shape), expected=s.shape_text(right.shape), where=where)
    same = lambda a: a.shape == got.shape and s.close(got, a)  # noqa: E731
    if got.shape == (cols, rows, n) and n not in (rows, cols):
        return say.wrong("columns_all_axes", **fields)
    if got.ndim == 2 or (got.ndim == 3 and got.shape[-1] == 1 and rows * cols > 1):
        return say.wrong("columns_flattened", **fields)
    if got.shape != right.shape and got.shape != images.shape:
        if got.ndim == 0:  # a single number: no batch axis to compare
            return say.wrong("shape", "columns_shape_hint", label=s.code("images"), **fields)
        if got.shape[0] != n:
            return say.wrong("columns_batch_moved", **fields)
        return say.wrong("shape", "columns_shape_hint", label=s.code("images"), **fields)
    if same(images):
        return say.wrong("columns_unchanged", **fields)
    if same(images.reshape(n, cols, rows)):
        return say.wrong("columns_reshaped", **fields)
    known = (
        ("columns_rows_reversed", images[:, ::-1, :]),
        ("columns_mirrored", images[:, :, ::-1]),
        ("columns_rotated_180", images[:, ::-1, ::-1]),
        ("columns_reversed", right[:, ::-1, :]),
        ("columns_upside_down", right[:, :, ::-1]),
        ("columns_reversed", right[:, ::-1, ::-1]),
    )
    for key, candidate in known:
        if same(candidate):
            return say.wrong(key, **fields)
    if not first and not square:
        return say.wrong("columns_non_square", **fields)
    return say.wrong("columns_values", **fields)
