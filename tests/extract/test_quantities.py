"""Reading numbers: exact, approximate, bounded, ranges and vague amounts."""

from __future__ import annotations

import pytest

from wirewatch.extract.quantities import read_number


@pytest.mark.parametrize("words, value, low, high, approximate", [
    (["5,000"], 5000, None, None, False),
    (["around", "15,000"], 15000, None, None, True),
    (["more", "than", "1,000"], 1000, 1000, None, True),
    (["up", "to", "300"], 300, None, 300, True),
    (["thousands"], None, 2000, 9999, True),
    (["tens", "of", "thousands"], None, 20000, 99999, True),
    (["hundreds", "of", "thousands"], None, 200000, 999999, True),
    (["dozens"], None, 24, 99, True),
    (["5.5", "million"], 5_500_000, None, None, False),
    (["two", "dozen"], 24, None, None, False),
    (["twenty", "five"], 25, None, None, False),
    (["10", "to", "20"], None, 10, 20, False),
    (["between", "10", "and", "20"], None, 10, 20, False),
    (["about", "5", "-", "6,000"], None, 5000, 6000, True),  # the low end shares the thousands
    (["50", "-", "60,000"], None, 50000, 60000, False),
    (["200", "-", "3,000"], None, 200, 3000, False),  # a low end that stands on its own
    (["5", "-", "6", "million"], None, 5_000_000, 6_000_000, False),
    (["3,000", "-", "4,000"], None, 3000, 4000, False),
    (["500,000", "to", "1", "million"], None, 500_000, 1_000_000, False),
    (["2", "to", "3", "thousand"], None, 2000, 3000, False),
])
def test_read_number(words, value, low, high, approximate):
    reading = read_number(words)
    assert reading is not None
    assert (reading.value, reading.low, reading.high, reading.approximate) == (value, low, high, approximate)


def test_not_a_number():
    assert read_number(["several"]) is None
    assert read_number(["banana"]) is None


@pytest.mark.parametrize("words, value, low", [
    (["at", "least", "12"], 12, 12),
    (["$", "500", "million"], 500_000_000, None),
    (["about", "$", "2", "billion"], 2_000_000_000, None),
    (["100", "tons"], 100, None),
])
def test_bounds_currency_and_units(words, value, low):
    reading = read_number(words)
    assert reading is not None and (reading.value, reading.low) == (value, low)


@pytest.mark.parametrize("words", [["two", "-", "thirds"], ["Two-thirds"], ["half"],
                                   ["a", "quarter"], ["40", "percent"], ["12", "%"]])
def test_a_share_is_not_a_count(words):
    assert read_number(words) is None


@pytest.mark.slow
def test_a_range_the_model_cut_short_is_read_whole(code_text):
    coded = code_text("About 5-6,000 people protested in Minsk on Sunday.")
    [quantity] = [q for c in coded.claims for q in c.quantities] or [
        q for e in coded.events for q in e.quantities]
    assert (quantity.low, quantity.high) == (5000, 6000) and quantity.text == "About 5-6,000 people"
