"""Training the learned parts: deterministic folds and a fit that exports plain weights."""

from __future__ import annotations

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
