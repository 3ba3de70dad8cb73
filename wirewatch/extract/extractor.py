"""Extract: from a parsed, cleaned article to its events, claims and places.

Sentences are read by ``events.SentenceEvents``; here the article's events get their
learned confidence and ACLED class, are merged, and those with no one named as acted
upon get the place's country as target.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from wirewatch.clean import CleanArticle
from wirewatch.extract import acled, confidence
from wirewatch.extract.claims import SentenceClaims
from wirewatch.extract.events import SentenceEvents
from wirewatch.extract.kinds import PLACE_TARGETED, RECEIVING
from wirewatch.extract.merge import merge_mentions
from wirewatch.extract.reading import ArticleReading, Resolvers
from wirewatch.extract.titles import title_discrepancies
from wirewatch.model import Actor, Claim, CodedArticle, EventMention, Sentence
from wirewatch.resolve.countries import CountryIndex
from wirewatch.resolve.kb import ActorKB


class Extractor:
    """Codes one article: ``Extractor(resolvers)(clean, doc) -> CodedArticle``."""

    def __init__(self, resolvers: Resolvers) -> None:
        self.resolvers = resolvers

    @classmethod
    def load(cls, db: str | None = None, kb: ActorKB | None = None) -> Extractor:
        """An extractor with the shipped data and the knowledge base of the store at ``db``
        (or ``kb``)."""
        return cls(Resolvers.load(db, kb))

    def read(self, clean: CleanArticle, doc: Doc) -> tuple[ArticleReading, list[SentenceEvents]]:
        """The article's reading and an event reader per sentence, each with its neighbours."""
        reading = ArticleReading(doc, clean, self.resolvers)
        sents = _sentences(doc)
        window = [doc[sents[max(k - 1, 0)].start:sents[min(k + 1, len(sents) - 1)].end]
                  for k in range(len(sents))]
        return reading, [SentenceEvents(reading, sent, window[k]) for k, sent in enumerate(sents)]

    def __call__(self, clean: CleanArticle, doc: Doc) -> CodedArticle:
        reading, readers = self.read(clean, doc)
        sentences: list[Sentence] = []
        mentions: list[EventMention] = []
        claims: list[Claim] = []
        for reader, found in zip(readers, article_events(readers), strict=True):
            span = reading.span(reader.sentence.start, reader.sentence.end)
            sentences.append(Sentence(len(sentences), span.start, span.end, span.text))
            mentions += [unscored.scored() for unscored in found]
            claims += SentenceClaims(reading, reader.sentence, reader.used)()
        return CodedArticle(clean.article, clean.dropped, tuple(sentences),
                            tuple(target_the_place(event, self.resolvers.countries)
                                  for event in merge_mentions(mentions)),
                            tuple(_unique_claims(claims)),
                            tuple(reading.toponyms()),
                            discrepancies=tuple(title_discrepancies(reading)))


@dataclasses.dataclass(frozen=True, slots=True)
class Unscored:
    """An event as the rules read it, with what the learned parts will see of it."""

    event: EventMention
    cues: tuple[str, ...]
    """Features for ``confidence``."""
    words: tuple[str, ...]
    """Features for the ACLED classifier."""

    def scored(self) -> EventMention:
        return dataclasses.replace(self.event, confidence=confidence.score(self.cues),
                                   acled=acled.classify(self.words, self.event.event_type))


def article_events(readers: list[SentenceEvents]) -> list[list[Unscored]]:
    """Each sentence's events with their features: what the extractor scores and what
    ``scripts/train.py`` learns from, so the two never drift apart. The ACLED classifier also
    sees the other events of the sentence and its neighbours (a protest beside an arrest is
    a protest with intervention)."""
    found = [reader.read() for reader in readers]
    out: list[list[Unscored]] = []
    for k, (reader, events) in enumerate(zip(readers, found, strict=True)):
        words = acled.context_features(reader.sentence, reader.context, reader.lex) if events else []
        near = [e for sentence in found[max(k - 1, 0):k + 2] for e, _ in sentence]
        out.append([Unscored(e, tuple(cues), tuple(
            words + acled.event_features(e, near)
            + acled.trigger_features(e, reader.trigger_tokens(e), reader.lex))) for e, cues in events])
    return out


def target_the_place(event: EventMention, countries: CountryIndex) -> EventMention:
    """With no one named as acted upon, an act done to a place ("imposed a curfew in
    Khartoum", "blocked roads in Algiers") targets the place's country, as PLOVER coders
    code it. Applied after merging, so that a shared country never makes two acts one."""
    place = event.place
    if event.target or place is None or event.event_type not in PLACE_TARGETED:
        return event
    country = countries.record(place.country or "")
    if country is None:
        return event
    target = (Actor(place.text, place.start, place.end, country.name, None, country.iso3, None),)
    receiving = (event.intended or event.event_type) in RECEIVING
    return dataclasses.replace(event, target=target, recipient=target if receiving else ())


def _sentences(doc: Doc) -> list[SpacySpan]:
    """Sentences trimmed of surrounding whitespace tokens; blank ones skipped."""
    found = []
    for sent in doc.sents:
        tokens = [token for token in sent if not token.is_space]
        if tokens:
            found.append(doc[tokens[0].i:tokens[-1].i + 1])
    return found


def _unique_claims(claims: list[Claim]) -> list[Claim]:
    """One claim per kind and statement: repeats of a figure are evidence, not new claims."""
    kept: dict[tuple[object, ...], Claim] = {}
    for claim in claims:
        # a violation claim is its statement; a figure is its count, however often repeated
        said = claim.text if claim.kind == "violation" else ""
        key = (claim.kind, said, tuple((q.value, q.low, q.high, q.counted) for q in claim.quantities),
               tuple(a.country for a in claim.about))
        if key in kept:
            old = kept[key]
            kept[key] = Claim(old.kind, old.text, old.start, old.end, old.claimant, old.about,
                              old.quantities, old.places, old.evidence + claim.evidence)
        else:
            kept[key] = claim
    return list(kept.values())


__all__ = ["Extractor", "Unscored", "article_events", "target_the_place"]
