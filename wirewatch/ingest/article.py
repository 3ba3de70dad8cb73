"""Building an ``Article``: the one place its fingerprint, id, date and language are set.

Every way in — files, standard input, the ``wirewatch code`` JSON filter, the HTTP
API — ends here, so the same text always gets the same fingerprint and id however
it arrived. The fingerprint ignores Unicode compatibility forms, case and how the
text was wrapped: an article ingested twice, even re-flowed, is stored once.

Metadata never costs an article: where the caller passes ``warn``, a publication date that
cannot be read leaves the field empty and is reported through it.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from wirewatch.errors import EmptyInputError, InputError, MalformedRecordError
from wirewatch.ingest.dates import ORDERS, AmbiguousDateError, normalise_date
from wirewatch.ingest.language import detect_language
from wirewatch.model import Article

META_FIELDS = ("title", "url", "published", "publisher")
"""The metadata a caller may set for everything read from a path."""
ID_LENGTH = 16
"""Hex characters of the fingerprint used as the id when the caller gives none."""
_DATE_FIX = "Give it as YYYY-MM-DD or another complete date"
PLACEHOLDERS = frozenset({"", "none", "null", "nil", "nan", "n/a", "na", "-", "unknown"})
"""What exporters write for a missing date: no date, and nothing to warn about."""


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the user should know about an input that was read all the same (an
    encoding that had to be guessed, a publication date left empty)."""

    message: str


def fingerprint(text: str) -> str:
    """sha256 (hex) of the text after NFKC, casefolding and collapsing all whitespace."""
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def _no_nul(value: str) -> str:
    return value.replace("\x00", "\ufffd")


def make_article(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    origin: str | None = None,
    date_order: str | None = None,
    warn: Callable[[str], None] | None = None,
) -> Article:
    """An ``Article`` for ``text``, with fingerprint, id, normalised date and language.

    Args:
        text: the article text, kept as given (all offsets will index it) but for NUL
            characters, which become U+FFFD, one for one: no database text column can
            hold them in PostgreSQL, and a control character is no word in any language.
        id: the caller's id; blank or None derives one from the fingerprint.
        title, url, publisher: kept as given, stripped; blank becomes None.
        published: any complete date; stored as ISO 8601 (``2024-08-01`` or a datetime).
        origin: where the text came from, named in error messages.
        date_order: ``dmy`` or ``mdy``, how ``published`` writes a numeric date.
        warn: told why a ``published`` that cannot be read was left empty; without it,
            such a date is an error.

    Raises:
        EmptyInputError: the text is blank.
        MalformedRecordError: ``published`` is not a complete date and ``warn`` is None.
    """
    where = origin or "the article"
    text = _no_nul(text)
    id, title, url, publisher = (_no_nul(v) if v else v for v in (id, title, url, publisher))
    if not text.strip():
        raise EmptyInputError(f"{where} has no text", "it is empty or only whitespace",
                              "Give the article text, or leave this input out")
    digest = fingerprint(text)
    return Article(
        text=text,
        fingerprint=digest,
        id=_blank_to_none(id) or digest[:ID_LENGTH],
        title=_blank_to_none(title),
        url=_blank_to_none(url),
        published=_published(published, where, date_order, warn),
        publisher=_blank_to_none(publisher),
        language=detect_language(text),
        origin=origin,
    )


def article_with(text: str, fields: Mapping[str, str | None], *, origin: str,
                 warn: Callable[[str], None] | None = None) -> Article:
    """``make_article`` with its metadata (and ``date_order``) taken from ``fields``, as the
    readers hold them; other keys are ignored."""
    return make_article(text, origin=origin, warn=warn, id=fields.get("id"),
                        title=fields.get("title"), url=fields.get("url"),
                        published=fields.get("published"), publisher=fields.get("publisher"),
                        date_order=fields.get("date_order"))


def noted(build: Callable[[Callable[[str], None]], Article]
          ) -> Iterator[Article | InputError | Notice]:
    """The article ``build`` makes (given where to tell what it leaves empty), after a Notice
    for each thing told; or the InputError that says why there is none."""
    notes: list[str] = []
    try:
        article = build(notes.append)
    except InputError as error:
        yield error
        return
    yield from map(Notice, notes)
    yield article


def check_meta(meta: Mapping[str, str | None] | None) -> Mapping[str, str]:
    """The caller's metadata with None values dropped and the date normalised.

    ``date_order`` (``dmy`` or ``mdy``) may go with the fields: it says how to read numeric
    dates, the one given here and those the input itself holds.

    Raises:
        ValueError: a key other than ``META_FIELDS`` and ``date_order`` (a programming error).
        InputError: ``published`` is not a complete date, or reads two ways and no order is
            given; ``date_order`` is not one of ``ORDERS``.
    """
    given = {key: value for key, value in (meta or {}).items() if value is not None}
    unknown = sorted(set(given) - {*META_FIELDS, "date_order"})
    if unknown:
        raise ValueError(f"unknown metadata {unknown}; expected some of {list(META_FIELDS)}")
    order = given.get("date_order")
    if order is not None and order not in ORDERS:
        raise InputError(f"the date order {order!r} is not known",
                         f"it is one of {', '.join(ORDERS)}", "Give dmy (day first) or mdy")
    if "published" in given:
        try:
            given["published"] = normalise_date(given["published"], order)
        except AmbiguousDateError as exc:
            raise InputError("the publication date given reads two ways", str(exc),
                             "Say which with --date-order dmy or --date-order mdy, or write "
                             "it as YYYY-MM-DD") from None
        except ValueError as exc:
            raise InputError("the publication date given is not a date", str(exc),
                             _DATE_FIX) from None
    return MappingProxyType(given)


def _published(value: str | None, where: str, order: str | None,
               warn: Callable[[str], None] | None) -> str | None:
    """The publication date as ISO 8601 text; an unreadable one is None, told to ``warn``
    (a MalformedRecordError naming ``where`` without it)."""
    if value is None or value.strip().casefold() in PLACEHOLDERS:
        return None
    try:
        return normalise_date(value, order)
    except ValueError as exc:
        if warn is None:
            raise MalformedRecordError(f"{where} has an unreadable publication date", str(exc),
                                       _DATE_FIX) from None
        fix = ("give --date-order dmy or mdy" if isinstance(exc, AmbiguousDateError)
               else "write it as YYYY-MM-DD")
        warn(f"{where}: publication date {value!r} left empty: {exc}; to keep it, {fix}")
        return None


def _blank_to_none(value: str | None) -> str | None:
    """The value stripped, or None when it is missing or blank."""
    if value is None:
        return None
    return value.strip() or None
