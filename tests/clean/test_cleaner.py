"""Cleaning drops repeats with their reasons and never loses the way back to the ingested text."""

from __future__ import annotations

import re

from wirewatch.clean import Cleaner
from wirewatch.ingest import make_article


def clean(text: str, **meta: str):
    return Cleaner()(make_article(text, **meta))


def test_repeated_headline_and_paragraph_are_dropped_once():
    head = "Troops Cross Border in Dawn Raid"
    para = "Soldiers crossed the border at dawn, officials said, and took the village without a fight."
    result = clean(f"{head}\n\n{head}\n{para}\n{para}\n")
    assert [d.reason for d in result.dropped] == ["repeated headline",
                                                   "repeated paragraph (of paragraph 2)"]
    assert result.text.count(para) == 1 and result.text.count(head) == 1


def test_near_verbatim_repeat_is_dropped_with_its_similarity():
    first = ("The ministry said on Monday that 40 trucks carrying food and medicine had reached the "
             "city after weeks of negotiations with local commanders.")
    second = first.replace("with local commanders", "with the local commanders")
    result = clean(f"{first}\n\n{second}")
    [dropped] = result.dropped
    assert dropped.reason.startswith("near-verbatim repeat of paragraph 1 (similarity 0.")


def test_different_paragraphs_are_kept():
    result = clean("Rebels attacked the town.\n\nThe army retook it two days later.")
    assert result.dropped == ()


def test_offsets_map_back_through_unicode_and_whitespace_changes():
    text = "Caf\u00e9  of\ufb01cials   met\u200b here.\nThe talks were wrapped\nover two lines.\n\nEnd."
    result = clean(text)
    assert "officials met here." in result.text
    assert "wrapped\n\nover" not in result.text  # a hard-wrapped line is joined, not a new paragraph
    for match in re.finditer(r"\w+", result.text):
        start, end = result.offsets.original(match.start(), match.end())
        original = text[start:end]
        assert original.replace("\ufb01", "fi").replace("\u200b", "") == match.group()


def test_headline_matching_the_title_counts_as_headline_even_with_punctuation():
    title = "Talks collapse. Again."
    result = clean(f"{title}\n\n{title}\n\nBody text follows here.", title=title)
    assert [d.reason for d in result.dropped] == ["repeated headline"]


def test_similar_paragraphs_with_different_facts_are_both_kept():
    monday = ("On Monday, five people were killed in Kharkiv when a missile hit a residential "
              "building, the regional governor said.")
    wednesday = monday.replace("Monday", "Wednesday").replace("five", "nine")
    digits = monday.replace("five", "5")
    assert clean(f"{monday}\n\n{wednesday}").dropped == ()
    assert clean(f"{digits}\n\n{digits.replace('5', '9')}").dropped == ()
