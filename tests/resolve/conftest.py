"""Fixtures for the resolver tests: the shipped gazetteer and country index, and tiny ones."""

from __future__ import annotations

import pytest

from wirewatch.resolve.countries import CountryIndex, CountryRecord
from wirewatch.resolve.gazetteer import Gazetteer
from wirewatch.resolve.geodata import Admin1Record, PlaceRecord


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def country_index() -> CountryIndex:
    return CountryIndex.load()


TINY_COUNTRIES = (
    CountryRecord("RUS", "RU", "Russia", ("Russian Federation",), ("Russian", "Russians"),
                  ("Moscow",), ("Kremlin", "the Kremlin"), 61.0, 99.0, 144_000_000),
    CountryRecord("USA", "US", "United States", ("U.S.", "US", "America"), ("American",),
                  ("Washington",), ("White House",), 38.0, -97.0, 330_000_000),
    CountryRecord("GEO", "GE", "Georgia", (), ("Georgian",), ("Tbilisi",), (), 42.0, 43.5,
                  3_700_000),
)
TINY_ADMIN1 = (
    Admin1Record("RU-KRS", "RUS", "Kursk Oblast", 51.7, 36.2, "Administrative region", 775_000,
                 ("Kursk", "Kursk Region", "Kursk Oblast")),
    Admin1Record("US-WA", "USA", "Washington", 47.3, -121.5, "State", 6_000_000,
                 ("Washington State",)),
    Admin1Record("US-GA", "USA", "Georgia", 33.0, -83.6, "State", 4_500_000, ("Georgia State",)),
)
TINY_PLACES = (
    PlaceRecord("Kursk", "RUS", "RU-KRS", 51.74, 36.19, 448_000, "gn:538560"),
    PlaceRecord("Moscow", "RUS", None, 55.75, 37.62, 10_000_000, "gn:524901"),
    PlaceRecord("Moscow", "USA", None, 46.73, -117.0, 25_000, "gn:5601538"),
    PlaceRecord("Washington", "USA", "US-DC", 38.9, -77.04, 690_000, "gn:4140963",
                ("Washington, D.C.",)),
    PlaceRecord("Washington", "GBR", None, 54.9, -1.52, 67_000, "gn:2634715"),
    PlaceRecord("Tbilisi", "GEO", None, 41.69, 44.83, 1_100_000, "gn:611717"),
    PlaceRecord("Us", "FRA", None, 49.1, 1.97, 1_200, "rg:42"),
)


@pytest.fixture()
def tiny_tables() -> tuple[tuple[CountryRecord, ...], tuple[Admin1Record, ...],
                           tuple[PlaceRecord, ...]]:
    return TINY_COUNTRIES, TINY_ADMIN1, TINY_PLACES


@pytest.fixture()
def tiny_gazetteer() -> Gazetteer:
    return Gazetteer(TINY_COUNTRIES, TINY_ADMIN1, TINY_PLACES)


@pytest.fixture()
def tiny_countries() -> CountryIndex:
    return CountryIndex(TINY_COUNTRIES)
