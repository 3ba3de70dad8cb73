"""The user's knowledge-base actors in the store: ``kb_actors``, one JSON record per actor.

Records keep the shape of ``data/actors.json`` so that what a user adds reads like what
ships. Writes replace whole records in one transaction, so an import either lands
complete or not at all, and importing the same file twice leaves the same table.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wirewatch.store.connect import database_path, translate_errors


def read_kb_records(db: str | Path) -> list[dict[str, Any]]:
    """The records in the store at ``db``, read-only; [] when the file or table is not there.

    Extraction calls this before any store is opened (``wirewatch code`` has none), so it
    must not create the file.
    """
    path = database_path(db)
    if str(path) == ":memory:" or not path.is_file():
        return []
    with translate_errors(f"cannot read the knowledge base in {path}"):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'kb_actors'").fetchone()
            return stored_records(conn) if found else []
        finally:
            conn.close()


def put_records(conn: sqlite3.Connection, records: Iterable[dict[str, Any]], source: str) -> int:
    """Insert or replace records by id inside the caller's transaction; returns how many."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    rows = [(r["id"], json.dumps(r, ensure_ascii=False, sort_keys=True), source, now)
            for r in records]
    conn.executemany("INSERT INTO kb_actors (id, record, source, updated_at) VALUES (?, ?, ?, ?)"
                     " ON CONFLICT (id) DO UPDATE SET record = excluded.record,"
                     " source = excluded.source, updated_at = excluded.updated_at"
                     " WHERE kb_actors.record <> excluded.record", rows)
    return len(rows)


def stored_records(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [json.loads(row[0]) for row in
            conn.execute("SELECT record FROM kb_actors ORDER BY id").fetchall()]


__all__ = ["put_records", "read_kb_records", "stored_records"]
