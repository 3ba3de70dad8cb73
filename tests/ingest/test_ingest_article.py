"""make_article: fingerprint, id, publication date and language."""

from __future__ import annotations

import pytest

from wirewatch.errors import EmptyInputError, MalformedRecordError
from wirewatch.ingest import detect_language, fingerprint, make_article


def test_fingerprint_ignores_whitespace_case_and_compatibility_forms() -> None:
    base = fingerprint("Kim Jong-un agreed to send 5,000 workers.")
    assert fingerprint("  kim   JONG-UN agreed\nto send\t5,000 workers.\n") == base
    assert fingerprint("Kim\u00a0Jong-un agreed to send ５,０００ workers.") == base


def test_different_texts_have_different_fingerprints() -> None:
    assert fingerprint("Troops crossed the border.") != fingerprint("Troops left the border.")
    assert fingerprint("5,000 workers") != fingerprint("5.000 workers")


def test_article_keeps_text_exactly_and_derives_id() -> None:
    text = "  Troops crossed the border.\n"
    article = make_article(text)
    assert article.text == text
    assert article.fingerprint == fingerprint(text)
    assert article.id == article.fingerprint[:16]


def test_callers_id_and_metadata_are_kept() -> None:
    article = make_article("Troops crossed the border.", id="wire-42", title=" Border ",
                           url="https://example.com/x", publisher="Wire", origin="api")
    assert (article.id, article.title, article.url, article.publisher, article.origin) == (
        "wire-42", "Border", "https://example.com/x", "Wire", "api")


def test_blank_id_and_fields_count_as_missing() -> None:
    article = make_article("Troops crossed the border.", id=" ", title="", published="")
    assert article.id == article.fingerprint[:16]
    assert (article.title, article.published) == (None, None)


@pytest.mark.parametrize(("given", "stored"), [
    ("2024-08-01", "2024-08-01"),
    ("20240801", "2024-08-01"),
    ("2024-08-01T09:30:00Z", "2024-08-01T09:30:00+00:00"),
    ("Thu, 01 Aug 2024 09:30:00 GMT", "2024-08-01T09:30:00+00:00"),
    ("1 August 2024", "2024-08-01"),
    ("2024-08-01 09:30", "2024-08-01T09:30:00"),
    # the forms news sites print
    ("14 November 2016 GMT", "2016-11-14"),
    ("Monday 14 November 2016 10.32 GMT", "2016-11-14T10:32:00+00:00"),
    ("Updated 10.32 GMT, Monday 14 November 2016", "2016-11-14T10:32:00+00:00"),
    ("Dec. 4, 2016 5:02 p.m. ET", "2016-12-04T17:02:00-05:00"),
    ("July 4, 2016 5:02 p.m. ET", "2016-07-04T17:02:00-04:00"),  # daylight saving
    ("Updated 4:30 AM ET, Sun December 4, 2016", "2016-12-04T04:30:00-05:00"),
    ("Mon, 14 Nov 2016 10:32:00 +0000", "2016-11-14T10:32:00+00:00"),  # RFC 2822
    ("14 Nov 2016 10:32 BST", "2016-11-14T10:32:00+01:00"),
    ("2016-11-14T10:32:00.000+05:30", "2016-11-14T10:32:00+05:30"),
    ("14/11/2016", "2016-11-14"),  # a day over 12 reads one way only
    ("11/14/2016", "2016-11-14"),
    ("14.11.2016", "2016-11-14"),
    ("03/03/2005", "2005-03-03"),
    ("1479081600", "2016-11-14T00:00:00+00:00"),  # Unix time
])
def test_published_is_normalised_to_iso_8601(given: str, stored: str) -> None:
    assert make_article("Text.", published=given).published == stored


@pytest.mark.parametrize(("order", "stored"), [("dmy", "2005-04-03"), ("mdy", "2005-03-04")])
def test_a_numeric_date_that_reads_two_ways_needs_its_order(order: str, stored: str) -> None:
    with pytest.raises(MalformedRecordError, match="could be 3 April .* or 4 March"):
        make_article("Text.", published="03/04/2005")
    assert make_article("Text.", published="03/04/2005", date_order=order).published == stored


def test_an_unreadable_date_costs_no_article_where_the_caller_listens() -> None:
    told: list[str] = []
    article = make_article("Text.", published="03/04/2005", origin="wire.jsonl:3",
                           warn=told.append)
    assert article.published is None and article.text == "Text."
    assert told == [("wire.jsonl:3: publication date '03/04/2005' left empty: '03/04/2005' could "
                     "be 3 April (day first) or 4 March (month first); to keep it, give "
                     "--date-order dmy or mdy")]


@pytest.mark.parametrize("given", ["yesterday", "August 2024", "2024-13-01", "2024", "12345",
                                   "0001-01-01"])
def test_unreadable_or_partial_dates_are_refused(given: str) -> None:
    with pytest.raises(MalformedRecordError) as caught:
        make_article("Text.", published=given, origin="wire.jsonl:3")
    assert caught.value.message.startswith("wire.jsonl:3 has an unreadable publication date")


def test_blank_text_is_refused() -> None:
    with pytest.raises(EmptyInputError, match="api has no text"):
        make_article(" \n\t", origin="api")


def test_english_french_and_german_are_told_apart(
    english_text: str, french_text: str, german_text: str
) -> None:
    assert make_article(english_text).language == "en"
    assert make_article(french_text).language == "fr"
    assert make_article(german_text).language == "de"


def test_language_detection_is_deterministic(french_text: str) -> None:
    assert {detect_language(french_text) for _ in range(5)} == {"fr"}


def test_very_short_text_has_no_language() -> None:
    assert detect_language("Breaking news.") is None
    assert detect_language("12 345 678") is None


@pytest.mark.parametrize("given", ["None", "null", "N/A", " - "])
def test_placeholders_for_a_missing_date_are_no_date(given: str) -> None:
    told: list[str] = []
    assert make_article("Text.", published=given, warn=told.append).published is None
    assert told == []


@pytest.mark.parametrize("given", ["2016-11-03T10:00:00 GMT", "2016-11-03 10:00 ET",
                                   "Updated 2016-11-03", "2016/11/03"])
def test_a_date_order_never_turns_a_year_first_date(given: str) -> None:
    assert make_article("Text.", published=given, date_order="dmy").published[:10] == "2016-11-03"


def test_unix_time_is_held_to_the_years_of_publication_too() -> None:
    told: list[str] = []
    assert make_article("Text.", published="9999999999", warn=told.append).published is None
    assert "2286" in told[0]
