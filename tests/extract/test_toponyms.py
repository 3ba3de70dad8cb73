"""The geoparser: every place name in an article, however used, resolved in context."""

from __future__ import annotations

import pytest

from wirewatch.clean import Cleaner
from wirewatch.extract.reading import ArticleReading, Resolvers
from wirewatch.ingest import make_article
from wirewatch.pipeline import CleanStage, NlpStage, Work
from wirewatch.settings import Settings

pytestmark = pytest.mark.slow


def toponyms(text: str) -> list[tuple[str, str | None, str | None, str]]:
    settings = Settings()
    [work] = NlpStage(settings.model, 4).run(
        CleanStage(Cleaner.from_settings(settings), settings.languages).run([Work(make_article(text))]))
    assert work.clean is not None and work.doc is not None
    found = ArticleReading(work.doc, work.clean, Resolvers.load()).toponyms()
    assert all(text[p.start:p.end] == p.text for p in found)
    return [(p.text, p.country, p.admin1, p.precision) for p in found]


def test_demonyms_capitals_as_governments_and_places_all_count():
    found = toponyms("Moscow said Russian troops shelled Kharkiv on Monday.")
    assert [(t, c) for t, c, _, _ in found] == [("Moscow", "RUS"), ("Russian", "RUS"),
                                                ("Kharkiv", "UKR")]


def test_a_town_is_taken_in_the_state_the_article_names():
    found = toponyms("ALEXANDRIA, Minn. — The Alexandria school board met on Monday in "
                     "Douglas County to discuss the new budget.")
    assert ("ALEXANDRIA", "USA", "US-MN", "city") in found  # the dateline, in the state named
    assert ("Minn.", "USA", "US-MN", "admin1") in found
    assert ("Douglas County", "USA", "US-MN", "admin2") in found
    # a place named inside another name, known as a place in this article
    assert [t for t, *_ in found].count("Alexandria") == 1


def test_names_inside_organisations_only_when_they_are_places_here():
    found = toponyms("The Minnesota Department of Transportation closed the road. Paris Hilton "
                     "arrived in Fargo on Monday.")
    texts = [t for t, *_ in found]
    assert "Minnesota" in texts and "Fargo" in texts  # a state is a place wherever it stands
    assert "Paris" not in texts  # a town's name in a person's, not a place in this article


def test_a_town_is_named_by_its_institutions_and_people_or_its_size():
    found = toponyms("A Lancaster woman told the Oxford City Council that Harare had replied. "
                     "Jesse Jackson spoke on Monday.")
    places = {t: c for t, c, *_ in found}
    assert places.get("Lancaster") is not None and places.get("Oxford") is not None
    assert places.get("Harare") == "ZWE"  # a big city, whatever the model took it for
    assert "Jackson" not in places  # a big city's name inside a person's is the person
    later = [t for t, *_ in toponyms("Lloyd Austin visited the Royal Albert Hall. Austin said "
                                     "the talks went well.")]
    assert "Austin" not in later and "Albert" not in later  # his surname; part of a hall's name


def test_the_names_of_a_local_story_are_read_together():
    found = toponyms("Police in Monroe, Trenton and Middletown searched for the man, who was "
                     "later arrested in Hamilton.")
    # names that many states share (the best-known: Louisiana's Monroe, New Jersey's Trenton,
    # Ontario's Hamilton); Butler County, Ohio has them all within 30 km
    assert {t: admin1 for t, _, admin1, _ in found} == {
        "Monroe": "US-OH", "Trenton": "US-OH", "Middletown": "US-OH", "Hamilton": "US-OH"}


def test_a_name_the_model_missed_is_a_town_among_the_storys_places_not_a_persons():
    found = toponyms("Fire crews from Monroe, Trenton and Middletown were called to a barn in "
                     "Hamilton. Franklin told reporters that Franklin had warned them in March.")
    assert [t for t, *_ in found] == ["Monroe", "Trenton", "Middletown", "Hamilton"]


def test_world_cities_do_not_follow_small_namesakes():
    found = toponyms("Flights from Moscow to Paris and Berlin were cancelled; London and "
                     "Dublin said Athens would reopen its airport.")
    assert {t: c for t, c, _, _ in found} == {"Moscow": "RUS", "Paris": "FRA", "Berlin": "DEU",
                                             "London": "GBR", "Dublin": "IRL", "Athens": "GRC"}



@pytest.mark.parametrize(("text", "expected"), [
    # a county's, a country's or a state's name as a person's first name is no place
    ("Senator Angus King said Devon Allen won the race.", []),
    ("Jordan Peterson and Chad Johnson met Rep. Virginia Foxx.", []),
    # a place as an object is a location; the state acts as a subject
    ("Rockets hit Kyiv on Monday.", [("Kyiv", "location")]),
    ("Kyiv said rockets hit the city.", [("Kyiv", "actor")]),
])
def test_uses(text, expected):
    settings = Settings()
    [work] = NlpStage(settings.model, 4).run(
        CleanStage(Cleaner.from_settings(settings), settings.languages).run([Work(make_article(text))]))
    found = ArticleReading(work.doc, work.clean, Resolvers.load()).toponyms()
    assert [(p.text, p.use) for p in found] == expected


def test_a_story_that_names_its_country_keeps_its_towns_there():
    found = toponyms("Greek archaeologists working in Athens and Sparta found a tomb, "
                     "officials in Greece said.")
    assert {t: c for t, c, _, _ in found if t in {"Athens", "Sparta"}} == {
        "Athens": "GRC", "Sparta": "GRC"}


def test_a_country_name_is_the_division_of_that_name_where_the_storys_towns_lie():
    local = toponyms("Schools in Macon and Savannah closed on Monday as the storm crossed "
                     "Georgia, officials said.")
    assert ("Georgia", "USA", "US-GA", "admin1") in local
    abroad = toponyms("Protesters in Tbilisi and Batumi marched on Monday as Georgia prepared "
                      "for the vote.")
    assert ("Georgia", "GEO", None, "country") in abroad


def test_a_persons_name_and_a_tiny_division_named_bare_are_no_places():
    texts = [t for t, *_ in toponyms(
        "Former reporter Bill Holland covered the trial. Holland recalled the verdict on "
        "Monday. The bill was robbing Peter to pay Paul, a senator said.")]
    assert "Holland" not in texts and "Paul" not in texts
    assert [t for t, *_ in toponyms("Bill Holland flew to Holland on Monday.")] == ["Holland"]


def test_a_first_name_a_people_and_a_locative_keep_their_places():
    """A country that is someone's first name is still the country ("Israel Katz ... Israel
    launched"); a people named keeps its country's name the country; a small division where a
    place stands is read."""
    assert ("Israel", "ISR", None, "country") in toponyms(
        "Israeli Defense Minister Israel Katz said on Monday that Israel launched strikes on Iran.")
    assert ("Georgia", "GEO", None, "country") in toponyms(
        "Georgian President Salome Zourabichvili spoke to students in Atlanta on Monday. Russia "
        "occupies 20 percent of Georgia, she said.")
    assert ("Quneitra", "SYR", "SY-QU", "admin1") in toponyms(
        "Syrian troops advanced into Quneitra on Monday, officials said.")
