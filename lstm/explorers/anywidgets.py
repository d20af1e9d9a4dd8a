"""The gate explorer and the block stepper: a trained LSTM that runs in the browser.

`gate_explorer(model, images, labels)` and `block_stepper(model, images, labels)`
return anywidget widgets. Python sends the model's weights (`W`, `b` and the
head `W_v`, `b_v`, as base64 float32) and the images once; the JavaScript in
`lstm/web/` computes z, i, f, o, c, h and the class probabilities row by row
(the arithmetic of `lstm.cell` and `RowClassifier.trace`) and draws them. So the
same widget is live in two places:

- **in Jupyter**, through anywidget's front end (JupyterLab, Notebook 7, VS Code);
  the reader's choices come back to Python as traits: `index` (-1 for the
  drawing), `row` (0-based), `unit` (0-based), `drawing` (`explorer.drawing_image()`);
- **in the built HTML book, with no kernel**: the page saves the widget's state
  and `book/_static/anywidget-static.js` runs the same module from it
  (`book/_ext/offline_widgets.py`).

Nothing is ever trained here, and no frame is drawn by Python.

The explorer: pick a test image by its digit or its index, or draw one on the
8×8 grid (mouse, touch or keyboard); step through the rows (slider, Play, ←/→);
six heatmaps show z, i, f, o, c and h over the rows read so far, one line per
hidden unit; the class probabilities after the current row; a unit's values
across the rows (units can be sorted by how selectively their output responds to
the digit: the correlation ratio of h with the class); and the block at the
current row and unit.

The block stepper (the chapter on the LSTM block): one memory cell at one time
step, `c_t = f c_{t-1} + i z` and `h_t = o tanh(c_t)`, with the numbers; the model
computes z, i, f and o from the row x_t (editable) and h_{t-1}, and the reader can
set any of them, or c_{t-1}, by hand.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from importlib import resources

import anywidget
import numpy as np
import traitlets

from .. import _validate as v
from .. import i18n
from ..model import RowClassifier
from ..i18n.explorers import LIVE as TEXT
from ..i18n import strings

PEN_LEVELS = (0.0, 0.25, 0.5, 0.75, 1.0)  # intensities the drawing pen offers, × the ink
JS_FILES = ("forward.js", "ui.js", "block.js", "explorer.js")  # one module, in this order


def _module_text() -> tuple[str, str]:
    """The widgets' ES module (the files of `lstm/web/`, in order) and their CSS."""
    web = resources.files("lstm") / "web"
    js = "\n".join(f"// ---- lstm/web/{name} ----\n" + (web / name).read_text(encoding="utf-8")
                   for name in JS_FILES)
    return js, (web / "widgets.css").read_text(encoding="utf-8")


def _b64(array) -> str:
    return base64.b64encode(np.ascontiguousarray(array, dtype="<f4").tobytes()).decode("ascii")


def model_spec(model: RowClassifier, label: str, images: np.ndarray) -> dict:
    """What the browser needs to run `model`: sizes, gate set, weights as base64 float32.

    `c_max`, the colour scale of the memory cell, is the 99th percentile of |c| over
    `images`, rounded up to a half (the memory cell has no fixed range).
    """
    if not isinstance(model, RowClassifier):
        v.fail("model", "an lstm.RowClassifier", type(model).__name__)
    cell = model.cell
    c_abs = np.abs(model.trace(images).c)
    return dict(
        label=str(label), input_size=model.input_size, hidden_size=model.hidden_size,
        num_classes=model.num_classes, gates=list(cell.gates), cell_tanh=bool(cell.cell_tanh),
        head=model.head, c_max=max(0.5, float(np.ceil(2 * np.quantile(c_abs, 0.99)) / 2)),
        W=_b64(cell.W.numpy()), b=_b64(cell.b.numpy()), W_v=_b64(model.W_v.numpy()), b_v=_b64(model.b_v.numpy()),
    )


class _LSTMWidget(anywidget.AnyWidget):
    """The traits both views share (see `lstm/web/explorer.js`)."""

    _esm, _css = _module_text()
    view = traitlets.Unicode("explorer").tag(sync=True)
    lang = traitlets.Unicode("en").tag(sync=True)
    text = traitlets.Dict().tag(sync=True)
    models = traitlets.List().tag(sync=True)
    model_index = traitlets.Int(0).tag(sync=True)
    images = traitlets.Unicode().tag(sync=True)      # base64 float32, n × rows × features
    shape = traitlets.List().tag(sync=True)          # [n, rows, features]
    labels = traitlets.List().tag(sync=True)         # n ints, or [] without labels
    ink = traitlets.Float(1.0).tag(sync=True)        # the largest pixel value
    examples = traitlets.List().tag(sync=True)       # the digit menu: one image index per class
    pen_levels = traitlets.List(list(PEN_LEVELS)).tag(sync=True)
    index = traitlets.Int(0).tag(sync=True)          # the image shown; -1 for the drawing
    row = traitlets.Int(0).tag(sync=True)            # the last row read, 0-based
    unit = traitlets.Int(0).tag(sync=True)           # the selected hidden unit, 0-based
    drawing = traitlets.List().tag(sync=True)        # rows × features values

    def drawing_image(self) -> np.ndarray:
        """The reader's drawing as a `(rows, features)` float32 array."""
        n, rows, features = self.shape
        return np.asarray(self.drawing, dtype=np.float32).reshape(rows, features)


class GateExplorer(_LSTMWidget):
    """The gate explorer (see the module docstring); build it with `gate_explorer`."""


class BlockStepper(_LSTMWidget):
    """The block stepper (see the module docstring); build it with `block_stepper`."""


def _setup(widget, models, images, labels, lang, *, index, row, unit):
    i18n.check_lang(lang)
    if isinstance(models, RowClassifier):
        models = {"model": models}
    if not isinstance(models, Mapping) or not models:
        v.fail("model", "an lstm.RowClassifier or a non-empty dict of them by label", type(models).__name__)
    first = next(iter(models.values()))
    if not isinstance(first, RowClassifier):
        v.fail("model", "an lstm.RowClassifier or a dict of them by label", type(first).__name__)
    images = v.array("images", images, rank=3, last=first.input_size)
    n, rows, features = images.shape
    for label, model in models.items():
        if not isinstance(model, RowClassifier):
            v.fail("model", f"lstm.RowClassifier values (the value of {label!r} is not one)", type(model).__name__)
        if (model.input_size, model.num_classes) != (first.input_size, first.num_classes):
            v.fail("model", f"models of the same sizes (input {first.input_size}, classes {first.num_classes})",
                   f"{label!r} with input {model.input_size}, classes {model.num_classes}")
    if labels is not None:
        labels = v.labels("labels", labels, num_classes=first.num_classes, length=n)
    for name, value, size in (("index", index, n), ("row", row, rows)):
        if v.non_negative_int(name, value) >= size:
            v.fail(name, f"an integer from 0 to {size - 1}", repr(value))
    hidden = min(model.hidden_size for model in models.values())
    if v.non_negative_int("unit", unit) >= hidden:
        v.fail("unit", f"an integer from 0 to {hidden - 1}", repr(unit))
    widget.lang, widget.text = lang, dict(strings(TEXT, lang))
    widget.models = [model_spec(model, label, images) for label, model in models.items()]
    widget.images = _b64(images)
    widget.shape = [int(n), int(rows), int(features)]
    widget.labels = [] if labels is None else [int(x) for x in labels]
    peak = float(images.max())
    widget.ink = peak if peak > 0 else 1.0
    widget.drawing = [0.0] * (rows * features)
    widget.index, widget.row, widget.unit = int(index), int(row), int(unit)
    return labels


def gate_explorer(model, images, labels=None, *, lang: str = "en", examples=None,
                  index: int | None = None) -> GateExplorer:
    """The gate explorer of `model` on `images`, live in Jupyter and in the web book.

    Args:
        model: a trained `lstm.RowClassifier`, or a dict `{label: model}` of models
            with the same input and classes (a menu chooses among them).
        images: `(n, rows, features)`, e.g. `data.x_test`; every one can be chosen by index.
        labels: `(n,)` true classes, or `None`.
        lang: `"en"` or `"ja"`, for every label.
        examples: the indices listed in the digit menu; by default the first image of
            each class (needs `labels`).
        index: the image shown first; by default the first example.

    Returns:
        A `GateExplorer` (an `anywidget.AnyWidget`): display it. Its traits `index`,
        `row`, `unit` and `drawing` follow the reader; set them to move it.
    """
    widget = GateExplorer()
    labels = _setup(widget, model, images, labels, lang, index=0 if index is None else index, row=0, unit=0)
    n, rows, _ = widget.shape
    if examples is None:
        examples = [] if labels is None else [int(np.flatnonzero(labels == k)[0]) for k in np.unique(labels)]
    examples = [v.non_negative_int("examples", e) for e in examples]
    if any(e >= n for e in examples):
        v.fail("examples", f"image indices from 0 to {n - 1}", repr(examples))
    widget.examples = examples
    if index is None and examples:
        widget.index = examples[0]
    widget.row = rows - 1
    return widget


def block_stepper(model, images, labels=None, *, lang: str = "en", index: int = 0, row: int = 0,
                  unit: int = 0) -> BlockStepper:
    """The LSTM block at one row and one unit of `model` reading `images[index]`.

    Args:
        model: a trained `lstm.RowClassifier`.
        images: `(n, rows, features)`; the reader can switch to any of them.
        labels: `(n,)` true classes, or `None`.
        lang: `"en"` or `"ja"`.
        index, row, unit: where the block starts (all 0-based).

    Returns:
        A `BlockStepper` (an `anywidget.AnyWidget`): display it.
    """
    if not isinstance(model, RowClassifier):
        v.fail("model", "an lstm.RowClassifier", type(model).__name__)
    widget = BlockStepper(view="block")
    _setup(widget, model, images, labels, lang, index=index, row=row, unit=unit)
    return widget
