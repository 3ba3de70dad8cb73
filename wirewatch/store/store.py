"""The store: a SQLite file (the default) or a PostgreSQL database, one transaction per article.

    store = Store.open("wirewatch.db")             # or sqlite:///wirewatch.db
    store = Store.open("postgresql://wirewatch@db.example.org/wirewatch")
    result = store.save(coded)                     # idempotent by fingerprint
    store.events(country="PRK")                    # StoredEvent(id, article_id, event)

Both hold the same tables and give back the same records; writers take turns (see
``connect.Db``), so several ingesters can share one database. Every database error
surfaces as ``StoreError`` (what, why, what to do).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from wirewatch.errors import IdConflictError, NotFoundError
from wirewatch.fuse.copies import CopyIndex
from wirewatch.fuse.incidents import (
    Incident,
    Mention,
    Source,
    claim_discrepancies,
    figure_discrepancies,
    fuse,
)
from wirewatch.fuse.stories import Story, cluster_texts
from wirewatch.ingest.article import ID_LENGTH
from wirewatch.model import Article, CodedArticle, Discrepancy, FeedState
from wirewatch.store import kb, read
from wirewatch.store.connect import Db, Row, database_path, is_postgres, translate_errors
from wirewatch.store.migrations import apply_migrations
from wirewatch.store.records import (
    RefusedAlert,
    SaveResult,
    SearchHit,
    StoredClaim,
    StoredDiscrepancy,
    StoredEvent,
)
from wirewatch.store.search import count as count_sentences
from wirewatch.store.search import search as search_sentences
from wirewatch.store.write import insert_coded

DEFAULT_TIMEOUT = 5.0
"""Seconds a writer waits for another process's transaction before giving up."""

# A country matches an event or claim through any of its actors or places.
_COUNTRY = ("(EXISTS (SELECT 1 FROM actors AS a WHERE a.{owner} = {table}.id AND a.country = ?)"
            " OR EXISTS (SELECT 1 FROM places AS p WHERE p.{owner} = {table}.id"
            " AND p.country = ?))")
# An ACLED name matches the event type or the sub-event type, case-blind (lower() on
# both sides, so SQLite and PostgreSQL fold the same way).
_ACLED = ("(lower(events.acled_event_type) = lower(?)"
          " OR lower(events.acled_sub_event_type) = lower(?))")


class Store:
    """Articles and everything read from them, in a SQLite file or a PostgreSQL database.

    Opening creates the file (or the tables) if needed and applies any new migrations.
    One ``Store`` holds one connection; use one per thread or process (SQLite's WAL and
    PostgreSQL's MVCC let several read while one writes).
    """

    def __init__(self, db: str | Path, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path: Path | None = None if is_postgres(db) else database_path(db)
        """The SQLite file; None on PostgreSQL."""
        self._target, self._timeout = db, timeout
        self._db = self._connect()
        self.name = self._db.name
        """The database as messages name it (a server URL without its password)."""

    def _connect(self) -> Db:
        db = Db.open(self._target, self._timeout)
        try:
            with translate_errors(f"cannot prepare the database {db.name}"):
                apply_migrations(db)
        except BaseException:
            db.close()
            raise
        return db

    @property
    def connected(self) -> bool:
        """False once the server has gone away (a PostgreSQL restart): ``reconnect``."""
        return self._db.connected

    def reconnect(self) -> None:
        """Open the connection again; ``StoreError`` while the server is still away."""
        self._db.close()
        self._db = self._connect()

    @classmethod
    def open(cls, db: str | Path, *, timeout: float = DEFAULT_TIMEOUT) -> Store:
        """Open a path, a ``sqlite:///path`` URL or a ``postgresql://`` URL; other URLs raise
        ``StoreError``."""
        return cls(db, timeout=timeout)

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._db.dialect

    def close(self) -> None:
        """Close the connection; safe to call twice."""
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.name!r})"

    def save(self, coded: CodedArticle) -> SaveResult:
        """Store one article and everything read from it, all or nothing.

        An article whose fingerprint is already stored is not stored again
        (``stored=False``, ``duplicate_of`` = the stored id). Raises ``StoreError``
        when its id is taken by an article with a different fingerprint.
        """
        with self._transaction(f"cannot save article {coded.article.id!r} to {self.name}"):
            return self._save_new(coded)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read the store as of one moment: every read inside sees what was committed when
        the first ran, and nothing committed after, so reads that go together (articles,
        then their events) always agree while other processes write. Reentrant; nothing may
        be written inside."""
        with translate_errors(f"cannot read {self.name}"), self._db.snapshot():
            yield

    @contextmanager
    def _transaction(self, what: str) -> Iterator[None]:
        """One write transaction: committed whole, or rolled back on any error."""
        with translate_errors(what), self._db.transaction():
            yield

    def _save_new(self, coded: CodedArticle) -> SaveResult:
        """Insert unless known; runs inside ``save``'s transaction, so the checks hold."""
        article = coded.article
        existing = self._note_copy(article)
        if existing is not None:
            return SaveResult(article.id, stored=False, duplicate_of=existing)
        if read.article_row(self._db, article.id) is not None or self._is_exact_copy(article.id):
            raise IdConflictError(
                f"cannot save article {article.id!r}",
                "another article with different text is already stored under that id",
                "Give this article another id (or leave the id out to derive one from its text)")
        insert_coded(self._db, coded)
        match = CopyIndex(self._db).add(article.id, article.text)
        return SaveResult(article.id, stored=True,
                          copy_of=match.copy_of if match.copy_of != article.id else None)

    def note_copy(self, article: Article) -> str | None:
        """The id of the stored article with this article's text, or None when no article
        has it. An article the caller gave an id of its own is kept, once, as an exact
        copy of the stored one: the same wire story run word for word by another outlet
        keeps its id and publisher (``exact_copies``) without being stored or coded again."""
        with translate_errors(f"cannot read {self.name}"):  # a read, unless there is a copy to keep
            existing = self._fingerprint_owner(article.fingerprint)
            if existing is None or not self._keeps_copy(article, existing):
                return existing
        with self._transaction(f"cannot record article {article.id!r} in {self.name}"):
            return self._note_copy(article)  # checked again under the writer lock

    def _note_copy(self, article: Article) -> str | None:
        existing = self._fingerprint_owner(article.fingerprint)
        if existing is None or not self._keeps_copy(article, existing):
            return existing
        self._db.execute(
            "INSERT INTO article_copies (seq, id, copy_of, title, url, published, publisher)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", (self._db.next_id("article_copies", "seq"), article.id,
                                              existing, article.title, article.url,
                                              article.published, article.publisher))
        return existing

    def _keeps_copy(self, article: Article, existing: str) -> bool:
        """Whether ``article``, whose text ``existing`` has, brings an id to keep: not its
        text's own, not one known already, not one another text has."""
        return article.id not in (existing, article.fingerprint[:ID_LENGTH]) \
            and not self._is_exact_copy(article.id) and read.article_row(self._db, article.id) is None

    def _is_exact_copy(self, article_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM article_copies WHERE id = ?",
                                (article_id,)).fetchone() is not None

    def exact_copies(self) -> dict[str, list[str]]:
        """The ids kept as exact copies of each stored article (``note_copy``), in the
        order they came."""
        found: dict[str, list[str]] = {}
        with translate_errors(f"cannot read copies from {self.name}"):
            for copy_id, original in self._db.execute(
                    "SELECT id, copy_of FROM article_copies ORDER BY seq"):
                found.setdefault(original, []).append(copy_id)
        return found

    def copies(self) -> dict[str, str]:
        """Each stored article's copy group: the id of the first article of its group
        (itself when it copies nothing); an exact copy's is its original's."""
        with self.snapshot(), translate_errors(f"cannot read copies from {self.name}"):
            groups = {row[0]: row[1] for row in self._db.execute(
                "SELECT article_id, copy_of FROM copies ORDER BY seq")}
            for original, ids in self.exact_copies().items():
                groups.update(dict.fromkeys(ids, groups.get(original, original)))
        return groups

    def has_fingerprint(self, fingerprint: str) -> str | None:
        """The id of the stored article with this fingerprint, or None."""
        with translate_errors(f"cannot read {self.name}"):
            return self._fingerprint_owner(fingerprint)

    def _fingerprint_owner(self, fingerprint: str) -> str | None:
        row = self._db.execute("SELECT id FROM articles WHERE fingerprint = ?",
                                 (fingerprint,)).fetchone()
        return None if row is None else str(row["id"])

    def article(self, article_id: str) -> Article:
        """The article as ingested (an exact copy: its original's text under the copy's id
        and metadata); ``NotFoundError`` when no such id is stored."""
        with self.snapshot():
            copy = self._db.execute("SELECT * FROM article_copies WHERE id = ?",
                                    (article_id,)).fetchone()
            if copy is None:
                return read.article_from_row(self._article_row(article_id))
            original = read.article_from_row(self._article_row(copy["copy_of"]))
            return dataclasses.replace(original, id=article_id, **{
                field: copy[field] for field in ("title", "url", "published", "publisher")})

    def articles(self) -> list[Article]:
        """Every stored article, in the order they were stored."""
        with translate_errors(f"cannot read {self.name}"):
            rows = self._db.execute("SELECT * FROM articles ORDER BY rowid").fetchall()
        return [read.article_from_row(row) for row in rows]

    def coded(self, article_id: str) -> CodedArticle:
        """Everything stored for one article, equal to what was saved.

        Sentences come back sorted by ``index``; every other tuple in saved order.
        """
        with self.snapshot():
            return read.load_coded(self._db, self._article_row(article_id))

    def _article_row(self, article_id: str) -> Row:
        row = read.article_row(self._db, article_id)
        if row is None:
            raise NotFoundError(f"no article {article_id!r} in {self.name}",
                                "it was never stored here, or the id is mistyped",
                                "Check the id; `wirewatch events --format json` shows "
                                "the article ids of stored events")
        return row

    def events(self, *, event_type: str | None = None, country: str | None = None,
               factuality: str | None = None, acled: str | None = None,
               limit: int | None = None) -> list[StoredEvent]:
        """Stored events, oldest first, filtered by any of the arguments given.

        Args:
            event_type: a PLOVER type such as ``"AGREE"``.
            country: a country code, matched against the event's actors and place.
            factuality: ``"asserted"``, ``"planned"``, ...
            acled: an ACLED event type or sub-event type, in any case
                (``"battles"``, ``"Armed clash"``).
            limit: at most this many events.
        """
        where, params = _where("events", "event_id", country,
                               event_type=event_type, factuality=factuality)
        if acled is not None:
            where += " AND " + _ACLED
            params += [acled, acled]
        with translate_errors(f"cannot read events from {self.name}"):
            return read.load_events(self._db, where, params, limit)

    def event(self, event_id: int) -> StoredEvent:
        """One event by id; ``NotFoundError`` when there is none."""
        with translate_errors(f"cannot read events from {self.name}"):
            found = read.load_events(self._db, "id = ?", [event_id])
        if not found:
            raise NotFoundError(f"no event {event_id} in {self.name}",
                                "no stored event has that id",
                                "Run `wirewatch events` to list event ids")
        return found[0]

    def claims(self, *, kind: str | None = None, country: str | None = None,
               limit: int | None = None) -> list[StoredClaim]:
        """Stored claims, oldest first.

        Args:
            kind: ``"figure"`` or ``"violation"``.
            country: a country code, matched against the claimant, ``about`` and places.
            limit: at most this many claims.
        """
        where, params = _where("claims", "claim_id", country, kind=kind)
        with translate_errors(f"cannot read claims from {self.name}"):
            return read.load_claims(self._db, where, params, limit)

    def discrepancies(self, *, kind: str | None = None, kb_id: str | None = None,
                      limit: int | None = None) -> list[StoredDiscrepancy]:
        """Stored discrepancies, oldest first; ``kind`` such as ``"title"``, ``kb_id`` whom about."""
        where, params = _where("discrepancies", "discrepancy_id", None, kind=kind, kb_id=kb_id)
        with translate_errors(f"cannot read discrepancies from {self.name}"):
            return read.load_discrepancies(self._db, where, params, limit)

    def kb_records(self) -> list[dict[str, Any]]:
        """The user's knowledge-base records (``wirewatch kb``), by id."""
        with translate_errors(f"cannot read the knowledge base in {self.name}"):
            return kb.stored_records(self._db)

    def put_kb_records(self, records: Iterable[dict[str, Any]], source: str) -> int:
        """Add or replace knowledge-base records by id, all in one transaction."""
        with self._transaction(f"cannot write the knowledge base in {self.name}"):
            return kb.put_records(self._db, records, source)

    def update_kb(self, change: Callable[[list[dict[str, Any]]], list[dict[str, Any]]],
                  source: str) -> list[dict[str, Any]]:
        """Read the user's records, write what ``change`` makes of them, in one transaction:
        two imports at once cannot lose each other's roles. Returns the records written."""
        with self._transaction(f"cannot write the knowledge base in {self.name}"):
            written = change(kb.stored_records(self._db))
            kb.put_records(self._db, written, source)
        return written

    def sources(self) -> dict[str, Source]:
        """Each stored article's publication facts and copy group, by article id."""
        with translate_errors(f"cannot read articles from {self.name}"):
            rows = self._db.execute(
                "SELECT a.id, a.published, a.publisher, COALESCE(c.copy_of, a.id) FROM articles AS a"
                " LEFT JOIN copies AS c ON c.article_id = a.id").fetchall()
        return {row[0]: Source(row[0], row[1], row[2], row[3]) for row in rows}

    def incidents(self, sources: dict[str, Source] | None = None) -> list[Incident]:
        """Every stored event mention fused into incidents (``wirewatch.fuse.incidents``);
        ``sources`` saves reading them again when the caller has them."""
        with self.snapshot():
            sources = self.sources() if sources is None else sources
            return fuse([Mention(e.id, e.event, sources[e.article_id]) for e in self.events()])

    def fused_discrepancies(self, incidents: Sequence[Incident] | None = None) -> list[Discrepancy]:
        """Figures that independent sources give differently, for one incident or one claim;
        ``incidents`` saves fusing again when the caller has them."""
        with self.snapshot():
            sources = self.sources()
            claims = [(c.claim, sources[c.article_id]) for c in self.claims()]
            fused = self.incidents(sources) if incidents is None else incidents
        return figure_discrepancies(fused) + claim_discrepancies(claims)

    def stories(self) -> list[Story]:
        """The stored articles grouped into stories (``wirewatch.fuse.stories``)."""
        with self.snapshot(), translate_errors(f"cannot read articles from {self.name}"):
            rows = self._db.execute("SELECT id, title, text, published FROM articles"
                                      " ORDER BY stored_at, rowid").fetchall()
            exact = self.exact_copies()
        stories = cluster_texts([(r[0], r[1] or "", r[2], r[3] or "") for r in rows])
        return [dataclasses.replace(story, articles=tuple(
            i for a in story.articles for i in (a, *exact.get(a, ())))) for story in stories]

    def newest(self) -> tuple[int, int]:
        """The highest stored event id and claim id: what a follower has seen."""
        with translate_errors(f"cannot read {self.name}"):
            row = self._db.execute("SELECT (SELECT coalesce(max(id), 0) FROM events),"
                                     " (SELECT coalesce(max(id), 0) FROM claims)").fetchone()
        return int(row[0]), int(row[1])

    def has_url(self, url: str) -> bool:
        """Whether an article with this URL is stored."""
        with translate_errors(f"cannot read {self.name}"):
            return self._db.execute("SELECT 1 FROM articles WHERE url = ? LIMIT 1",
                                      (url,)).fetchone() is not None

    def feed_state(self, url: str) -> FeedState:
        """What the feed answered last (empty for a feed never polled)."""
        with translate_errors(f"cannot read {self.name}"):
            row = self._db.execute("SELECT etag, last_modified FROM feeds WHERE url = ?",
                                     (url,)).fetchone()
        return FeedState(url, row[0], row[1]) if row else FeedState(url)

    def save_feed_state(self, state: FeedState) -> None:
        with self._transaction(f"cannot record the feed {state.url} in {self.name}"):
            self._db.execute(
                "INSERT INTO feeds (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,"
                " last_modified = excluded.last_modified, checked_at = excluded.checked_at",
                (state.url, state.etag, state.last_modified,
                 datetime.now(UTC).isoformat(timespec="seconds")))

    def alerted(self, channel: str) -> set[str]:
        """The ids of the flags already sent to ``channel``."""
        with translate_errors(f"cannot read alerts from {self.name}"):
            return {row[0] for row in self._db.execute(
                "SELECT flag_id FROM alerts WHERE channel = ?", (channel,))}

    def record_alert(self, flag_id: str, channel: str, confidence: str,
                     outcome: str = "sent", detail: str | None = None) -> None:
        """Remember that a flag went to a channel, or that the channel refused it for good
        and why (once: a second record is ignored)."""
        with self._transaction(f"cannot record an alert in {self.name}"):
            self._db.execute(
                "INSERT INTO alerts (flag_id, channel, confidence, outcome, sent_at, detail)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (flag_id, channel, confidence, outcome,
                 datetime.now(UTC).isoformat(timespec="seconds"), detail))

    def refused_alerts(self) -> list[RefusedAlert]:
        """The alerts receivers refused for good, oldest first (``watch --failed``)."""
        with translate_errors(f"cannot read alerts from {self.name}"):
            rows = self._db.execute(
                "SELECT flag_id, channel, confidence, sent_at, detail FROM alerts"
                " WHERE outcome = 'refused' ORDER BY sent_at, flag_id").fetchall()
        return [RefusedAlert(*row) for row in rows]

    def forget_refused(self, channels: Sequence[str]) -> int:
        """Forget the refusals of these channels, so that their flags are sent again
        (``watch --resend``); how many were forgotten."""
        wanted = list(dict.fromkeys(channels))
        with self._transaction(f"cannot change alerts in {self.name}"):
            count = sum(row[0] in wanted for row in self._db.execute(
                "SELECT channel FROM alerts WHERE outcome = 'refused'"))
            self._db.executemany("DELETE FROM alerts WHERE outcome = 'refused' AND channel = ?",
                                 [(channel,) for channel in wanted])
        return count

    def search(self, text: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Sentences containing every word of ``text`` (any punctuation is safe)."""
        with translate_errors(f"cannot search {self.name}"):
            return search_sentences(self._db, text, limit, offset)

    def search_count(self, text: str) -> int:
        """How many sentences contain every word of ``text``."""
        with translate_errors(f"cannot search {self.name}"):
            return count_sentences(self._db, text)

    def state(self) -> tuple[object, ...]:
        """A value that changes whenever anything read on the fly could (articles, events,
        claims, copies, the user's knowledge base): a key for caching what is computed
        from the store."""
        with translate_errors(f"cannot read {self.name}"):
            row = self._db.execute(
                "SELECT (SELECT coalesce(max(rowid), 0) FROM articles),"
                " (SELECT coalesce(max(id), 0) FROM events),"
                " (SELECT coalesce(max(id), 0) FROM claims),"
                " (SELECT coalesce(max(seq), 0) FROM copies),"
                " (SELECT count(*) FROM kb_actors),"
                " (SELECT coalesce(max(updated_at), '') FROM kb_actors),"
                " (SELECT coalesce(sum(length(record)), 0) FROM kb_actors),"
                " (SELECT count(*) FROM discrepancies)").fetchone()
        return tuple(row)


def _where(table: str, owner: str, country: str | None,
           **equals: str | None) -> tuple[str, list[object]]:
    """A WHERE clause for a listing: exact column matches, and a country anywhere in the record."""
    where: list[str] = ["1 = 1"]
    params: list[object] = []
    for column, value in equals.items():
        if value is not None:
            where.append(f"{table}.{column} = ?")
            params.append(value)
    if country is not None:
        where.append(_COUNTRY.format(owner=owner, table=table))
        params += [country.upper(), country.upper()]
    return " AND ".join(where), params


__all__ = ["DEFAULT_TIMEOUT", "Store"]
