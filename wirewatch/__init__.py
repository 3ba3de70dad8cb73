"""wirewatch: news articles in; a sourced, de-duplicated record of geopolitical events out.

How an article flows (one package per stage; ``pipeline.py`` runs them)::

    ingest/   .txt .html .jsonl .csv folders -     -> Article (text as ingested, fingerprint, language)
    clean/    Unicode, whitespace, repeated headline/paragraphs -> CleanArticle (+ dropped, offset map)
    nlp/      spaCy + gazetteer phrase ruler       -> Doc
    extract/  PLOVER events, factuality, actors, place, time, quantities, claims
              (resolve/ turns names into countries, people and gazetteer places)
                                                   -> CodedArticle (every field with its evidence)
    store/    SQLite: one transaction per article, idempotent by fingerprint
    serve/    the ``wirewatch`` command line

Every ``start``/``end`` in every record indexes ``Article.text`` as ingested.
"""

from __future__ import annotations

import importlib
from typing import Any

from wirewatch.errors import WirewatchError
from wirewatch.model import (
    Actor,
    Article,
    Claim,
    CodedArticle,
    EventMention,
    Evidence,
    Place,
    Quantity,
    Span,
    TimeExpr,
    coded_to_json,
)
from wirewatch.settings import Settings

__version__ = "0.1.0"

# Heavy parts (spaCy, the gazetteer) load only when first used.
_LAZY = {
    "Pipeline": "wirewatch.pipeline",
    "code_articles": "wirewatch.pipeline",
    "make_article": "wirewatch.ingest",
    "Store": "wirewatch.store",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'wirewatch' has no attribute {name!r}")


__all__ = [
    "Actor", "Article", "Claim", "CodedArticle", "EventMention", "Evidence", "Pipeline", "Place",
    "Quantity", "Settings", "Span", "Store", "TimeExpr", "WirewatchError", "code_articles",
    "coded_to_json", "make_article",
]
