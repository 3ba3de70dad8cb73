"""Record formats: JSON Lines and CSV, one article per line or row.

A bad record is reported and skipped, never fatal: the error names the file and
line, and the records around it are still read. Fields other than ``text`` are
optional; unknown JSON fields and CSV columns are ignored so that exports from
other tools (with ``topic``, ``label`` and the like) can be read as they are.
Metadata never costs an article: an optional field that cannot be read (a date
that is no date, a URL given as a number) is left empty and reported as a
``Notice`` naming the line and the value. A numeric ``published`` is Unix time.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import math
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from wirewatch.errors import EmptyInputError, InputError, MalformedRecordError
from wirewatch.ingest.article import Notice, article_with, noted
from wirewatch.model import Article

RECORD_FIELDS = ("id", "url", "title", "published", "publisher", "text")
"""The fields read from a record; all but ``text`` are optional."""
Result = Article | InputError | Notice

_FIX = "Fix or remove that record"


def from_jsonl(text: str, origin: str, meta: Mapping[str, str]) -> Iterator[Result]:
    """One article per non-blank line, each a JSON object with at least ``text``."""
    for number, line in enumerate(io.StringIO(text), start=1):
        if line.strip():
            yield from noted(functools.partial(parse_record, line, f"{origin}:{number}", meta))


def parse_record(line: str, where: str, meta: Mapping[str, str],
                 warn: Callable[[str], None]) -> Article:
    """The article of one JSON line (``where`` names it in errors and in what is told to
    ``warn``); raises InputError."""
    return _article(_parse_json(line, where, warn), where, meta, warn)


def from_csv(text: str, origin: str, meta: Mapping[str, str]) -> Iterator[Result]:
    """One article per row of a CSV file whose header names a ``text`` column."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [name.strip().lower() for name in next(reader, [])]
    if "text" not in header:
        yield MalformedRecordError(f"{origin} has no 'text' column", f"its header is {header}",
                                   "Add a header row naming the columns, one of them 'text'")
        return
    line, reported = reader.line_num + 1, 0
    try:
        for row in reader:
            where, line = f"{origin}:{line}", reader.line_num + 1
            if any(cell.strip() for cell in row):
                reported += 1
                yield from _csv_record(header, row, where, meta)
    except csv.Error as exc:
        reported += 1
        yield MalformedRecordError(f"{origin}:{line} cannot be read as CSV", str(exc),
                                   "Check that record's quoting and length (at most "
                                   f"{csv.field_size_limit():,} characters a field); "
                                   "the records after it were not read")
    if reported == 0:
        yield EmptyInputError(f"{origin} has no records", "it has a header row and nothing under it",
                              "Add rows under the header, or leave the file out")


def _csv_record(header: list[str], row: list[str], where: str,
                meta: Mapping[str, str]) -> Iterator[Result]:
    """The article of one CSV row and what to know about it, or the error that says why
    it was skipped."""
    return noted(lambda warn: _article(_parse_row(header, row, where, warn), where, meta, warn))


def _article(fields: dict[str, str | None], where: str, meta: Mapping[str, str],
             warn: Callable[[str], None]) -> Article:
    """The article of one checked record; ``meta`` overrides the record's own metadata."""
    text = fields.pop("text") or ""
    return article_with(text, {**fields, **meta}, origin=where, warn=warn)


def _parse_json(line: str, where: str, warn: Callable[[str], None]) -> dict[str, str | None]:
    """The known fields of one JSON line, checked for type."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(f"{where} is not valid JSON",
                                   f"{exc.msg} at column {exc.colno}", _FIX) from None
    if not isinstance(value, dict):
        raise MalformedRecordError(f"{where} is not a JSON object",
                                   f"it is a JSON {type(value).__name__}", _FIX)
    if isinstance(value.get("id"), int) and not isinstance(value["id"], bool):
        value["id"] = str(value["id"])
    published = value.get("published")
    if isinstance(published, int | float) and not isinstance(published, bool):
        # Unix time; NaN and Infinity (which JSON readers accept) are no time at all
        value["published"] = str(int(published)) if math.isfinite(published) else str(published)
    return _check_fields(value, where, warn)


def _parse_row(header: list[str], row: list[str], where: str,
               warn: Callable[[str], None]) -> dict[str, str | None]:
    """The known fields of one CSV row; empty cells are treated as missing by make_article."""
    if len(row) != len(header):
        raise MalformedRecordError(f"{where} does not match the header",
                                   f"it has {len(row)} fields and the header {len(header)}", _FIX)
    return _check_fields(dict(zip(header, row)), where, warn)


def _check_fields(record: dict[str, Any], where: str,
                  warn: Callable[[str], None]) -> dict[str, str | None]:
    """The record's known fields; ``text`` must be a string and ``id`` a string or null.
    Metadata of another type is left empty and told to ``warn``."""
    text = record.get("text")
    if not isinstance(text, str):
        why = "it has no 'text' field" if text is None else "its 'text' is not a string"
        raise MalformedRecordError(f"{where} has no article text", why,
                                   "Give the article as a string in 'text'")
    fields = {name: record.get(name) for name in RECORD_FIELDS}
    if fields["id"] is not None and not isinstance(fields["id"], str):
        raise MalformedRecordError(f"{where} has an id of the wrong type",
                                   "id should be text, a whole number or null", _FIX)
    for name, value in fields.items():
        if value is not None and not isinstance(value, str):
            warn(f"{where}: {name} {json.dumps(value)[:80]} left empty: it should be text")
            fields[name] = None
    return fields
