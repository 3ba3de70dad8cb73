"""Flags: what the rule packs say about the stored incidents and claims.

Each incident (``wirewatch.fuse.incidents``) and each claim becomes a ``Subject``: its
types, factuality, actors by role, places, counted quantities, quoted evidence, date and
independent sources. A rule's ``when`` is checked against it (every key it gives must
hold; ``any`` needs one of its parts), and a match yields a ``Flag`` with the rule's
provision, a rationale filled with the subject's particulars, the evidence quotes (the
sentence that says it first) and a confidence computed from that evidence:

    start at high; one step down for each of
      - an act that is planned, reported or only claimed (two for hypothetical);
      - a single independent source (copies and one publisher's articles are one);
      - particulars (the counted people, the keyword) that are not in the sentence
        stating the act;
    never above the rule's own ``confidence``.

The reasons are kept with the flag, so its confidence explains itself. A flag's id is
``pack:rule:subject``; incident ids are stable as the store grows (``I`` and the id of
the incident's first mention), so a flag keeps its id and is alerted once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from wirewatch.fuse.incidents import Incident, Source
from wirewatch.model import Actor, Claim, Evidence, Place, Quantity
from wirewatch.serve.render import actors_text
from wirewatch.watch.packs import (
    LEVELS,
    ActorCondition,
    Level,
    Pack,
    PlaceCondition,
    QuantityCondition,
    Rule,
    When,
)

ROLES = ("source", "target", "recipient")
_STEP_DOWN = {"planned": (1, "planned, not yet carried out"),
              "reported": (1, "reported, not confirmed"),
              "hypothetical": (2, "hypothetical"),
              "negated": (3, "negated")}


@dataclass(frozen=True, slots=True)
class Subject:
    """An incident or a claim, as rules see it."""

    subject_id: str
    """``I<n>`` for an incident, ``C<n>`` for a claim."""
    types: frozenset[str]
    factuality: str | None
    """None for a claim."""
    kind: str | None
    """A claim's kind; None for an incident."""
    roles: Mapping[str, tuple[Actor, ...]]
    """source, target, recipient (a claim: ``actor``, its claimant and what it is about)."""
    act: str
    type_text: str
    places: tuple[Place, ...]
    quantities: tuple[Quantity, ...]
    evidence: tuple[Evidence, ...]
    direct: frozenset[Evidence]
    """The sentences that state the act itself."""
    day: date | None
    sources: int
    claimants: tuple[str, ...]
    newest: int
    """The highest stored id among its mentions (or the claim's id): what is new to it."""

    @property
    def actors(self) -> tuple[Actor, ...]:
        return tuple(a for actors in self.roles.values() for a in actors)


@dataclass(frozen=True, slots=True)
class Flag:
    flag_id: str
    """``pack:rule:subject``."""
    pack: str
    rule: str
    title: str
    provision: str
    summary: str
    subject: str
    rationale: str
    confidence: Level
    reasons: tuple[str, ...]
    sources: int
    day: str | None
    """The subject's date (the event's, else its first report), ISO format."""
    evidence: tuple[Evidence, ...]


@dataclass
class _Found:
    """What a rule matched, for the rationale and the directness of the evidence."""

    actors: dict[str, list[Actor]] = field(default_factory=dict)
    quantities: list[Quantity] = field(default_factory=list)
    keywords: list[tuple[str, Evidence]] = field(default_factory=list)

    def merge(self, other: _Found) -> None:
        for role, actors in other.actors.items():
            self.actors.setdefault(role, []).extend(actors)
        self.quantities += other.quantities
        self.keywords += other.keywords


# -- subjects ---------------------------------------------------------------------------------

def incident_subject(incident: Incident) -> Subject:
    event = incident.event
    direct: set[Evidence] = set()
    for mention in incident.mentions:
        trigger = mention.event.trigger
        direct.update(e for e in mention.event.evidence
                      if e.article_id == mention.source.article_id
                      and e.start <= trigger.start < e.end)
    return Subject(
        subject_id=incident.incident_id,
        types=frozenset(t for t in (event.event_type, event.intended) if t),
        factuality=event.factuality, kind=None,
        roles={role: getattr(event, role) for role in ROLES},
        act=event.trigger.text,
        type_text=event.event_type + (f" (to {event.intended})" if event.intended else ""),
        places=(event.place,) if event.place else (),
        quantities=event.quantities, evidence=_unique(e for m in incident.mentions
                                                      for e in m.event.evidence),
        direct=frozenset(direct), day=incident.day, sources=incident.corroboration,
        claimants=tuple(name for name, _ in incident.claimants),
        newest=max(m.event_id for m in incident.mentions))


def claim_subject(claim_id: int, claim: Claim, source: Source) -> Subject:
    return Subject(
        subject_id=f"C{claim_id}", types=frozenset(), factuality=None, kind=claim.kind,
        roles={"actor": ((claim.claimant,) if claim.claimant else ()) + claim.about},
        act=claim.text, type_text=f"{claim.kind} claim", places=claim.places,
        quantities=claim.quantities, evidence=claim.evidence, direct=frozenset(claim.evidence),
        day=source.day, sources=1, claimants=(claim.claimant.name,) if claim.claimant else (),
        newest=claim_id)


# -- evaluation ---------------------------------------------------------------------------------

def evaluate(packs: Sequence[Pack], incidents: Iterable[Subject], claims: Iterable[Subject],
             since: date | None = None) -> list[Flag]:
    """Every flag the packs raise on the subjects (dated on or after ``since``, if given;
    undated ones are kept), in pack, rule and subject order."""
    by_kind = {"incidents": list(incidents), "claims": list(claims)}
    flags = []
    for pack in packs:
        for rule in pack.rules:
            for subject in by_kind[rule.subject]:
                if since is not None and subject.day is not None and subject.day < since:
                    continue
                found = match(rule.when, subject, top=True)
                if found is not None:
                    flags.append(_flag(pack, rule, subject, found))
    return flags


def match(when: When, subject: Subject, top: bool = False) -> _Found | None:
    """What the subject has that ``when`` asks for, or None if something is missing. Only
    the keys ``when`` gives are checked, except factuality at the top level (its default
    keeps negated and hypothetical acts out)."""
    found = _Found()
    keys = when.model_fields_set | ({"factuality"} if top else set())
    for key in keys:
        value = getattr(when, key)
        if key == "types":
            ok = bool(subject.types & set(value))
        elif key == "factuality":
            ok = subject.factuality is None or subject.factuality in value
        elif key == "kinds":
            ok = subject.kind in value
        elif key in (*ROLES, "actor"):
            pool = subject.actors if key == "actor" else subject.roles.get(key, ())
            actors = [a for a in pool if _actor_ok(value, a)]
            found.actors[key] = actors
            ok = bool(actors)
        elif key == "place":
            ok = any(_place_ok(value, p) for p in subject.places)
        elif key == "quantity":
            quantities = [q for q in subject.quantities if _quantity_ok(value, q)]
            found.quantities += quantities
            ok = bool(quantities)
        elif key == "keywords":
            hits = [(word, e) for word in value for e in subject.evidence
                    if _keyword(word).search(e.quote)]
            found.keywords += hits
            ok = bool(hits)
        elif key == "after":
            ok = subject.day is None or subject.day >= value
        elif key == "before":
            ok = subject.day is None or subject.day < value
        elif key == "min_sources":
            ok = subject.sources >= value
        elif key in ("any", "all"):
            parts = [part for part in (match(w, subject) for w in value) if part is not None]
            for part in parts:
                found.merge(part)
            ok = bool(parts) if key == "any" else len(parts) == len(value)
        else:  # a key When gained without a check here
            raise AssertionError(f"no check for when.{key}")
        if not ok:
            return None
    return found


def _actor_ok(condition: ActorCondition, actor: Actor) -> bool:
    if condition.country and actor.country not in condition.country:
        return False
    if condition.not_country and (not actor.country or actor.country in condition.not_country):
        return False
    return not condition.sector or actor.sector in condition.sector


def _place_ok(condition: PlaceCondition, place: Place) -> bool:
    if condition.country and place.country not in condition.country:
        return False
    if condition.not_country and (not place.country or place.country in condition.not_country):
        return False
    names = {n.casefold() for n in condition.name}
    return not names or place.name.casefold() in names or place.text.casefold() in names


def _quantity_ok(condition: QuantityCondition, quantity: Quantity) -> bool:
    if condition.counted:
        counted = _words(quantity.counted or "")
        if not any(counted[-len(term):] == term for term in map(_words, condition.counted)
                   if term):
            return False
    value = quantity.value if quantity.value is not None else quantity.high or quantity.low
    if condition.at_least is not None and (value is None or value < condition.at_least):
        return False
    return condition.at_most is None or (value is not None and value <= condition.at_most)


def _words(phrase: str) -> tuple[str, ...]:
    """Lower-case words without a plural ending, so 'workers' and 'worker' are one."""
    return tuple(re.sub(r"(?<=[^s])s$", "", w) for w in re.findall(r"[\w-]+", phrase.casefold()))


@cache
def _keyword(word: str) -> re.Pattern[str]:
    """The word or phrase as whole words, any case, with an optional plural ending."""
    parts = [re.escape(p) for p in word.split()]
    return re.compile(r"(?<!\w)" + r"[\s-]+".join(parts) + r"(?:s|es)?(?!\w)", re.IGNORECASE)


# -- the flag ---------------------------------------------------------------------------------

def _flag(pack: Pack, rule: Rule, subject: Subject, found: _Found) -> Flag:
    level, reasons = confidence(rule, subject, found)
    evidence = (_unique(e for e in subject.evidence if e in _particulars(subject, found))
                or _unique(e for e in subject.evidence if e in subject.direct) or subject.evidence)
    return Flag(flag_id=f"{pack.pack}:{rule.id}:{subject.subject_id}", pack=pack.pack,
                rule=rule.id, title=rule.title, provision=rule.provision, summary=rule.summary,
                subject=subject.subject_id, rationale=rationale(rule, subject, found),
                confidence=level, reasons=tuple(reasons), sources=subject.sources,
                day=subject.day.isoformat() if subject.day else None, evidence=evidence)


def confidence(rule: Rule, subject: Subject, found: _Found) -> tuple[Level, list[str]]:
    """The level the evidence supports, and why (see the module docstring)."""
    score, reasons = 2, []
    if subject.factuality is None:
        score -= 1
        reasons.append(f"a claim by {subject.claimants[0] if subject.claimants else 'the article'}")
    elif subject.factuality in _STEP_DOWN:
        steps, why = _STEP_DOWN[subject.factuality]
        score -= steps
        reasons.append(why)
    else:
        reasons.append(subject.factuality)
    if subject.sources == 1:
        score -= 1
        reasons.append("one independent source")
    else:
        reasons.append(f"{subject.sources} independent sources")
    particulars = _particulars(subject, found)
    if particulars and not particulars & subject.direct:
        score -= 1
        reasons.append("the particulars are not in the sentence that states the act")
    elif particulars:
        reasons.append("stated in the sentence of the act")
    if score > LEVELS.index(rule.confidence):
        score = LEVELS.index(rule.confidence)
        reasons.append(f"this rule gives at most {rule.confidence}")
    return LEVELS[max(score, 0)], reasons


def rationale(rule: Rule, subject: Subject, found: _Found) -> str:
    """The rule's template filled with the subject's particulars."""
    def actors(role: str) -> str:
        return _names(found.actors.get(role) or subject.roles.get(role, ()))

    place = subject.places[0] if subject.places else None
    words = list(dict.fromkeys(word.casefold() for word, _ in found.keywords))
    quantities = found.quantities or list(subject.quantities)
    values = {
        "source": actors("source"), "target": actors("target"),
        "recipient": actors("recipient"),
        "actors": _names([a for group in found.actors.values() for a in group] or subject.actors),
        "act": subject.act, "type": subject.type_text,
        "factuality": subject.factuality or "claimed",
        "quantity": " and ".join(dict.fromkeys(q.text for q in quantities)) or "an unstated number",
        "place": (f"{place.name}, {place.country}" if place.country else place.name)
                 if place else "an unstated place",
        "date": subject.day.isoformat() if subject.day else "undated",
        "sources": f"{subject.sources} independent source{'s' if subject.sources != 1 else ''}",
        "claimant": ", ".join(subject.claimants) or "the article",
        "keyword": ", ".join(w for w in words if not any(w != o and w in o for o in words))
                   or "no keyword",
    }
    return " ".join(rule.rationale.format(**values).split())


def _names(actors: Sequence[Actor]) -> str:
    return actors_text(list(dict.fromkeys(actors))) or "an unnamed party"


def _particulars(subject: Subject, found: _Found) -> set[Evidence]:
    """The sentences holding what the rule matched beyond the act: keywords, quantities."""
    return {e for _, e in found.keywords} | {
        e for q in found.quantities for e in subject.evidence if _holds(e, q)}


def _holds(evidence: Evidence, quantity: Quantity) -> bool:
    offset = quantity.start - evidence.start
    return 0 <= offset and evidence.quote[offset:quantity.end - evidence.start] == quantity.text


def _unique(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(evidence))


__all__ = ["Flag", "Subject", "claim_subject", "confidence", "evaluate", "incident_subject",
           "match", "rationale"]
