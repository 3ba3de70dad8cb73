"""The actor knowledge base: named people and organisations with dated roles.

Shipped as ``data/actors.json`` so that an analyst can read and correct it.
Names match exactly after folding case, punctuation and diacritics (``names.key``), or fuzzily
(rapidfuzz ``ratio``: WRatio misfires on short names) above a high cut-off,
so "Kim Jong Un" and "Kim Jong-un" are one person but "Kim" alone is not.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

from rapidfuzz import fuzz, process

from wirewatch.resolve.names import key

FUZZY_CUTOFF = 92.0


@dataclass(frozen=True, slots=True)
class Role:
    post: str
    country: str
    start: str | None
    end: str | None
    sector: str | None = None

    def held_on(self, day: str | None) -> bool:
        """True when the role was in force on ``day`` (ISO date); a missing day means today."""
        if day is None:
            return self.end is None
        day = day[:10]
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


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
        """The role in force on ``day``; the latest one when none is."""
        current = [role for role in self.roles if role.held_on(day)]
        return current[-1] if current else None


class ActorKB:
    """Looks up people and organisations by name."""

    def __init__(self, actors: list[KBActor]) -> None:
        self.actors = {actor.id: actor for actor in actors}
        self._by_name = {key(name): actor for actor in actors
                         for name in (actor.name, *actor.aliases)}
        self._names = list(self._by_name)
        # "Putin" alone is Vladimir Putin when no one else in the KB has that surname
        surnames: dict[str, list[KBActor]] = {}
        for actor in actors:
            if actor.type == "person":
                surnames.setdefault(key(actor.name).split()[-1], []).append(actor)
        self._by_surname = {name: found[0] for name, found in surnames.items() if len(found) == 1}

    @classmethod
    def load(cls) -> ActorKB:
        return _load_shipped()

    def match(self, name: str) -> KBActor | None:
        """The actor called ``name``, or None; fuzzy only for names of two or more words."""
        folded = key(name)
        if folded in self._by_name:
            return self._by_name[folded]
        if len(folded.split()) < 2:
            return self._by_surname.get(folded)
        best = process.extractOne(folded, self._names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return self._by_name[best[0]] if best else None


def _actor(record: dict) -> KBActor:
    roles = tuple(Role(r["post"], r["country"], r.get("start"), r.get("end"), r.get("sector"))
                  for r in record.get("roles", ()))
    return KBActor(record["id"], record["name"], record["type"], record.get("country"),
                   tuple(record.get("aliases", ())), roles, record.get("sector"))


@functools.cache
def _load_shipped() -> ActorKB:
    text = (resources.files("wirewatch") / "data" / "actors.json").read_text(encoding="utf-8")
    return ActorKB([_actor(record) for record in json.loads(text)])


__all__ = ["ActorKB", "KBActor", "Role"]
