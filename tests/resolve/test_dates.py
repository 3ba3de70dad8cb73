"""Time expressions resolved against the publication date (a Tuesday: 2024-10-08)."""

from __future__ import annotations

import pytest

from wirewatch.resolve.dates import resolve_time

PUBLISHED = "2024-10-08"


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("on Tuesday", "2024-10-08", "day"),  # the article's own weekday is that day
    ("Monday night", "2024-10-07", "day"),
    ("last Tuesday", "2024-10-01", "day"),
    ("Friday", "2024-10-04", "day"),  # reported, so the past Friday
    ("yesterday", "2024-10-07", "day"),
    ("three days ago", "2024-10-05", "day"),
    ("last week", "2024-09-30", "week"),  # the week's Monday
    ("last month", "2024-09", "month"),
    ("earlier this month", "2024-10", "month"),
    ("last November", "2023-11", "month"),
    ("Nov. 17", "2023-11-17", "day"),  # no year: the latest not after publication
    ("November 17, 2001", "2001-11-17", "day"),
    ("March 2001", "2001-03", "month"),
    ("1988", "1988", "year"),
    ("this year", "2024", "year"),
    ("previously", "2024-10-08", "before"),
    ("later", "2024-10-08", "after"),
])
def test_news_expressions(text, value, precision):
    assert resolve_time(text, PUBLISHED) == (value, precision)


@pytest.mark.parametrize("text", ["four years", "the last two weeks", "a 23-month", "the 1970s",
                                  "the past two months", "Feb. 30"])
def test_durations_decades_and_impossible_dates_are_not_points(text):
    assert resolve_time(text, PUBLISHED) == (None, None)


def test_planned_acts_look_ahead():
    assert resolve_time("Friday", PUBLISHED, future=True) == ("2024-10-11", "day")
    assert resolve_time("May 5", PUBLISHED, future=True) == ("2025-05-05", "day")
    assert resolve_time("next week", PUBLISHED) == ("2024-10-14", "week")


def test_without_a_publication_date_only_what_the_text_dates():
    assert resolve_time("March 2001", None) == ("2001-03", "month")
    assert resolve_time("on Tuesday", None) == (None, None)
    assert resolve_time("previously", None) == (None, "before")


def test_a_full_date_wins_over_its_weekday():
    assert resolve_time("Tuesday, May 7, 2024", PUBLISHED) == ("2024-05-07", "day")
    assert resolve_time("on May 17, 2001", PUBLISHED) == ("2001-05-17", "day")
