"""lstm.analysis.gate_measures: what the gate studies measure on trained models
(here on small untrained models, where the expected values are known)."""

import numpy as np
import pytest

import lstm
from lstm import tasks
from lstm.analysis import gate_measures as gm


@pytest.fixture(scope="module")
def data():
    return lstm.load_digits()


def model(task, **cell):
    return lstm.RowClassifier(8, 6, task.num_classes, readout="every" if task.per_row else "last",
                              seed=0, **cell)


def test_input_gate_rows_measure_the_write_and_the_shut_share(data):
    task = tasks.distractors(data, k=4)
    full, no_i = model(task), model(task, gates=("f", "o"))
    m = gm.input_gate_rows([full, no_i], task)
    assert m.write.shape == (2, 12) and m.shut_digit.shape == (2,)
    t = full.trace(task.x_test)
    np.testing.assert_allclose(m.write[0], np.abs(t.i * t.z).mean(axis=(0, 2)), rtol=1e-6)
    assert m.shut_noise[0] == pytest.approx((t.i[:, 8:] < gm.SHUT).mean())
    assert m.shut_digit[1] == 0 and m.shut_noise[1] == 0  # i held at 1 is never shut
    no_f = gm.input_gate_rows([model(task, gates=("i", "o"))], task)
    assert no_f.f_noise[0] == 1.0


def test_scored_accuracy_agrees_with_the_models_accuracy(data):
    task = tasks.recall(data, digits=2, repeats=1)
    m = model(task)
    short, query = gm.recall_masks(task)
    everything = gm.scored_accuracy([m], task, short | query)[0]
    assert everything == pytest.approx(lstm.accuracy(m, task.x_test, task.y_test))
    n_short, n_query = (short & (task.y_test >= 0)).sum(), query.sum()
    parts = gm.scored_accuracy([m], task, short)[0] * n_short + gm.scored_accuracy([m], task, query)[0] * n_query
    assert parts / (n_short + n_query) == pytest.approx(everything)


def test_segment_masks_split_the_first_segment_from_the_later_ones(data):
    task = tasks.segments(data, segments=3, digits=4, repeats=1)
    first, later = gm.segment_masks(task)
    scored = task.y_test >= 0
    assert ((first & scored).sum(axis=1) == 1).all() and ((later & scored).sum(axis=1) == 2).all()


def test_reset_profile_and_cell_growth_on_a_cell_that_cannot_forget(data):
    task = tasks.segments(data, segments=3, digits=4, repeats=1)
    no_f = model(task, gates=("i", "o"))
    profile = gm.reset_profile(no_f, task, before=2, after=2)
    assert profile.f.shape == (5, 6) and np.all(profile.f == 1.0) and profile.resetting.size == 0
    growth = gm.cell_growth(no_f, task)
    assert growth.abs_c.shape == (task.rows,) and growth.saturated.shape == (task.rows,)
    np.testing.assert_array_equal(growth.markers, task.boundaries[0])
    full = gm.reset_profile(model(task), task)
    assert np.all((full.f > 0) & (full.f < 1)) and full.f_inside.shape == (6,)


def test_memory_cells_pick_the_cells_that_separate_the_first_digit(data):
    task = tasks.recall(data, digits=2, repeats=1)
    m = model(task)
    cells = gm.memory_cells(m, task, k=2)
    assert cells.units.shape == (2,) and cells.o_memory.shape == (task.rows,)
    assert set(cells.units) == set(np.argsort(cells.separation)[-2:])
    assert np.all((cells.separation >= 0) & (cells.separation <= 1 + 1e-6))


def test_bad_arguments(data):
    task = tasks.recall(data, digits=2, repeats=1)
    with pytest.raises(ValueError, match="argument `models`, expected a non-empty sequence of lstm.RowClassifier"):
        gm.input_gate_rows([], tasks.distractors(data, k=2))
    with pytest.raises(ValueError, match="argument `task`, expected a `distractors` task"):
        gm.input_gate_rows([model(task)], task)
    with pytest.raises(ValueError, match="argument `task`, expected distractors placed after the digit"):
        gm.input_gate_rows([model(task)], tasks.distractors(data, k=2, where="before"))
    with pytest.raises(ValueError, match="argument `rows`, expected a boolean mask of shape"):
        gm.scored_accuracy([model(task)], task, np.ones(3, bool))
    with pytest.raises(ValueError, match="argument `k`, expected fewer cells than the model has \\(6\\), got 6"):
        gm.memory_cells(model(task), task, k=6)
    with pytest.raises(ValueError, match="argument `task`, expected a `segments` task"):
        gm.reset_profile(model(task), task)
