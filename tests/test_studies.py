"""lstm.studies: the protocol of the gate studies and their records."""

import json
import shutil

import numpy as np
import pytest

import lstm
from lstm import studies
from lstm.experiments import EXPERIMENTS, Experiment


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """The output study shrunk to seconds (2 digits, 1 epoch, 4 cells, a grid
    of 2 points, 2 test seeds), recorded once for the module."""
    tmp_path = tmp_path_factory.mktemp("studies")
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("LSTM_CACHE", str(tmp_path / "cache"))
        monkeypatch.setattr(studies, "TEST_SEEDS", (0, 1))
        monkeypatch.setattr(studies, "SEARCH_SEEDS", (100,))
        monkeypatch.setattr(studies, "GRID", {"learning_rate": (1e-2,), "forget_bias": (1.0, 3.0)})
        monkeypatch.setitem(EXPERIMENTS, "output", Experiment("recall", {"digits": 2, "repeats": 1},
                                                              {"epochs": 1, "hidden_size": 4}))
        study = studies.STUDIES["output"]
        directory = tmp_path / "records"
        studies.record(study, workers=1, directory=directory)
        yield study, directory


def test_the_grid_searches_the_forget_bias_only_where_a_forget_gate_is_learned():
    study = studies.STUDIES["input"]
    assert len(study.points("full")) == 4 and len(study.points("no_i")) == 4
    assert [p["forget_bias"] for p in study.points("carousel")] == [1.0, 1.0]
    assert [p["learning_rate"] for p in study.points("no_f")] == [3e-3, 1e-2]


def test_every_gate_study_is_a_different_task_with_ten_paired_seeds():
    gates = [studies.STUDIES[name] for name in ("input", "forget", "output")]
    assert len({(s.task, str(s.args)) for s in gates}) == 3
    assert {s.task for s in studies.STUDIES.values()} == {"plain", "distractors", "segments", "recall"}
    # the exploding RNN is studied on the long lag itself
    assert studies.STUDIES["clipping"].experiment == studies.STUDIES["lags"].experiment
    for name, study in studies.STUDIES.items():
        assert study.experiment is EXPERIMENTS[name]  # one place specifies the tasks
    assert len(studies.TEST_SEEDS) >= 10 and not set(studies.TEST_SEEDS) & set(studies.SEARCH_SEEDS)
    for study in studies.STUDIES.values():
        for a, b in study.comparisons:
            assert {a, b} <= set(study.variants)


@pytest.mark.slow  # starts other processes or trains several models
def test_a_record_holds_every_seed_its_choice_and_its_provenance(tiny):
    study, directory = tiny
    record = studies.load_record("output", directory=directory)
    for variant in study.variants:
        assert record.scores(variant).shape == (2,)
        assert record.chosen(variant) in study.points(variant)
        assert len(record.histories(variant)[0].test_acc) == 1
        assert isinstance(record.model(variant, 1), lstm.RowClassifier)
    provenance = record.data["provenance"]
    assert provenance["source_hash"] == lstm.sources.training_hash("studies")[:16]
    assert provenance["study"]["args"] == {"digits": 2, "repeats": 1}
    result = record.as_ablation()
    np.testing.assert_array_equal(result.scores("full"), record.scores("full"))  # one score per seed
    comparison = record.compare("full", "no_o")
    np.testing.assert_allclose(comparison.diffs, record.scores("full") - record.scores("no_o"))


@pytest.mark.slow  # starts other processes or trains several models
def test_the_recorded_model_is_the_recorded_run(tiny):
    study, directory = tiny
    record = studies.load_record("output", directory=directory)
    task = study.build()
    model = record.model("full", 0)
    score = lstm.accuracy(model, task.x_test, task.y_test)
    assert score == pytest.approx(record.scores("full")[0], abs=1e-6)


@pytest.mark.slow  # starts other processes or trains several models
def test_a_stale_record_is_refused_with_the_command_to_run(tiny, tmp_path):
    study, records = tiny
    directory = tmp_path / "copy"
    shutil.copytree(records, directory)
    path = directory / "output.json"
    data = json.loads(path.read_text())
    data["provenance"]["source_hash"] = "0" * 16
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="stale: its source_hash no longer match.*Run `make experiments`"):
        studies.load_record("output", directory=directory)
    assert studies.load_record("output", directory=directory, check=False).data is not None


def test_a_missing_record_names_the_command(tmp_path):
    with pytest.raises(ValueError, match="No record of the 'forget' gate study.*run `make experiments`"):
        studies.load_record("forget", directory=tmp_path)
    with pytest.raises(ValueError, match="argument `name`"):
        studies.load_record("hidden")
