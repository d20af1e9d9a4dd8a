"""lstm.figures.gates: the figures of the gate chapters, drawn from traces and
from what lstm.analysis measured on them."""

import numpy as np
import pytest

import lstm
from helpers import draw_without_warnings
from lstm.analysis import class_measures, streams, trace_measures
from lstm.analysis.surgery import hold_gate_open
from lstm.figures import gates

pytestmark = pytest.mark.usefixtures("close_figures")  # conftest.py


@pytest.fixture(scope="module")
def model():
    m = lstm.RowClassifier(hidden_size=6, seed=0)
    m.cell.b.assign(np.random.default_rng(0).normal(size=24).astype(np.float32))
    return m


@pytest.fixture(scope="module")
def images():
    return np.random.default_rng(1).uniform(size=(30, 8, 8)).astype(np.float32)


@pytest.fixture(scope="module")
def labels():
    return np.arange(30) % 10


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_heatmaps_show_the_first_units_row_by_row(model, images, lang):
    trace = model.trace(images[0])
    fig = gates.heatmaps(trace, images[0], ("z", "i", "iz"), lang=lang, units=4)
    draw_without_warnings(fig)
    pictures = [ax.get_images()[0] for ax in fig.axes if ax.get_images()]
    assert len(pictures) == 4  # the digit and three heatmaps
    np.testing.assert_array_equal(pictures[0].get_array(), images[0])
    np.testing.assert_allclose(pictures[2].get_array(), trace.i[:, :4])
    np.testing.assert_allclose(pictures[3].get_array(), (trace.i * trace.z)[:, :4])
    assert pictures[2].get_clim() == (0.0, 1.0)  # a gate on a fixed scale
    assert pictures[1].get_clim() == (-1.0, 1.0)  # z in [-1, 1], symmetric
    assert "入力ゲート" in fig.axes[2].get_title() if lang == "ja" else "input gate" in fig.axes[2].get_title()


def test_heatmaps_scale_c_to_its_largest_value(model, images):
    trace = model.trace(images[0])
    fig = gates.heatmaps(trace, images[0], ("c",), units=None)
    picture = fig.axes[1].get_images()[0]
    largest = float(np.abs(trace.c).max())
    assert picture.get_clim() == pytest.approx((-largest, largest))
    assert picture.get_array().shape == (8, 6)


def test_heatmaps_check_their_arguments(model, images):
    one = model.trace(images[0])
    with pytest.raises(ValueError, match="`trace`, expected the trace of one image"):
        gates.heatmaps(model.trace(images[:2]), images[0], ("i",))
    with pytest.raises(ValueError, match="`image`, expected an image of 8 rows"):
        gates.heatmaps(one, images[0][:5], ("i",))
    with pytest.raises(ValueError, match="`keys`, expected a non-empty sequence"):
        gates.heatmaps(one, images[0], "i")
    with pytest.raises(ValueError, match="`keys`, expected one of"):
        gates.heatmaps(one, images[0], ("i", "q"))
    with pytest.raises(ValueError, match="`units`, expected a positive integer, got 0"):
        gates.heatmaps(one, images[0], ("i",), units=0)
    with pytest.raises(ValueError, match="`lang`, expected one of 'en', 'ja', got 'fr'"):
        gates.heatmaps(one, images[0], ("i",), lang="fr")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_class_rows_annotates_every_cell(model, images, labels, lang):
    trace = model.trace(images)
    means = class_measures.class_row_means(trace.o, labels, 1)  # (10, 8)
    fig = gates.class_rows(means, 1, name="o", lang=lang)
    draw_without_warnings(fig)
    ax = fig.axes[0]
    np.testing.assert_array_equal(ax.get_images()[0].get_array(), means)
    assert len(ax.texts) == 80 and ax.texts[9].get_text() == f"{means[1, 1]:.2f}"
    assert "$o$" in ax.get_title() and " 1" in ax.get_title()
    with pytest.raises(ValueError, match="`name`, expected one of 'i', 'f', 'o', got 'z'"):
        gates.class_rows(means, 1, name="z")
    with pytest.raises(ValueError, match=r"`means`, expected an array of shape \(rows, features\)"):
        gates.class_rows(trace.o, 1, name="o")
    with pytest.raises(ValueError, match="`unit`, expected a non-negative integer, got -1"):
        gates.class_rows(means, -1, name="o")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_stream_figure_with_and_without_the_forget_gate(model, images, lang):
    stream = streams.digit_stream(images[:4])  # (1, 32, 8)
    memory = streams.stream_memory({"with_f": model.cell, "held_f": hold_gate_open(model.cell, "f")}, stream)
    with_f, held_f = memory["with_f"], memory["held_f"]
    fig = gates.stream_figure(with_f, held_f, rows_per_image=8, lang=lang)
    draw_without_warnings(fig)
    top, bottom = fig.axes
    curves = [line for line in top.get_lines() if len(line.get_xdata()) == 32]
    np.testing.assert_array_equal(curves[0].get_ydata(), with_f.mean_abs_c())
    np.testing.assert_array_equal(curves[1].get_ydata(), held_f.mean_abs_c())
    np.testing.assert_array_equal([line for line in bottom.get_lines() if len(line.get_xdata()) == 32][1]
                                  .get_ydata(), held_f.saturated())
    starts = [line.get_xdata()[0] for line in top.get_lines() if line not in curves]
    assert starts == [0.5, 8.5, 16.5, 24.5, 32.5]  # a faint line between the digits
    with pytest.raises(ValueError, match="`held`, expected an lstm.analysis.streams.StreamMemory"):
        gates.stream_figure(with_f, held_f.c, rows_per_image=8)
    short = streams.stream_memory({"a": model.cell}, stream[:, :16])["a"]
    with pytest.raises(ValueError, match=r"`held`, expected the memory along the same stream as `trained`"):
        gates.stream_figure(with_f, short, rows_per_image=8)
    with pytest.raises(ValueError, match="`rows_per_image`, expected a positive integer, got 0"):
        gates.stream_figure(with_f, held_f, rows_per_image=0)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_retention_figure(lang):
    f = np.random.default_rng(0).uniform(size=(5, 8, 3))
    kept = [trace_measures.retention(g) for g in (f * 0.5, f, np.sqrt(f))]  # each (8,)
    fig = gates.retention_figure(*kept, lang=lang)
    draw_without_warnings(fig)
    lines = fig.axes[0].get_lines()
    assert len(lines) == 3 and fig.axes[0].get_yscale() == "log"
    np.testing.assert_array_equal(lines[1].get_ydata(), kept[1])
    np.testing.assert_array_equal(lines[0].get_xdata(), np.arange(1, 9))
    with pytest.raises(ValueError, match="`kept_trained`, expected three curves of the same number of rows"):
        gates.retention_figure(kept[0], kept[1], kept[2][:5])
    with pytest.raises(ValueError, match=r"`kept_bias0`, expected an array of shape \(n\)"):
        gates.retention_figure(f, kept[1], kept[2])


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_unit_lines(model, images, lang):
    trace = model.trace(images[0])
    fig = gates.unit_lines(trace, 3, ("f", "iz", "c"), lang=lang)
    draw_without_warnings(fig)
    lines = fig.axes[0].get_lines()
    np.testing.assert_allclose(lines[2].get_ydata(), trace.c[:, 3])
    with pytest.raises(ValueError, match="`unit`, expected an integer in \\[0, 6\\), got 6"):
        gates.unit_lines(trace, 6, ("f",))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_held_back_figure(model, images, labels, lang):
    means = class_measures.output_by_class(model.trace(images), labels, 2)  # (10, 3)
    fig = gates.held_back_figure(means, 2, lang=lang)
    draw_without_warnings(fig)
    bars = fig.axes[0].patches
    assert len(bars) == 30
    np.testing.assert_allclose([bar.get_height() for bar in bars[10:20]], means[:, 1])  # tanh(c) per class
    with pytest.raises(ValueError, match="`means`, expected a last axis of size 3"):
        gates.held_back_figure(means[:, :2], 2)
