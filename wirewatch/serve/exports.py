"""Exports of the store's incidents (events counted once, not once per report) for other tools.

    json      JSON Lines, one PLOVER record per incident (the manual's chapter 6 field
              names, spaces written as underscores: id, has_event, date, actor, recipient,
              event, event_loc, event_text, mode, context), plus wirewatch's own fields
    csv       ACLED's column layout (event_date, event_type, sub_event_type, actor1, actor2,
              country, admin1, location, latitude, longitude, geo_precision, source, notes,
              fatalities), one row per incident
    geojson   a FeatureCollection of the incidents that have coordinates
    parquet   the CSV's columns plus incident_id, plover_type, factuality, sources, mentions
    ftm       FollowTheMoney entities as JSON Lines: an Event per incident, a Person per
              knowledge-base person it names (a PublicBody, Organization or LegalEntity
              for other actors), and an
              Occupancy (with its Position) for a person's role in force on the incident's
              date, as the knowledge base dates it

Every export is built from the same incident records, so the formats agree. Values the
text does not give are left empty; the one stand-in is the date, which is the event's
own when the text gives one and else the day it was first reported (ACLED rows need a
date). ``happened`` keeps what ACLED would code: asserted and reported incidents.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from wirewatch import __version__
from wirewatch.errors import InputError
from wirewatch.fuse.incidents import Incident
from wirewatch.model import Actor, EventMention, Quantity, to_json
from wirewatch.resolve.countries import load_country_records
from wirewatch.resolve.geodata import read_admin1
from wirewatch.resolve.kb import ActorKB, KBActor
from wirewatch.serve import render

FORMATS = ("json", "csv", "geojson", "parquet", "ftm")
MEDIA_TYPES = {"json": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
               "geojson": "application/geo+json", "parquet": "application/vnd.apache.parquet",
               "ftm": "application/x-ndjson"}
ACLED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
                 "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
                 "fatalities")
STATE_SECTORS = frozenset({"government", "military", "police", "legislature", "judiciary"})
ORGANISED_SECTORS = frozenset({"igo", "ngo", "business", "media", "rebels", "political",
                               "religious"})
GEO_PRECISION = {"city": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}
"""ACLED's scale: 1 the place itself, 2 near it or part of a district, 3 a province or larger."""
_KILLED = r"(?:killed|killing|dead|died|deaths?|fatalities|lost their lives)"


def happened(incidents: Iterable[Incident]) -> list[Incident]:
    """The incidents that took place as reported (not planned, hypothetical or negated)."""
    return [i for i in incidents if i.event.factuality in ("asserted", "reported")]


def export(incidents: Sequence[Incident], format: str, kb: ActorKB | None = None) -> bytes:
    """The incidents in ``format`` (one of ``FORMATS``)."""
    if format == "json":
        return _lines(plover(i) for i in incidents)
    if format == "csv":
        return render.to_csv([acled_row(i) for i in incidents], ACLED_COLUMNS).encode()
    if format == "geojson":
        return json.dumps(geojson(incidents), ensure_ascii=False).encode()
    if format == "parquet":
        return _parquet(incidents)
    if format == "ftm":
        return _lines(ftm_entities(incidents, kb or ActorKB.load()))
    raise ValueError(f"unknown export format {format!r}")


def plover(incident: Incident) -> dict[str, Any]:
    event = incident.event
    place = event.place
    return {
        "id": f"wirewatch-{incident.incident_id}", "has_event": True, "date": _date(incident),
        "actor": [_entity(a) for a in event.source],
        "recipient": [_entity(a) for a in event.recipient or event.target],
        "event": [event.event_type], "intended_event": event.intended,
        "event_loc": None if place is None else {
            "text": place.text, "name": place.name, "country": place.country,
            "admin1": place.admin1, "lat": place.lat, "lon": place.lon,
            "precision": place.precision, "geonames_id": place.geo_id},
        "event_text": [e.quote for e in event.evidence],
        "mode": [event.mode] if event.mode else [], "context": list(event.context),
        "factuality": event.factuality,
        "quantities": to_json(event.quantities),
        "acled": to_json(event.acled) if event.acled else None,
        "sources": incident.sources, "mentions": len(incident.mentions),
        "evidence": [to_json(e) for e in event.evidence],
        "coder": f"wirewatch {__version__}",
    }


def acled_row(incident: Incident) -> dict[str, Any]:
    event, place = incident.event, incident.event.place
    fatalities = [q.value for q in event.quantities if q.value is not None and _killed(event, q)]
    publishers = sorted({m.source.publisher or m.source.article_id for m in incident.mentions})
    return {
        "event_date": _date(incident) or "",
        "event_type": event.acled.event_type if event.acled else "",
        "sub_event_type": event.acled.sub_event_type if event.acled else "",
        "actor1": _actors(event.source), "actor2": _actors(event.target),
        "country": _country_name(place.country if place else None),
        "admin1": _admin1_name(place.admin1) if place else "",
        "location": place.name if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": GEO_PRECISION.get(place.precision, "") if place else "",
        "source": "; ".join(publishers),
        "notes": event.evidence[0].quote.strip() if event.evidence else "",
        "fatalities": int(max(fatalities)) if fatalities else 0,
        "incident_id": incident.incident_id, "plover_type": event.event_type,
        "factuality": event.factuality, "sources": incident.sources,
        "mentions": len(incident.mentions),
    }


def geojson(incidents: Iterable[Incident]) -> dict[str, Any]:
    features = []
    for incident in incidents:
        place = incident.event.place
        if place is None or place.lat is None or place.lon is None:
            continue
        row = acled_row(incident)
        features.append({"type": "Feature", "id": incident.incident_id,
                         "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                         "properties": {k: v for k, v in row.items()
                                        if k not in ("latitude", "longitude")}})
    return {"type": "FeatureCollection", "features": features}


def ftm_entities(incidents: Iterable[Incident], kb: ActorKB) -> list[dict[str, Any]]:
    """FollowTheMoney entities (as their JSON), each made once however many incidents."""
    try:
        from followthemoney import model  # an extra: it builds PyICU, which needs libicu-dev
    except ImportError:
        raise InputError("the FollowTheMoney export needs the followthemoney package",
                         "it is an optional extra of wirewatch",
                         "Install it with: .venv/bin/pip install 'wirewatch[ftm]' (Debian: "
                         "apt-get install libicu-dev pkg-config g++ first)") from None

    made: dict[str, dict[str, Any]] = {}

    def add(schema: str, key: str, **props: Any) -> str:
        entity = model.make_entity(schema)
        entity.make_id("wirewatch", schema, key)
        for prop, values in props.items():
            for value in values if isinstance(values, list) else [values]:
                if value not in (None, ""):
                    entity.add(prop, value)
        made.setdefault(str(entity.id), entity.to_dict())
        return str(entity.id)

    for incident in incidents:
        event, day = incident.event, _date(incident)
        first = incident.mentions[0]
        # seeded with where the incident was first read, so two stores never share an id
        key = f"{first.source.article_id}:{first.event.trigger.start}"
        involved = []
        for actor in (*event.source, *event.target, *event.recipient):
            known = kb.actors.get(actor.kb_id) if actor.kb_id else None
            if known is not None and known.type == "person":
                person = add("Person", known.id, name=known.name, country=known.country,
                             alias=list(known.aliases))
                role = known.role_on(day)
                if role is not None:
                    post = add("Position", f"{role.post}|{role.country}", name=role.post,
                               country=role.country)
                    add("Occupancy", f"{known.id}|{role.post}|{role.start}", holder=person,
                        post=post, startDate=role.start, endDate=role.end)
                involved.append(person)
            else:
                involved.append(add(_ftm_schema(actor, known), actor.kb_id
                                    or f"{actor.name}|{actor.country}",
                                    name=actor.name, country=actor.country))
        place = event.place
        add("Event", key, name=f"{event.event_type} ({incident.incident_id})", date=day,
            summary=event.evidence[0].quote.strip() if event.evidence else None,
            location=place.name if place else None, country=place.country if place else None,
            involved=involved, keywords=[event.event_type, *event.context])
    return list(made.values())


def _ftm_schema(actor: Actor, known: KBActor | None) -> str:
    """A state body is a PublicBody, a party, firm, armed group or agency an Organization,
    anything else (civilians, protesters) a LegalEntity."""
    if actor.sector in STATE_SECTORS:
        return "PublicBody"
    if known is not None or actor.sector in ORGANISED_SECTORS:
        return "Organization"
    return "LegalEntity"


def _parquet(incidents: Sequence[Incident]) -> bytes:
    import pyarrow as pa  # imported here: only this export needs it
    import pyarrow.parquet as pq

    rows = [acled_row(i) for i in incidents]
    text = [c for c in (*ACLED_COLUMNS, "incident_id", "plover_type", "factuality")
            if c not in ("latitude", "longitude", "geo_precision", "fatalities")]
    schema = pa.schema([(c, pa.string()) for c in text] + [
        ("latitude", pa.float64()), ("longitude", pa.float64()), ("geo_precision", pa.int8()),
        ("fatalities", pa.int64()), ("sources", pa.int64()), ("mentions", pa.int64())])
    columns = {name: [None if row[name] == "" else row[name] for row in rows]
               for name in schema.names}
    buffer = io.BytesIO()
    pq.write_table(pa.table(columns, schema=schema), buffer)
    return buffer.getvalue()


def _killed(event: EventMention, quantity: Quantity) -> bool:
    """Whether the sentence says the counted were killed ("killing 4 civilians", "12 people
    were killed", "a death toll of 9"): the kill word within a few words of the number."""
    for evidence in event.evidence:
        offset = quantity.start - evidence.start
        if 0 <= offset and evidence.quote[offset:quantity.end - evidence.start] == quantity.text:
            before = evidence.quote[max(0, offset - 40):offset]
            after = evidence.quote[quantity.end - evidence.start:][:40]
            return bool(re.search(_KILLED + r"\W+(?:\w+\W+){0,2}$", before, re.IGNORECASE)
                        or re.match(r"\W+(?:(?:were|have been|had been|was|are)\W+)?"
                                    + _KILLED, after, re.IGNORECASE)
                        or re.search(r"\b(?:killed|dead|died)\b", quantity.counted or "",
                                     re.IGNORECASE))
    return False


def _entity(actor: Actor) -> dict[str, Any]:
    """PLOVER's entity object: code (country), sector, entity text, id."""
    return {"code": actor.country, "sector": actor.sector, "entity_text": actor.text,
            "name": actor.name, "id": actor.kb_id}


def _actors(actors: Sequence[Actor]) -> str:
    return "; ".join(dict.fromkeys(a.name for a in actors))


@cache
def _names() -> dict[str, str]:
    """Country and first-level division names by ISO code (ACLED writes names)."""
    return {**{r.iso3: r.name for r in load_country_records()},
            **{r.id: r.name for r in read_admin1()}}


def _country_name(iso3: str | None) -> str:
    return _names().get(iso3 or "", "")


def _admin1_name(code: str | None) -> str:
    return _names().get(code or "", code or "")


def _date(incident: Incident) -> str | None:
    return incident.day.isoformat() if incident.day else None


def _lines(records: Iterable[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


__all__ = ["ACLED_COLUMNS", "FORMATS", "MEDIA_TYPES", "acled_row", "export", "ftm_entities",
           "geojson", "plover"]
