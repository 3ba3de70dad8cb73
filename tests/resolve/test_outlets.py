"""The publisher's home country, and what it decides among namesakes."""

from __future__ import annotations

import pytest

from wirewatch.resolve.countries import CountryIndex
from wirewatch.resolve.gazetteer import Gazetteer
from wirewatch.resolve.outlets import home_country


@pytest.mark.parametrize(("url", "country"), [
    ("https://www.cbc.ca/news/canada/hamilton/story-1.2", "CAN"),
    ("http://www.thisisoxfordshire.co.uk/news/1", "GBR"),
    ("https://www.abc.net.au/news/2024", "AUS"),
    ("https://www.nytimes.com/2024/01/01/us/story.html", "USA"),
    ("https://edition.cnn.com/2024/01/01/world", "USA"),
    ("theguardian.com/world/2024", "GBR"),
    ("https://www.reuters.com/world/", None),  # a wire: at home everywhere
    ("https://startup.io/blog", None),  # a country code sold as a generic name
    ("https://example.com/", None),
    ("not a url at all", None),
    (None, None),
])
def test_home_country_from_the_address(url: str | None, country: str | None) -> None:
    assert home_country(url, CountryIndex.load()) == country


@pytest.mark.parametrize(("name", "home", "country"), [
    ("Hamilton", None, "CAN"),
    ("Hamilton", "NZL", "NZL"),  # a New Zealand paper's Hamilton
    ("Kingston", "CAN", "CAN"),  # not Jamaica's capital, 7 times larger
    ("Birmingham", "USA", "USA"),  # Alabama's, in an American paper
    ("Birmingham", None, "GBR"),
    ("London", "CAN", "GBR"),  # England's London is 21 times Ontario's
    ("Paris", "USA", "FRA"),
])
def test_a_namesake_at_home_wins_unless_ten_times_smaller(
        name: str, home: str | None, country: str) -> None:
    found = Gazetteer.load().lookup(name, home=home)
    assert found is not None and found.country == country


def test_what_the_article_says_comes_before_the_publisher() -> None:
    found = Gazetteer.load().lookup("London", countries=["CAN"], home="GBR")
    assert found is not None and found.country == "CAN"


@pytest.mark.slow
def test_an_articles_address_decides_a_local_name(code_text) -> None:
    text = "Police in Kingston arrested two men after a shooting on Princess Street."
    places = {
        url: [p.country for p in code_text(text, url=url).places if p.name == "Kingston"]
        for url in ("https://www.thewhig.ca/news/local", "https://www.jamaica-gleaner.com/x")}
    assert places == {"https://www.thewhig.ca/news/local": ["CAN"],
                      "https://www.jamaica-gleaner.com/x": ["JAM"]}
