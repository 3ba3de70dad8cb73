"""Feeds: RSS and Atom feeds polled, and the articles they list fetched politely and stored once.

Each poll asks for a feed with the ``ETag`` and ``Last-Modified`` it answered last time
(kept in the store's ``feeds`` table), so an unchanged feed costs a 304 and nothing else.
feedparser reads RSS and Atom alike. An entry whose link is already stored is not fetched
again; a fetched page is read like an HTML file (trafilatura's main text) and stored by
fingerprint, so the same article under two links is stored once too. The feed's state is
saved only after its entries are, so a run cut short polls the feed in full next time.

Politeness is ``Fetcher``'s: each host's robots.txt is obeyed (its ``Crawl-delay`` too),
at most one request per host every ``delay`` seconds (redirect hops included), a timeout
on each read and a bound on a whole response, retries with exponential back-off for
connection failures and 5xx (a 429's ``Retry-After`` honoured), a page's type checked
before its body is read, and a cap on the bytes read (a page over it is skipped, not
truncated). A feed whose pages could not all be fetched keeps its old state, so the next
poll tries them again. What goes wrong with one feed or page is reported and the rest go
on. httpx sends; the waits and retries are a few lines here, because httpx's own retries
cover only connecting, and urllib's robotparser reads robots.txt.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import feedparser
import httpx

from wirewatch import __version__
from wirewatch.errors import InputError
from wirewatch.ingest.article import article_with
from wirewatch.ingest.dates import normalise_date
from wirewatch.ingest.decode import decode
from wirewatch.ingest.documents import extract_html
from wirewatch.model import Article, FeedState

HTML_TYPES = ("text/html", "application/xhtml+xml")
TOTAL_TIMEOUTS = 6
"""A whole response may take this many timeouts (a minute by default), however it trickles."""
MAX_RETRY_AFTER = 300.0
USER_AGENT = f"wirewatch/{__version__} (+https://github.com/wirewatch; news monitoring)"


class FetchError(InputError):
    code = "fetch_failed"


class RobotsRefusedError(InputError):
    """A feed or page the site's robots.txt closes to us: skipped, and not retried as a
    failed fetch is (the site asked)."""

    code = "closed_to_robots"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    status: int
    headers: dict[str, str]
    content: bytes
    charset: str | None = None


class Fetcher:
    """Polite GETs: robots.txt, per-host spacing, timeouts, retries with back-off, a size cap."""

    def __init__(self, *, delay: float = 1.0, timeout: float = 10.0, attempts: int = 3,
                 backoff: float = 1.0, max_bytes: int = 5_000_000, max_redirects: int = 5,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.delay, self.timeout, self.attempts = delay, timeout, attempts
        self.backoff, self.max_bytes, self.max_redirects = backoff, max_bytes, max_redirects
        self._sleep, self._clock = sleep, clock
        self._next: dict[str, float] = {}
        """When each host may be asked again."""
        self._spacing: dict[str, float] = {}
        """A host's own spacing, where its robots.txt asks for more than ``delay``."""
        self._robots: dict[str, RobotFileParser | None] = {}
        self._client = httpx.Client(follow_redirects=False, headers={"User-Agent": USER_AGENT})

    def get(self, url: str, headers: dict[str, str] | None = None,
            types: tuple[str, ...] = ()) -> Fetched:
        """The answer to a GET of ``url`` (redirects followed, each hop spaced); with
        ``types``, an answer of another content type is refused before its body is read."""
        for _ in range(self.max_redirects + 1):
            answer = self._get_one(url, headers or {}, types)
            if answer.status in (301, 302, 303, 307, 308) and "location" in answer.headers:
                url = urljoin(url, answer.headers["location"])
                continue
            return answer
        raise FetchError(f"cannot fetch {url}", f"more than {self.max_redirects} redirects",
                         "Check the address")

    def _get_one(self, url: str, headers: dict[str, str], types: tuple[str, ...]) -> Fetched:
        self._check_robots(url)
        problem = ""
        for attempt in range(self.attempts):
            if attempt:
                self._sleep(self.backoff * 2 ** (attempt - 1))
            self._wait_for_host(url)
            try:
                with self._client.stream("GET", url, headers=headers,
                                         timeout=self.timeout) as answer:
                    if answer.status_code == 429 or answer.status_code >= 500:
                        problem = f"it answered HTTP {answer.status_code}"
                        self._back_off_host(url, answer.headers.get("retry-after", ""))
                        continue
                    kind = answer.headers.get("content-type", "").split(";")[0].strip().lower()
                    if types and answer.status_code == 200 and kind not in types:
                        raise InputError(f"{url} is not an HTML page",
                                         f"its type is {kind or 'not given'}",
                                         "Only web pages are read from feeds; it is skipped")
                    content = self._read_capped(url, answer)
                    return Fetched(str(answer.url), answer.status_code, dict(answer.headers),
                                   content, answer.charset_encoding)
            except httpx.InvalidURL as exc:
                raise FetchError(f"cannot fetch {url}", f"it is not a valid URL ({exc})",
                                 "Check the address") from None
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
        deadline = self._clock() + TOTAL_TIMEOUTS * self.timeout  # a trickle cannot hold on
        chunks, size = [], 0
        for chunk in answer.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"{url} is too large", f"it sent more than {self.max_bytes:,} "
                                 "bytes", "Pages over the cap are skipped (fetch_max_bytes)")
            if self._clock() > deadline:
                raise FetchError(f"cannot fetch {url}", f"it took more than "
                                 f"{TOTAL_TIMEOUTS * self.timeout:g} s to send", "It is skipped")
            chunks.append(chunk)
        return b"".join(chunks)

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            self._robots[host] = None  # unreadable or missing robots.txt: everything allowed
            self._wait_for_host(url)
            try:
                answer = self._client.get(f"{host}/robots.txt", timeout=self.timeout)
                if answer.status_code == 200:
                    parser = RobotFileParser()
                    parser.parse(answer.text.splitlines())
                    self._robots[host] = parser
            except httpx.HTTPError:
                pass
        robots = self._robots[host]
        if robots is None or url.endswith("/robots.txt"):
            return
        if not robots.can_fetch(USER_AGENT, url):
            raise RobotsRefusedError(f"{url} is closed to robots",
                                     f"{host}/robots.txt disallows it",
                                     "It is skipped, as the site asks")
        crawl_delay = robots.crawl_delay(USER_AGENT)
        if crawl_delay:
            self._spacing[parts.netloc] = max(self.delay, float(crawl_delay))

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        wait = self._next.get(host, 0.0) - self._clock()
        if wait > 0:
            self._sleep(wait)
        self._next[host] = self._clock() + self._spacing.get(host, self.delay)

    def _back_off_host(self, url: str, retry_after: str) -> None:
        if retry_after.strip().isdigit():
            host = urlsplit(url).netloc
            self._next[host] = self._clock() + min(float(retry_after), MAX_RETRY_AFTER)

    def close(self) -> None:
        self._client.close()


@dataclass(frozen=True, slots=True)
class Polled:
    """Marks the end of a feed's poll, with the state to keep (the old one when the feed
    did not change, or when some of its pages could not be fetched this time)."""

    state: FeedState
    changed: bool = True


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
    except InputError as error:  # unreachable, or closed to robots: this feed only
        yield error
        return
    if answer.status == 304:
        yield Polled(state, changed=False)
        return
    if answer.status >= 400:
        yield FetchError(f"cannot fetch the feed {url}", f"it answered HTTP {answer.status}",
                         "Check the feed's address")
        return
    # the answer's address resolves relative links
    parsed: Any = feedparser.parse(answer.content, response_headers={
        **answer.headers, "content-location": answer.url})
    if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
        yield InputError(f"{url} is not an RSS or Atom feed",
                         str(parsed.get("bozo_exception", "it could not be parsed")),
                         "Check the feed's address")
        return
    publisher = parsed.feed.get("title") or urlsplit(url).netloc
    missed = False
    for entry in parsed.entries:
        link = entry.get("link")
        if not link or known(link):
            continue
        for item in _article(link, entry, publisher, fetcher):
            missed = missed or isinstance(item, FetchError)
            yield item
    new = FeedState(url, answer.headers.get("etag"), answer.headers.get("last-modified"))
    yield Polled(state if missed else new)


def _article(link: str, entry: Any, publisher: str, fetcher: Fetcher) -> Iterator[Article | InputError]:
    try:
        page = fetcher.get(link, types=HTML_TYPES)
    except InputError as error:
        yield error
        return
    if page.status >= 400:
        yield FetchError(f"cannot fetch {link}", f"it answered HTTP {page.status}", "")
        return
    try:
        html = (page.content.decode(page.charset, errors="replace") if page.charset
                else decode(page.content, link))
        text, found = extract_html(html, link)
        published = _published(entry)
        meta = {**found, "url": link, "publisher": publisher,
                **({"title": entry["title"]} if entry.get("title") else {}),
                **({"published": published} if published else {})}
        yield article_with(text, meta, origin=link)
    except (InputError, LookupError) as error:  # LookupError: a charset Python does not know
        yield error if isinstance(error, InputError) else InputError(
            f"cannot read {link}", str(error), "It is skipped")


def _published(entry: Any) -> str | None:
    """The entry's date in UTC, as feedparser parsed it (zones such as PDT included)."""
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)
    for key in ("published", "updated"):
        if entry.get(key):
            try:
                return normalise_date(entry[key])
            except ValueError:
                continue
    return None


__all__ = ["FeedState", "FetchError", "Fetched", "Fetcher", "Polled", "RobotsRefusedError", "poll"]
