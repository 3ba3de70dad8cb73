"""NLP: sentences, tokens, entities and the dependency parse (spaCy + gazetteer ruler)."""

from wirewatch.nlp.pipeline import load_nlp

__all__ = ["load_nlp"]
