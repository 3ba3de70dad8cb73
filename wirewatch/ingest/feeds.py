"""Feeds: RSS and Atom feeds polled, and the articles they list fetched politely and stored once.

Each poll asks for a feed with the ``ETag`` and ``Last-Modified`` it answered last time
(kept in the store's ``feeds`` table), so an unchanged feed costs a 304 and nothing else.
feedparser reads RSS and Atom alike. An entry whose link is already stored is not fetched
again; a fetched page is read like an HTML file (trafilatura's main text) and stored by
fingerprint, so the same article under two links is stored once too. The feed's state is
saved only after its entries are, so a run cut short polls the feed in full next time.

Politeness is ``Fetcher``'s: at most one request per host every ``delay`` seconds, a
timeout on each, retries with exponential back-off for connection failures, 429 and 5xx,
and a cap on the bytes read (a page over it is skipped, not truncated). What goes wrong
with one feed or page is reported and the rest go on. httpx sends; the waits and retries
are a few lines here, because httpx's own retries cover only connecting.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import feedparser
import httpx

from wirewatch import __version__
from wirewatch.errors import InputError
from wirewatch.ingest.article import make_article
from wirewatch.ingest.dates import normalise_date
from wirewatch.ingest.decode import decode
from wirewatch.ingest.documents import extract_html
from wirewatch.model import Article

HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = f"wirewatch/{__version__} (+https://github.com/wirewatch; news monitoring)"


class FetchError(InputError):
    code = "fetch_failed"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    status: int
    headers: dict[str, str]
    content: bytes


class Fetcher:
    """Polite GETs: per-host spacing, timeouts, retries with back-off, a size cap."""

    def __init__(self, *, delay: float = 1.0, timeout: float = 10.0, attempts: int = 3,
                 backoff: float = 1.0, max_bytes: int = 5_000_000,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.delay, self.timeout, self.attempts = delay, timeout, attempts
        self.backoff, self.max_bytes = backoff, max_bytes
        self._sleep, self._clock = sleep, clock
        self._last: dict[str, float] = {}
        self._client = httpx.Client(follow_redirects=True, headers={"User-Agent": USER_AGENT})

    def get(self, url: str, headers: dict[str, str] | None = None) -> Fetched:
        problem = ""
        for attempt in range(self.attempts):
            if attempt:
                self._sleep(self.backoff * 2 ** (attempt - 1))
            self._wait_for_host(url)
            try:
                with self._client.stream("GET", url, headers=headers or {},
                                         timeout=self.timeout) as answer:
                    if answer.status_code == 429 or answer.status_code >= 500:
                        problem = f"it answered HTTP {answer.status_code}"
                        continue
                    content = self._read_capped(url, answer)
                    return Fetched(str(answer.url), answer.status_code, dict(answer.headers),
                                   content)
            except httpx.TimeoutException:
                problem = f"no answer within {self.timeout:g} s"
            except httpx.HTTPError as exc:
                problem = f"{type(exc).__name__}: {exc}"
        raise FetchError(f"cannot fetch {url}", f"{problem} (after {self.attempts} attempts)",
                         "It is tried again on the next poll; check the address if it persists")

    def _read_capped(self, url: str, answer: httpx.Response) -> bytes:
        declared = answer.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"{url} is too large", f"it declares {int(declared):,} bytes",
                             f"Pages over {self.max_bytes:,} bytes are skipped (fetch_max_bytes)")
        chunks, size = [], 0
        for chunk in answer.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"{url} is too large", f"it sent more than {self.max_bytes:,} "
                                 "bytes", "Pages over the cap are skipped (fetch_max_bytes)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None:
            wait = self.delay - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()

    def close(self) -> None:
        self._client.close()


@dataclass(frozen=True, slots=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Polled:
    """Marks the end of a feed's entries, with its new state."""

    state: FeedState


def poll(url: str, state: FeedState, fetcher: Fetcher,
         known: Callable[[str], bool]) -> Iterator[Article | InputError | Polled]:
    """The new articles a feed lists (fetched and read) and the problems met on the way,
    then ``Polled`` with the feed's new state (nothing more when the feed is unchanged or
    could not be read)."""
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    try:
        answer = fetcher.get(url, headers)
    except FetchError as error:
        yield error
        return
    if answer.status == 304:
        return
    if answer.status >= 400:
        yield FetchError(f"cannot fetch the feed {url}", f"it answered HTTP {answer.status}",
                         "Check the feed's address")
        return
    parsed: Any = feedparser.parse(answer.content)
    if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
        yield InputError(f"{url} is not an RSS or Atom feed",
                         str(parsed.get("bozo_exception", "it could not be parsed")),
                         "Check the feed's address")
        return
    publisher = parsed.feed.get("title") or urlsplit(url).netloc
    for entry in parsed.entries:
        link = entry.get("link")
        if not link or known(link):
            continue
        yield from _article(link, entry, publisher, fetcher)
    yield Polled(FeedState(url, answer.headers.get("etag"), answer.headers.get("last-modified")))


def _article(link: str, entry: Any, publisher: str, fetcher: Fetcher) -> Iterator[Article | InputError]:
    try:
        page = fetcher.get(link)
    except FetchError as error:
        yield error
        return
    kind = page.headers.get("content-type", "").split(";")[0].strip().lower()
    if page.status >= 400:
        yield FetchError(f"cannot fetch {link}", f"it answered HTTP {page.status}", "")
        return
    if kind not in HTML_TYPES:
        yield InputError(f"{link} is not an HTML page", f"its type is {kind or 'not given'}",
                         "Only web pages are read from feeds; it is skipped")
        return
    try:
        text, found = extract_html(decode(page.content, link), link)
        published = _published(entry)
        meta = {**found, "url": link, "publisher": publisher,
                **({"title": entry["title"]} if entry.get("title") else {}),
                **({"published": published} if published else {})}
        yield make_article(text, origin=link, **meta)
    except InputError as error:
        yield error


def _published(entry: Any) -> str | None:
    for key in ("published", "updated"):
        if entry.get(key):
            try:
                return normalise_date(entry[key])
            except ValueError:
                continue
    return None


__all__ = ["FeedState", "FetchError", "Fetched", "Fetcher", "Polled", "poll"]
