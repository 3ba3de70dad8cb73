"""Time expressions resolved against the article's publication date.

    resolve_time("on Tuesday", "2024-10-08")     -> ("2024-10-08", "day")   (that Tuesday)
    resolve_time("last week", "2024-10-08")      -> ("2024-09-30", "week")  (its Monday)
    resolve_time("March 2001", None)             -> ("2001-03", "month")
    resolve_time("previously", "2024-10-08")     -> ("2024-10-08", "before")

Precisions: ``day``, ``week`` (the value is the week's Monday), ``month``, ``year``, and
``before``/``after`` (some time before or after the value, the publication date: "previously",
"later"). An expression that needs the publication date and has none gets ``(None,
"before")`` for "previously" and ``(None, None)`` otherwise; a duration ("for three hours",
"a 23-month civil war") or a decade is not a point in time and gets ``(None, None)``.

Hand-written rather than dateparser, which reads news conventions wrongly: "Tuesday" in an
article of Tuesday is that day, not a week before, and "four years" (a duration) is not
"four years ago". Weekdays and dates without a year are taken in the past, as news reports
them, unless the act is planned (``future=True``: "will meet on Friday").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {name: n for n, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], 1) for name in names}
WEEKDAYS = {name: n for n, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
BEFORE = frozenset({"previously", "earlier", "recently", "formerly", "once", "lately", "already",
                    "before", "in the past"})
AFTER = frozenset({"later", "soon", "in the future", "eventually"})
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
         "months": "month", "year": "year", "years": "year"}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_WORDS = re.compile(r"[a-z]+|\d+")

Resolved = tuple[str | None, str | None]


def resolve_time(text: str, published: str | None, *, future: bool = False) -> Resolved:
    """``(value, precision)`` for a time expression as written; see the module docstring."""
    words = _WORDS.findall(text.lower().replace(".", ""))
    phrase = " ".join(words)
    if not words:
        return None, None
    if phrase in BEFORE or phrase in AFTER:
        return published[:10] if published else None, "before" if phrase in BEFORE else "after"
    explicit = _explicit(words, published, future)
    if explicit != (None, None):
        return explicit
    if not published:
        return None, None
    try:
        today = date.fromisoformat(published[:10])
    except ValueError:
        return None, None
    return _relative(words, today, future)


def _explicit(words: list[str], published: str | None, future: bool) -> Resolved:
    """Dates that carry their own month or year: "March 2001", "Nov. 17, 2001", "1988"."""
    years = [int(w) for w in words if w.isdigit() and len(w) == 4 and 1800 <= int(w) <= 2100]
    # "may" is a month beside a number ("May 7", "May 2001") or alone, not "it may rain"
    months = [MONTHS[w] for i, w in enumerate(words) if w in MONTHS and (
        w != "may" or len(words) <= 2 or any(x.isdigit() for x in words[max(i - 1, 0):i + 2]))]
    days = [int(w) for w in words if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31]
    decade = any(w == "s" and i and words[i - 1].isdigit() for i, w in enumerate(words))
    if decade or any(w in UNITS for w in words) and not months:
        return None, None  # "the 1990s", "four years", "a 23-month war"
    if months:
        year = years[0] if years else _year_for(months[0], days[0] if days else 1, published, future)
        if year is None:
            return None, None
        if days:
            try:
                return date(year, months[0], days[0]).isoformat(), "day"
            except ValueError:
                return None, None
        return f"{year:04d}-{months[0]:02d}", "month"
    if years and len(words) <= 3:
        return f"{years[0]:04d}", "year"
    return None, None


def _year_for(month: int, day: int, published: str | None, future: bool) -> int | None:
    """The year of a month and day written without one: the latest not after publication
    (the next not before it, for a planned act)."""
    if not published:
        return None
    try:
        today = date.fromisoformat(published[:10])
        candidate = date(today.year, month, min(day, 28))
    except ValueError:
        return None
    if not future and candidate > today + timedelta(days=2):
        return today.year - 1
    if future and candidate < today - timedelta(days=2):
        return today.year + 1
    return today.year


def _relative(words: list[str], today: date, future: bool) -> Resolved:
    """Expressions counted from the publication date: weekdays, yesterday, last week, ago."""
    phrase = " ".join(words)
    if phrase in {"today", "tonight", "this morning", "this afternoon", "this evening"}:
        return today.isoformat(), "day"
    if phrase in {"yesterday", "last night"}:
        return (today - timedelta(days=1)).isoformat(), "day"
    if phrase == "tomorrow":
        return (today + timedelta(days=1)).isoformat(), "day"
    weekdays = [WEEKDAYS[w] for w in words if w in WEEKDAYS]
    if weekdays:
        shift = (today.weekday() - weekdays[0]) % 7
        if "last" in words and shift == 0:
            shift = 7
        if future or "next" in words:
            ahead = (weekdays[0] - today.weekday()) % 7 or (7 if "next" in words else 0)
            return (today + timedelta(days=ahead)).isoformat(), "day"
        return (today - timedelta(days=shift)).isoformat(), "day"
    if "ago" in words:
        return _ago(words, today)
    for step, word in ((-1, "last"), (0, "this"), (1, "next")):
        # "last week", "earlier this month"; not "the last two weeks", a duration
        if word in words and words.index(word) + 1 < len(words):
            unit = UNITS.get(words[words.index(word) + 1])
            if unit is not None and not words[words.index(word) + 1].endswith("s"):
                return _unit(today, unit, step)
    return None, None


def _ago(words: list[str], today: date) -> Resolved:
    """ "three days ago", "a week ago"."""
    i = words.index("ago")
    if i < 2 or words[i - 1] not in UNITS:
        return None, None
    count = NUMBERS.get(words[i - 2]) or (int(words[i - 2]) if words[i - 2].isdigit() else None)
    if count is None:
        return None, None
    unit = UNITS[words[i - 1]]
    if unit == "day":
        return (today - timedelta(days=count)).isoformat(), "day"
    if unit == "week":
        return _unit(today - timedelta(weeks=count), "week", 0)
    return _unit(today, unit, -count)


def _unit(today: date, unit: str, step: int) -> Resolved:
    """The week, month or year ``step`` units from the one ``today`` is in."""
    if unit == "day":
        return (today + timedelta(days=step)).isoformat(), "day"
    if unit == "week":
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
        return monday.isoformat(), "week"
    if unit == "month":
        months = today.year * 12 + today.month - 1 + step
        return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
    return f"{today.year + step:04d}", "year"


__all__ = ["resolve_time"]
