"""Knowledge-base files: reading them, and merging what they hold into the actors already known.

Two record shapes are read from JSON Lines, line by line (or from a JSON array, as
``wirewatch kb list --format json`` writes and ``data/actors.json`` is):

- wirewatch's own (``KBActor.to_json``): ``{id, type, name, aliases, country, sector, roles}``;
- office-holder rows such as ``../shared/kb/office-holders-*.jsonl``: ``{name, aliases,
  country_iso3, country, post, role_type, start, end, source}``, one role a row.

Office-holder rows of one person (same country, a shared name or alias) become one person with
all their roles, joined to a known person of that name and country when there is one. Roles
already known (same post, same start year) are not added twice, so importing a file again
changes nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from wirewatch.errors import InputError, MalformedRecordError
from wirewatch.resolve.countries import CountryIndex
from wirewatch.resolve.kb import ActorKB, KBActor, Role, role_from_json, slug
from wirewatch.resolve.names import key

HONORIFICS = frozenset({"lt", "gen", "general", "col", "maj", "brig", "adm", "capt", "marshal",
                        "marshall", "field", "dr", "sir", "prof", "us"})


def read_records(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(where, record)`` for each non-blank line of a JSON Lines file."""
    if not path.is_file():
        raise InputError(f"{path} is not a file", "kb import reads one JSON Lines file",
                         "Check the path, e.g. ../shared/kb/office-holders-factbook.jsonl")
    if _starts_array(path):  # `kb list --format json`, or a file shaped like data/actors.json
        yield from _array_records(path)
        return
    with path.open(encoding="utf-8") as lines:
        for n, line in _numbered(lines, path):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise MalformedRecordError(f"{where} is not valid JSON", exc.msg,
                                           "Each line must be one JSON object") from None
            if not isinstance(record, dict):
                raise MalformedRecordError(f"{where} is not a JSON object",
                                           "each line is one actor or one office-holder role",
                                           "docs/kb.md shows both formats")
            yield where, record


@dataclass(frozen=True, slots=True)
class Merged:
    actors: list[KBActor]
    """Actors added or changed."""
    skipped: list[str]
    """``file:line`` of office-holder rows with no country code, left out."""


def _starts_array(path: Path) -> bool:
    with path.open("rb") as head:
        return head.read(64).lstrip().startswith(b"[")


def _array_records(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MalformedRecordError(f"{path} is not a valid JSON array", str(exc),
                                   "Give a JSON array of actors, or JSON Lines") from None
    for n, record in enumerate(records, 1):
        if not isinstance(record, dict):
            raise MalformedRecordError(f"{path}: record {n} is not a JSON object",
                                       "each record is one actor", "docs/kb.md shows the format")
        yield f"{path}: record {n}", record


def _numbered(lines: Iterable[str], path: Path) -> Iterator[tuple[int, str]]:
    """Lines with their numbers; a byte that is not UTF-8 is an input error at its line."""
    n = 0
    try:
        for n, line in enumerate(lines, 1):
            yield n, line
    except UnicodeDecodeError as exc:
        raise MalformedRecordError(f"{path}:{n + 1} is not UTF-8", str(exc),
                                   "Save the file as UTF-8 and import it again") from None


def merge_file(path: Path, kb: ActorKB) -> Merged:
    """The actors that importing ``path`` adds or changes, given what ``kb`` already holds.

    The whole file is validated before anything is returned, so a bad line changes nothing.
    """
    own: list[KBActor] = []
    held: list[tuple[str, dict[str, Any]]] = []
    for where, record in read_records(path):
        if "id" in record:
            own.append(KBActor.from_json(record, where))
        elif "post" in record:
            held.append((where, record))
        else:
            raise MalformedRecordError(f"{where} is neither an actor nor an office-holder role",
                                       'an actor has "id" and "name"; a role has "name", '
                                       '"post" and "country_iso3"', "docs/kb.md shows both formats")
    changed = {actor.id: actor for actor in own if kb.actors.get(actor.id) != actor}
    skipped: list[str] = []
    people = _people(held, skipped)
    known = ActorKB([*kb.actors.values(), *own])
    taken = set(known.actors)
    named: dict[str, str] = {}  # names this import gave people -> their ids
    for name, aliases, country, roles in people:
        existing = _same_person(known, (name, *aliases), country) or next(
            (changed[named[key(n)]] for n in (name, *aliases) if key(n) in named
             and changed[named[key(n)]].country in {country, None}), None)
        if existing is None:
            actor = KBActor(_new_id(name, country, taken), name, "person", country,
                            tuple(_distinct(aliases, name)), tuple(roles), "government")
            taken.add(actor.id)
        else:
            # two groups may join one known person: build on what the first one added
            before = changed.get(existing.id, existing)
            actor = with_roles(before, [name, *aliases], roles)
            if actor == existing:
                continue
        changed[actor.id] = actor
        named.update((key(n), actor.id) for n in (actor.name, *actor.aliases))
    return Merged(list(changed.values()), skipped)


def _people(rows: list[tuple[str, dict[str, Any]]],
            skipped: list[str]) -> list[tuple[str, list[str], str, list[Role]]]:
    """Group office-holder rows into (name, aliases, country, roles), one per person.

    A person is one name (or a shared alias) across countries: the Factbook lists the French
    president as chief of state of each French territory too. Rows that share any name or
    alias are one person, whatever order they come in. Their country is the most populous
    one among their roles' countries (France, not Mayotte). Rows for places with no ISO code
    (the Akrotiri base, Serbia and Montenegro) are listed in ``skipped``.
    """
    parsed: list[tuple[list[str], Role]] = []
    for where, row in rows:
        names = _row_names(row, where)
        country = row.get("country_iso3")
        if country is None:
            skipped.append(where)
            continue
        if not isinstance(country, str) or not re.fullmatch(r"[A-Z]{3}", country):
            raise MalformedRecordError(f"{where}: country_iso3 {country!r} is not a country code",
                                       "rows give the ISO 3166-1 alpha-3 code",
                                       'Give "country_iso3", e.g. "RUS"')
        parsed.append((names, _role(row, where, country)))
    # union-find over rows by shared folded names: deterministic, order-independent
    parent = list(range(len(parsed)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, (names, _) in enumerate(parsed):
        for folded in sorted({key(n) for n in names}):
            j = first.setdefault(folded, i)
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(len(parsed)):
        groups.setdefault(root(i), []).append(i)
    people = []
    for members in groups.values():  # in order of each person's first row
        names = [n for i in members for n in parsed[i][0]]
        roles = [parsed[i][1] for i in members]
        people.append((names[0], _distinct(names[1:], names[0]), _home(roles), _dedupe(roles)))
    return people


def _row_names(row: dict[str, Any], where: str) -> list[str]:
    """The row's name, then its aliases, ranks dropped; ``MalformedRecordError`` if unusable."""
    name, aliases = row.get("name"), row.get("aliases") or []
    if not isinstance(name, str) or not name.strip():
        raise MalformedRecordError(f"{where} has no name", "an office-holder row names a person",
                                   'Give "name"')
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise MalformedRecordError(f"{where}: aliases is not a list of names",
                                   "aliases are other spellings of the name",
                                   'Give "aliases" as a list of non-empty strings, or leave it out')
    return [_untitled(n.strip()) for n in (name, *aliases)]


def _untitled(name: str) -> str:
    """The name without ranks the Factbook sometimes writes into it ("Lt. Gen. Umar al-Bashir")."""
    words = name.split()
    while len(words) > 2 and words[0].strip(".").lower() in HONORIFICS:
        words.pop(0)
    return " ".join(words)


def _home(roles: list[Role]) -> str:
    countries = CountryIndex.load()

    def population(code: str) -> int:
        record = countries.record(code)
        return record.population if record else 0
    return max((role.country for role in roles), key=population)


def _role(row: dict[str, Any], where: str, country: str) -> Role:
    """The row's role, checked as every knowledge-base role is (``kb.role_from_json``)."""
    post, place = row.get("post"), row.get("country")
    # Factbook posts are bare ("President"); say whose, as the shipped roles do.
    if isinstance(post, str) and post.strip() and isinstance(place, str) and place \
            and place.lower() not in post.lower():
        post = f"{post.strip()} of {place}"
    record = {"post": post, "country": country, "start": row.get("start"), "end": row.get("end"),
              "sector": "government", "source": row.get("source")}
    try:
        return role_from_json(record, where)
    except InputError as error:  # named as a bad line of the file being imported
        raise MalformedRecordError(error.what, error.why, error.fix) from None


def _dedupe(roles: Iterable[Role]) -> list[Role]:
    """One role per (post, start year), keeping the most precise dates; sorted by start."""
    best: dict[tuple[str, str, str], Role] = {}
    for role in roles:
        slot = _role_key(role)
        held = best.get(slot)
        if held is None or len(role.start or "") > len(held.start or ""):
            best[slot] = role
    return sorted(best.values(), key=lambda r: r.start or "")


def _role_key(role: Role) -> tuple[str, str, str]:
    """Roles are the same when post (less "of the"), country and start year are."""
    post = " ".join(w for w in key(role.post).split() if w not in {"of", "the"})
    return post, role.country, (role.start or "")[:4]


def _same_person(kb: ActorKB, names: Iterable[str], country: str) -> KBActor | None:
    """A known person of one of these names from this country (or of no stated country)."""
    for name in names:
        actor = kb.actors_named(name)
        found = [a for a in actor if a.type == "person" and a.country in {country, None}]
        if found:
            return found[0]
    return None


def with_roles(actor: KBActor, aliases: Iterable[str], roles: Iterable[Role]) -> KBActor:
    """``actor`` with the roles it lacks (by post and start year) and new aliases."""
    have = {_role_key(r) for r in actor.roles}
    more = [r for r in roles if _role_key(r) not in have]
    known = {key(n) for n in (actor.name, *actor.aliases)}
    new_names = [a for a in _distinct(aliases, actor.name) if key(a) not in known]
    if not more and not new_names:
        return actor
    return replace(actor, aliases=(*actor.aliases, *new_names),
                   roles=tuple(sorted([*actor.roles, *more], key=lambda r: r.start or "")))


def _distinct(aliases: Iterable[str], name: str) -> list[str]:
    """Aliases whose folded form differs from the name's and from each other's."""
    seen, kept = {key(name)}, []
    for alias in aliases:
        if key(alias) not in seen:
            seen.add(key(alias))
            kept.append(alias)
    return kept


def _new_id(name: str, country: str, taken: set[str]) -> str:
    base = slug(name)
    candidate = base if base not in taken else f"{base}-{country.lower()}"
    n = 2
    while candidate in taken:
        candidate, n = f"{base}-{country.lower()}-{n}", n + 1
    return candidate


__all__ = ["Merged", "merge_file", "read_records", "with_roles"]
