"""Which country a name stands for: "North Korean", "Pyongyang", "the Kremlin", "U.S.".

Shipped as ``data/countries.json`` (built by ``scripts/build_gazetteer.py``), one
country a line so that an analyst can read and correct it. Matching is exact after
folding (see ``names``). The one allowance, for names the language model tagged as a
place or a people, is a misspelt name or demonym of six letters or more a slip away from
the real one ("Afganistan", "Phillippines": rapidfuzz ``ratio`` ≥ 92, as wire copy has
them), unless one holds the other ("Prussia", "Indiana"). Capitals, aliases and metonyms
are never guessed: a country is too weighty a claim.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

from rapidfuzz import fuzz, process

from wirewatch.resolve.names import is_acronym, key, strip_mention

Kind = Literal["name", "alias", "demonym", "capital", "metonym"]
MISSPELT_LENGTH = 6
MISSPELT_CUTOFF = 92
_KIND_ORDER: tuple[Kind, ...] = ("name", "alias", "capital", "metonym", "demonym")
"""When two countries share a form, the stronger kind wins, then the larger population."""


@dataclass(frozen=True, slots=True)
class CountryRecord:
    """One line of ``countries.json``."""

    iso3: str
    """ISO 3166-1 alpha-3 code (``XKX`` for Kosovo)."""
    iso2: str
    name: str
    """The common English short name: "Russia", "North Korea"."""
    aliases: tuple[str, ...] = ()
    """Official and other names: "Russian Federation", "DPRK", "U.S."."""
    demonyms: tuple[str, ...] = ()
    """Adjective first, then nouns for the people: "Russian", "Russians"."""
    capitals: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    """Seats of government named for the government: "the Kremlin"."""
    lat: float = 0.0
    lon: float = 0.0
    """The country's conventional map point (countryinfo's, as GeoNames and atlases give it)."""
    population: int = 0

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> CountryRecord:
        return cls(record["iso3"], record["iso2"], record["name"],
                   tuple(record.get("aliases", ())), tuple(record.get("demonyms", ())),
                   tuple(record.get("capitals", ())), tuple(record.get("metonyms", ())),
                   float(record.get("lat", 0.0)), float(record.get("lon", 0.0)),
                   int(record.get("population", 0)))

    def forms(self, kind: Kind) -> tuple[str, ...]:
        """The record's names of one kind."""
        if kind == "name":
            return (self.name,)
        return {"alias": self.aliases, "demonym": self.demonyms, "capital": self.capitals,
                "metonym": self.metonyms}[kind]


@dataclass(frozen=True, slots=True)
class CountryMatch:
    """A name resolved to a country, and how it named it."""

    iso3: str
    name: str
    """The country's common English short name."""
    kind: Kind


class CountryIndex:
    """Looks up countries by name, alias, demonym, capital or metonym."""

    def __init__(self, records: Iterable[CountryRecord]) -> None:
        self._records = {record.iso3: record for record in records}
        self._exact: dict[str, CountryMatch] = {}
        self._folded: dict[str, CountryMatch] = {}
        ranked = sorted(self._records.values(), key=lambda r: -r.population)
        for kind in _KIND_ORDER:
            for record in ranked:
                for form in record.forms(kind):
                    self._add(form, CountryMatch(record.iso3, record.name, kind))
        self._spellings = {form: found for form, found in self._folded.items()
                           if found.kind in {"name", "demonym"} and len(form) >= MISSPELT_LENGTH - 1}
        self._spelling_forms = list(self._spellings)

    @classmethod
    def load(cls) -> CountryIndex:
        """The index of the shipped ``countries.json``, built once per process."""
        return _load_shipped()

    def match(self, text: str, misspelt: bool = False) -> CountryMatch | None:
        """The country ``text`` names, or None.

        Case is ignored, except that acronyms ("US", "UK") match only in capitals and
        one-word names only when capitalised ("Turkey", not "turkey"); a leading "the"
        and a possessive are dropped: "North Korea's" -> PRK. ``misspelt``: ``text`` is a
        name the language model tagged (not any capitalised word: "Hungry" is no slip for
        "Hungary"), so a slip in a name or demonym is forgiven.
        """
        mention = strip_mention(text)
        if not mention:
            return None
        if mention in self._exact:
            return self._exact[mention]
        folded = key(mention)
        if " " not in folded and not mention[0].isupper():
            return None
        found = self._folded.get(folded)
        return found or (self._misspelt(folded) if misspelt else None)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - the index lives as long as the process
    def _misspelt(self, folded: str) -> CountryMatch | None:
        if len(folded) < MISSPELT_LENGTH or not folded.replace(" ", "").isalpha():
            return None
        best = process.extractOne(folded, self._spelling_forms, scorer=fuzz.ratio,
                                  score_cutoff=MISSPELT_CUTOFF)
        if best is None:
            return None
        form, found = best[0], self._spellings[best[0]]
        if found.kind == "demonym" and folded == form + "s":
            return found  # "Germans"
        if form in folded or folded in form or (found.kind == "demonym" and folded.endswith("s")):
            return None  # another word, not a slip: "Indiana", "Prussia", "Iberia", "the Americas"
        return found

    def name(self, iso3: str) -> str:
        """The common English short name of ``iso3``; KeyError for an unknown code."""
        return self._records[iso3].name

    def record(self, iso3: str) -> CountryRecord | None:
        return self._records.get(iso3)

    def records(self) -> tuple[CountryRecord, ...]:
        return tuple(self._records.values())

    def _add(self, form: str, found: CountryMatch) -> None:
        mention = strip_mention(form)
        if is_acronym(mention):
            self._exact.setdefault(mention, found)
        elif mention:
            self._folded.setdefault(key(mention), found)


@functools.cache
def load_country_records() -> tuple[CountryRecord, ...]:
    """The records of the shipped ``countries.json``, read once per process."""
    text = (resources.files("wirewatch") / "data" / "countries.json").read_text(encoding="utf-8")
    return tuple(CountryRecord.from_json(record) for record in json.loads(text))


@functools.cache
def _load_shipped() -> CountryIndex:
    return CountryIndex(load_country_records())


__all__ = ["CountryIndex", "CountryMatch", "CountryRecord", "Kind", "load_country_records"]
