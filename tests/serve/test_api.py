"""The HTTP API's guards, against a real uvicorn server on 127.0.0.1: body limits, the Host
allow-list, the headers every page carries, what anonymous clients see of errors, filters
checked as the CLI checks them, and `wirewatch serve` failing before it says it serves."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn

from wirewatch.serve.api import create_app
from wirewatch.settings import Settings

TOKEN = "desk-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def live(settings: Settings, hosts: list[str] | None = None,
         said: list[str] | None = None) -> Iterator[str]:
    """``create_app`` served by uvicorn on 127.0.0.1 in a thread; yields its base URL."""
    app = create_app(settings, hosts=hosts, say=(said if said is not None else []).append)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(),
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "w.db"), api_token=TOKEN, max_body_bytes=2000)


def test_a_body_over_the_limit_is_413_whether_or_not_it_says_its_length(settings: Settings):
    with live(settings) as url:
        big = "Troops shelled the town. " * 200  # 5,000 bytes
        answer = httpx.post(f"{url}/api/articles", headers=AUTH, json={"text": big})
        assert answer.status_code == 413 and answer.json()["error"]["code"] == "too_large"
        assert "2,000 bytes" in answer.json()["error"]["what"]

        def chunks() -> Iterator[bytes]:  # chunked: no Content-Length to go by
            yield b'{"text": "'
            for _ in range(100):
                yield b"Troops shelled the town. "
            yield b'"}'

        answer = httpx.post(f"{url}/api/articles", content=chunks(),
                            headers={**AUTH, "Content-Type": "application/json"})
        assert answer.status_code == 413
        anonymous = httpx.post(f"{url}/api/articles", json={"text": big})
        assert anonymous.status_code == 401  # the token is checked before the body is read
        assert httpx.get(f"{url}/api/articles").json()["total"] == 0


def test_pages_may_not_be_framed_and_send_no_referrer(settings: Settings):
    with live(settings) as url:
        for path in ("/", "/api/incidents", "/docs"):
            headers = httpx.get(url + path).headers
            assert "frame-ancestors 'none'" in headers["content-security-policy"], path
            assert headers["x-frame-options"] == "DENY"
            assert headers["referrer-policy"] == "no-referrer"
        assert "default-src 'self'" in httpx.get(url + "/").headers["content-security-policy"]


def test_only_allowed_hosts_are_answered(settings: Settings):
    with live(settings, hosts=["127.0.0.1", "localhost"]) as url:
        port = url.rsplit(":", 1)[1]
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", "LOCALHOST"):
            assert httpx.get(f"{url}/api/incidents", headers={"Host": host}).status_code == 200
        for host in (f"rebound.evil.example:{port}", "evil.example", f"[::1]:{port}"):
            answer = httpx.get(f"{url}/api/incidents", headers={"Host": host})
            assert answer.status_code == 400, host
            assert answer.json()["error"]["code"] == "host_not_allowed"
            assert answer.headers["x-frame-options"] == "DENY"
            assert "--allowed-host" in answer.json()["error"]["fix"]
    with live(settings, hosts=["*"]) as url:
        assert httpx.get(f"{url}/api/incidents",
                         headers={"Host": "news.example"}).status_code == 200


def test_anonymous_errors_name_no_file_or_server(settings: Settings, tmp_path: Path):
    said: list[str] = []
    path = str(tmp_path / "w.db")
    with live(settings, said=said) as url:
        missing = httpx.get(f"{url}/api/articles/nope")
        assert missing.status_code == 404 and path not in missing.text
        assert "the store" in missing.json()["error"]["what"]
        assert path in httpx.get(f"{url}/api/articles/nope", headers=AUTH).text  # the operator's
        (tmp_path / "w.db").write_bytes(b"not a database at all " * 100)  # the store breaks
        for file in tmp_path.glob("w.db-*"):
            file.unlink()
        broken = httpx.get(f"{url}/api/incidents")
        assert broken.status_code == 503 and path not in broken.text and "w.db" not in broken.text
        assert int(broken.headers["retry-after"]) >= 1
        assert broken.json()["error"]["code"] == "store_error"
        operator = httpx.get(f"{url}/api/incidents", headers=AUTH)
        assert operator.status_code == 503 and "not a database" in operator.text
    assert any(path in line and "not a database" in line for line in said)  # the server's log


def test_an_unknown_event_type_is_refused_as_the_cli_refuses_it(settings: Settings):
    with live(settings) as url:
        for route in ("events", "incidents", "incidents/summary"):
            answer = httpx.get(f"{url}/api/{route}", params={"type": "NOTATYPE"})
            assert answer.status_code == 400, route
            error = answer.json()["error"]
            assert error["code"] == "bad_input" and "ASSAULT" in error["why"]
            assert httpx.get(f"{url}/api/{route}", params={"type": "assault"}).status_code == 200


def serve(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "wirewatch", "serve", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})


@pytest.mark.slow
def test_serve_fails_before_it_says_it_serves(tmp_path: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        _, err = serve("--db", str(tmp_path / "w.db"), "--port", str(port)).communicate(timeout=60)
    assert f"cannot listen on 127.0.0.1:{port}" in err and "wirewatch on http" not in err
    assert "Traceback" not in err
    _, err = serve("--db", str(tmp_path / "no" / "w.db")).communicate(timeout=60)
    assert "does not exist" in err and "wirewatch on http" not in err


@pytest.mark.slow
def test_serve_answers_to_its_own_address_unless_told_otherwise(tmp_path: Path):
    port = free_port()
    process = serve("--db", str(tmp_path / "w.db"), "--port", str(port), "--allowed-host",
                    "news.example")
    url = f"http://127.0.0.1:{port}/api/incidents"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                answer = httpx.get(url, headers={"Host": "news.example"}, timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert answer.status_code == 200
        assert httpx.get(url).status_code == 400  # 127.0.0.1 was not named
    finally:
        process.terminate()
        _, err = process.communicate(timeout=20)
    assert "answering to news.example" in err
    port = free_port()
    process = serve("--db", str(tmp_path / "w.db"), "--port", str(port))
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                answer = httpx.get(f"http://localhost:{port}/api/incidents", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert answer.status_code == 200
        assert httpx.get(f"http://127.0.0.1:{port}/api/incidents",
                         headers={"Host": "evil.example"}).status_code == 400
    finally:
        process.terminate()
        _, err = process.communicate(timeout=20)
    assert "answering to 127.0.0.1, localhost, ::1" in err
