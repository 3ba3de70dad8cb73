"""The phrase ruler sets the entities spaCy's entity ruler would, from the same patterns."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from wirewatch.nlp.phrases import PhraseRuler

PATTERNS = [
    {"label": "GPE", "pattern": "Kursk"}, {"label": "GPE", "pattern": "Kursk region"},
    {"label": "GPE", "pattern": "Guinea"}, {"label": "GPE", "pattern": "Guinea-Bissau"},
    {"label": "GPE", "pattern": "U.S."}, {"label": "NORP", "pattern": "North Korean"},
    {"label": "GPE", "pattern": "North Korea"}, {"label": "GPE", "pattern": "Côte d'Ivoire"},
    {"label": "ORG", "pattern": "the Kremlin"}, {"label": "PERSON", "pattern": "Kim Jong-un"},
    {"label": "GPE", "pattern": "Korea"},
]
TEXTS = [
    "Troops moved into the Kursk region and Kursk's suburbs, not Kurskaya.",
    "Guinea-Bissau and Guinea met in Côte d'Ivoire; the U.S. said North Korean troops left.",
    "Kim Jong-un told the Kremlin that North Korea and South Korea\nKorea talk.",
    "Kursk  region (two spaces) and Kursk\nregion are not the typed form.",
]


def ruled(kind: str, text: str, preset: tuple[int, int, str] | None = None) -> list[tuple]:
    nlp = spacy.blank("en")
    if kind == "spacy":
        ruler = nlp.add_pipe("entity_ruler")
    else:
        ruler = PhraseRuler()
    ruler.add_patterns(PATTERNS)
    doc = nlp.make_doc(text)
    if preset:
        doc.ents = [Span(doc, preset[0], preset[1], label=preset[2])]
    doc = ruler(doc)
    return [(e.start, e.end, e.label_, e.text) for e in doc.ents]


@pytest.mark.parametrize("text", TEXTS)
def test_the_same_entities_as_spacys_ruler(text: str) -> None:
    mine = ruled("mine", text)
    assert mine == ruled("spacy", text)
    assert mine  # each text has something to find


def test_entities_already_set_are_kept() -> None:
    text = "Kim Jong-un told the Kremlin that North Korea and South Korea talk."
    preset = (8, 10, "LOC")  # "North Korea" as the model tagged it
    mine = ruled("mine", text, preset)
    assert mine == ruled("spacy", text, preset)
    assert (8, 10, "LOC", "North Korea") in mine
