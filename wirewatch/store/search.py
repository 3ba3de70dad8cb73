"""Full-text search over sentences, safe for whatever the user types.

SQLite searches its FTS5 index; PostgreSQL the GIN index over ``wirewatch_words``
(``store/migrations.py``: punctuation splits words, case and accents folded, as FTS5's
``unicode61`` does). Either way a sentence matches when it holds every word typed, each
word searched as a phrase tokenized like the text ("Jong-un", "U.S.", "15,000").

User text is never passed to either as query syntax: each whitespace-separated word
becomes a quoted FTS5 phrase or a ``wirewatch_phrase`` parameter, so ``"``, ``-``,
``*``, ``AND``, ``NEAR(``, ``&``, ``!`` and the like are searched for as words (or
ignored when they hold no letters or digits), never parsed.
"""

from __future__ import annotations

from wirewatch.store.connect import Db
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

_PG_SEARCH = """
WITH q AS (SELECT {query} AS query)
SELECT s.article_id, s.sentence_index, s.char_start, s.char_end, s.text,
       ts_headline('wirewatch', s.text, q.query, ?) AS snippet
FROM sentences AS s, q
WHERE wirewatch_words(s.text) @@ q.query
ORDER BY ts_rank(wirewatch_words(s.text), q.query) DESC, s.id
LIMIT ? OFFSET ?
"""
_PG_COUNT = ("WITH q AS (SELECT {query} AS query) SELECT count(*) FROM sentences AS s, q"
             " WHERE wirewatch_words(s.text) @@ q.query")
_PG_HEADLINE = (f"StartSel={SNIPPET_OPEN}, StopSel={SNIPPET_CLOSE}, MaxWords={SNIPPET_WORDS}, "
                f"MinWords={SNIPPET_WORDS // 2}, MaxFragments=1, "
                f"FragmentDelimiter={SNIPPET_ELLIPSIS}")


def query_words(text: str) -> list[str]:
    """The words of ``text`` worth searching for: those with a letter or digit."""
    text = "".join(char if char.isprintable() else " " for char in text)  # NUL ends strings
    return [word for word in text.split() if any(char.isalnum() for char in word)]


def fts_query(text: str) -> str | None:
    """An FTS5 query matching sentences with every word of ``text``; None if it has none.

    A word is quoted as an FTS5 string (``"`` doubled), which FTS5 then tokenizes
    like the indexed text: ``U.S.`` becomes the phrase ``u s``, ``AND`` a plain word.
    """
    words = query_words(text)
    if not words:
        return None
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def _pg_query(words: list[str]) -> str:
    return " && ".join(["wirewatch_phrase(?)"] * len(words))


def search(db: Db, text: str, limit: int, offset: int = 0) -> list[SearchHit]:
    """Sentences containing every word of ``text``, best match first (BM25 in SQLite,
    ``ts_rank`` in PostgreSQL), then in the order stored."""
    words = query_words(text)
    if not words or limit < 1:
        return []
    if db.dialect == "sqlite":
        rows = db.execute(_SEARCH, (SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS,
                                    SNIPPET_WORDS, fts_query(text), limit, offset))
    else:
        rows = db.execute(_PG_SEARCH.format(query=_pg_query(words)),
                          (*words, _PG_HEADLINE, limit, offset))
    return [SearchHit(article_id=row["article_id"], sentence_index=row["sentence_index"],
                      start=row["char_start"], end=row["char_end"], text=row["text"],
                      snippet=row["snippet"]) for row in rows]


def count(db: Db, text: str) -> int:
    """How many sentences ``search`` would find without a limit."""
    words = query_words(text)
    if not words:
        return 0
    if db.dialect == "sqlite":
        return int(db.execute(_COUNT, (fts_query(text),)).fetchone()[0])
    return int(db.execute(_PG_COUNT.format(query=_pg_query(words)), words).fetchone()[0])


__all__ = ["SNIPPET_CLOSE", "SNIPPET_OPEN", "count", "fts_query", "query_words", "search"]
