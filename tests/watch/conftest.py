"""A real HTTP receiver on 127.0.0.1 for webhook alerts: it records every request and can be
told to fail its first attempts (or all of them) with a status code."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Receiver:
    url: str
    fail_first: int = 0
    status: int = 500
    requests: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    attempts: int = 0

    @property
    def accepted(self) -> list[tuple[dict[str, str], bytes]]:
        return self.requests[self.fail_first:] if self.fail_first >= 0 else []


@pytest.fixture()
def receiver() -> Iterator[Receiver]:
    state = Receiver("")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            state.attempts += 1
            state.requests.append((dict(self.headers), body))
            failing = state.fail_first < 0 or state.attempts <= state.fail_first
            self.send_response(state.status if failing else 204)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
