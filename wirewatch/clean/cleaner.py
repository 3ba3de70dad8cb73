"""Clean an article for NLP without losing where anything was.

Scraped articles repeat themselves: the headline printed twice, paragraphs
duplicated by a careless template, near-verbatim copies after an edit. Coding
them twice would count one report as two, so repeats are dropped here and each
drop is recorded with its reason.

Cleaning builds a *new* text for spaCy (normalised Unicode and whitespace, one
paragraph per block) and an ``OffsetMap`` back to ``Article.text``, so every span
found downstream is reported in the coordinates of the text as ingested.
Near-verbatim means rapidfuzz's normalised edit similarity over the paragraph's
words, with the same numbers and dates: one reworded phrase in a long paragraph is a
repeat, "nine killed on Wednesday" after "five killed on Monday" is news. Exact repeats
are found by their words, near ones among the paragraphs with the same numbers and dates
(rapidfuzz's ``extract_iter`` compares in C), so a scraped page of thousands of lines
costs about a second.

Page furniture — captions, photo credits, share and "read more" prompts, players, bylines,
as ``data/furniture.toml`` lists them — is dropped with its reason too: a paragraph that is
nothing else goes whole, and furniture run into the prose (as scrapers flatten pages) is
cut out of it, the prose on either side kept as paragraphs of their own.

Paragraphs are bounded before NLP: one longer than ``max_paragraph`` characters (5,000 by
default) is split at sentence ends, and a sentence longer than that is cut at the last
space before the limit (or at the limit itself when there is none). The NLP stage parses
an article in pieces of whole paragraphs, so however an article is laid out, spaCy never
holds more than a bounded stretch of it at once (docs/architecture.md, "Limits").
"""

from __future__ import annotations

import bisect
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from rapidfuzz import fuzz, process

from wirewatch.model import Article, Dropped
from wirewatch.settings import Settings

_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"[^\S\n]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SENTENCE_END = tuple('.!?:;"”’)»')
PARAGRAPH_BREAK = "\n\n"
_DATE_WORDS = frozenset([
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "yesterday", "today"])
HEADLINE_MAX_WORDS = 20
NEAR_MIN_WORDS = 8
LINE_WORDS = 12
"""The longest paragraph that can be furniture as a whole ("By Jane Doe, BBC News")."""
LINK_WORDS = 30
"""The longest paragraph that can be a link to another story, headline and all."""
MAX_PARAGRAPH = 5_000
"""Longest paragraph handed to NLP, in characters; longer ones are split (see above)."""
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in the cleaned text back to the ingested text.

    ``segments`` are ``(clean_start, orig_start, clean_len, orig_len)``; a segment
    whose two lengths differ (a ligature expanded by NFKC) maps as a unit.
    """

    segments: tuple[tuple[int, int, int, int], ...]
    starts: tuple[int, ...]
    """The clean starts of ``segments``, for bisection."""

    @classmethod
    def of(cls, segments: tuple[tuple[int, int, int, int], ...]) -> OffsetMap:
        return cls(segments, tuple(seg[0] for seg in segments))

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The ingested-text span of the cleaned-text span ``[start, end)``."""
        return self._at(start, False), self._at(max(end - 1, start), True)

    def _at(self, offset: int, is_end: bool) -> int:
        i = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        clean_start, orig_start, clean_len, orig_len = self.segments[i]
        if clean_len == orig_len:
            return orig_start + min(offset - clean_start, clean_len - 1) + is_end
        return orig_start + (orig_len if is_end else 0)


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """An article ready for NLP: cleaned text, the way back, and what was dropped."""

    article: Article
    text: str
    offsets: OffsetMap
    dropped: tuple[Dropped, ...]


@dataclass(frozen=True, slots=True)
class _Block:
    start: int
    end: int
    text: str
    """The original text of the block."""


@dataclass(frozen=True, slots=True)
class Furniture:
    """What a scraper keeps that is not the article: patterns found anywhere in a paragraph
    (``inline``) and patterns a whole short paragraph may be (``lines``), each with the
    reason its drop records."""

    inline: tuple[tuple[re.Pattern[str], str], ...]
    lines: tuple[tuple[re.Pattern[str], str], ...]
    links: tuple[tuple[re.Pattern[str], str], ...] = ()
    """Patterns a paragraph of up to ``LINK_WORDS`` may be: a link to another story."""
    closing: tuple[tuple[re.Pattern[str], str], ...] = ()
    """Patterns that open what closes a page ("== See also =="): from there to the end."""

    @classmethod
    @cache
    def load(cls) -> Furniture:
        """The shipped list, ``data/furniture.toml``."""
        text = (resources.files("wirewatch") / "data" / "furniture.toml").read_text("utf-8")
        table = tomllib.loads(text)
        return cls(*(tuple((re.compile(e["pattern"]), e["reason"]) for e in table.get(kind, ()))
                     for kind in ("inline", "lines", "links", "closing")))

    def closes(self, block: _Block) -> tuple[int, str] | None:
        """Where in the block the page's closing matter starts, and why; None if it does not."""
        found = [(m.start(), reason) for pattern, reason in self.closing
                 for m in [pattern.search(block.text)] if m is not None]
        return min(found) if found else None

    def cut(self, block: _Block) -> tuple[list[_Block], list[Dropped]]:
        """The block's prose (as blocks) and its furniture (as drops)."""
        words = len(block.text.split())
        whole = (self.lines if words <= LINE_WORDS else ()) + (
            self.links if words <= LINK_WORDS else ())
        for pattern, reason in whole:
            if pattern.fullmatch(block.text.strip()):
                return [], [Dropped(block.start, block.end, f"page furniture: {reason}",
                                    block.text)]
        found = sorted((m.start(), m.end(), reason) for pattern, reason in self.inline
                       for m in pattern.finditer(block.text) if m.end() > m.start())
        kept, dropped, at = [], [], 0
        for start, end, reason in found:
            if start < at:
                continue  # inside furniture already cut
            kept.append(_Block(block.start + at, block.start + start, block.text[at:start]))
            dropped.append(Dropped(block.start + start, block.start + end,
                                   f"page furniture: {reason}", block.text[start:end]))
            at = end
        kept.append(_Block(block.start + at, block.end, block.text[at:]))
        return [piece for piece in kept if piece.text.strip()], dropped


class Cleaner:
    """Normalises text and drops page furniture and repeated headlines and paragraphs."""

    def __init__(self, near_duplicate: float = 0.9, max_chars: int = 200_000,
                 max_paragraph: int = MAX_PARAGRAPH, furniture: Furniture | None = None) -> None:
        self.near_duplicate = near_duplicate
        self.max_chars = max_chars
        self.max_paragraph = max_paragraph
        self.furniture = furniture if furniture is not None else Furniture.load()

    @classmethod
    def from_settings(cls, settings: Settings) -> Cleaner:
        return cls(settings.near_duplicate, settings.max_chars)

    def __call__(self, article: Article) -> CleanArticle:
        kept: list[_Block] = []
        dropped: list[Dropped] = []
        seen = _Seen()
        prose: list[_Block] = []
        closed: str | None = None
        for block in _blocks(article.text[: self.max_chars]):
            if closed is None and (closing := self.furniture.closes(block)) is not None:
                at, closed = closing
                if at > 0:
                    block, rest = _Block(block.start, block.start + at, block.text[:at]), \
                        _Block(block.start + at, block.end, block.text[at:])
                    dropped.append(Dropped(rest.start, rest.end, f"page furniture: {closed}", rest.text))
                else:
                    dropped.append(Dropped(block.start, block.end, f"page furniture: {closed}", block.text))
                    continue
            elif closed is not None:
                dropped.append(Dropped(block.start, block.end, f"page furniture: {closed}", block.text))
                continue
            pieces, furniture = self.furniture.cut(block)
            prose += pieces
            dropped += furniture
        for block in (piece for b in prose for piece in _bounded(b, self.max_paragraph)):
            reason = self._repeat(block, seen, article.title)
            if reason:
                dropped.append(Dropped(block.start, block.end, reason, block.text))
            else:
                kept.append(block)
        text, offsets = _assemble(kept)
        return CleanArticle(article, text, offsets, tuple(sorted(dropped, key=_position)))

    def _repeat(self, block: _Block, seen: _Seen, title: str | None) -> str | None:
        """Why the block repeats an earlier one, or None; remembers it when it does not."""
        words = tuple(w.casefold() for w in _WORD.findall(block.text))
        if not words:
            return "no words"
        index = seen.exact.get(words)
        if index is not None:
            headline = _is_headline(block.text) or _same_words(block.text, title)
            return "repeated headline" if headline else f"repeated paragraph (of paragraph {index + 1})"
        joined, near = " ".join(words), None
        if len(words) >= NEAR_MIN_WORDS:
            near = seen.near.setdefault(_facts(words), ([], []))
            for _, score, at in process.extract_iter(joined, near[1], scorer=fuzz.ratio,
                                                     score_cutoff=self.near_duplicate * 100):
                return (f"near-verbatim repeat of paragraph {near[0][at] + 1} "
                        f"(similarity {score / 100:.2f})")
        seen.exact[words] = seen.count
        if near is not None:
            near[0].append(seen.count)
            near[1].append(joined)
        seen.count += 1
        return None


@dataclass(slots=True)
class _Seen:
    """The paragraphs kept so far: by their words, and (those long enough to be near
    repeats) by their numbers and dates, as paragraph indexes and joined words."""

    exact: dict[tuple[str, ...], int] = field(default_factory=dict)
    near: dict[tuple[str, ...], tuple[list[int], list[str]]] = field(default_factory=dict)
    count: int = 0


def _bounded(block: _Block, limit: int) -> list[_Block]:
    """The block in pieces of at most ``limit`` characters: split at the last sentence end
    that fits, else at the last space, else at the limit."""
    pieces, start = [], 0
    text = block.text
    while len(text) - start > limit:
        ends = [m.end() for m in _SENTENCE_BREAK.finditer(text, start + 1, start + limit)]
        space = text.rfind(" ", start + 1, start + limit)
        cut = ends[-1] if ends else space + 1 if space > start else start + limit
        pieces.append(_Block(block.start + start, block.start + cut, text[start:cut]))
        start = cut
    pieces.append(_Block(block.start + start, block.end, text[start:]))
    return pieces


def _blocks(text: str) -> list[_Block]:
    """Paragraph-sized blocks: lines, with hard-wrapped lines joined back together."""
    blocks: list[_Block] = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if not line.strip():
            continue
        previous = blocks[-1] if blocks else None
        if previous and _continues(previous, text, match.start()):
            blocks[-1] = _Block(previous.start, match.end(), text[previous.start:match.end()])
        else:
            blocks.append(_Block(match.start(), match.end(), line))
    return blocks


def _continues(previous: _Block, text: str, start: int) -> bool:
    """True when the line at ``start`` is the wrapped rest of ``previous`` (no blank line between)."""
    between = text[previous.end:start]
    next_char = text[start:].lstrip()[:1]
    return (between.count("\n") == 1 and not previous.text.rstrip().endswith(_SENTENCE_END)
            and (next_char.islower() or next_char.isdigit()))


def _assemble(blocks: list[_Block]) -> tuple[str, OffsetMap]:
    """Join normalised blocks with paragraph breaks, recording where each piece came from."""
    parts: list[str] = []
    segments: list[tuple[int, int, int, int]] = []
    length = 0
    for block in blocks:
        if parts:
            parts.append(PARAGRAPH_BREAK)
            segments.append((length, block.start, len(PARAGRAPH_BREAK), 0))
            length += len(PARAGRAPH_BREAK)
        for orig_start, orig, clean in _normalise(block):
            parts.append(clean)
            segments.append((length, orig_start, len(clean), len(orig)))
            length += len(clean)
    return "".join(parts), OffsetMap.of(_merge(segments))


def _normalise(block: _Block) -> list[tuple[int, str, str]]:
    """(orig_start, original piece, clean piece) for a block, whitespace collapsed, NFKC applied."""
    pieces: list[tuple[int, str, str]] = []
    text = block.text.strip()
    offset = block.start + (len(block.text) - len(block.text.lstrip()))
    for match in re.finditer(r"\S+|\s+", text):
        piece, start = match.group(), offset + match.start()
        if piece.isspace():
            pieces.append((start, piece, " "))
        elif piece.isascii() or unicodedata.is_normalized("NFKC", piece) and not _has_invisible(piece):
            pieces.append((start, piece, piece))
        else:
            pieces.extend(_normalise_chars(piece, start))
    return pieces


def _normalise_chars(piece: str, start: int) -> list[tuple[int, str, str]]:
    return [(start + i, char, unicodedata.normalize("NFKC", char).translate(_INVISIBLE))
            for i, char in enumerate(piece)]


def _has_invisible(piece: str) -> bool:
    return any(ord(char) in _INVISIBLE for char in piece)


def _merge(segments: list[tuple[int, int, int, int]]) -> tuple[tuple[int, int, int, int], ...]:
    """Coalesce contiguous one-to-one segments, so lookups stay short."""
    merged: list[tuple[int, int, int, int]] = []
    for seg in segments:
        if seg[2] == 0:
            continue
        if merged:
            c, o, cl, ol = merged[-1]
            if cl == ol and seg[2] == seg[3] and c + cl == seg[0] and o + ol == seg[1]:
                merged[-1] = (c, o, cl + seg[2], ol + seg[3])
                continue
        merged.append(seg)
    return tuple(merged)


def _position(drop: Dropped) -> tuple[int, int]:
    return drop.start, drop.end


def _facts(words: tuple[str, ...]) -> tuple[str, ...]:
    """Numbers and weekday/month words: paragraphs that differ in them report different facts."""
    return tuple(w for w in words if w.isdigit() or w in _DATE_WORDS)


def _is_headline(text: str) -> bool:
    stripped = text.strip()
    return len(stripped.split()) <= HEADLINE_MAX_WORDS and not stripped.endswith((".", "!", "?"))


def _same_words(text: str, title: str | None) -> bool:
    return bool(title) and _WORD.findall(text.casefold()) == _WORD.findall((title or "").casefold())


__all__ = ["CleanArticle", "Cleaner", "Furniture", "OffsetMap"]
