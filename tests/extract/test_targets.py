"""The learned target: who an act is done to when the rules know no pattern for it."""

from __future__ import annotations

import pytest

from wirewatch.extract import targets
from wirewatch.extract.learned import SoftmaxModel
from wirewatch.model import Actor, EventMention, Span

FILLER = " The report was published in English."


@pytest.fixture(scope="module")
def nlp():
    import spacy

    from wirewatch.settings import Settings

    return spacy.load(Settings().model)


def _actor(token) -> Actor:
    return Actor(token.text, token.idx, token.idx + len(token.text), token.text)


def _by(*source: Actor) -> EventMention:
    """An event with these doers: what ``candidates`` reads of it."""
    return EventMention("CONSULT", "asserted", Span("", 0, 0), 0.0, source=source)


@pytest.mark.slow
def test_features_read_the_path_from_the_act_with_its_prepositions(nlp):
    doc = nlp("The court ordered an inquiry against Chandy.")
    verb, name = doc[2], doc[6]
    feats = targets.features(verb, name, "INVESTIGATE", _actor(name))
    assert {"path=dobj|prep:against|pobj", "first=dobj", "last=pobj", "prep=against",
            "t=INVESTIGATE|prep=against", "after=True", "verbs=0"} <= set(feats)
    subject = targets.features(verb, doc[1], "INVESTIGATE", _actor(doc[1]))
    assert "path=nsubj" in subject and "after=False" in subject
    # from a word low in the tree the path climbs first: "^dobj" is the arc it leaves by
    climbing = targets.features(doc[4], doc[1], "INVESTIGATE", _actor(doc[1]))
    assert "path=^dobj|nsubj" in climbing and "up=1" in climbing


@pytest.mark.slow
def test_candidates_are_the_sentences_other_actors_once_each(nlp):
    doc = nlp("China criticised the visit after Taiwan's president met US lawmakers.")
    china = _actor(doc[0])
    taiwans = Actor("Taiwan's president", doc[5].idx, doc[7].idx + 9, "president")
    lawmakers = Actor("US lawmakers", doc[9].idx, doc[10].idx + 9, "lawmakers")
    by_token = {5: [Actor("Taiwan", doc[5].idx, doc[5].idx + 6, "Taiwan")], 7: [taiwans],
                9: [Actor("US", doc[9].idx, doc[9].idx + 2, "US")], 10: [lawmakers]}
    found = targets.candidates(doc[:], doc[1], _by(china), lambda t: by_token.get(t.i, []))
    assert [named for _, named in found] == [[taiwans], [lawmakers]]  # the phrases, not their owners
    doc = nlp("Russia asked Ukraine and the United Nations for talks.")
    russia = _actor(doc[0])
    by_token = {t.i: [_actor(t)] for t in doc if t.ent_type_ in {"GPE", "ORG"} and t.dep_ != "compound"}
    found = targets.candidates(doc[:], doc[1], _by(russia), lambda t: by_token.get(t.i, []))
    assert [t.text for t, _ in found] == ["Ukraine", "Nations"]  # never the doer, never twice
    # conjoined names read once: the actors of the first conjunct are taken for both
    both = {2: [_actor(doc[2]), _actor(doc[5])], 5: [_actor(doc[5])]}
    found = targets.candidates(doc[:], doc[1], _by(russia), lambda t: both.get(t.i, []))
    assert [t.text for t, _ in found] == ["Ukraine"]


def test_choose_takes_the_likeliest_candidate_only_when_the_model_is_sure(monkeypatch):
    model = SoftmaxModel(("other", targets.TARGET), (0.0, 0.0),
                         {"first=dobj": (-2.0, 2.0), "first=nsubj": (2.0, -2.0)})

    class Tok:  # what the stubbed features read of a candidate
        def __init__(self, arc: str) -> None:
            self.arc = arc

    monkeypatch.setattr(targets, "features", lambda origin, token, kind, actor: [f"first={token.arc}"])
    near, far = Actor("Iran", 0, 4, "Iran"), Actor("Iraq", 10, 14, "Iraq")
    origin = object()
    assert targets.choose(origin, "DISAPPROVE", [(Tok("nsubj"), [far]), (Tok("dobj"), [near])],
                          model) == [near]
    assert targets.choose(origin, "DISAPPROVE", [(Tok("nsubj"), [far])], model) == []
    assert targets.choose(origin, "DISAPPROVE", [], model) == []


def test_rules_only_nests_and_restores_guessing():
    assert targets.shipped() is not None
    with targets.rules_only():
        with targets.rules_only():
            assert targets.shipped() is None
        assert targets.shipped() is None  # still off in the outer block
    assert targets.shipped() is not None


def test_the_shipped_model_tells_targets_from_other_actors():
    model = targets.shipped()
    assert model is not None and set(model.classes) == {targets.TARGET, "other"}


@pytest.mark.slow
def test_an_act_the_rules_give_no_target_gets_the_one_the_model_reads(code_text):
    sentence = "The Kenyan government has agreed to allow Red Cross workers access to the camps." + FILLER
    [event] = code_text(sentence).events
    assert [a.text for a in event.source] == ["Kenyan government"]
    assert [a.text for a in event.target] == ["Red Cross workers"]
    with targets.rules_only():  # no rule reads this target
        [event] = code_text(sentence).events
    assert event.source and not event.target
    assert targets.shipped() is not None  # guessing again


@pytest.mark.slow
def test_a_name_in_apposition_to_the_doer_is_no_candidate(nlp):
    doc = nlp("An IRA leader at the time, Sean MacStiofain, refused to accept responsibility.")
    leader = Actor("IRA leader", doc[1].idx, doc[2].idx + 6, "IRA leader")
    name = Actor("Sean MacStiofain", doc[7].idx, doc[8].idx + 11, "Sean MacStiofain")
    by_token = {t.i: [name] for t in doc if t.ent_type_ == "PERSON"}  # each word names him
    assert len(by_token) == 2
    assert targets.candidates(doc[:], doc[10], _by(leader), lambda t: by_token.get(t.i, [])) == []


@pytest.mark.slow
def test_the_doers_own_phrase_and_a_mediator_are_no_candidates(nlp):
    def named(doc):
        return lambda t: [_actor(t)] if t.ent_type_ in {"GPE", "NORP", "ORG"} and t.dep_ != "compound" else []

    doc = nlp("Doctors from a Canadian charity donated medicine to Haiti.")
    doctors = _actor(doc[0])
    assert [t.text for t, _ in targets.candidates(doc[:], doc[5], _by(doctors), named(doc))] == ["Haiti"]
    doc = nlp("Israel and Hamas reached a ceasefire agreement brokered by Egypt.")
    sides = [_actor(doc[0]), _actor(doc[2])]
    assert targets.candidates(doc[:], doc[3], _by(*sides), named(doc)) == []
    # "by" under the act itself is its doer's word, not another act's: still a candidate
    doc = nlp("The agreement was brokered by Egypt with Qatar.")
    assert [t.text for t, _ in targets.candidates(doc[:], doc[3], _by(), named(doc))] == ["Egypt", "Qatar"]
