"""Title discrepancies: a post in the text that the knowledge base contradicts on the article's date."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def discrepancies(code_text, sentence: str, published: str = "2024-10-08"):
    return code_text(sentence, published=published).discrepancies


@pytest.mark.parametrize("sentence", [
    "Defence Minister Sergei Shoigu visited Pyongyang on Monday.",
    "Sergei Shoigu, Russia's defense minister, visited Pyongyang on Monday.",
])
def test_an_outdated_post_is_a_discrepancy(code_text, sentence):
    [found] = discrepancies(code_text, sentence)
    assert found.kb_id == "sergei-shoigu" and found.on == "2024-10-08"
    stated, known = found.values
    assert "efen" in stated.value and stated.evidence is not None
    assert stated.evidence.quote.startswith(sentence[:20])
    assert known.value.startswith("Secretary of the Security Council")
    assert "held until 2024-05-12" in found.note


@pytest.mark.parametrize("sentence, published", [
    ("Defence Minister Sergei Shoigu visited Pyongyang on Monday.", "2023-03-01"),  # then right
    ("Russian Foreign Minister Sergei Lavrov met his Chinese counterpart.", "2024-10-08"),
    ("Russian leader Vladimir Putin met Chinese President Xi Jinping.", "2024-10-08"),  # generic
    ("Former defence minister Sergei Shoigu visited Pyongyang.", "2024-10-08"),  # a past post
    ("Defense Minister Andrei Belousov visited Pyongyang.", "2024-10-08"),  # US spelling
])
def test_fitting_generic_or_past_titles_are_not(code_text, sentence, published):
    assert discrepancies(code_text, sentence, published) == ()


def test_people_outside_the_knowledge_base_are_not_judged(code_text):
    assert discrepancies(code_text, "Defence Minister Ivan Petrovsky visited Minsk.") == ()


def test_an_undated_article_is_not_judged_by_todays_posts_alone(code_text):
    """Undated, "Defence Minister Shoigu" may be from before May 2024: a post once held fits;
    "Defense Council Secretary" fits none he ever held."""
    undated = code_text("Defence Minister Sergei Shoigu visited Pyongyang.").discrepancies
    assert undated == ()
    assert len(code_text("Defense Council Secretary Sergei Shoigu visited Pyongyang.").discrepancies) == 1


def test_generic_words_in_a_title_are_not_compared(code_text):
    assert discrepancies(code_text, "The newly re-elected President Vladimir Putin spoke.") == ()


@pytest.mark.parametrize(("sentence", "published"), [
    # no Russian sports ministry in the knowledge base: a gap, not the article's mistake
    ("Russian Sports Minister Sergei Shoigu opened the games.", "2024-10-08"),
    # a rank the knowledge base does not record is another post, not a wrong one
    ("Russian Vice Foreign Minister Sergei Lavrov arrived in Delhi.", "2024-10-08"),
    # the Factbook's bare "Head Of Government of United Kingdom" says nothing against the text
    ("Prime Minister Tony Blair flew to Washington.", "2005-06-01"),
])
def test_a_post_the_knowledge_base_does_not_cover_is_no_discrepancy(code_text, sentence, published):
    assert discrepancies(code_text, sentence, published) == ()
