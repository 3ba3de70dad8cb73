"""What an article's place names say about one another: the context a geoparser reads a name
in (``geoparse.Geoparser``).

- the countries it names, by name, people or capital;
- the first-level divisions it names ("Minnesota", "Fla."), in which a town of a shared name
  is taken;
- where its unambiguous places lie (a name only one place has, or a division named with its
  type: "Rapides Parish"), near which a namesake is taken;
- for names that several places share, the namesakes its places read together choose (a
  local story names places near each other);
- the publisher's home country, for what nothing in the text decides.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from wirewatch.resolve.countries import CountryIndex
from wirewatch.resolve.gazetteer import HOME_YIELDS, Gazetteer, GeoEntry, distance_km
from wirewatch.resolve.names import key

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCAL_KM = 100.0
"""How close the places of one local story lie: a metropolitan area, a few counties."""


class StoryPlaces:
    """The place context of one article."""

    def __init__(self, ents: tuple[SpacySpan, ...], countries: CountryIndex, gazetteer: Gazetteer,
                 home: str | None) -> None:
        """``ents``: the article's entities in text order; ``home``: the publisher's country
        (``outlets.home_country``)."""
        self.countries, self.gazetteer, self.home = countries, gazetteer, home
        self.mentioned = self._mentioned_countries(ents)
        self.divisions, self.anchors, self.settled, self.held = self._context(ents)
        """``settled``: names that several places share, read together (folded name -> place);
        ``held``: the divisions the article's towns lie in (as read alone, or settled)."""
        self.town_countries = frozenset(self._town_countries(ents))

    def lookup(self, name: str) -> GeoEntry | None:
        """The place ``name`` means in this article: a country's name is the division of that
        name where the article's towns lie in it ("Georgia" in a story of Atlanta and Macon)."""
        settled = self.settled.get(key(name))
        if settled is not None:
            return settled
        entry = self.gazetteer.lookup(name, countries=self.mentioned, divisions=self.divisions,
                                      near=self.anchors, home=self.home)
        if entry is not None and entry.precision == "country" and self.held \
                and entry.country not in self.town_countries:
            division = next((e for e in self.gazetteer.entries(name)
                             if e.precision == "admin1" and e.geo_id in self.held), None)
            return division or entry
        return entry

    def holds(self, entry: GeoEntry) -> bool:
        """The place lies in a division the article names, or near a place it names."""
        points = [*self.anchors, *((e.lat, e.lon) for e in self.settled.values())]
        return entry.admin1 in self.divisions or any(_close(entry, lat, lon) for lat, lon in points)

    def _agrees(self, pick: GeoEntry, first: GeoEntry) -> bool:
        """A namesake the story's places chose, unless the article names other countries
        ("Athens" and "Sparta" in a story that names Greece) or the publisher's home holds
        the best-ranked one (Manchester in a British paper)."""
        if self.mentioned and pick.country not in self.mentioned:
            return False
        return not (self.home and first.country == self.home != pick.country)

    def _context(self, ents: tuple[SpacySpan, ...]) -> tuple[
            tuple[str, ...], tuple[tuple[float, float], ...], dict[str, GeoEntry], frozenset[str]]:
        """What the article's place names say about its other ones: the first-level divisions
        it names ("Minnesota", "Fla."), in which a town of a shared name is taken, and where its
        unambiguous towns and divisions lie (a name only one place has, or a division named
        with its type: "Rapides Parish"), near which a namesake is taken."""
        divisions: list[str] = []
        points: list[tuple[float, float]] = []
        held: set[str] = set()
        shared: dict[str, list[GeoEntry]] = {}
        for ent in ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            entry = self.gazetteer.lookup(ent.text, countries=self.mentioned)
            if entry is None:
                continue
            if entry.precision == "admin1" and entry.geo_id not in divisions:
                divisions.append(entry.geo_id)
            if entry.precision == "country":
                continue
            options = [e for e in self.gazetteer.entries(ent.text)
                       if e.precision not in {"country", "region"}]
            if entry.precision != "admin1" and entry.admin1:
                held.add(entry.admin1)
            if len(options) == 1:
                points.append((entry.lat, entry.lon))
            elif options:
                shared.setdefault(key(ent.text), options)
        settled = {name: pick for name, pick in _coherent(shared, points).items()
                   if self._agrees(pick, shared[name][0])}
        held.update(pick.admin1 for pick in settled.values() if pick.admin1)
        return tuple(divisions), tuple(dict.fromkeys(points)), settled, frozenset(held)

    def _town_countries(self, ents: tuple[SpacySpan, ...]) -> set[str]:
        """The countries the article's towns lie in, each read alone, and whose people it
        names ("Georgian President ..." keeps Georgia the country)."""
        found = set()
        for ent in ents:
            if ent.label_ == "NORP" and (match := self.countries.match(ent.text)) is not None:
                found.add(match.iso3)
            elif ent.label_ in PLACE_LABELS:
                entry = self.gazetteer.lookup(ent.text)
                if entry is not None and entry.precision not in {"country", "admin1", "region"} \
                        and entry.country:
                    found.add(entry.country)
        return found

    def _mentioned_countries(self, ents: tuple[SpacySpan, ...]) -> tuple[str, ...]:
        """Countries the article names, by name, people or capital; a capital only where the
        publisher's home has no namesake that would be taken for it (Kingston in Ontario)."""
        codes = []
        for ent in ents:
            if ent.label_ in {"GPE", "NORP"}:
                match = self.countries.match(ent.text, misspelt=True)
                if match and match.kind == "capital" and self.home and self.home != match.iso3:
                    entry = self.gazetteer.lookup(ent.text, home=self.home)
                    match = match if entry is None or entry.country == match.iso3 else None
                if match and match.iso3 not in codes:
                    codes.append(match.iso3)
        return tuple(codes)


def _coherent(shared: dict[str, list[GeoEntry]],
              fixed: list[tuple[float, float]]) -> dict[str, GeoEntry]:
    """Where the article's names that several places share lie, read together: a local story
    names places near each other ("Paris" beside "Roxton" and "Lamar County" is Paris, Texas;
    "Dublin" beside "Columbus" is in Ohio). For each such name, the namesake near the most of
    the article's other names (any of their namesakes, or a place only one name has) is
    taken where it has more such neighbours than the best-ranked one, enough of them (a place
    only one name has, or two other shared names: "Oxford" alone does not move "Cambridge" to
    Massachusetts) and a size within ``HOME_YIELDS`` of the best-ranked one's (Kentucky's
    towns do not make "Paris" and "London" Kentucky's). The choice settles that name alone
    (folded), lending no other its place."""
    chosen = {}
    for name, options in shared.items():
        others = [o for other, o in shared.items() if other != name]
        scores = [_support(option, others, fixed) for option in options]
        best = max(range(len(options)), key=lambda k: (scores[k], -k))
        first, pick = options[0], options[best]
        if scores[best] > scores[0] and scores[best] >= 2 \
                and first.population < HOME_YIELDS * max(pick.population, 1):
            chosen[name] = pick
    return chosen


def _support(entry: GeoEntry, others: list[list[GeoEntry]],
             fixed: list[tuple[float, float]]) -> int:
    """How many of the article's other shared names have a namesake near ``entry``, with a
    place only one name has counting twice (it is surely there)."""
    near = sum(any(_close(entry, o.lat, o.lon) for o in group) for group in others)
    return near + 2 * sum(_close(entry, lat, lon) for lat, lon in fixed)


def _close(entry: GeoEntry, lat: float, lon: float) -> bool:
    """Within ``LOCAL_KM``; a box test first, as most pairs are continents apart."""
    if abs(entry.lat - lat) > LOCAL_KM / 100:  # a degree of latitude is 111 km
        return False
    return distance_km(entry.lat, entry.lon, lat, lon) <= LOCAL_KM


__all__ = ["LOCAL_KM", "StoryPlaces"]
