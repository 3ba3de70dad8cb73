"""The learned parts: weights that load offline, a softmax that reads them, the ACLED guard."""

from __future__ import annotations

import math

import pytest

from wirewatch.extract import acled, confidence
from wirewatch.extract.learned import SoftmaxModel

TOY = SoftmaxModel(("ARMED_CLASH", "ARREST", "DIPLO"), (0.0, 0.0, 0.5),
                   {"w:clash": (2.0, 0.0, 0.0), "w:arrest": (0.0, 2.0, 0.0)})


def test_probabilities_are_a_softmax_over_present_features():
    probabilities = TOY.probabilities(["w:clash", "w:unknown", "w:clash"])
    assert math.isclose(sum(probabilities.values()), 1.0)
    expected = math.exp(2.0) / (math.exp(2.0) + 1 + math.exp(0.5))
    assert math.isclose(probabilities["ARMED_CLASH"], expected)
    assert max(TOY.probabilities([]), key=TOY.probabilities([]).get) == "DIPLO"


def test_weights_must_match_their_classes():
    data = TOY.to_json()
    assert SoftmaxModel.from_json(data) == TOY
    data["weights"]["w:bad"] = [1.0]
    with pytest.raises(ValueError, match="do not match"):
        SoftmaxModel.from_json(data)


def test_acled_class_must_fit_the_plover_type():
    # words say "clash" but a statement is never a battle: the guard picks the best allowed class
    assert acled.classify(["w:clash"], "FIGHT", TOY).code == "ARMED_CLASH"
    statement = acled.classify(["w:clash"], "DISAPPROVE", TOY)
    assert statement.code == "DIPLO" and statement.event_type == "Other"
    assert acled.classify(["w:arrest"], "COERCE", TOY).sub_event_type == "Arrests"


def test_ground_changes_hands_only_where_the_sentence_says_it_was_taken():
    ground = SoftmaxModel(("ARMED_CLASH", "GOV_REGAINS_TERIT"), (0.0, 0.0),
                          {"w:region": (0.0, 2.0)})
    # the model leans to regained territory on "region" alone: a fight is a clash ...
    assert acled.classify(["w:region", "w:fight"], "FIGHT", ground).code == "ARMED_CLASH"
    # ... unless the sentence says ground was taken
    assert acled.classify(["w:region", "w:recapture"], "FIGHT", ground).code == "GOV_REGAINS_TERIT"
    assert acled.classify(["w:region", "taken_by:military"], "FIGHT", ground
                          ).code == "GOV_REGAINS_TERIT"


def test_shipped_weights_load_and_name_only_known_classes():
    model = SoftmaxModel.load("acled")
    assert set(model.classes) == set(acled.CLASSES)
    ranker = SoftmaxModel.load("confidence")
    assert confidence.RIGHT in ranker.classes and len(ranker.classes) == 2
    for feats in ([], ["type:ASSAULT", "source", "target", "dep:ROOT"]):
        assert 0.0 < confidence.score(feats) < 1.0


def test_every_compatible_type_names_real_acled_types():
    known = {event_type for event_type, _ in acled.CLASSES.values()}
    assert all(set(types) <= known for types in acled.COMPATIBLE.values())


@pytest.mark.slow
def test_the_acled_classifier_sees_the_events_around_an_event():
    """A protest beside an arrest reads differently from a protest alone: each event's ACLED
    features name the other events of its sentence and the next ones (``co:``)."""
    from wirewatch.clean import Cleaner
    from wirewatch.extract.extractor import Extractor, article_events
    from wirewatch.ingest import make_article
    from wirewatch.pipeline import CleanStage, NlpStage, Work
    from wirewatch.settings import Settings

    settings = Settings()
    text = "Students protested in Dhaka on Monday. Police arrested 20 students on Monday."
    [work] = NlpStage(settings.model, 4).run(
        CleanStage(Cleaner.from_settings(settings), settings.languages).run([Work(make_article(text))]))
    assert work.clean is not None and work.doc is not None
    _, readers = Extractor.load().read(work.clean, work.doc)
    [[protest], [arrest]] = article_events(readers)
    assert (protest.event.event_type, arrest.event.event_type) == ("PROTEST", "COERCE")
    assert "co:COERCE" in protest.words and "co:PROTEST" in arrest.words
    assert not any(w.startswith("co:") for w in acled.event_features(protest.event, [protest.event]))


def test_a_fight_is_never_an_agreement_whatever_the_words_around_it():
    agreement = SoftmaxModel(("AGREEMENT", "ARMED_CLASH"), (0.0, 0.0), {"co:AGREE": (5.0, 0.0)})
    assert acled.classify(["co:AGREE"], "FIGHT", agreement).code == "ARMED_CLASH"
    assert acled.classify(["co:AGREE"], "AGREE", agreement).code == "AGREEMENT"
