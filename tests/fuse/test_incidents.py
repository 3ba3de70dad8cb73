"""Incidents, corroboration, contradictions and stories end to end: real model, real SQLite,
the ``wirewatch`` command line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from wirewatch.fuse.incidents import Mention, Source, claim_discrepancies, fuse, independent
from wirewatch.model import Actor, Claim, EventMention, Quantity, Span, TimeExpr
from wirewatch.serve.cli import main

pytestmark = pytest.mark.slow
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kursk-workers.txt"
INDEPENDENT = ("North Korea will send 6,000 construction workers to Russia's Kursk region to "
               "rebuild it, South Korea's intelligence service said on Wednesday. Pyongyang "
               "agreed to dispatch the workers after a visit by Sergei Shoigu.")
UNRELATED = ("Heavy rain flooded parts of Lagos on Tuesday, cutting power to thousands of "
             "homes and closing schools across the city, emergency officials said.")


def run(capsys, *args: str) -> str:
    capsys.readouterr()
    try:
        main(list(args))
    except SystemExit as exc:
        assert not exc.code, capsys.readouterr()
    return capsys.readouterr().out


@pytest.fixture()
def store(capsys, tmp_path):
    """The example from a wire service, an edited reprint elsewhere, the same text again under
    a third id, an independent report with another figure, and an unrelated article."""
    text = EXAMPLE.read_text(encoding="utf-8")
    records = [
        {"id": "wire-1", "text": text, "publisher": "Yonhap", "published": "2025-06-18"},
        {"id": "reprint-2", "text": "(Reprinted) " + text + "\nCopyright the agency.",
         "publisher": "Daily Reprint", "published": "2025-06-18"},
        {"id": "again-3", "text": text, "publisher": "Aggregator", "published": "2025-06-18"},
        {"id": "herald-4", "text": INDEPENDENT, "publisher": "Korea Herald", "published": "2025-06-18"},
        {"id": "lagos-5", "text": UNRELATED, "publisher": "Punch", "published": "2025-06-17"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    db = str(tmp_path / "w.db")
    run(capsys, "ingest", str(path), "--db", db)
    return db


def test_incidents_count_independent_sources_not_copies(capsys, store):
    incidents = json.loads(run(capsys, "incidents", "--db", store, "--format", "json"))
    [commitment] = [i for i in incidents if i["intended"] == "AID" or i["event_type"] == "AID"]
    # wire + reprint are one copy group, the same text again is not stored twice, the
    # independent report is a second source
    assert commitment["sources"] == 2
    assert {e["article_id"] for e in commitment["evidence"]} == {"wire-1", "reprint-2", "herald-4"}
    assert commitment["mentions"] == len(commitment["evidence"]) >= 3
    assert {e["copy_of"] for e in commitment["evidence"]} == {"wire-1", "herald-4"}
    assert all(q["quote"] for e in commitment["evidence"] for q in e["quotes"])
    # the best-supported figures are the wire's, which two articles (one source) carry...
    assert commitment["source"][0]["country"] == "PRK"
    assert {a["country"] for a in commitment["target"]} == {"RUS"}
    # the wire has it from Russian officials (its merged "dispatching" sentence), the
    # independent report from Seoul's spy agency: two origins
    assert {c["claimant"] for c in commitment["claimants"]} == {
        "Russian officials", "South Korea's intelligence service"}
    assert commitment["corroboration"] == 2
    # ... and the fighting only the wire and its reprint report: one source
    [fighting] = [i for i in incidents if i["event_type"] in {"FIGHT", "ASSAULT"}]
    assert fighting["sources"] == 1 and fighting["mentions"] == 2
    assert not any("Lagos" in json.dumps(i) and i["sources"] > 1 for i in incidents)


def test_the_seed_article_alone_corroborates_nothing(capsys, tmp_path):
    db = str(tmp_path / "seed.db")
    run(capsys, "ingest", str(EXAMPLE), "--db", db)
    run(capsys, "ingest", str(EXAMPLE), "--db", db)  # again: already stored
    incidents = json.loads(run(capsys, "incidents", "--db", db, "--format", "json"))
    assert incidents and all(i["sources"] == 1 for i in incidents)
    assert json.loads(run(capsys, "incidents", "--db", db, "--format", "json",
                          "--min-sources", "2")) == []


def test_different_figures_from_independent_sources_are_a_discrepancy(capsys, store):
    found = json.loads(run(capsys, "discrepancies", "--db", store, "--format", "json",
                           "--kind", "figure"))
    [workers] = [d for d in found if d["subject"].startswith("construction workers")]
    values = {(v["value"], v["by"]) for v in workers["values"]}
    assert ("6,000", "South Korea's intelligence service") in values
    assert {v for v, _ in values} == {"5,000", "6,000"}
    assert all(v["evidence"]["quote"] for v in workers["values"])
    table = run(capsys, "discrepancies", "--db", store)
    assert "Sergei Shoigu" in table and "construction workers" in table


def test_stories_group_the_reports_of_one_happening(capsys, store):
    stories = json.loads(run(capsys, "stories", "--db", store, "--format", "json"))
    by_article = {a: s["story_id"] for s in stories for a in s["articles"]}
    # the same text again under the aggregator's id is kept as an exact copy of the wire's
    assert set(by_article) == {"wire-1", "reprint-2", "again-3", "herald-4", "lagos-5"}
    assert by_article["wire-1"] == by_article["reprint-2"] == by_article["again-3"] \
        == by_article["herald-4"]
    assert by_article["lagos-5"] != by_article["wire-1"]


def test_one_publisher_or_one_copy_group_is_one_source():
    def source(article: str, publisher: str | None, copy_of: str) -> Source:
        return Source(article, "2025-06-18", publisher, copy_of)

    assert independent([source("a", "X", "a"), source("b", "X", "b")]) == 1  # same publisher
    assert independent([source("a", "X", "a"), source("b", "Y", "a")]) == 1  # a reprint
    assert independent([source("a", None, "a"), source("b", None, "b")]) == 2
    assert independent([source("a", "X", "a"), source("b", "Y", "a"), source("c", "Y", "c"),
                        source("d", "Z", "d")]) == 2


def test_a_count_one_mention_gives_is_not_outvoted_by_one_that_gives_none(capsys, tmp_path):
    # "shelled" (FIGHT) and "killing" (ASSAULT) fuse; only the killing counts the dead
    path = tmp_path / "kharkiv.txt"
    path.write_text("Russian troops shelled Kharkiv on Monday, killing 4 civilians.\n",
                    encoding="utf-8")
    db = str(tmp_path / "w.db")
    run(capsys, "ingest", str(path), "--db", db, "--published", "2025-03-05")
    [incident] = json.loads(run(capsys, "incidents", "--db", db, "--format", "json"))
    assert [q["value"] for q in incident["quantities"]] == [4]
    out = tmp_path / "acled.csv"
    run(capsys, "export", "--db", db, "--format", "csv", "--output", str(out))
    [row] = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert row["fatalities"] == "4" and row["location"] == "Kharkiv"


def test_outlets_relaying_one_claimant_are_one_origin(capsys, tmp_path):
    texts = {  # written apart, so no two are copies
        "Outlet A": "North Korea has sent 1,000 combat engineers to Russia's Kursk region, "
                    "South Korea's intelligence service said on Thursday.",
        "Outlet B": "According to South Korea's intelligence service, Pyongyang dispatched "
                    "about 1,000 military engineers to the Kursk region of Russia this week.",
        "Outlet C": "Ukraine's military intelligence said on Thursday that North Korea had "
                    "sent some 1,000 combat engineers to Kursk in Russia."}
    records = [{"id": f"o-{n}", "publisher": outlet, "published": "2025-06-19", "text": text}
               for n, (outlet, text) in enumerate(texts.items())]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    db = str(tmp_path / "w.db")
    run(capsys, "ingest", str(path), "--db", db)
    [sent] = json.loads(run(capsys, "incidents", "--db", db, "--format", "json"))
    assert sent["sources"] == 3  # three outlets
    assert sent["corroboration"] == 2  # but two who say so


def test_what_is_counted_keeps_two_happenings_apart(capsys, tmp_path):
    records = [
        {"id": "coal", "publisher": "NK News", "published": "2025-06-18",
         "text": "North Korea shipped 20,000 tonnes of coal to China, officials said."},
        {"id": "it", "publisher": "Daily NK", "published": "2025-06-18",
         "text": "North Korea has dispatched hundreds of IT workers to China and Russia."}]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    db = str(tmp_path / "w.db")
    run(capsys, "ingest", str(path), "--db", db)
    incidents = json.loads(run(capsys, "incidents", "--db", db, "--format", "json"))
    assert len(incidents) == 2 and all(i["sources"] == 1 for i in incidents)


def test_a_reprint_repeating_a_claimed_figure_is_not_another_side():
    def claim(value: float) -> Claim:
        return Claim("figure", f"{value:,.0f} workers are in Russia.", 0, 30, quantities=(
            Quantity(f"{value:,.0f} workers", 0, 13, value, counted="workers"),))

    wire, reprint, other = (Source(a, "2025-06-18", p, g) for a, p, g in (
        ("w", "Wire", "w"), ("r", "Reprinter", "w"), ("o", "Other", "o")))
    [found] = claim_discrepancies([(claim(15000), wire), (claim(15000), reprint),
                                   (claim(8000), other)])
    assert [v.value for v in found.values] == ["15,000", "8,000"]


def _attack(counted: str, claimant: str | None = None, article: str = "a1") -> Mention:
    russia = Actor("Russian forces", 0, 14, "Russian forces", None, "RUS", "military")
    ukraine = Actor("Ukraine", 30, 37, "Ukraine", None, "UKR", None)
    said = Actor(claimant, 40, 40 + len(claimant), claimant, None, "UKR",
                 "police" if "police" in claimant else "military") if claimant else None
    event = EventMention(
        event_type="ASSAULT", factuality="asserted", trigger=Span("shelled", 15, 22),
        confidence=0.9, source=(russia,), target=(ukraine,), claimant=said,
        time=TimeExpr("on 3 March", 23, 33, "2025-03-03", "day"),
        quantities=(Quantity(f"4 {counted}", 50, 52 + len(counted), 4.0, counted=counted),))
    return Mention(len(article) + len(counted), event, Source(article, "2025-03-04", article, article))


def test_victims_counted_in_other_words_are_one_happening():
    [one] = fuse([_attack("civilians", article="a1"), _attack("people", article="a2"),
                  _attack("dead", article="a3")])
    assert one.sources == 3


def test_one_article_naming_two_claimants_does_not_corroborate_itself():
    [one] = fuse([_attack("civilians", "Ukraine's army"), _attack("people", "Kharkiv police")])
    assert one.sources == 1 and one.corroboration == 1
