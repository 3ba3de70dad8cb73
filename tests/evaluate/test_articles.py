"""Whole-article scoring, checked against counts worked out by hand on hand-built records."""

from __future__ import annotations

import dataclasses

import pytest

from wirewatch.evaluate.articles import score_main_events, score_wikievents
from wirewatch.evaluate.split import half, split
from wirewatch.model import Actor, Article, CodedArticle, EventMention, Evidence, Sentence, Span

TEXT = ("Militants bombed a checkpoint in Kabul on Monday. Police arrested two men. "
        "The ministers met in Doha. Officials agreed to talk.")


def at(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def sentence(first: str) -> tuple[int, int]:
    start = TEXT.index(first)
    return start, TEXT.index(".", start) + 1


def event(kind: str, trigger: str, source: str | None = None) -> EventMention:
    start, end = sentence(TEXT[:at(trigger)[0]].rsplit(". ", 1)[-1] or trigger)
    doer = (Actor(source, *at(source), source),) if source else ()
    return EventMention(event_type=kind, factuality="asserted", trigger=Span(trigger, *at(trigger)),
                        confidence=0.9, source=doer,
                        evidence=(Evidence("w1", start, end, TEXT[start:end]),))


def gold(kairos: str, family: str | None, trigger: str, **arguments: str) -> dict:
    start, end = at(trigger)
    s_start, s_end = sentence(TEXT[:start].rsplit(". ", 1)[-1] or trigger)
    return {"kairos": kairos, "family": family, "trigger": {"start": start, "end": end},
            "sentence": {"start": s_start, "end": s_end},
            "arguments": [{"role": role, "text": text, "start": at(text)[0], "end": at(text)[1]}
                          for role, text in arguments.items()]}


def coded(*events: EventMention) -> CodedArticle:
    article = Article(TEXT, "f" * 64, "w1")
    sentences = tuple(Sentence(i, s, e, TEXT[s:e]) for i, (s, e) in enumerate(
        sentence(first) for first in ("Militants", "Police", "The ministers", "Officials")))
    return CodedArticle(article, sentences=sentences, events=events)


def test_wikievents_precision_recall_and_doer():
    record = {"id": "w1", "text": TEXT, "events": [
        gold("Conflict.Attack.DetonateExplode", "violence", "bombed", Attacker="Militants"),
        gold("Justice.ArrestJailDetain.Unspecified", "coerce", "arrested"),
        gold("Contact.Meet.Unspecified", "consult", "met"),
    ]}
    output = coded(event("ASSAULT", "bombed", "Militants"),
                   event("COERCE", "arrested", "Police"),
                   event("PROTEST", "met"),  # a wrong type where a meeting is
                   event("AGREE", "agreed"))  # a type WikiEvents does not judge
    score = score_wikievents([record], [output])
    assert (score.judged, score.right) == (3, 2)
    assert (score.gold, score.found) == (3, 2)
    assert (score.attacks, score.doer_right) == (1, 1)
    wrong_doer = coded(event("ASSAULT", "bombed", "Kabul"))
    assert score_wikievents([record], [wrong_doer]).doer_right == 0


def test_main_event_found_with_its_who_where_its_what_is():
    record = {"id": "g1", "cluster": "consulate attack", "text": TEXT,
              "gold_5w1h": {"who": ["Militants"], "what": ["bombed a checkpoint"]}}
    assert score_main_events([record], [coded(event("ASSAULT", "bombed", "Militants"))]
                             ).total() == (1, 1)
    assert score_main_events([record], [coded(event("COERCE", "arrested", "Police"))]
                             ).total() == (0, 1)  # another event, another who
    headline_only = {**record, "gold_5w1h": {"who": ["Police"], "what": ["Raid in Kabul"]}}
    assert score_main_events([headline_only], [coded(event("COERCE", "arrested", "Police"))]
                             ).total() == (1, 1)  # the what is only in the title: the lede


@pytest.mark.parametrize("key", ["plv-train-0", "road_ied_8", "a sentence"])
def test_halves_are_stable_and_split_keeps_order(key):
    assert half(key) == half(key) in ("fit", "check")
    items = [f"{key}-{n}" for n in range(50)]
    halves = split(items, lambda item: item)
    assert sorted(halves["fit"] + halves["check"]) == sorted(items)
    assert halves["fit"] == [i for i in items if half(i) == "fit"] and halves["fit"]


def test_precision_and_recall_go_by_the_trigger_sentence_any_mention_counted_apart():
    """One bombing told in two sentences is one event: judged where its trigger is, and
    found where it is told (``found_any``)."""
    record = {"id": "w1", "text": TEXT, "events": [
        gold("Conflict.Attack.DetonateExplode", "violence", "bombed"),
        gold("Justice.ArrestJailDetain.Unspecified", "coerce", "arrested"),
    ]}
    bombing = event("ASSAULT", "bombed", "Militants")
    merged = dataclasses.replace(bombing, evidence=(*bombing.evidence, Evidence(
        "w1", *sentence("Police"), "Police arrested two men.")))
    arrest = event("COERCE", "arrested", "Police")
    score = score_wikievents([record], [coded(merged, arrest)])
    assert (score.judged, score.right, score.found, score.found_any) == (2, 2, 2, 2)
    misplaced = event("COERCE", "bombed", "Police")  # an arrest read where the bombing is
    score = score_wikievents([record], [coded(misplaced)])
    assert (score.judged, score.right, score.found) == (1, 0, 0)
