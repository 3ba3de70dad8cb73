"""One article's reading: its entities resolved to actors and places, with spans.

Everything extraction needs to turn a token into a record lives here: offsets
back to the ingested text, which entity a token belongs to, its places (read by the
geoparser, ``resolve/geoparse.py``: whether a place name is used as a place, "in
Pyongyang", or as a government, "Pyongyang and Moscow"), and who a short name refers
to ("Kim" after "Kim Jong-un").
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from wirewatch.clean import CleanArticle
from wirewatch.extract.kinds import ARMED_SECTORS
from wirewatch.extract.lexicon import Lexicon
from wirewatch.model import Actor, Evidence, Place, Span
from wirewatch.resolve.countries import CountryIndex, CountryMatch
from wirewatch.resolve.gazetteer import Gazetteer
from wirewatch.resolve.geoparse import DETERMINERS, PLACE_LABELS, Geoparser
from wirewatch.resolve.kb import ActorKB, KBActor
from wirewatch.resolve.outlets import home_country

ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’-]{2,}(?:[ \t][A-Z][A-Z.'’-]+){0,3}(?:,[ \t][A-Z][\w.'’-]+(?:[ \t][A-Z][\w.'’-]+){0,3})?"
    r"[ \t]*(?:\([A-Z][A-Za-z.&'’ -]{1,30}\)[ \t]*)?"
    r"(?:--|—|–|-|:)[ \t]+(?=[A-Z\"“‘'])", re.MULTILINE)
"""A wire dateline opening a paragraph: a place in capitals, its region, the agency in
brackets, a dash or a colon ("MANILA, Philippines -- ", "WASHINGTON (Reuters) - ", "KABUL
(Pajhwok) : ", "ISLAMABAD: ")."""
RELATIVE = {"who", "that", "which", "whom"}
PRONOUNS = {"it", "they", "he", "she", "we"}
ABSTRACT_SUFFIXES = ("tion", "ment", "ance", "ence", "ity", "ism", "ship", "ness", "ure", "ing")
GROUP_NOUNS = {"group", "force", "unit", "wing", "camp", "side", "body", "organization",
               "organisation", "network", "cell"}
FACILITIES = {"base", "compound", "headquarters", "station", "checkpoint", "barracks", "outpost",
              "convoy", "patrol", "building", "installation", "garrison"}
"""Places and columns of a body, hit as the body is: attacked "an army [base]" is attacking
the army there."""
ARMED_POSTS = {"post", "position"}
"""Facilities only of an armed body: "an army post" (a "social media post" is no body's)."""
BODIES = frozenset({*GROUP_NOUNS, "alliance", "coalition", "federation", "confederation",
                    "association", "delegation", "commission", "administration", "opposition",
                    "leadership", "authority", "authorities", "junta", "government", "charity",
                    "charities"})
"""Nouns for bodies of people that end like abstractions ("the NATO alliance", "the Taliban
leadership"): named by a modifier, they act."""
COLLECTIVE = {"group", "number", "team", "band", "crowd", "batch", "patch", "contingent",
              "delegation", "member", "hundreds", "thousands", "dozens", "millions", "some"}
TITLES = frozenset({"president", "minister", "secretary", "premier", "chancellor", "king",
                    "queen", "leader", "emir", "prince", "ambassador", "envoy", "governor",
                    "general", "commander", "chairman", "spokesman", "spokeswoman"})
"""Posts a bare "the <title>" refers back by."""


@dataclass(frozen=True, slots=True)
class Resolvers:
    """The lookups extraction uses; all loaded once per process."""

    lexicon: Lexicon
    countries: CountryIndex
    gazetteer: Gazetteer
    kb: ActorKB

    @classmethod
    def load(cls, db: str | None = None, kb: ActorKB | None = None) -> Resolvers:
        """The shipped data, with the user's knowledge base from the store at ``db`` (or
        ``kb``, already loaded: a Dask worker gets it from the writer)."""
        return cls(Lexicon.load(), CountryIndex.load(), Gazetteer.load(),
                   kb if kb is not None else ActorKB.load(db))


class ArticleReading:
    """Entities of one parsed article, resolved on demand and cached."""

    def __init__(self, doc: Doc, clean: CleanArticle, resolvers: Resolvers) -> None:
        self.doc, self.clean, self.article = doc, clean, clean.article
        self.r = resolvers
        # ``doc.ents`` builds its spans anew on every access: read once, and looked up by
        # position, so that no per-token question scans the whole article (which made
        # long articles quadratic).
        self.ents: tuple[SpacySpan, ...] = tuple(doc.ents)
        self._ent_starts = [ent.start for ent in self.ents]
        self.ent_at = {token.i: ent for ent in self.ents for token in ent}
        self._persons = [ent for ent in self.ents if ent.label_ == "PERSON"]
        self._person_ends = [ent.end for ent in self._persons]
        self._person_words = {t.lower_ for ent in self._persons if len(ent) > 1 for t in ent}
        self.geo = Geoparser(doc, self.ents, self.ent_at, self.span, resolvers.countries,
                             resolvers.gazetteer, resolvers.lexicon.cue("locative"), self._person_words,
                             home_country(self.article.url, resolvers.countries))
        self.dateline = {t.i for m in DATELINE.finditer(doc.text)
                         for t in doc.char_span(m.start(), m.end(), alignment_mode="expand") or ()}
        """Tokens of wire datelines ("MANILA, Philippines -- "): where a story was filed, which
        the parser may read as a verb's subject; never an actor."""

    # -- offsets -----------------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        """The ingested-text span of tokens ``[start, end)``."""
        first, last = self.doc[start], self.doc[end - 1]
        s, e = self.clean.offsets.original(first.idx, last.idx + len(last))
        return Span(self.article.text[s:e], s, e)

    def offset(self, token: Token) -> int:
        """Where the token starts in the ingested text (where actors' offsets count)."""
        return self.clean.offsets.original(token.idx, token.idx + len(token))[0]

    def evidence(self, sentence: SpacySpan) -> Evidence:
        span = self.span(sentence.start, sentence.end)
        return Evidence(self.article.id, span.start, span.end, span.text)

    def ents_within(self, start: int, end: int) -> tuple[SpacySpan, ...]:
        """The entities inside tokens ``[start, end)``, in text order."""
        first = bisect.bisect_left(self._ent_starts, start)
        last = first
        while last < len(self.ents) and self.ents[last].start < end:
            last += 1
        return tuple(ent for ent in self.ents[first:last] if ent.end <= end)

    def persons_before(self, i: int) -> list[SpacySpan]:
        """The PERSON entities that end at or before token ``i``, nearest first."""
        return self._persons[:bisect.bisect_right(self._person_ends, i)][::-1]

    # -- places (the geoparser, resolve/geoparse.py) -------------------------------
    def place(self, token: Token) -> Place | None:
        """The place ``token`` names, if its entity is a place the gazetteer knows."""
        return self.geo.place(token)

    def is_place_use(self, token: Token) -> bool:
        """True when a place name is used as a location, not as a government or people."""
        return self.geo.is_place_use(token)

    def places(self) -> list[Place]:
        """Every place mention used as a location, in text order, one per entity."""
        return self.geo.places()

    def toponyms(self) -> list[Place]:
        """Every place name in the article, however it is used (``Geoparser.toponyms``)."""
        return self.geo.toponyms()

    # -- actors ------------------------------------------------------------------
    def country(self, ent: SpacySpan) -> CountryMatch | None:
        """The country an entity names (``Geoparser.country``)."""
        return self.geo.country(ent)

    def actors(self, token: Token) -> list[Actor]:
        """The actor ``token`` heads, and those conjoined with it ("Russia and China")."""
        found = [*self._each_country(token)]
        found += [a for child in conjuncts(token) for a in self._each_country(child)]
        return [actor for actor in found if actor is not None]

    def _each_country(self, token: Token) -> list[Actor | None]:
        """ "French and Egyptian warships" are French warships and Egyptian warships; "US and
        British forces" US forces and British forces."""
        actor = self.actor(token)
        if actor is None or actor.kb_id is not None:
            return [actor]
        codes = [m.iso3 for c in token.children
                 if c.dep_ in {"amod", "nmod", "compound"} and c.ent_type_ in {"NORP", "GPE"}
                 for t in (c, *conjuncts(c)) if (m := self.r.countries.match(self._named(t)))]
        if len(set(codes)) < 2:
            return [actor]
        return [dataclasses.replace(actor, country=code) for code in dict.fromkeys(codes)]

    def _named(self, token: Token) -> str:
        """The text of the entity ``token`` is in ("South Korean"), else its own."""
        ent = self.ent_at.get(token.i)
        return ent.text if ent is not None else token.text

    def past_dateline(self, token: Token) -> Token | None:
        """For a dateline word the parser took for a subject, the words after the dateline it
        hung on it ("MANILA, Philippines -- [President Duterte] said ..."); else None."""
        return next((c for c in token.children if c.dep_ == "appos" and c.i not in self.dateline), None)

    def actor(self, token: Token) -> Actor | None:
        """The actor a noun phrase headed by ``token`` names, or None for abstractions."""
        if token.i in self.dateline:
            past = self.past_dateline(token)
            return self.actor(past) if past is not None else None
        if token.lower_ in RELATIVE and token.head.dep_ == "relcl":
            token = token.head.head
        if token.lower_ in PRONOUNS:
            return self._antecedent(token)
        members = _members(token)
        if members is not None:
            return self.actor(members)
        ent = self.ent_at.get(token.i)
        start, end = self.phrase(token, ent)
        span = self.span(start, end)
        if ent is not None and ent.label_ in ACTOR_LABELS:
            return self._named_actor(ent, span, start, end)
        titled = self._titled_antecedent(token, span)
        if titled is not None:
            return titled
        if token.lemma_.lower() in self.r.lexicon.cue("market_things"):
            return None  # "bank stocks": a thing traded, whoever issued it
        sector = self.sector(token)
        country = self._phrase_country(start, end)
        # "Algerian landowners", "the UNITA militarist wing": people or a body named by
        # a demonym or an organisation in the phrase are actors even without a sector.
        if sector is None and not self._named_body(token, start, end):
            return None
        # a ship's country is its flag or owner, never the one its sentence is set in
        settled = token.lemma_.lower() not in self.r.lexicon.cue("vessels")
        return Actor(span.text, span.start, span.end, _strip_determiner(span.text), None,
                     country or self._located_in(token) or self._where_acting(token)
                     or (self._sentence_country(token) if settled else None), sector)

    def _where_acting(self, token: Token) -> str | None:
        """The country of the place where the subject ``token`` acts: "Prisoners rioted at a
        jail in East Timor's capital Dili" -> TLS."""
        if token.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        locative = self.r.lexicon.cue("locative")
        for prep in token.head.children:
            if prep.dep_ == "prep" and prep.lower_ in locative:
                for inner in prep.subtree:  # "at a jail in [Dili]": the first place named
                    ent = self.ent_at.get(inner.i)
                    if ent is not None and self.geo.place_like(ent):
                        found = self.geo.resolve(ent)
                        if found is not None and found.country:
                            return found.country
        return None

    def _sentence_country(self, token: Token, besides: SpacySpan | None = None,
                          places: bool = False) -> str | None:
        """The one country ``token``'s sentence names ("... a curfew in Algiers"), if only one
        (not counting the entity ``besides``; only places where things happen, if ``places``):
        an actor the text gives no country of is most likely from where the events are."""
        codes = self.sentence_countries(token, besides, places)
        return codes.pop() if len(codes) == 1 else None

    def sentence_countries(self, token: Token, besides: SpacySpan | None = None,
                           places: bool = False) -> set[str]:
        """The countries ``token``'s sentence names as places, peoples or possessors."""
        sentence = token.sent
        codes = set()
        for ent in self.ents_within(sentence.start, sentence.end):
            if ent == besides:
                continue
            # a place where things happen, or whose people or things are meant ("Haiti's
            # elections", "Ugandan candidates"); not a country that is itself an actor
            # ("sanctions on Chile").
            match = self.country(ent)
            # a demonym the model took for a name is one still ("[Ugandan] opposition candidates")
            demonym = ent.label_ == "NORP" or (match is not None and match.kind == "demonym")
            if not (demonym or ent.root.dep_ == "poss" or self.is_place_use(ent.root)):
                continue
            if places and not self.is_place_use(ent.root):
                continue
            if match is not None and (ent.label_ == "GPE" or demonym):
                codes.add(match.iso3)
            elif (place := self.geo.resolve(ent)) is not None and place.country:
                codes.add(place.country)
        return codes

    def _titled_antecedent(self, noun: Token, span: Span) -> Actor | None:
        """ "The secretary said ...": a bare title after a person given it ("Defence Secretary
        John Healey") or holding a post so named, refers to that person."""
        if noun.pos_ != "NOUN" or noun.tag_ != "NN" or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or any(
                c.dep_ in {"amod", "compound", "poss"} for c in noun.children):
            return None
        word = noun.lower_
        if word not in TITLES:
            return None
        for ent in self.persons_before(noun.i):
            start, _ = self.phrase(ent.root, ent)
            said = {t.lower_ for t in self.doc[start:ent.start]}
            known = self.known_person(ent)
            role = known.role_on(self.day) if known is not None else None
            if word in said or (role is not None and word in role.post.lower().split()):
                person = self.actor(ent.root)
                if person is not None:
                    return dataclasses.replace(person, text=span.text, start=span.start,
                                               end=span.end)
        return None

    def _located_in(self, noun: Token) -> str | None:
        """The country of "groups in Zimbabwe", "officials in Kabul", "a missionary from Calgary",
        "doctors from two American aid groups" (people from a body are of its country)."""
        for place in prep_objects(noun, {"in", "from", "of"}):
            found = self.place(place)
            if found is not None:
                return found.country
        for body in prep_objects(noun, {"from"}):
            actor = self.actor(body)
            if actor is not None and actor.country not in {None, "IGO"}:
                return actor.country
        return None

    def _named_body(self, token: Token, start: int, end: int) -> bool:
        """A people or body named by a modifier ("Algerian landowners", "the UNITA wing"),
        not an abstraction owned by one ("North Korea's involvement", "the Kremlin's cooperation")."""
        if token.pos_ != "NOUN" or (token.lower_.endswith(ABSTRACT_SUFFIXES) and (
                token.lower_ not in BODIES or prep_objects(token, {"of", "with", "over", "to", "for"}))):
            return False  # "Iranian association with Hezbollah", "American leadership of the talks"
        return any(t.dep_ in {"amod", "compound", "nmod"} and t.i in self.ent_at
                   and self.ent_at[t.i].label_ in ACTOR_LABELS for t in self.doc[start:end])

    def _antecedent(self, pronoun: Token) -> Actor | None:
        """ "Syria says it is willing": a subject pronoun refers to the reporting subject,
        else to the nearest named actor before it in the sentence."""
        head = pronoun.head
        while head.dep_ in {"ccomp", "xcomp", "conj", "advcl"} and head.head.i != head.i:
            head = head.head
            subject = next((c for c in head.children if c.dep_ == "nsubj" and c.i != pronoun.i), None)
            if subject is not None and subject.lower_ not in PRONOUNS:
                return self.actor(subject)
        before = [e for e in self.ents_within(pronoun.sent.start, pronoun.i)
                  if e.label_ in ACTOR_LABELS]
        return self.actor(before[-1].root) if before else None

    def _named_actor(self, ent: SpacySpan, span: Span, start: int, end: int) -> Actor | None:
        if ent.label_ == "PERSON":
            return self._person(ent, span, start, end)
        known = self.r.kb.match(ent.text)
        if known is not None:
            return Actor(span.text, span.start, span.end, known.name, known.id, known.country,
                         known.sector or "government")
        match = self.country(ent)
        if match is not None and ent.label_ == "NORP":
            # "the Russians" are the people; a minority is counted where it lives: "Albanians
            # of southern Serbia", "three ethnic Albanians ... in southeastern Serbia".
            ethnic = any(t.lower_ == "ethnic" for t in self.doc[start:ent.start])
            lives = self._located_in(ent.root) or (self._sentence_country(ent.root, ent, places=True)
                                                   if ethnic else None)
            return Actor(span.text, span.start, span.end, match.name, None, lives or match.iso3,
                         None)
        if match is not None:  # "Moscow said" is the government
            return Actor(span.text, span.start, span.end, match.name, None, match.iso3, "government")
        if ent.label_ == "NORP" and ent.root.dep_ not in {"amod", "compound"}:
            # a people that is not a nation's demonym: "Iraqi Kurds", "the Rohingya"; its
            # country only where the phrase or a place it is in names one
            return Actor(span.text, span.start, span.end, _strip_determiner(ent.text), None,
                         self._phrase_country(start, end) or self._located_in(ent.root), None)
        if ent.label_ == "ORG":
            return Actor(span.text, span.start, span.end, _strip_determiner(ent.text), None,
                         self._phrase_country(start, end) or self._sentence_country(ent.root), None)
        # a name the model took for a place, explained by an apposition: "Oshima, the ... Coordinator"
        appositive = next((c for c in ent.root.children if c.dep_ == "appos"), None)
        if appositive is not None:
            return self.actor(appositive)
        # a city or region acted upon ("attacked Kharkiv") stands for its country's people there
        place = self.place(ent.root)
        if place is not None and place.precision != "country":
            return Actor(span.text, span.start, span.end, place.name, None, place.country, None)
        if ent.label_ == "GPE" and place is None and ent.root.dep_ in {"nsubj", "nsubjpass", "agent"}:
            # a state the gazetteer does not know, acting: "the United Palatinates imposed ..."
            return Actor(span.text, span.start, span.end, _strip_determiner(ent.text), None, None,
                         "government")
        return None

    @property
    def day(self) -> str | None:
        """The article's date (ISO day), against which roles are looked up; None: today."""
        return (self.article.published or "")[:10] or None

    def known_person(self, ent: SpacySpan) -> KBActor | None:
        """The knowledge-base person a PERSON entity names, helped by its title ("President")."""
        start, _ = self.phrase(ent.root, ent)
        title = self.doc[start:ent.start].text
        return (self.r.kb.match(ent.text, title=title, day=self.day)
                or self.r.kb.match(self._full_name(ent), title=title, day=self.day))

    def _person(self, ent: SpacySpan, span: Span, start: int, end: int) -> Actor:
        title = self.doc[start:ent.start].text
        day = self.day
        known = self.known_person(ent)
        if known is not None:
            role = known.role_on(day)
            return Actor(span.text, span.start, span.end, known.name, known.id,
                         role.country if role else known.country,
                         role.sector if role else self.sector(self.doc[start]))
        name = self._full_name(ent)
        title_sector = next((self.sector(t) for t in self.doc[start:ent.start] if self.sector(t)), None)
        # "French President Jacques Chirac"; else "President Bush", whose every namesake in the
        # knowledge base is American; else the one country the sentence names.
        country = (self._phrase_country(start, end) or self._appositive_country(ent.root)
                   or self.r.kb.surname_country(name.split()[-1], title=title, day=day)
                   or self._sentence_country(ent.root))
        return Actor(span.text, span.start, span.end, name, None, country, title_sector)

    def _appositive_country(self, name: Token) -> str | None:
        """The country of a phrase in apposition: "Jean Moussa, [Chad]'s defence minister"."""
        nouns = [name.head] if name.dep_ == "appos" else []
        nouns += [c for c in name.children if c.dep_ == "appos"]
        return next((country for noun in nouns
                     if (country := self._phrase_country(*self.phrase(noun, self.ent_at.get(noun.i))))), None)

    def _full_name(self, ent: SpacySpan) -> str:
        """A one-word name ("Kim") resolves to the nearest earlier full name containing it."""
        if len(ent) > 1:
            return ent.text
        for other in self.persons_before(ent.start):
            if len(other) > 1 and ent.text in {token.text for token in other}:
                return other.text
        return ent.text

    def sector(self, token: Token) -> str | None:
        """The sector an agent noun names: "troops" -> military, "workers" -> labour."""
        lemma = token.lemma_.lower()
        sector = self.r.lexicon.sectors.get(lemma)
        if sector == "labour" and any(child.lemma_.lower() in self.r.lexicon.military_modifiers
                                      for child in token.lefts):
            return "military"
        if sector is None and lemma in GROUP_NOUNS | FACILITIES | ARMED_POSTS:
            # "opposition groups", "militant group": the modifier says who they are; whose a
            # place is ("an army [base]", "a police [station]", "a government [compound]");
            # a post only an armed body's ("an army post", not "a social media post")
            wanted = ARMED_SECTORS if lemma in ARMED_POSTS else None
            modifiers = (self.r.lexicon.sectors.get(c.lemma_.lower()) for c in token.lefts
                         if c.dep_ in {"compound", "amod"})
            sector = next((m for m in modifiers if m and (wanted is None or m in wanted)), None)
        return sector

    def phrase(self, token: Token, ent: SpacySpan | None) -> tuple[int, int]:
        """Token bounds of the noun phrase: its left modifiers up to the head (or entity end)."""
        start = token.i
        for child in token.lefts:
            if child.dep_ in {"compound", "amod", "poss", "nmod", "det", "case", "punct"}:
                start = min(start, child.left_edge.i)
        end = max(token.i + 1, ent.end if ent is not None else 0)
        if ent is not None:
            start = min(start, ent.start)
        while start < token.i and (self.doc[start].lower_ in DETERMINERS | {",", "-"}
                                   or start in self.dateline):  # "KABUL - [A Taliban attack]"
            start += 1
        return start, end

    def _phrase_country(self, start: int, end: int) -> str | None:
        """The country a phrase names: a place or demonym entity, a known organisation's
        ("Hezbollah guerrillas"), or a demonym word inside an organisation's name ("the
        Nigerian Union of Teachers")."""
        organisation = None  # an IGO's only where no country is named: "UN-backed Libyan forces"
        for token in self.doc[start:end]:
            ent = self.ent_at.get(token.i)
            if _opposed(token):  # an "anti-Syria journalist" is not Syrian
                continue
            if ent is not None and ent.label_ in {"GPE", "NORP"}:
                match = self.country(ent)
                if match is not None:
                    return match.iso3
            if ent is not None and ent.label_ in PLACE_LABELS | {"ORG"} and ent.root.i != end - 1:
                # "Darfur rebels", "Kursk officials"; a region the model took for an
                # organisation too ("Tigray separatists"), but not a town ("Boston Scientific")
                place = self.geo.resolve(ent)
                if place is not None and place.country and (ent.label_ != "ORG" or (
                        place.precision in {"region", "admin1"} and not self.country(ent))):
                    return place.country
            known = self.r.kb.match(ent.text) if ent is not None and ent.label_ == "ORG" else None
            if known is not None and known.country == "IGO":  # "the NATO alliance"
                organisation = organisation or "IGO"
            elif known is not None and known.country is not None:  # "Hezbollah guerrillas"
                return known.country
        for token in self.doc[start:end]:
            person = self.ent_at.get(token.i)  # "Jordan" Peterson is no Jordanian; a lone
            in_a_name = person is not None and person.label_ == "PERSON" and len(person) > 1  # "Benin" is
            if token.is_title and not _opposed(token) and not in_a_name:
                match = self.r.countries.match(token.text)
                # "the Nigerian Union of Teachers", "Baghdad University Medical School"
                if match is not None and match.kind in {"demonym", "name", "capital"}:
                    return match.iso3
        return organisation


def prep_objects(token: Token, preps: Collection[str]) -> list[Token]:
    """The objects of ``token``'s prepositions among ``preps``: "sanctions on [Iran]"."""
    return [g for p in token.children if p.dep_ in {"prep", "agent"} and p.lower_ in preps
            for g in pobjects(p)]


def pobjects(prep: Token) -> list[Token]:
    """The objects of a preposition. Where the parser took the object for the subject of
    a reduced relative after it ("granted asylum to [officers] holed up in ..."), that
    subject: the noun phrase that starts right after the preposition."""
    found = [g for g in prep.children if g.dep_ == "pobj"]
    if found or prep.lower_ == "with":  # "with [rebels] returning fire" is a circumstance
        return found
    after = prep.doc[prep.i + 1:prep.sent.end]
    return [t for t in after if t.dep_ in {"nsubj", "nsubjpass"} and t.left_edge.i == prep.i + 1
            and t.head.pos_ == "VERB" and t.head.i > t.i][:1]


def of_objects(noun: Token) -> list[Token]:
    """The nouns after "of": "thousands of [workers]", "a group of [diplomats]"."""
    return prep_objects(noun, {"of"})


def _opposed(token: Token) -> bool:
    """A name after "anti-" or "pro-": "an anti-Syria journalist", "pro-Russian forces"."""
    before = token.doc[max(token.i - 2, 0):token.i].text.lower().replace(" ", "")
    return before.endswith(("anti-", "pro-")) or token.lower_.startswith(("anti-", "pro-"))


def conjuncts(token: Token) -> list[Token]:
    """Every noun conjoined with ``token``, however the parser chained them ("Iran, Libya,
    North Korea, Sudan and Cuba")."""
    found = []
    for child in token.children:
        if child.dep_ == "conj":
            found += [child, *conjuncts(child)]
    return found


def _members(token: Token) -> Token | None:
    """ "a group of diplomats", "thousands of Nigerians": the members are the actor."""
    if token.lemma_.lower() not in COLLECTIVE and token.ent_type_ != "CARDINAL":
        return None
    return next(iter(of_objects(token)), None)


def _strip_determiner(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if first.lower() in DETERMINERS and rest else text


__all__ = ["ArticleReading", "Resolvers", "conjuncts", "of_objects", "pobjects", "prep_objects"]
