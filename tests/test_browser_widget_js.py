"""The widgets' JavaScript forward pass agrees with `RowClassifier.trace`.

A standalone page embeds gate explorers of trained models, rendered by the
book's own `book/_static/anywidget-static.js` in Debian's Chromium (no book
build needed, no network). In the page, each explorer's JavaScript reads test
images; the largest absolute difference from Python's `model.trace` over z, i,
f, o, c, h and the class probabilities, at every row, must stay below 1e-5:

- the book's model (`recipes.MODERN`) and the article's (`recipes.ARTICLE`:
  `head="tanh"`, `cell_tanh=False`, raw 0..16 pixels), from the model cache;
- the seed-0 test models of the recorded gate studies, whose variants leave a
  gate out: no input gate, no forget gate (the 1997 cell), no output gate, and
  the ungated carousel (`lstm/records/`).

Python computes in float32 and the browser in float64 from the same float32
weights, so the two differ by float32 round-off only.
"""

import json

import numpy as np
import pytest

from helpers import ROOT, open_offline_page, serve

pytestmark = pytest.mark.browser

TOLERANCE = 1e-5
SAMPLE = 12  # test images per model
QUANTITIES = ("z", "i", "f", "o", "c", "h", "probs")


def _models():
    """{name: (model, images)} for every kind of cell the explorer must run."""
    import lstm
    from lstm import studies

    modern, _ = lstm.recipes.MODERN.run(cache=True, progress=False)
    article, _ = lstm.recipes.ARTICLE.run(lstm.load_digits(scale=False), cache=True, progress=False)
    models = {"MODERN": (modern, lstm.load_digits().x_test),
              "ARTICLE": (article, lstm.load_digits(scale=False).x_test)}
    for study, variants in (("input", ("full", "no_i", "no_f", "carousel")), ("output", ("no_o",))):
        record = studies.load_record(study)
        task = record.study.build()
        result = record.as_ablation(task)
        for variant in variants:
            models[f"{study}:{variant}"] = (result.models[variant][0], task.x_test)
    return models


def _page(widgets):
    from ipywidgets.embed import embed_data

    data = embed_data(views=widgets, drop_defaults=False)
    views = "".join(f'<div><script type="application/vnd.jupyter.widget-view+json">{json.dumps(v)}</script></div>'
                    for v in data["view_specs"])
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>explorers</title>'
            '<script type="application/vnd.anywidget-static.state+json">'
            f'{json.dumps(data["manager_state"])}</script>'
            f'<script src="anywidget-static.js"></script></head><body><main>{views}</main></body></html>')


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from lstm.explorers.anywidgets import gate_explorer

    folder = tmp_path_factory.mktemp("js")
    models = _models()
    widgets = [gate_explorer({name: model}, images[:SAMPLE], lang="en") for name, (model, images) in models.items()]
    (folder / "index.html").write_text(_page(widgets), encoding="utf-8")
    (folder / "anywidget-static.js").write_bytes((ROOT / "book/_static/anywidget-static.js").read_bytes())
    return folder, models


def test_javascript_trace_matches_python(browser, site):
    folder, models = site
    with serve(folder) as base, open_offline_page(browser, base) as page:
        page.goto("index.html")
        explorers = page.page.locator(".lstm-explorer")
        explorers.nth(len(models) - 1).wait_for(state="visible", timeout=30_000)
        worst = {}
        for k, (name, (model, images)) in enumerate(models.items()):
            sample = np.asarray(images[:SAMPLE], dtype=np.float32)
            js = explorers.nth(k).evaluate(
                "(root, images) => images.map((image) => root.lstmExplorer.traceOf(image.flat()))",
                sample.tolist())
            python = model.trace(sample)
            rows, hidden, classes = sample.shape[1], model.hidden_size, model.num_classes
            diffs = []
            for q in QUANTITIES:
                ours = np.array([t[q] for t in js]).reshape(len(sample), rows, classes if q == "probs" else hidden)
                diffs.append(np.abs(ours - getattr(python, q)).max())
            worst[name] = float(max(diffs))
        assert page.console_errors + page.page_errors == []
        page.assert_offline()
    assert set(worst) >= {"MODERN", "ARTICLE", "input:carousel", "input:no_i", "input:no_f", "output:no_o"}
    print("largest |JS - Python| per model:", {k: f"{v:.1e}" for k, v in worst.items()})
    assert max(worst.values()) < TOLERANCE, worst
