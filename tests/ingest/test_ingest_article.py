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
])
def test_published_is_normalised_to_iso_8601(given: str, stored: str) -> None:
    assert make_article("Text.", published=given).published == stored


@pytest.mark.parametrize("given", ["yesterday", "August 2024", "2024-13-01", "2024"])
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
