"""The schema, as named append-only migrations recorded in the database.

Each migration is ``(name, sql)`` or ``(name, function)``; the function gets the
``Db``. Applied names are recorded in ``_wirewatch_migrations``, so re-opening
a database applies only the migrations it has not seen. Never edit or reorder a
migration that has shipped: append a new one (as sqlite-utils does), to both lists.

SQLite's list grew one migration at a time; PostgreSQL's starts at the schema those
ten migrations build, written in its own types (``BIGINT`` ids, ``DOUBLE PRECISION``
where SQLite's ``REAL`` is already 8 bytes, a ``rowid`` column standing in for
SQLite's implicit one on ``articles``) with a GIN index over ``to_tsvector`` in
place of FTS5. Offsets are ``char_start``/``char_end`` because ``END`` is reserved
in PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime

from wirewatch import __version__
from wirewatch.errors import StoreError
from wirewatch.fuse.copies import index_stored
from wirewatch.store.connect import Db

MigrationStep = str | Callable[[Db], None]
Migration = tuple[str, MigrationStep]

MIGRATIONS_TABLE = "_wirewatch_migrations"

_ARTICLES = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    title TEXT,
    url TEXT,
    published TEXT,
    publisher TEXT,
    language TEXT,
    origin TEXT,
    coded INTEGER NOT NULL CHECK (coded IN (0, 1)),
    note TEXT,
    stored_at TEXT NOT NULL
);
CREATE TABLE dropped (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    reason TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, ord)
);
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_index INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (article_id, sentence_index)
);
"""

# Events and claims own their actors, places, quantities and evidence through
# nullable event_id/claim_id columns; a place with neither is article-level.
# ``article_id`` on every row is the owning article, so one article deletes cleanly.
_EVENTS = """
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    factuality TEXT NOT NULL,
    mode TEXT,
    intended TEXT,
    confidence REAL NOT NULL,
    trigger_text TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    time_text TEXT,
    time_start INTEGER,
    time_end INTEGER,
    purpose_text TEXT,
    purpose_start INTEGER,
    purpose_end INTEGER,
    context TEXT NOT NULL DEFAULT '[]',
    UNIQUE (article_id, ord)
);
CREATE INDEX events_type ON events (event_type, factuality);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    UNIQUE (article_id, ord)
);
CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
    claim_id INTEGER REFERENCES claims(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('source', 'target', 'claimant', 'about')),
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    name TEXT NOT NULL,
    kb_id TEXT,
    country TEXT,
    sector TEXT,
    CHECK ((event_id IS NULL) <> (claim_id IS NULL))
);
CREATE UNIQUE INDEX actors_event ON actors (event_id, role, ord);
CREATE UNIQUE INDEX actors_claim ON actors (claim_id, role, ord);
CREATE INDEX actors_country ON actors (country);
CREATE INDEX actors_kb ON actors (kb_id);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
    claim_id INTEGER REFERENCES claims(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    precision TEXT NOT NULL,
    geo_id TEXT,
    CHECK (event_id IS NULL OR claim_id IS NULL)
);
CREATE UNIQUE INDEX places_event ON places (event_id, ord);
CREATE UNIQUE INDEX places_claim ON places (claim_id, ord);
CREATE INDEX places_article ON places (article_id);
CREATE INDEX places_country ON places (country, admin1);
CREATE TABLE quantities (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
    claim_id INTEGER REFERENCES claims(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    value REAL,
    low REAL,
    high REAL,
    approximate INTEGER NOT NULL CHECK (approximate IN (0, 1)),
    counted TEXT,
    CHECK ((event_id IS NULL) <> (claim_id IS NULL))
);
CREATE UNIQUE INDEX quantities_event ON quantities (event_id, ord);
CREATE UNIQUE INDEX quantities_claim ON quantities (claim_id, ord);
CREATE INDEX quantities_counted ON quantities (counted);
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
    claim_id INTEGER REFERENCES claims(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    quoted_article_id TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    quote TEXT NOT NULL,
    CHECK ((event_id IS NULL) <> (claim_id IS NULL))
);
CREATE UNIQUE INDEX evidence_event ON evidence (event_id, ord);
CREATE UNIQUE INDEX evidence_claim ON evidence (claim_id, ord);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX claims_article ON claims (article_id);
"""

# External-content FTS5: the text lives once, in ``sentences``; triggers keep the
# index in step inside the same transaction, so a rolled-back article leaves no trace.
_SENTENCES_FTS = """
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_fts_update AFTER UPDATE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');
"""

# ACLED-style classification beside the PLOVER type (all NULL when unclassified),
# and a 'recipient' actor role for AID/COOPERATE. A CHECK cannot be altered in
# SQLite, so ``actors`` is rebuilt the standard way: create the new table, copy
# every row (ids included), drop the old one, rename, recreate its indexes.
# Nothing references ``actors``, so the rebuild needs no ``PRAGMA foreign_keys``
# (which could not change inside the migration's transaction anyway).
_ACLED_AND_RECIPIENT = """
ALTER TABLE events ADD COLUMN acled_event_type TEXT;
ALTER TABLE events ADD COLUMN acled_sub_event_type TEXT;
ALTER TABLE events ADD COLUMN acled_code TEXT;
ALTER TABLE events ADD COLUMN acled_confidence REAL;
CREATE TABLE actors_new (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
    claim_id INTEGER REFERENCES claims(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('source', 'target', 'recipient', 'claimant', 'about')),
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    name TEXT NOT NULL,
    kb_id TEXT,
    country TEXT,
    sector TEXT,
    CHECK ((event_id IS NULL) <> (claim_id IS NULL))
);
INSERT INTO actors_new (id, article_id, event_id, claim_id, role, ord, text, char_start,
                        char_end, name, kb_id, country, sector)
SELECT id, article_id, event_id, claim_id, role, ord, text, char_start, char_end, name, kb_id,
       country, sector
FROM actors;
DROP TABLE actors;
ALTER TABLE actors_new RENAME TO actors;
CREATE UNIQUE INDEX actors_event ON actors (event_id, role, ord);
CREATE UNIQUE INDEX actors_claim ON actors (claim_id, role, ord);
CREATE INDEX actors_country ON actors (country);
CREATE INDEX actors_kb ON actors (kb_id);
"""

# The user's knowledge-base actors, one JSON record each in the shape of data/actors.json.
_KB = """
CREATE TABLE kb_actors (
    id TEXT PRIMARY KEY,
    record TEXT NOT NULL,
    source TEXT,
    updated_at TEXT NOT NULL
);
"""

# Sources that disagree (the text and the knowledge base on a post), each value with who
# states it and, for the text's, its evidence.
_DISCREPANCIES = """
CREATE TABLE discrepancies (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    kb_id TEXT,
    on_date TEXT,
    note TEXT NOT NULL,
    UNIQUE (article_id, ord)
);
CREATE INDEX discrepancies_kb ON discrepancies (kb_id);
CREATE TABLE discrepancy_values (
    discrepancy_id INTEGER NOT NULL REFERENCES discrepancies(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    value TEXT NOT NULL,
    stated_by TEXT NOT NULL,
    quoted_article_id TEXT,
    char_start INTEGER,
    char_end INTEGER,
    quote TEXT,
    PRIMARY KEY (discrepancy_id, ord)
);
"""

# Event times resolved against the publication date.
_RESOLVED_TIMES = """
ALTER TABLE events ADD COLUMN time_value TEXT;
ALTER TABLE events ADD COLUMN time_precision TEXT;
"""

# Wire copies (wirewatch.fuse.copies): each article's copy group, in arrival order, and
# its LSH band keys; articles stored before this migration are indexed by it.
_COPIES = """
CREATE TABLE copies (
    seq INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    copy_of TEXT NOT NULL,
    containment REAL NOT NULL
);
CREATE INDEX copies_group ON copies (copy_of);
CREATE TABLE copy_bands (
    key INTEGER NOT NULL,
    seq INTEGER NOT NULL REFERENCES copies(seq) ON DELETE CASCADE,
    PRIMARY KEY (key, seq)
) WITHOUT ROWID;
"""


def _copies(db: Db) -> None:
    for statement in split_statements(_COPIES):
        db.execute(statement)
    index_stored(db)


# Watch alerts (wirewatch.watch.alerts): which flag went to which channel (outcome 'sent',
# or 'refused' by the receiver for good), so none is sent twice; flags themselves are
# computed on read from the packs.
_ALERTS = """
CREATE TABLE alerts (
    flag_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    confidence TEXT NOT NULL,
    outcome TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (flag_id, channel)
);
"""

# Why a receiver refused an alert (the answer, where it came from), for `watch --failed`.
_ALERT_DETAIL = "ALTER TABLE alerts ADD COLUMN detail TEXT"

# How an article uses each place name (model.PlaceUse); rows stored before were locations.
_PLACE_USE = "ALTER TABLE places ADD COLUMN used_as TEXT NOT NULL DEFAULT 'location'"

# Feeds (wirewatch.ingest.feeds): what each feed answered last (for conditional GETs), and
# articles found by their link so a feed's entry is fetched once.
_FEEDS = """
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    checked_at TEXT NOT NULL
);
CREATE INDEX articles_url ON articles (url);
"""

# Exact copies: the same text ingested again under another caller's id (a wire story each
# outlet ran word for word). The text is stored once; the copy keeps its id and metadata so
# stories list it and its publisher is known, and it counts as its original's copy group.
_ARTICLE_COPIES = """
CREATE TABLE article_copies (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    copy_of TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    title TEXT,
    url TEXT,
    published TEXT,
    publisher TEXT
);
CREATE INDEX article_copies_of ON article_copies (copy_of);
"""

MIGRATIONS: tuple[Migration, ...] = (
    ("0001_articles_sentences_dropped", _ARTICLES),
    ("0002_events_claims_and_their_parts", _EVENTS),
    ("0003_sentences_fts", _SENTENCES_FTS),
    ("0004_events_acled_actors_recipient", _ACLED_AND_RECIPIENT),
    ("0005_kb_actors", _KB),
    ("0006_discrepancies", _DISCREPANCIES),
    ("0007_events_time_value", _RESOLVED_TIMES),
    ("0008_copies", _copies),
    ("0009_alerts", _ALERTS),
    ("0010_feeds", _FEEDS),
    ("0011_article_copies", _ARTICLE_COPIES),
    ("0012_alert_detail", _ALERT_DETAIL),
    ("0013_place_use", _PLACE_USE),
)

# PostgreSQL: the schema of SQLite's migrations 0001-0010 in one step (PostgreSQL 14 or
# later). Every id is written by the store (``Db.next_id``), never by a sequence, so a failed
# save leaves no gap. Search splits and folds words as
# FTS5's unicode61 does: ``wirewatch_words`` turns punctuation into spaces (so "U.S.",
# "Jong-un", "3.5" and "example.org" are words on both databases) and reads the rest with
# the ``wirewatch`` configuration, 'simple' behind 'unaccent' (a trusted extension, so a
# database owner may create it); ``wirewatch_phrase`` reads a searched word the same way.
# Folding non-Latin case needs a database whose LC_CTYPE is not C.
_POSTGRES_SCHEMA = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION wirewatch (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION wirewatch
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part,
    numword, numhword, hword_numpart WITH unaccent, simple;
CREATE FUNCTION wirewatch_words(body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN to_tsvector('wirewatch', regexp_replace(body, '[[:punct:]]+', ' ', 'g'));
CREATE FUNCTION wirewatch_phrase(words text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN phraseto_tsquery('wirewatch', regexp_replace(words, '[[:punct:]]+', ' ', 'g'));
CREATE TABLE articles (
    rowid BIGINT NOT NULL UNIQUE,
    id TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    title TEXT,
    url TEXT,
    published TEXT,
    publisher TEXT,
    language TEXT,
    origin TEXT,
    coded INTEGER NOT NULL CHECK (coded IN (0, 1)),
    note TEXT,
    stored_at TEXT NOT NULL
);
CREATE INDEX articles_url ON articles (url);
CREATE TABLE dropped (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    reason TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, ord)
);
CREATE TABLE sentences (
    id BIGINT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_index INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (article_id, sentence_index)
);
CREATE INDEX sentences_search ON sentences USING gin (wirewatch_words(text));
CREATE TABLE events (
    id BIGINT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    factuality TEXT NOT NULL,
    mode TEXT,
    intended TEXT,
    confidence DOUBLE PRECISION NOT NULL,
    trigger_text TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    time_text TEXT,
    time_start INTEGER,
    time_end INTEGER,
    purpose_text TEXT,
    purpose_start INTEGER,
    purpose_end INTEGER,
    context TEXT NOT NULL DEFAULT '[]',
    acled_event_type TEXT,
    acled_sub_event_type TEXT,
    acled_code TEXT,
    acled_confidence DOUBLE PRECISION,
    time_value TEXT,
    time_precision TEXT,
    UNIQUE (article_id, ord)
);
CREATE INDEX events_type ON events (event_type, factuality);
CREATE INDEX events_article ON events (article_id);
CREATE TABLE claims (
    id BIGINT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    UNIQUE (article_id, ord)
);
CREATE INDEX claims_article ON claims (article_id);
CREATE TABLE actors (
    id BIGINT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id BIGINT REFERENCES events(id) ON DELETE CASCADE,
    claim_id BIGINT REFERENCES claims(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('source', 'target', 'recipient', 'claimant', 'about')),
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    name TEXT NOT NULL,
    kb_id TEXT,
    country TEXT,
    sector TEXT,
    CHECK ((event_id IS NULL) <> (claim_id IS NULL))
);
CREATE UNIQUE INDEX actors_event ON actors (event_id, role, ord);
CREATE UNIQUE INDEX actors_claim ON actors (claim_id, role, ord);
CREATE INDEX actors_country ON actors (country);
CREATE INDEX actors_kb ON actors (kb_id);
CREATE TABLE places (
    id BIGINT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id BIGINT REFERENCES events(id) ON DELETE CASCADE,
    claim_id BIGINT REFERENCES claims(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    precision TEXT NOT NULL,
    geo_id TEXT,
    CHECK (event_id IS NULL OR claim_id IS NULL)
);
CREATE UNIQUE INDEX places_event ON places (event_id, ord);
CREATE UNIQUE INDEX places_claim ON places (claim_id, ord);
CREATE INDEX places_article ON places (article_id);
CREATE INDEX places_country ON places (country, admin1);
CREATE TABLE quantities (
    id BIGINT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id BIGINT REFERENCES events(id) ON DELETE CASCADE,
    claim_id BIGINT REFERENCES claims(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    value DOUBLE PRECISION,
    low DOUBLE PRECISION,
    high DOUBLE PRECISION,
    approximate INTEGER NOT NULL CHECK (approximate IN (0, 1)),
    counted TEXT,
    CHECK ((event_id IS NULL) <> (claim_id IS NULL))
);
CREATE UNIQUE INDEX quantities_event ON quantities (event_id, ord);
CREATE UNIQUE INDEX quantities_claim ON quantities (claim_id, ord);
CREATE INDEX quantities_counted ON quantities (counted);
CREATE TABLE evidence (
    id BIGINT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id BIGINT REFERENCES events(id) ON DELETE CASCADE,
    claim_id BIGINT REFERENCES claims(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    quoted_article_id TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    quote TEXT NOT NULL,
    CHECK ((event_id IS NULL) <> (claim_id IS NULL))
);
CREATE UNIQUE INDEX evidence_event ON evidence (event_id, ord);
CREATE UNIQUE INDEX evidence_claim ON evidence (claim_id, ord);
CREATE TABLE kb_actors (
    id TEXT PRIMARY KEY,
    record TEXT NOT NULL,
    source TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE discrepancies (
    id BIGINT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    kb_id TEXT,
    on_date TEXT,
    note TEXT NOT NULL,
    UNIQUE (article_id, ord)
);
CREATE INDEX discrepancies_kb ON discrepancies (kb_id);
CREATE TABLE discrepancy_values (
    discrepancy_id BIGINT NOT NULL REFERENCES discrepancies(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    value TEXT NOT NULL,
    stated_by TEXT NOT NULL,
    quoted_article_id TEXT,
    char_start INTEGER,
    char_end INTEGER,
    quote TEXT,
    PRIMARY KEY (discrepancy_id, ord)
);
CREATE TABLE copies (
    seq BIGINT PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    copy_of TEXT NOT NULL,
    containment DOUBLE PRECISION NOT NULL
);
CREATE INDEX copies_group ON copies (copy_of);
CREATE TABLE copy_bands (
    key BIGINT NOT NULL,
    seq BIGINT NOT NULL REFERENCES copies(seq) ON DELETE CASCADE,
    PRIMARY KEY (key, seq)
);
CREATE TABLE alerts (
    flag_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    confidence TEXT NOT NULL,
    outcome TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (flag_id, channel)
);
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    checked_at TEXT NOT NULL
)
"""

POSTGRES_MIGRATIONS: tuple[Migration, ...] = (
    ("0001-0010_schema", _POSTGRES_SCHEMA),
    ("0011_article_copies", _ARTICLE_COPIES.replace("INTEGER PRIMARY KEY", "BIGINT PRIMARY KEY")),
    ("0012_alert_detail", _ALERT_DETAIL),
    ("0013_place_use", _PLACE_USE),
)


def migrations_for(db: Db) -> tuple[Migration, ...]:
    return MIGRATIONS if db.dialect == "sqlite" else POSTGRES_MIGRATIONS


def applied_migrations(db: Db) -> list[str]:
    """Names of the migrations this database has, in the order they were applied."""
    if not db.has_table(MIGRATIONS_TABLE):
        return []
    rows = db.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY seq").fetchall()
    return [row[0] for row in rows]


def apply_migrations(db: Db, migrations: Sequence[Migration] | None = None) -> list[str]:
    """Apply the migrations this database lacks, each in its own transaction.

    Returns the names applied now (empty when the database was up to date). An up-to-date
    database is only read, so a read-only user can open it.

    Raises:
        StoreError: the database has migrations this version does not know: a newer
            wirewatch wrote it, and this one would write rows that version does not expect.
    """
    migrations = migrations_for(db) if migrations is None else migrations
    done = set(applied_migrations(db))
    unknown = sorted(done - {name for name, _ in migrations})
    if unknown:
        raise StoreError(f"the database {db.name} was written by a newer wirewatch",
                         f"it has migration {unknown[-1]!r}, which wirewatch {__version__} "
                         "does not know",
                         "Upgrade wirewatch (pip install --upgrade wirewatch, or pull and run "
                         "scripts/setup) to use it; nothing was read or written")
    if all(name in done for name, _ in migrations):
        return []
    if not db.has_table(MIGRATIONS_TABLE):
        with db.transaction():  # under the writer lock: two first openings cannot race
            db.execute(f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} ("
                       f" seq {_ID_TYPE[db.dialect]} PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
                       " applied_at TEXT NOT NULL)")
    applied = []
    for name, step in migrations:
        if name not in done and _apply_one(db, name, step):
            applied.append(name)
    return applied


_ID_TYPE = {"sqlite": "INTEGER", "postgresql": "BIGINT GENERATED BY DEFAULT AS IDENTITY"}


def _apply_one(db: Db, name: str, step: MigrationStep) -> bool:
    """Apply one migration unless another process applied it while we waited for the lock."""
    with db.transaction():
        seen = db.execute(f"SELECT 1 FROM {MIGRATIONS_TABLE} WHERE name = ?", (name,))
        if seen.fetchone() is not None:
            return False
        if isinstance(step, str):
            for statement in split_statements(step):
                db.execute(statement)
        else:
            step(db)
        db.execute(f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)",
                   (name, datetime.now(UTC).isoformat(timespec="seconds")))
    return True


def split_statements(sql: str) -> Iterator[str]:
    """Split a script into statements, respecting ``BEGIN ... END`` in triggers.

    ``executescript`` would do this, but it commits first, which would break the
    one-transaction-per-migration promise.
    """
    pending = ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \t\r\n;"):
                yield pending.strip()
            pending = ""


__all__ = [
    "MIGRATIONS",
    "MIGRATIONS_TABLE",
    "POSTGRES_MIGRATIONS",
    "Migration",
    "applied_migrations",
    "apply_migrations",
    "migrations_for",
    "split_statements",
]
