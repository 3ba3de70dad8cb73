"""Full-text search over stored sentences, including input that is FTS5 syntax."""

from __future__ import annotations

import pytest

from wirewatch.ingest import make_article
from wirewatch.model import CodedArticle, Sentence
from wirewatch.store import SearchHit, Store
from wirewatch.store.search import fts_query


@pytest.fixture
def filled(store: Store, rich_coded: CodedArticle) -> Store:
    store.save(rich_coded)
    return store


def test_search_finds_a_word_with_its_sentence(filled: Store, rich_coded: CodedArticle) -> None:
    hits = filled.search("engineers")
    sentence = rich_coded.sentences[0]
    assert hits == [SearchHit("kursk-1", 0, sentence.start, sentence.end, sentence.text,
                              hits[0].snippet)]
    assert "[engineers]" in hits[0].snippet
    assert rich_coded.article.text[hits[0].start:hits[0].end] == sentence.text


def test_search_needs_every_word(filled: Store) -> None:
    assert [h.sentence_index for h in filled.search("Kursk troops")] == [2]
    assert filled.search("Kursk giraffes") == []


def test_search_folds_case_and_accents(filled: Store) -> None:
    assert [h.sentence_index for h in filled.search("FACADE")] == [3]
    assert [h.sentence_index for h in filled.search("шойгу")] == [1]


def test_search_treats_punctuation_as_in_the_text(filled: Store) -> None:
    assert [h.sentence_index for h in filled.search("Jong-un")] == [0]
    assert [h.sentence_index for h in filled.search('"15,000"')] == [3]


def test_search_limit(filled: Store) -> None:
    assert len(filled.search("Kursk")) == 2
    assert len(filled.search("Kursk", limit=1)) == 1
    assert filled.search("Kursk", limit=0) == []


@pytest.mark.parametrize("hostile", [
    '"', '""', "'", "AND OR", "AND", "NOT", "*", "kurs*", "-", "-Kursk", "NEAR(Kim Shoigu)",
    "text:Kim", "^Kim", "(", ")", "{text}", "Kim +", "a\"b", "\\", "%", "_", ";--", "\x00",
    "", "   ", "\u0301",
])
def test_hostile_queries_never_raise(filled: Store, hostile: str) -> None:
    hits = filled.search(hostile)
    assert all(isinstance(hit, SearchHit) for hit in hits)


def test_operators_are_searched_as_words(filled: Store) -> None:
    assert filled.search("Kim AND giraffes") == []
    assert filled.search("-Kursk") != []


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('Kim "Jong-un" OR *') == '"Kim" """Jong-un""" "OR"'
    assert fts_query("* - ()") is None


def test_control_characters_do_not_break_the_query(filled: Store) -> None:
    assert fts_query("0\x00") == '"0"'
    assert filled.search("Kursk\x00\x01") == filled.search("Kursk")


PUNCTUATED = "Write to kim@example.org about the 3.5 tonnes sold at Café2 in the U.S. on Monday."


@pytest.mark.parametrize(("query", "found"), [
    ("example", True), ("kim", True), ("org", True), ("3", True), ("5", True),
    ("cafe2", True), ("U.S.", True), ("us", False), ("tonne", False), ("3.5 tonnes", True),
])
def test_words_split_at_punctuation_on_both_databases(store: Store, query: str,
                                                       found: bool) -> None:
    article = make_article(PUNCTUATED, id="punct")
    store.save(CodedArticle(article, sentences=(Sentence(0, 0, len(PUNCTUATED), PUNCTUATED),)))
    assert bool(store.search(query)) is found
    assert store.search_count(query) == int(found)
