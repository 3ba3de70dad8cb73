"""The canonical example (DESIGN.md): E1, E2, E3, C1, C2 and nothing else, each with evidence."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from wirewatch.model import CodedArticle, EventMention, coded_to_json

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "kursk-workers.json"
pytestmark = pytest.mark.slow


def _only(kursk: CodedArticle, *types: str) -> EventMention:
    found = [e for e in kursk.events if e.event_type in types]
    assert len(found) == 1, [e.event_type for e in kursk.events]
    return found[0]


def test_three_events_and_two_claims_nothing_duplicated(kursk):
    assert sorted(e.event_type for e in kursk.events) == ["AGREE", "CONSULT", "FIGHT"]
    assert sorted(c.kind for c in kursk.claims) == ["figure", "violation"]
    assert not any(e.event_type == "SANCTION" for e in kursk.events)


def test_e1_one_commitment_with_both_counts(kursk):
    e1 = _only(kursk, "AGREE")
    assert (e1.intended, e1.factuality) == ("AID", "planned")
    assert [a.country for a in e1.source] == ["PRK"]
    assert e1.source[0].name == "Kim Jong-un" and e1.source[0].kb_id == "kim-jong-un"
    assert [a.country for a in e1.target] == ["RUS"] == [a.country for a in e1.recipient]
    # ACLED has no class for a commitment to send labour: not violence, not a protest
    assert e1.acled is not None and e1.acled.event_type in {"Strategic developments", "Other"}
    counts = {(q.value, q.counted, q.approximate) for q in e1.quantities}
    assert counts == {(5000, "construction workers", False), (1000, "combat engineers", False)}
    assert e1.place is not None and e1.place.precision == "admin1" and e1.place.country == "RUS"
    assert e1.place.lat == pytest.approx(51.7, abs=0.6) and e1.place.lon == pytest.approx(36.2, abs=0.6)
    # The headline and "is dispatching thousands of workers" are the same commitment.
    assert len(e1.evidence) >= 2


def test_e2_meeting_in_pyongyang(kursk):
    e2 = _only(kursk, "CONSULT")
    assert e2.mode == "visit" and e2.factuality == "asserted"
    assert [(a.name, a.country) for a in e2.source] == [("Sergei Shoigu", "RUS")]
    assert [(a.name, a.country) for a in e2.target] == [("Kim Jong-un", "PRK")]
    assert e2.place is not None and (e2.place.name, e2.place.precision) == ("Pyongyang", "city")
    assert e2.place.country == "PRK"
    assert e2.purpose is not None and "sending workers" in e2.purpose.text


def test_e3_past_fighting_against_ukraine(kursk):
    e3 = _only(kursk, "FIGHT", "ASSAULT")
    assert [(a.country, a.sector) for a in e3.source] == [("PRK", "military")]
    assert [a.country for a in e3.target] == ["UKR"]
    assert e3.place is not None and e3.place.text == "Kursk region"
    assert e3.time is not None and e3.time.text == "previously"
    # before publication; the scraped example carries no date, so no day is given
    assert (e3.time.precision, e3.time.value) == ("before", None)
    assert e3.acled is not None and e3.acled.event_type == "Battles"


def test_e3_is_dated_before_publication_when_the_date_is_known(code_text, example_text):
    dated = code_text(example_text, id="kursk-dated", published="2025-06-18")
    e3 = _only(dated, "FIGHT", "ASSAULT")
    assert e3.time is not None and (e3.time.precision, e3.time.value) == ("before", "2025-06-18")


def test_c1_approximate_figure_and_c2_violation(kursk):
    figure = next(c for c in kursk.claims if c.kind == "figure")
    [count] = figure.quantities
    assert (count.value, count.approximate, count.counted) == (15000, True, "workers")
    assert [a.country for a in figure.about] == ["PRK"]
    assert [p.country for p in figure.places] == ["RUS"]
    violation = next(c for c in kursk.claims if c.kind == "violation")
    assert "violates United Nations sanctions" in violation.text
    assert violation.claimant is None and [a.country for a in violation.about] == ["PRK"]


def test_d1_shoigus_title_contradicts_the_knowledge_base(kursk, example_text):
    [d1] = kursk.discrepancies  # said once, though the paragraph is repeated
    assert (d1.kind, d1.kb_id) == ("title", "sergei-shoigu")
    stated, known = d1.values
    assert stated.value == "Russian Defense Council Secretary" and stated.by == "the article"
    assert stated.evidence is not None
    assert example_text[stated.evidence.start:stated.evidence.end] == stated.evidence.quote
    assert known.value == "Secretary of the Security Council of the Russian Federation"
    assert known.evidence is None and "2024-05-12" in known.by


def test_capitals_used_as_governments_are_not_locations(kursk, example_text):
    between = example_text.index("Pyongyang and Moscow")
    governments = [p for p in kursk.places if between <= p.start < between + 20]
    assert [(p.name, p.use) for p in governments] == [("Pyongyang", "actor"), ("Moscow", "actor")]
    assert any(p.name == "Pyongyang" and p.use == "location" for p in kursk.places)
    # every toponym is there, each with its use: "Russian" troops, North Korean workers
    assert {"adjectival", "location", "actor"} <= {p.use for p in kursk.places}


def test_repeats_dropped_with_reasons(kursk, example_text):
    reasons = [d.reason for d in kursk.dropped]
    assert reasons[0] == "repeated headline"
    assert sum(r.startswith("repeated paragraph") for r in reasons) == 2
    for dropped in kursk.dropped:
        assert example_text[dropped.start:dropped.end] == dropped.text


def test_every_span_quotes_the_ingested_text(kursk, example_text):
    """Evidence, actors, places, quantities and triggers all point into the text as ingested."""
    spans = []
    for event in kursk.events:
        spans += [event.trigger, *event.source, *event.target, *event.quantities]
        spans += [s for s in (event.place, event.time, event.purpose, event.claimant) if s]
        assert all(example_text[e.start:e.end] == e.quote for e in event.evidence)
    for claim in kursk.claims:
        spans += [*claim.about, *claim.quantities, *claim.places]
    spans += list(kursk.places) + list(kursk.sentences)
    assert spans
    for span in spans:
        assert example_text[span.start:span.end] == span.text


def test_matches_golden_file(kursk, update_golden):
    """The whole output, pinned; regenerate with ``pytest --update-golden`` and review the diff."""
    actual = json.dumps(coded_to_json(kursk), indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if update_golden:
        GOLDEN.write_text(actual, encoding="utf-8")
    assert GOLDEN.exists(), "no golden file yet: run pytest --update-golden and review it"
    expected = GOLDEN.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        "golden", "actual", n=2))
    assert actual == expected, f"output changed; if intended, run pytest --update-golden:\n{diff}"
