"""The gold-data runner on a small file of our own (the suite never needs ../shared)."""

from __future__ import annotations

import json

import pytest

from wirewatch.errors import InputError
from wirewatch.evaluate.gold import evaluate_case, evaluate_plover
from wirewatch.settings import Settings

pytestmark = pytest.mark.slow

RECORDS = [
    {"id": "1", "event_type": "ASSAULT", "text": "Rebels killed five villagers in Mali on Sunday.",
     "source": [{"text": "Rebels", "country": "", "sector": "REB"}],
     "target": [{"text": "villagers", "country": "MLI", "sector": "CVL"}]},
    {"id": "2", "event_type": "CONSULT", "text": "The French president met the German chancellor in Berlin.",
     "source": [{"text": "French president", "country": "FRA", "sector": "GOV"}],
     "target": [{"text": "German chancellor", "country": "DEU", "sector": "GOV"}]},
    {"id": "3", "event_type": "PROTEST", "text": "The weather was mild.", "source": [], "target": []},
]


def _gold_dir(tmp_path, name: str, rows: list[dict]):
    """An eval folder holding one gold file of ``rows``."""
    folder = tmp_path / "events"
    folder.mkdir()
    (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return tmp_path


def test_evaluate_plover_scores_a_small_gold_file(tmp_path):
    _gold_dir(tmp_path, "plover-gsr-dev.jsonl", RECORDS)
    result = evaluate_plover(Settings(), eval_dir=tmp_path)
    scores = {s.label: s for s in result.report.scores}
    assert scores["CONSULT"].correct == 1 and scores["PROTEST"].recall == 0
    assert result.source == (1, 1) and result.target[1] == 2


def test_missing_gold_data_says_where_it_should_be(tmp_path):
    with pytest.raises(InputError, match="not found"):
        evaluate_plover(Settings(), eval_dir=tmp_path)


CASE = [
    {"id": "c1", "label": "ARREST", "text": "Police arrested twelve protesters in Nairobi on Friday."},
    {"id": "c2", "label": "AIR_STRIKE", "text": "The weather was mild."},
]


def test_evaluate_case_labels_a_snippet_by_its_most_confident_event(tmp_path):
    _gold_dir(tmp_path, "case2021-task2-dev.jsonl", CASE)
    report = evaluate_case(Settings(), eval_dir=tmp_path)
    scores = {s.label: s for s in report.scores}
    assert set(scores) == {"ARREST", "AIR_STRIKE"}
    assert scores["ARREST"].correct == 1  # COERCE arrest -> Strategic developments/Arrests
    assert scores["AIR_STRIKE"].predicted == 0 and ("AIR_STRIKE", "NONE", 1) in report.confusions


PLV = [  # two rows share the first sentence, as PLV's do
    {"id": "p1", "text": "Police arrested twelve protesters in Nairobi on Friday.",
     "source": "Police", "target": "twelve protesters", "plover": "COERCE", "root": "COERCE"},
    {"id": "p2", "text": "Police arrested twelve protesters in Nairobi on Friday.",
     "source": "protesters", "target": "Police", "plover": "COERCE", "root": "COERCE"},
    {"id": "p3", "text": "The weather was mild.", "source": "weather", "target": "mild",
     "plover": "PROTEST", "root": "PROTEST"},
]


def test_evaluate_plv_needs_the_event_to_link_the_rows_words(tmp_path):
    _gold_dir(tmp_path, "plv-train.jsonl", PLV)
    from wirewatch.evaluate.gold import evaluate_plv

    result = evaluate_plv(Settings(), eval_dir=tmp_path)
    scores = {s.label: s for s in result.report.scores}
    assert scores["COERCE"].support == 2 and scores["COERCE"].correct == 1  # not the reversed row
    assert ("COERCE", "NONE", 1) in result.report.confusions
    assert (result.no_event, result.rows) == (1, 3)
    both = [evaluate_plv(Settings(), eval_dir=tmp_path, half=h).rows for h in ("fit", "check")]
    assert sum(both) == 3 and sorted(both) in ([0, 3], [1, 2])  # a sentence never in both


def test_plvs_older_yield_root_takes_a_release_coded_retreat(tmp_path):
    """PLV's YIELD (``plover``: CONCEDE) covers what PLOVER 2021 calls RETREAT: a release."""
    from wirewatch.evaluate.gold import evaluate_plv

    _gold_dir(tmp_path, "plv-train.jsonl", [
        {"id": "y1", "text": "Police released twelve protesters in Nairobi on Friday.", "source": "Police",
         "target": "twelve protesters", "plover": "CONCEDE", "root": "YIELD"}])
    [score] = evaluate_plv(Settings(), eval_dir=tmp_path).report.scores
    assert (score.label, score.correct) == ("CONCEDE", 1)
