"""The recorded gate studies reproduce: one recorded run of each study is
trained again here and must give the recorded numbers (slow: real training)."""

import numpy as np
import pytest

from lstm import ablation, studies

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", sorted(studies.STUDIES))
def test_a_recorded_run_trains_again_to_the_same_numbers(name):
    record = studies.load_record(name)  # refuses a stale record
    study = record.study
    variant = study.variants[0]
    task = study.build()
    settings = studies.settings_for(study, record.chosen(variant))
    _, history = ablation.run(task, variant, seed=studies.TEST_SEEDS[0], cache=False, **settings)
    recorded = record.data["test"][variant][0]
    scored = int((task.y_test >= 0).sum())
    assert abs(history.test_acc[-1] - recorded["score"]) <= 1 / scored + 1e-9  # within one test answer
    for key in ("loss", "acc", "val_acc", "test_acc"):
        np.testing.assert_allclose(getattr(history, key), recorded["history"][key], atol=1e-4, rtol=0)


def test_every_record_is_present_and_fresh():
    for name in studies.STUDIES:
        record = studies.load_record(name)
        for variant in record.study.variants:
            assert len(record.scores(variant)) == len(studies.TEST_SEEDS) >= 10
