"""Name folding shared by the gazetteer, the country index and the data build.

Both sides of every lookup go through ``key``, so "St.-Petersburg", "St Petersburg"
and "st. petersburg" meet in one dictionary slot without any fuzzy matching.
"""

from __future__ import annotations

import re
import unicodedata

TYPE_WORDS = frozenset({
    "region", "oblast", "province", "governorate", "krai", "kray", "state", "prefecture",
    "county", "district", "department", "okrug", "voivodeship", "emirate", "canton",
    "territory", "parish", "rayon", "division", "republic", "municipality", "oblysy",
})
"""Words that make a form name a division rather than a town ("Kursk region")."""

GENERIC_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "middle", "upper", "lower", "northeast", "northwest", "southeast",
    "southwest", "nord", "sud", "est",
    "ouest", "norte", "sur", "oeste", "centro", "nordeste", "noroeste", "sudeste", "sudoeste",
    "capital", "coast", "coastal", "littoral", "lakes", "lake", "islands", "island", "river",
    "rivers", "valley", "plateau", "delta", "mountain", "mountains", "highlands", "lowlands",
    "border", "borders", "bay", "gulf", "sea", "ocean", "red", "dead", "black", "white", "great",
    "far", "near", "unity", "sahel", "savanes", "lagoons", "city", "district", "region", "province",
    "state", "area", "zone", "territory", "federal", "special",
})
"""Words that alone never name a division ("Central", "Red Sea"): such names are not looked up."""

# Letters that NFKD leaves whole, and marks that carry no meaning in a lookup.
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
                          "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "ð": "d",
                          ".": None, "'": None, "’": None, "‘": None, "`": None, "´": None,
                          "ʻ": None, "ʼ": None, "ʿ": None, "ʾ": None})
_NON_WORD = re.compile(r"[^0-9a-z]+")
_NOT_PLAIN = re.compile(r"[^0-9a-z ]")
_PLAIN = re.compile(r"[0-9a-z]+(?: [0-9a-z]+)*")
# Romanisation marks that English news drops ("Ḩalab", "Tehrān"); accents it keeps stay.
_TRANSLIT_MARKS = frozenset("\u0304\u0323\u0331\u032e\u0327")
_QUOTES = str.maketrans({"ʻ": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'", "‘": "'", "’": "'", "`": "'"})
_POSSESSIVES = ("'s", "’s", "s'", "s’", "'S", "’S")


def fold(text: str) -> str:
    """Case-, accent- and punctuation-free form: "St.-Petersburg" -> "st petersburg"."""
    lowered = text.lower()
    if _PLAIN.fullmatch(lowered):  # most names: no accents, no punctuation
        return lowered
    if not lowered.isascii():
        decomposed = unicodedata.normalize("NFKD", lowered.translate(_LETTERS))
        lowered = "".join(c for c in decomposed if not unicodedata.combining(c))
    else:
        lowered = lowered.translate(_LETTERS)
    if _NOT_PLAIN.search(lowered) or "  " in lowered:
        lowered = _NON_WORD.sub(" ", lowered)
    return lowered.strip()


def strip_mention(text: str) -> str:
    """Drop a leading "the" and a trailing possessive: "the Kremlin's" -> "Kremlin"."""
    text = text.strip()
    if text[:4] in ("the ", "The ", "THE "):
        text = text[4:].lstrip()
    if text.endswith(_POSSESSIVES) and len(text) > 3:
        text = text[:-1] if text[-2] in "sS" else text[:-2]
    return text.strip()


def key(text: str) -> str:
    """The dictionary key of a name as mentioned: folded, without "the" or a possessive."""
    folded = fold(strip_mention(text))
    return folded.removeprefix("the ")


def place_key(name: str) -> str:
    """``key`` of a name from a table, quicker for the common plain one ("Kursk")."""
    lowered = name.lower()
    if _PLAIN.fullmatch(lowered) and not lowered.startswith("the "):
        return lowered
    return key(name)


def display(name: str) -> str:
    """An ISO name as English text shows it: "Ḩalab" -> "Halab", "Tatarstan, Respublika" -> "Tatarstan"."""
    name = re.sub(r"\s*[\[(].*?[\])]", "", name).split(",")[0].strip()
    decomposed = unicodedata.normalize("NFD", name.replace("İ", "I").translate(_QUOTES))
    plain = "".join(c for c in decomposed if c not in _TRANSLIT_MARKS)
    return unicodedata.normalize("NFC", plain).strip("'").strip()


def is_generic(name: str) -> bool:
    """True for a name made only of generic words ("Central", "the North-East")."""
    return set(key(name).split()) <= GENERIC_WORDS


def type_word(word: str) -> bool:
    """True for a word such as "Oblast" or "province" that names a kind of division."""
    return word.lower().strip(".,'") in TYPE_WORDS


def is_acronym(name: str) -> bool:
    """True for "US", "U.K.", "DPRK": short upper-case names that only match as written."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters) \
        and " " not in name.strip()


__all__ = ["GENERIC_WORDS", "TYPE_WORDS", "display", "fold", "is_acronym", "is_generic", "key",
           "place_key", "strip_mention", "type_word"]
