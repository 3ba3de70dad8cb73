"""A phrase ruler that starts in milliseconds: names from the gazetteer and the knowledge base
become entities, as spaCy's ``entity_ruler`` with phrase patterns would make them.

spaCy's ruler turns each of its 30,000 pattern texts into a ``Doc`` when it is built, which
took 1.6 s and 150 MB of every process's start-up. This one matches the text instead: patterns
are kept by their first word, and a pattern matches where the doc's text has it at a token's
start and the match ends at a token's end (``Doc.char_span``, strict), which is what matching
a pattern's tokens on ``ORTH`` amounts to. Matches are then chosen as the ruler chooses them:
longest first, then leftmost, none overlapping another or an entity already set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from spacy.language import Language
from spacy.tokens import Doc, Span

_FIRST = re.compile(r"\w+|\S", re.UNICODE)


class PhraseRuler:
    """Entities from phrase patterns ``{"label", "pattern"}``, filling only what is unset."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[str, str, int]]] = {}
        self._count = 0

    def add_patterns(self, patterns: Iterable[Mapping[str, str]]) -> None:
        """Add ``{"label": ..., "pattern": text}`` patterns (other keys are ignored)."""
        for pattern in patterns:
            text = pattern["pattern"].strip()
            first = _FIRST.match(text)
            if first:
                entry = (text, pattern["label"], self._count)
                self._by_first.setdefault(first[0], []).append(entry)
                self._count += 1
        for candidates in self._by_first.values():
            candidates.sort(key=lambda entry: -len(entry[0]))

    def state(self) -> tuple[dict[str, list[tuple[str, str, int]]], int]:
        """The built index, as plain data (for the cache)."""
        return self._by_first, self._count

    def restore(self, state: tuple[dict[str, list[tuple[str, str, int]]], int]) -> None:
        """Take the index ``state()`` gave, instead of adding its patterns again."""
        self._by_first, self._count = state

    def __len__(self) -> int:
        return self._count

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        matches: list[tuple[int, int, int, str]] = []
        for token in doc:
            first = _FIRST.match(token.text)
            for pattern, label, order in self._by_first.get(first[0], ()) if first else ():
                if text.startswith(pattern, token.idx):
                    span = doc.char_span(token.idx, token.idx + len(pattern))
                    if span is not None:
                        matches.append((span.start, span.end, order, label))
        if matches:  # longest, then leftmost, then the pattern added first
            matches.sort(key=lambda m: (m[0] - m[1], m[0], m[2]))
            self._set(doc, [(start, end, label) for start, end, _, label in matches])
        return doc

    @staticmethod
    def _set(doc: Doc, matches: list[tuple[int, int, str]]) -> None:
        """As spaCy's ruler sets them: a match over an entity already there is dropped."""
        entities = list(doc.ents)
        new: list[Span] = []
        seen: set[int] = set()
        for start, end, label in matches:
            if any(token.ent_type for token in doc[start:end]):
                continue
            if start not in seen and end - 1 not in seen:
                new.append(Span(doc, start, end, label=label))
                entities = [e for e in entities if not (e.start < end and e.end > start)]
                seen.update(range(start, end))
        doc.ents = entities + new


@Language.factory("wirewatch_phrases")
def make_phrase_ruler(nlp: Language, name: str) -> PhraseRuler:
    """An empty ruler; ``add_patterns`` fills it."""
    return PhraseRuler()


__all__ = ["PhraseRuler"]
