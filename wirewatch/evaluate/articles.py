"""Scoring whole articles: of everything an article reports, what does wirewatch find, and
how much of what it outputs is real?

WikiEvents (``articles/wikievents-dev.jsonl``) annotates *every* event of 20 news articles
with a KAIROS type and the family a PLOVER coder makes of it (the eval README). Following
its conventions:

- **precision**: an output event of a type WikiEvents judges (``FAMILIES``) is right when a
  gold event of a compatible family lies in the sentence of its trigger. Types it does not
  annotate (AGREE, SUPPORT, AID, ...) are not judged.
- **recall**: a gold event of a family in ``RECALLED`` (not ``harm``, which PLOVER codes as
  the attack that caused it, nor null) is found when an output event of a compatible type
  has its trigger in the gold event's sentence; ``found_any`` also counts the other sentences
  an event's mentions were merged from (one happening told in several sentences is one
  event, found wherever it is told).
- **doer**: of the gold attacks with an Attacker, those found (in any mention) by an ASSAULT
  or FIGHT whose source overlaps the Attacker (by characters, or by name).

Giveme5W1H (``articles/giveme5w1h-gold.jsonl``) gives each article's main event as
who/what phrases. The main event is found when an event of the article names one of the
gold "who" (a source or target sharing a name word with it) and is read from where the
gold "what" is (its evidence overlaps a "what" phrase found in the text, or, when the
"what" is only in the headline, the lede: the first three sentences).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wirewatch.evaluate.scoring import share
from wirewatch.model import Actor, CodedArticle, EventMention

FAMILIES: dict[str, frozenset[str]] = {
    "ASSAULT": frozenset({"violence", "harm"}), "FIGHT": frozenset({"violence", "harm"}),
    "PROTEST": frozenset({"protest"}), "CONSULT": frozenset({"consult"}),
    "THREATEN": frozenset({"threaten"}), "DEMAND": frozenset({"demand"}),
    "COERCE": frozenset({"coerce", "legal"}), "DISAPPROVE": frozenset({"legal"}),
    "INVESTIGATE": frozenset({"investigate", "legal"}), "CONCEDE": frozenset({"concede"}),
}
"""The PLOVER types WikiEvents judges, and the gold families each may stand for."""
RECALLED = frozenset({"violence", "protest", "consult", "threaten", "demand", "coerce", "legal",
                      "investigate", "concede"})
LEDE = 3
"""Sentences that stand for the article's opening when a gold phrase is only in its title."""
POLITICAL_CLUSTERS = frozenset({"consulate attack", "clinton blames comey", "clinton clear",
                                "trump and obama", "gaga protests", "seattle shooting"})
"""Giveme5W1H's topics whose main event a PLOVER coder codes (an attack, a shooting, blame,
an investigation's finding, a meeting, protests); the others are sport, accidents, a rescue
and a chocolate bar, where no event is the right answer."""
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
_STOP = frozenset({"the", "and", "for", "with", "from", "who", "his", "her", "its", "their",
                   "people", "several", "dozens", "least", "said", "has", "have", "was"})


@dataclass(frozen=True, slots=True)
class WikiScore:
    """Counts over a set of WikiEvents articles."""

    judged: int
    """Output events of a judged type."""
    right: int
    gold: int
    """Gold events of a recalled family."""
    found: int
    """Found by an event whose trigger is in their sentence."""
    found_any: int
    """Found by an event with a mention in their sentence."""
    attacks: int
    """Gold attacks that name their Attacker."""
    doer_right: int

    @property
    def precision(self) -> float:
        return share(self.right, self.judged)

    @property
    def recall(self) -> float:
        return share(self.found, self.gold)

    @property
    def recall_any(self) -> float:
        return share(self.found_any, self.gold)

    @property
    def doer(self) -> float:
        return share(self.doer_right, self.attacks)


def score_wikievents(gold: Sequence[dict], coded: Sequence[CodedArticle]) -> WikiScore:
    """Score the coded articles against their WikiEvents records (same order)."""
    judged = right = total = found = found_any = attacks = doers = 0
    for record, article in zip(gold, coded, strict=True):
        events = list(article.events)
        for event in events:
            if event.event_type in FAMILIES:
                judged += 1
                right += any(_compatible(event, g) and _in_sentence(event.trigger.start, g)
                             for g in record["events"])
        for g in record["events"]:
            if g["family"] not in RECALLED:
                continue
            total += 1
            found += any(_compatible(e, g) and _in_sentence(e.trigger.start, g) for e in events)
            matches = [e for e in events if _compatible(e, g) and _in_evidence(e, g)]
            found_any += bool(matches)
            attackers = [a for a in g["arguments"] if a["role"] == "Attacker"]
            if g["kairos"].startswith("Conflict.Attack") and attackers:
                attacks += 1
                doers += any(_names(actor, attackers) for e in matches for actor in e.source)
    return WikiScore(judged, right, total, found, found_any, attacks, doers)


@dataclass(frozen=True, slots=True)
class MainEventScore:
    """Giveme5W1H: articles whose main event was found, by topic cluster."""

    found: dict[str, tuple[int, int]]
    """cluster -> (found, articles)."""

    def total(self, clusters: Iterable[str] | None = None) -> tuple[int, int]:
        wanted = set(self.found) if clusters is None else set(clusters)
        pairs = [n for cluster, n in self.found.items() if cluster in wanted]
        return sum(f for f, _ in pairs), sum(t for _, t in pairs)


def score_main_events(gold: Sequence[dict], coded: Sequence[CodedArticle]) -> MainEventScore:
    """Score the coded articles against their Giveme5W1H records (same order)."""
    found: dict[str, tuple[int, int]] = {}
    for record, article in zip(gold, coded, strict=True):
        cluster = record.get("cluster") or "none"
        hit = _main_event_found(record, article)
        done, seen = found.get(cluster, (0, 0))
        found[cluster] = (done + hit, seen + 1)
    return MainEventScore(dict(sorted(found.items())))


def _main_event_found(record: dict, article: CodedArticle) -> bool:
    gold = record["gold_5w1h"]
    who = {w.lower() for phrase in gold.get("who") or [] for w in _WORD.findall(phrase)} - _STOP
    text = record["text"].lower()
    spans = [(text.find(p.lower()), text.find(p.lower()) + len(p)) for p in gold.get("what") or []
             if p and text.find(p.lower()) >= 0]
    if not spans and article.sentences:
        lede = article.sentences[:LEDE]
        spans = [(lede[0].start, lede[-1].end)]
    for event in article.events:
        named = {w.lower() for a in (*event.source, *event.target)
                 for w in _WORD.findall(f"{a.text} {a.name}")}
        where = any(e.start < end and start < e.end for e in event.evidence for start, end in spans)
        if where and named & who:
            return True
    return False


def _compatible(event: EventMention, gold: dict) -> bool:
    return gold["family"] in FAMILIES.get(event.event_type, frozenset())


def _in_sentence(offset: int, gold: dict) -> bool:
    return gold["sentence"]["start"] <= offset < gold["sentence"]["end"]


def _in_evidence(event: EventMention, gold: dict) -> bool:
    """Whether one of the event's mentions was read from the gold event's sentence."""
    return any(_in_sentence(e.start, gold) or e.start <= gold["trigger"]["start"] < e.end
               for e in event.evidence)


def overlaps(actor: Actor, start: int, end: int) -> bool:
    """Whether an actor's words overlap the characters ``[start, end)``."""
    return actor.start < end and start < actor.end


def _names(actor: Actor, arguments: Sequence[dict]) -> bool:
    """Whether an actor is one of the gold arguments: overlapping characters or the same name."""
    return any(overlaps(actor, a["start"], a["end"])
               or a["text"].casefold() in (actor.text.casefold(), actor.name.casefold())
               for a in arguments)


__all__ = ["FAMILIES", "POLITICAL_CLUSTERS", "RECALLED", "MainEventScore", "WikiScore",
           "overlaps", "score_main_events", "score_wikievents"]
