"""PostgreSQL as the team's store: what holds on both databases (writers taking turns, no
gaps, nothing half-saved) and what is PostgreSQL's own (its migrations, server errors,
the password kept out of messages). The round-trip and search tests run on both too."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable

import psycopg
import pytest

from wirewatch.errors import StoreError
from wirewatch.ingest import make_article
from wirewatch.ingest.feeds import FeedState
from wirewatch.model import CodedArticle
from wirewatch.resolve.kb import ActorKB
from wirewatch.store import Store, write
from wirewatch.store.connect import display_name
from wirewatch.store.kb import read_kb_records
from wirewatch.store.migrations import MIGRATIONS_TABLE, POSTGRES_MIGRATIONS

MakeCoded = Callable[[str], CodedArticle]
ARTICLE_TABLES = ("dropped", "sentences", "events", "claims", "actors", "places", "quantities",
                  "evidence", "discrepancies")


def counts(store: Store, article_id: str) -> set[int]:
    """How many rows each table holds for one article."""
    found = {store._db.execute("SELECT count(*) FROM articles WHERE id = ?",
                               (article_id,)).fetchone()[0]}
    for table in ARTICLE_TABLES:
        found.add(store._db.execute(f"SELECT count(*) FROM {table} WHERE article_id = ?",
                                    (article_id,)).fetchone()[0])
    return found


def test_a_new_postgres_database_gets_the_schema_once(pg_url: str) -> None:
    Store.open(pg_url).close()
    with Store.open(pg_url) as store:
        assert store.dialect == "postgresql" and store.path is None
        names = [row[0] for row in store._db.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY seq")]
    assert names == [name for name, _ in POSTGRES_MIGRATIONS]


def test_a_failed_save_leaves_nothing_and_no_gap_in_the_ids(any_db: str, make_coded: MakeCoded,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    with Store.open(any_db) as store:
        store.save(make_coded("earlier"))

        def fail(*args: object) -> None:
            raise RuntimeError("a bug half-way through the article")

        monkeypatch.setattr(write, "insert_claim", fail)  # after its events are written
        with pytest.raises(RuntimeError):
            store.save(make_coded("broken"))
        assert counts(store, "broken") == {0}
        assert store.search("broken") == []
        monkeypatch.undo()
        store.save(make_coded("broken"))
        assert [e.id for e in store.events()] == [1, 2, 3, 4, 5, 6]
        assert [c.id for c in store.claims()] == [1, 2, 3, 4]
        for table in ("sentences", "actors", "places", "quantities", "evidence"):
            ids = [row[0] for row in store._db.execute(f"SELECT id FROM {table} ORDER BY id")]
            assert ids == list(range(1, len(ids) + 1)), table
        assert store.coded("broken") == make_coded("broken")


def test_two_stores_on_one_database_see_each_other(any_db: str, rich_coded: CodedArticle,
                                                   make_coded: MakeCoded) -> None:
    with Store.open(any_db) as writer, Store.open(any_db) as reader:
        writer.save(rich_coded)
        assert reader.coded("kursk-1") == rich_coded
        reader.save(make_coded("second"))
        assert [a.id for a in writer.articles()] == ["kursk-1", "second"]
        assert writer.state() == reader.state()


def test_writers_at_once_lose_and_repeat_nothing(any_db: str, make_coded: MakeCoded) -> None:
    """Four threads, each with its own store, save overlapping articles at the same time."""
    Store.open(any_db).close()
    writers_at_once(any_db, make_coded)


def test_writers_take_turns_whatever_the_servers_isolation_level(pg_url: str,
                                                                make_coded: MakeCoded) -> None:
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f"ALTER DATABASE {pg_url.rsplit('/', 1)[1]}"
                      " SET default_transaction_isolation = 'repeatable read'")
    writers_at_once(pg_url, make_coded)


def writers_at_once(any_db: str, make_coded: MakeCoded) -> None:
    ids = [f"a{i:02d}" for i in range(24)]
    errors: list[BaseException] = []

    def ingest(mine: list[str]) -> None:
        try:
            with Store.open(any_db, timeout=60) as store:
                for article_id in mine:
                    store.save(make_coded(article_id))
        except Exception as exc:  # noqa: BLE001 - reported below, on the test's thread
            errors.append(exc)

    shares = [ids[:16], ids[8:], list(reversed(ids)), ids[::2]]
    threads = [threading.Thread(target=ingest, args=(share,)) for share in shares]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Store.open(any_db) as store:
        assert sorted(a.id for a in store.articles()) == ids
        events = [e.id for e in store.events()]
        assert events == list(range(1, 3 * len(ids) + 1))
        assert sorted(store.copies()) == ids
        assert {a: store.coded(a) for a in ids} == {a: make_coded(a) for a in ids}


def test_a_read_only_database_refuses_saves_and_keeps_its_rows(
        pg_url: str, rich_coded: CodedArticle, make_coded: MakeCoded) -> None:
    with Store.open(pg_url) as store:
        store.save(rich_coded)
    name = pg_url.rsplit("/", 1)[1]
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f"ALTER DATABASE {name} SET default_transaction_read_only = on")
    with Store.open(pg_url) as store:  # up to date: opening only reads
        with pytest.raises(StoreError) as caught:
            store.save(make_coded("later"))
        assert "cannot save article 'later'" in caught.value.what
        assert "read-only" in caught.value.why and "writable" in caught.value.fix
        assert store.coded("kursk-1") == rich_coded
        assert [a.id for a in store.articles()] == ["kursk-1"]


def test_an_unreachable_server_says_so_without_the_password() -> None:
    with pytest.raises(StoreError) as caught:
        Store.open("postgresql://analyst:s3cret@127.0.0.1:1/wirewatch", timeout=2)
    assert "s3cret" not in caught.value.message and "analyst:***@" in caught.value.what
    assert "server is running" in caught.value.fix


def test_a_missing_database_says_how_to_create_it(postgres_server: str) -> None:
    with pytest.raises(StoreError) as caught:
        Store.open(postgres_server.rsplit("/", 1)[0] + "/no_such_wirewatch")
    assert "does not exist" in caught.value.why and "createdb" in caught.value.fix


# (URL, as messages show it, the password): every shape a password can take, encoded or not.
URL_FORMS = [
    ("postgresql://u:pw@host/db", "postgresql://u:***@host/db", "pw"),
    ("postgresql://u:Pa55word@127.0.0.1:1/db", "postgresql://u:***@127.0.0.1:1/db", "Pa55word"),
    ("postgres://u:p@ss@host:5432/db", "postgres://u:***@host:5432/db", "p@ss"),
    ("postgresql://u:sec/retpw@127.0.0.1:1/db", "postgresql://***@127.0.0.1:1/db", "sec/retpw"),
    ("postgresql://u:sec?retpw@127.0.0.1:1/db", "postgresql://***@127.0.0.1:1/db", "sec?retpw"),
    ("postgresql://u:sec#retpw@127.0.0.1:1/db", "postgresql://***@127.0.0.1:1/db", "sec#retpw"),
    ("postgresql://u:sec@ret@pw@127.0.0.1:1/db", "postgresql://u:***@127.0.0.1:1/db",
     "sec@ret@pw"),
    ("postgresql://u:se:cret@127.0.0.1:1/db", "postgresql://u:***@127.0.0.1:1/db", "se:cret"),
    ("postgresql://u:s%40cr%2Fet@127.0.0.1:1/db", "postgresql://u:***@127.0.0.1:1/db",
     "s%40cr%2Fet"),
    ("postgresql://u:s3cret@[::1]:1/db", "postgresql://u:***@[::1]:1/db", "s3cret"),
    ("postgresql+psycopg://u:s3cret@127.0.0.1:1/db", "postgresql+psycopg://u:***@127.0.0.1:1/db",
     "s3cret"),
    ("postgresql://u@127.0.0.1:1/db?sslmode=disable&password=s3cret",
     "postgresql://u@127.0.0.1:1/db?sslmode=disable&password=***", "s3cret"),
    ("postgresql://u@127.0.0.1:1/db?PASSWORD=s3cret", "postgresql://u@127.0.0.1:1/db?PASSWORD=***",
     "s3cret"),
    ("postgresql://u@127.0.0.1:1/db?password=ab#cdefgh", "postgresql://u@127.0.0.1:1/db?password=***",
     "ab#cdefgh"),
    ("postgresql://u:pw1x@127.0.0.1:1/db?sslpassword=k3ypass",
     "postgresql://u:***@127.0.0.1:1/db?sslpassword=***", "k3ypass"),
    ("postgresql://u:@127.0.0.1:1/db", "postgresql://u:***@127.0.0.1:1/db", ""),
    ("postgresql://:s3cret@127.0.0.1:1/db", "postgresql://:***@127.0.0.1:1/db", "s3cret"),
    ("postgresql://u:with space@127.0.0.1:1/db", "postgresql://u:***@127.0.0.1:1/db",
     "with space"),
    ("postgresql://u@host/db", "postgresql://u@host/db", ""),
    ("postgresql://host/db", "postgresql://host/db", ""),
    ("wirewatch.db", "wirewatch.db", ""),
]


@pytest.mark.parametrize(("url", "shown", "password"), URL_FORMS)
def test_messages_name_a_server_without_its_password(url: str, shown: str, password: str) -> None:
    assert display_name(url) == shown


@pytest.mark.parametrize(("url", "shown", "password"),
                         [form for form in URL_FORMS if form[2] and "127.0.0.1" in form[0]])
def test_no_form_of_password_reaches_a_connection_error(url: str, shown: str,
                                                        password: str) -> None:
    """libpq reads a password holding / ? # or @ its own way and quotes pieces of the URL in
    its errors: no piece of the password may show."""
    with pytest.raises(StoreError) as caught:
        Store.open(url, timeout=2)
    message = caught.value.message
    pieces = {password, *(p for p in re.split(r"[@/?#:%]", password) if len(p) >= 3)}
    assert not [piece for piece in pieces if piece in message], message


def test_the_knowledge_base_is_read_from_postgres_without_creating_tables(pg_url: str) -> None:
    assert read_kb_records(pg_url) == []
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT to_regclass('kb_actors')").fetchone() == (None,)
    record = {"id": "ana-example", "type": "person", "name": "Ana Example", "aliases": [],
              "country": "ROU", "sector": "government",
              "roles": [{"post": "Minister of Defence", "country": "ROU", "start": "2025-01-01",
                         "end": None, "sector": "government"}]}
    with Store.open(pg_url) as store:
        store.put_kb_records([record], "test")
    assert read_kb_records(pg_url) == [record]
    found = ActorKB.load(pg_url).match("Ana Example")
    assert found is not None and found.role_on("2025-06-01").post == "Minister of Defence"


def test_alerts_and_feed_state_are_kept_once(any_db: str) -> None:
    with Store.open(any_db) as store:
        store.record_alert("flag-1", "terminal", "low")
        store.record_alert("flag-1", "terminal", "high")  # a second record is ignored
        store.record_alert("flag-1", "webhook", "low", outcome="refused")
        assert store.alerted("terminal") == {"flag-1"} == store.alerted("webhook")
        assert store._db.execute("SELECT confidence FROM alerts WHERE channel = 'terminal'"
                                 ).fetchall()[0][0] == "low"
        store.save_feed_state(FeedState("http://127.0.0.1/feed", '"v1"', None))
        store.save_feed_state(FeedState("http://127.0.0.1/feed", '"v2"', "Mon, 01 Dec 2025"))
        assert store.feed_state("http://127.0.0.1/feed") == FeedState(
            "http://127.0.0.1/feed", '"v2"', "Mon, 01 Dec 2025")
        assert store.feed_state("http://127.0.0.1/other") == FeedState("http://127.0.0.1/other")


@pytest.mark.parametrize("url", [
    "postgresql://analyst:sec%ZZret@127.0.0.1:1/wirewatch",     # libpq quotes the bad token
    "postgresql://analyst:secret@[::1:1/wirewatch",              # and a malformed URL whole
    "postgresql://analyst@127.0.0.1:1/wirewatch?password=secret&connect_timeout=2",
])
def test_a_failed_connection_never_shows_the_password(url: str) -> None:
    with pytest.raises(StoreError) as caught:
        Store.open(url, timeout=2)
    message = caught.value.message
    assert "secret" not in message and "sec%ZZret" not in message and "***" in message
    assert "report it" not in caught.value.fix  # each says what to check


def test_the_urls_own_options_are_kept(pg_url: str, rich_coded: CodedArticle) -> None:
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("CREATE SCHEMA wire")
    with Store.open(pg_url + "?options=-csearch_path%3Dwire") as store:
        store.save(rich_coded)
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT count(*) FROM wire.articles").fetchone() == (1,)
        assert conn.execute("SELECT to_regclass('public.articles')").fetchone() == (None,)


def test_a_lost_connection_reports_why_and_keeps_nothing(pg_url: str, make_coded: MakeCoded,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(pg_url)
    store.save(make_coded("earlier"))
    pid = store._db.conn.info.backend_pid
    real = write.insert_claim

    def server_goes_away(*args: object, **kwargs: object) -> int:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(write, "insert_claim", server_goes_away)
    with pytest.raises(StoreError) as caught:
        store.save(make_coded("lost"))
    assert "terminat" in caught.value.why or "closed" in caught.value.why
    store.close()
    with Store.open(pg_url) as again:
        assert [a.id for a in again.articles()] == ["earlier"]


def test_nul_characters_are_stored_on_both_databases(any_db: str) -> None:
    article = make_article("Troops shelled the port\x00 of Odesa on Monday.", id="nul\x00")
    assert "\x00" not in article.text + article.id and "\ufffd" in article.text
    with Store.open(any_db) as store:
        store.save(CodedArticle(article))
        assert store.article(article.id).text == article.text


def test_a_snapshot_reads_one_moment_while_another_store_writes(any_db: str,
                                                                make_coded: MakeCoded) -> None:
    with Store.open(any_db) as reader, Store.open(any_db) as writer:
        writer.save(make_coded("first"))
        sources = reader.sources()
        writer.save(make_coded("second"))  # between two reads, without a snapshot
        assert {e.article_id for e in reader.events()} - set(sources) == {"second"}
        with reader.snapshot():
            sources = reader.sources()
            writer.save(make_coded("third"))
            assert {e.article_id for e in reader.events()} == set(sources) == {"first", "second"}
            assert [i.mentions[0].source.article_id for i in reader.incidents()]
            with reader.snapshot():  # reentrant: the same moment
                assert [a.id for a in reader.articles()] == ["first", "second"]
        assert [a.id for a in reader.articles()] == ["first", "second", "third"]
        reader.save(make_coded("fourth"))  # the snapshot is over: the store writes again


def test_a_database_from_a_newer_wirewatch_is_refused(any_db: str, make_coded: MakeCoded) -> None:
    with Store.open(any_db) as store:
        store.save(make_coded("kept"))
        with store._db.transaction():
            store._db.execute(f"INSERT INTO {MIGRATIONS_TABLE} (seq, name, applied_at) VALUES "
                              "(1000, '0099_future', '2030-01-01')")
    with pytest.raises(StoreError) as caught:
        Store.open(any_db)
    error = caught.value
    assert "newer wirewatch" in error.what and "'0099_future'" in error.why
    assert "Upgrade wirewatch" in error.fix
    with psycopg.connect(any_db) if any_db.startswith("postgresql") else \
            sqlite3.connect(any_db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_a_lost_connection_is_opened_again(pg_url: str, make_coded: MakeCoded) -> None:
    with Store.open(pg_url) as store:
        store.save(make_coded("before"))
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (store._db.conn.info.backend_pid,))
        with pytest.raises(StoreError):
            store.events()
        assert not store.connected
        store.reconnect()
        assert store.connected and [a.id for a in store.articles()] == ["before"]


@pytest.mark.parametrize("read", ["flags", "incidents", "fused_discrepancies"])
def test_an_article_committed_between_two_reads_is_not_half_seen(
        any_db: str, make_coded: MakeCoded, monkeypatch: pytest.MonkeyPatch, read: str) -> None:
    """Another process commits an article right after the articles are read, before their
    events are: the read goes on as of the first moment (before snapshots: KeyError)."""
    from wirewatch.settings import Settings
    from wirewatch.watch import load_packs, store_flags

    with Store.open(any_db) as reader, Store.open(any_db) as writer:
        writer.save(make_coded("first"))
        sources, late = Store.sources, []

        def sources_then_a_commit(self: Store) -> object:
            found = sources(self)
            late.append(f"late{len(late)}")
            writer.save(make_coded(late[-1]))
            return found

        monkeypatch.setattr(Store, "sources", sources_then_a_commit)
        if read == "flags":
            store_flags(reader, load_packs(Settings().packs))
        elif read == "incidents":
            assert {m.source.article_id for i in reader.incidents() for m in i.mentions} == {
                "first"}
        else:
            reader.fused_discrepancies()
        assert late  # an article was committed in the middle of the read
