"""Quantities: the number, how exact it is, and what it counts.

quantulum3 finds numbers but not what they count, and counting is the point
here ("5,000 construction workers"), so this reads the parse: the noun a number
modifies, or the noun after "thousands of". Number words are few and closed,
so a small table beats a dependency.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract.reading import ArticleReading, of_objects
from wirewatch.model import Quantity

APPROXIMATE = {"around", "about", "some", "nearly", "almost", "roughly", "approximately", "over",
               "estimated", "several", "up", "least", "more", "less", "fewer", "under", "than",
               "circa", "~", "at"}
CURRENCY = {"$", "us$", "€", "£", "¥", "usd", "eur", "gbp", "dollars", "euros", "pounds"}
LOWER_BOUND = {"more", "over", "least"}
UPPER_BOUND = {"up", "less", "fewer", "under", "nearly", "almost"}
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
         "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90, "a": 1, "an": 1}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
         "thousands": (2_000, 9_999), "millions": (2_000_000, 9_999_999),
         "billions": (2_000_000_000, 9_999_999_999)}
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
FRACTIONS = frozenset({"half", "halves", "third", "thirds", "quarter", "quarters", "fifth",
                       "fifths", "tenth", "tenths", "percent", "per", "%", "pct"})
"""Words that make a number a share, not a count: "two-thirds", "half", "40 percent"."""


@dataclass(frozen=True, slots=True)
class Reading:
    """A number read from a token span, before its evidence is attached."""

    value: float | None
    low: float | None
    high: float | None
    approximate: bool


def read_number(words: list[str]) -> Reading | None:
    """Read "around 15,000", "thousands", "tens of thousands", "5.5 million", "10 to 20"."""
    if FRACTIONS & {part for word in words for part in word.lower().split("-")}:
        return None  # a share of something, not a count of it
    lowered = _without_units([word.lower() for word in words])
    cues = {word for word in lowered if word in APPROXIMATE}
    numbers = [word for word in lowered if word not in APPROXIMATE and word not in {"of", "to", "and", "-"}]
    if not numbers:
        return None
    vague = _vague(numbers)
    if vague:
        return Reading(None, vague[0], vague[1], True)
    ranged = _range(lowered)
    if ranged:
        return Reading(None, ranged[0], ranged[1], bool(cues))
    value = _value(numbers)
    if value is None:
        return None
    low = value if cues & LOWER_BOUND else None
    high = value if cues & UPPER_BOUND else None
    return Reading(value, low, high, bool(cues))


def _without_units(words: list[str]) -> list[str]:
    """Drop currency signs and a trailing unit: "$500 million" -> 500 million, "100 tons" -> 100."""
    words = [w for w in words if w not in CURRENCY]
    while words and not _is_number_word(words[-1]):
        words.pop()
    return words


def _is_number_word(word: str) -> bool:
    return bool(_NUMBER.match(word)) or word in WORDS or word in SCALES or word in VAGUE


def _vague(numbers: list[str]) -> tuple[float, float] | None:
    """Plural scale words: "thousands" is 2,000-9,999; "tens of thousands" 20,000-99,999."""
    last = numbers[-1]
    if last not in VAGUE:
        return None
    low, high = VAGUE[last]
    if len(numbers) >= 2 and numbers[-2] in {"tens", "hundreds"}:
        factor = 10 if numbers[-2] == "tens" else 100
        return low * factor, (high + 1) * factor - 1
    return float(low), float(high)


def _range(words: list[str]) -> tuple[float, float] | None:
    """ "10 to 20", "5-6 million" (both in millions), "5-6,000" (5,000 to 6,000: the low end
    is written short when it shares the high end's thousands)."""
    joined = " ".join(words)
    match = re.search(r"([\d.,]+)\s*(?:-|–|to|and)\s*([\d.,]+)", joined)
    if not match:
        return None
    low, high = _plain(match.group(1)), _plain(match.group(2))
    if low is None or high is None:
        return None
    scale = next((SCALES[w] for w in joined[match.end():].split() if w in SCALES), 1)
    high *= scale
    if "," not in match.group(1):  # "500,000 to 1 million" is whole already
        low *= scale
    if low < 1000 <= high and high / 10 <= low * 1000 < high:
        low *= 1000
    return (low, high) if low < high else None


def _value(numbers: list[str]) -> float | None:
    total, current = 0.0, None
    for word in numbers:
        if _NUMBER.match(word):
            current = (current or 0) + (_plain(word) or 0)
        elif word in WORDS:
            current = (current or 0) + WORDS[word]
        elif word in SCALES:
            total += (current if current is not None else 1) * SCALES[word]
            current = None
        else:
            return None
    return total + (current or 0)


def _plain(text: str) -> float | None:
    cleaned = text.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


def _whole_range(number: SpacySpan) -> SpacySpan:
    """The number with the rest of a range the model cut off ("[About 5]-6,000 people",
    "[2] to 3 thousand"), when that reads as a range; else the number as found."""
    doc, end = number.doc, number.end
    while end + 1 < len(doc) and doc[end].text in {"-", "–", "to"} and doc[end + 1].like_num:
        end += 2
    if end < len(doc) and doc[end].lower_ in SCALES and end != number.end:
        end += 1  # "to 3 thousand"
    if end == number.end:
        return number
    whole = doc[number.start:end]
    reading = read_number([token.text for token in whole])
    return whole if reading is not None and reading.value is None else number


def within(quantity: Quantity, found: Iterable[Quantity]) -> bool:
    """Whether ``quantity`` lies inside one already read: the end of a range read whole
    ("500,000 to [1 million]") is not a count of its own."""
    return any(q.start <= quantity.start and quantity.end <= q.end for q in found)


def counted_noun(number: SpacySpan) -> Token | None:
    """The noun a number counts: "5,000 [workers]", "thousands of [workers]"."""
    root = number.root
    if root.dep_ == "nummod" and root.head.pos_ in {"NOUN", "PROPN"}:
        return root.head
    if root.dep_ in {"quantmod", "compound"} and root.head.dep_ == "nummod":
        return root.head.head
    return next(iter(of_objects(root)), None)


def counted_span(noun: Token) -> tuple[int, int]:
    """Token bounds of the counted noun with its compound modifiers ("construction workers")."""
    start = noun.i
    for child in reversed(list(noun.lefts)):
        if child.dep_ == "compound" and child.i == start - 1:
            start = child.i
    return start, noun.i + 1


def quantity_of(reading: ArticleReading, number: SpacySpan) -> Quantity | None:
    """A Quantity record for a number entity, with what it counts."""
    number = _whole_range(number)
    parsed = read_number([token.text for token in number])
    if parsed is None:
        return None
    noun = counted_noun(number)
    start, end = number.start, number.end
    counted = None
    if noun is not None:
        first, last = counted_span(noun)
        counted = reading.span(first, last).text
        end = max(end, last)
    span = reading.span(start, end)
    return Quantity(span.text, span.start, span.end, parsed.value, parsed.low, parsed.high,
                    parsed.approximate, counted)


__all__ = ["Reading", "counted_noun", "counted_span", "quantity_of", "read_number", "within"]
