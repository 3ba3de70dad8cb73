"""The learned trigger model: verbs the lexicon does not list, read between two actors."""

from __future__ import annotations

import pytest

from wirewatch.extract import triggers
from wirewatch.extract.learned import SoftmaxModel
from wirewatch.extract.lexicon import Lexicon

FILLER = " The report was published in English."


def test_classify_needs_a_type_other_than_none_and_enough_probability():
    model = SoftmaxModel(("CONCEDE", "NONE", "REJECT"), (0.0, 0.0, 0.0),
                         {"l=return": (3.0, 0.0, 0.0), "l=say": (0.0, 3.0, 0.0),
                          "l=snub": (0.1, 0.0, 0.1)})
    typed = triggers.classify(["l=return", "d=ROOT"], model)
    assert typed is not None and typed[0] == "CONCEDE" and typed[1] > triggers.THRESHOLD
    assert triggers.classify(["l=say"], model) is None  # the model says: no act
    assert triggers.classify(["l=snub"], model) is None  # an act, but of no type it is sure of


def test_the_shipped_model_names_plover_types_and_none():
    model = SoftmaxModel.load(triggers.MODEL)
    assert triggers.NONE in model.classes
    assert set(model.classes) - {triggers.NONE} <= {
        "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "DEMAND",
        "DISAPPROVE", "MOBILIZE", "PROTEST", "REJECT", "SANCTION", "SUPPORT", "THREATEN"}


@pytest.mark.slow
def test_features_read_the_verbs_object_prepositions_and_clause():
    import spacy

    from wirewatch.settings import Settings

    nlp = spacy.load(Settings().model)
    doc = nlp("The United States returned an ancient sculpture to the Algerian ambassador.")
    [verb] = [t for t in doc if t.lemma_ == "return"]
    feats = triggers.features(verb, Lexicon.load())
    assert {"l=return", "o=sculpture", "lo=return|sculpture", "p=to", "lp=return|to",
            "po=to|ambassador", "w=ancient"} <= set(feats)
    assert triggers.candidate(verb) and not triggers.candidate(doc[1])  # "United" is no verb


@pytest.mark.slow
def test_a_verb_the_lexicon_lacks_is_coded_between_its_doer_and_the_one_it_is_done_to(code_text):
    assert Lexicon.load().match("return", set()) is None  # not a rule: the model reads it
    [event] = code_text("The United States returned an ancient sculpture to Algerian Ambassador "
                        "Amine Kherbi." + FILLER).events
    # the model learned PLV's YIELD; giving back is what PLOVER 2021 calls RETREAT (release)
    assert (event.event_type, event.mode) == ("RETREAT", "release")
    assert [a.country for a in event.source] == ["USA"]
    assert [a.text for a in event.target] == ["Algerian Ambassador Amine Kherbi"]
    assert event.evidence and event.trigger.text == "returned"


@pytest.mark.slow
@pytest.mark.parametrize("sentence", [
    "The minister said the weather was fine in Paris.",  # no act
    "The United States returned to the talks.",  # nobody it is done to
    "Officials returned home after the summit in Geneva.",
])
def test_a_verb_is_no_event_without_a_doer_someone_acted_on_and_a_sure_type(code_text, sentence):
    assert code_text(sentence + FILLER).events == ()
