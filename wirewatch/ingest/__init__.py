"""The ingest stage: inputs in, ``Article`` records out.

    path ─┬─ file ──── by extension ─┐
          ├─ folder ── each file ────┤   decode.py     bytes → text (UTF-8, BOM, detected)
          └─ - ─────── sniffed ──────┤   documents.py  .txt, .html/.htm (trafilatura) → one article
                                     │   records.py    .jsonl/.ndjson, .csv → one per record
                                     └─→ article.py    make_article: fingerprint, id, date, language

``read`` raises only for the path it is given (missing, or of a type it cannot
read); every other problem is yielded as an ``InputError`` in place of the article,
so one bad file or line never stops a run. ``make_article`` is the one constructor
of ``Article``, shared with the JSON filter and the HTTP API.
"""

from wirewatch.ingest.article import META_FIELDS, fingerprint, make_article
from wirewatch.ingest.language import detect_language
from wirewatch.ingest.read import READERS, read, read_many, sniff

__all__ = [
    "META_FIELDS", "READERS", "detect_language", "fingerprint", "make_article", "read",
    "read_many", "sniff",
]
