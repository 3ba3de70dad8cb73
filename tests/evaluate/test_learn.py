"""Training the learned parts: deterministic folds and a fit that exports plain weights."""

from __future__ import annotations

import json

import pytest

from wirewatch.evaluate.gold import PLV_FILE
from wirewatch.evaluate.learn import FOLDS, _folds, fit


def test_folds_partition_the_records_and_are_reproducible():
    folds = _folds(23)
    assert len(folds) == FOLDS and folds == _folds(23)
    held = sorted(i for _, test in folds for i in test)
    assert held == list(range(23))
    assert all(not set(train) & set(test) and len(train) + len(test) == 23 for train, test in folds)
    other = _folds(23, seed=14)  # another shuffling, for the spread of the scores
    assert other != folds and sorted(i for _, test in other for i in test) == list(range(23))


def test_fit_learns_features_that_separate_labels_and_drops_one_offs():
    rows = [["w:clash", "w:army"], ["w:clash"], ["w:arrest", "w:police"], ["w:arrest"],
            ["w:clash", "w:once"]]
    labels = ["ARMED_CLASH", "ARMED_CLASH", "ARREST", "ARREST", "ARMED_CLASH"]
    model = fit(rows, labels, c=10.0)
    assert set(model.classes) == {"ARMED_CLASH", "ARREST"}
    assert "w:once" not in model.weights and "w:police" not in model.weights  # seen once
    clash = model.probabilities(["w:clash"])
    assert clash["ARMED_CLASH"] > 0.8 and model.probabilities(["w:arrest"])["ARREST"] > 0.8


@pytest.mark.slow
def test_target_events_label_each_events_other_actors_by_the_rows_target(tmp_path):
    from wirewatch.evaluate.learn import target_events
    from wirewatch.settings import Settings

    rows = [  # the first two stand in the fit half (a stable hash of the text), the last in check
        {"text": "Canada condemned Russia over the attack.", "source": "Canada", "target": "Russia"},
        {"text": "Brazil has agreed to give Bolivian farmers access to its ports.", "source": "Brazil",
         "target": "Bolivian farmers"},
        {"text": "France criticised Italy over the migrants.", "source": "France", "target": "Italy"},
    ]
    (tmp_path / "events").mkdir()
    (tmp_path / PLV_FILE).write_text("".join(json.dumps({**r, "plover": "DISAPPROVE"}) + "\n" for r in rows))
    events = target_events(Settings(processes=1, db=str(tmp_path / "w.db")), tmp_path)
    assert len(events) == 2  # one event each for the fit half's rows; never the check half's
    for event in events:
        assert event.labels.count(True) == 1 and len(event.labels) == len(event.features)
    [russia] = [f for f, label in zip(events[0].features, events[0].labels, strict=True) if label]
    assert "path=dobj" in russia  # "condemned [Russia]"
    assert events[0].sentence != events[1].sentence  # folds keep each sentence's events together
    assert [e.ruled for e in events] == [True, True]  # the rules read both targets already
