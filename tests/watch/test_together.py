"""The monitor's main loop as it runs for real: `watch --follow`, `serve` and `follow` as
subprocesses beside ingests into the same store, and beside a PostgreSQL server that
restarts under them. Nothing may crash, and every flag must be alerted exactly once."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
COUNTRIES = ["Russia", "China", "Laos", "Vietnam", "Cambodia", "Mongolia", "Qatar", "Kuwait",
             "Angola", "Nigeria", "Malaysia", "Poland", "Oman", "Iran", "Syria", "Cuba",
             "Belarus", "Algeria", "Egypt", "Uganda"]
ROUTES = ("incidents", "flags", "articles", "events", "discrepancies", "claims",
          "incidents/summary")


def workers_to(country: str, n: int) -> str:
    """A report that raises the un-dprk pack's workers rule, one incident per country."""
    return (f"North Korea has agreed to send {1000 + 100 * n:,} construction workers to "
            f"{country}, officials in {country} said on Monday.")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wirewatch(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "wirewatch", *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def stop(process: subprocess.Popen[str]) -> str:
    """SIGTERM (as a service manager stops it); its standard error."""
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    return err


def wait_for(check: Callable[[], bool], seconds: float = 90, what: str = "") -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def flag_ids(db: str, env: dict[str, str]) -> list[str]:
    done = subprocess.run([sys.executable, "-m", "wirewatch", "flags", "--db", db, "--format",
                           "json"], env=env, capture_output=True, text=True, timeout=120,
                          check=True)
    return sorted(f["flag_id"] for f in json.loads(done.stdout))


def events(db: str, env: dict[str, str]) -> list[dict[str, object]]:
    done = subprocess.run([sys.executable, "-m", "wirewatch", "events", "--db", db, "--format",
                           "json"], env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    return list(json.loads(done.stdout)) if done.returncode == 0 else []


def alerted(lines: Path) -> list[str]:
    if not lines.exists():
        return []
    return [json.loads(line)["flag_id"] for line in lines.read_text(encoding="utf-8").splitlines()]


@contextmanager
def serving(db: str, env: dict[str, str]) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    port = free_port()
    process = wirewatch("serve", "--db", db, "--port", str(port), env=env)
    url = f"http://127.0.0.1:{port}"

    def up() -> bool:
        try:
            return httpx.get(f"{url}/api/articles", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    try:
        wait_for(up, 60, "wirewatch serve")
        yield url, process
    finally:
        if process.poll() is None:
            stop(process)


def test_watch_the_api_and_two_ingests_together(tmp_path: Path):
    db, lines = str(tmp_path / "w.db"), tmp_path / "alerts.jsonl"
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "WIREWATCH_DB": db}
    batches = []
    for half in (0, 1):
        records = [{"id": f"w{half}-{n}", "publisher": f"Outlet {half}-{n}",
                    "published": "2025-03-03", "text": workers_to(country, n)}
                   for n, country in enumerate(COUNTRIES[half::2])]
        records += [{"id": f"u{half}-{n}", "text": f"Manchester United beat Arsenal {n}-{half} on "
                     f"Saturday in front of {40000 + n * 7 + half} fans."} for n in range(30)]
        path = tmp_path / f"batch-{half}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        batches.append(path)
    subprocess.run([sys.executable, "-m", "wirewatch", "ingest", str(batches[0]), "--db", db,
                    "--processes", "1"], env=env, check=True, capture_output=True, timeout=300,
                   input="")  # the store exists before the watcher starts
    watcher = wirewatch("watch", "--follow", "--every", "0.1", "--quiet", "--jsonl", str(lines),
                        env=env)
    statuses: list[tuple[str, int]] = []
    with serving(db, env) as (url, server):
        done = threading.Event()

        def read_api() -> None:
            while not done.is_set():
                for route in ROUTES:
                    statuses.append((route, httpx.get(f"{url}/api/{route}", timeout=30)
                                     .status_code))

        reader = threading.Thread(target=read_api)
        reader.start()
        try:
            more = [tmp_path / "more-0.jsonl", tmp_path / "more-1.jsonl"]
            for path, batch in zip(more, batches, strict=True):  # new ids, new texts
                path.write_text(batch.read_text(encoding="utf-8").replace('"id": "', '"id": "m-')
                                .replace("Monday", "Tuesday").replace("Saturday", "Sunday"),
                                encoding="utf-8")
            ingests = [wirewatch("ingest", str(path), "--db", db, env=env)
                       for path in (batches[1], *more)]
            for ingest in ingests:
                _, err = ingest.communicate(timeout=300)
                assert ingest.returncode == 0, err
            expected = flag_ids(db, env)
            wait_for(lambda: sorted(alerted(lines)) == expected, 90, "every flag alerted")
            time.sleep(1.0)  # more looks at the store, which must send nothing again
        finally:
            done.set()
            reader.join(timeout=60)
            err = stop(watcher)
        server_err = stop(server)
    assert len(expected) >= len(COUNTRIES)  # one incident per country at least
    assert sorted(alerted(lines)) == expected  # each exactly once
    assert "Traceback" not in err and "alert not sent" not in err, err
    assert f"{len(expected)} flag(s) raised; {len(expected)} new alert(s) sent" in err
    assert len(statuses) > len(ROUTES) and {s for _, s in statuses} == {200}, [
        r for r in statuses if r[1] != 200]
    assert "Traceback" not in server_err, server_err


@dataclass
class Feed:
    """An RSS feed on 127.0.0.1 whose items can be added while it is followed."""

    items: list[tuple[str, str]] = field(default_factory=list)
    base: str = ""


@pytest.fixture()
def feed(serve_http, quiet_handler) -> Feed:
    state = Feed()

    class Handler(quiet_handler):
        def do_GET(self) -> None:
            if self.path == "/rss.xml":
                entries = "".join(f"<item><title>{title}</title><link>{state.base}/{n}.html</link>"
                                  "</item>" for n, (title, _) in enumerate(state.items))
                body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
                        f"<link>{state.base}/</link><description>d</description>{entries}"
                        "</channel></rss>").encode()
                return self.answer(200, "application/rss+xml", body)
            page = self.path.strip("/").removesuffix(".html")
            if page.isdigit() and int(page) < len(state.items):
                title, text = state.items[int(page)]
                return self.answer(200, "text/html; charset=utf-8", (
                    f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                    f"<p>{text}</p><p>Officials declined to comment further on the matter "
                    "when asked by reporters later in the week.</p></article></body></html>"
                ).encode())
            return self.answer(404, "text/plain", b"no")

    state.base = serve_http(Handler)
    return state


@pytest.fixture()
def restartable_postgres() -> Iterator[tuple[str, Callable[[], None], Callable[[], None]]]:
    """A PostgreSQL server of this test's own (the session's must not restart): its URL, and
    functions that stop it and start it again on the same port with its data."""
    folder = tempfile.mkdtemp(prefix="wirewatch-pg-restart-")
    script = str(ROOT / "scripts" / "test-postgres")
    started = subprocess.run(["bash", script, "start", folder, str(free_port())],
                             capture_output=True, text=True, check=False)
    assert started.returncode == 0, started.stderr

    def pause() -> None:
        subprocess.run(["bash", script, "pause", folder], check=True, timeout=60)

    def resume() -> None:
        subprocess.run(["bash", script, "resume", folder], check=True, timeout=60)

    try:
        yield started.stdout.strip(), pause, resume
    finally:
        subprocess.run(["bash", script, "stop", folder], check=False)


def test_long_running_commands_reconnect_after_a_postgres_restart(tmp_path: Path, feed: Feed,
                                                                  restartable_postgres):
    db, pause, resume = restartable_postgres
    lines = tmp_path / "alerts.jsonl"
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "WIREWATCH_DB": db,
           "WIREWATCH_FETCH_DELAY": "0"}
    feed.items.append(("Workers for Russia", workers_to("Russia", 1)))
    follower = wirewatch("follow", f"{feed.base}/rss.xml", "--every", "1s", env=env)
    watcher: subprocess.Popen[str] | None = None
    try:
        wait_for(lambda: bool(events(db, env)), 120, "the first article")
        watcher = wirewatch("watch", "--follow", "--every", "0.3", "--quiet", "--jsonl",
                            str(lines), env=env)
        with serving(db, env) as (url, server):
            first = flag_ids(db, env)
            wait_for(lambda: sorted(alerted(lines)) == first != [], 120, "the first alert")
            pause()
            try:
                down = httpx.get(f"{url}/api/incidents", timeout=30)
                assert down.status_code == 503 and int(down.headers["retry-after"]) >= 1
                assert "127.0.0.1" not in down.text and "postgres" not in down.text
                time.sleep(3)  # the watcher and the follower find the server gone meanwhile
            finally:
                resume()
            feed.items.append(("Workers for China", workers_to("China", 2)))
            wait_for(lambda: len(flag_ids(db, env)) > len(first), 120, "the article after it")
            wait_for(lambda: sorted(alerted(lines)) == flag_ids(db, env), 120,
                     "the alert after the restart")

            def answers() -> bool:
                return httpx.get(f"{url}/api/incidents", timeout=30).status_code == 200

            wait_for(answers, 90, "the API after the restart")
            logs = {"watch": stop(watcher), "follow": stop(follower), "serve": stop(server)}
    finally:
        for process in (follower, watcher):
            if process is not None and process.poll() is None:
                stop(process)
    for name, log in logs.items():
        assert "Traceback" not in log, (name, log)
        assert log.count("lost the connection to postgresql://postgres@127.0.0.1") == 1, (name, log)
        assert log.count("reconnected to") == 1, (name, log)
    assert sorted(alerted(lines)) == sorted(set(alerted(lines)))
