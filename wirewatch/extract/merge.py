"""Merge mentions of one happening within an article into one event.

A lede, a headline and a later paragraph often report the same act ("agreed to
send 5,000 workers", "to Send Thousands of Workers", "is dispatching thousands
of workers"). Counting them three times is the duplication analysts distrust,
so mentions merge when they describe the same act by overlapping actors with no
conflicting place, time or negation, and an act named again by a definite noun with no
doer or victim of its own ("the attack was condemned") joins the latest act of its kind,
unless its words make it another ("a second bomb", "in a separate incident"); named again
with its doer alone ("the Taliban claimed responsibility for the attack"), it joins the latest
act of its kind that has no doer yet and lends it. The first mention leads
(news puts the most specific account first); later ones add evidence and fill fields it
lacks.
"""

from __future__ import annotations

import dataclasses

from wirewatch.extract.setting import PRECISION_RANK
from wirewatch.model import Actor, EventMention, Evidence, Place, Quantity

DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})
"""Determiners that name an act as one already reported ("the attack")."""
NEW = frozenset({"another", "second", "third", "separate", "other", "new", "earlier",
                 "later", "further", "fresh", "also"})
"""Words that make it another one: "another attack", "in a separate incident"."""


def merge_mentions(mentions: list[EventMention]) -> list[EventMention]:
    """The article's mentions with those of one happening merged, in first-mention order.

    Only events of one act can merge, so each mention is compared with those alone, and
    each merged event's evidence is kept as a set too: a long article repeating one act
    thousands of times stays linear."""
    merged: list[EventMention] = []
    quoted: list[set[Evidence]] = []
    by_act: dict[str, list[int]] = {}
    for mention in mentions:
        same = by_act.setdefault(_act(mention), [])
        if _re_mention(mention):  # "the attack" is the latest one told, if it can be
            index = same[-1] if same and _agree(merged[same[-1]], mention) else None
        elif _doer_named_again(mention) and same and not merged[same[-1]].source \
                and _agree(merged[same[-1]], mention):
            index = same[-1]  # "X claimed responsibility for the attack": the latest one's doer
        else:
            index = next((i for i in same if same_happening(merged[i], mention)), None)
        if index is None:
            same.append(len(merged))
            merged.append(mention)
            quoted.append(set(mention.evidence))
        else:
            merged[index] = combine(merged[index], mention, quoted[index])
    return merged


def same_happening(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions are of one act by overlapping actors, nothing in conflict."""
    source, target = _overlap(a.source, b.source), _overlap(a.target, b.target)
    return _agree(a, b) and None not in (source, target) and bool(source or target)


def _agree(a: EventMention, b: EventMention) -> bool:
    """Same act, factualities, times and places that may be one happening's."""
    if _act(a) != _act(b) or not _factualities_agree(a.factuality, b.factuality):
        return False
    if a.time and b.time and a.time.text.lower() != b.time.text.lower():
        return False
    return _places_agree(a.place, b.place)


def _re_mention(mention: EventMention) -> bool:
    """An act named again by a definite noun with no doer and no victim of its own: "the
    attack was condemned", "after the bombing". Not "a second bomb", "another attack", "in a
    separate incident" (a new happening), nor "the blast killed nine" (it tells victims of
    its own: merged, it could lend them to the wrong attack)."""
    return not mention.source and not mention.target and _definite(mention)


def _doer_named_again(mention: EventMention) -> bool:
    """An act named again by a definite noun with its doer and no victim: "the Taliban
    claimed responsibility for the attack", "the attack by the Taliban". It joins the latest
    act of its kind only when that one has no doer yet, and lends it this one."""
    return bool(mention.source) and not mention.target and _definite(mention)


def _definite(mention: EventMention) -> bool:
    """Whether the act is named by a definite noun ("the attack"), not a new one ("another")."""
    if not mention.evidence:
        return False
    sentence = mention.evidence[0]
    before = sentence.quote[:max(mention.trigger.start - sentence.start, 0)].lower()
    words = before.replace(",", " ").split()
    return bool(words) and words[-1] in DEFINITE and not NEW & set(words)


def combine(lead: EventMention, other: EventMention, quoted: set[Evidence]) -> EventMention:
    """``lead`` with what ``other`` adds; ``quoted`` is ``lead``'s evidence as a set, and
    takes in ``other``'s."""
    added = tuple(e for e in other.evidence if e not in quoted)
    quoted.update(added)
    return dataclasses.replace(
        lead,
        source=lead.source or other.source,
        target=lead.target or other.target,
        recipient=lead.recipient or other.recipient,
        place=lead.place or other.place,
        time=lead.time or other.time,
        purpose=lead.purpose or other.purpose,
        claimant=lead.claimant or other.claimant,
        quantities=lead.quantities + tuple(_new_counts(lead.quantities, other.quantities)),
        context=tuple(sorted(set(lead.context) | set(other.context))),
        confidence=max(lead.confidence, other.confidence),
        evidence=lead.evidence + added,
    )


def _act(mention: EventMention) -> str:
    """What was done: the agreed act for AGREE ("agreed to send" is the sending)."""
    return mention.intended or mention.event_type


def _keys(actors: tuple[Actor, ...]) -> set[str]:
    """Everything an actor can be matched on: "Kim Jong-un" overlaps "North Korea" by country."""
    keys = {key for actor in actors for key in (actor.kb_id, actor.country)}
    keys |= {actor.name.lower() for actor in actors}
    keys.discard(None)
    return keys  # type: ignore[return-value]


def _overlap(a: tuple[Actor, ...], b: tuple[Actor, ...]) -> bool | None:
    """True if the roles share an actor, False if either is empty, None if they conflict."""
    if not a or not b:
        return False
    return True if _keys(a) & _keys(b) else None


def _factualities_agree(a: str, b: str) -> bool:
    """A report may confirm a plan ("agreed to send" / "is dispatching, officials say"), but
    a plan is not the act done, and what did not or may happen is neither."""
    uncertain = {"negated", "hypothetical"} & {a, b}
    return a == b or ("reported" in (a, b) and not uncertain)


def _places_agree(a: Place | None, b: Place | None) -> bool:
    """Unknown, or the same place, or one inside the other (a city in its region or country)."""
    if a is None or b is None or a.geo_id == b.geo_id:
        return True
    if a.country != b.country or a.precision == b.precision:
        return False
    coarse, fine = sorted((a, b), key=lambda p: PRECISION_RANK[p.precision])
    return coarse.precision == "country" or fine.admin1 == coarse.geo_id


def _new_counts(kept: tuple[Quantity, ...], extra: tuple[Quantity, ...]) -> list[Quantity]:
    """Counts of things not yet counted; a vague "thousands of workers" adds nothing to 5,000 workers."""
    heads = {_head(q) for q in kept}
    return [q for q in extra if _head(q) not in heads]


def _head(quantity: Quantity) -> str:
    words = (quantity.counted or quantity.text).lower().split()
    return words[-1].rstrip("s") if words else ""


__all__ = ["merge_mentions", "same_happening"]
