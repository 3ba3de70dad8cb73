"""Opening, migrating and protecting the SQLite file: WAL, migrations, errors, transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from wirewatch.errors import StoreError
from wirewatch.model import CodedArticle
from wirewatch.store import Store, write
from wirewatch.store import connect as connect_module
from wirewatch.store.migrations import (
    MIGRATIONS,
    MIGRATIONS_TABLE,
    applied_migrations,
    apply_migrations,
    split_statements,
)

MakeCoded = Callable[[str], CodedArticle]
ARTICLE_TABLES = ("dropped", "sentences", "events", "claims", "actors", "places", "quantities",
                  "evidence")


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
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


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
        assert apply_migrations(conn, [*MIGRATIONS, added]) == ["9999_event_notes"]
        assert apply_migrations(conn, [*MIGRATIONS, added]) == []
        assert applied_migrations(conn)[-1] == "9999_event_notes"
    assert store.coded("kursk-1") == rich_coded


def test_a_failing_migration_leaves_no_trace(db_path: Path) -> None:
    Store(db_path).close()
    broken = ("9999_broken", "CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);")
    with closing(sqlite3.connect(db_path, isolation_level=None)) as conn:
        with pytest.raises(sqlite3.OperationalError):
            apply_migrations(conn, [*MIGRATIONS, broken])
        assert "9999_broken" not in applied_migrations(conn)
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


def test_other_databases_are_not_supported_yet() -> None:
    with pytest.raises(StoreError) as caught:
        Store.open("postgresql://user:secret@db.example.org/wirewatch")
    assert "only SQLite is supported for now" in caught.value.why
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

    def connect(path: Path, timeout: float, isolation_level: None) -> sqlite3.Connection:
        return real(f"file:{path}?mode=ro", timeout=timeout, isolation_level=isolation_level,
                    uri=True)

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
        written = store._conn.execute("SELECT COUNT(*) FROM events WHERE article_id = 'broken'")
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
