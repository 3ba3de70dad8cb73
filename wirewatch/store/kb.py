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

from wirewatch.store.connect import Db, database_path, display_name, is_postgres, translate_errors


def read_kb_records(db: str | Path) -> list[dict[str, Any]]:
    """The records in the store at ``db``, read-only; [] when the file or table is not there.

    Extraction calls this before any store is opened (``wirewatch code`` has none), so it
    must not create the file (or, on a server, the tables).
    """
    if is_postgres(db):
        server = Db.open(db, timeout=5.0)
        try:
            with translate_errors(f"cannot read the knowledge base in {display_name(db)}"):
                return stored_records(server) if server.has_table("kb_actors") else []
        finally:
            server.close()
    path = database_path(db)
    if str(path) == ":memory:" or not path.is_file():
        return []
    with translate_errors(f"cannot read the knowledge base in {path}"):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'kb_actors'").fetchone()
            return stored_records(Db(conn, "sqlite", str(path))) if found else []
        finally:
            conn.close()


def put_records(db: Db, records: Iterable[dict[str, Any]], source: str) -> int:
    """Insert or replace records by id inside the caller's transaction; returns how many."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    rows = [(r["id"], json.dumps(r, ensure_ascii=False, sort_keys=True), source, now)
            for r in records]
    db.executemany("INSERT INTO kb_actors (id, record, source, updated_at) VALUES (?, ?, ?, ?)"
                     " ON CONFLICT (id) DO UPDATE SET record = excluded.record,"
                     " source = excluded.source, updated_at = excluded.updated_at"
                     " WHERE kb_actors.record <> excluded.record", rows)
    return len(rows)


def stored_records(db: Db) -> list[dict[str, Any]]:
    return [json.loads(row[0]) for row in
            db.execute("SELECT record FROM kb_actors ORDER BY id").fetchall()]


__all__ = ["put_records", "read_kb_records", "stored_records"]
