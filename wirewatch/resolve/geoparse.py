"""The geoparser: which names in an article are places, and where they are.

A place entity is looked up in the offline gazetteer with what the article says about its
other places: the countries it mentions, the first-level divisions it names (a town of a
shared name is taken in them) and where its unambiguous places lie (a namesake is taken near
them). A place name used as a location ("in Pyongyang") is told from one used as a
government or a people ("Pyongyang and Moscow"). ``toponyms`` reports every place name
however used, as a geoparser does: demonyms as their country, names inside other names,
and names the model missed that are places elsewhere in the article or in the dateline.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from wirewatch.model import Place, PlaceUse, Span
from wirewatch.resolve.countries import CountryIndex, CountryMatch
from wirewatch.resolve.gazetteer import (
    BIG_CITY,
    Gazetteer,
    GeoEntry,
)
from wirewatch.resolve.names import TYPE_WORDS, is_generic, key, type_word
from wirewatch.resolve.story import PLACE_LABELS, StoryPlaces

IN_PLACE = {"in", "near", "outside", "at"}
MISLABELLED = {"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "NORP", "EVENT"}
PLACE_NOUNS = {"region", "city", "town", "village", "border", "territory", "province", "area",
               "capital", "oblast", "district", "coast", "port"}
TOWN_NOUNS = frozenset({"police", "council", "sheriff", "mayor", "school", "schools", "college",
                        "library", "hall", "chamber", "man", "woman", "men", "women", "resident",
                        "residents", "native", "teen", "teenager", "boy", "girl", "township"})
"""Words after a town's name that make it one: its institutions and its people."""
LOCAL_NOUNS = frozenset({"center", "centre", "hospital", "zoo", "fire", "regional", "airport",
                         "museum", "university", "board", "community", "area", "news", "times",
                         "herald", "tribune", "gazette", "journal", "courier"})
"""Words after a name that make it a town's only where the town lies among the story's other
places ("the Alexandria Zoo" in a story from Louisiana; not "the Webb Center" anywhere):
people's names lead them as often."""
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
              "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
              "southeastern", "southwestern", "central", "upper", "lower", "greater", "downtown",
              "historic", "metro"}
DETERMINERS = {"the", "a", "an"}
ACTING = frozenset({"nsubj", "nsubjpass", "agent", "poss", "dative", "pobj"})
"""Where a country or capital that is no location stands for its state: it acts ("Ottawa
planned"), owns ("Russia's support"), or is acted with ("talks with Moscow"). As an object
only a country's name does ("providing North Korea with currency"): "rockets hit Kyiv",
"Biden visited Kyiv" are about the city."""
_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|St\.|Mt\.|Ft\.")
"""Capitalised tokens that are not words: "U.S.", "D.C.", "St."."""


class Geoparser:
    """The places of one parsed article."""

    def __init__(self, doc: Doc, ents: tuple[SpacySpan, ...], ent_at: dict[int, SpacySpan],
                 span: Callable[[int, int], Span], countries: CountryIndex, gazetteer: Gazetteer,
                 locative: frozenset[str], person_words: set[str], home: str | None = None) -> None:
        """``ents``: the article's entities in text order, ``ent_at`` each token's; ``span``: the
        ingested-text span of tokens ``[start, end)``; ``locative``: prepositions that make a
        name a location; ``person_words``: words of the article's people's full names (no
        town is read in them); ``home``: the publisher's country (``outlets.home_country``)."""
        self.doc, self.ents, self.ent_at, self.span = doc, ents, ent_at, span
        self.countries, self.gazetteer, self.locative = countries, gazetteer, locative
        self.person_words = person_words
        self.surnames = {ent[-1].text.casefold() for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
        self.story = StoryPlaces(ents, countries, gazetteer, home)
        self.people = _people_only(ents)
        """Names the model took for a person twice or more and never for a place ("Lincoln")."""
        self._places: dict[int, Place | None] = {}

    def country(self, ent: SpacySpan) -> CountryMatch | None:
        """The country an entity names; a slip in the name is forgiven where the model
        tagged it as a place or a people ("Afganistan", "Phillippines")."""
        return self.countries.match(ent.text, misspelt=ent.label_ in {"GPE", "NORP"})

    def place(self, token: Token) -> Place | None:
        """The place ``token`` names, if its entity is a place the gazetteer knows."""
        ent = self.ent_at.get(token.i)
        if ent is None or not self.place_like(ent):
            return None
        return self.resolve(ent)

    def resolve(self, ent: SpacySpan) -> Place | None:
        """The gazetteer's place for an entity, looked up once per article."""
        if ent.start not in self._places:
            self._places[ent.start] = self._lookup_place(ent)
        return self._places[ent.start]

    def _lookup_place(self, ent: SpacySpan) -> Place | None:
        entry = self.lookup(ent.text)
        if entry is None and len(ent) > 1:
            # "Northeast Georgia", "South Arlington", "Fargo City": the place less the part
            first, last = ent[0].lower_, ent[-1].lower_
            if first in DIRECTIONS:
                entry = self.lookup(ent[1:].text)
            elif last == "city" or last in TYPE_WORDS:
                entry = self.lookup(ent[:-1].text)  # "Montenegro province" when not an alias
        if entry is None:
            return None
        span = self.span(ent.start, ent.end)
        return entry.as_place(span.text, span.start, span.end)

    def lookup(self, name: str) -> GeoEntry | None:
        return self.story.lookup(name)

    def is_place_use(self, token: Token) -> bool:
        """True when a place name is used as a location, not as a government or people."""
        ent = self.ent_at.get(token.i)
        if ent is None or not self.place_like(ent):
            return False
        if self._is_locative(ent.root):
            return True
        match = self.country(ent)
        return match is None and ent.root.dep_ not in {"nsubj", "nsubjpass", "agent"}

    def place_like(self, ent: SpacySpan) -> bool:
        """A place entity, or a name the model mislabelled after "in"/"near" ("in Goma")."""
        if ent.label_ in PLACE_LABELS:
            return True
        root = ent.root
        return (ent.label_ in MISLABELLED and root.dep_ == "pobj"
                and root.head.lower_ in IN_PLACE and self.resolve(ent) is not None)

    def _is_locative(self, token: Token) -> bool:
        locative = self.locative
        while token.dep_ in {"conj", "compound", "appos", "poss", "amod"} and token.head.i != token.i:
            if token.dep_ == "poss" and token.head.lemma_.lower() not in PLACE_NOUNS:
                return False
            token = token.head
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in PLACE_NOUNS:
            token = token.head.head  # "in the capital city of [Algiers]"
        return token.dep_ == "pobj" and token.head.lower_ in locative

    def places(self) -> list[Place]:
        """Every place mention used as a location, in text order, one per entity."""
        found = []
        for ent in self.ents:
            if self.is_place_use(ent.root):
                place = self.place(ent.root)
                if place is not None:
                    found.append(place)
        return found

    def toponyms(self) -> list[Place]:
        """Every place name in the article, however it is used, resolved, each with its use
        (``model.PlaceUse``): what a geoparser reports. Beside places proper ("in Kursk",
        "Moscow said": a location, and a capital standing for its government) that is a
        demonym as its country ("Russian troops": adjectival), a place named inside another
        name ("the Mansfield Police Department", "Education Minnesota": in-name), and a name
        the model missed or mislabelled that is a place elsewhere in the article (one sense
        per discourse), or in the dateline ("MANSFIELD, Ohio —"). Names the gazetteer does
        not know are left out."""
        found: dict[int, Place] = {}
        known: set[str] = set()
        people: set[int] = set()
        for ent in self.ents:
            if ent.label_ == "NORP":
                match = self.country(ent)
                entry = (self.gazetteer.country(match.iso3) if match and match.kind != "demonym"
                         else self._adjective_place(ent.text))
                if entry is not None:
                    found[ent.start] = self._place_at(entry, ent.start, ent.end, "adjectival")
            elif self.place_like(ent) and self._a_persons(ent.start, ent.end):
                people.add(ent.start)  # read by no other path either
            elif self.place_like(ent) and not is_generic(ent.text) \
                    and (place := self.resolve(ent)) is not None:
                found[ent.start] = replace(place, use="in-name" if _names_a_thing(ent)
                                           else self._use(ent.root, _state(self.country(ent), place)))
                known.add(key(place.text))
        covered = {i for ent in self.ents if ent.start in found for i in range(ent.start, ent.end)}
        for start, end in self._name_runs():
            if any(i in covered for i in range(start, end)):
                continue
            for s, e in _sub_spans(start, end):
                words = self.doc[s:e]
                dateline = s == 0 and words.text.isupper()
                entry = None if is_generic(words.text) else self.lookup(words.text)
                if entry is not None and (self._in_a_persons_name(s, e) or s in people) \
                        and not words.text.endswith("."):
                    entry = None  # "Angus" King, "Jordan" Peterson; not "Calif." of "Calif. Olson"
                # a place here (known, or the dateline), or a country or division anywhere
                if entry is None or key(words.text) not in known and not dateline \
                        and _town_like(entry, words) \
                        and not self._named_as_town(entry, s, e, (start, end)):
                    continue
                whole = (s, e) == (start, end) and not self._inside_a_name(s, e)
                state = _state(self.countries.match(words.text), entry)
                found[s] = self._place_at(entry, s, e, "location" if dateline else "in-name"
                                          if not whole else self._use(self.doc[e - 1], state))
                covered.update(range(s, e))
                break
            for i in range(start, end):  # "the American Red Cross", "Canadian Tire"
                adjective = None if i in covered else self._adjective_place(self.doc[i].text)
                if adjective is not None:
                    found[i] = self._place_at(adjective, i, i + 1,
                                              "adjectival" if end - start == 1 else "in-name")
        return [found[i] for i in sorted(found)]

    def _a_persons(self, start: int, end: int) -> bool:
        """A one-word name that is the surname of a person named in full in the article, not
        where a place stands ("Bill Holland ... Holland recalled", "Chris Paul ... Paul
        scored"; not "flew to Holland"; a first name is no such name: "Israel Katz ... Israel
        launched strikes")."""
        token = self.doc[start]
        return end - start == 1 and token.text.casefold() in self.surnames \
            and not self._is_locative(token)

    def _in_a_persons_name(self, start: int, end: int) -> bool:
        """A person's first name or surname ("Angus" King, "Devon" Allen, Bill "Holland"): words
        of a name the model calls a person's, other than the whole of it (a town the model
        swept into a name after a comma, as in "Thruxton, Hampshire", is still read)."""
        ent = self.ent_at.get(start)
        if ent is None or ent.label_ != "PERSON" or (ent.start, ent.end) == (start, end):
            return False
        return (ent.start == start and end < ent.end) or (
            start > ent.start and self.doc[start - 1].text != ",")

    def _inside_a_name(self, start: int, end: int) -> bool:
        """Tokens that are part of a longer named entity ("Texas" of ORG "Texas A&M")."""
        ent = self.ent_at.get(start)
        return ent is not None and (ent.start < start or ent.end > end)

    def _use(self, token: Token, state: CountryMatch | None) -> PlaceUse:
        """A location, unless a country or capital acts or owns ("Ottawa planned", "Russia's
        support", "talks with Moscow" are the state's)."""
        if state is None or self._is_locative(token):
            return "location"
        while token.dep_ in {"conj", "appos"} and token.head.i != token.i:
            token = token.head  # "Russia and China agreed"
        acting = token.dep_ in ACTING or token.dep_ == "dobj" and state.kind != "capital"
        return "actor" if acting else "location"

    def _named_as_town(self, entry: GeoEntry, start: int, end: int, run: tuple[int, int]) -> bool:
        """A town named where no other mention vouches for it: a big city, or a town among the
        story's other places, standing as a name of its own that the model took for something
        else ("Harare said", "Paris and Roxton continue"), or a name before a word for the
        town's institutions or people ("Oxford City Council", "a Lancaster woman"). The name
        must lead its run of capitals ("Royal Albert Hall" names no town), and one standing
        alone must be no person's name in the article ("Jesse Jackson", "Paris Hilton", "Lloyd
        Austin ... Austin said")."""
        leads = start == run[0]
        named = self.doc[start:end].text.casefold()
        if end == run[1] and leads and named not in self.person_words:
            if entry.population >= BIG_CITY:
                return True  # "Harare said"
            first = self.doc[start]
            if self.story.holds(entry) and not first.is_stop and named not in self.people \
                    and first.ent_type_ not in {"DATE", "TIME"}:
                return True  # "Paris and Roxton continue" in a story from Texas
        following = {t.lower_ for t in self.doc[end:end + 2]}
        if leads and entry.precision == "admin1" and self._is_locative(self.doc[start]):
            return True  # a small division where a place stands: "advanced into Quneitra"
        return leads and bool(following & TOWN_NOUNS or following & LOCAL_NOUNS
                              and self.story.holds(entry))

    def _name_runs(self) -> list[tuple[int, int]]:
        """Runs of capitalised words outside place entities: names a place may hide in."""
        runs, start = [], None
        for token in self.doc:
            capital = (token.is_alpha and token.text[0].isupper() and token.lower_ not in DETERMINERS
                       or _ABBREVIATION.fullmatch(token.text) is not None)
            if capital and start is None:
                start = token.i
            elif not capital and start is not None:
                runs.append((start, token.i))
                start = None
        if start is not None:
            runs.append((start, len(self.doc)))
        return runs

    def _adjective_place(self, text: str) -> GeoEntry | None:
        """The country or region an adjective names ("Russian", "European"); not a noun for
        people ("Russians"), who are not a place."""
        match = self.countries.match(text)
        if match is not None and match.kind == "demonym":
            record = self.countries.record(match.iso3)
            if record is None or not record.demonyms or key(text) != key(record.demonyms[0]):
                return None
            return self.gazetteer.country(match.iso3)
        if match is not None:
            return None
        entry = self.lookup(text)
        return entry if entry is not None and entry.precision == "region" else None

    def _place_at(self, entry: GeoEntry, start: int, end: int,
                  use: PlaceUse = "location") -> Place:
        span = self.span(start, end)
        return replace(entry.as_place(span.text, span.start, span.end), use=use)


def _sub_spans(start: int, end: int, longest: int = 4) -> list[tuple[int, int]]:
    """Token sub-spans of ``[start, end)``, longest first, then left to right."""
    return [(s, s + n) for n in range(min(longest, end - start), 0, -1)
            for s in range(start, end - n + 1)]



def _names_a_thing(ent: SpacySpan) -> bool:
    """A place name that begins the name of something else: "Texas A&M", "the Mansfield
    Police Department" (the model tags the place alone; the name goes on in capitals)."""
    head = ent.root.head
    return (ent.root.dep_ in {"compound", "nmod"} and head.i >= ent.end and head.pos_ == "PROPN"
            and head.ent_type_ not in {"GPE", "LOC"} and head.lower_ not in TYPE_WORDS)


SMALL_DIVISION = 100_000
"""A first-level division smaller than this is read, named bare, only where a town would be."""


def _town_like(entry: GeoEntry, words: SpacySpan) -> bool:
    """A place only its context makes a place: a town, or a county or a small division named
    bare ("Devon"; Cape Verde's Paul, 1,400 people, in "robbing Peter to pay Paul")."""
    bare = not type_word(words[-1].text)
    return entry.precision == "city" or bare and (
        entry.precision == "admin2" or entry.precision == "admin1" and entry.population < SMALL_DIVISION)


def _state(match: CountryMatch | None, place: Place | GeoEntry) -> CountryMatch | None:
    """The country a name stands for, when the place it resolved to is that country or its
    capital (London, Ontario stands for no state)."""
    if match is None or match.kind not in {"name", "alias", "capital"} \
            or place.country != match.iso3:
        return None
    return match if match.kind != "capital" or place.precision == "city" else None

def _people_only(ents: tuple[SpacySpan, ...]) -> set[str]:
    """Names (casefolded) tagged as a person twice or more in the article, never as a place."""
    people = Counter(ent.text.casefold() for ent in ents if ent.label_ == "PERSON")
    places = {ent.text.casefold() for ent in ents if ent.label_ in PLACE_LABELS}
    return {name for name, times in people.items() if times >= 2 and name not in places}


__all__ = ["DETERMINERS", "PLACE_LABELS", "Geoparser"]
