"""Extract: from a parsed, cleaned article to its events, claims and places."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from wirewatch.clean import CleanArticle
from wirewatch.extract.claims import SentenceClaims
from wirewatch.extract.events import SentenceEvents, article_events, target_the_place
from wirewatch.extract.merge import merge_mentions
from wirewatch.extract.reading import ArticleReading, Resolvers
from wirewatch.model import Claim, CodedArticle, EventMention, Sentence


class Extractor:
    """Codes one article: ``Extractor(resolvers)(clean, doc) -> CodedArticle``."""

    def __init__(self, resolvers: Resolvers) -> None:
        self.resolvers = resolvers

    @classmethod
    def load(cls) -> Extractor:
        return cls(Resolvers.load())

    def read(self, clean: CleanArticle, doc: Doc) -> tuple[ArticleReading, list[SentenceEvents]]:
        """The article's reading and an event reader per sentence (unscored until called)."""
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
                            tuple(reading.places()))


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


__all__ = ["Extractor"]
