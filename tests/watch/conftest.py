"""A real HTTP receiver on 127.0.0.1 for webhook alerts: it records every request and can be
told to fail its first attempts (or all of them) with a status code, or to redirect a path."""

from __future__ import annotations

from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

import pytest


@dataclass
class Receiver:
    url: str
    fail_first: int = 0
    status: int = 500
    requests: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    attempts: int = 0
    redirects: dict[str, tuple[int, str]] = field(default_factory=dict)
    """path -> (status, Location): answered before anything is recorded."""
    paths: list[str] = field(default_factory=list)
    """The path of every POST, redirected or not."""



@pytest.fixture()
def receiver(serve_http) -> Receiver:
    state = Receiver("")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            state.paths.append(self.path)
            if self.path in state.redirects:
                status, location = state.redirects[self.path]
                self.send_response(status)
                self.send_header("Location", location)
                self.end_headers()
                return
            state.attempts += 1
            state.requests.append((dict(self.headers), body))
            failing = state.fail_first < 0 or state.attempts <= state.fail_first
            self.send_response(state.status if failing else 204)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    state.url = serve_http(Handler) + "/hook"
    return state

