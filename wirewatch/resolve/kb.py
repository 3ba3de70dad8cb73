"""The actor knowledge base: named people and organisations with dated roles.

Two layers, one record shape (``KBActor.to_json``):

- shipped: ``data/actors.json``, curated and readable, one actor a line, overlaid with
  ``data/world.json``, the world's heads of state and government that ``scripts/build_kb.py``
  builds from public-domain office-holder files (``docs/kb.md`` gives its provenance);
- the user's: records added with ``wirewatch kb add/edit/import``, kept in the store's
  ``kb_actors`` table and loaded over the shipped ones (a record with a shipped id replaces it,
  and a user's actor comes before a shipped namesake).

Names match exactly after folding case, punctuation and diacritics (``names.key``), or fuzzily
(rapidfuzz ``ratio``: WRatio misfires on short names) above a high cut-off,
so "Kim Jong Un" and "Kim Jong-un" are one person but "Kim" alone is not. A surname alone
("Putin", "President Bush") is a person only when every candidate fits: the title in the
text names their post, or their role is in force on the article's date.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from wirewatch.errors import InputError
from wirewatch.resolve import names as name_folding
from wirewatch.resolve.cache import cached, digest
from wirewatch.resolve.names import key

FUZZY_CUTOFF = 92.0
FORMER = frozenset({"former", "ex", "late", "then"})
"""Title words that put the post in the past."""
TYPES = ("person", "organization", "group")
"""A person; a state or intergovernmental body; a party, movement or armed group."""
SECTORS = ("government", "military", "police", "legislature", "judiciary", "rebels", "civilian",
           "political", "labour", "business", "media", "protesters", "igo", "ngo", "religious")
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "dame", "lord", "the"})
"""Words before a name that say nothing of a post."""
PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "van", "von", "der", "den", "bin",
                       "ibn", "bint", "al", "el", "abu", "ben", "la", "le", "di", "du", "mac"})
"""Name particles that are never a surname on their own."""
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "KHM", "MNG"})
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True, slots=True)
class Role:
    post: str
    country: str
    start: str | None
    """ISO date; "2017" or "2017-05" where only the year or month is known."""
    end: str | None
    """The day the role ended (exclusive); None while it is held."""
    sector: str | None = None
    source: str | None = None

    def held_on(self, day: str | None) -> bool:
        """True when the role was in force on ``day`` (ISO date); a missing day means today."""
        if day is None:
            return self.end is None
        day = day[:10]
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def to_json(self) -> dict[str, Any]:
        record = {"post": self.post, "country": self.country, "start": self.start, "end": self.end,
                  "sector": self.sector}
        return record | ({"source": self.source} if self.source else {})


@dataclass(frozen=True, slots=True)
class KBActor:
    id: str
    name: str
    type: str
    country: str | None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    sector: str | None = None

    def role_on(self, day: str | None) -> Role | None:
        """The role in force on ``day`` (one in their own country first); None when none is."""
        current = [role for role in self.roles if role.held_on(day)]
        current.sort(key=lambda role: role.country == self.country)
        return current[-1] if current else None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "name": self.name, "aliases": list(self.aliases),
                "country": self.country, "sector": self.sector,
                "roles": [role.to_json() for role in self.roles]}

    @classmethod
    def from_json(cls, record: Mapping[str, Any], where: str = "record") -> KBActor:
        """Build and validate one record; ``InputError`` names ``where`` and the field at fault."""
        def bad(field: str, why: str) -> InputError:
            return InputError(f"{where}: field {field!r} is not valid", why,
                              "docs/kb.md shows the record format")
        if not isinstance(record, Mapping):
            raise InputError(f"{where} is not a JSON object", "each actor is one object",
                             "docs/kb.md shows the record format")
        for field in ("id", "name"):
            if not isinstance(record.get(field), str) or not record[field].strip():
                raise bad(field, "it is required and must be non-empty text")
        if not isinstance(record.get("type", "person"), str):
            raise bad("type", f"it must be one of {', '.join(TYPES)}")
        kind = record.get("type", "person")
        if kind not in TYPES:
            raise bad("type", f"{kind!r} is not one of {', '.join(TYPES)}")
        aliases = record.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise bad("aliases", "it must be a list of non-empty names")
        roles = record.get("roles") or []
        if not isinstance(roles, list):
            raise bad("roles", "it must be a list of {post, country, start, end}")
        built = tuple(role_from_json(role, f"{where}, role {n + 1}") for n, role in enumerate(roles))
        return cls(record["id"].strip(), record["name"].strip(), kind,
                   _country(record.get("country"), where), tuple(aliases), built,
                   _sector(record.get("sector"), where))


def role_from_json(record: Any, where: str) -> Role:
    """One role record, checked; ``InputError`` names ``where`` and the field at fault."""
    if not isinstance(record, Mapping) or not isinstance(record.get("post"), str) \
            or not record["post"].strip():
        raise InputError(f"{where} has no post", "a role is {post, country, start, end}",
                         'Give at least "post" and "country"')
    start, end = (check_date(record.get(f), f"{where}, {f}") for f in ("start", "end"))
    if start and end and end < start:
        raise InputError(f"{where} ends ({end}) before it starts ({start})",
                         "the end date is the day the role stopped", "Check the dates")
    country = _country(record.get("country"), where)
    if country is None:
        raise InputError(f"{where} has no country", "every post belongs to a country or IGO",
                         'Give "country" as an ISO 3166 alpha-3 code, or "IGO"')
    source = record.get("source")
    if source is not None and not isinstance(source, str):
        raise InputError(f"{where}: source is not text", "a source says where the role comes from",
                         'Give "source" as a string, or leave it out')
    return Role(record["post"].strip(), country, start, end, _sector(record.get("sector"), where),
                source)


def check_date(value: Any, where: str) -> str | None:
    """An ISO date ("2024-05-12", "2024-05" or "2024"), or None; ``InputError`` otherwise."""
    if value is None or value == "":
        return None
    text = str(value)
    try:
        if not _DATE.match(text):
            raise ValueError
        dt.date.fromisoformat((text + "-01-01")[:10] if len(text) < 10 else text)
    except ValueError:
        raise InputError(f"{where}: {text!r} is not a date", "dates are ISO: YYYY-MM-DD",
                         "Write it as 2024-05-12 (or 2024-05, or 2024)") from None
    return text


def _country(value: Any, where: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{3}", value):
        raise InputError(f"{where}: country {value!r} is not a country code",
                         "countries are ISO 3166-1 alpha-3 (RUS, PRK), or IGO",
                         "`wirewatch kb list --type organization` shows codes in use")
    return value


def check_known_countries(actor: KBActor, where: str) -> KBActor:
    """``actor`` if its codes are countries wirewatch knows (or IGO), for what a user types
    (``kb add``, ``kb edit``): "XXX" has a code's shape but names nothing. Records already
    stored are read with the shape check alone, so none locks a user out of a database."""
    for code in (actor.country, *(role.country for role in actor.roles)):
        if code is not None and code not in _country_codes():
            raise InputError(f"{where}: country {code!r} is not a country wirewatch knows",
                             "countries are ISO 3166-1 alpha-3 (RUS, PRK), or IGO",
                             "Check the code; `wirewatch kb list` shows codes in use")
    return actor


@functools.cache
def _country_codes() -> frozenset[str]:
    from wirewatch.resolve.countries import load_country_records
    return frozenset({"IGO", *(c.iso3 for c in load_country_records())})


def _sector(value: Any, where: str) -> str | None:
    if value is None or value == "":
        return None
    if value not in SECTORS:
        raise InputError(f"{where}: sector {value!r} is not known",
                         f"sectors are {', '.join(SECTORS)}", "Use one of those")
    return str(value)


class ActorKB:
    """Looks up people and organisations by name."""

    def __init__(self, actors: Iterable[KBActor], tiers: Mapping[str, int] | None = None,
                 index: tuple[Mapping[str, list[str]], Mapping[str, list[str]]] | None = None
                 ) -> None:
        """``tiers`` ranks namesakes that fit equally well, lowest first (by id; 2 when
        absent): curated 0, the user's 1, the built world file 2. ``index``: the ids by name
        and by surname a knowledge base of these actors built before (``state``), taken as
        they are instead of being built again."""
        self.actors = {actor.id: actor for actor in actors}
        self._tiers = dict(tiers or {})
        self._posts: dict[str, set[str]] | None = None
        if index is not None:
            self._all_named = {n: [self.actors[i] for i in ids] for n, ids in index[0].items()}
            self._by_surname = {n: [self.actors[i] for i in ids] for n, ids in index[1].items()}
        else:
            self._all_named = {}
            for actor in sorted(self.actors.values(), key=self._tier):  # a name's first: curated
                for name in {key(n) for n in (actor.name, *actor.aliases)}:
                    self._all_named.setdefault(name, []).append(actor)
            self._by_surname = {}
            for actor in self.actors.values():
                if actor.type == "person":
                    for surname in _surnames(actor):
                        self._by_surname.setdefault(surname, []).append(actor)
        self._names = list(self._all_named)

    def state(self) -> tuple[Any, ...]:
        """Everything this knowledge base holds, as plain data (for the cache)."""
        actors = [(a.id, a.name, a.type, a.country, a.aliases, a.sector,
                   tuple((r.post, r.country, r.start, r.end, r.sector, r.source) for r in a.roles))
                  for a in self.actors.values()]
        return (actors, self._tiers, {n: [a.id for a in found] for n, found in self._all_named.items()},
                {n: [a.id for a in found] for n, found in self._by_surname.items()})

    @classmethod
    def restored(cls, state: tuple[Any, ...]) -> ActorKB:
        """The knowledge base whose ``state()`` this is, without indexing it again."""
        actors, tiers, named, surnamed = state
        return cls((KBActor(i, name, kind, country, tuple(aliases),
                            tuple(Role(*role) for role in roles), sector)
                    for i, name, kind, country, aliases, sector, roles in actors),
                   tiers, (named, surnamed))

    @classmethod
    def load(cls, db: str | Path | None = None) -> ActorKB:
        """The shipped actors, overlaid with the user's from the store at ``db`` if it exists."""
        from wirewatch.store.connect import display_name  # the store imports this module
        return cls.overlaid(user_records(db) if db is not None else [], display_name(str(db)))

    @classmethod
    def overlaid(cls, records: list[dict[str, Any]], where: str = "the store") -> ActorKB:
        """The shipped actors with these user records over them: a record replaces the
        shipped actor of its id, and is found before a namesake from the built world file."""
        if not records:
            return _load_shipped()
        users = {actor.id: actor for actor in (
            KBActor.from_json(record, f"knowledge base record {n + 1} in {where}")
            for n, record in enumerate(records))}
        shipped = _load_shipped()
        tiers = {actor_id: 1 for actor_id in users} | shipped._tiers
        return cls([*users.values(), *(a for a in shipped.actors.values() if a.id not in users)],
                   tiers)

    def match(self, name: str, *, title: str = "", day: str | None = None) -> KBActor | None:
        """The actor called ``name``, or None; fuzzy only for names of two or more words.

        A surname alone matches when only one person of that surname fits ``title``
        (the words before the name: "President") or holds a role on ``day``.
        """
        folded = key(name)
        found = next(iter(self._all_named.get(folded, ())), None)
        if found is not None and (found.type != "person" or " " in folded
                                  or found in self._fitting([found], title, day)):
            return found  # a one-word name ("Martin") is a person only as a surname would be
        if len(folded.split()) < 2:
            fitting = self._surname(folded, title, day)
            if len(fitting) > 1:  # an imported namesake of a curated entry ("Binjamin
                first = min(self._tier(a) for a in fitting)  # Netanyahu") does not hide it
                fitting = [a for a in fitting if self._tier(a) == first]
            return fitting[0] if len(fitting) == 1 else None
        best = process.extractOne(folded, self._names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return self._all_named[best[0]][0] if best else None

    def posts_in(self, country: str | None) -> list[str]:
        """Every post the knowledge base records in ``country``, whoever held it, whenever."""
        if self._posts is None:
            self._posts = {}
            for actor in self.actors.values():
                for role in actor.roles:
                    self._posts.setdefault(role.country, set()).add(role.post)
        return sorted(self._posts.get(country or "", ()))

    def _tier(self, actor: KBActor) -> int:
        return self._tiers.get(actor.id, 2)

    def actors_named(self, name: str) -> list[KBActor]:
        """Every actor whose name or an alias is ``name`` (after folding), without guessing."""
        return list(self._all_named.get(key(name), ()))

    def surname_country(self, surname: str, *, title: str = "", day: str | None = None) -> str | None:
        """The country every fitting person of this surname shares ("President Bush" -> USA)."""
        countries = {actor.country for actor in self._surname(key(surname), title, day)}
        return countries.pop() if len(countries) == 1 else None

    def _surname(self, surname: str, title: str, day: str | None) -> list[KBActor]:
        return self._fitting(self._by_surname.get(surname, []), title, day)

    @staticmethod
    def _fitting(people: list[KBActor], title: str, day: str | None) -> list[KBActor]:
        """Those whose post the title names best (most words shared: "Prime Minister" is
        the prime minister Kim, not the defence minister Kim), and of those the ones holding
        it on ``day`` if any do; with no title (or only "Mr"), those who hold a role on
        ``day``. A title that names none of their posts ("Lockheed Martin") fits no one."""
        words = set(key(title).split()) - HONORIFICS
        if not words:
            return [a for a in people if any(r.held_on(day) for r in a.roles)]

        def shared(actor: KBActor, held: bool = False) -> int:
            return max((len(words & set(key(r.post).split())) for r in actor.roles
                        if not held or r.held_on(day)), default=0)

        most = max((shared(a) for a in people), default=0)
        fitting = [a for a in people if most and shared(a) == most]
        if words & FORMER:  # "former President Bush": not whoever holds it on the day
            return fitting
        return [a for a in fitting if shared(a, held=True) == most] or fitting


def _surnames(actor: KBActor) -> set[str]:
    """Last words of the names; first words too where the family name comes first ("Lee Jae-myung")."""
    names = [key(name).split() for name in (actor.name, *actor.aliases)]
    found = {words[-1] for words in names if words}
    # "Hugo Chavez Frias", "Jeanine Anez Chavez": Spanish and Portuguese names put the
    # father's surname second to last
    found |= {words[-2] for words in names if len(words) > 2 and len(words[-2]) > 2
              and words[-2] not in PARTICLES}
    if actor.country in FAMILY_NAME_FIRST:
        found |= {words[0] for words in names if len(words) > 1}
    return found


def slug(name: str) -> str:
    """An id made from a name: "Andrei Belousov" -> "andrei-belousov"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "actor"


def user_records(db: str | Path) -> list[dict[str, Any]]:
    """The user's knowledge-base records in the store at ``db``; [] when there is none yet."""
    from wirewatch.store.kb import read_kb_records  # the store imports this module
    return read_kb_records(db)


@functools.cache
def curated() -> ActorKB:
    """The hand-curated actors of ``data/actors.json`` (they also feed the phrase ruler)."""
    return ActorKB(_data_file("actors.json"))


@functools.cache
def _load_shipped() -> ActorKB:
    """The shipped actors, indexed once per machine (``cache``) and read back after."""
    data = resources.files("wirewatch") / "data"
    sources = [(data / name).read_bytes() for name in ("actors.json", "world.json")]
    code = [Path(module.__file__ or "").read_bytes() for module in (sys.modules[__name__], name_folding)]
    return ActorKB.restored(cached("kb", digest([*sources, *code]),
                                   lambda: _built_shipped().state()))


def _built_shipped() -> ActorKB:
    """The curated actors with what the built world file (``scripts/build_kb.py``) adds: its
    other actors, and the roles and spellings it knows of curated ones (the curated record
    stays as it is written, so an edit to ``actors.json`` is never hidden by the build)."""
    from wirewatch.resolve.kb_files import with_roles  # kb_files builds on this module

    chosen = curated().actors
    actors = dict(chosen)
    for actor in _data_file("world.json"):
        held = chosen.get(actor.id)
        actors[actor.id] = (actor if held is None
                            else with_roles(held, [actor.name, *actor.aliases], actor.roles))
    return ActorKB(actors.values(), dict.fromkeys(chosen, 0))


def curated_sources() -> list[bytes]:
    """What ``curated`` is read from (for caches built from it)."""
    return [(resources.files("wirewatch") / "data" / "actors.json").read_bytes()]


def _data_file(name: str) -> list[KBActor]:
    text = (resources.files("wirewatch") / "data" / name).read_text(encoding="utf-8")
    return [KBActor.from_json(record, f"data/{name} record {n + 1}")
            for n, record in enumerate(json.loads(text))]


__all__ = ["SECTORS", "TYPES", "ActorKB", "KBActor", "Role", "check_date", "check_known_countries",
           "curated", "curated_sources", "role_from_json", "slug", "user_records"]
