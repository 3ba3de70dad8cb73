"""The command line end to end: real files, a real SQLite database, the real model."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest

from wirewatch.serve.cli import main

pytestmark = pytest.mark.slow


def run(capsys: pytest.CaptureFixture[str], *args: str, stdin: str | None = None,
        monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str, str]:
    """Run ``wirewatch ARGS``; returns (exit status, stdout, stderr)."""
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
    capsys.readouterr()
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def table_rows(db: Path, table: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT * FROM {table}").fetchall()


@pytest.fixture()
def example_db(capsys, db_path, tmp_path):
    example = Path(__file__).resolve().parents[2] / "examples" / "kursk-workers.txt"
    code, out, _ = run(capsys, "ingest", str(example), "--db", str(db_path))
    assert code == 0, out
    return db_path


def test_ingest_example_then_list_show_and_search(capsys, example_db):
    code, out, _ = run(capsys, "events", "--db", str(example_db), "--format", "json")
    events = json.loads(out)
    assert code == 0 and sorted(e["event_type"] for e in events) == ["AGREE", "CONSULT", "FIGHT"]

    code, out, _ = run(capsys, "events", "--db", str(example_db), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {row["type"] for row in rows} == {"AGREE(AID)", "CONSULT", "FIGHT"}

    consult = next(e for e in events if e["event_type"] == "CONSULT")
    code, out, _ = run(capsys, "show", str(consult["id"]), "--db", str(example_db))
    assert code == 0 and "met with Kim in Pyongyang" in out and "Sergei Shoigu" in out

    code, out, _ = run(capsys, "search", "Shoigu", "--db", str(example_db), "--format", "json")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 1 and "Shoigu" in hits[0]["text"]

    code, out, _ = run(capsys, "events", "--db", str(example_db), "--type", "FIGHT", "--format", "json")
    assert [e["event_type"] for e in json.loads(out)] == ["FIGHT"]


def test_discrepancies_lists_d1_in_every_format(capsys, example_db):
    code, out, _ = run(capsys, "discrepancies", "--db", str(example_db), "--format", "json")
    [d1] = json.loads(out)
    assert code == 0 and (d1["kind"], d1["kb_id"]) == ("title", "sergei-shoigu")
    assert [v["value"] for v in d1["values"]] == [
        "Russian Defense Council Secretary",
        "Secretary of the Security Council of the Russian Federation"]
    assert d1["values"][0]["evidence"]["quote"].startswith("Russian Defense Council Secretary")
    code, out, _ = run(capsys, "discrepancies", "--db", str(example_db), "--format", "csv")
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["subject"] == "Sergei Shoigu" and row["id"] == str(d1["id"])
    code, out, _ = run(capsys, "discrepancies", "--db", str(example_db))
    assert code == 0 and "1 discrepancy" in out and "Defense Council" in out
    code, out, _ = run(capsys, "discrepancies", "--db", str(example_db), "--kb-id", "kim-jong-un",
                       "--format", "json")
    assert json.loads(out) == []


def test_ingesting_twice_stores_once(capsys, example_db):
    before = table_rows(example_db, "events")
    example = Path(__file__).resolve().parents[2] / "examples" / "kursk-workers.txt"
    code, out, _ = run(capsys, "ingest", str(example), "--db", str(example_db))
    assert code == 0 and "0 article(s) stored" in out and "1 already there" in out
    assert table_rows(example_db, "events") == before


def test_code_filter_writes_one_line_per_input_and_reports_bad_lines(capsys, monkeypatch, tmp_path):
    lines = [json.dumps({"id": "a", "text": "Russian troops attacked the city of Kharkiv on Monday."}),
             "{not json",
             json.dumps({"id": "b", "text": "Le gouvernement français a annoncé de nouvelles mesures "
                                            "pour soutenir les agriculteurs cette semaine."})]
    code, out, err = run(capsys, "code", "-", stdin="\n".join(lines) + "\n", monkeypatch=monkeypatch)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["id"] for r in records] == ["a", "b"]
    assert records[0]["events"][0]["event_type"] == "ASSAULT"
    assert records[1]["coded"] is False and records[1]["events"] == []
    assert "<stdin>:2" in err
    assert not list(tmp_path.glob("*.db"))


def test_show_unknown_event_is_one_line_error(capsys, example_db):
    code, out, err = run(capsys, "show", "999", "--db", str(example_db))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "999" in err and "wirewatch events" in err


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"   \n", "empty"),
    ("image.txt", bytes(range(256)) * 8, "not text"),
    ("notes.pdf", b"%PDF-1.4 not really", ".pdf"),
])
def test_bad_file_is_skipped_with_a_message_and_nothing_stored(capsys, db_path, tmp_path, name,
                                                               content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    code, _, err = run(capsys, "ingest", str(path), "--db", str(db_path))
    assert code == 1 and reason in err.lower() and name in err
    assert not db_path.exists() or table_rows(db_path, "articles") == []


def test_missing_path_is_reported_and_others_ingested(capsys, db_path, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Protesters rallied outside parliament in Tbilisi on Sunday.", encoding="utf-8")
    code, out, err = run(capsys, "ingest", str(tmp_path / "nope.txt"), str(good), "--db", str(db_path))
    assert code == 0 and "nope.txt" in err and "1 article(s) stored" in out


def test_other_encoding_and_malformed_line(capsys, db_path, tmp_path):
    (tmp_path / "latin.txt").write_bytes("Le café où les délégués se sont réunis à Genève est fermé. "
                                         "Officials met in Geneva to discuss the café crisis and "
                                         "agreed to meet again next week.".encode("cp1252"))
    (tmp_path / "batch.jsonl").write_text(
        json.dumps({"id": "one", "text": "Police arrested 12 protesters in Minsk."}) + "\n"
        + '{"id": "two", "text": \n'
        + json.dumps({"id": "three", "text": "Iran condemned the strike on its embassy."}) + "\n",
        encoding="utf-8")
    code, _, err = run(capsys, "ingest", str(tmp_path), "--db", str(db_path))
    assert code == 0 and "batch.jsonl:2" in err
    assert f"note: {tmp_path / 'latin.txt'} is not valid UTF-8; it was read as cp1252" in err
    ids = {row[0] for row in table_rows(db_path, "articles")}
    assert {"one", "three"} <= ids and len(ids) == 3
    with sqlite3.connect(db_path) as conn:
        texts = [row[0] for row in conn.execute("SELECT text FROM articles")]
    assert any("café où les délégués" in text for text in texts)


def test_non_english_article_is_stored_and_marked(capsys, db_path, tmp_path):
    path = tmp_path / "de.txt"
    path.write_text("Die Bundesregierung hat am Montag neue Sanktionen gegen mehrere Unternehmen "
                    "beschlossen, die Waffen nach Russland geliefert haben sollen.", encoding="utf-8")
    code, _, err = run(capsys, "ingest", str(path), "--db", str(db_path))
    assert code == 0 and "not coded" in err and "'de'" in err
    assert len(table_rows(db_path, "articles")) == 1 and table_rows(db_path, "events") == []


def test_unwritable_database_fails_cleanly(capsys, tmp_path):
    target = tmp_path / "a-folder"
    target.mkdir()
    example = Path(__file__).resolve().parents[2] / "examples" / "kursk-workers.txt"
    code, _, err = run(capsys, "ingest", str(example), "--db", str(target))
    assert code == 2 and "error:" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_metadata_options_apply_to_one_file_only(capsys, db_path, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Troops withdrew from the town.", encoding="utf-8")
    code, _, err = run(capsys, "ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                       "--publisher", "Reuters", "--db", str(db_path))
    assert code == 2 and "single file" in err


def test_an_id_conflict_skips_that_article_only(capsys, db_path, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "same", "text": "Police arrested 12 protesters in Minsk on Monday."},
        {"id": "same", "text": "Iran condemned the strike on its embassy in Damascus."},
        {"id": "later", "text": "Rebels attacked an army base in northern Mali."},
    ]), encoding="utf-8")
    code, _, err = run(capsys, "ingest", str(path), "--db", str(db_path))
    assert code == 0 and "batch.jsonl:2" in err and "same" in err
    assert {row[0] for row in table_rows(db_path, "articles")} == {"same", "later"}


def test_code_reads_latin1_and_bom_input(capsys, monkeypatch, tmp_path):
    path = tmp_path / "in.jsonl"
    line = json.dumps({"id": "é", "text": "Les délégués ont quitté Genève. Russian troops attacked "
                                          "Kharkiv on Monday."}, ensure_ascii=False)
    path.write_bytes(line.encode("cp1252") + b"\n")
    code, out, err = run(capsys, "code", str(path))
    assert code == 0 and json.loads(out)["id"] == "é"
    path.write_bytes(b"\xef\xbb\xbf" + line.encode("utf-8") + b"\n")
    code, out, err = run(capsys, "code", str(path))
    assert code == 0 and json.loads(out)["id"] == "é" and err == ""


def test_user_text_with_markup_is_printed_as_text(capsys, db_path, tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "[/i]", "text": "Russian troops attacked Kharkiv on Monday."})
                    + "\n", encoding="utf-8")
    code, _, _ = run(capsys, "ingest", str(path), "--db", str(db_path))
    assert code == 0
    code, out, _ = run(capsys, "show", "1", "--db", str(db_path))
    assert code == 0 and "[/i]" in out


def test_reading_a_missing_database_does_not_create_it(capsys, tmp_path):
    missing = tmp_path / "typo.db"
    code, _, err = run(capsys, "events", "--db", str(missing))
    assert code == 2 and "no database" in err and not missing.exists()


def test_event_type_filter_is_checked_and_case_blind(capsys, example_db):
    code, out, _ = run(capsys, "events", "--db", str(example_db), "--type", "fight", "--format", "json")
    assert code == 0 and [e["event_type"] for e in json.loads(out)] == ["FIGHT"]
    code, _, err = run(capsys, "events", "--db", str(example_db), "--type", "BATTLE")
    assert code == 2 and "not a PLOVER event type" in err


def test_search_without_hits_still_prints_its_table(capsys, example_db):
    code, out, _ = run(capsys, "search", "zanzibar", "--db", str(example_db))
    assert code == 0 and "0 sentence(s)" in out


GOMA = ("Rebels clashed with the army near Goma on Monday. Hundreds protested in Kinshasa. "
        "The UN sent food aid to displaced families in Goma.")


def _goma_coded():
    """Three hand-coded events, two of them ACLED-classified and one with a recipient."""
    from wirewatch.model import Acled, Actor, Article, CodedArticle, EventMention, Evidence, Span

    def at(quote):
        start = GOMA.index(quote)
        return start, start + len(quote)

    def actor(quote, name, **fields):
        return Actor(quote, *at(quote), name=name, **fields)

    def sentence(first_words):
        start = GOMA.index(first_words)
        end = GOMA.index(".", start) + 1
        return Evidence("goma", start, end, GOMA[start:end])

    fight = EventMention(
        "FIGHT", "asserted", Span("clashed", *at("clashed")), 0.8,
        acled=Acled("Battles", "Armed clash", "ARMED_CLASH", 0.71),
        source=(actor("Rebels", "Rebels", sector="rebels"),),
        target=(actor("the army", "the army", country="COD", sector="military"),),
        evidence=(sentence("Rebels"),))
    protest = EventMention(
        "PROTEST", "asserted", Span("protested", *at("protested")), 0.7,
        acled=Acled("Protests", "Peaceful protest", "PEACE_PROTEST", 0.66),
        source=(actor("Hundreds", "Hundreds", sector="protesters"),),
        evidence=(sentence("Hundreds"),))
    aid = EventMention(
        "AID", "asserted", Span("sent", *at("sent")), 0.9,
        source=(actor("The UN", "United Nations", country="IGO", sector="igo"),),
        recipient=(actor("displaced families", "displaced families", country="COD",
                         sector="civilian"),),
        evidence=(sentence("The UN"),))
    article = Article(GOMA, fingerprint="goma-fingerprint", id="goma", language="en")
    return CodedArticle(article, events=(fight, protest, aid))


@pytest.fixture()
def acled_db(db_path):
    from wirewatch.store import Store

    with Store(db_path) as store:
        store.save(_goma_coded())
    return db_path


def _events_json(capsys, db, *args):
    code, out, err = run(capsys, "events", "--db", str(db), "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize("acled, types", [
    ("battles", ["FIGHT"]),
    ("ARMED CLASH", ["FIGHT"]),
    ("Armed clash", ["FIGHT"]),
    ("peaceful protest", ["PROTEST"]),
    ("PROTESTS", ["PROTEST"]),
    ("Air/drone strike", []),
])
def test_acled_filter_matches_event_or_sub_event_type(capsys, acled_db, acled, types):
    assert [e["event_type"] for e in _events_json(capsys, acled_db, "--acled", acled)] == types


@pytest.mark.parametrize("acled", ["armed", "ARMED_CLASH", "battle"])
def test_acled_filter_rejects_names_acled_does_not_use(capsys, acled_db, acled):
    code, _, err = run(capsys, "events", "--db", str(acled_db), "--acled", acled)
    assert code == 2 and "is not an ACLED event or sub-event type" in err


def test_acled_filter_combines_with_the_others(capsys, acled_db):
    assert _events_json(capsys, acled_db, "--acled", "battles", "--type", "protest") == []
    assert [e["event_type"] for e in _events_json(capsys, acled_db, "--acled", "battles",
                                                  "--country", "cod")] == ["FIGHT"]
    code, out, _ = run(capsys, "events", "--db", str(acled_db), "--acled", "riots")
    assert code == 0 and "0 event(s)" in out


def test_events_output_carries_acled_and_recipient(capsys, acled_db):
    fight, protest, aid = _events_json(capsys, acled_db)
    assert fight["acled"] == {"event_type": "Battles", "sub_event_type": "Armed clash",
                              "code": "ARMED_CLASH", "confidence": 0.71}
    assert protest["acled"]["event_type"] == "Protests"
    assert aid["acled"] is None and fight["recipient"] == []
    assert [(a["name"], a["country"]) for a in aid["recipient"]] == [("displaced families", "COD")]

    code, out, _ = run(capsys, "events", "--db", str(acled_db), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [row["acled"] for row in rows] == ["Armed clash", "Peaceful protest", ""]
    assert [row["recipient"] for row in rows] == ["", "", "displaced families (COD)"]

    code, out, _ = run(capsys, "events", "--db", str(acled_db))
    header = next(line for line in out.splitlines() if "factuality" in line)
    assert code == 0 and "acled" in header
    assert "Armed clash" in out and "Peaceful protest" in out


def test_show_prints_acled_and_recipient(capsys, acled_db):
    fight, _, aid = _events_json(capsys, acled_db)
    code, out, _ = run(capsys, "show", str(fight["id"]), "--db", str(acled_db))
    assert code == 0 and "Battles / Armed clash (ARMED_CLASH, 0.71)" in out
    code, out, _ = run(capsys, "show", str(aid["id"]), "--db", str(acled_db))
    assert code == 0 and "recipient: displaced families (COD)" in out and "acled" not in out
    code, out, _ = run(capsys, "show", str(aid["id"]), "--db", str(acled_db), "--format", "json")
    assert code == 0 and json.loads(out)["recipient"][0]["name"] == "displaced families"


def holder_file(path: Path) -> Path:
    rows = [{"name": "Amara Quispe", "aliases": ["Amara QUISPE"], "country_iso3": "PER",
             "country": "Peru", "post": "President", "role_type": "chief of state",
             "start": "2024-01-10", "end": None, "source": "test"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def kb_json(capsys, db: Path, *args: str) -> list[dict]:
    code, out, err = run(capsys, "kb", "list", "--db", str(db), "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)


def test_kb_import_add_edit_and_list(capsys, tmp_path, db_path):
    holders = holder_file(tmp_path / "holders.jsonl")
    code, out, _ = run(capsys, "kb", "import", str(holders), "--db", str(db_path))
    assert code == 0 and out.startswith("1 actor(s) added or changed, with 1 role(s)")
    code, out, _ = run(capsys, "kb", "import", str(holders), "--db", str(db_path))
    assert code == 0 and out.startswith("0 actor(s)")  # a second import changes nothing
    [quispe] = kb_json(capsys, db_path, "--name", "quispe")
    assert quispe["user"] and quispe["roles"][0]["post"] == "President of Peru"

    code, out, _ = run(capsys, "kb", "edit", "amara-quispe", "--post", "President of Peru",
                       "--end", "2025-06-01", "--db", str(db_path))
    assert code == 0 and "ended" in out
    code, out, _ = run(capsys, "kb", "list", "--db", str(db_path), "--name", "quispe",
                       "--on", "2024-06-01", "--format", "csv")
    assert next(csv.DictReader(io.StringIO(out)))["post"] == "President of Peru"
    code, out, _ = run(capsys, "kb", "list", "--db", str(db_path), "--name", "quispe",
                       "--on", "2025-07-01", "--format", "csv")
    assert next(csv.DictReader(io.StringIO(out)))["post"] == ""

    code, out, _ = run(capsys, "kb", "add", "Rosa Mamani", "--country", "PER", "--post",
                       "Minister of Defence of Peru", "--start", "2025-02-01", "--sector",
                       "military", "--alias", "Rosa MAMANI", "--db", str(db_path))
    assert code == 0
    [mamani] = kb_json(capsys, db_path, "--name", "mamani")
    assert mamani["id"] == "rosa-mamani" and mamani["roles"][0]["sector"] == "military"
    code, _, err = run(capsys, "kb", "add", "Nobody", "--country", "XXX", "--db", str(db_path))
    assert code == 2 and "not a country wirewatch knows" in err  # a code's shape is not enough

    code, _, err = run(capsys, "kb", "edit", "rosa-mamani", "--post", "Minister of Defense",
                       "--end", "2025-06-01", "--db", str(db_path))
    assert code == 2 and "open posts: Minister of Defence of Peru" in err  # nothing added

    code, _, err = run(capsys, "kb", "add", "Rosa Mamani", "--db", str(db_path))
    assert code == 2 and "already has an actor 'rosa-mamani'" in err
    code, _, err = run(capsys, "kb", "edit", "nobody", "--name", "X", "--db", str(db_path))
    assert code == 2 and "no actor 'nobody'" in err
    code, _, err = run(capsys, "kb", "add", "X Y", "--country", "Peru", "--db", str(db_path))
    assert code == 2 and "not a country code" in err


def test_a_bad_kb_file_is_rejected_whole(capsys, tmp_path, db_path):
    holders = holder_file(tmp_path / "holders.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(holders.read_text() + '{"name": "X", "post": "King", "country_iso3": "xx"}\n')
    code, _, err = run(capsys, "kb", "import", str(bad), "--db", str(db_path))
    assert code == 2 and f"{bad}:2" in err and "not a country code" in err
    assert not db_path.exists()  # nothing written, not even a new database
    run(capsys, "kb", "import", str(holders), "--db", str(db_path))
    before = table_rows(db_path, "kb_actors")
    code, _, err = run(capsys, "kb", "import", str(bad), "--db", str(db_path))
    assert code == 2 and table_rows(db_path, "kb_actors") == before  # nothing from line 1 either


def test_an_imported_office_holder_is_resolved_when_articles_are_coded(capsys, tmp_path, db_path):
    article = tmp_path / "article.txt"
    article.write_text("President Amara Quispe threatened on Monday to impose sanctions on Chile.\n")
    plain = tmp_path / "plain.db"
    for db in (plain, db_path):
        if db == db_path:
            run(capsys, "kb", "import", str(holder_file(tmp_path / "h.jsonl")), "--db", str(db))
        code, out, _ = run(capsys, "ingest", str(article), "--db", str(db))
        assert code == 0, out

    def source(db: Path) -> dict:
        _, out, _ = run(capsys, "events", "--db", str(db), "--format", "json")
        [event] = json.loads(out)
        return event["source"][0]
    assert source(plain)["kb_id"] is None and source(plain)["country"] is None
    assert (source(db_path)["kb_id"], source(db_path)["country"]) == ("amara-quispe", "PER")


def test_postgres_answers_every_command_as_sqlite_does(capsys, example_db, pg_url):
    example = Path(__file__).resolve().parents[2] / "examples" / "kursk-workers.txt"
    pg_url = pg_url.replace("postgres@", "postgres:S3cretPw@")  # the test server trusts
    code, out, err = run(capsys, "ingest", str(example), "--db", pg_url)
    assert code == 0, out
    assert "stored in postgresql://postgres:***@" in out and "S3cretPw" not in out + err
    for command in (["events"], ["incidents"], ["flags"], ["discrepancies"], ["stories"],
                    ["search", "Shoigu"], ["export", "--format", "geojson"]):
        format_ = [] if command[0] == "export" else ["--format", "json"]
        on_sqlite = run(capsys, *command, "--db", str(example_db), *format_)
        on_postgres = run(capsys, *command, "--db", pg_url, *format_)
        assert on_sqlite[0] == on_postgres[0] == 0, (command, on_postgres)
        assert json.loads(on_postgres[1]) == json.loads(on_sqlite[1]), command
        assert json.loads(on_postgres[1]), command  # not two empty answers


HOSTILE_RECORDS = [
    {"id": "hostile", "title": "Breaking\u001b[2J\u001b]0;owned\u0007 news\u009b31m",
     "publisher": "Wire\u001b]8;;http://evil.example\u001b\\\\link",
     "text": "Russian troops shelled Kharkiv on Monday\u001b[31m, killing 4 civilians\u009b2J, "
             "officials said.", "published": "2025-03-03"},
    {"id": "formula", "title": '=HYPERLINK("http://evil.example","click")',
     "publisher": "@SUM(1+1)", "text": "Police arrested 12 protesters in Minsk on Tuesday.",
     "published": "2025-03-04"},
]
CONTROL = ("\x1b", "\x9b", "\x07")


@pytest.fixture()
def hostile_db(capsys, db_path, tmp_path):
    path = tmp_path / "hostile.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in HOSTILE_RECORDS), encoding="utf-8")
    code, _, err = run(capsys, "ingest", str(path), "--db", str(db_path))
    assert code == 0, err
    return str(db_path)


def test_no_control_character_from_an_article_reaches_the_terminal(capsys, hostile_db):
    code, out, _ = run(capsys, "events", "--db", hostile_db, "--format", "json")
    shelling = next(e for e in json.loads(out) if e["article_id"] == "hostile")
    assert "\x1b" in shelling["evidence"][0]["quote"]  # stored exactly as ingested
    for args in (["search", "Kharkiv"], ["show", str(shelling["id"])], ["stories"], ["events"],
                 ["incidents"], ["search", "Kharkiv", "--format", "json"],
                 ["show", str(shelling["id"]), "--format", "json"]):
        code, out, err = run(capsys, *args, "--db", hostile_db)
        assert code == 0 and out.strip(), args
        assert not [c for c in CONTROL if c in out + err], (args, out)
    code, out, _ = run(capsys, "stories", "--db", hostile_db, "--format", "csv")
    assert "Breaking\x1b[2J" in out  # a file or pipe gets the data exactly


def test_csv_and_exports_written_to_a_terminal_lose_their_control_characters(monkeypatch):
    from wirewatch.serve import cli

    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    screen = Terminal(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(cli.sys, "stdout", screen)
    cli._write("title\nBreaking\x1b[2J\x1b]0;owned\x07 news\x9b31m\tend\n".encode())
    assert screen.buffer.getvalue().decode() == "title\nBreaking[2J]0;owned news31m\tend\n"


def test_a_styled_terminal_gets_rich_styles_but_no_injected_sequences():
    from rich.table import Table

    from wirewatch.serve.render import SafeConsole

    buffer = io.StringIO()
    console = SafeConsole(file=buffer, force_terminal=True, width=100)
    table = Table(title="t")
    table.add_column("title", style="bold")
    table.add_row("Breaking\x1b[2J\x1b]0;owned\x07 news\x9b31m")
    console.print(table)
    console.print("[red]\x1b]8;;http://evil.example\x1b\\link[/red]")
    printed = buffer.getvalue()
    assert "\x1b[1m" in printed  # Rich's own bold
    unstyled = re.sub(r"\x1b\[[0-9;]*m", "", printed)  # only Rich's colour and weight codes
    assert not [c for c in CONTROL if c in unstyled] and "owned news" in unstyled


def test_csv_output_neutralises_formulas(capsys, hostile_db):
    code, out, _ = run(capsys, "stories", "--db", hostile_db, "--format", "csv")
    assert code == 0
    titles = [row["title"] for row in csv.DictReader(io.StringIO(out))]
    assert '\'=HYPERLINK("http://evil.example","click")' in titles
    _, out, _ = run(capsys, "export", "--db", hostile_db, "--format", "csv", "--all")
    sources = [row["source"] for row in csv.DictReader(io.StringIO(out))]
    assert "'@SUM(1+1)" in sources and not [s for s in sources if s.startswith(("=", "@"))]


@pytest.mark.parametrize("command", ["code", "ingest -"])
def test_a_closed_standard_input_is_one_clear_error(tmp_path, command):
    import os
    import subprocess
    import sys

    db = tmp_path / "w.db"
    done = subprocess.run(["bash", "-c", f'"$0" -m wirewatch {command} --db "$1" <&-',
                           sys.executable, str(db)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": "200"}, check=False)
    assert done.returncode in (1, 2), done.stderr
    assert "standard input is closed" in done.stderr and "Traceback" not in done.stderr
    assert not db.exists()


def test_a_broken_link_in_a_folder_is_reported_and_the_rest_ingested(capsys, db_path, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Police arrested 12 protesters in Minsk on Tuesday.",
                                  encoding="utf-8")
    (folder / "b.txt").symlink_to(tmp_path / "gone.txt")
    code, out, err = run(capsys, "ingest", str(folder), "--db", str(db_path))
    assert code == 0 and "1 article(s) stored" in out
    assert f"{folder / 'b.txt'} is a broken link: it points to {tmp_path / 'gone.txt'}" in err
    code, _, err = run(capsys, "ingest", str(folder / "b.txt"), "--db", str(db_path))
    assert code == 1 and "is a broken link" in err


def test_a_mistyped_path_leaves_no_database_behind(capsys, db_path, tmp_path):
    code, out, err = run(capsys, "ingest", str(tmp_path / "exmaples" / "kursk.txt"), "--db",
                         str(db_path))
    assert code == 1 and "does not exist" in err
    assert "No article stored" in out and not db_path.exists()
