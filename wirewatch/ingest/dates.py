"""Publication dates, normalised to ISO 8601 text.

Sources write dates every which way ("2024-08-01", "Thu, 01 Aug 2024 09:30:00 GMT",
"1 August 2024"). Stored dates must sort and compare, so each is parsed and written
back as ISO 8601: a date when only a date was given, a datetime when a time was.
A date that is missing its day, month or year is refused rather than completed
with a guess.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from dateutil import parser, tz

# Two different defaults: a field that differs between the two parses was not in the text.
_DEFAULT_A = datetime(2000, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2001, 2, 2, 1, 1, 1)


def normalise_date(value: str) -> str:
    """``value`` as ISO 8601 text: ``YYYY-MM-DD`` or a full datetime.

    Raises:
        ValueError: the value is not a complete date; the message says why.
    """
    text = value.strip()
    if not text:
        raise ValueError("it is blank")
    try:
        return _from_iso(text)
    except ValueError:
        return _from_dateutil(text)


def _from_iso(text: str) -> str:
    """Strict ISO 8601 first: the common case, and unambiguous."""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return datetime.fromisoformat(text).isoformat()


def _from_dateutil(text: str) -> str:
    """Anything dateutil can read, as long as the day, month and year are all given."""
    try:
        first = parser.parse(text, default=_DEFAULT_A, tzinfos=_timezone)
        second = parser.parse(text, default=_DEFAULT_B, tzinfos=_timezone)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"{text!r} is not a date ({exc})") from None
    if first.date() != second.date():
        raise ValueError(f"{text!r} does not give a full date (day, month and year)")
    if first.hour != second.hour:
        return first.date().isoformat()
    return first.isoformat()


def _timezone(name: str | None, offset: int | None) -> tzinfo | None:
    """Resolve a zone name or offset; an unknown name leaves the time naive, without a warning."""
    if offset is not None:
        return tz.tzoffset(name, offset)
    if name in {"UTC", "GMT", "Z"}:
        return tz.UTC
    return tz.gettz(name) if name else None
