"""`wirewatch flags` and `wirewatch watch` end to end: real model, real SQLite, a real webhook
receiver on 127.0.0.1, and `watch --follow` as a real subprocess while articles arrive."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wirewatch.serve.cli import main

pytestmark = pytest.mark.slow
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kursk-workers.txt"
UNRELATED = [
    "Manchester United beat Arsenal 2-1 on Saturday to move into third place in the league.",
    ("Shares in Time Warner rose 5% after the media giant reported higher quarterly profits, "
    "helped by strong advertising sales at its AOL unit."),
    ("Russian forces shelled the Ukrainian town of Kupiansk on Monday, killing two civilians, "
    "regional officials said."),
    ("Hungarian and Romanian officials met in Budapest to discuss energy cooperation and a new "
    "gas pipeline between the two countries."),
]


def run(capsys, *args: str, status: int = 0) -> str:
    capsys.readouterr()
    try:
        main(list(args))
    except SystemExit as exc:
        assert (exc.code or 0) == status, capsys.readouterr()
    return capsys.readouterr().out


def ingest(capsys, tmp_path: Path, records: list[dict], db: str) -> None:
    path = tmp_path / f"in-{len(list(tmp_path.iterdir()))}.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    run(capsys, "ingest", str(path), "--db", db)


@pytest.fixture()
def example_db(capsys, tmp_path) -> str:
    db = str(tmp_path / "w.db")
    run(capsys, "ingest", str(EXAMPLE), "--db", db)
    return db


def test_the_example_raises_exactly_the_two_sanctions_flags(capsys, example_db):
    flags = json.loads(run(capsys, "flags", "--db", example_db, "--format", "json"))
    assert [f["rule"] for f in flags] == ["workers-abroad", "military-services"]
    workers, engineers = flags
    assert workers["provision"] == "UNSCR 2397 OP8 / UNSCR 2375 OP17"
    assert engineers["provision"] == "UNSCR 1718 OP8(c) / UNSCR 2270 OP9"
    assert "5,000 construction workers" in workers["rationale"]
    assert "1,000 combat engineers" in engineers["rationale"]
    for flag in flags:
        assert flag["confidence"] == "low"
        assert "planned, not yet carried out" in flag["reasons"]
        assert "one independent source" in flag["reasons"]
        assert flag["evidence"][0]["quote"].startswith("North Korean leader Kim Jong-un has agreed")
    table = run(capsys, "flags", "--db", example_db)
    assert "2 flag(s)" in table and "UNSCR 2397 OP8" in table
    assert json.loads(run(capsys, "flags", "--db", example_db, "--format", "json",
                          "--confidence", "medium")) == []


def test_the_example_twice_under_other_ids_is_still_one_source(capsys, tmp_path, example_db):
    text = EXAMPLE.read_text(encoding="utf-8")
    ingest(capsys, tmp_path, [{"id": "again", "text": text},
                              {"id": "reprint", "text": "(Reprint) " + text}], example_db)
    flags = json.loads(run(capsys, "flags", "--db", example_db, "--format", "json"))
    assert [(f["rule"], f["sources"], f["confidence"]) for f in flags] == [
        ("workers-abroad", 1, "low"), ("military-services", 1, "low")]


def test_unrelated_articles_raise_no_flags(capsys, tmp_path):
    db = str(tmp_path / "w.db")
    ingest(capsys, tmp_path, [{"id": f"u{i}", "text": t, "published": "2025-03-0" + str(i + 1)}
                              for i, t in enumerate(UNRELATED)], db)
    assert json.loads(run(capsys, "events", "--db", db, "--format", "json"))  # coded, not empty
    assert json.loads(run(capsys, "flags", "--db", db, "--format", "json", "--pack", "un-dprk")) == []


def test_watch_alerts_each_flag_once_to_file_and_signed_webhook(capsys, tmp_path, example_db,
                                                               receiver, monkeypatch):
    monkeypatch.setenv("WIREWATCH_WEBHOOK_SECRET", "desk-secret")
    receiver.fail_first = 2  # the receiver fails the first two attempts, then takes them
    lines = tmp_path / "alerts.jsonl"
    out = run(capsys, "watch", "--db", example_db, "--jsonl", str(lines), "--webhook", receiver.url)
    assert "UNSCR 2397 OP8" in out and "combat engineers" in out
    assert receiver.attempts == 4  # 2 failures and the first flag, then the second flag
    accepted = receiver.requests[2:]
    assert [json.loads(body)["rule"] for _, body in accepted] == ["workers-abroad",
                                                                  "military-services"]
    for headers, body in accepted:
        signed = headers["X-Wirewatch-Timestamp"].encode() + b"." + body
        expected = hmac.new(b"desk-secret", signed, hashlib.sha256).hexdigest()
        assert headers["X-Wirewatch-Signature"] == f"sha256={expected}"
    assert len(lines.read_text(encoding="utf-8").splitlines()) == 2
    # a second run sends nothing anywhere
    again = run(capsys, "watch", "--db", example_db, "--jsonl", str(lines), "--webhook", receiver.url)
    assert "UNSCR" not in again
    assert receiver.attempts == 4
    assert len(lines.read_text(encoding="utf-8").splitlines()) == 2


def test_a_receiver_that_is_down_gets_its_alerts_on_the_next_run(capsys, example_db, receiver,
                                                                monkeypatch):
    monkeypatch.setenv("WIREWATCH_WEBHOOK_SECRET", "desk-secret")
    receiver.fail_first = -1
    run(capsys, "watch", "--db", example_db, "--quiet", "--webhook", receiver.url, status=1)
    assert receiver.attempts == 4  # one flag tried four times; the channel then waits
    receiver.fail_first, receiver.requests = 0, []
    run(capsys, "watch", "--db", example_db, "--quiet", "--webhook", receiver.url)
    assert len(receiver.requests) == 2


def test_refused_alerts_are_listed_and_sent_again_on_resend(capsys, example_db, receiver,
                                                           monkeypatch):
    monkeypatch.setenv("WIREWATCH_WEBHOOK_SECRET", "desk-secret")
    receiver.fail_first, receiver.status = -1, 404  # a receiver misconfigured for good
    run(capsys, "watch", "--db", example_db, "--quiet", "--webhook", receiver.url, status=1)
    assert receiver.attempts == 2  # each flag once: a refusal is not retried
    listed = run(capsys, "watch", "--db", example_db, "--failed")
    assert "2 refused alert(s)" in listed and listed.count("HTTP 404") == 2
    assert "un-dprk:workers-abroad:" in listed and "un-dprk:military-services:" in listed
    # a plain run leaves them refused; --resend sends them once the receiver is fixed
    run(capsys, "watch", "--db", example_db, "--quiet", "--webhook", receiver.url)
    assert receiver.attempts == 2
    receiver.fail_first, receiver.requests = 0, []
    capsys.readouterr()
    with pytest.raises(SystemExit) as done:
        main(["watch", "--db", example_db, "--quiet", "--webhook", receiver.url, "--resend"])
    assert not done.value.code and "2 refused alert(s) to send again" in capsys.readouterr().err
    assert sorted(json.loads(body)["rule"] for _, body in receiver.requests) == [
        "military-services", "workers-abroad"]
    assert "0 refused alert(s)" in run(capsys, "watch", "--db", example_db, "--failed")


def test_watch_refuses_a_webhook_without_a_secret(capsys, example_db, receiver, monkeypatch):
    monkeypatch.delenv("WIREWATCH_WEBHOOK_SECRET", raising=False)
    run(capsys, "watch", "--db", example_db, "--webhook", receiver.url, status=2)
    assert receiver.requests == []


ARMS = ("North Korea shipped ballistic missiles and artillery shells to Russia last month, "
        "South Korea's military said.")


def test_watch_follow_alerts_as_articles_are_ingested(tmp_path):
    db, lines = tmp_path / "w.db", tmp_path / "alerts.jsonl"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "wirewatch", "watch", "--db", str(db), "--follow",
               "--every", "0.2", "--quiet", "--jsonl", str(lines)]

    def ingest_file(path: Path) -> None:
        subprocess.run([sys.executable, "-m", "wirewatch", "ingest", str(path), "--db", str(db)],
                       check=True, capture_output=True, env=env, timeout=120)

    def alerts_once(count: int) -> list[dict]:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (
                not lines.exists() or len(lines.read_text(encoding="utf-8").splitlines()) < count):
            time.sleep(0.2)
        time.sleep(1.0)  # a few more looks at the store, which must send nothing again
        return [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]

    watcher = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        ingest_file(EXAMPLE)
        assert [a["rule"] for a in alerts_once(2)] == ["workers-abroad", "military-services"]
        arms = tmp_path / "arms.txt"
        arms.write_text(ARMS, encoding="utf-8")
        ingest_file(arms)
        ingest_file(EXAMPLE)  # the same article again adds nothing
        assert [a["rule"] for a in alerts_once(3)] == ["workers-abroad", "military-services",
                                                       "arms"]
    finally:
        watcher.send_signal(signal.SIGTERM)  # as a service manager stops it
        _, err = watcher.communicate(timeout=30)
    assert watcher.returncode == 0, err
    assert "stopped watching" in err
    assert "3 flag(s) raised; 3 new alert(s) sent" in err


def test_reports_of_each_kind_of_breach_raise_their_rule(capsys, tmp_path):
    """Sentences written apart from the pack, one per kind of breach, each raise its rule."""
    reports = {
        "ship-to-ship": "A North Korean tanker received refined petroleum from a Panama-flagged "
                        "vessel in a ship-to-ship transfer off Shanghai, satellite images show.",
        "banned-exports": "North Korea exported 30,000 tonnes of coal to China last month, "
                          "according to a UN report.",
        "arms": "North Korea delivered artillery shells and ballistic missiles to Russia, the "
                "White House said on Friday.",
        "joint-ventures": "A Chinese company set up a joint venture with a North Korean firm to "
                          "run a textile factory in Dandong.",
        "petroleum": "Russia shipped 1 million barrels of oil to North Korea this year, "
                     "researchers said.",
    }
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": rule, "text": text, "publisher": rule,
                                        "published": "2025-06-02"}) + "\n"
                            for rule, text in reports.items()), encoding="utf-8")
    db = str(tmp_path / "w.db")
    run(capsys, "ingest", str(path), "--db", db)
    flags = json.loads(run(capsys, "flags", "--db", db, "--format", "json"))
    raised = {(f["rule"], e["article_id"]) for f in flags for e in f["evidence"]}
    for rule in reports:
        assert (rule, rule) in raised, (rule, sorted(raised))
