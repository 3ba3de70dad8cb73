"""Publication dates, normalised to ISO 8601 text.

Sources write dates every which way ("2024-08-01", "Thu, 01 Aug 2024 09:30:00 GMT",
"14 November 2016 GMT", "Dec. 4, 2016 5:02 p.m. ET", "Updated 10.32 GMT, Monday 14
November 2016"). Stored dates must sort and compare, so each is parsed (dateutil, after
the tidying below) and written back as ISO 8601: a date when only a date was given, a
datetime when a time was, with its offset when a zone was named. A date that is missing
its day, month or year is refused rather than completed with a guess, and so is a numeric
date that reads two ways ("03/04/2005": 3 April or 4 March) unless the caller says which
order its source writes (``order="dmy"`` or ``"mdy"``).

The tidying is hand-written because dateutil stops at a zone with no time ("14 November 2016
GMT"), reads "10.32" as no time, and knows no North American zone letters ("ET").
"""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo

from dateutil import parser, tz

ORDERS = ("dmy", "mdy")
"""How a source writes numeric dates: day first (most of the world) or month first (the US)."""
EARLIEST, LATEST = "1800", "2199"
"""Years a publication date may have; others are misreadings ("1479081600" as 1479)."""
# Two different defaults: a field that differs between the two parses was not in the text.
_DEFAULT_A = datetime(2000, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2001, 2, 2, 1, 1, 1)
ZONES = {
    "UTC": "UTC", "GMT": "UTC", "Z": "UTC", "UT": "UTC",
    "ET": "America/New_York", "EST": "-05:00", "EDT": "-04:00",
    "CT": "America/Chicago", "CST": "-06:00", "CDT": "-05:00",
    "MT": "America/Denver", "MST": "-07:00", "MDT": "-06:00",
    "PT": "America/Los_Angeles", "PST": "-08:00", "PDT": "-07:00",
    "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00",
    "MSK": "+03:00", "IST": "+05:30", "PKT": "+05:00", "HKT": "+08:00", "SGT": "+08:00",
    "JST": "+09:00", "KST": "+09:00", "AEST": "+10:00", "AEDT": "+11:00", "WIB": "+07:00",
}
"""Zone abbreviations news sites print; "ET" and its kin follow daylight saving."""
_LABEL = re.compile(r"^\s*(?:(?:last\s+)?updated|(?:first\s+)?published|posted|modified|date)"
                    r"(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_DOTTED_TIME = re.compile(r"\b([01]?\d|2[0-3])\.([0-5]\d)\b(?!\.\d)")
_MERIDIEM = re.compile(r"\b([ap])\.\s?m\.?(?=\W|$)", re.IGNORECASE)
_ZONE = re.compile(r"(?<![\w+-])(" + "|".join(sorted(ZONES, key=len, reverse=True)) + r")(?!\w)")
_TIME = re.compile(r"\d:\d\d|\b\d{1,2}\s?[ap]m\b|T\d\d", re.IGNORECASE)
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?![\d/.-])")


class AmbiguousDateError(ValueError):
    """A numeric date that reads as two different days."""


def normalise_date(value: str, order: str | None = None) -> str:
    """``value`` as ISO 8601 text: ``YYYY-MM-DD`` or a full datetime.

    Args:
        value: a date as a source writes it.
        order: ``"dmy"`` or ``"mdy"``, how to read a numeric date such as 03/04/2005;
            None refuses one that reads two ways.

    Raises:
        AmbiguousDateError: a numeric date reads two ways and ``order`` is None.
        ValueError: the value is not a complete date; the message says why.
    """
    text = value.strip()
    if not text:
        raise ValueError("it is blank")
    try:
        if re.fullmatch(r"\d{10}|\d{13}", text):  # Unix time, in seconds or milliseconds
            found = datetime.fromtimestamp(int(text[:10]), tz.UTC).isoformat()
        else:
            found = _from_iso(text)
    except (ValueError, OverflowError, OSError):
        found = _from_dateutil(text, _dayfirst(text, order))
    if not EARLIEST <= found[:4] <= LATEST:
        raise ValueError(f"{text!r} reads as the year {found[:4]}, which is no publication date")
    return found


def _from_iso(text: str) -> str:
    """Strict ISO 8601 first: the common case, and unambiguous."""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return datetime.fromisoformat(text).isoformat()


def _dayfirst(text: str, order: str | None) -> bool:
    """Whether a numeric date in ``text`` puts the day first; refuses one that reads two ways."""
    if order is not None and order not in ORDERS:
        raise ValueError(f"date order {order!r} is not one of {', '.join(ORDERS)}")
    numeric = _NUMERIC.search(text)
    if numeric is None:
        return False  # "2016-11-03 10:00 ET" is year first, whatever the order of the rest
    if order is not None:
        return order == "dmy"
    first, second = int(numeric[1]), int(numeric[3])
    if first != second and first <= 12 and second <= 12:
        raise AmbiguousDateError(f"{numeric[0]!r} could be {_day_month(first, second)} (day "
                                 f"first) or {_day_month(second, first)} (month first)")
    return first > 12


def _day_month(day: int, month: int) -> str:
    return f"{day} {date(2000, month, 1):%B}"


def _tidy(text: str) -> str:
    """What dateutil reads: no "Updated" label, "10:32" for "10.32", "PM" for "p.m.", and a
    zone dropped when no time goes with it ("14 November 2016 GMT")."""
    text = _LABEL.sub("", text)
    text = _MERIDIEM.sub(lambda m: m[1].upper() + "M", text)
    if not re.search(r"\d\.\d{1,2}\.\d", text):  # 14.11.2016 is a date, not a time
        text = _DOTTED_TIME.sub(r"\1:\2", text)
    if not _TIME.search(text):
        text = _ZONE.sub(" ", text)
    return " ".join(text.replace(" ,", ",").split()).strip(" ,")


def _from_dateutil(text: str, dayfirst: bool) -> str:
    """Anything dateutil can read once tidied, as long as the day, month and year are given."""
    tidied = _tidy(text)
    try:
        first = parser.parse(tidied, default=_DEFAULT_A, tzinfos=_timezone, dayfirst=dayfirst)
        second = parser.parse(tidied, default=_DEFAULT_B, tzinfos=_timezone, dayfirst=dayfirst)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"{text!r} is not a date ({exc})") from None
    if first.date() != second.date():
        raise ValueError(f"{text!r} does not give a full date (day, month and year)")
    if first.hour != second.hour:
        return first.date().isoformat()
    return first.isoformat()


def _timezone(name: str | None, offset: int | None) -> tzinfo | None:
    """Resolve a zone name or offset; an unknown name leaves the time naive."""
    if offset is not None:
        return tz.tzoffset(name, offset)
    zone = ZONES.get(name or "")
    if zone is None:
        return tz.gettz(name) if name else None
    if zone == "UTC":
        return tz.UTC
    if zone[0] in "+-":
        hours, minutes = int(zone[1:3]), int(zone[4:6])
        return tz.tzoffset(name, (1 if zone[0] == "+" else -1) * (hours * 3600 + minutes * 60))
    return tz.gettz(zone)


__all__ = ["ORDERS", "ZONES", "AmbiguousDateError", "normalise_date"]
