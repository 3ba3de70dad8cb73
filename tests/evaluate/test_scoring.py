"""The scorer is ordinary code: checked here against counts worked out by hand."""

from __future__ import annotations

import pytest

from wirewatch.evaluate.scoring import role_accuracy, score_labels


def test_per_label_and_macro_scores():
    gold = ["AID", "AID", "ASSAULT", "PROTEST", "NONE"]
    predicted = ["AID", "ASSAULT", "ASSAULT", "NONE", "AID"]
    report = score_labels(gold, predicted)
    by_label = {s.label: s for s in report.scores}
    assert set(by_label) == {"AID", "ASSAULT", "PROTEST"}
    assert (by_label["AID"].precision, by_label["AID"].recall) == (0.5, 0.5)
    assert by_label["ASSAULT"].precision == 0.5 and by_label["ASSAULT"].recall == 1.0
    assert by_label["ASSAULT"].f1 == pytest.approx(2 / 3)
    assert by_label["PROTEST"].f1 == 0.0
    assert report.macro_f1 == pytest.approx((0.5 + 2 / 3 + 0) / 3)
    assert report.accuracy == pytest.approx(2 / 5)
    assert ("AID", "ASSAULT", 1) in report.confusions


def test_lengths_must_match():
    with pytest.raises(ValueError, match="2 gold labels but 1"):
        score_labels(["A", "B"], ["A"])


def test_role_accuracy_counts_each_gold_country():
    assert role_accuracy([["RUS", "CHN"], ["USA"], []], [["RUS"], ["USA", "GBR"], ["FRA"]]) == (2, 3)
