"""Claims: checkable statements that are not acts.

wirewatch records two kinds, because they are what analysts check and compare
across sources: *figures* (a count no event accounts for: "already employing
around 15,000 workers") and *violations* (an assertion that someone breaks a
rule: "North Korea's involvement violates United Nations sanctions"). Opinion
and commentary ("marks a notable escalation") are neither and are not stored.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract import attribution
from wirewatch.extract.quantities import quantity_of, within
from wirewatch.extract.reading import ArticleReading
from wirewatch.extract.setting import NUMBER_LABELS
from wirewatch.model import Actor, Claim, Quantity

SUBJECTS = {"nsubj", "nsubjpass"}
REFERENCE_WORDS = {"the", "these", "those", "both", "its", "their", "his", "her", "our"}


class SentenceClaims:
    """Finds the claims of one sentence, given the tokens its events already used."""

    def __init__(self, reading: ArticleReading, sentence: SpacySpan, used: set[int]) -> None:
        self.reading, self.sentence, self.used = reading, sentence, used
        self.lex = reading.r.lexicon

    def __call__(self) -> list[Claim]:
        claims = [self._violation(t) for t in self.sentence if self._is_violation(t)]
        figures = self._figures()
        if figures:
            claims.append(self._claim("figure", figures[0][0], tuple(q for _, q in figures)))
        return [claim for claim in claims if claim is not None]

    def _is_violation(self, token: Token) -> bool:
        if token.pos_ != "VERB" or token.lemma_.lower() not in self.lex.cue("violation"):
            return False
        objects = {c.lemma_.lower() for c in token.children if c.dep_ == "dobj"}
        return bool(objects & self.lex.cue("violation_objects"))

    def _violation(self, verb: Token) -> Claim | None:
        return self._claim("violation", verb, ())

    def _figures(self) -> list[tuple[Token, Quantity]]:
        """Counts in the sentence that no event used, with the verb that governs each."""
        found: list[tuple[Token, Quantity]] = []
        for ent in self.reading.ents_within(self.sentence.start, self.sentence.end):
            if ent.label_ not in NUMBER_LABELS or any(t.i in self.used for t in ent):
                continue
            if _is_reference(ent):
                continue
            quantity = quantity_of(self.reading, ent)
            if quantity is not None and (quantity.counted or ent.label_ == "MONEY") and not within(
                    quantity, (q for _, q in found)):
                found.append((_governor(ent.root), quantity))
        return found

    def _claim(self, kind: str, verb: Token, quantities: tuple[Quantity, ...]) -> Claim:
        sentence = self.reading.span(self.sentence.start, self.sentence.end)
        about = self._about(verb)
        places = tuple(p for t in self.sentence if self.reading.is_place_use(t)
                       and t.i == self.reading.ent_at[t.i].root.i
                       for p in [self.reading.place(t)] if p is not None)
        return Claim(kind, sentence.text, sentence.start, sentence.end,  # type: ignore[arg-type]
                     claimant=attribution.claimant(self.reading, verb), about=tuple(about), quantities=quantities,
                     places=places, evidence=(self.reading.evidence(self.sentence),))

    def _about(self, verb: Token) -> list[Actor]:
        """Whom the claim is about: the subject, its possessor ("North Korea's involvement")."""
        if verb.dep_ == "acl":
            return self.reading.actors(verb.head)
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                actors = self.reading.actors(child)
                if actors:
                    return actors
                owners = [c for c in child.children if c.dep_ == "poss"]
                return [a for owner in owners for a in self.reading.actors(owner)]
        return []


def _is_reference(number: SpacySpan) -> bool:
    """ "the two governments" refers to things already named; it is not a count to check."""
    before = number.doc[number.start - 1] if number.start > 0 else None
    return before is not None and before.lower_ in REFERENCE_WORDS


def _governor(token: Token) -> Token:
    """The verb a number hangs from (or the sentence root)."""
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token


__all__ = ["SentenceClaims"]
