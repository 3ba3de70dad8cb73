"""Writing one ``CodedArticle`` into the normalised tables.

These functions run inside the caller's transaction and never commit: the store
wraps a whole article in one, so a failure leaves nothing of it behind.
Every tuple is written with its position (``ord``) so it reads back in the same order,
and every row's id is counted by the writer (``Db.next_id``), never by a sequence.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from wirewatch.model import (
    Actor,
    Article,
    Claim,
    CodedArticle,
    Discrepancy,
    Dropped,
    EventMention,
    Evidence,
    Place,
    Quantity,
    Sentence,
)
from wirewatch.store.connect import Db

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Owner:
    """Whose actors, places, quantities or evidence a row holds."""

    article_id: str
    event_id: int | None = None
    claim_id: int | None = None

    @property
    def key(self) -> tuple[str, int | None, int | None]:
        return (self.article_id, self.event_id, self.claim_id)


def insert_coded(db: Db, coded: CodedArticle) -> None:
    """Insert every row of one article (the caller holds the transaction)."""
    article_id = coded.article.id
    insert_article(db, coded.article, coded.coded, coded.note)
    insert_dropped(db, article_id, coded.dropped)
    insert_sentences(db, article_id, coded.sentences)
    for ord_, event in enumerate(coded.events):
        insert_event(db, article_id, ord_, event)
    for ord_, claim in enumerate(coded.claims):
        insert_claim(db, article_id, ord_, claim)
    insert_places(db, Owner(article_id), coded.places)
    for ord_, discrepancy in enumerate(coded.discrepancies):
        insert_discrepancy(db, article_id, ord_, discrepancy)


def insert_discrepancy(db: Db, article_id: str, ord_: int,
                       discrepancy: Discrepancy) -> None:
    d = discrepancy
    owner = db.next_id("discrepancies")
    db.execute(
        "INSERT INTO discrepancies (id, article_id, ord, kind, subject, kb_id, on_date, note)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (owner, article_id, ord_, d.kind, d.subject, d.kb_id, d.on, d.note))
    db.executemany(
        "INSERT INTO discrepancy_values (discrepancy_id, ord, value, stated_by, quoted_article_id,"
        " char_start, char_end, quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(owner, i, v.value, v.by, *((e.article_id, e.start, e.end, e.quote) if (e := v.evidence)
                                     else (None, None, None, None)))
         for i, v in enumerate(d.values)])


def insert_article(db: Db, article: Article, coded: bool,
                   note: str | None) -> None:
    db.execute(  # rowid: SQLite's own, a column of its name in PostgreSQL
        "INSERT INTO articles (rowid, id, fingerprint, text, title, url, published, publisher,"
        " language, origin, coded, note, stored_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (db.next_id("articles", "rowid"), article.id, article.fingerprint, article.text, article.title, article.url,
         article.published, article.publisher, article.language, article.origin, int(coded),
         note, datetime.now(UTC).isoformat(timespec="seconds")),
    )


def insert_dropped(db: Db, article_id: str,
                   dropped: Sequence[Dropped]) -> None:
    db.executemany(
        "INSERT INTO dropped (article_id, ord, char_start, char_end, reason, text)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(article_id, i, d.start, d.end, d.reason, d.text) for i, d in enumerate(dropped)],
    )


def insert_sentences(db: Db, article_id: str,
                     sentences: Sequence[Sentence]) -> None:
    _insert_numbered(db, "sentences", "article_id, sentence_index, char_start, char_end, text",
                     [(article_id, s.index, s.start, s.end, s.text) for s in sentences])


def insert_event(db: Db, article_id: str, ord_: int,
                 event: EventMention) -> int:
    """Insert one event and its parts; returns its id."""
    time, purpose, acled = event.time, event.purpose, event.acled
    event_id = db.next_id("events")
    db.execute(
        "INSERT INTO events (id, article_id, ord, event_type, factuality, mode, intended,"
        " confidence, trigger_text, trigger_start, trigger_end, time_text, time_start,"
        " time_end, purpose_text, purpose_start, purpose_end, context, acled_event_type,"
        " acled_sub_event_type, acled_code, acled_confidence, time_value, time_precision)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, article_id, ord_, event.event_type, event.factuality, event.mode, event.intended,
         event.confidence, event.trigger.text, event.trigger.start, event.trigger.end,
         time.text if time else None, time.start if time else None,
         time.end if time else None, purpose.text if purpose else None,
         purpose.start if purpose else None, purpose.end if purpose else None,
         json.dumps(list(event.context), ensure_ascii=False),
         acled.event_type if acled else None, acled.sub_event_type if acled else None,
         acled.code if acled else None, acled.confidence if acled else None,
         time.value if time else None, time.precision if time else None),
    )
    owner = Owner(article_id, event_id=event_id)
    insert_actors(db, owner, "source", event.source)
    insert_actors(db, owner, "target", event.target)
    insert_actors(db, owner, "recipient", event.recipient)
    insert_actors(db, owner, "claimant", _optional(event.claimant))
    insert_places(db, owner, _optional(event.place))
    insert_quantities(db, owner, event.quantities)
    insert_evidence(db, owner, event.evidence)
    return event_id


def insert_claim(db: Db, article_id: str, ord_: int, claim: Claim) -> int:
    """Insert one claim and its parts; returns its id."""
    claim_id = db.next_id("claims")
    db.execute(
        "INSERT INTO claims (id, article_id, ord, kind, text, char_start, char_end)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (claim_id, article_id, ord_, claim.kind, claim.text, claim.start, claim.end),
    )
    owner = Owner(article_id, claim_id=claim_id)
    insert_actors(db, owner, "claimant", _optional(claim.claimant))
    insert_actors(db, owner, "about", claim.about)
    insert_places(db, owner, claim.places)
    insert_quantities(db, owner, claim.quantities)
    insert_evidence(db, owner, claim.evidence)
    return claim_id


def insert_actors(db: Db, owner: Owner, role: str,
                  actors: Sequence[Actor]) -> None:
    _insert_numbered(
        db, "actors", "article_id, event_id, claim_id, role, ord, text, char_start, char_end,"
        " name, kb_id, country, sector",
        [(*owner.key, role, i, a.text, a.start, a.end, a.name, a.kb_id, a.country, a.sector)
         for i, a in enumerate(actors)])


def insert_places(db: Db, owner: Owner, places: Sequence[Place]) -> None:
    _insert_numbered(
        db, "places", "article_id, event_id, claim_id, ord, text, char_start, char_end, name,"
        " country, admin1, lat, lon, precision, geo_id, used_as",
        [(*owner.key, i, p.text, p.start, p.end, p.name, p.country, p.admin1, p.lat, p.lon,
          p.precision, p.geo_id, p.use) for i, p in enumerate(places)])


def insert_quantities(db: Db, owner: Owner,
                      quantities: Sequence[Quantity]) -> None:
    _insert_numbered(
        db, "quantities", "article_id, event_id, claim_id, ord, text, char_start, char_end,"
        " value, low, high, approximate, counted",
        [(*owner.key, i, q.text, q.start, q.end, q.value, q.low, q.high, int(q.approximate),
          q.counted) for i, q in enumerate(quantities)])


def insert_evidence(db: Db, owner: Owner,
                    evidence: Sequence[Evidence]) -> None:
    _insert_numbered(
        db, "evidence", "article_id, event_id, claim_id, ord, quoted_article_id, char_start,"
        " char_end, quote",
        [(*owner.key, i, e.article_id, e.start, e.end, e.quote) for i, e in enumerate(evidence)])


def _insert_numbered(db: Db, table: str, columns: str, rows: list[tuple[object, ...]]) -> None:
    """Insert rows with ids the writer counts (``Db.next_id``), as events' are: a save that
    failed leaves no gap in any table, on either database."""
    if not rows:
        return
    marks = ", ".join("?" * (len(rows[0]) + 1))
    db.executemany(f"INSERT INTO {table} (id, {columns}) VALUES ({marks})",
                   [(db.next_id(table), *row) for row in rows])


def _optional(item: T | None) -> tuple[T, ...]:
    return () if item is None else (item,)


__all__ = ["Owner", "insert_coded"]
