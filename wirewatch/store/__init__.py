"""store: articles and everything read from them, in SQLite (default) or PostgreSQL.

    CodedArticle ──save──▶ articles, dropped, sentences (+ FTS5 / tsvector index)
                           events ─┬─ actors (source / target / recipient / claimant)
                           claims ─┤  places, quantities, evidence
                                   └─ (a claim's actors are claimant / about)
                           discrepancies ── discrepancy_values (value, stated by, evidence)
                 kb_actors (the user's knowledge base, one JSON record per actor)
                 ◀─coded── rebuilt exactly, equal to what was saved

One transaction per article, writers one at a time; the same fingerprint is stored
once; the schema is a list of named migrations in ``migrations.py``, recorded in the
database. ``connect.Db`` is the seam between the two databases.
"""

from wirewatch.store.records import (
    RefusedAlert,
    SaveResult,
    SearchHit,
    StoredClaim,
    StoredDiscrepancy,
    StoredEvent,
)
from wirewatch.store.store import Store

__all__ = ["RefusedAlert", "SaveResult", "SearchHit", "Store", "StoredClaim", "StoredDiscrepancy", "StoredEvent"]
