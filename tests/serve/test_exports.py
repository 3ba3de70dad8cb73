"""Exports round-trip through the libraries that read each format: json (PLOVER records),
ACLED CSV (csv), GeoJSON (the geojson package), Parquet (pyarrow) and FollowTheMoney
entities (followthemoney, required properties checked)."""

from __future__ import annotations

import csv
import io
import json

import geojson
import pyarrow.parquet as pq
import pytest
from followthemoney import model

from wirewatch.fuse.incidents import Mention, Source, fuse
from wirewatch.model import Actor, EventMention, Evidence, Place, Quantity, Span, TimeExpr
from wirewatch.resolve.kb import ActorKB
from wirewatch.serve.exports import ACLED_COLUMNS, export, happened
from wirewatch.serve.render import csv_cell

SENTENCE = ("Russian forces shelled Kharkiv on 3 March, killing 4 civilians, while Kim Jong-un "
            "pledged shells.")


def at(text: str) -> tuple[int, int]:
    start = SENTENCE.index(text)
    return start, start + len(text)


@pytest.fixture(scope="module")
def incidents():
    russia = Actor("Russian forces", *at("Russian forces"), "Russian forces", None, "RUS", "military")
    kim = Actor("Kim Jong-un", *at("Kim Jong-un"), "Kim Jong-un", "kim-jong-un", "PRK", "government")
    kharkiv = Place("Kharkiv", *at("Kharkiv"), "Kharkiv", "UKR", "UA-63", 49.98, 36.25, "city")
    killed = Quantity("4 civilians", *at("4 civilians"), 4.0, counted="civilians")
    evidence = (Evidence("a1", 0, len(SENTENCE), SENTENCE),)
    shelling = EventMention(event_type="ASSAULT", factuality="asserted",
                            trigger=Span("shelled", *at("shelled")), confidence=0.9,
                            source=(russia,), target=(kim,), place=kharkiv,
                            time=TimeExpr("on 3 March", *at("on 3 March"), "2025-03-03", "day"),
                            quantities=(killed,), evidence=evidence)
    pledge = EventMention(event_type="AGREE", factuality="planned", intended="AID",
                          trigger=Span("pledged", *at("pledged")), confidence=0.8, source=(kim,),
                          evidence=evidence)
    source = Source("a1", "2025-03-04", "Kyiv Post", "a1")
    return fuse([Mention(1, shelling, source), Mention(2, pledge, source)])


def test_json_has_plover_field_names(incidents):
    records = [json.loads(line) for line in export(incidents, "json").decode().splitlines()]
    assert [r["id"] for r in records] == ["wirewatch-I1", "wirewatch-I2"]
    shelling = records[0]
    assert shelling["event"] == ["ASSAULT"] and shelling["date"] == "2025-03-03"
    assert shelling["actor"][0] == {"code": "RUS", "sector": "military",
                                    "entity_text": "Russian forces", "name": "Russian forces",
                                    "id": None}
    assert shelling["event_loc"]["name"] == "Kharkiv" and shelling["event_loc"]["lat"] == 49.98
    assert shelling["event_text"] == [SENTENCE]
    assert records[1]["event_loc"] is None and records[1]["date"] == "2025-03-04"


def test_csv_has_acleds_columns(incidents):
    rows = list(csv.DictReader(io.StringIO(export(incidents, "csv").decode())))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert rows[0]["event_date"] == "2025-03-03" and rows[0]["country"] == "Ukraine"
    assert rows[0]["location"] == "Kharkiv" and rows[0]["geo_precision"] == "1"
    assert rows[0]["fatalities"] == "4" and rows[0]["source"] == "Kyiv Post"
    assert rows[0]["actor1"] == "Russian forces" and rows[0]["notes"] == SENTENCE
    assert rows[1]["latitude"] == "" and rows[1]["fatalities"] == "0"
    # ACLED codes what happened: the planned pledge is left out unless asked for
    kept = list(csv.DictReader(io.StringIO(export(happened(incidents), "csv").decode())))
    assert [r["event_type"] for r in kept] == [rows[0]["event_type"]]
    pledged = Quantity("shells", *at("shells"), None, counted="shells")
    assert acled_row_of(incidents[1], pledged)["fatalities"] == 0


def acled_row_of(incident, quantity):
    from dataclasses import replace

    from wirewatch.serve.exports import acled_row
    event = replace(incident.event, quantities=(quantity,))
    return acled_row(replace(incident, event=event))


def test_geojson_is_valid_and_holds_the_placed_incidents(incidents):
    collection = geojson.loads(export(incidents, "geojson").decode())
    assert collection.is_valid, collection.errors()
    [feature] = collection["features"]  # the pledge has no place: left out, not invented
    assert feature["geometry"]["coordinates"] == [36.25, 49.98]
    assert feature["properties"]["incident_id"] == "I1"


def test_parquet_reads_back_with_types(incidents):
    table = pq.read_table(io.BytesIO(export(incidents, "parquet")))
    rows = table.to_pylist()
    assert table.schema.field("latitude").type == "double"
    assert rows[0]["latitude"] == 49.98 and rows[0]["fatalities"] == 4
    assert rows[1]["latitude"] is None and rows[1]["plover_type"] == "AGREE"


def test_followthemoney_entities_validate(incidents):
    lines = export(incidents, "ftm", ActorKB.load()).decode().splitlines()
    entities = [model.get_proxy(json.loads(line)) for line in lines]
    by_schema: dict[str, list] = {}
    for entity in entities:
        by_schema.setdefault(entity.schema.name, []).append(entity)
        for required in entity.schema.required:
            assert entity.get(required), (entity.schema.name, required)
        assert entity.schema.validate(entity.to_dict()) is None
    assert len(by_schema["Event"]) == 2
    assert {e.get("name")[0] for e in by_schema["PublicBody"]} == {"Russian forces"}  # military
    [kim] = by_schema["Person"]
    assert kim.get("name") == ["Kim Jong-un"]
    [occupancy] = by_schema["Occupancy"]  # his role in force on the incident's date
    assert occupancy.get("holder") == [kim.id]
    ids = {e.id for e in entities}
    for event in by_schema["Event"]:
        assert set(event.get("involved")) <= ids
    assert len(ids) == len(entities)  # each entity once


def test_csv_cells_a_spreadsheet_would_run_are_neutralised_and_numbers_kept():
    sentence = "=1+2 Rebels attacked police in Lima on 3 March."
    where = (sentence.index("Lima"), sentence.index("Lima") + 4)
    lima = Place("Lima", *where, "Lima", "PER", None, -12.05, -77.04, "city")
    attack = EventMention(event_type="ASSAULT", factuality="asserted",
                          trigger=Span("attacked", 12, 20), confidence=0.9, place=lima,
                          evidence=(Evidence("a2", 0, len(sentence), sentence),))
    hostile = Source("a2", "2025-03-04", '=HYPERLINK("http://evil.example","x")', "a2")
    [row] = csv.DictReader(io.StringIO(export(fuse([Mention(1, attack, hostile)]), "csv")
                                       .decode()))
    assert row["source"] == '\'=HYPERLINK("http://evil.example","x")'
    assert row["notes"].startswith("'=1+2 Rebels")
    assert (row["latitude"], row["longitude"]) == ("-12.05", "-77.04")  # numbers stay numbers


@pytest.mark.parametrize(("value", "written"), [
    ("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("-12", "-12"), ("-33.9", "-33.9"), ("+44", "+44"),
    ("-1,000", "-1,000"), ("plain", "plain"), ("a=b", "a=b"), ("", ""), (5, 5), (None, None),
])
def test_a_csv_cell_is_neutralised_by_owasps_rule(value, written):
    assert csv_cell(value) == written
