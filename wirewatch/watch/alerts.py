"""Alerts: new flags sent to the terminal, a JSON Lines file and a webhook, each once.

A channel has a name (``terminal``, ``jsonl:/abs/path``, ``webhook:<hash of the URL>``,
so a token in a hook URL is never stored or printed); the store remembers which flag went
to which channel (``alerts`` table), recorded only once the channel took it, so a flag is
sent once per channel however often ``watch`` runs, and a webhook that was down gets the
flag on the next run. A receiver that refuses a flag for good (a 4xx other than 408 and
429) has that refusal recorded with its answer and reported, so one bad flag cannot hold
up the rest; ``watch --failed`` lists refusals and ``watch --resend`` sends them again.
Delivery is at least once: a crash between a webhook's 2xx and the record sends that flag
again on the next run, which the receiver can recognise by its ``X-Wirewatch-Delivery``
header.

The webhook POSTs the flag as JSON with ``X-Wirewatch-Timestamp`` (Unix seconds) and
``X-Wirewatch-Signature: sha256=<hex>``, the HMAC-SHA256 of ``<timestamp>.<body>`` under
the shared secret, so a receiver can check both the body and its freshness (refusing old
timestamps stops replays). A redirect (301, 302, 303, 307, 308) is followed, up to
``MAX_REDIRECTS``, when it stays on the same scheme or goes to https, and the same signed
body is POSTed again there (as curl's ``--post301 --post302`` do: a moved webhook still
wants the alert, not a GET). Connection failures, timeouts, any other 3xx (a downgrade to
http, too many hops), 408, 429 and 5xx answers are retried with exponential back-off
(0.5 s, 1 s, 2 s, ...) and, if they last, the flag stays unsent for the next run. The
retry loop is a few lines here rather than a dependency: httpx sends, and its transport
retries cover only connecting.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

import httpx
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from wirewatch import __version__
from wirewatch.errors import DeliveryError, DeliveryRefusedError
from wirewatch.model import to_json
from wirewatch.store import Store
from wirewatch.watch.flags import Flag

SIGNATURE_HEADER = "X-Wirewatch-Signature"
TIMESTAMP_HEADER = "X-Wirewatch-Timestamp"
DELIVERY_HEADER = "X-Wirewatch-Delivery"
MAX_REDIRECTS = 5
RETRYABLE = frozenset({408, 429})
"""4xx answers worth another try; every other 4xx refuses the flag for good."""
_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}


class Channel(Protocol):
    name: str

    def send(self, flag: Flag) -> None:
        """Deliver one flag or raise DeliveryError."""


def flag_json(flag: Flag) -> dict[str, Any]:
    return dict(to_json(flag))


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """The value of the signature header for ``body`` sent at ``timestamp``."""
    signed = timestamp.encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


@dataclass
class Terminal:
    console: Console
    name: str = "terminal"

    def send(self, flag: Flag) -> None:
        style = _STYLE[flag.confidence]
        lines = [f"[bold]{escape(flag.rationale)}[/bold]",
                 f"[dim]{escape(flag.summary)}[/dim]",
                 f"confidence [{style}]{flag.confidence}[/{style}]: {escape('; '.join(flag.reasons))}"]
        lines += [f"  \u201c{escape(e.quote.strip())}\u201d [dim]({escape(e.article_id)} "
                  f"{e.start}-{e.end})[/dim]" for e in flag.evidence[:3]]
        self.console.print(Panel("\n".join(lines), expand=False,
                                 title=f"[{style}]{escape(flag.provision)}[/{style}]",
                                 subtitle=escape(flag.flag_id)), highlight=False)


class JsonLines:
    """Appends one JSON object per flag to a file (created if missing)."""

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self.name = f"jsonl:{self.path}"

    def send(self, flag: Flag) -> None:
        try:
            with self.path.open("a", encoding="utf-8") as out:
                out.write(json.dumps(flag_json(flag), ensure_ascii=False) + "\n")
        except OSError as exc:
            raise DeliveryError(f"cannot write the alert to {self.path}", exc.strerror or str(exc),
                                "Check the path and that the folder is writable") from None


class Webhook:
    """POSTs each flag as signed JSON, retrying what may pass on a second try."""

    def __init__(self, url: str, secret: str, *, attempts: int = 4, backoff: float = 0.5,
                 timeout: float = 10.0, sleep: Callable[[float], None] = time.sleep) -> None:
        if not url.startswith(("http://", "https://")):
            raise DeliveryError(f"the webhook {url!r} is not an http(s) URL", "",
                                "Give a URL such as https://example.org/hooks/wirewatch")
        if not secret:
            raise DeliveryError("no webhook secret is set",
                                "every webhook request is signed (HMAC-SHA256)",
                                "Set WIREWATCH_WEBHOOK_SECRET (or webhook_secret in "
                                "wirewatch.toml) to a secret the receiver shares")
        self._url, self._secret, self.attempts = url, secret, attempts
        self.backoff, self.timeout, self._sleep = backoff, timeout, sleep
        self.shown = _shown(url)
        """The URL without credentials or query (which often carries a token)."""
        self.name = "webhook:" + hashlib.sha256(url.encode()).hexdigest()[:16]

    def send(self, flag: Flag) -> None:
        body = json.dumps(flag_json(flag), ensure_ascii=False).encode()
        problem = ""
        for attempt in range(self.attempts):
            if attempt:
                self._sleep(self.backoff * 2 ** (attempt - 1))
            try:
                answer, where = self._post(flag, body)
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                problem = type(exc).__name__  # its text may hold the URL
                continue
            except ValueError:  # a Location no URL parser reads ("https://[bad/", a port > 65535)
                problem = "it redirected to an address that is not a URL"
                continue
            if answer.is_success:
                return
            problem = f"it answered HTTP {answer.status_code}{where}"
            if 400 <= answer.status_code < 500 and answer.status_code not in RETRYABLE:
                raise DeliveryRefusedError(
                    f"the webhook {self.shown} refused flag {flag.flag_id}", problem,
                    "It is recorded as refused and not sent again by itself: fix what the "
                    "receiver expects, then `wirewatch watch --resend` with the same "
                    "--webhook; `wirewatch watch --failed` lists refusals")
        raise DeliveryError(f"the webhook {self.shown} did not take flag {flag.flag_id}",
                            f"{problem} (after {self.attempts} attempt(s))",
                            "It stays unsent and goes on the next watch run; check the "
                            "receiver and its logs")

    def _post(self, flag: Flag, body: bytes) -> tuple[httpx.Response, str]:
        """POST the signed body, following redirects that keep to the scheme or go to
        https; the last answer, and where it came from when that was not the hook's URL."""
        url, where = self._url, ""
        for _ in range(MAX_REDIRECTS + 1):
            timestamp = str(int(time.time()))
            headers = {"Content-Type": "application/json",
                       "User-Agent": f"wirewatch/{__version__}", DELIVERY_HEADER: flag.flag_id,
                       TIMESTAMP_HEADER: timestamp,
                       SIGNATURE_HEADER: signature(self._secret, timestamp, body)}
            answer = httpx.post(url, content=body, headers=headers, timeout=self.timeout,
                                follow_redirects=False)
            if not answer.has_redirect_location:  # 301, 302, 303, 307, 308 with a Location
                return answer, where
            target = urljoin(url, answer.headers["location"])
            if not follows(url, target):
                return answer, (f" redirecting to {urlsplit(target).scheme}, which is not "
                                "followed")
            url, where = target, f" from {_shown(target)} (redirected)"
        return answer, f" after {MAX_REDIRECTS} redirects"


def follows(current: str, target: str) -> bool:
    """Whether a webhook redirect from ``current`` to ``target`` is followed: on the same
    scheme, or to https (never from https down to http, nor off http altogether)."""
    scheme = urlsplit(target).scheme
    return scheme in ("http", "https") and scheme in (urlsplit(current).scheme, "https")


def _shown(url: str) -> str:
    """A URL as messages show it: no credentials, no query (which often carries a token)."""
    parts = urlsplit(url)
    return (f"{parts.scheme}://{parts.hostname}{f':{parts.port}' if parts.port else ''}"
            f"{parts.path}{'?...' if parts.query else ''}")


@dataclass(frozen=True, slots=True)
class Delivery:
    sent: int
    failed: list[DeliveryError]


def deliver(store: Store, flags: Sequence[Flag], channels: Sequence[Channel],
            on_failure: Callable[[DeliveryError], None] | None = None) -> Delivery:
    """Send each flag to each channel that has not had it, recording what went. A flag the
    receiver refuses for good is recorded as refused; any other failure stops the channel
    for this run (a receiver that is down would otherwise cost every flag its retries),
    and what it missed goes on the next run."""
    sent, failed = 0, []
    for channel in channels:
        done = store.alerted(channel.name)
        for flag in flags:
            if flag.flag_id in done:
                continue
            try:
                channel.send(flag)
            except DeliveryError as exc:
                failed.append(exc)
                if on_failure is not None:
                    on_failure(exc)
                if isinstance(exc, DeliveryRefusedError):
                    store.record_alert(flag.flag_id, channel.name, flag.confidence, "refused",
                                       f"{exc.what}: {exc.why}")
                    continue
                break
            store.record_alert(flag.flag_id, channel.name, flag.confidence)
            sent += 1
    return Delivery(sent, failed)


__all__ = ["DELIVERY_HEADER", "MAX_REDIRECTS", "RETRYABLE", "SIGNATURE_HEADER", "TIMESTAMP_HEADER", "Channel", "Delivery", "JsonLines", "Terminal", "Webhook", "deliver", "flag_json", "follows", "signature"]
