"""Rebuilding model records from the normalised tables.

Parts (actors, places, quantities, evidence) are fetched for many events or
claims at once, in chunks, rather than one query per record.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence

from wirewatch.model import (
    Acled,
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
    Span,
    Stated,
    TimeExpr,
)
from wirewatch.store.connect import Db, Row
from wirewatch.store.records import StoredClaim, StoredDiscrepancy, StoredEvent

Rows = list[Row]
Parts = dict[str, dict[int, Rows]]
"""table name → owner (event or claim) id → that owner's rows, in saved order."""

PART_TABLES = ("actors", "places", "quantities", "evidence")
_CHUNK = 500  # well below SQLite's limit on bound parameters


def article_row(db: Db, article_id: str) -> Row | None:
    return db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()


def article_from_row(row: Row) -> Article:
    return Article(text=row["text"], fingerprint=row["fingerprint"], id=row["id"],
                   title=row["title"], url=row["url"], published=row["published"],
                   publisher=row["publisher"], language=row["language"], origin=row["origin"])


def load_coded(db: Db, row: Row) -> CodedArticle:
    """Everything stored for the article in ``row``, in the order it was saved."""
    article_id = row["id"]
    dropped = db.execute("SELECT * FROM dropped WHERE article_id = ? ORDER BY ord",
                           (article_id,)).fetchall()
    sentences = db.execute(
        "SELECT * FROM sentences WHERE article_id = ? ORDER BY sentence_index",
        (article_id,)).fetchall()
    places = db.execute(
        "SELECT * FROM places WHERE article_id = ? AND event_id IS NULL AND claim_id IS NULL"
        " ORDER BY ord", (article_id,)).fetchall()
    where = ("article_id = ?", [article_id])
    return CodedArticle(
        article=article_from_row(row),
        dropped=tuple(_dropped(d) for d in dropped),
        sentences=tuple(_sentence(s) for s in sentences),
        events=tuple(s.event for s in load_events(db, *where, order="ord")),
        claims=tuple(s.claim for s in load_claims(db, *where, order="ord")),
        places=tuple(_place(p) for p in places),
        coded=bool(row["coded"]),
        note=row["note"],
        discrepancies=tuple(s.discrepancy for s in load_discrepancies(db, *where, order="ord")),
    )


def load_discrepancies(db: Db, where: str, params: Sequence[object],
                       limit: int | None = None, order: str = "id") -> list[StoredDiscrepancy]:
    """Discrepancies matching ``where`` (SQL over ``discrepancies``, from trusted code only)."""
    rows = _select(db, "discrepancies", where, params, limit, order)
    values: dict[int, Rows] = defaultdict(list)
    ids = [row["id"] for row in rows]
    for k in range(0, len(ids), _CHUNK):
        chunk = ids[k:k + _CHUNK]
        for value in db.execute(
                f"SELECT * FROM discrepancy_values WHERE discrepancy_id IN ({','.join('?' * len(chunk))})"
                " ORDER BY discrepancy_id, ord", chunk):
            values[value["discrepancy_id"]].append(value)
    return [StoredDiscrepancy(row["id"], row["article_id"], Discrepancy(
        row["kind"], row["subject"], row["kb_id"], row["on_date"],
        tuple(_stated(v) for v in values[row["id"]]), row["note"])) for row in rows]


def _stated(row: Row) -> Stated:
    evidence = None if row["quote"] is None else Evidence(
        row["quoted_article_id"], row["char_start"], row["char_end"], row["quote"])
    return Stated(row["value"], row["stated_by"], evidence)


def load_events(db: Db, where: str, params: Sequence[object],
                limit: int | None = None, order: str = "id") -> list[StoredEvent]:
    """Events matching ``where`` (SQL over ``events``, from trusted code only)."""
    rows = _select(db, "events", where, params, limit, order)
    parts = load_parts(db, "event_id", [row["id"] for row in rows])
    return [StoredEvent(row["id"], row["article_id"], _event(row, parts)) for row in rows]


def load_claims(db: Db, where: str, params: Sequence[object],
                limit: int | None = None, order: str = "id") -> list[StoredClaim]:
    """Claims matching ``where`` (SQL over ``claims``, from trusted code only)."""
    rows = _select(db, "claims", where, params, limit, order)
    parts = load_parts(db, "claim_id", [row["id"] for row in rows])
    return [StoredClaim(row["id"], row["article_id"], _claim(row, parts)) for row in rows]


def load_parts(db: Db, owner: str, ids: Sequence[int]) -> Parts:
    """The parts of the events (``owner="event_id"``) or claims (``"claim_id"``) in ``ids``."""
    parts: Parts = {table: defaultdict(list) for table in PART_TABLES}
    for begin in range(0, len(ids), _CHUNK):
        chunk = list(ids[begin:begin + _CHUNK])
        marks = ", ".join("?" * len(chunk))
        for table in PART_TABLES:
            rows = db.execute(f"SELECT * FROM {table} WHERE {owner} IN ({marks})"
                                f" ORDER BY {owner}, ord", chunk)
            for row in rows:
                parts[table][row[owner]].append(row)
    return parts


def _select(db: Db, table: str, where: str, params: Sequence[object],
            limit: int | None, order: str) -> Rows:
    sql = f"SELECT * FROM {table} WHERE {where} ORDER BY {order}"
    if limit is None:
        return db.execute(sql, params).fetchall()
    return db.execute(sql + " LIMIT ?", [*params, max(limit, 0)]).fetchall()


def _event(row: Row, parts: Parts) -> EventMention:
    event_id = row["id"]
    actors = parts["actors"][event_id]
    places = [_place(p) for p in parts["places"][event_id]]
    claimant = _actors(actors, "claimant")
    time = None
    if row["time_text"] is not None:
        time = TimeExpr(row["time_text"], row["time_start"], row["time_end"], row["time_value"],
                        row["time_precision"])
    return EventMention(
        event_type=row["event_type"], factuality=row["factuality"],
        trigger=Span(row["trigger_text"], row["trigger_start"], row["trigger_end"]),
        confidence=row["confidence"], mode=row["mode"],
        context=tuple(json.loads(row["context"])), acled=_acled(row), intended=row["intended"],
        source=_actors(actors, "source"), target=_actors(actors, "target"),
        recipient=_actors(actors, "recipient"),
        place=places[0] if places else None, time=time,
        quantities=tuple(_quantity(q) for q in parts["quantities"][event_id]),
        claimant=claimant[0] if claimant else None,
        purpose=(Span(row["purpose_text"], row["purpose_start"], row["purpose_end"])
                 if row["purpose_text"] is not None else None),
        evidence=tuple(_evidence(e) for e in parts["evidence"][event_id]),
    )


def _acled(row: Row) -> Acled | None:
    """The event's ACLED classification; None when it has no code (never classified)."""
    if row["acled_code"] is None:
        return None
    return Acled(event_type=row["acled_event_type"], sub_event_type=row["acled_sub_event_type"],
                 code=row["acled_code"], confidence=row["acled_confidence"])


def _claim(row: Row, parts: Parts) -> Claim:
    claim_id = row["id"]
    actors = parts["actors"][claim_id]
    claimant = _actors(actors, "claimant")
    return Claim(
        kind=row["kind"], text=row["text"], start=row["char_start"], end=row["char_end"],
        claimant=claimant[0] if claimant else None, about=_actors(actors, "about"),
        quantities=tuple(_quantity(q) for q in parts["quantities"][claim_id]),
        places=tuple(_place(p) for p in parts["places"][claim_id]),
        evidence=tuple(_evidence(e) for e in parts["evidence"][claim_id]),
    )


def _actors(rows: Rows, role: str) -> tuple[Actor, ...]:
    return tuple(
        Actor(text=r["text"], start=r["char_start"], end=r["char_end"], name=r["name"],
              kb_id=r["kb_id"], country=r["country"], sector=r["sector"])
        for r in rows if r["role"] == role
    )


def _place(r: Row) -> Place:
    return Place(text=r["text"], start=r["char_start"], end=r["char_end"], name=r["name"],
                 country=r["country"], admin1=r["admin1"], lat=r["lat"], lon=r["lon"],
                 precision=r["precision"], geo_id=r["geo_id"], use=r["used_as"])


def _quantity(r: Row) -> Quantity:
    return Quantity(text=r["text"], start=r["char_start"], end=r["char_end"], value=r["value"],
                    low=r["low"], high=r["high"], approximate=bool(r["approximate"]),
                    counted=r["counted"])


def _evidence(r: Row) -> Evidence:
    return Evidence(article_id=r["quoted_article_id"], start=r["char_start"],
                    end=r["char_end"], quote=r["quote"])


def _dropped(r: Row) -> Dropped:
    return Dropped(start=r["char_start"], end=r["char_end"], reason=r["reason"], text=r["text"])


def _sentence(r: Row) -> Sentence:
    return Sentence(index=r["sentence_index"], start=r["char_start"], end=r["char_end"],
                    text=r["text"])


__all__ = ["article_from_row", "article_row", "load_claims", "load_coded", "load_events",
           "load_parts"]
