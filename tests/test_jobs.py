"""Ingest runs: idempotent, and an interrupted run finished later equals one clean run."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wirewatch import jobs
from wirewatch.settings import Settings

pytestmark = pytest.mark.slow

TABLES = ("articles", "sentences", "events", "actors", "places", "quantities", "claims",
          "evidence", "dropped")
SENTENCES = [
    "Russian forces shelled Kharkiv overnight, killing {n} civilians, officials said.",
    "Ukraine's president met the Polish prime minister in Warsaw on day {n} of the talks.",
    "Police arrested {n} protesters in Tbilisi after a rally against the new law.",
    "The European Union imposed sanctions on {n} Iranian officials on Monday.",
]


def corpus(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            text = " ".join(s.format(n=n + 2) for s in SENTENCES) + f" Report number {n}."
            out.write(json.dumps({"id": f"a{n:03d}", "text": text, "publisher": "Wire"}) + "\n")
    return path


def dump(db: Path) -> dict[str, list[tuple]]:
    """Table contents without ingestion timestamps, which differ between runs by design."""
    with sqlite3.connect(db) as conn:
        out = {}
        for table in TABLES:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")
                       if "ingested" not in row[1] and "_at" not in row[1]]
            out[table] = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1").fetchall()
    return out


def test_second_ingest_adds_nothing(tmp_path):
    source = corpus(tmp_path / "in.jsonl", 3)
    settings = Settings(db=str(tmp_path / "w.db"))
    first = jobs.ingest([str(source)], settings=settings)
    again = jobs.ingest([str(source)], settings=settings)
    assert len(first.stored) == 3 and first.events > 0
    assert again.stored == [] and len(again.duplicates) == 3


def test_two_processes_give_the_same_database_as_one(tmp_path):
    source = corpus(tmp_path / "in.jsonl", 6)
    one = Settings(db=str(tmp_path / "one.db"), batch_size=2)
    two = Settings(db=str(tmp_path / "two.db"), batch_size=2, processes=2)
    jobs.ingest([str(source)], settings=one)
    jobs.ingest([str(source)], settings=two)
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")


def test_killed_run_then_rerun_equals_one_clean_run(tmp_path):
    """kill -9 in the middle of an ingest, run it again: the database is that of one clean run."""
    source = corpus(tmp_path / "in.jsonl", 60)
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    command = [sys.executable, "-m", "wirewatch", "ingest", str(source), "--db", str(killed_db)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = _wait_for_articles(killed_db, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < stored < 60, "the run should be killed part-way"
    subprocess.run(command, check=True, capture_output=True)
    jobs.ingest([str(source)], settings=Settings(db=str(clean_db)))
    assert dump(killed_db) == dump(clean_db)


def _wait_for_articles(db: Path, process: subprocess.Popen[bytes], timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                    count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                count = 0
            if count >= 3:
                return count
        time.sleep(0.01)
    return 0
