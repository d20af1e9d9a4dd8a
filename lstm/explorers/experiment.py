"""The experiment explorer: what each variant of an ablation does on one sequence.

`experiment_explorer(result)` takes an `lstm.ablation.Ablation` and returns an
ipywidgets box that works in two places:

- **In the built HTML book (no kernel).** One frame per variant is drawn in
  advance: the variant's first-seed model reading one test sequence
  (`lstm.figures.sequence.sequence_trace`: the heatmaps of i, f, o, c and h
  over the rows, and the probability of the true digit after every row). The
  frames sit in a `Stack`; buttons, one per variant, are tied to it with a
  `jslink`, which the page's widget manager runs in the browser, so they
  respond with no Python at all.
- **In Jupyter (with a kernel).** Below, a panel to run the ablation again
  with other settings: the task, its size (`k`, `digits_per_stream` or
  `delay`), the variants, the number of seeds and of epochs. Run calls
  `lstm.ablation.ablate` (cached: a repeat is instant), shows its table and
  its learning curves, and replaces the frames with those of the new result.
  In the web book the panel says that it needs a running kernel.

The settings the panel does not show (hidden units, batch size, learning rate)
are the result's. `plan(...)` turns the panel's values into an
`lstm.experiments.Experiment` and the variants and seeds of its `run`; it is a
pure function, testable without widgets.
"""

import html
import numbers

import ipywidgets as widgets

from .. import _validate as v
from .. import i18n
from ..ablation import VARIANTS, Ablation
from ..data import Digits
from ..experiments import EXPERIMENTS, Experiment
from ..figures import ablation as ablation_figures
from ..figures import sequence as seq
from ..tasks import Task
from .frames import figure_html, png_bytes
from ..i18n.explorers import EXPERIMENT as TEXT
from ..i18n import strings

PANEL_VARIANTS = VARIANTS + ("coupled", "peepholes")
"""The variants the panel can train: the gate ablations and two of the LSTM's relatives.
The GRU and the plain RNN are left out: they have no gates i, f, o and no memory c
for the frames to draw."""
SIZE_ARG = {"distractors": "k", "stream": "digits_per_stream", "delayed": "delay", "plain": None}
"""The tasks the panel offers (tasks of `lstm.experiments.TASKS`), in the order of
its menu, and the argument its size slider sets (none for plain digits)."""
SIZE_RANGE = {"distractors": (1, 32), "stream": (1, 8), "delayed": (1, 32), "plain": (1, 1)}
MAX_SEEDS = 5

# Task arguments when the panel switches to a task other than the result's:
# the input-gate chapter's experiment, streams of 5 digits, an answer after 8 rows.
DEFAULT_ARGS = {"plain": {}, "distractors": dict(EXPERIMENTS["input"].args),
                "stream": {"digits_per_stream": 5, "score": "last"}, "delayed": {"delay": 8}}


def plan(task, size, variants, seeds, epochs, *, base_task=None, settings=None):
    """The run that the panel's values describe.

    Args:
        task: the task's name, one of the keys of `SIZE_ARG`.
        size: its size argument (`k`, `digits_per_stream` or `delay`), a
            positive integer; ignored for `"plain"`.
        variants: the variants to train, a non-empty sequence of names from
            `PANEL_VARIANTS`.
        seeds: how many seeds, from 1 to `MAX_SEEDS`: the seeds are `0..seeds-1`.
        epochs: the number of epochs, a positive integer.
        base_task: a `Task` whose other arguments (`where`, `noise`, `score`,
            `wait`, `seed`) are kept when it is the same task; else
            `DEFAULT_ARGS` (the chapters' experiments) give them.
        settings: the other settings of `ablate` (`hidden_size`,
            `batch_size`, `learning_rate`, `forget_bias`); `epochs` replaces theirs.

    Returns:
        `(experiment, run_args)`: an `lstm.experiments.Experiment` and the
        `variants` and `seeds` of its run, so that
        `experiment.run(data, **run_args)` trains what the panel shows.
    """
    v.one_of("task", task, tuple(SIZE_ARG))
    if isinstance(variants, str) or not variants or any(name not in PANEL_VARIANTS for name in variants):
        v.fail("variants", "at least one name from " + ", ".join(PANEL_VARIANTS), repr(variants))
    if isinstance(seeds, bool) or not isinstance(seeds, numbers.Integral) or not 1 <= seeds <= MAX_SEEDS:
        v.fail("seeds", f"a number of seeds from 1 to {MAX_SEEDS}", repr(seeds))
    epochs = v.positive_int("epochs", epochs)
    same = isinstance(base_task, Task) and base_task.name == task
    args = dict(base_task.args) if same else dict(DEFAULT_ARGS[task])
    if SIZE_ARG[task] is not None:
        args[SIZE_ARG[task]] = v.positive_int(SIZE_ARG[task], size)
    experiment = Experiment(task, args, {**(settings or {}), "epochs": epochs})
    return experiment, {"variants": tuple(variants), "seeds": tuple(range(int(seeds)))}


def experiment_explorer(result, *, lang="en", example=0, data=None, cache=True):
    """Explore an ablation: one frame per variant, and a panel to run it again.

    Args:
        result: an `lstm.ablation.Ablation` (from `ablate`).
        lang: `"en"` or `"ja"`: the language of every label.
        example: the index of the test sequence the frames show
            (`result.task.x_test[example]`).
        data: the `Digits` record the panel builds its tasks from (`None`:
            `lstm.load_digits()`, loaded on the first run); pass the one the
            result's task came from for the same runs (and cache hits).
        cache: whether the panel's runs use the cache of `ablate`.

    Returns:
        An `ExperimentExplorer` widget (an `ipywidgets.VBox`).

    Example:

    >>> import lstm                                                 # doctest: +SKIP
    >>> from lstm.explorers.experiment import experiment_explorer  # doctest: +SKIP
    >>> from lstm.experiments import EXPERIMENTS                    # doctest: +SKIP
    >>> result = EXPERIMENTS["input"].run()  # 5 variants × 3 seeds  # doctest: +SKIP
    >>> experiment_explorer(result, lang="en")                      # doctest: +SKIP
    """
    if not isinstance(result, Ablation):
        v.fail("result", "an lstm.ablation.Ablation (from lstm.ablation.ablate)", type(result).__name__)
    lang = i18n.check_lang(lang)
    _check_example(example, result.task)
    if data is not None and not isinstance(data, Digits):
        v.fail("data", "a `Digits` record from `lstm.load_digits()`, or None", type(data).__name__)
    if not isinstance(cache, bool):
        v.fail("cache", "True or False", repr(cache))
    return ExperimentExplorer(result, lang, int(example), data, cache)


def _check_example(example, task):
    n = len(task.x_test)
    if isinstance(example, bool) or not isinstance(example, numbers.Integral) or not 0 <= example < n:
        v.fail("example", f"the index of a test sequence, an integer in [0, {n})", repr(example))


def describe(result, variant, trace, task, example, *, lang="en"):
    """The frame's one-sentence caption (see `strings(TEXT, lang)["caption"]`)."""
    t = strings(TEXT, lang)
    targets, _ = seq.row_targets(task, example)
    digit = int(targets[-1])
    n = len(result.seeds)
    score = t["score_many" if n > 1 else "score_one"].format(n=n, mean=result.mean(variant),
                                                             sd=result.sd(variant))
    name = ablation_figures.label(variant, lang=lang)
    if lang == "en":
        name = name[0].upper() + name[1:]
    return t["caption"].format(variant=name, seed=result.seeds[0], rows=task.rows, digit=digit,
                               p=float(trace.probs[-1, digit]), score=score)


def alt_text(variant, task, example, *, c_max, lang="en"):
    """The frame's alt text: what the picture shows, with the rows of the sequence
    and the colour scale of c, `[-c_max, c_max]`."""
    t = strings(TEXT, lang)
    parts = seq.segments(task, example)
    if task.name == "stream":
        digits = [str(d) for _, _, d in parts]
        listed = ", ".join(digits[:-1]) + t["and"] + digits[-1] if len(digits) > 1 else digits[0]
        what = t["what_stream"].format(n=len(parts), digits=listed, side=parts[0][1] - parts[0][0])
    else:
        what = t["and"].join(t["what_noise" if d is None else "what_digit"].format(a=a + 1, b=b, digit=d)
                             for a, b, d in parts)
    gate = {"no_i": "i", "no_f": "f", "no_o": "o"}.get(variant)
    held = "" if gate is None else t["held"].format(gate=gate)
    return t["alt"].format(rows=task.rows, what=what, variant=ablation_figures.label(variant, lang=lang),
                           held=held, c_max=f"{c_max:g}")


class ExperimentExplorer(widgets.VBox):
    """The widget `experiment_explorer` returns; build it with `experiment_explorer`.

    Attributes:
        result: the `Ablation` the frames show (the last run's, after `rerun`).
        chooser: `ToggleButtons` of the variants, tied to `view` by a `jslink`.
        view: the `Stack` of `frames`, one per variant of `result`.
        frames: `HTML` widgets, each a `<figure>`: the PNG, its alt text
            (`alts`) and its caption (`captions`).
        links: the `jslink`s (they run in the browser, with or without a kernel).
        task, size, variant_boxes, seeds, epochs, button, status, output: the
            panel (`variant_boxes` maps a variant to its `Checkbox`).
    """

    def __init__(self, result, lang, example, data, cache):
        t = strings(TEXT, lang)
        self.lang, self.example, self.data, self.cache = lang, example, data, cache
        # The frames share one layout and one style widget: it keeps the saved state small.
        self._frame_layout = widgets.Layout(width="100%")
        self._frame_style = widgets.widget_string.HTMLStyle()
        self.chooser = widgets.ToggleButtons(description=t["variant"], style=widgets.ToggleButtonsStyle(
            button_width="auto", description_width="initial"))
        self.view = widgets.Stack([])
        self.links = [widgets.jslink((self.chooser, "index"), (self.view, "selected_index"))]
        self._show_frames(result)

        # The panel: Python callbacks, so it works with a kernel only (the note says so).
        task, settings = result.task, result.settings
        self.task = widgets.Dropdown(options=[(t["tasks"][name], name) for name in SIZE_ARG], value=task.name,
                                     description=t["task"])
        self.size = widgets.IntSlider(description="", style=dict(description_width="initial"))
        self._set_size(task.name)
        self.task.observe(lambda change: self._set_size(change["new"]), "value")
        self.variant_boxes = {name: widgets.Checkbox(value=name in result.variants, indent=False,
                                                     description=ablation_figures.label(name, lang=lang),
                                                     layout=widgets.Layout(width="auto", margin="0 12px 0 0"))
                              for name in PANEL_VARIANTS}
        self.seeds = widgets.IntSlider(value=min(len(result.seeds), MAX_SEEDS), min=1, max=MAX_SEEDS,
                                       description=t["seeds"])
        self.epochs = widgets.IntSlider(value=settings["epochs"], min=1, max=max(60, settings["epochs"]),
                                        description=t["epochs"])
        self.button = widgets.Button(description=t["run"], button_style="primary", icon="play")
        self.button.on_click(self._on_click)
        self.status = widgets.HTML(html.escape(t["others"].format(**settings)))
        self.output = widgets.Output()
        wrap = widgets.Layout(flex_flow="row wrap", align_items="center")
        panel = widgets.VBox([
            widgets.HTML(f'<div class="lstm-experiment-note" style="line-height:1.45"><b>{t["title"]}</b>'
                         f'<br><em>{html.escape(t["note"])}</em></div>'),
            widgets.HBox([self.task, self.size], layout=wrap),
            widgets.HBox([widgets.Label(t["variants"], layout=widgets.Layout(margin="0 8px 0 0")),
                          *self.variant_boxes.values()], layout=wrap),
            widgets.HBox([self.seeds, self.epochs], layout=wrap),
            widgets.HBox([self.button, self.status], layout=wrap),
            self.output,
        ], layout=widgets.Layout(border="1px solid #dddddd", padding="4px 8px", margin="8px 0 0 0"))
        panel.add_class("lstm-experiment-rerun")
        panel.add_class("lstm-kernel-only")  # hidden in the web book (book/_static/bilingual.css)
        super().__init__([self.chooser, self.view, panel], layout=widgets.Layout(width="100%"))
        self.add_class("lstm-experiment")  # a CSS hook for pages and browser tests

    # -- the precomputed frames ----------------------------------------------------------------

    def _show_frames(self, result):
        """Draw one frame per variant of `result` and put them in `view`."""
        task = result.task
        example = self.example if self.example < len(task.x_test) else 0
        models = {name: result.models[name][0] for name in result.variants}  # the first seed's
        traces = {name: model.trace(task.x_test[example]) for name, model in models.items()}
        self.captions, self.alts, frames = [], [], []
        for name, model in models.items():
            # Each frame has its own scales of c and h: a cell that grows without bound (no
            # forget gate) would leave the others' colours pale. The colour bars give the range.
            scales = seq.color_scales([traces[name]])
            fig = seq.sequence_trace(model, task, example, lang=self.lang, variant=name, scales=scales)
            caption = describe(result, name, traces[name], task, example, lang=self.lang)
            alt = alt_text(name, task, example, c_max=scales["c"], lang=self.lang)
            frames.append(widgets.HTML(figure_html(png_bytes(fig), alt, caption, "lstm-experiment-frame"),
                                       layout=self._frame_layout, style=self._frame_style))
            self.captions.append(caption)
            self.alts.append(alt)
        self.result, self.frames, self.shown_example = result, frames, example
        self.view.selected_index = None  # the old index may not fit the new children
        self.view.children = frames
        self.view.selected_index = 0
        self.chooser.options = [(ablation_figures.label(name, lang=self.lang), k)
                                for k, name in enumerate(result.variants)]
        self.chooser.index = 0

    # -- the panel (Jupyter only) ----------------------------------------------------------------

    def _set_size(self, task):
        """Point the size slider at `task`'s size argument (disabled for plain): the
        result's value for the result's task, else the chapters' (`DEFAULT_ARGS`)."""
        name = SIZE_ARG[task]
        low, high = SIZE_RANGE[task]
        args = self.result.task.args if self.result.task.name == task else DEFAULT_ARGS[task]
        value = args.get(name, low) if name else low
        self.size.min, self.size.max = 0, max(high, value)  # widen first: min must stay <= max
        self.size.min, self.size.value = low, value
        self.size.description = strings(TEXT, self.lang)["size"][name]
        self.size.disabled = name is None

    def current_plan(self):
        """`(experiment, run_args)` of the panel's current values (see `plan`)."""
        chosen = [name for name, box in self.variant_boxes.items() if box.value]
        return plan(self.task.value, self.size.value, chosen, self.seeds.value, self.epochs.value,
                    base_task=self.result.task, settings=self.result.settings)

    def rerun(self):
        """Run the ablation the panel describes; show its table and curves, and its frames.

        Returns the new `Ablation`. Bad values (e.g. no variant ticked) raise
        `ValueError`; the Run button shows the message instead.
        """
        from ..data import load_digits

        t = strings(TEXT, self.lang)
        experiment, run_args = self.current_plan()
        if self.data is None:
            self.data = load_digits()
        self.status.value = html.escape(t["running"].format(n=len(run_args["variants"]) * len(run_args["seeds"])))
        self.button.disabled = True
        try:
            result = experiment.run(self.data, cache=self.cache, **run_args)
        finally:
            self.button.disabled = False
        self._show_frames(result)
        self._show_output(result)
        n = len(result.variants) * len(result.seeds)
        self.status.value = html.escape(t["done"].format(seconds=result.seconds, cached=result.cached, n=n))
        return result

    def _on_click(self, _button):
        try:
            self.rerun()
        except ValueError as error:
            self.status.value = f'<span style="color:#b00020">{html.escape(str(error))}</span>'

    def _show_output(self, result):
        import matplotlib.pyplot as plt

        fig = ablation_figures.curves(result, lang=self.lang)
        png = png_bytes(fig, dpi=80)
        plt.close(fig)
        curves = figure_html(png, strings(TEXT, self.lang)["curves_alt"], None, "lstm-experiment-curves")
        table = result.table(lang=self.lang)
        # The table as Markdown: Jupyter renders it, the math of the "cell" column included.
        self.output.outputs = (
            {"output_type": "display_data", "metadata": {}, "data": {"text/markdown": table, "text/plain": table}},
            {"output_type": "display_data", "metadata": {},
             "data": {"text/html": curves, "text/plain": strings(TEXT, self.lang)["curves_alt"]}},
        )
