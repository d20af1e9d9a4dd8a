import numpy as np
import pytest

import lstm
from helpers import draw_without_warnings
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


def _trace(**fields):
    shape = next(iter(fields.values())).shape
    base = {k: np.zeros(shape, np.float32) for k in "zifoch"}
    base.update(fields)
    return lstm.Trace(**base, probs=np.zeros(shape[:-1] + (10,), np.float32))


def test_quantity_derives_tanh_c_and_the_write(model, images):
    trace = model.trace(images[:2])
    np.testing.assert_allclose(gates.quantity(trace, "tanh_c"), np.tanh(trace.c))
    np.testing.assert_allclose(gates.quantity(trace, "iz"), trace.i * trace.z)
    np.testing.assert_array_equal(gates.quantity(trace, "f"), trace.f)
    with pytest.raises(ValueError, match="`key`, expected one of 'z', 'i'.*got 'g'"):
        gates.quantity(trace, "g")
    with pytest.raises(ValueError, match="`trace`, expected an lstm.Trace"):
        gates.quantity(trace.f, "f")


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


def test_class_row_means_and_selective_unit():
    gate = np.full((20, 3, 4), 0.5, np.float32)
    labels = np.arange(20) % 10
    gate[:, 1, 2] = labels / 10.0  # unit 2 depends on the class at row 1
    means = gates.class_row_means(gate, labels, 2)
    assert means.shape == (10, 3)
    np.testing.assert_allclose(means[:, 1], np.arange(10) / 10.0, rtol=1e-6)
    np.testing.assert_allclose(means[:, 0], 0.5)
    assert gates.selective_unit(gate, labels) == 2
    with pytest.raises(ValueError, match="`labels`, expected at least one image of each of the 10 classes"):
        gates.class_row_means(gate, np.zeros(20, int), 0)
    with pytest.raises(ValueError, match="`unit`, expected an integer in \\[0, 4\\), got 4"):
        gates.class_row_means(gate, labels, 4)
    with pytest.raises(ValueError, match="`labels`, expected 20 labels"):
        gates.class_row_means(gate, labels[:5], 0)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_class_rows_annotates_every_cell(model, images, labels, lang):
    trace = model.trace(images)
    fig = gates.class_rows(trace.o, labels, 1, name="o", lang=lang)
    draw_without_warnings(fig)
    ax = fig.axes[0]
    np.testing.assert_allclose(ax.get_images()[0].get_array(), gates.class_row_means(trace.o, labels, 1))
    assert len(ax.texts) == 80
    with pytest.raises(ValueError, match="`name`, expected one of 'i', 'f', 'o', got 'z'"):
        gates.class_rows(trace.o, labels, 1, name="z")


def test_hold_gate_open_keeps_the_weights_and_holds_the_gate(model, images):
    held = gates.hold_gate_open(model.cell, "f")
    assert held.gates == ("i", "o") and model.cell.gates == ("i", "f", "o")
    np.testing.assert_array_equal(held.W.numpy(), model.cell.W.numpy())
    a, b = lstm.scan(held, images[:2]), lstm.scan(model.cell, images[:2])
    np.testing.assert_array_equal(a.f.numpy(), 1.0)
    np.testing.assert_allclose(a.i.numpy()[:, 0], b.i.numpy()[:, 0])  # same first step
    np.testing.assert_allclose(a.c.numpy()[:, 1], a.c.numpy()[:, 0] + (a.i * a.z).numpy()[:, 1], rtol=1e-5)
    with pytest.raises(ValueError, match="`gate`, expected one of 'i', 'f', 'o', got 'z'"):
        gates.hold_gate_open(model.cell, "z")
    with pytest.raises(ValueError, match="`cell`, expected an lstm.LSTMCell"):
        gates.hold_gate_open(model, "f")


def test_digit_stream_reads_images_one_after_the_other(images):
    stream = gates.digit_stream(images[:3])
    assert stream.shape == (1, 24, 8)
    np.testing.assert_array_equal(stream[0, 8:16], images[1])
    with pytest.raises(ValueError, match="`images`, expected an array of shape \\(batch, rows, features\\)"):
        gates.digit_stream(images[0])


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_stream_memory_without_reset(model, images, lang):
    memory = gates.stream_memory(model.cell, images[:4])
    assert memory.c.shape == memory.c_held.shape == memory.f.shape == (32, 6)
    assert memory.rows_per_image == 8
    expected = lstm.scan(model.cell, images[:4].reshape(1, 32, 8)).c.numpy()[0]
    np.testing.assert_allclose(memory.c, expected, rtol=1e-6)
    # the first digit starts from zeros either way; the second does not
    assert not np.allclose(memory.c[8:16], lstm.scan(model.cell, images[1:2]).c.numpy()[0])
    np.testing.assert_allclose(memory.f_by_row(), memory.f.reshape(4, 8, 6).mean(axis=(0, 2)))
    assert memory.mean_abs_c(held=True).shape == (32,)
    assert np.all((memory.saturated() >= 0) & (memory.saturated() <= 1))
    fig = gates.stream_figure(memory, lang=lang)
    draw_without_warnings(fig)
    np.testing.assert_allclose(fig.axes[0].get_lines()[1].get_ydata(), np.abs(memory.c_held).mean(-1))
    with pytest.raises(ValueError, match="`cell`, expected a cell with a forget gate"):
        gates.stream_memory(lstm.LSTMCell(8, 2, gates=("i", "o")), images[:2])
    with pytest.raises(ValueError, match="`memory`, expected an lstm.figures.gates.StreamMemory"):
        gates.stream_figure(memory.c)


def test_retention_is_the_product_of_later_forget_gates():
    f = np.full((2, 4, 3), 0.5)
    np.testing.assert_allclose(gates.retention(f), [0.125, 0.25, 0.5, 1.0])
    f = np.ones((1, 3, 2))
    f[0, 1, 0] = 0.0  # unit 0 forgets everything at row 1
    np.testing.assert_allclose(gates.retention(f), [0.5, 1.0, 1.0])
    with pytest.raises(ValueError, match="`f`, expected an array of shape \\(batch, rows, features\\)"):
        gates.retention(np.ones((3, 2)))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_retention_figure(lang):
    f = np.random.default_rng(0).uniform(size=(5, 8, 3))
    fig = gates.retention_figure(f * 0.5, f, np.sqrt(f), lang=lang)
    draw_without_warnings(fig)
    lines = fig.axes[0].get_lines()
    assert len(lines) == 3 and fig.axes[0].get_yscale() == "log"
    np.testing.assert_allclose(lines[1].get_ydata(), gates.retention(f))


def test_strongest_reset_finds_the_erased_memory():
    c = np.zeros((4, 3), np.float32)
    f = np.ones((4, 3), np.float32)
    c[1, 2], f[2, 2] = 2.0, 0.1  # unit 2 holds 2.0 after row 1 and forgets 90 % of it at row 2
    c[0, 0], f[1, 0] = 5.0, 0.9  # unit 0 forgets only 10 % of 5.0 at row 1
    assert gates.strongest_reset(_trace(c=c, f=f)) == (2, 2)
    with pytest.raises(ValueError, match="`trace`, expected a trace of at least 2 rows"):
        gates.strongest_reset(_trace(c=c[:1], f=f[:1]))


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
def test_output_by_class_and_held_back_figure(model, images, labels, lang):
    trace = model.trace(images)
    means = gates.output_by_class(trace, labels, 2)
    assert means.shape == (10, 3)
    first = labels == 0
    np.testing.assert_allclose(means[0], [trace.o[first, -1, 2].mean(), np.tanh(trace.c[first, -1, 2]).mean(),
                                          trace.h[first, -1, 2].mean()], rtol=1e-5)
    np.testing.assert_allclose(gates.output_by_class(trace, labels, 2, row=0)[:, 2],
                               gates.class_row_means(trace.h, labels, 2)[:, 0], rtol=1e-6)
    fig = gates.held_back_figure(trace, labels, 2, lang=lang)
    draw_without_warnings(fig)
    assert len(fig.axes[0].patches) == 30
    with pytest.raises(ValueError, match="`row`, expected an integer in \\[-8, 8\\), got 8"):
        gates.output_by_class(trace, labels, 2, row=8)
