"""Runs that survive faults: `kill -9` at any point and a second run give exactly the
database of one uninterrupted run; a full disk stops a run cleanly, with a message, and
loses nothing already stored."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import psycopg
import pytest

from wirewatch import jobs
from wirewatch.errors import StoreError
from wirewatch.settings import Settings
from wirewatch.store import Store
from wirewatch.store import connect as connect_module

pytestmark = pytest.mark.slow


def stored(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def command(corpus, db, *extra: str) -> list[str]:
    return [sys.executable, "-m", "wirewatch", "run", str(corpus), "--db", str(db), *extra]


def kill_9_mid_run_then_run_again(corpus, db, count, *extra: str) -> None:
    """Start ``wirewatch run`` into ``db``, kill -9 it once ``count(db)`` says it is part way
    through, and run the same command again."""
    # start_new_session: kill -9 the whole group, as a crash would take the pool with it
    process = subprocess.Popen(command(corpus, db, *extra), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while count(db) < 15 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    before = count(db)
    assert 15 <= before < 120, f"the kill came at {before} articles, not in the middle of the run"
    subprocess.run(command(corpus, db, *extra), check=True, capture_output=True, timeout=600)


@pytest.mark.parametrize("engine", ["local", "processes"])
def test_kill_9_then_run_again_gives_the_database_of_one_run(corpus, tmp_path, dump_db, engine):
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    extra = ["--engine", engine] + (["--workers", "2"] if engine == "processes" else [])
    subprocess.run(command(corpus, clean, *extra), check=True, capture_output=True, timeout=600)
    kill_9_mid_run_then_run_again(corpus, killed, stored, *extra)
    assert dump_db(killed) == dump_db(clean)


def stored_on_server(url: str) -> int:
    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except psycopg.Error:
        return 0


def test_kill_9_on_postgres_then_run_again_gives_the_database_of_one_run(corpus, tmp_path,
                                                                          dump_db, pg_url):
    clean = tmp_path / "clean.db"
    subprocess.run(command(corpus, clean), check=True, capture_output=True, timeout=600)
    kill_9_mid_run_then_run_again(corpus, pg_url, stored_on_server)
    assert dump_db(pg_url) == dump_db(clean)  # the same rows as one run on SQLite


def test_a_full_disk_stops_the_run_cleanly_and_keeps_what_was_stored(corpus, tmp_path,
                                                                     monkeypatch):
    db = tmp_path / "full.db"
    lines = corpus.read_text(encoding="utf-8").splitlines()
    first = tmp_path / "first.jsonl"
    first.write_text("\n".join(lines[:5]) + "\n", encoding="utf-8")
    jobs.ingest([str(first)], settings=Settings(db=str(db)))
    with sqlite3.connect(db) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    real = connect_module.configure

    def small_disk(conn: sqlite3.Connection, timeout: float) -> None:
        real(conn, timeout)
        conn.execute(f"PRAGMA max_page_count = {pages + 8}")  # room for a few articles

    monkeypatch.setattr(connect_module, "configure", small_disk)
    with pytest.raises(StoreError) as caught:
        jobs.ingest([str(corpus)], settings=Settings(db=str(db)))
    assert "full" in caught.value.why
    assert "Free disk space" in caught.value.fix
    monkeypatch.undo()
    kept = stored(db)
    assert 5 <= kept < 120
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = conn.execute("SELECT count(*) FROM events WHERE article_id NOT IN "
                               "(SELECT id FROM articles)").fetchone()[0]
        assert orphans == 0
    report = jobs.ingest([str(corpus)], settings=Settings(db=str(db)))  # room again: it goes on
    assert len(report.stored) == 120 - kept and len(report.duplicates) == kept


def test_two_ingesters_at_once_lose_and_repeat_nothing(corpus, tmp_path, any_db):
    lines = corpus.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[:80]) + "\n", encoding="utf-8")
    second.write_text("\n".join(reversed(lines[40:])) + "\n", encoding="utf-8")  # overlapping
    jobs.ingest([], settings=Settings(db=any_db))  # the store exists before both start
    runs = [subprocess.Popen(command(path, any_db), stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE) for path in (first, second)]
    for process in runs:
        _, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
    with Store.open(any_db) as store:
        ids = [article.id for article in store.articles()]
        copies = store.copies()
        events = [event.id for event in store.events()]
    assert sorted(ids) == sorted(f"a{i:03d}" for i in range(120))
    assert sorted(copies) == sorted(ids)
    assert events == list(range(1, len(events) + 1))  # each event once, numbered without gaps


DIE_IN_A_SAVE = """
import os, sys
from wirewatch.store import write
from wirewatch.serve.cli import main
real, calls = write.insert_event, [0]
def insert_event(*args, **kwargs):
    calls[0] += 1
    real(*args, **kwargs)
    if calls[0] == int(os.environ["DIE_AT"]):
        os._exit(137)  # as kill -9 would, half-way through an article's transaction
write.insert_event = insert_event
main(sys.argv[1:])
"""


def test_dying_inside_an_articles_transaction_leaves_no_part_of_it(corpus, tmp_path, dump_db):
    clean, died = tmp_path / "clean.db", tmp_path / "died.db"
    subprocess.run(command(corpus, clean), check=True, capture_output=True, timeout=600)
    env = {**os.environ, "DIE_AT": "41"}  # after an article's first event, before its last
    dying = subprocess.run([sys.executable, "-c", DIE_IN_A_SAVE, "run", str(corpus), "--db",
                            str(died)], check=False, env=env, capture_output=True,
                           timeout=600)
    assert dying.returncode == 137, dying.stderr
    per_article = "SELECT article_id, count(*) FROM events GROUP BY article_id"
    with sqlite3.connect(clean) as conn:
        expected = dict(conn.execute(per_article).fetchall())
    with sqlite3.connect(died) as conn:
        kept = dict(conn.execute(per_article).fetchall())
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 5 < articles == len(kept) < 120
    assert sum(kept.values()) < 41  # the 41st event, and its article, are not there
    assert all(kept[a] == expected[a] for a in kept)  # every article kept is whole
    subprocess.run(command(corpus, died), check=True, capture_output=True, timeout=600)
    assert dump_db(died) == dump_db(clean)
