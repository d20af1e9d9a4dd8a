"""The gate explorer's structure, its live callbacks, and its argument checks."""

import base64
import io
import re

import numpy as np
import pytest
from PIL import Image as PILImage

import lstm
from lstm import widgets as W

ROWS = 8


@pytest.fixture(scope="module")
def model():
    return lstm.RowClassifier(hidden_size=6, seed=0)


@pytest.fixture(scope="module")
def images():
    return np.random.default_rng(1).uniform(size=(23, ROWS, 8)).astype(np.float32)


@pytest.fixture(scope="module")
def labels():
    return np.arange(23) % 10


@pytest.fixture(scope="module")
def explorer(model, images, labels):
    return W.gate_explorer(model, images, labels, lang="en", examples=[3, 0, 7])


def _png(frame):
    """The PNG inside a frame's HTML, decoded."""
    data = re.search(r'src="data:image/png;base64,([^"]+)"', frame.value).group(1)
    return PILImage.open(io.BytesIO(base64.b64decode(data)))


def _linked(explorer, source, target):
    return any(link.source == source and link.target == target for link in explorer.links)


def test_one_frame_per_example_and_row(explorer):
    assert len(explorer.frames) == 3 and all(len(f) == ROWS for f in explorer.frames)
    assert len(explorer.descriptions) == 3 and all(len(d) == ROWS for d in explorer.descriptions)
    # Each stack: a placeholder (the slider counts from 1), then the frames in row order.
    for stack, frames in zip(explorer.stacks, explorer.frames):
        assert stack.children[1:] == tuple(frames)
        assert stack.selected_index == ROWS
    assert explorer.view.children[:3] == tuple(explorer.stacks)
    assert len(explorer.view.children) == 4  # the examples, then the live view
    png = _png(explorer.frames[0][0])
    assert png.size == (680, 340)
    # Every frame is a different picture.
    values = {frame.value for frames in explorer.frames for frame in frames}
    assert len(values) == 3 * ROWS


def test_links_tie_the_controls_to_the_stacks(explorer):
    assert (explorer.slider.min, explorer.slider.max, explorer.slider.value) == (1, ROWS, ROWS)
    assert (explorer.play.min, explorer.play.max) == (1, ROWS)
    assert _linked(explorer, (explorer.play, "value"), (explorer.slider, "value"))
    assert _linked(explorer, (explorer.chooser, "index"), (explorer.view, "selected_index"))
    for stack in explorer.stacks:
        assert _linked(explorer, (explorer.slider, "value"), (stack, "selected_index"))
    assert len(explorer.links) == 2 + 3
    assert type(explorer.links[0]).__name__ == "Link"  # jslink: runs in the browser


def test_descriptions_name_digit_row_and_prediction(model, images, labels, explorer):
    trace = model.trace(images[7])
    for row in range(ROWS):
        pred = int(np.argmax(trace.probs[row]))
        expected = (f"Image #7 (digit {labels[7]}): rows 1 to {row + 1} read; the model predicts "
                    f"{pred} with probability {trace.probs[row][pred]:.2f}.")
        assert explorer.descriptions[2][row] == expected
        frame = explorer.frames[2][row].value
        assert f">{expected}</figcaption>" in frame
        assert f'alt="The image with row {row + 1} outlined' in frame


def test_chooser_lists_examples_then_the_live_view(explorer, labels):
    names = [name for name, _ in explorer.chooser.options]
    assert names[:3] == [f"{labels[3]} (image #3)", f"{labels[0]} (image #0)", f"{labels[7]} (image #7)"]
    assert names[3] == W.TEXT["en"]["live_option"]
    assert [value for _, value in explorer.chooser.options] == [0, 1, 2, 3]


def test_default_examples_take_one_image_per_class(model, images, labels):
    assert W.default_examples(labels, None, 10) == list(range(10))
    predictions = np.array([4, 4, 2, 9, 2])
    assert W.default_examples(None, predictions, 10) == [2, 0, 3]


def test_without_labels_examples_follow_the_predictions(model, images):
    explorer = W.gate_explorer(model, images[:6], lang="ja")
    predictions = model.predict(images[:6])
    assert explorer.examples == W.default_examples(None, predictions, 10)
    first = explorer.examples[0]
    assert explorer.chooser.options[0][0] == f"画像 {first} 番（予測 {predictions[first]}）"
    assert explorer.descriptions[0][0].startswith(f"画像 {first} 番：1 行目から 1 行目まで")


def test_drawing_a_cell_updates_the_live_view_without_training(model, images, labels):
    explorer = W.gate_explorer(model, images, labels, examples=[0, 1])
    weights = [w.numpy().copy() for w in model.trainable_variables]
    explorer.pen.value = 0.5
    explorer.grid[3 * 8 + 2].click()  # row 3, column 2 (from 0)
    assert explorer.drawing[3, 2] == pytest.approx(0.5 * explorer.ink)
    assert explorer.grid[3 * 8 + 2].style.button_color == W._grey(0.5 * explorer.ink, explorer.ink)
    assert explorer.chooser.index == 2  # the live view
    trace = model.trace(explorer.drawing)
    pred = int(np.argmax(trace.probs[-1]))
    assert f"rows 1 to 8 read; the model predicts {pred} " in explorer.live_frame.value
    explorer.slider.value = 3
    pred = int(np.argmax(trace.probs[2]))
    assert f"rows 1 to 3 read; the model predicts {pred} " in explorer.live_frame.value
    explorer.index.value = 5  # load image 5 into the grid
    np.testing.assert_array_equal(explorer.drawing, images[5])
    explorer.clear.click()
    assert not explorer.drawing.any()
    assert all(b.style.button_color == "#ffffff" for b in explorer.grid)
    for before, after in zip(weights, model.trainable_variables):
        np.testing.assert_array_equal(before, after.numpy())


def test_frame_renderer_draws_unread_rows_blank(model, images):
    renderer = W.FrameRenderer(6, 10, ROWS, lang="en", c_max=1.0, ink=1.0)
    trace = model.trace(images[0])
    early = np.asarray(PILImage.open(io.BytesIO(renderer.render(images[0], trace, 0))).convert("RGB"))
    late = np.asarray(PILImage.open(io.BytesIO(renderer.render(images[0], trace, ROWS - 1))).convert("RGB"))
    def blank(picture):  # pixels of the unread columns' grey (#ececec, give or take the palette)
        return int((np.abs(picture.astype(int) - 0xEC) <= 4).all(-1).sum())

    assert blank(early) > 10_000 and blank(late) < blank(early) / 5


def test_describe_in_both_languages():
    probs = np.array([0.1, 0.05, 0.05, 0.0, 0.0, 0.0, 0.0, 0.8, 0.0, 0.0])
    assert W.describe("en", 12, 3, probs, 7) == (
        "Image #12 (digit 7): rows 1 to 4 read; the model predicts 7 with probability 0.80.")
    assert W.describe("ja", None, 7, probs) == (
        "描いた数字：1 行目から 8 行目まで読んだ時点で、モデルの予測は 7（確率 0.80）です。")


@pytest.mark.parametrize("kwargs, match", [
    (dict(images=np.zeros((0, 8, 8))), "non-empty array"),
    (dict(images=np.zeros((8, 8))), r"shape \(batch, rows, 8\)"),
    (dict(images=np.zeros((4, 8, 7))), "last axis of size 8"),
    (dict(images=np.zeros((4, 5, 8))), "square images"),
    (dict(images=np.full((4, 8, 8), np.nan)), "finite values"),
    (dict(lang="fr"), "argument `lang`, expected one of 'en', 'ja'"),
    (dict(labels=np.arange(3)), "4 labels, one per image"),
    (dict(labels=np.array([0, 1, 2, 10])), r"labels in \[0, 10\)"),
    (dict(examples=[]), "a list of 1 to 20 distinct image indices"),
    (dict(examples=[0, 0]), "distinct image indices"),
    (dict(examples=list(range(21))), "a list of 1 to 20"),
    (dict(examples=[4]), r"indices in \[0, 4\)"),
    (dict(examples=[-1]), r"indices in \[0, 4\)"),
    (dict(examples=[0.5]), "distinct image indices"),
    (dict(model="not a model"), "argument `model`, expected an lstm.RowClassifier"),
])
def test_bad_arguments_raise_clear_errors(model, kwargs, match):
    args = dict(model=model, images=np.zeros((4, 8, 8), np.float32), labels=None, lang="en")
    args.update(kwargs)
    with pytest.raises(ValueError, match=match):
        W.gate_explorer(args.pop("model"), args.pop("images"), args.pop("labels"), **args)
