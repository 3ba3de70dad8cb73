"""Saving articles and reading them back: exact round trips, duplicates, queries."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from wirewatch.errors import NotFoundError, StoreError
from wirewatch.model import Acled, Article, CodedArticle
from wirewatch.store import SaveResult, Store, StoredClaim, StoredEvent

MakeCoded = Callable[[str], CodedArticle]


def test_coded_round_trip_is_exact(store: Store, rich_coded: CodedArticle) -> None:
    assert store.save(rich_coded) == SaveResult("kursk-1", stored=True)
    assert store.coded("kursk-1") == rich_coded


def test_round_trip_survives_reopening(any_db: str, rich_coded: CodedArticle) -> None:
    with Store.open(any_db) as first:
        first.save(rich_coded)
    with Store.open(any_db) as second:
        assert second.coded("kursk-1") == rich_coded
        assert second.article("kursk-1") == rich_coded.article


def test_sentences_come_back_sorted_by_index(store: Store, rich_coded: CodedArticle) -> None:
    shuffled = dataclasses.replace(rich_coded, sentences=rich_coded.sentences[::-1])
    store.save(shuffled)
    assert store.coded("kursk-1").sentences == rich_coded.sentences


def test_uncoded_article_is_stored_with_its_note(store: Store) -> None:
    article = Article(text="Le président a annoncé des mesures.", fingerprint="fr-1", id="fr",
                      language="fr")
    coded = CodedArticle(article=article, coded=False, note="not English (fr)")
    assert store.save(coded).stored
    assert store.coded("fr") == coded
    assert store.coded("fr").note == "not English (fr)"


def test_same_article_twice_is_stored_once(store: Store, rich_coded: CodedArticle) -> None:
    store.save(rich_coded)
    again = store.save(rich_coded)
    assert again == SaveResult("kursk-1", stored=False, duplicate_of="kursk-1")
    assert len(store.articles()) == 1
    assert len(store.events()) == len(rich_coded.events)


def test_same_fingerprint_under_another_id_is_a_duplicate(store: Store,
                                                          rich_coded: CodedArticle) -> None:
    store.save(rich_coded)
    copy = dataclasses.replace(rich_coded, article=dataclasses.replace(rich_coded.article,
                                                                       id="copy"))
    assert store.save(copy) == SaveResult("copy", stored=False, duplicate_of="kursk-1")
    assert [a.id for a in store.articles()] == ["kursk-1"]
    assert store.has_fingerprint(rich_coded.article.fingerprint) == "kursk-1"
    assert store.has_fingerprint("unknown") is None
    # the caller's id is kept as an exact copy of the stored article, once
    assert store.exact_copies() == {"kursk-1": ["copy"]}
    assert store.copies()["copy"] == "kursk-1"


def test_an_exact_copy_keeps_its_id_once_and_its_id_stays_its_own(
        store: Store, rich_coded: CodedArticle, make_coded: MakeCoded) -> None:
    store.save(rich_coded)
    article = rich_coded.article
    reprint = dataclasses.replace(article, id="outlet-2", publisher="Outlet Two")
    assert store.note_copy(reprint) == "kursk-1"
    assert store.note_copy(reprint) == "kursk-1"  # again: nothing new
    derived = dataclasses.replace(article, id=article.fingerprint[:16])
    assert store.note_copy(derived) == "kursk-1"  # no id of the caller's: nothing to keep
    assert store.exact_copies() == {"kursk-1": ["outlet-2"]}
    shown = store.article("outlet-2")  # the original's text under the copy's id and metadata
    assert (shown.id, shown.publisher, shown.text) == ("outlet-2", "Outlet Two", article.text)
    with pytest.raises(StoreError) as caught:  # another text cannot take the copy's id
        store.save(make_coded("outlet-2"))
    assert "already stored under that id" in caught.value.why
    assert store.note_copy(make_coded("new-3").article) is None


def test_same_id_with_other_text_is_refused(store: Store, rich_coded: CodedArticle,
                                            make_coded: MakeCoded) -> None:
    store.save(rich_coded)
    other = make_coded("kursk-1")
    with pytest.raises(StoreError) as caught:
        store.save(other)
    assert "already stored under that id" in caught.value.why
    assert "another id" in caught.value.fix
    assert store.coded("kursk-1") == rich_coded


def test_articles_are_listed_in_the_order_stored(store: Store, make_coded: MakeCoded) -> None:
    for article_id in ["b", "a", "c"]:
        store.save(make_coded(article_id))
    assert [a.id for a in store.articles()] == ["b", "a", "c"]


def test_missing_article_says_what_to_do(store: Store) -> None:
    with pytest.raises(NotFoundError) as caught:
        store.article("nope")
    assert "wirewatch events" in caught.value.fix
    with pytest.raises(NotFoundError):
        store.coded("nope")


def test_events_carry_ids_and_their_article(store: Store, rich_coded: CodedArticle) -> None:
    store.save(rich_coded)
    stored = store.events()
    assert [s.event for s in stored] == list(rich_coded.events)
    assert all(isinstance(s, StoredEvent) and s.article_id == "kursk-1" for s in stored)
    assert store.event(stored[1].id) == stored[1]


def test_missing_event_points_to_the_event_list(store: Store) -> None:
    with pytest.raises(NotFoundError) as caught:
        store.event(42)
    assert "no event 42" in caught.value.what
    assert "`wirewatch events`" in caught.value.fix


def test_acled_and_recipient_round_trip(store: Store, rich_coded: CodedArticle) -> None:
    agree, meet, fight = rich_coded.events
    assert agree.acled and fight.acled and meet.acled is None  # the fixture sets them
    assert [a.name for a in agree.recipient] == ["Kursk Oblast", "Russia"] and not meet.recipient
    store.save(rich_coded)
    stored = store.events()
    assert [s.event.acled for s in stored] == [agree.acled, None, fight.acled]
    assert [s.event.recipient for s in stored] == [agree.recipient, (), ()]
    assert store.event(stored[2].id).event.acled == Acled("Battles", "Armed clash",
                                                          "ARMED_CLASH", 0.71)
    # Four plain columns and actors of role 'recipient', in the order given.
    columns = [tuple(row) for row in store._db.execute(
        "SELECT acled_event_type, acled_sub_event_type, acled_code, acled_confidence"
        " FROM events ORDER BY ord")]
    recipients = [tuple(row) for row in store._db.execute(
        "SELECT name FROM actors WHERE role = 'recipient' ORDER BY event_id, ord")]
    assert columns == [("Strategic developments", "Agreement", "AGREEMENT", 0.64),
                       (None, None, None, None), ("Battles", "Armed clash", "ARMED_CLASH", 0.71)]
    assert recipients == [("Kursk Oblast",), ("Russia",)]


def test_an_event_without_acled_code_reads_back_unclassified(store: Store,
                                                             rich_coded: CodedArticle) -> None:
    store.save(rich_coded)
    store._db.execute("UPDATE events SET acled_code = NULL WHERE event_type = 'FIGHT'")
    assert [s.event.acled for s in store.events(event_type="FIGHT")] == [None]


@pytest.mark.parametrize(("filters", "types"), [
    ({"event_type": "CONSULT"}, ["CONSULT"]),
    ({"factuality": "planned"}, ["AGREE"]),
    ({"country": "UKR"}, ["FIGHT"]),           # through an actor
    ({"country": "prk"}, ["AGREE", "CONSULT", "FIGHT"]),
    ({"country": "RUS", "event_type": "FIGHT"}, ["FIGHT"]),  # through the place only
    ({"country": "FRA"}, []),
    ({"limit": 2}, ["AGREE", "CONSULT"]),
    ({"limit": 0}, []),
    ({"acled": "battles"}, ["FIGHT"]),               # the ACLED event type
    ({"acled": "ARMED CLASH"}, ["FIGHT"]),           # or its sub-event type, any case
    ({"acled": "Strategic Developments"}, ["AGREE"]),
    ({"acled": "agreement", "factuality": "planned"}, ["AGREE"]),
    ({"acled": "agreement", "event_type": "FIGHT"}, []),
    ({"acled": "armed"}, []),                        # whole names only
    ({"acled": "ARMED_CLASH"}, []),                  # not the CASE code
])
def test_events_filter(store: Store, rich_coded: CodedArticle, filters: dict[str, object],
                       types: list[str]) -> None:
    store.save(rich_coded)
    assert [s.event.event_type for s in store.events(**filters)] == types  # type: ignore[arg-type]


def test_events_span_articles(store: Store, make_coded: MakeCoded) -> None:
    for article_id in ["one", "two"]:
        store.save(make_coded(article_id))
    stored = store.events(event_type="AGREE")
    assert [s.article_id for s in stored] == ["one", "two"]
    assert stored[0].id < stored[1].id


def test_claims_round_trip_and_filter(store: Store, rich_coded: CodedArticle) -> None:
    store.save(rich_coded)
    claims = store.claims()
    assert [c.claim for c in claims] == list(rich_coded.claims)
    assert all(isinstance(c, StoredClaim) and c.article_id == "kursk-1" for c in claims)
    assert [c.claim.kind for c in store.claims(kind="violation")] == ["violation"]
    assert [c.claim.kind for c in store.claims(country="PRK")] == ["figure"]
    assert store.claims(limit=1) == claims[:1]
