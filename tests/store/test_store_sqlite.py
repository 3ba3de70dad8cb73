"""Opening, migrating and protecting the SQLite file: WAL, migrations, errors, transactions."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from wirewatch.errors import StoreError
from wirewatch.model import CodedArticle
from wirewatch.store import Store, write
from wirewatch.store import connect as connect_module
from wirewatch.store.connect import Db
from wirewatch.store.migrations import (
    MIGRATIONS,
    MIGRATIONS_TABLE,
    applied_migrations,
    apply_migrations,
    split_statements,
)

MakeCoded = Callable[[str], CodedArticle]
ARTICLE_TABLES = ("dropped", "sentences", "events", "claims", "actors", "places", "quantities",
                  "evidence", "discrepancies")


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """The tests here are about the SQLite file itself: a SQLite store only."""
    with Store(db_path) as opened:
        yield opened


def raw(db_path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Query the file directly, bypassing the store."""
    with closing(sqlite3.connect(db_path)) as conn:
        return conn.execute(sql, params).fetchall()


def rows_of(db_path: Path, article_id: str) -> dict[str, object]:
    """How many rows each table holds for one article."""
    counts = {"articles": raw(db_path, "SELECT COUNT(*) FROM articles WHERE id = ?",
                              (article_id,))[0][0]}
    for table in ARTICLE_TABLES:
        counts[table] = raw(db_path, f"SELECT COUNT(*) FROM {table} WHERE article_id = ?",
                            (article_id,))[0][0]
    return counts


def test_wal_and_foreign_keys_are_on(store: Store, db_path: Path) -> None:
    assert raw(db_path, "PRAGMA journal_mode") == [("wal",)]
    assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_migrations_are_recorded_once(db_path: Path) -> None:
    Store(db_path).close()
    Store(db_path).close()
    names = [name for name, _ in MIGRATIONS]
    assert [r[0] for r in raw(db_path, f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY seq")] \
        == names


def test_reopening_applies_only_new_migrations(store: Store, db_path: Path,
                                               rich_coded: CodedArticle) -> None:
    store.save(rich_coded)
    added = ("9999_event_notes", "ALTER TABLE events ADD COLUMN note TEXT;")
    with closing(sqlite3.connect(db_path, isolation_level=None)) as conn:
        db = Db(conn, "sqlite", str(db_path))
        assert apply_migrations(db, [*MIGRATIONS, added]) == ["9999_event_notes"]
        assert apply_migrations(db, [*MIGRATIONS, added]) == []
        assert applied_migrations(db)[-1] == "9999_event_notes"
    assert store.coded("kursk-1") == rich_coded


BEFORE_ACLED = [m for m in MIGRATIONS if m[0] < "0004"]
ALL_TABLES = ("articles", *ARTICLE_TABLES[:-1])
"""The tables of the schema before ACLED (and discrepancies)."""


def schema(db_path: Path) -> list[tuple[object, ...]]:
    return raw(db_path, "SELECT type, name, tbl_name, sql FROM sqlite_master"
                        " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")


def without_acled_or_recipients(coded: CodedArticle) -> CodedArticle:
    """``coded`` with only what the schema before ACLED held (no resolved times either)."""
    events = tuple(dataclasses.replace(e, acled=None, recipient=(), time=e.time and dataclasses.replace(
        e.time, value=None, precision=None)) for e in coded.events)
    return dataclasses.replace(coded, events=events, discrepancies=())


def database_before_acled(path: Path, coded: CodedArticle, scratch: Path) -> None:
    """A database at 0003 holding ``coded`` as the code of that time stored it.

    The rows are the ones the store writes (``coded`` has nothing the old schema
    lacks), copied column by column into a file that has only the earlier migrations.
    """
    with Store(scratch) as current:
        current.save(coded)
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        assert apply_migrations(Db(conn, "sqlite", "test"), BEFORE_ACLED) == [name for name, _ in BEFORE_ACLED]
        conn.execute("ATTACH DATABASE ? AS current", (str(scratch),))
        conn.execute("BEGIN")
        for table in ALL_TABLES:
            columns = ", ".join(row[1] for row in conn.execute(f"PRAGMA main.table_info({table})"))
            conn.execute(f"INSERT INTO main.{table} ({columns})"
                         f" SELECT {columns} FROM current.{table}")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE current")


def test_a_database_from_before_acled_migrates_and_keeps_its_rows(
        tmp_path: Path, rich_coded: CodedArticle, make_coded: MakeCoded) -> None:
    old = tmp_path / "old.db"
    earlier = without_acled_or_recipients(rich_coded)
    database_before_acled(old, earlier, tmp_path / "scratch.db")
    before = {table: raw(old, f"SELECT * FROM {table} ORDER BY 1, 2") for table in ALL_TABLES}
    assert all(before.values())  # every table has rows to lose
    actor_indexes = ("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                     " AND tbl_name = 'actors' ORDER BY name")
    indexes_before = raw(old, actor_indexes)
    assert [name for name, _ in indexes_before] == ["actors_claim", "actors_country",
                                                    "actors_event", "actors_kb"]
    with closing(sqlite3.connect(old)) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE actors SET role = 'recipient' WHERE id = 1")  # not allowed yet

    with Store(old) as store:
        assert "0004_events_acled_actors_recipient" in applied_migrations(store._db)
        assert store.coded("kursk-1") == earlier
        assert [s.event.acled for s in store.events()] == [None, None, None]
        assert [hit.article_id for hit in store.search("Shoigu")] == ["kursk-1"]
        # The new fields round-trip in the migrated file, and filter.
        later = make_coded("later")
        assert store.save(later).stored
        assert store.coded("later") == later
        assert [(s.article_id, s.event.event_type) for s in store.events(acled="Battles")] \
            == [("later", "FIGHT")]

    after = {table: raw(old, f"SELECT * FROM {table} WHERE article_id = 'kursk-1' ORDER BY 1, 2")
             if table != "articles" else raw(old, "SELECT * FROM articles WHERE id = 'kursk-1'")
             for table in ALL_TABLES}
    assert {t: rows for t, rows in after.items() if t not in {"events", "places"}} \
        == {t: rows for t, rows in before.items() if t not in {"events", "places"}}  # ids too
    added = 6  # four ACLED columns (0004), then the resolved time (0007)
    assert [row[:-added] for row in after["events"]] == before["events"]
    assert {row[-added:] for row in after["events"]} == {(None,) * added}
    # places stored before 0013 were the article's locations, and say so
    assert [row[:-1] for row in after["places"]] == before["places"]
    assert {row[-1] for row in after["places"]} == {"location"}
    assert raw(old, actor_indexes) == indexes_before
    assert schema(old) == schema(tmp_path / "scratch.db")  # as if created by this version
    assert raw(old, "PRAGMA foreign_key_check") == []
    assert raw(old, "PRAGMA integrity_check") == [("ok",)]

    with closing(sqlite3.connect(old, isolation_level=None)) as conn:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE actors SET role = 'bystander' WHERE id = 1")  # still checked
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM articles WHERE id = 'kursk-1'")  # still cascades
        assert conn.execute("SELECT COUNT(*) FROM actors WHERE article_id = 'kursk-1'"
                            ).fetchone() == (0,)
        assert conn.execute("SELECT COUNT(*) FROM actors").fetchone()[0] > 0  # 'later' stays


def test_a_failing_migration_leaves_no_trace(db_path: Path) -> None:
    Store(db_path).close()
    broken = ("9999_broken", "CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);")
    with closing(sqlite3.connect(db_path, isolation_level=None)) as conn:
        with pytest.raises(sqlite3.OperationalError):
            apply_migrations(Db(conn, "sqlite", "test"), [*MIGRATIONS, broken])
        assert "9999_broken" not in applied_migrations(Db(conn, "sqlite", "test"))
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchall() == []


def test_split_statements_keeps_trigger_bodies_whole() -> None:
    sql = ("CREATE TABLE t (x); -- a comment; with a semicolon\n"
           "CREATE TRIGGER g AFTER INSERT ON t BEGIN SELECT 1; SELECT 2; END;\n")
    statements = list(split_statements(sql))
    assert len(statements) == 2
    assert statements[1].endswith("END;")


@pytest.mark.parametrize("form", ["path", "str", "url"])
def test_open_accepts_a_path_or_sqlite_url(tmp_path: Path, form: str) -> None:
    path = tmp_path / "w.db"
    forms: dict[str, str | Path] = {"path": path, "str": str(path), "url": f"sqlite:///{path}"}
    db = forms[form]
    with Store.open(db) as store:
        assert store.path == path
    assert path.exists()


def test_other_databases_are_not_supported() -> None:
    with pytest.raises(StoreError) as caught:
        Store.open("mysql://user:secret@db.example.org/wirewatch")
    assert "SQLite or PostgreSQL, not mysql" in caught.value.why
    assert "postgresql://" in caught.value.fix
    assert "secret" not in caught.value.message


def test_a_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        Store(tmp_path / "no" / "such" / "wirewatch.db")
    assert "does not exist" in caught.value.why
    assert caught.value.fix


def test_a_folder_as_database_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        Store(tmp_path)
    assert "folder" in caught.value.why


def test_junk_file_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00\x01 these bytes are not SQLite " * 200)
    with pytest.raises(StoreError) as caught:
        Store(junk)
    assert "not a database" in caught.value.why
    assert "new file name" in caught.value.fix
    assert isinstance(caught.value.__cause__, sqlite3.DatabaseError)


def read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the store open its file read-only, as a file it may not write would be."""
    real = sqlite3.connect

    def connect(path: Path, **options: object) -> sqlite3.Connection:
        return real(f"file:{path}?mode=ro", uri=True, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(connect_module.sqlite3, "connect", connect)


def test_unwritable_database_cannot_be_created(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    read_only(monkeypatch)
    with pytest.raises(StoreError) as caught:
        Store(empty)
    assert "readonly" in caught.value.why
    assert "writable" in caught.value.fix


def test_unwritable_database_refuses_saves(db_path: Path, rich_coded: CodedArticle,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    Store(db_path).close()
    read_only(monkeypatch)
    with Store(db_path) as store:
        with pytest.raises(StoreError) as caught:
            store.save(rich_coded)
        assert "cannot save article 'kursk-1'" in caught.value.what
        assert "writable" in caught.value.fix
        assert store.articles() == []


@pytest.mark.parametrize("failure", [sqlite3.OperationalError("disk I/O error"),
                                     RuntimeError("a bug")])
def test_failure_mid_article_leaves_nothing(store: Store, db_path: Path, make_coded: MakeCoded,
                                            monkeypatch: pytest.MonkeyPatch,
                                            failure: Exception) -> None:
    earlier = make_coded("earlier")
    store.save(earlier)

    def fail(*args: object) -> None:
        written = store._db.execute("SELECT COUNT(*) FROM events WHERE article_id = 'broken'")
        assert written.fetchone()[0] == 3  # the article and its events are in, uncommitted
        raise failure

    # Claims are written after the article, its sentences and its events.
    monkeypatch.setattr(write, "insert_claim", fail)
    expected = StoreError if isinstance(failure, sqlite3.Error) else RuntimeError
    with pytest.raises(expected):
        store.save(make_coded("broken"))
    assert set(rows_of(db_path, "broken").values()) == {0}
    assert raw(db_path, "SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'Ref'")[0] \
        == (1,)  # the earlier article's "Ref earlier." only
    assert store.coded("earlier") == earlier
    monkeypatch.undo()
    assert store.save(make_coded("broken")).stored


def test_two_stores_on_one_file_see_each_other(db_path: Path, rich_coded: CodedArticle,
                                               make_coded: MakeCoded) -> None:
    with Store(db_path) as writer, Store(db_path) as reader:
        writer.save(rich_coded)
        assert reader.coded("kursk-1") == rich_coded
        reader.save(make_coded("second"))
        assert [a.id for a in writer.articles()] == ["kursk-1", "second"]
    with Store(db_path) as later:
        assert len(later.articles()) == 2


def test_a_closed_store_says_so(db_path: Path) -> None:
    store = Store(db_path)
    store.close()
    store.close()
    with pytest.raises(StoreError) as caught:
        store.articles()
    assert "closed" in caught.value.why


def test_opening_waits_out_a_lock_setting_wal_meets_and_says_so_when_it_lasts(tmp_path, monkeypatch):
    """SQLite may answer "database is locked" to the WAL pragma without calling its busy
    handler when another process starts writing at the same moment: opening waits as the
    busy timeout would, then gives up with the database's name."""
    real, calls = connect_module.configure, []

    def locked_twice(conn, timeout):
        calls.append(timeout)
        if len(calls) <= 2:
            raise sqlite3.OperationalError("database is locked")
        real(conn, timeout)

    monkeypatch.setattr(connect_module, "configure", locked_twice)
    connect_module.connect(tmp_path / "a.db", 5.0).close()
    assert len(calls) == 3

    def always_locked(conn, timeout):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(connect_module, "configure", always_locked)
    with pytest.raises(StoreError, match="cannot open the database") as caught:
        connect_module.connect(tmp_path / "b.db", 0.2)
    assert "locked" in caught.value.why
