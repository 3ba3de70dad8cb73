"""Fixtures shared by the whole suite: the example article, settings, and the loaded pipeline."""

from __future__ import annotations

import threading
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
