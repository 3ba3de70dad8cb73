"""Helpers for the scale and fault tests: a corpus of short articles and a dump of a
database that two runs can be compared by."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.store import Store

VOLATILE = {"stored_at", "applied_at", "updated_at", "sent_at"}
"""Columns that say when, not what: two equal runs differ only there."""
OWN = {"_wirewatch_migrations", "rowid"}
"""What differs by design between a SQLite and a PostgreSQL store: the migrations each
applied, and the ``rowid`` column PostgreSQL's ``articles`` spells out."""

_TABLES = {
    "sqlite": ("SELECT name FROM sqlite_master WHERE type = 'table'"
               " AND name NOT LIKE 'sentences_fts%' AND name NOT LIKE 'sqlite_%'"),
    "postgresql": ("SELECT table_name FROM information_schema.tables"
                   " WHERE table_schema = current_schema()"),
}
_COLUMNS = {
    "sqlite": "SELECT name FROM pragma_table_info(?)",
    "postgresql": ("SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                   " AND table_schema = current_schema() ORDER BY ordinal_position"),
}


def dump(db: Path | str) -> dict[str, list[tuple]]:
    """Every row of every table (FTS shadow tables aside), without the volatile columns,
    from a SQLite file or a PostgreSQL URL, comparable across the two."""
    with Store.open(db) as store:
        conn = store._db
        tables = sorted(r[0] for r in conn.execute(_TABLES[conn.dialect]) if r[0] not in OWN)
        out = {}
        for table in tables:
            columns = [r[0] for r in conn.execute(_COLUMNS[conn.dialect], (table,))
                       if r[0] not in VOLATILE | OWN]
            out[table] = [tuple(row) for row in conn.execute(
                f"SELECT {', '.join(columns)} FROM {table} ORDER BY {', '.join(columns)}")]
        return out


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
