"""The gate explorer and block stepper on the Python side: what they send to the
browser, their bilingual text, and their argument checks. (The JavaScript that
runs the model is tested in a real browser: test_browser_widget_js.py,
test_browser_widgets.py.)"""

import base64
import re

import numpy as np
import pytest

import lstm
from lstm.explorers import anywidgets as W
from lstm.i18n import strings

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


def _floats(b64):
    return np.frombuffer(base64.b64decode(b64), dtype="<f4")


def test_weights_and_images_travel_exactly(model, images, explorer):
    spec, = explorer.models
    H, K, I = model.hidden_size, model.num_classes, model.input_size
    assert (spec["input_size"], spec["hidden_size"], spec["num_classes"]) == (I, H, K)
    np.testing.assert_array_equal(_floats(spec["W"]).reshape(I + H, 4 * H), model.cell.W.numpy())
    np.testing.assert_array_equal(_floats(spec["b"]), model.cell.b.numpy())
    np.testing.assert_array_equal(_floats(spec["W_v"]).reshape(H, K), model.W_v.numpy())
    np.testing.assert_array_equal(_floats(spec["b_v"]), model.b_v.numpy())
    np.testing.assert_array_equal(_floats(explorer.images).reshape(images.shape), images)
    assert explorer.shape == list(images.shape)
    assert spec["gates"] == ["i", "f", "o"] and spec["cell_tanh"] is True and spec["head"] == "linear"


def test_the_variants_are_described(images):
    article = lstm.RowClassifier(hidden_size=5, seed=1, head="tanh", cell_tanh=False)
    carousel = lstm.RowClassifier(hidden_size=4, seed=2, gates=())
    widget = W.gate_explorer({"article": article, "carousel": carousel}, images)
    first, second = widget.models
    assert (first["label"], first["cell_tanh"], first["head"], first["hidden_size"]) == ("article", False, "tanh", 5)
    assert (second["label"], second["gates"], second["hidden_size"]) == ("carousel", [], 4)
    # c_max, the colour scale of c: the 99th percentile of |c| rounded up to a half, at least 0.5.
    c = np.abs(carousel.trace(images).c)
    assert second["c_max"] == max(0.5, np.ceil(2 * np.quantile(c, 0.99)) / 2)


def test_the_reader_starts_on_the_first_example_after_the_last_row(explorer, labels):
    assert explorer.examples == [3, 0, 7]
    assert (explorer.index, explorer.row, explorer.unit) == (3, ROWS - 1, 0)
    assert explorer.labels == [int(x) for x in labels]
    assert explorer.drawing == [0.0] * (ROWS * 8)
    assert explorer.drawing_image().shape == (ROWS, 8)


def test_default_examples_take_one_image_per_class(model, images, labels):
    widget = W.gate_explorer(model, images, labels)
    assert widget.examples == [int(np.flatnonzero(labels == k)[0]) for k in range(10)]
    assert W.gate_explorer(model, images).examples == []  # no labels: no digit menu


def test_the_module_holds_every_file_in_order(explorer):
    positions = [explorer._esm.index(f"lstm/web/{name}") for name in W.JS_FILES]
    assert positions == sorted(positions)
    assert "export default { render }" in explorer._esm
    assert ".lstm-explorer" in explorer._css


def test_block_stepper_starts_where_asked(model, images, labels):
    block = W.block_stepper(model, images, labels, lang="ja", index=5, row=3, unit=2)
    assert (block.view, block.index, block.row, block.unit, block.lang) == ("block", 5, 3, 2, "ja")
    assert block.text == strings(W.TEXT, "ja")


def _keys_used_by_js():
    js = "\n".join((W.resources.files("lstm") / "web" / name).read_text(encoding="utf-8") for name in W.JS_FILES)
    keys = set(re.findall(r"\btext\.(\w+)", js)) | set(re.findall(r"\btext\[\"(\w+)\"\]", js))
    keys |= {f"block_{name}" for name in ("c_prev", "z", "i", "f", "o")}  # text[`block_${name}`]
    keys |= set("zifoch")  # text[q] for each heatmap
    return keys


def test_every_string_the_javascript_reads_exists_in_both_languages():
    used = _keys_used_by_js()
    for lang in ("en", "ja"):
        missing = used - set(strings(W.TEXT, lang))
        assert not missing, f"{lang}: {sorted(missing)}"
    assert set(strings(W.TEXT, "en")) == set(strings(W.TEXT, "ja"))


def test_both_languages_fill_the_same_placeholders():
    for key, english in strings(W.TEXT, "en").items():
        fields = lambda s: sorted(re.findall(r"\{(\w+)", s))  # noqa: E731
        assert fields(english) == fields(strings(W.TEXT, "ja")[key]), key


@pytest.mark.parametrize("kwargs, match", [
    (dict(lang="fr"), "`lang`"),
    (dict(images=np.zeros((3, 8))), "`images`.*shape"),
    (dict(images=np.zeros((3, 8, 5))), "`images`.*last axis of size 8"),
    (dict(labels=np.arange(5)), "`labels`.*23 labels"),
    (dict(examples=[0, 40]), "`examples`.*0 to 22"),
    (dict(index=23), "`index`.*0 to 22"),
    (dict(index=-1), "`index`.*non-negative"),
    (dict(model="not a model"), "`model`"),
    (dict(model={}), "`model`.*non-empty"),
    (dict(model={"a": lstm.RowClassifier(hidden_size=3, num_classes=4, seed=0)}), None),
])
def test_bad_arguments_raise_clear_errors(model, images, labels, kwargs, match):
    args = dict(model=model, images=images, labels=labels, lang="en")
    args.update(kwargs)
    if match is None:  # a dict of several models must agree on the input and the classes
        args["model"] = {"ten": model, **kwargs["model"]}
        match = "`model`.*same sizes"
    with pytest.raises(ValueError, match=match):
        W.gate_explorer(args.pop("model"), **args)


@pytest.mark.parametrize("kwargs, match", [
    (dict(row=8), "`row`.*0 to 7"), (dict(unit=6), "`unit`.*0 to 5"), (dict(unit=1.5), "`unit`"),
    (dict(model={"a": None}), "`model`.*RowClassifier"),
])
def test_block_stepper_checks_its_arguments(model, images, kwargs, match):
    args = dict(model=model, images=images)
    args.update(kwargs)
    with pytest.raises(ValueError, match=match):
        W.block_stepper(args.pop("model"), **args)
