"""Setting: where an act happened, when, how many, and what for, read from its clause."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract.clauses import own_tokens
from wirewatch.extract.quantities import quantity_of, within
from wirewatch.extract.reading import ArticleReading
from wirewatch.model import Place, Quantity, Span, TimeExpr
from wirewatch.resolve.dates import resolve_time

NUMBER_LABELS = {"CARDINAL", "MONEY", "QUANTITY"}
PRECISION_RANK = {"region": 0, "country": 1, "admin1": 2, "admin2": 3, "city": 4}


class Setting:
    """The place, time, quantities and purpose of the acts told in one sentence."""

    def __init__(self, reading: ArticleReading) -> None:
        self.reading, self.lex = reading, reading.r.lexicon

    def place(self, head: Token, verb: Token, own: list[Token]) -> Place | None:
        if verb.dep_ == "relcl" and any(c.lemma_.lower() == "where" for c in verb.children):
            found = _finest([self.reading.place(t) for t in _noun_chain(verb.head)])
            if found is not None:
                return found
        found = _finest([self.reading.place(t) for t in own
                         if self.reading.is_place_use(t) and not _attribution_not_place(t)])
        if found is None:  # where the thing acted on is: "the curfew [imposed in Sudan]"
            described = [t for o in verb.children if o.dep_ == "dobj" for c in o.children
                         if c.dep_ == "acl" for t in own_tokens(c)]
            found = _finest([self.reading.place(t) for t in described if self.reading.is_place_use(t)])
        return found

    def time(self, own: list[Token], future: bool = False) -> TimeExpr | None:
        """The clause's time expression, resolved against the publication date; a planned
        act's weekday is the coming one ("will meet on Friday")."""
        for token in sorted(own, key=lambda t: t.i):
            ent = self.reading.ent_at.get(token.i)
            if ent is not None and ent.label_ in {"DATE", "TIME"} and not self.names_a_place(ent):
                span = self.reading.span(ent.start, ent.end)
            elif token.dep_ == "advmod" and token.lower_ in self.lex.cue("time_adverbs"):
                span = self.reading.span(token.i, token.i + 1)
            else:
                continue
            value, precision = resolve_time(span.text, self.reading.day, future=future)
            return TimeExpr(span.text, span.start, span.end, value, precision)  # type: ignore[arg-type]
        return None

    def names_a_place(self, ent: SpacySpan) -> bool:
        """The model sometimes calls a country a DATE ("the coup in Niger")."""
        return self.reading.country(ent) is not None

    def quantities(self, own: list[Token]) -> list[Quantity]:
        found: list[Quantity] = []
        seen: set[int] = set()
        for token in sorted(own, key=lambda t: t.i):
            ent = self.reading.ent_at.get(token.i)
            if ent is not None and ent.label_ in NUMBER_LABELS and ent.start not in seen:
                seen.add(ent.start)
                quantity = quantity_of(self.reading, ent)
                if quantity is not None and not within(quantity, found):
                    found.append(quantity)
        return found

    # -- purpose -------------------------------------------------------------------------
    def purpose(self, clause: Token | None) -> Span | None:
        if clause is None:
            return None
        own = [t for t in own_tokens(clause) if t.dep_ != "punct"]
        return self.reading.span(min(t.i for t in own), max(t.i for t in own) + 1)


def _attribution_not_place(token: Token) -> bool:
    """A name inside "according to ..." that is not where the teller is: "according to [the
    US] government" says who told ("according to witnesses in Cairo" says where)."""
    inside = any(a.dep_ == "prep" and a.lower_ == "according" for a in token.ancestors)
    return inside and not (token.dep_ == "pobj" and token.head.lower_ in {"in", "at"})


def _finest(places: list[Place | None]) -> Place | None:
    """The most precise place named (a city over its region over its country); first on ties."""
    found = [place for place in places if place is not None]
    return max(found, key=lambda place: PRECISION_RANK[place.precision], default=None)


def _noun_chain(noun: Token) -> list[Token]:
    """A noun and the nouns it qualifies: "Russia" in "the Kursk region in Russia" -> region too."""
    chain = [noun]
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head.head
        chain.append(noun)
    return chain


__all__ = ["NUMBER_LABELS", "PRECISION_RANK", "Setting"]
