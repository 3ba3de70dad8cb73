"""Wire copies: exact and near-verbatim copies of an article, found as articles arrive.

Each article's text becomes a set of five-word shingles; datasketch turns the set into a
MinHash signature and chooses the LSH banding (``b`` bands of ``r`` rows) for the
similarity threshold. The band keys are written to the store, in the same transaction as
the article, rather than kept in datasketch's in-memory index: datasketch persists only
to Redis or Cassandra, and an index in the database survives restarts, is shared by
every process writing to the store, and costs one indexed lookup per band however large
the store grows. A candidate that shares a band is a copy when most of the shorter
text's shingles are in the longer one (``containment``), computed exactly from the two
texts, so a chance collision never groups two articles.

A copy joins the group of the article it copies best (an update of an update joins the
first's group too); a group is one independent source however many outlets reprint it.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store imports this module
    from wirewatch.store.connect import Db

NUM_PERM = 128
LSH_THRESHOLD = 0.4
"""Jaccard similarity at which a pair is likely to share a band: low, because an updated
version that adds paragraphs keeps its containment but loses Jaccard."""
CONTAINMENT = 0.8
"""Share of the shorter text's shingles found in the other that makes it a copy."""
SHINGLE = 5
PER_GROUP = 3
"""Members of one copy group checked against a new article, at most."""
_WORD = re.compile(r"\w+")
_CHUNK = 4096


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The text's runs of ``size`` words, case-folded (a short text is one shingle)."""
    words = _WORD.findall(text.casefold())
    return {" ".join(words[i:i + size]).encode() for i in range(max(1, len(words) - size + 1))}


def containment(a: set[bytes], b: set[bytes]) -> float:
    """Share of the smaller set that is in the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@cache
def _bands() -> tuple[tuple[int, int], ...]:
    from datasketch import MinHashLSH  # imported when first needed: it loads scipy (0.3 s)
    return tuple(MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges)


def band_keys(words: set[bytes]) -> list[int]:
    """One signed 64-bit key per LSH band of the shingles' MinHash (band number included)."""
    from datasketch import MinHash
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32)
    listed = list(words)
    # update_batch holds a (shingles x NUM_PERM) array of 8-byte ints: 800 MB for a 5 MB
    # text in one go, a few MB in chunks, with the same signature.
    for start in range(0, len(listed), _CHUNK):
        minhash.update_batch(listed[start:start + _CHUNK])
    values = minhash.hashvalues
    keys = []
    for band, (start, end) in enumerate(_bands()):
        digest = hashlib.blake2b(values[start:end].tobytes(), digest_size=8,
                                 person=band.to_bytes(2, "big")).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


@dataclass(frozen=True, slots=True)
class Match:
    """The copy group an article joined."""

    article_id: str
    copy_of: str
    """The first article of its group; the article itself when it copies nothing."""
    containment: float
    """How much of the shorter text is in the matched article's (1.0 for itself)."""


class CopyIndex:
    """The LSH index in the store's ``copies`` and ``copy_bands`` tables; candidates' texts
    are read from its ``articles`` table. The caller holds the transaction.
    """

    def __init__(self, db: Db) -> None:
        self.db = db

    def text_of(self, article_id: str) -> str:
        return str(self.db.execute("SELECT text FROM articles WHERE id = ?",
                                     (article_id,)).fetchone()[0])

    def add(self, article_id: str, text: str) -> Match:
        """Index one article and record which group it joins."""
        words = shingles(text)
        keys = band_keys(words)
        shared = self._sharing(keys)
        bands = Counter((article, group) for _, article, group, _ in sorted(shared))  # earliest first
        best = self._best(words, sorted(bands, key=lambda c: -bands[c]))
        copy_of, score = (best[0], best[1]) if best else (article_id, 1.0)
        seq = self.db.next_id("copies", "seq")
        self.db.execute(
            "INSERT INTO copies (seq, article_id, copy_of, containment) VALUES (?, ?, ?, ?)",
            (seq, article_id, copy_of, score))
        # A band its group already holds adds nothing a later lookup needs (one check per
        # group), so a key has one row per group however many reprints the group gathers.
        held = {key for _, _, group, key in shared if group == copy_of}
        self.db.executemany("INSERT INTO copy_bands (key, seq) VALUES (?, ?) ON CONFLICT DO NOTHING",
                            [(key, seq) for key in keys if key not in held])
        return Match(article_id, copy_of, score)

    def _sharing(self, keys: Sequence[int]) -> list[tuple[int, str, str, int]]:
        """(seq, article id, its group, band key) of stored articles sharing a band."""
        marks = ", ".join("?" * len(keys))
        return [(row[0], row[1], row[2], row[3]) for row in self.db.execute(
            "SELECT c.seq, c.article_id, c.copy_of, b.key FROM copy_bands AS b"
            f" JOIN copies AS c ON c.seq = b.seq WHERE b.key IN ({marks})", list(keys))]

    def _best(self, words: set[bytes], candidates: Iterable[tuple[str, str]]) -> tuple[str, float] | None:
        """The group the text copies best, trying the candidates sharing most bands first
        and at most ``PER_GROUP`` of each group: the cost stays flat as groups grow, and a
        third version is checked against the second it updates, not only the first."""
        best: tuple[str, float] | None = None
        tried: dict[str, int] = {}
        for candidate, group in candidates:
            if tried.get(group, 0) >= PER_GROUP:
                continue
            tried[group] = tried.get(group, 0) + 1
            score = containment(words, shingles(self.text_of(candidate)))
            if score >= CONTAINMENT and (best is None or score > best[1]):
                best = (group, score)
        return best


def index_stored(db: Db) -> None:
    """Index the articles a store already holds, in the order they were stored (the
    migration that adds the index runs this)."""
    index = CopyIndex(db)
    for article_id, text in db.execute("SELECT id, text FROM articles ORDER BY stored_at, rowid"):
        index.add(article_id, text)


__all__ = ["CONTAINMENT", "CopyIndex", "Match", "band_keys", "containment", "index_stored",
           "shingles"]
