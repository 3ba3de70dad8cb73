"""Helpers for the scale and fault tests: a corpus of short articles and a dump of a
database that two runs can be compared by."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

VOLATILE = {"stored_at", "applied_at", "updated_at", "sent_at"}
"""Columns that say when, not what: two equal runs differ only there."""


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table (FTS shadow tables aside), without the volatile columns."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sentences_fts%'"
            " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        out = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                       if r[1] not in VOLATILE]
            out[table] = conn.execute(f"SELECT {', '.join(columns)} FROM {table} "
                                      f"ORDER BY {', '.join(columns)}").fetchall()
        return out
    finally:
        conn.close()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """120 short articles: shelling reports and sanctions-relevant transfers, each distinct."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    records = []
    for i in range(120):
        text = (f"Russian troops shelled the village of Novoselivka-{i} on Monday, killing "
                f"{i + 2} civilians, Ukrainian officials said. North Korea sent {100 + i} "
                f"construction workers to Russia's Kursk region, according to report {i}.")
        records.append({"id": f"a{i:03d}", "text": text, "publisher": f"Outlet {i % 7}",
                        "published": f"2025-03-{1 + i % 28:02d}"})
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def dump_db():
    """``dump`` as a fixture (test modules here are not a package)."""
    return dump
