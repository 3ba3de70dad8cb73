"""Incidents: event mentions that describe one happening, fused, with how well it is sourced.

Mentions are taken in the order they were stored. A mention joins the first incident
whose first mention it is compatible with, else it starts one. Compatible means: the
same kind of act (the intended act of a commitment; ASSAULT and FIGHT are one kind), the
same factuality class (a plan is not the deed), source countries and target countries
that overlap wherever both sides name them, the same place country where both give one,
dates (the event's own, else the article's) within ``WINDOW_DAYS`` (an undated mention
joins only mentions from its own article or its copies), and at least one
country or place in common: two mentions that share nothing are two incidents.

Corroboration counts independent sources: articles of one wire-copy group
(``wirewatch.fuse.copies``) are one source, and so are two articles from one publisher.
Claimants are counted apart: five outlets quoting one intelligence service are five
sources and one claimant. Each field reports its best-supported value, the one the most
independent sources give; figures that independent sources give differently are
discrepancies (``figure_discrepancies``).

Fusion runs on read over what the store holds, so it always reflects the current copy
groups and never needs repairing after an interrupted ingest.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from wirewatch.extract.lexicon import Lexicon
from wirewatch.model import Actor, Claim, Discrepancy, EventMention, Evidence, Stated

WINDOW_DAYS = 3
KINDS = {"FIGHT": "ASSAULT"}
"""Types that are one kind of act for fusion."""
PLANS = {"planned", "hypothetical"}


@dataclass(frozen=True, slots=True)
class Source:
    """Where a mention was read: its article, publication facts and copy group."""

    article_id: str
    published: str | None
    publisher: str | None
    copy_of: str

    @property
    def day(self) -> date | None:
        return day_of(self.published)


@dataclass(frozen=True, slots=True)
class Mention:
    """One stored event mention and the article it came from."""

    event_id: int
    event: EventMention
    source: Source


@dataclass(frozen=True, slots=True)
class Incident:
    """A real-world happening, with every mention of it kept as evidence."""

    incident_id: str
    mentions: tuple[Mention, ...]
    sources: int
    """Independent sources: copy groups, one per publisher."""
    corroboration: int
    """Independent origins: a source counts as the claimants it names ("according to South
    Korea's intelligence service"), or as itself where it names none; three outlets relaying
    one agency are one origin. Never more than ``sources``: one article naming two
    claimants does not corroborate itself."""
    event: EventMention
    """The best-supported value of each field, as an event record."""
    claimants: tuple[tuple[str, int], ...]
    """(claimant, independent sources that attribute it to them), most first."""
    first_seen: str | None
    last_seen: str | None

    @property
    def day(self) -> date | None:
        """The event's own day where the text gives one, else the day it was first reported."""
        return event_day(self.event) or day_of(self.first_seen)


def fuse(mentions: Sequence[Mention]) -> list[Incident]:
    """Group mentions into incidents, in the order of their first mention.

    Only groups that could be compatible are tried: those of the same kind whose first
    mention is dated within the window, or that share the mention's copy group (the only
    ones an undated mention may join), so the cost grows with the store, not its square.
    """
    groups: list[list[Mention]] = []
    by_day: dict[tuple[object, ...], list[int]] = collections.defaultdict(list)
    by_copy: dict[tuple[object, ...], list[int]] = collections.defaultdict(list)
    for mention in mentions:
        kind = (_kind(mention.event), mention.event.factuality in PLANS)
        day = _event_day(mention)
        candidates = set(by_copy[(*kind, mention.source.copy_of)])
        if day is not None:
            for offset in range(-WINDOW_DAYS, WINDOW_DAYS + 1):
                candidates.update(by_day[(*kind, day + timedelta(days=offset))])
        found = next((i for i in sorted(candidates) if _compatible(groups[i][0], mention)), None)
        if found is None:
            found = len(groups)
            groups.append([])
            by_copy[(*kind, mention.source.copy_of)].append(found)
            if day is not None:
                by_day[(*kind, day)].append(found)
        groups[found].append(mention)
    return [_incident(group) for group in groups]


def independent(sources: Iterable[Source]) -> int:
    """How many independent sources: one per copy group, and one per publisher."""
    return len(set(_source_units(list(sources))))


def origins(mentions: Sequence[Mention]) -> int:
    """How many independent origins the mentions have (``Incident.corroboration``)."""
    cited: dict[Hashable, set[Hashable]] = collections.defaultdict(set)
    for unit, mention in zip(_source_units([m.source for m in mentions]), mentions, strict=True):
        claimant = mention.event.claimant
        cited[unit].update([] if claimant is None else [
            claimant.kb_id or (claimant.country, claimant.sector or claimant.name.casefold())])
    return len({origin for unit, claimants in cited.items() for origin in claimants or {unit}})


def _source_units(sources: Sequence[Source]) -> list[Hashable]:
    """Each source's independent unit: copy groups joined by a shared publisher."""
    parent: dict[Hashable, Hashable] = {}

    def root(x: Hashable) -> Hashable:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    for source in sources:
        group = ("copy", source.copy_of)
        if source.publisher:
            parent[root(("publisher", source.publisher.casefold()))] = root(group)
        root(group)
    return [root(("copy", source.copy_of)) for source in sources]


def figure_discrepancies(incidents: Sequence[Incident]) -> list[Discrepancy]:
    """Counts of one thing in one incident that independent sources give differently."""
    found = []
    for incident in incidents:
        values: dict[str, dict[float, list[tuple[Mention, Evidence]]]] = collections.defaultdict(dict)
        for mention in incident.mentions:
            for quantity in mention.event.quantities:
                if quantity.counted and quantity.value is not None:
                    sides = values[quantity.counted].setdefault(quantity.value, [])
                    if all(m.source.copy_of != mention.source.copy_of for m, _ in sides):
                        # a reprint repeating a figure is not another side
                        sides.append((mention, _evidence(mention, quantity.start, quantity.end)))
        for counted, by_value in values.items():
            if len(by_value) < 2 or independent(m.source for sides in by_value.values()
                                                for m, _ in sides) < 2:
                continue
            stated = tuple(Stated(_figure(value), _claimant_of(m), quote)
                           for value, sides in by_value.items() for m, quote in sides)
            found.append(Discrepancy(
                "figure", f"{counted} ({incident.incident_id})", None, incident.first_seen,
                stated, f"sources give {len(by_value)} different counts of {counted} for "
                        f"incident {incident.incident_id}"))
    return found


def claim_discrepancies(claims: Sequence[tuple[Claim, Source]]) -> list[Discrepancy]:
    """Figure claims about the same thing (what is counted, whose, where) that independent
    sources give differently: "15,000 North Korean workers in Russia" against "8,000"."""
    groups: dict[tuple[str, tuple[str, ...], tuple[str, ...]], list[tuple[Claim, Source, float]]] = \
        collections.defaultdict(list)
    for claim, source in claims:
        for quantity in claim.quantities:
            if claim.kind == "figure" and quantity.counted and quantity.value is not None:
                key = (quantity.counted, tuple(sorted({a.country or a.name for a in claim.about})),
                       tuple(sorted({p.country or p.name for p in claim.places})))
                if all(s.copy_of != source.copy_of or v != quantity.value
                       for _, s, v in groups[key]):  # a reprint repeating a figure is not another side
                    groups[key].append((claim, source, quantity.value))
    found = []
    for (counted, about, places), entries in groups.items():
        values = {value for _, _, value in entries}
        if len(values) < 2 or independent(s for _, s, _ in entries) < 2:
            continue
        stated = tuple(Stated(_figure(value), claim.claimant.name if claim.claimant else
                              f"{source.publisher or source.article_id}", claim.evidence[0]
                              if claim.evidence else None) for claim, source, value in entries)
        subject = " ".join([str(counted), *(f"of {a}" for a in about), *(f"in {p}" for p in places)])
        found.append(Discrepancy("figure", subject, None, None, stated,
                                 f"sources give {len(values)} different figures for {subject}"))
    return found


# -- compatibility ----------------------------------------------------------------------------

PEOPLE_WORDS = frozenset({"people", "person", "persons", "dead", "casualties", "casualty",
                          "victims", "victim", "bodies", "deaths", "injured", "wounded"})


def _kind(event: EventMention) -> str:
    kind = event.intended or event.event_type
    return KINDS.get(kind, kind)


def _compatible(first: Mention, other: Mention) -> bool:
    a, b = first.event, other.event
    shared = False
    for side in ("source", "target"):
        ours, theirs = _countries(getattr(a, side)), _countries(getattr(b, side))
        if ours and theirs:
            if not ours & theirs:
                return False
            shared = True
    if a.place is not None and b.place is not None and a.place.country and b.place.country:
        if a.place.country != b.place.country:
            return False
        shared = True
    counted, theirs = _counted(a), _counted(b)
    if counted and theirs and not counted & theirs:
        return False  # 20,000 tonnes of coal shipped is not hundreds of IT workers sent
    days = [d for d in (_event_day(first), _event_day(other)) if d is not None]
    if len(days) == 2 and abs((days[0] - days[1]).days) > WINDOW_DAYS:
        return False
    if len(days) < 2 and first.source.copy_of != other.source.copy_of:
        return False  # an undated report cannot be placed beside another article's
    return shared


def _counted(event: EventMention) -> set[str]:
    """What the event counts, by the counted phrase's last word ("coal"), people of any kind
    as one ("civilians", "dead" and "troops" may all count one attack's victims)."""
    kinds = set()
    for quantity in event.quantities:
        if quantity.counted:
            word = quantity.counted.split()[-1].casefold()
            kinds.add("people" if _people(word) else word)
    return kinds


def _people(word: str) -> bool:
    sectors = Lexicon.load().sectors
    return word in PEOPLE_WORDS or any(
        form in sectors for form in (word, word.removesuffix("s"), word.removesuffix("es")))


def _countries(actors: Iterable[Actor]) -> set[str]:
    return {a.country for a in actors if a.country}


def _event_day(mention: Mention) -> date | None:
    return event_day(mention.event) or mention.source.day


def event_day(event: EventMention) -> date | None:
    """The day the event's own time gives, when the text dates it to the day."""
    time = event.time
    return day_of(time.value) if time is not None and time.precision == "day" else None


def day_of(value: str | None) -> date | None:
    """The date an ISO date or timestamp starts with; None for none or a malformed one."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# -- the incident's values ---------------------------------------------------------------------

def _incident(group: list[Mention]) -> Incident:
    first = group[0]

    def best(value: Callable[[Mention], Hashable], among: Callable[[Mention], object] = bool
             ) -> EventMention:
        """The mention giving the best-supported value, among those that give one (a
        mention that names no target does not outvote one that does)."""
        found = _best([m for m in group if among(m)] or group, value)
        assert found is not None  # a group has a mention
        return found.event

    by_type = best(lambda m: (m.event.event_type, m.event.intended))
    event = EventMention(
        event_type=by_type.event_type, factuality=best(lambda m: m.event.factuality).factuality,
        trigger=first.event.trigger, confidence=max(m.event.confidence for m in group),
        mode=by_type.mode, context=by_type.context, acled=by_type.acled, intended=by_type.intended,
        source=best(lambda m: _actor_key(m.event.source), lambda m: m.event.source).source,
        target=best(lambda m: _actor_key(m.event.target), lambda m: m.event.target).target,
        recipient=best(lambda m: _actor_key(m.event.recipient),
                       lambda m: m.event.recipient).recipient,
        place=best(lambda m: m.event.place and (m.event.place.name, m.event.place.country),
                   lambda m: m.event.place).place,
        time=best(lambda m: m.event.time and m.event.time.value, lambda m: m.event.time).time,
        quantities=best(lambda m: tuple((q.counted, q.value) for q in m.event.quantities),
                        lambda m: m.event.quantities).quantities,
        claimant=None, purpose=first.event.purpose,
        evidence=tuple(e for m in group for e in m.event.evidence))
    claimants: dict[str, list[Source]] = collections.defaultdict(list)
    for mention in group:
        claimant = mention.event.claimant
        if claimant is not None:
            claimants[claimant.kb_id or claimant.name].append(mention.source)
    days = sorted(m.source.published for m in group if m.source.published)
    sources = independent(m.source for m in group)
    return Incident(
        incident_id=f"I{first.event_id}", mentions=tuple(group), sources=sources,
        corroboration=min(origins(group), sources), event=event,
        claimants=tuple(sorted(((name, independent(s)) for name, s in claimants.items()),
                               key=lambda c: -c[1])),
        first_seen=days[0] if days else None, last_seen=days[-1] if days else None)


def _best(mentions: list[Mention], value: Callable[[Mention], Hashable]) -> Mention | None:
    """The first mention giving the value the most independent sources give."""
    if not mentions:
        return None
    support: dict[Hashable, list[Source]] = collections.defaultdict(list)
    for mention in mentions:
        support[value(mention)].append(mention.source)
    top = max(support, key=lambda v: independent(support[v]))  # max keeps the first on ties
    return next(m for m in mentions if value(m) == top)


def _actor_key(actors: Iterable[Actor]) -> tuple[str, ...]:
    return tuple(sorted({a.kb_id or a.country or a.name for a in actors}))


def _claimant_of(mention: Mention) -> str:
    claimant = mention.event.claimant
    if claimant is not None:
        return claimant.name
    return mention.source.publisher or f"article {mention.source.article_id}"


def _evidence(mention: Mention, start: int, end: int) -> Evidence:
    """The mention's evidence sentence holding the span."""
    for evidence in mention.event.evidence:
        if evidence.start <= start and end <= evidence.end:
            return evidence
    return mention.event.evidence[0]


def _figure(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


__all__ = [
    "WINDOW_DAYS",
    "Incident",
    "Mention",
    "Source",
    "claim_discrepancies",
    "day_of",
    "event_day",
    "figure_discrepancies",
    "fuse",
    "independent",
]
