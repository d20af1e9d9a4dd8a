"""lstm.speeds: the benchmark's record of training times, and its provenance check."""

import json

import pytest

import lstm  # noqa: F401  (before TensorFlow)
from lstm import speeds


def test_a_record_is_read_back_and_refused_once_stale(tmp_path):
    result = {"seconds": {"relatives": {"full": 0.4, "rnn": 0.1}}, "runs": {"relatives": {"full": [0.4, 0.5]}},
              "provenance": speeds.provenance(speeds.DEFAULTS)}
    path = speeds.write(result, tmp_path / "speed.json")
    assert speeds.load(path) == result["seconds"] and speeds.load(path, runs=True) == result["runs"]
    stale = json.loads(path.read_text())
    stale["provenance"]["source_hash"] = "0" * 16
    path.write_text(json.dumps(stale))
    with pytest.raises(ValueError, match="is stale: its source_hash no longer match .*python -m benchmarks.relatives"):
        speeds.load(path)
    assert speeds.load(path, check=False) == result["seconds"]
    with pytest.raises(ValueError, match="No speed record at"):
        speeds.load(tmp_path / "missing.json")


def test_measure_refuses_bad_arguments():
    with pytest.raises(ValueError, match="argument `epochs`, expected at least 2"):
        speeds.measure(epochs=1)
    with pytest.raises(ValueError, match="argument `studies`, expected one of"):
        speeds.measure(studies=("nothing",))


@pytest.mark.slow  # trains ten small models
def test_measure_times_every_variant_of_a_study(monkeypatch):
    monkeypatch.setattr(speeds, "provenance", lambda args: {"args": args})
    result = speeds.measure(studies=("relatives",), epochs=2, seeds=(0,), progress=None)
    assert set(result["seconds"]["relatives"]) == set(lstm.studies.STUDIES["relatives"].variants)
    assert all(s > 0 for s in result["seconds"]["relatives"].values())
