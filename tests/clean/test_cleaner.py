"""Cleaning drops repeats with their reasons and never loses the way back to the ingested text."""

from __future__ import annotations

import re

import pytest

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


def test_a_long_paragraph_is_split_at_sentence_ends_with_offsets_intact():
    sentences = [f"Officials in town number {n} said the road was closed on Monday. " for n in range(200)]
    text = "".join(sentences).strip()
    result = Cleaner(max_paragraph=1000)(make_article(text))
    paragraphs = result.text.split("\n\n")
    assert len(paragraphs) > 1 and all(len(p) <= 1000 for p in paragraphs)
    assert all(p.endswith("Monday.") for p in paragraphs)  # cut between sentences, not inside
    assert result.dropped == ()
    for match in re.finditer(r"\w+", result.text):
        start, end = result.offsets.original(match.start(), match.end())
        assert text[start:end] == match.group()


def test_a_sentence_longer_than_the_bound_is_cut_at_a_space_or_at_the_bound():
    words = " ".join(f"word{n}" for n in range(400))  # one sentence, no full stop
    result = Cleaner(max_paragraph=500)(make_article(words))
    assert all(len(p) <= 500 for p in result.text.split("\n\n"))
    assert result.text.replace("\n\n", " ").split() == words.split()  # no word cut in two
    edge = "a" * 500 + " " + "b" * 600  # the only space just past the bound
    assert max(map(len, Cleaner(max_paragraph=500)(make_article(edge)).text.split("\n\n"))) == 500
    solid = "".join(chr(97 + n % 26) for n in range(1700))  # no space at all
    pieces = Cleaner(max_paragraph=500)(make_article(solid)).text.split("\n\n")
    assert [len(p) for p in pieces] == [500, 500, 500, 200]


def test_a_page_of_thousands_of_repeated_lines_keeps_one_of_each():
    lines = [f"Markets in city {n % 50} closed higher on Friday after a quiet week of trading."
             for n in range(2000)]
    result = clean("\n\n".join(lines))
    assert len(result.text.split("\n\n")) == 50
    assert len(result.dropped) == 1950


def test_page_furniture_is_dropped_with_its_reason_and_the_prose_kept():
    text = ("By Jane Doe, BBC News\n"
            "Skip Ad x Embed x Share Rebels attacked a convoy near Goma on Monday. (Photo: Jane "
            "Doe/Reuters) Officials said three soldiers died. Click to share on Twitter (Opens "
            "in new window)\n"
            "Media playback is unsupported on your device\n"
            "Read more: Why the convoy was there\n"
            "Advertisement\n"
            "Image copyright AFP Image caption Soldiers guard the road near Goma Troops were "
            "sent to the area on Tuesday.")
    result = clean(text)
    reasons = [d.reason for d in result.dropped]
    assert reasons == ["page furniture: byline", "page furniture: advert",
                       "page furniture: advert", "page furniture: photo credit",
                       "page furniture: share prompt", "page furniture: media player",
                       "page furniture: link to another story", "page furniture: advert",
                       "page furniture: photo credit", "page furniture: image caption"]
    assert result.text.split("\n\n") == [
        "Rebels attacked a convoy near Goma on Monday.", "Officials said three soldiers died.",
        "Troops were sent to the area on Tuesday."]
    for drop in result.dropped:
        assert text[drop.start:drop.end] == drop.text
    for match in re.finditer(r"\w+", result.text):
        start, end = result.offsets.original(match.start(), match.end())
        assert text[start:end] == match.group()


@pytest.mark.parametrize("prose", [
    "By Sunday, Russian troops had taken the town.",
    "The talks collapsed, according to Reuters.",
    "Watch out for floods, the agency warned.",
    "Subscriptions to the state newspaper fell sharply last year, officials said.",
    "NATO said on Monday that it would send more troops.",
    "The US - and its allies - agreed to the plan.",
    "In Kabul, Taliban - the new rulers - banned music.",
])
def test_prose_that_looks_like_furniture_is_kept(prose):
    assert clean(prose).text == prose


def test_a_credit_takes_no_word_of_the_sentence_after_it_and_a_link_line_goes_whole():
    result = clean("Image copyright Reuters Russian troops shelled Kharkiv on Monday.\n"
                   "Read more: Israeli jets strike Hamas targets in Gaza as rockets hit Tel "
                   "Aviv overnight\n"
                   "By Friday, Rebels Held Kunduz")
    assert result.text.split("\n\n") == ["Russian troops shelled Kharkiv on Monday.",
                                         "By Friday, Rebels Held Kunduz"]
    assert [d.reason for d in result.dropped] == ["page furniture: photo credit",
                                                  "page furniture: link to another story"]


def test_a_wiki_pages_closing_lists_are_not_the_story():
    result = clean("The bombing killed 23 people.\n\n==See also== * 2007 Bagram Airfield bombing "
                   "* 2014 Bagram Airfield bombing ==References== * BBC")
    assert result.text == "The bombing killed 23 people."
    assert [d.reason for d in result.dropped] == ["page furniture: wiki list of other pages"]


def test_a_scraped_newsletter_box_is_not_the_story():
    result = clean("Get politics updates directly to your inbox + Subscribe Thank you for subscribing! "
                   "Could not subscribe, try again later Invalid Email Obama and Trump met on Thursday.")
    assert result.text == "Obama and Trump met on Thursday."
    assert {d.reason for d in result.dropped} == {"page furniture: sign-up prompt"}


def test_everything_after_a_wiki_closing_heading_goes_whatever_its_lines():
    result = clean("The bombing killed 23 people.\n\n== See also ==\n* 2007 Bagram bombing, 20 were "
                   "killed\n\n* 2014 bombing")
    assert result.text == "The bombing killed 23 people."
    assert {d.reason for d in result.dropped} == {"page furniture: wiki list of other pages"}
