"""Fixtures shared by the whole suite: the example article, settings, the loaded pipeline,
local HTTP servers and a real PostgreSQL server."""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from wirewatch.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kursk-workers.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite tests/golden/*.json from the current output.")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pipeline():
    from wirewatch.pipeline import Pipeline

    return Pipeline.from_settings(Settings(batch_size=4))


@pytest.fixture(scope="session")
def code_text(pipeline):
    """Code one text with the session's pipeline: ``code_text(text, id=..., published=...)``."""
    from wirewatch.ingest import make_article

    def code(text: str, **meta: str):
        return next(pipeline.code([make_article(text, **meta)]))

    return code


@pytest.fixture(scope="session")
def kursk(code_text, example_text):
    return code_text(example_text, id="kursk-workers")


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that answers in one call and keeps the test output clean."""

    def answer(self, status: int, kind: str, body: bytes, **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def quiet_handler() -> type[QuietHandler]:
    """The base class for the handlers of ``serve_http``: ``self.answer(status, type, body,
    **headers)``."""
    return QuietHandler


@pytest.fixture()
def serve_http() -> Iterator[Callable[[type[BaseHTTPRequestHandler]], str]]:
    """Start a real HTTP server on 127.0.0.1 for a handler class; its base URL is returned,
    and it is shut down after the test."""
    servers: list[ThreadingHTTPServer] = []

    def start(handler: type[BaseHTTPRequestHandler]) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "wirewatch.db"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a real PostgreSQL server: ``WIREWATCH_TEST_POSTGRES`` when set (``.ci/run``
    starts one), else a throwaway one started for this session by ``scripts/test-postgres``.
    Not skipped when PostgreSQL is missing: the tests fail and say how to install it."""
    if os.environ.get("WIREWATCH_TEST_POSTGRES"):
        yield os.environ["WIREWATCH_TEST_POSTGRES"]
        return
    folder = tempfile.mkdtemp(prefix="wirewatch-pg-")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    script = str(ROOT / "scripts" / "test-postgres")
    started = subprocess.run(["bash", script, "start", folder, str(port)],
                             capture_output=True, text=True, check=False)
    if started.returncode != 0:
        pytest.fail(f"could not start PostgreSQL for the tests: {started.stderr.strip()}",
                    pytrace=False)
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run(["bash", script, "stop", folder], check=False)


@pytest.fixture
def new_pg_db(postgres_server: str) -> Iterator[Callable[[], str]]:
    """Make new, empty databases on the test server: ``new_pg_db()`` returns the URL of
    one; all are dropped after the test."""
    import psycopg

    names: list[str] = []

    def create() -> str:
        names.append(f"wirewatch_test_{uuid.uuid4().hex[:12]}")
        with psycopg.connect(postgres_server, autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {names[-1]}")
        return postgres_server.rsplit("/", 1)[0] + "/" + names[-1]

    yield create
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        for name in names:
            admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def pg_url(new_pg_db: Callable[[], str]) -> str:
    """A new, empty database on the test server (dropped after the test)."""
    return new_pg_db()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new database to open with ``Store.open``: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "wirewatch.db")
    return str(request.getfixturevalue("pg_url"))
