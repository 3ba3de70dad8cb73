"""Phrase-ruler patterns (spaCy EntityRuler shape) for the names the gazetteer and country index know.

The small English model splits "the Kursk region" into GPE "Kursk" and a bare
"region", and misses rarer names. Phrase patterns fix that. They are matched as
written (spaCy's default ``ORTH``), so each division's type word comes both
capitalised and not ("Kursk Region", "Kursk region").

Pattern ids say what matched: ``country:RUS``, ``capital:RUS``, ``demonym:RUS``,
``metonym:RUS`` and ``admin1:RU-KRS``. Where two places share a form the id names
the larger; resolve with ``Gazetteer.lookup`` and the article's countries.
"""

from __future__ import annotations

from collections.abc import Iterable

from wirewatch.resolve.countries import CountryRecord
from wirewatch.resolve.geodata import Admin1Record
from wirewatch.resolve.names import is_generic, type_word

NOT_ALONE = frozenset({
    "Victoria", "Washington", "Hamilton", "Douglas", "Stanley", "Kingston", "Male", "Jamestown",
    "Plymouth", "Georgetown", "Nelson", "Wellington", "Lincoln", "Jackson", "Madison", "Carolina",
    "Santiago", "Sucre", "Bolívar", "Bolivar", "Miranda", "Hidalgo", "Morelos", "Guerrero", "Lara",
    "Trujillo", "Vladimir", "Kirov", "Jersey", "Orange", "Chin", "Mon", "Shan", "Bay", "Bari",
    "Gao", "Nan", "Tak", "Loei", "Trang", "Yala", "Sool", "Bago", "Ogun", "Imo", "Oyo", "Edo",
    "Kent", "Essex", "Mayo", "Down", "Clare", "Cork", "Kerry", "Alba", "Ain", "Var", "Nord", "Cher",
    "Gers", "Lot", "Indre", "Vienne", "Loire", "Marne", "Aube", "Eure", "Orne", "Manche", "Somme",
    "Oise", "Van", "Batman", "Meta", "Hail", "Oriental", "Maritime", "Pool", "Store", "Bar", "Ig",
    "Apace", "Falcon", "Grad", "Ha", "Lac", "Lacs", "Mus", "Nacional", "Sal", "Uri", "Vas", "Ogre",
    "Pest", "Marches", "Saga", "Mascara", "Charlotte", "Diana", "Isabel", "Mary", "Paul", "Ramsey",
    "Herrera", "Rivera", "Rojas", "Vargas", "Duarte", "Leon", "Cortes", "Colon", "Luce", "Kara",
    "Mara", "Cascade", "Cascades", "Tabor", "Sada", "Bled", "Debar", "Centrale",
    "Ascension", "Zealand", "Balkan", "Grenadines", "Nevis", "Olt", "Osh",
})
"""One-word names that are as often a person, a word or something else: left to the NER."""

SMALL_DIVISION = 100_000
"""A division smaller than this gets no one-word pattern: "Store" and "Ig" are Slovene ones."""


def ruler_patterns(countries: Iterable[CountryRecord], admin1: Iterable[Admin1Record], *,
                   typed_only: bool = False) -> list[dict[str, str]]:
    """Phrase patterns ``{"label", "pattern", "id"}``, each text once, strongest kind first.

    Args:
        countries: country records; their names and aliases and capitals become GPE,
            demonyms NORP, metonyms ORG.
        admin1: division records; their names and forms become GPE.
        typed_only: only division forms with a type word ("Kursk region"): these extend
            what the NER finds and so are safe to run before it; the rest are best run
            after it, filling gaps only.
    """
    ranked = sorted(countries, key=lambda c: -c.population)
    divisions = sorted(admin1, key=lambda a: -a.population)
    patterns: dict[str, dict[str, str]] = {}
    if not typed_only:
        _emit(patterns, "GPE", "country", ((c.iso3, (c.name, *c.aliases)) for c in ranked))
        _emit(patterns, "GPE", "capital", ((c.iso3, c.capitals) for c in ranked))
        _emit(patterns, "NORP", "demonym", ((c.iso3, c.demonyms) for c in ranked))
        _emit(patterns, "ORG", "metonym", ((c.iso3, c.metonyms) for c in ranked))
    _emit(patterns, "GPE", "admin1", ((a.id, _division_forms(a, typed_only)) for a in divisions))
    return list(patterns.values())


def _emit(patterns: dict[str, dict[str, str]], label: str, kind: str,
          groups: Iterable[tuple[str, Iterable[str]]]) -> None:
    for ident, forms in groups:
        for form in forms:
            text = _as_written(form)
            if text and text not in patterns and not (" " not in text and text in NOT_ALONE):
                patterns[text] = {"label": label, "pattern": text, "id": f"{kind}:{ident}"}


def _division_forms(division: Admin1Record, typed_only: bool) -> list[str]:
    """The division's forms, plus "Kursk region" beside "Kursk Region"."""
    out = []
    for form in (division.name, *division.aliases):
        words = form.split()
        typed = len(words) > 1 and type_word(words[-1])
        if is_generic(form) or (typed_only and not typed):
            continue
        if len(words) == 1 and division.population < SMALL_DIVISION:
            continue
        out.append(form)
        if typed and words[-1][0].isupper():
            out.append(" ".join([*words[:-1], words[-1].lower()]))
    return out


def _as_written(form: str) -> str:
    """The form as an entity's text: without a leading "the"."""
    form = form.strip()
    return form[4:] if form[:4] in ("the ", "The ") else form


__all__ = ["NOT_ALONE", "SMALL_DIVISION", "ruler_patterns"]
