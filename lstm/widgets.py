"""The gate explorer: watch z, i, f, o, c and h change as the model reads a digit.

`gate_explorer(model, images, labels)` returns an ipywidgets box that works in
two places:

- **In the built HTML book (no kernel).** Every frame is drawn in advance: one
  PNG per (example, row), kept in `Stack` widgets. The row slider, the Play
  button and the example chooser are tied to the stacks with `jslink`, which
  the page's widget manager runs in the browser, so they respond with no
  Python at all.
- **In Jupyter (with a kernel).** The same controls, plus a live panel: load
  any image by its index, or draw a digit on an 8×8 grid, and the frame is
  redrawn by Python for the current row. Callbacks only run the trained
  model forward (`model.trace`); nothing is ever trained in a callback.

A frame shows the image with the row being read outlined and the unread rows
dimmed; the heatmaps of z, i, f, o (after their nonlinearity), c and h over
the rows read so far (one column per row, one line per hidden unit, fixed
colour scales); and the class probabilities after the current row. Each frame
is an HTML `<figure>`: the PNG with alt text, captioned by a one-sentence
description (`describe`), so a screen reader can follow it.

Rows are indexed from 0 in code (`row`) and numbered from 1 on screen (the
slider runs from 1 to 8), as the book numbers its inputs `x_1` to `x_8`.
"""

import base64
import html
import io

import ipywidgets as widgets
import numpy as np

from . import _validate as v
from . import plotting
from .cell import GATE_NAMES, TRACED

HEATMAPS = TRACED  # one heatmap per quantity a step computes: z, i, f, o, c, h
MAX_EXAMPLES = 20  # each example adds its 8 frames to the page: about 140 kB
PEN_LEVELS = (0.0, 0.25, 0.5, 0.75, 1.0)  # intensities the drawing pen offers, × the ink

TEXT = {
    "en": {
        "z": "z\ncandidate", "i": "i\ninput gate", "f": "f\nforget gate",
        "o": "o\noutput gate", "c": "c\nmemory cell", "h": "h\noutput",
        "image": "image", "row_axis": "row", "rows_read": "row read (time step)",
        "unit": "hidden unit", "probs": "P(class) after row {t}", "class": "class",
        "slider": "row", "chooser": "digit", "play": "Play the rows one by one",
        "option": "{label} (image #{index})", "option_nolabel": "image #{index}, predicted {pred}",
        "live_option": "your drawing (live in Jupyter)",
        "describe": "{who}: rows 1 to {t} read; the model predicts {pred} with probability {p:.2f}.",
        "who": "Image #{index}", "who_label": "Image #{index} (digit {label})", "drawing": "Your drawing",
        "draw_title": "Draw a digit",
        "alt": ("The image with row {t} outlined and the rows below it dimmed; heatmaps of z, i, f, "
                "o, c and h over rows 1 to {t}, one line per hidden unit; the class probabilities "
                "after row {t}."),
        "draw_note": ("Click a cell to paint it with the pen's intensity; the frame above "
                      "switches to your drawing and follows the row slider. This part runs "
                      "Python, so it works when this chapter runs as a notebook in Jupyter; "
                      "in the web book the grid does not respond."),
        "pen": "pen", "clear": "Clear", "index": "image #",
        "cell": "row {r}, column {c}",
        "live_static": ("This view is drawn by Python: it follows the slider and the grid "
                        "below only when the notebook runs in Jupyter."),
    },
    "ja": {
        "z": "z\n候補", "i": "i\n入力ゲート", "f": "f\n忘却ゲート",
        "o": "o\n出力ゲート", "c": "c\n記憶セル", "h": "h\n出力",
        "image": "入力画像", "row_axis": "行", "rows_read": "読み込んだ行（時刻）",
        "unit": "隠れユニット", "probs": "{t} 行目まで読んだ後の確率", "class": "クラス",
        "slider": "行", "chooser": "数字", "play": "行を一つずつ進めます",
        "option": "{label}（画像 {index} 番）", "option_nolabel": "画像 {index} 番（予測 {pred}）",
        "live_option": "自分で描いた数字（Jupyter で動作）",
        "describe": "{who}：1 行目から {t} 行目まで読んだ時点で、モデルの予測は {pred}（確率 {p:.2f}）です。",
        "who": "画像 {index} 番", "who_label": "画像 {index} 番（正解は {label}）", "drawing": "描いた数字",
        "draw_title": "数字を描く",
        "alt": ("{t} 行目を枠で囲み、まだ読んでいない行を薄くした入力画像。1 行目から {t} 行目までの "
                "z, i, f, o, c, h のヒートマップ（隠れユニットごとに 1 行）。{t} 行目まで読んだ後の"
                "クラスの確率。"),
        "draw_note": ("マスをクリックすると、ペンの濃さで塗られます。上の図は描いた数字に切り替わり、"
                      "行のスライダーに合わせて変わります。この部分は Python で動くため、"
                      "この章をノートブックとして Jupyter で実行したときに使えます。"
                      "ウェブ版の本ではマスをクリックしても反応しません。"),
        "pen": "ペン", "clear": "消去", "index": "画像番号",
        "cell": "{r} 行 {c} 列",
        "live_static": ("この表示は Python が描きます。スライダーや下のマスに反応するのは、"
                        "ノートブックを Jupyter で実行しているときだけです。"),
    },
}

# Colour scales, fixed for every frame: gates in [0, 1]; z and h in [-1, 1];
# c in [-c_max, c_max] with c_max taken from the examples (see `gate_explorer`).
_CMAPS = {"z": "RdBu_r", "i": "viridis", "f": "viridis", "o": "viridis", "c": "RdBu_r", "h": "RdBu_r"}


def describe(lang, index, row, probs, label=None):
    """The frame's one-sentence description, for screen readers and captions.

    Args:
        lang: `"en"` or `"ja"`.
        index: the image's index (`None` for a drawing).
        row: the last row read (0-based).
        probs: `(num_classes,)` class probabilities after that row.
        label: the true class, or `None`.

    Returns:
        A string such as "Image #3 (digit 7): rows 1 to 5 read; the model
        predicts 7 with probability 0.93." (rows are numbered from 1 on
        screen, as in the book: `row=4` is the fifth row).
    """
    t = TEXT[plotting.check_lang(lang)]
    pred = int(np.argmax(probs))
    if index is None:
        who = t["drawing"]
    else:
        who = t["who" if label is None else "who_label"].format(index=index, label=label)
    return t["describe"].format(who=who, t=int(row) + 1, pred=pred, p=float(probs[pred]))


class FrameRenderer:
    """Draws explorer frames as PNG bytes, reusing one Matplotlib figure.

    Args:
        hidden_size: units of the LSTM (lines of each heatmap).
        num_classes: bars of the probability chart.
        rows: time steps (columns of each heatmap, rows of the image).
        lang: `"en"` or `"ja"`, for every label.
        c_max: the memory cell's colour scale is `[-c_max, c_max]`.
        ink: the largest pixel value (1 for scaled digits, 16 for raw ones).

    `render(image, trace, row)` returns the PNG of one frame: `image` is
    `(rows, features)`, `trace` a single-image `Trace`, `row` the last row read.
    Drawing one frame takes tens of milliseconds (see `benchmarks/widget_latency.py`).
    """

    width, height, dpi = 6.8, 3.4, 100  # inches, inches, dots per inch: 680 × 340 px

    def __init__(self, hidden_size, num_classes, rows, *, lang, c_max, ink):
        from matplotlib.figure import Figure
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.patches import Rectangle
        import matplotlib as mpl

        plotting.use_lang(lang)
        t = TEXT[plotting.check_lang(lang)]
        self.lang, self.rows, self.hidden_size = lang, rows, hidden_size
        fig = Figure(figsize=(self.width, self.height), dpi=self.dpi, facecolor="white")
        FigureCanvasAgg(fig)
        self.fig = fig
        px_w, px_h = 1 / (self.width * self.dpi), 1 / (self.height * self.dpi)  # one pixel in figure units

        # The image: the row being read is outlined, the unread rows are dimmed.
        ax = fig.add_axes([36 * px_w, 1 - 150 * px_h, 112 * px_w, 112 * px_h])
        self.digit = ax.imshow(np.zeros((rows, rows)), cmap="gray_r", vmin=0, vmax=ink,
                               interpolation="nearest")
        self.dim = ax.add_patch(Rectangle((-0.5, 0.5), rows, rows, color="white", alpha=0.75, lw=0))
        self.cursor = ax.add_patch(Rectangle((-0.5, -0.5), rows, 1, fill=False, ec="#d62728", lw=2))
        ax.set_xlim(-0.5, rows - 0.5)
        ax.set_ylim(rows - 0.5, -0.5)
        ax.set_title(t["image"], fontsize=8, pad=3)
        ax.set_yticks(range(rows), [str(k + 1) for k in range(rows)])  # rows numbered from 1
        ax.set_xticks([])
        ax.set_ylabel(t["row_axis"], fontsize=7, labelpad=1)
        ax.tick_params(labelsize=6, length=2, pad=1)

        # The class probabilities after the current row, under the image.
        ax = fig.add_axes([36 * px_w, 40 * px_h, 112 * px_w, 100 * px_h])
        self.bars = ax.bar(range(num_classes), np.zeros(num_classes), color="#9ecae1", width=0.75)
        ax.set_ylim(0, 1)
        ax.set_xlim(-0.6, num_classes - 0.4)
        ax.set_xticks(range(num_classes))
        ax.set_yticks([0, 0.5, 1])
        ax.tick_params(labelsize=6, length=2, pad=1)
        ax.set_xlabel(t["class"], fontsize=7, labelpad=1)
        self.probs_title = ax.set_title("", fontsize=7, pad=3)
        self.probs_text = t["probs"]

        # The heatmaps: one column per row read, one line per hidden unit.
        self.maps, self.marks = {}, {}
        left, w, gap, bottom, top = 212, 66, 12, 78, 292  # pixels
        for k, gate in enumerate(HEATMAPS):
            x = left + k * (w + gap)
            ax = fig.add_axes([x * px_w, bottom * px_h, w * px_w, (top - bottom) * px_h])
            vmax = c_max if gate == "c" else 1.0
            vmin = 0.0 if gate in GATE_NAMES else -vmax
            cmap = mpl.colormaps[_CMAPS[gate]].with_extremes(bad="#ececec")
            self.maps[gate] = ax.imshow(np.full((hidden_size, rows), np.nan), cmap=cmap, vmin=vmin,
                                        vmax=vmax, aspect="auto", interpolation="nearest")
            self.marks[gate] = ax.add_patch(Rectangle((-0.5, -0.5), 1, hidden_size, fill=False,
                                                      ec="black", lw=0.8))
            ax.set_xlim(-0.5, rows - 0.5)
            ax.set_ylim(hidden_size - 0.5, -0.5)
            ax.set_title(t[gate], fontsize=7.5, linespacing=1.15, pad=3)
            ax.set_xticks(range(rows), [str(k + 1) for k in range(rows)])
            ax.tick_params(labelsize=6, length=2, pad=1)
            if k == 0:
                ax.set_ylabel(t["unit"], fontsize=7, labelpad=1)
            else:
                ax.set_yticklabels([])
            cax = fig.add_axes([x * px_w, 22 * px_h, w * px_w, 8 * px_h])
            bar = fig.colorbar(self.maps[gate], cax=cax, orientation="horizontal",
                               extend="both" if gate == "c" else "neither")
            bar.set_ticks([vmin, vmax])
            bar.ax.tick_params(labelsize=6, length=2, pad=1)
        fig.text((left + 3 * (w + gap) - gap / 2) * px_w, 50 * px_h, t["rows_read"], ha="center",
                 fontsize=7)

        # Blitting: draw the axes, ticks and labels once; a frame redraws only
        # the artists that change (about ten times faster than a full draw).
        spines = [s for m in (self.digit, *self.maps.values()) for s in m.axes.spines.values()]
        self.dynamic = [self.digit, self.dim, self.cursor, *self.maps.values(), *self.marks.values(),
                        *self.bars, self.probs_title, *spines]
        for artist in self.dynamic:
            artist.set_animated(True)
        fig.canvas.draw()
        self.background = fig.canvas.copy_from_bbox(fig.bbox)

    def render(self, image, trace, row, *, compress_level=9):
        """PNG bytes of the frame after reading rows `0..row` of `image` (indices from 0).

        `compress_level` is zlib's: 9 gives the smallest file (for the frames
        saved in the page), 1 the fastest (for the live view: about 40 ms less).
        """
        from PIL import Image as PILImage

        row = int(row)
        self.digit.set_data(image)  # (rows, features)
        self.dim.set_y(row + 0.5)
        self.cursor.set_y(row - 0.5)
        for gate in HEATMAPS:
            values = np.array(getattr(trace, gate).T, dtype=float)  # (H, rows)
            values[:, row + 1:] = np.nan
            self.maps[gate].set_data(values)
            self.marks[gate].set_x(row - 0.5)
        probs = trace.probs[row]  # (K,)
        best = int(np.argmax(probs))
        for k, bar in enumerate(self.bars):
            bar.set_height(float(probs[k]))
            bar.set_color("#08519c" if k == best else "#9ecae1")
        self.probs_title.set_text(self.probs_text.format(t=row + 1))
        canvas = self.fig.canvas
        canvas.restore_region(self.background)
        for artist in self.dynamic:
            artist.axes.draw_artist(artist)
        rgba = np.asarray(self.fig.canvas.buffer_rgba())  # (height, width, 4)
        return palette_png(PILImage.fromarray(rgba[..., :3]), compress_level=compress_level)


def default_examples(labels, predictions, num_classes):
    """One index per class: the first image of each class, in class order.

    Classes come from `labels` when given, else from the model's
    `predictions`; a class with no image is skipped.
    """
    classes = predictions if labels is None else labels
    return [int(np.flatnonzero(classes == k)[0]) for k in range(num_classes) if np.any(classes == k)]


def gate_explorer(model, images, labels=None, *, lang="en", examples=None):
    """An explorer of every gate at every row, for a few digits (and any drawing).

    Args:
        model: a trained `lstm.RowClassifier` (only run forward, never trained).
        images: `(n, rows, features)` images in the model's input scale; the
            live panel (in Jupyter) can load any of them by index.
        labels: `(n,)` true classes, or `None` (the chooser then names each
            example by its predicted class).
        lang: `"en"` or `"ja"`: the language of every label.
        examples: indices of the images whose frames are drawn in advance
            (these respond in the HTML book, with no kernel); at most
            `MAX_EXAMPLES`. `None` takes the first image of each class.

    Returns:
        A `GateExplorer` widget (an `ipywidgets.VBox`).

    Example:

    >>> import lstm                                                     # doctest: +SKIP
    >>> from lstm.widgets import gate_explorer                          # doctest: +SKIP
    >>> model, _ = lstm.recipes.MODERN.run(cache=True, progress=False)  # doctest: +SKIP
    >>> data = lstm.load_digits()                                       # doctest: +SKIP
    >>> gate_explorer(model, data.x_test, data.y_test, lang="en")       # doctest: +SKIP
    """
    from .model import RowClassifier

    if not isinstance(model, RowClassifier):
        v.fail("model", "an lstm.RowClassifier", type(model).__name__)
    lang = plotting.check_lang(lang)
    images = v.array("images", images, rank=3, last=model.input_size,
                     dtype=model.cell.dtype.as_numpy_dtype)  # (n, rows, features)
    if images.shape[1] != images.shape[2]:
        v.fail("images", "square images of shape (n, rows, rows), one row per time step",
               f"an array of shape {images.shape}")
    if labels is not None:
        labels = v.labels("labels", labels, num_classes=model.num_classes, length=len(images))
    if examples is None:
        predictions = None if labels is not None else model.predict(images)
        examples = default_examples(labels, predictions, model.num_classes)
    else:
        examples = _check_examples(examples, len(images))
    return GateExplorer(model, images, labels, examples, lang)


def _check_examples(examples, n):
    try:
        arr = np.asarray(examples)
    except (TypeError, ValueError):
        arr = np.asarray([None])
    ok = (arr.ndim == 1 and 0 < arr.size <= MAX_EXAMPLES and np.issubdtype(arr.dtype, np.integer)
          and len(set(arr.tolist())) == arr.size)
    if not ok:
        v.fail("examples", f"a list of 1 to {MAX_EXAMPLES} distinct image indices", examples)
    if arr.min() < 0 or arr.max() >= n:
        v.fail("examples", f"indices in [0, {n})", examples)
    return [int(k) for k in arr]


def _grey(value, ink):
    """`#rrggbb` of a drawing cell: white for 0, black for `ink`."""
    level = int(round(255 * (1 - min(max(value / ink, 0.0), 1.0))))
    return f"#{level:02x}{level:02x}{level:02x}"


class GateExplorer(widgets.VBox):
    """The widget `gate_explorer` returns; build it with `gate_explorer`.

    Attributes:
        chooser: `Dropdown` of the examples, plus a last entry for the live view.
        slider: `IntSlider` of the last row read, counted from 1.
        play: `Play`, linked to `slider`.
        frames: `frames[e][r]` is the frame of example `e` after row `r` (from 0): an
            `HTML` widget holding a `<figure>` with the PNG (and its alt text)
            and its description as caption.
        descriptions: `descriptions[e][r]` is that frame's description (`describe`).
        stacks: one `Stack` per example, its `selected_index` linked to `slider`:
            child 0 is a placeholder (the slider counts from 1), then the frames.
        view: the `Stack` of the examples' stacks and the live view, its
            `selected_index` linked to `chooser.index`.
        links: every `jslink` (they run in the browser, with or without a kernel).
        live_frame: the frame drawn by Python for the drawing (Jupyter only).
        grid: the 8×8 drawing `Button`s, row by row; `drawing` is the image they show.
        pen, clear, index: the pen's intensity, the Clear button, the image index to load.
    """

    def __init__(self, model, images, labels, examples, lang):
        rows, features = images.shape[1:]
        t = TEXT[lang]
        self.model, self.images, self.labels, self.examples, self.lang = model, images, labels, examples, lang
        self.ink = float(images.max()) if images.max() > 0 else 1.0
        traces = model.trace(images[examples])  # each (E, rows, H); probs (E, rows, K)
        # The cell state has no fixed range: take its scale from the examples
        # (99th percentile of |c|, rounded up to a half) and keep it for every frame.
        c_max = max(0.5, float(np.ceil(2 * np.quantile(np.abs(traces.c), 0.99)) / 2))
        self.renderer = FrameRenderer(model.hidden_size, model.num_classes, rows, lang=lang,
                                      c_max=c_max, ink=self.ink)
        # The frames share one layout and one style widget: it keeps the saved state small.
        self._frame_layout = widgets.Layout(width="100%")
        self._frame_style = widgets.widget_string.HTMLStyle()
        self._placeholder = widgets.HTML(layout=self._frame_layout, style=self._frame_style)

        # Precomputed frames: one per (example, row), one Stack per example.
        self.frames, self.descriptions, self.stacks = [], [], []
        for e, index in enumerate(examples):
            trace = _single(traces, e)
            label = None if labels is None else labels[index]
            texts = [describe(lang, index, row, trace.probs[row], label) for row in range(rows)]
            frames = [self._frame(self.renderer.render(images[index], trace, row), row, text)
                      for row, text in enumerate(texts)]
            self.frames.append(frames)
            self.descriptions.append(texts)
            # The slider counts rows from 1, as the book does, and a jslink copies its
            # value as is: child 0 of every stack is a placeholder that is never shown.
            self.stacks.append(widgets.Stack([self._placeholder, *frames], selected_index=rows))

        # Controls, tied to the stacks by jslinks: the browser runs them, with or without Python.
        options = [(self._option(index), e) for e, index in enumerate(examples)]
        options.append((t["live_option"], len(examples)))
        self.chooser = widgets.Dropdown(options=options, value=0, description=t["chooser"],
                                        layout=widgets.Layout(width="max-content"))
        self.slider = widgets.IntSlider(value=rows, min=1, max=rows, description=t["slider"])
        self.play = widgets.Play(value=rows, min=1, max=rows, interval=700,
                                 show_repeat=False, tooltip=t["play"])

        # The live view (Jupyter only): a frame drawn by Python for the drawing grid.
        self.drawing = images[examples[0]].copy()  # (rows, features)
        self._trace = None
        self.live_frame = widgets.HTML(layout=self._frame_layout, style=self._frame_style)
        note = widgets.HTML(f'<div style="line-height:1.45"><em>{t["live_static"]}</em></div>')
        live = widgets.VBox([note, self.live_frame])
        self.view = widgets.Stack([*self.stacks, live], selected_index=0)
        self.links = [widgets.jslink((self.play, "value"), (self.slider, "value")),
                      widgets.jslink((self.chooser, "index"), (self.view, "selected_index"))]
        self.links += [widgets.jslink((self.slider, "value"), (stack, "selected_index"))
                       for stack in self.stacks]

        # The drawing grid: click a cell to paint it with the pen's intensity.
        cell = widgets.Layout(width="26px", height="26px", padding="0", margin="1px",
                              border="1px solid #bbbbbb")
        self.grid = []
        for r in range(rows):
            for c in range(features):
                button = widgets.Button(description="", layout=cell,
                                        tooltip=t["cell"].format(r=r + 1, c=c + 1))  # from 1, as on screen
                button.style.button_color = _grey(self.drawing[r, c], self.ink)
                button.on_click(self._painter(r, c))
                self.grid.append(button)
        board = widgets.GridBox(self.grid, layout=widgets.Layout(
            grid_template_columns=f"repeat({features}, 28px)", width="max-content"))
        self.pen = widgets.ToggleButtons(options=[(f"{p:g}", p) for p in PEN_LEVELS], value=1.0,
                                         description=t["pen"], layout=widgets.Layout(width="max-content"),
                                         style=widgets.ToggleButtonsStyle(button_width="52px",
                                                                          description_width="initial"))
        self.clear = widgets.Button(description=t["clear"], layout=widgets.Layout(width="auto"))
        self.clear.on_click(lambda _: self._set_drawing(np.zeros_like(self.drawing)))
        self.index = widgets.BoundedIntText(value=examples[0], min=0, max=len(images) - 1,
                                            description=t["index"], layout=widgets.Layout(width="160px"),
                                            style=dict(description_width="initial"))
        self.index.observe(lambda change: self._set_drawing(self.images[change["new"]].copy()), "value")
        self.slider.observe(self._on_row, "value")
        self.chooser.observe(self._on_row, "index")
        self._render_live()

        draw = widgets.VBox([
            widgets.HTML(f'<div style="line-height:1.45"><b>{t["draw_title"]}</b><br>{t["draw_note"]}</div>'),
            widgets.HBox([board, widgets.VBox([self.pen, widgets.HBox([self.index, self.clear])])],
                         layout=widgets.Layout(align_items="flex-start", flex_flow="row wrap")),
        ], layout=widgets.Layout(border="1px solid #dddddd", padding="4px 8px", margin="8px 0 0 0"))
        controls = widgets.HBox([self.chooser, self.play, self.slider],
                                layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        super().__init__([controls, self.view, draw], layout=widgets.Layout(width="100%"))
        self.add_class("gate-explorer")  # a CSS hook for pages and browser tests

    # -- helpers -------------------------------------------------------------------------------

    def _option(self, index):
        t = TEXT[self.lang]
        if self.labels is not None:
            return t["option"].format(label=int(self.labels[index]), index=index)
        pred = int(self.model.predict(self.images[index:index + 1])[0])
        return t["option_nolabel"].format(index=index, pred=pred)

    def _frame(self, png, row, text):
        """An `HTML` widget: the frame's PNG with alt text, captioned by its description."""
        return widgets.HTML(frame_html(png, row, text, self.lang, self.renderer),
                            layout=self._frame_layout, style=self._frame_style)

    # -- live callbacks (Jupyter only) -----------------------------------------------------------

    def _painter(self, r, c):
        def paint(_):
            drawing = self.drawing.copy()
            drawing[r, c] = self.pen.value * self.ink
            self._set_drawing(drawing)
        return paint

    def _set_drawing(self, drawing):
        """Show `drawing` `(rows, features)` on the grid and in the live view."""
        changed = np.flatnonzero((drawing != self.drawing).ravel())
        self.drawing = drawing
        for k in changed:
            self.grid[k].style.button_color = _grey(drawing.flat[k], self.ink)
        self._trace = None
        if self.chooser.index != len(self.examples):
            self.chooser.index = len(self.examples)  # calls _on_row, which draws the frame
        else:
            self._render_live()

    def _on_row(self, _change):
        if self.chooser.index == len(self.examples):
            self._render_live()

    def _render_live(self):
        if self._trace is None:
            self._trace = self.model.trace(self.drawing)  # one image: no batch axis
        row = self.slider.value - 1  # the slider counts from 1
        text = describe(self.lang, None, row, self._trace.probs[row])
        png = self.renderer.render(self.drawing, self._trace, row, compress_level=1)
        self.live_frame.value = frame_html(png, row, text, self.lang, self.renderer)


def frame_html(png, row, text, lang, renderer):
    """A `<figure>`: the frame's PNG with alt text, and `text` as its visible caption."""
    alt = TEXT[lang]["alt"].format(t=int(row) + 1)
    size = (int(renderer.width * renderer.dpi), int(renderer.height * renderer.dpi))
    return figure_html(png, alt, text, "gate-explorer-frame", size=size)


def palette_png(picture, *, colors=96, optimize=False, compress_level=9):
    """A PIL RGB image as PNG bytes with a palette of `colors` (no dithering):
    the frames of both explorers, small enough to keep many in a page."""
    from PIL import Image as PILImage

    picture = picture.quantize(colors=colors, method=PILImage.Quantize.FASTOCTREE, dither=PILImage.Dither.NONE)
    out = io.BytesIO()
    picture.save(out, format="png", optimize=optimize, compress_level=compress_level)
    return out.getvalue()


def figure_html(png, alt, caption, css_class, *, size=None):
    """A `<figure>` of class `css_class`: the PNG with its alt text, `caption`
    (or none for `None`) above it; `size` `(width, height)` in pixels, if known."""
    data = base64.b64encode(png).decode("ascii")
    caption_html = ("" if caption is None else
                    '<figcaption style="margin:0 0 2px 0;text-align:left;font-size:14px;line-height:1.4;'
                    f'color:var(--pst-color-text-base,#222)">{html.escape(caption)}</figcaption>')
    size_html = "" if size is None else f'width="{size[0]}" height="{size[1]}" '
    return (f'<figure class="{css_class}" style="margin:0">{caption_html}'
            f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}" {size_html}'
            'style="max-width:100%;height:auto"></figure>')


def _single(traces, e):
    """The `Trace` of example `e` from a batched `Trace`."""
    return type(traces)(**{k: getattr(traces, k)[e] for k in TRACED + ("probs",)})
