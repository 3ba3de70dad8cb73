"""Stories: articles about the same real-world happening, written independently.

Each article is a TF-IDF vector over its content words (the title counted twice: it
names the happening), compared by cosine. Articles join by average linkage: two groups
merge while the mean similarity of their members is at least ``THRESHOLD``, best pair
first (on a tie, the pair whose first members come later), and only when their dates lie
within ``WINDOW_DAYS`` of each other. Only pairs that share a word are ever compared (an
inverted index), and average linkage runs inside each connected group of such pairs, so
unrelated articles cost nothing.

Average linkage keeps, for every group, the summed similarity to each group it shares a
word with; a merge adds the two rows, so it costs the number of groups they touch rather
than a rescan of every pair of groups. Candidate pairs that may reach the threshold wait
in a heap, best first, and an entry left stale by a merge is dropped when it surfaces.
For n articles that all share words this is O(n²) for the similarities and about
O(n² log n) for the merges, where rescanning was O(n³) (many exactly tied pairs, such as
bulletins differing only in their numbers, are summed afresh and still cost more): the 2,225 BBC news articles cluster
in about ten seconds on one core, six of them spent on the similarities.

Written here rather than with scikit-learn: scikit-learn is a development dependency
only.
"""

from __future__ import annotations

import collections
import heapq
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from wirewatch.fuse.incidents import day_of

THRESHOLD = 0.17
"""Mean cosine at which two groups of articles are one story (chosen on giveme5w1h)."""
WINDOW_DAYS = 7
"""Articles further apart than this are not one happening."""
_WORD = re.compile(r"[^\W\d_]{3,}")
_SLACK = 1e-9
"""Far above the rounding a merged sum gathers: candidates this close are summed afresh."""
Item = tuple[str, str, str, str]
"""(article id, title, text, ISO date or "") of one article to cluster."""
Links = list[dict[int, float]]
"""For each article, its cosine with each article it shares a word with."""
Span = tuple[date, date] | None
"""The first and last known date of a group's articles; None when none is known."""
Entry = tuple[float, int, int, int, int]
"""A candidate pair in the heap: (-mean, -first group, -second group, their sizes)."""


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
    links = _similarities(found)
    groups = [g for members in _components(links) for g in _average_link(members, links, days, threshold)]
    groups.sort(key=min)
    return [Story(f"story-{items[min(g)][0]}", _title(items, sorted(g)),
                  tuple(items[i][0] for i in sorted(g))) for g in groups]


def _title(items: Sequence[Item], members: list[int]) -> str:
    """The first title given, else the first line of the first article, shortened."""
    title = next((items[i][1] for i in members if items[i][1]), "")
    line = title or items[members[0]][2].strip().split("\n")[0]
    return line if len(line) <= 100 else line[:99].rsplit(" ", 1)[0] + "…"


def _similarities(found: list[dict[str, float]]) -> Links:
    """Cosine of every pair of articles that share a word, under both articles."""
    postings = collections.defaultdict(list)
    for i, vector in enumerate(found):
        for word, weight in vector.items():
            postings[word].append((i, weight))
    links: Links = [collections.defaultdict(float) for _ in found]
    for entries in postings.values():
        for a, (i, wi) in enumerate(entries):
            row = links[i]
            for j, wj in entries[a + 1:]:
                row[j] += wi * wj
    for i, row in enumerate(links):
        for j, s in row.items():
            if j > i:
                links[j][i] = s
    return links


def _components(links: Links) -> list[list[int]]:
    """The articles linked to each other through shared words, each group in order."""
    seen = [False] * len(links)
    found: list[list[int]] = []
    for start in range(len(links)):
        if seen[start]:
            continue
        seen[start] = True
        members: list[int] = []
        todo = [start]
        while todo:
            i = todo.pop()
            members.append(i)
            for j in links[i]:
                if not seen[j]:
                    seen[j] = True
                    todo.append(j)
        found.append(sorted(members))
    return found


def _average_link(members: list[int], links: Links, days: list[date | None],
                  threshold: float) -> list[list[int]]:
    """Merge the best pair of groups until no pair's mean similarity reaches ``threshold``.

    Groups go by their first (smallest) article, and a group's articles stay in merge
    order, so ``_mean`` sums them in a fixed order and every run gives the same stories.
    """
    groups = {i: [i] for i in members}
    spans: dict[int, Span] = {i: (day, day) if (day := days[i]) else None for i in members}
    sums = {i: dict(links[i]) for i in members}
    if threshold <= 0:  # then groups that share no word can reach it too
        for i in members:
            sums[i] = dict.fromkeys(members, 0.0) | sums[i]
            del sums[i][i]
    heap: list[Entry] = []
    for a in members:
        _offer(heap, a, [b for b in sums[a] if b > a], groups, sums, spans, threshold)
    while (pair := _next_pair(heap, groups, links, threshold)) is not None:
        a, b = pair
        _merge(a, b, groups, sums, spans)
        _offer(heap, a, sums[a], groups, sums, spans, threshold)
    return list(groups.values())


def _offer(heap: list[Entry], a: int, others: Iterable[int], groups: dict[int, list[int]],
           sums: dict[int, dict[int, float]], spans: dict[int, Span], threshold: float) -> None:
    """Queue group ``a`` with each of ``others`` that is close in time and may reach it."""
    size_a, row = len(groups[a]), sums[a]
    for b in others:
        size_b = len(groups[b])
        mean = row[b] / (size_a * size_b)
        if mean >= threshold - _SLACK and _close(_joined(spans[a], spans[b])):
            first, second = (a, b) if a < b else (b, a)
            heapq.heappush(heap, (-mean, -first, -second, len(groups[first]), len(groups[second])))


def _next_pair(heap: list[Entry], groups: dict[int, list[int]], links: Links,
               threshold: float) -> tuple[int, int] | None:
    """The pair to merge next, or None when no pair reaches ``threshold``.

    Merged sums add in a different order than a fresh sum and may differ in the last
    bits, so every live candidate within ``_SLACK`` of the best is summed afresh before
    choosing: near-ties then break as they would without the cache.
    """
    near: list[Entry] = []
    while heap and (not near or heap[0][0] <= near[0][0] + _SLACK):
        entry = heapq.heappop(heap)
        _, a, b, size_a, size_b = entry
        if len(groups.get(-a, ())) == size_a and len(groups.get(-b, ())) == size_b:
            near.append(entry)
    if not near:
        return None
    scored = [(_mean(groups[-e[1]], groups[-e[2]], links), -e[1], -e[2], e) for e in near]
    mean, a, b, best = max(scored, key=lambda s: s[:3])
    for entry in near:
        if entry is not best:
            heapq.heappush(heap, entry)
    return (a, b) if mean >= threshold else None


def _mean(a: list[int], b: list[int], links: Links) -> float:
    """Mean similarity between the articles of two groups, summed in member order."""
    return sum(links[i].get(j, 0.0) for i in a for j in b) / (len(a) * len(b))


def _merge(a: int, b: int, groups: dict[int, list[int]], sums: dict[int, dict[int, float]],
           spans: dict[int, Span]) -> None:
    """Fold group ``b`` into group ``a``: its sum to any group is the sum of theirs."""
    groups[a] += groups.pop(b)
    spans[a] = _joined(spans[a], spans.pop(b))
    row = sums[a]
    del row[b]
    for c, total in sums.pop(b).items():
        if c != a:
            row[c] = row.get(c, 0.0) + total
            sums[c][a] = row[c]
            del sums[c][b]


def _joined(a: Span, b: Span) -> Span:
    """The span of two groups' dates together."""
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def _close(span: Span) -> bool:
    """Whether a group's known dates all lie within ``WINDOW_DAYS`` of each other."""
    return span is None or (span[1] - span[0]).days <= WINDOW_DAYS


__all__ = ["THRESHOLD", "WINDOW_DAYS", "Story", "cluster_texts", "vectors"]
