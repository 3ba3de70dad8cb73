"""Full-text search over sentences (FTS5), safe for whatever the user types.

User text is never passed to FTS5 as query syntax: each whitespace-separated word
becomes a quoted phrase, so ``"``, ``-``, ``*``, ``AND``, ``NEAR(`` and the like are
searched for as words (or ignored when they hold no letters or digits), never parsed.
"""

from __future__ import annotations

import sqlite3

from wirewatch.store.records import SearchHit

SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS = "[", "]", "…"
SNIPPET_WORDS = 12

_SEARCH = """
SELECT s.article_id, s.sentence_index, s.char_start, s.char_end, s.text,
       snippet(sentences_fts, 0, ?, ?, ?, ?) AS snippet
FROM sentences_fts JOIN sentences AS s ON s.id = sentences_fts.rowid
WHERE sentences_fts MATCH ?
ORDER BY sentences_fts.rank, s.id
LIMIT ? OFFSET ?
"""
_COUNT = "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH ?"


def fts_query(text: str) -> str | None:
    """An FTS5 query matching sentences with every word of ``text``; None if it has none.

    A word is quoted as an FTS5 string (``"`` doubled), which FTS5 then tokenizes
    like the indexed text: ``U.S.`` becomes the phrase ``u s``, ``AND`` a plain word.
    """
    text = "".join(char if char.isprintable() else " " for char in text)  # NUL ends FTS5 strings
    words = [word for word in text.split() if any(char.isalnum() for char in word)]
    if not words:
        return None
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def search(conn: sqlite3.Connection, text: str, limit: int, offset: int = 0) -> list[SearchHit]:
    """Sentences containing every word of ``text``, best match (BM25) first."""
    query = fts_query(text)
    if query is None or limit < 1:
        return []
    rows = conn.execute(_SEARCH, (SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS,
                                  SNIPPET_WORDS, query, limit, offset))
    return [SearchHit(article_id=row["article_id"], sentence_index=row["sentence_index"],
                      start=row["char_start"], end=row["char_end"], text=row["text"],
                      snippet=row["snippet"]) for row in rows]


def count(conn: sqlite3.Connection, text: str) -> int:
    """How many sentences ``search`` would find without a limit."""
    query = fts_query(text)
    return 0 if query is None else int(conn.execute(_COUNT, (query,)).fetchone()[0])


__all__ = ["SNIPPET_CLOSE", "SNIPPET_OPEN", "count", "fts_query", "search"]
