"""Across-article fusion: ``python -m benchmarks.fuse [--sizes 10000,100000,1000000]``.

Needs ``../shared/eval/`` beside the repository (it says so and stops if not). Prints:

1. Copy detection precision/recall on ``corpus/bbc-news.jsonl``. The gold pairs are fixed
   independently of the detector: every pair sharing at least a fifth of its three-word
   shingles is aligned word by word (``difflib.SequenceMatcher`` over the word lists, an
   order-aware alignment rather than shingle sets), and a pair is a copy when the aligned
   words cover at least 80% of the shorter article. Copies of copies join one group, and
   the pairs scored are all pairs within a gold group.
2. Story clustering B-cubed precision/recall/F1 on ``articles/giveme5w1h-gold.jsonl``
   against its ``cluster`` labels (the one unlabelled article is its own story).
3. The time to add synthetic near-duplicate-heavy articles to the LSH index, per article,
   over the last 5,000 before each size, as the index grows: the cost must stay flat. Half
   the articles are new stories (BBC sentences sampled from across the corpus); the other
   half are light edits of a recent one (sentences dropped and swapped, words changed).
"""

from __future__ import annotations

import argparse
import collections
import difflib
import itertools
import json
import random
import re
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from rich.console import Console
from rich.table import Table

from wirewatch.fuse.copies import CopyIndex, shingles
from wirewatch.fuse.stories import cluster_texts
from wirewatch.store.connect import Db, configure
from wirewatch.store.migrations import _COPIES, split_statements

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
BBC = EVAL / "corpus" / "bbc-news.jsonl"
GIVEME = EVAL / "articles" / "giveme5w1h-gold.jsonl"
ALIGNED = 0.8
_WORD = re.compile(r"\w+")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000",
                        help="index sizes at which to report the cost per article")
    args = parser.parse_args()
    for path in (BBC, GIVEME):
        if not path.exists():
            sys.exit(f"benchmarks.fuse: {path} is missing; this benchmark needs the shared "
                     "evaluation data beside the repository (../shared/eval)")
    console = Console(width=110)
    bbc = [json.loads(line) for line in BBC.open(encoding="utf-8")]
    print_copies(bbc, console)
    print_stories(console)
    print_scale(bbc, [int(s) for s in args.sizes.split(",")], console)


# -- copies ---------------------------------------------------------------------------------

def gold_copy_pairs(texts: list[str]) -> set[tuple[int, int]]:
    """Pairs within groups of articles whose word alignment covers 80% of the shorter."""
    words = [_WORD.findall(t.casefold()) for t in texts]
    sets = [shingles(t, 3) for t in texts]
    shared: collections.Counter[tuple[int, int]] = collections.Counter()
    postings: dict[bytes, list[int]] = collections.defaultdict(list)
    for i, found in enumerate(sets):
        for shingle in found:
            postings[shingle].append(i)
    for ids in postings.values():
        if len(ids) <= 50:  # boilerplate phrases shared by many articles say nothing
            shared.update(itertools.combinations(ids, 2))
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for (i, j), count in shared.items():
        if count < 0.2 * min(len(sets[i]), len(sets[j])):
            continue
        matcher = difflib.SequenceMatcher(None, words[i], words[j], autojunk=False)
        aligned = sum(block.size for block in matcher.get_matching_blocks())
        if aligned >= ALIGNED * min(len(words[i]), len(words[j])):
            parent[root(j)] = root(i)
    groups = collections.defaultdict(list)
    for i in range(len(texts)):
        groups[root(i)].append(i)
    return {pair for members in groups.values() for pair in itertools.combinations(members, 2)}


def scratch_index(path: Path) -> tuple[sqlite3.Connection, CopyIndex]:
    """An LSH index in a scratch database, reading candidates' texts from its own table."""
    conn = sqlite3.connect(path, isolation_level=None)
    configure(conn, timeout=5)  # the store's pragmas
    conn.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, text TEXT NOT NULL)")
    for statement in split_statements(_COPIES):
        conn.execute(statement)
    return conn, CopyIndex(Db(conn, "sqlite", str(path)))


def add(conn: sqlite3.Connection, index: CopyIndex, article_id: str, text: str) -> str:
    conn.execute("INSERT INTO articles (id, text) VALUES (?, ?)", (article_id, text))
    return index.add(article_id, text).copy_of


def print_copies(bbc: list[dict], console: Console) -> None:
    texts = [r["text"] for r in bbc]
    started = time.perf_counter()
    gold = gold_copy_pairs(texts)
    gold_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as scratch:
        conn, index = scratch_index(Path(scratch) / "copies.db")
        started = time.perf_counter()
        group = {i: int(add(conn, index, str(i), text)) for i, text in enumerate(texts)}
        took = time.perf_counter() - started
        conn.close()
    members = collections.defaultdict(list)
    for i, g in group.items():
        members[g].append(i)
    found = {pair for m in members.values() for pair in itertools.combinations(sorted(m), 2)}
    hit = len(found & gold)
    table = Table(title=f"Copy detection, {BBC.name} ({len(texts)} articles)")
    for column in ("gold pairs", "found pairs", "precision", "recall", "ms/article"):
        table.add_column(column, justify="right")
    table.add_row(str(len(gold)), str(len(found)), f"{hit / max(len(found), 1):.3f}",
                  f"{hit / max(len(gold), 1):.3f}", f"{took / len(texts) * 1000:.2f}")
    console.print(table)
    exact = sum(1 for i, j in gold if texts[i] == texts[j])
    console.print(f"gold: {exact} identical pairs and {len(gold) - exact} near-verbatim "
                  f"(fixed in {gold_s:.0f} s)")
    for i, j in sorted(found - gold)[:5]:
        console.print(f"  false copy: {bbc[i]['id']} / {bbc[j]['id']}: {bbc[i]['title']!r}")
    for i, j in sorted(gold - found)[:5]:
        console.print(f"  missed: {bbc[i]['id']} / {bbc[j]['id']}: {bbc[i]['title']!r}")


# -- stories --------------------------------------------------------------------------------

def bcubed(predicted: list[str], gold: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold labels."""
    by_predicted = collections.defaultdict(set)
    by_gold = collections.defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        by_predicted[p].add(i)
        by_gold[g].add(i)
    precision = recall = 0.0
    for i, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        both = len(by_predicted[p] & by_gold[g])
        precision += both / len(by_predicted[p])
        recall += both / len(by_gold[g])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def print_stories(console: Console) -> None:
    records = [json.loads(line) for line in GIVEME.open(encoding="utf-8")]
    started = time.perf_counter()
    stories = cluster_texts([(r["id"], r["title"] or "", r["text"], (r["published"] or "")[:10])
                             for r in records])
    took = time.perf_counter() - started
    story_of = {article: s.story_id for s in stories for article in s.articles}
    predicted = [story_of[r["id"]] for r in records]
    gold = [r["cluster"] or f"alone-{r['id']}" for r in records]
    precision, recall, f1 = bcubed(predicted, gold)
    table = Table(title=f"Story clustering, {GIVEME.name} ({len(records)} articles, "
                        f"{len(set(gold))} gold stories)")
    for column in ("stories found", "B3 precision", "B3 recall", "B3 F1", "ms/article"):
        table.add_column(column, justify="right")
    table.add_row(str(len(stories)), f"{precision:.3f}", f"{recall:.3f}", f"{f1:.3f}",
                  f"{took / len(records) * 1000:.1f}")
    console.print(table)


# -- scale ----------------------------------------------------------------------------------

def synthetic(bbc: list[dict], seed: int = 7) -> Iterator[str]:
    """Endless near-duplicate-heavy articles: half are light edits of an earlier one."""
    rng = random.Random(seed)
    sentences = [s for r in bbc for s in re.split(r"(?<=[.!?])\s+", r["text"]) if len(s) > 40]
    made: list[str] = []
    while True:
        if made and rng.random() < 0.5:
            base = re.split(r"(?<=[.!?])\s+", rng.choice(made[-5000:]))
        else:
            # A new story: sentences drawn from across the corpus, so two new stories share
            # about as little as two different real ones (reshuffling one BBC article's
            # sentences would make the millionth "new" article a copy of hundreds).
            base = rng.sample(sentences, rng.randint(8, 25))
        edited = [s for s in base if rng.random() > 0.1] or base
        if len(edited) > 2 and rng.random() < 0.5:
            i = rng.randrange(len(edited) - 1)
            edited[i], edited[i + 1] = edited[i + 1], edited[i]
        words = " ".join(edited).split()
        for _ in range(rng.randint(0, 5)):
            words[rng.randrange(len(words))] = rng.choice(["said", "new", "Monday", "officials"])
        text = " ".join(words)
        if len(made) < 20000:
            made.append(text)
        else:
            made[rng.randrange(len(made))] = text
        yield text


def print_scale(bbc: list[dict], sizes: list[int], console: Console) -> None:
    """Index synthetic articles one transaction each, as the store saves them, timing the
    index's work and the commit (not the making of the article) over the last window."""
    table = Table(title="Adding synthetic near-duplicate-heavy articles to the LSH index "
                        "(one transaction per article, as the store saves)")
    for column in ("index size", "articles/s (last window)", "ms/article (last window)",
                   "copies found so far", "band rows", "database MB"):
        table.add_column(column, justify="right")
    window = 5000
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "scale.db"
        conn, index = scratch_index(path)
        stream = synthetic(bbc)
        copies = 0
        took = 0.0
        goal = iter(sorted(sizes))
        target = next(goal)
        for n in range(1, max(sizes) + 1):
            text = next(stream)
            started = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            copies += add(conn, index, str(n), text) != str(n)
            conn.execute("COMMIT")
            took += time.perf_counter() - started
            if n % window == 0:
                last, took = took, 0.0
            if n == target:
                rows = conn.execute("SELECT count(*) FROM copy_bands").fetchone()[0]
                table.add_row(f"{n:,}", f"{window / last:.0f}", f"{last / window * 1000:.2f}",
                              f"{copies:,}", f"{rows:,}", f"{path.stat().st_size / 1e6:.0f}")
                console.print(f"  {n:,} articles indexed: {last / window * 1000:.2f} ms/article",
                              style="dim")
                target = next(goal, 0)
        conn.close()
    console.print(table)


if __name__ == "__main__":
    main()
