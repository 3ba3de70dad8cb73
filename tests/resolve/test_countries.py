"""The country index: names, aliases, demonyms, capitals and metonyms to ISO3 codes."""

from __future__ import annotations

import pytest

from wirewatch.resolve.countries import CountryIndex, load_country_records


@pytest.mark.parametrize(("text", "iso3", "kind"), [
    ("North Korean", "PRK", "demonym"),
    ("North Koreans", "PRK", "demonym"),
    ("Russian", "RUS", "demonym"),
    ("Russians", "RUS", "demonym"),
    ("American", "USA", "demonym"),
    ("British", "GBR", "demonym"),
    ("Ukrainian", "UKR", "demonym"),
    ("Chinese", "CHN", "demonym"),
    ("Iranian", "IRN", "demonym"),
    ("Israeli", "ISR", "demonym"),
    ("Palestinian", "PSE", "demonym"),
    ("Nigerien", "NER", "demonym"),
    ("Nigerian", "NGA", "demonym"),
    ("North Korea", "PRK", "name"),
    ("North Korea’s", "PRK", "name"),
    ("north korea", "PRK", "name"),
    ("Russia's", "RUS", "name"),
    ("Georgia", "GEO", "name"),
    ("Chad", "TCD", "name"),
    ("Jordan", "JOR", "name"),
    ("Niger", "NER", "name"),
    ("Palestine", "PSE", "name"),
    ("Kosovo", "XKX", "name"),
    ("the DPRK", "PRK", "alias"),
    ("Democratic People's Republic of Korea", "PRK", "alias"),
    ("ROK", "KOR", "alias"),
    ("U.S.", "USA", "alias"),
    ("US", "USA", "alias"),
    ("the United States of America", "USA", "alias"),
    ("UK", "GBR", "alias"),
    ("Great Britain", "GBR", "alias"),
    ("Russian Federation", "RUS", "alias"),
    ("Türkiye", "TUR", "alias"),
    ("Burma", "MMR", "alias"),
    ("Côte d'Ivoire", "CIV", "alias"),
    ("Pyongyang", "PRK", "capital"),
    ("Moscow", "RUS", "capital"),
    ("Kyiv", "UKR", "capital"),
    ("Kiev", "UKR", "capital"),
    ("Washington", "USA", "capital"),
    ("the Kremlin", "RUS", "metonym"),
    ("Kremlin's", "RUS", "metonym"),
    ("the White House", "USA", "metonym"),
    ("Downing Street", "GBR", "metonym"),
    ("Élysée", "FRA", "metonym"),
    ("Elysee", "FRA", "metonym"),
    ("Zhongnanhai", "CHN", "metonym"),
])
def test_match(country_index: CountryIndex, text: str, iso3: str, kind: str) -> None:
    found = country_index.match(text)
    assert found is not None
    assert (found.iso3, found.kind) == (iso3, kind)
    assert found.name == country_index.name(iso3)


@pytest.mark.parametrize("text", ["United Nations", "European Union", "Korean", "us", "Us",
                                  "turkey", "china", "russian", "Kim Jong-un", "", "the", "'s"])
def test_no_match(country_index: CountryIndex, text: str) -> None:
    assert country_index.match(text) is None


@pytest.mark.parametrize("text, iso3", [
    ("Afganistan", "AFG"), ("Phillippines", "PHL"), ("Kazakstan", "KAZ"),
    ("Ukranian", "UKR"),
])
def test_a_slip_in_a_name_or_demonym_is_forgiven(country_index: CountryIndex, text: str,
                                                  iso3: str) -> None:
    found = country_index.match(text, misspelt=True)
    assert found is not None and found.iso3 == iso3
    assert country_index.match(text) is None  # only for names the model tagged


@pytest.mark.parametrize("text", ["Indiana", "Americas", "Indias", "Jordans", "Columbia", "Irak",
                                  "afganistan", "Mosccow", "Prussia", "Iberian", "Syriza"])
def test_other_words_and_short_or_lowercase_names_are_not_guessed(
        country_index: CountryIndex, text: str) -> None:
    assert country_index.match(text, misspelt=True) is None
    assert country_index.match("Hungry") is None  # a capitalised word is not a tagged name


def test_common_english_names(country_index: CountryIndex) -> None:
    names = {iso3: country_index.name(iso3) for iso3 in
             ("RUS", "PRK", "KOR", "IRN", "SYR", "USA", "GBR", "VNM", "TWN", "BOL", "VEN",
              "TZA", "LAO", "MDA", "CZE", "TUR", "PSE", "XKX")}
    assert names == {
        "RUS": "Russia", "PRK": "North Korea", "KOR": "South Korea", "IRN": "Iran",
        "SYR": "Syria", "USA": "United States", "GBR": "United Kingdom", "VNM": "Vietnam",
        "TWN": "Taiwan", "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania", "LAO": "Laos",
        "MDA": "Moldova", "CZE": "Czechia", "TUR": "Turkey", "PSE": "Palestine", "XKX": "Kosovo",
    }
    with pytest.raises(KeyError):
        country_index.name("XXX")


def test_every_country_is_listed_once_with_a_demonym() -> None:
    records = load_country_records()
    assert len(records) == 250
    assert len({r.iso3 for r in records}) == len({r.iso2 for r in records}) == 250
    missing = [r.iso3 for r in records if not r.demonyms or not r.demonyms[0].strip()]
    assert missing == []
    assert all(-90 <= r.lat <= 90 and -180 <= r.lon <= 180 for r in records)


def test_every_country_name_finds_its_country(country_index: CountryIndex) -> None:
    wrong = [(r.name, getattr(country_index.match(r.name), "iso3", None))
             for r in load_country_records()
             if getattr(country_index.match(r.name), "iso3", None) != r.iso3]
    assert wrong == []


def test_shared_forms_go_to_the_stronger_kind_then_the_larger_country(
        tiny_countries: CountryIndex) -> None:
    from wirewatch.resolve.countries import CountryRecord

    index = CountryIndex([
        CountryRecord("COD", "CD", "DR Congo", ("Congo",), ("Congolese",), population=90),
        CountryRecord("COG", "CG", "Republic of the Congo", (), ("Congolese", "Congo"),
                      population=5),
    ])
    congo, congolese = index.match("Congo"), index.match("Congolese")
    assert congo is not None and (congo.iso3, congo.kind) == ("COD", "alias")
    assert congolese is not None and congolese.iso3 == "COD"
    kremlin = tiny_countries.match("the Kremlin")
    assert kremlin is not None and kremlin.kind == "metonym"
    assert tiny_countries.match("Moscow") is not None
    assert tiny_countries.record("GEO") is not None and tiny_countries.record("FRA") is None
