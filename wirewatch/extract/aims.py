"""Who an act is aimed at when the sentence names no one as acted on: the country aid is
sent to, the one a purpose clause names ("to protest against [X]"), the doer's own government
for a protest, the one a threat's condition asks to act."""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.extract.clauses import unique
from wirewatch.extract.kinds import CONFLICTUAL
from wirewatch.extract.reading import prep_objects
from wirewatch.extract.roles import Roles
from wirewatch.model import Actor, Place


class Aims:
    """Targets read from around an act when none is named as acted on."""

    def __init__(self, roles: Roles) -> None:
        self.roles, self.reading, self.lex = roles, roles.reading, roles.lex

    def recipient(self, own: list[Token], place: Place) -> list[Actor]:
        """For aid sent to a place, the recipient is the country it lies in ("in Russia")."""
        for token in own:
            ent = self.reading.ent_at.get(token.i)
            if ent is not None and token.i == ent.root.i and self.roles.is_country(token):
                actor = self.reading.actor(token)
                if actor is not None and actor.country == place.country:
                    return [actor]
        return []

    def aimed_at(self, head: Token, verb: Token, purpose: Token | None,
                  source: list[Actor]) -> list[Actor]:
        """Who an act with no one named as acted on is aimed at, from the clause that says
        what it is for: an infinitive or a participle ("demanding the removal of X"), or
        "in protest of/against X". The nearest actor in it that is not the doer."""
        clauses = [purpose] if purpose is not None else []
        # "used tear gas [to disperse] demonstrators": what a thing is used for, when that
        # is itself harm ("used drones to monitor refugees" is not aimed at the refugees)
        clauses += [c for c in verb.children if c.dep_ == "xcomp" and c.i != head.i
                    and any(a.lower_ == "to" for a in c.children)
                    and any(o.dep_ == "dobj" and o.i < c.i for o in verb.children)
                    and (harm := self.roles.trigger(c)) is not None
                    and harm.event_type in CONFLICTUAL]
        for token in (verb, head, *(c for c in verb.children if c.dep_ == "dobj")):
            clauses += [c for c in token.children if c.dep_ in {"advcl", "acl"} and c.tag_ == "VBG"
                        and self.claims_of(c)]
            clauses += [g for p in prep_objects(token, {"in"}) if p.lemma_.lower() == "protest"
                        for g in p.children if g.dep_ == "prep" and g.lower_ in {"of", "against", "at"}]
        doers = {(a.start, a.end) for a in source}
        if verb.dep_ == "xcomp" and verb.head.i != head.i:  # "summoned [X] to complain"
            found = [a for o in verb.head.children if o.dep_ == "dobj" for a in self.reading.actors(o)
                     if (a.start, a.end) not in doers]
            if found:
                return unique(found)
        for clause in clauses:
            queue = [clause]
            while queue:  # breadth first: the clause's own objects before what they qualify
                token = queue.pop(0)
                found = [a for a in self.reading.actors(token) if (a.start, a.end) not in doers]
                if found and token.i != clause.i:
                    return unique(found)
                queue += [c for c in token.children if c.dep_ not in {"nsubj", "nsubjpass", "punct"}]
        return []

    def own_country(self, head: Token, source: list[Actor]) -> list[Actor]:
        """A protest or concession with no one and no place named is aimed at the doer's own
        government: "[Kenyan] demonstrators rioted". Not for a state's own organs, people
        abroad ("Afghan refugees protested"), or where the sentence names another country
        ("outside the Russian embassy"); the target quotes the word that names the country."""
        if len(source) != 1 or source[0].sector in {"government", "military", "police"}:
            return []
        doer = source[0]
        words = self.roles.tokens_in(doer.start, doer.end)
        if (doer.country in {None, "IGO"} or self.reading.sentence_countries(head) - {doer.country}
                or any(t.lemma_.lower() in self.lex.cue("abroad") for t in words)):
            return []
        for token in words:  # the entity, or a word inside one: "the [Nigerian] Union of Teachers"
            ent = self.reading.ent_at.get(token.i)
            start, end = (ent.start, ent.end) if ent is not None else (token.i, token.i + 1)
            match = self.reading.country(ent) if ent is not None else None
            if (match is None or match.iso3 != doer.country) and token.is_title:
                start, end, match = token.i, token.i + 1, self.reading.r.countries.match(token.text)
            if match is not None and match.iso3 == doer.country:
                span = self.reading.span(max(start, words[0].i), min(end, words[-1].i + 1))
                return [Actor(span.text, span.start, span.end, match.name, None, match.iso3, "government")]
        return []

    def conditioned(self, head: Token, verb: Token, source: list[Actor]) -> list[Actor]:
        """Who a threat is made to: the one its condition asks to act ("... unless [Baghdad]
        accepted its conditions", "if [Kyiv] does not withdraw"); not the threatener ("if
        it was attacked")."""
        spans, countries = {(a.start, a.end) for a in source}, {a.country for a in source if a.country}
        return unique([a for token in (head, verb) for clause in token.children
                        if clause.dep_ == "advcl" and any(
                            m.dep_ == "mark" and m.lower_ in {"unless", "if"} for m in clause.children)
                        for c in clause.children if c.dep_ == "nsubj"
                        for a in self.reading.actors(c)
                        if (a.start, a.end) not in spans and a.country not in countries])

    def claims_of(self, verb: Token) -> bool:
        """Whether a participle presses a claim on someone: "demanding", "calling for",
        "protesting" (not "citing", "joining", "following")."""
        found = self.roles.trigger(verb)
        return found is not None and found.event_type in {"DEMAND", "PROTEST", "DISAPPROVE"}


__all__ = ["Aims"]
