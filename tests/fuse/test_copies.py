"""Wire copies: found as articles are stored, verified exactly, kept across reopening."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from wirewatch.fuse.copies import containment, shingles
from wirewatch.ingest import make_article
from wirewatch.model import CodedArticle
from wirewatch.store import Store
from wirewatch.store.connect import Db
from wirewatch.store.migrations import MIGRATIONS, apply_migrations

WORDS = ["minister", "army", "border", "talks", "sanctions", "port", "grain", "ship", "convoy", "rebels", "police", "court", "election", "protest", "capital", "governor", "workers", "engineers", "missile", "drone", "village"]


def article_text(seed: int, sentences: int = 12) -> str:
    rng = random.Random(seed)
    return " ".join(" ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "."
                    for _ in range(sentences))


def save(store: Store, article_id: str, text: str, **meta: str) -> str | None:
    result = store.save(CodedArticle(make_article(text, id=article_id, **meta)))
    assert result.stored
    return result.copy_of


def test_containment_of_an_expanded_version_is_high():
    original = article_text(1)
    updated = original + " " + article_text(2, 3)
    assert containment(shingles(original), shingles(updated)) == 1.0
    assert containment(shingles(original), shingles(article_text(3))) < 0.2


def test_an_update_of_an_update_joins_the_group_of_the_first(tmp_path):
    # each version drops two sentences and adds two: v3 holds most of v2, too little of v1
    a, b, c = (article_text(seed).split(". ") for seed in (1, 2, 3))
    v1, v2, v3 = (". ".join(parts) for parts in (a[:12], a[:10] + b[:2], a[2:10] + b[:2] + c[:2]))
    assert containment(shingles(v3), shingles(v1)) < 0.8 <= containment(shingles(v3), shingles(v2))
    with Store(tmp_path / "w.db") as store:
        assert save(store, "v1", v1) is None
        assert save(store, "v2", v2) == "v1"
        assert save(store, "v3", v3) == "v1"


def test_reprints_and_edited_copies_join_the_first_article(tmp_path):
    original = article_text(1)
    words = original.split()
    words[5] = "Reuters"
    edited = "UPDATE 2 - " + " ".join(words) + " Reporting by staff."
    with Store(tmp_path / "w.db") as store:
        assert save(store, "wire", original) is None
        assert save(store, "reprint", edited) == "wire"
        assert save(store, "other", article_text(9)) is None
        # a copy of a copy joins the group's first article
        assert save(store, "reprint-2", edited + " Editing by desk.") == "wire"
        assert store.copies() == {"wire": "wire", "reprint": "wire", "other": "other",
                                  "reprint-2": "wire"}


def test_a_short_excerpt_is_a_copy_but_a_shared_paragraph_is_not(tmp_path):
    long = article_text(4, 20)
    excerpt = " ".join(long.split(". ")[:13]) + "."  # two thirds of it
    unrelated = article_text(5, 20) + " " + " ".join(long.split(". ")[:2]) + "."
    with Store(tmp_path / "w.db") as store:
        save(store, "long", long)
        assert save(store, "excerpt", excerpt) == "long"
        assert save(store, "unrelated", unrelated) is None


def test_the_index_survives_reopening_the_store(tmp_path):
    text = article_text(6)
    with Store(tmp_path / "w.db") as store:
        save(store, "first", text)
    with Store(tmp_path / "w.db") as store:
        assert save(store, "second", text + " Corrected.") == "first"


def test_the_migration_indexes_articles_already_stored(tmp_path):
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    apply_migrations(Db(conn, "sqlite", str(db)), [m for m in MIGRATIONS if m[0] != "0008_copies"])
    conn.close()
    with Store(db) as store:  # a store from before copies: articles go in without the index
        pass
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TABLE copy_bands")
    conn.execute("DROP TABLE copies")
    conn.execute("DELETE FROM _wirewatch_migrations WHERE name = '0008_copies'")
    text = article_text(7)
    conn.execute("INSERT INTO articles (id, fingerprint, text, coded, stored_at) "
                 "VALUES ('a', 'f1', ?, 0, '2025-01-01'), ('b', 'f2', ?, 0, '2025-01-02')",
                 (text, text + " More."))
    conn.close()
    with Store(db) as store:
        assert store.copies() == {"a": "a", "b": "a"}


@pytest.mark.parametrize("seed", range(3))
def test_deleting_an_article_takes_its_index_rows_with_it(tmp_path, seed):
    db = Path(tmp_path / "w.db")
    with Store(db) as store:
        save(store, "x", article_text(seed))
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM articles WHERE id = 'x'")
    assert conn.execute("SELECT count(*) FROM copy_bands").fetchone()[0] == 0
    conn.close()
