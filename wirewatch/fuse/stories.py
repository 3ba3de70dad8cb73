"""Stories: articles about the same real-world happening, written independently.

Each article is a TF-IDF vector over its content words (the title counted twice: it
names the happening), compared by cosine. Articles join by average linkage: two groups
merge while the mean similarity of their members is at least ``THRESHOLD``, best pair
first, and only when their dates lie within ``WINDOW_DAYS`` of each other. Only pairs
that share a word are ever compared (an inverted index), and average linkage runs inside
each connected group of such pairs, so unrelated articles cost nothing.

Written here rather than with scikit-learn: scikit-learn is a development dependency
only, and these forty lines are the whole of what is needed.
"""

from __future__ import annotations

import collections
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from wirewatch.fuse.incidents import day_of

THRESHOLD = 0.17
"""Mean cosine at which two groups of articles are one story (chosen on giveme5w1h)."""
WINDOW_DAYS = 7
"""Articles further apart than this are not one happening."""
_WORD = re.compile(r"[^\W\d_]{3,}")
Item = tuple[str, str, str, str]
"""(article id, title, text, ISO date or "") of one article to cluster."""


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one happening, in the order given."""

    story_id: str
    title: str
    """The title of its first article that has one (else that article's first line)."""
    articles: tuple[str, ...]


def vectors(items: Sequence[Item]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors (sublinear term frequency, smoothed IDF)."""
    counts = []
    for _, title, text, _ in items:
        words = [w for w in _WORD.findall(f"{title} {title} {text}".casefold()) if w not in STOP_WORDS]
        counts.append(collections.Counter(words))
    df = collections.Counter(word for count in counts for word in count)
    n = len(items)
    out = []
    for count in counts:
        vector = {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in count.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        out.append({w: v / norm for w, v in vector.items()})
    return out


def cluster_texts(items: Sequence[Item], threshold: float = THRESHOLD) -> list[Story]:
    """Group articles into stories, each story's articles in the order given."""
    found = vectors(items)
    days = [day_of(item[3]) for item in items]
    similar = _similarities(found)
    parent = list(range(len(items)))
    for i, j in similar:
        parent[_root(parent, j)] = _root(parent, i)
    components = collections.defaultdict(list)
    for i in range(len(items)):
        components[_root(parent, i)].append(i)
    groups = [g for members in components.values() for g in _average_link(members, similar, days, threshold)]
    groups.sort(key=min)
    return [Story(f"story-{items[min(g)][0]}", _title(items, sorted(g)),
                  tuple(items[i][0] for i in sorted(g))) for g in groups]


def _title(items: Sequence[Item], members: list[int]) -> str:
    """The first title given, else the first line of the first article, shortened."""
    title = next((items[i][1] for i in members if items[i][1]), "")
    line = title or items[members[0]][2].strip().split("\n")[0]
    return line if len(line) <= 100 else line[:99].rsplit(" ", 1)[0] + "…"


def _similarities(found: list[dict[str, float]]) -> dict[tuple[int, int], float]:
    """Cosine of every pair of articles that share a word (i < j)."""
    postings = collections.defaultdict(list)
    for i, vector in enumerate(found):
        for word, weight in vector.items():
            postings[word].append((i, weight))
    sums: dict[tuple[int, int], float] = collections.defaultdict(float)
    for entries in postings.values():
        for a in range(len(entries)):
            i, wi = entries[a]
            for j, wj in entries[a + 1:]:
                sums[(i, j)] += wi * wj
    return {pair: s for pair, s in sums.items() if s > 0}


def _average_link(members: list[int], similar: dict[tuple[int, int], float],
                  days: list[date | None], threshold: float) -> list[list[int]]:
    groups = [[i] for i in members]
    while len(groups) > 1:
        best, pair = threshold, None
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                if not _close_in_time(groups[a], groups[b], days):
                    continue
                total = sum(similar.get((min(i, j), max(i, j)), 0.0) for i in groups[a] for j in groups[b])
                mean = total / (len(groups[a]) * len(groups[b]))
                if mean >= best:
                    best, pair = mean, (a, b)
        if pair is None:
            break
        a, b = pair
        groups[a] += groups.pop(b)
    return groups


def _close_in_time(a: list[int], b: list[int], days: list[date | None]) -> bool:
    known = [day for i in a + b if (day := days[i]) is not None]
    return not known or (max(known) - min(known)).days <= WINDOW_DAYS


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


__all__ = ["THRESHOLD", "WINDOW_DAYS", "Story", "cluster_texts", "vectors"]
