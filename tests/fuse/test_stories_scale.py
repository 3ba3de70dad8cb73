"""Stories at scale: the cached average linkage groups hundreds of articles by topic and
date, and chooses every merge as rescanning all pairs of groups would."""

from __future__ import annotations

import itertools
import random

import pytest

from wirewatch.fuse import stories
from wirewatch.fuse.incidents import day_of
from wirewatch.fuse.stories import Item, cluster_texts

COMMON = ["officials", "reported", "statement", "region", "local", "announced", "country"]


def words(seed: int, count: int) -> list[str]:
    """Made-up words, so no two topics share one by accident."""
    rng = random.Random(seed)
    return ["".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3))
            for _ in range(count)]


def article(rng: random.Random, vocabulary: list[str], article_id: str, day: str) -> Item:
    title = " ".join(rng.sample(vocabulary, 4))
    text = " ".join(rng.choice(vocabulary) if rng.random() < 0.85 else rng.choice(COMMON)
                    for _ in range(60))
    return article_id, title, text, day


def test_hundreds_of_articles_group_by_topic_and_date():
    rng = random.Random(3)
    vocabularies = [words(topic, 25) for topic in range(6)]
    # Topic 5 happens twice, a month apart: the same words, two happenings.
    plan = [(topic, f"2024-01-{10 + topic:02d}") for topic in range(6)] + [(5, "2024-02-20")]
    items, truth = [], {}
    for happening, (topic, day) in enumerate(plan):
        for n in range(50):
            article_id = f"h{happening}-{n}"
            items.append(article(rng, vocabularies[topic], article_id, day))
            truth[article_id] = happening
    rng.shuffle(items)

    found = cluster_texts(items)

    assert len(items) == 350
    assert sorted(sorted(s.articles) for s in found) == sorted(
        sorted(a for a, h in truth.items() if h == happening) for happening in range(len(plan)))


def rescanned(items: list[Item], threshold: float) -> list[list[str]]:
    """Stories by the definition: every merge rescans all pairs of groups for the best."""
    links = stories._similarities(stories.vectors(items))
    days = [day_of(item[3]) for item in items]
    found = []
    for members in stories._components(links):
        groups = [[i] for i in members]
        while True:
            best, pair = threshold, None
            for a, b in itertools.combinations(range(len(groups)), 2):
                known = [day for i in groups[a] + groups[b] if (day := days[i])]
                if known and (max(known) - min(known)).days > stories.WINDOW_DAYS:
                    continue
                total = sum(links[i].get(j, 0.0) for i in groups[a] for j in groups[b])
                if (mean := total / (len(groups[a]) * len(groups[b]))) >= best:
                    best, pair = mean, (a, b)
            if pair is None:
                break
            groups[pair[0]] += groups.pop(pair[1])
        found += groups
    return sorted(sorted(items[i][0] for i in g) for g in found)


@pytest.mark.parametrize("threshold", [stories.THRESHOLD, 0.05, 0.4, 0.0])
def test_merges_are_those_of_rescanning_every_pair(threshold):
    """Overlapping topics, exact duplicates (exact ties) and dates near the window's edge."""
    rng = random.Random(int(threshold * 100))
    shared = words(99, 30)
    vocabularies = [words(topic, 12) + rng.sample(shared, 8) for topic in range(5)]
    items: list[Item] = []
    for n in range(45):
        day = rng.choice(["", "2024-03-01", "2024-03-05", "2024-03-09", "2024-03-12"])
        item = article(rng, rng.choice(vocabularies), f"a{n}", day)
        items += [(f"{item[0]}-{copy}", *item[1:]) for copy in range(rng.choice([1, 1, 2, 3]))]

    found = sorted(sorted(s.articles) for s in cluster_texts(items, threshold))

    assert found == rescanned(items, threshold)
