"""store: articles and everything read from them, in SQLite (PostgreSQL later).

    CodedArticle ──save──▶ articles, dropped, sentences (+ FTS5 index)
                           events ─┬─ actors (source / target / recipient / claimant)
                           claims ─┤  places, quantities, evidence
                                   └─ (a claim's actors are claimant / about)
                           discrepancies ── discrepancy_values (value, stated by, evidence)
                 kb_actors (the user's knowledge base, one JSON record per actor)
                 ◀─coded── rebuilt exactly, equal to what was saved

One transaction per article; the same fingerprint is stored once; the schema is
a list of named migrations in ``migrations.py``, recorded in the database.
"""

from wirewatch.store.records import (
    SaveResult,
    SearchHit,
    StoredClaim,
    StoredDiscrepancy,
    StoredEvent,
)
from wirewatch.store.sqlite import Store

__all__ = ["SaveResult", "SearchHit", "Store", "StoredClaim", "StoredDiscrepancy", "StoredEvent"]
