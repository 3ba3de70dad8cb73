"""Feeds against real HTTP servers on 127.0.0.1: conditional requests, politeness (per-host
spacing, timeouts, retries, a size cap), pages that are not HTML, and no article twice."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field

import pytest

from wirewatch.errors import InputError
from wirewatch.ingest.feeds import (
    FeedState,
    Fetcher,
    FetchError,
    Polled,
    RobotsRefusedError,
    poll,
)
from wirewatch.jobs import follow_once
from wirewatch.model import Article
from wirewatch.serve.cli import main
from wirewatch.store import Store

ARTICLE = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
           "<p>{text}</p><p>The ministry said more details would follow later this week, "
           "and officials declined to comment further on the matter.</p></article></body></html>")
PAGES = {
    "/a1.html": ("Strike on Kharkiv", ("Russian missiles struck Kharkiv on Monday, killing three "
                 "civilians and damaging a power station, regional officials said.")),
    "/a2.html": ("Workers for Kursk", ("North Korea sent 2,000 construction workers to Russia's "
                 "Kursk region, South Korea's intelligence service said on Tuesday.")),
    "/copy.html": ("Strike on Kharkiv", ("Russian missiles struck Kharkiv on Monday, killing three "
                   "civilians and damaging a power station, regional officials said.")),
}
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Desk Wire</title>
<link>http://example.org/</link><description>d</description>
<item><title>Strike on Kharkiv</title><link>{base}/a1.html</link>
<pubDate>Mon, 03 Mar 2025 08:00:00 GMT</pubDate></item>
<item><title>Workers for Kursk</title><link>/a2.html</link></item>
<item><title>A report</title><link>{base}/report.pdf</link></item>
<item><title>Same story, other link</title><link>{base}/copy.html</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Desk</title><id>urn:x</id><updated>2025-03-04T00:00:00Z</updated>
<entry><title>Workers for Kursk</title><link href="{base}/a2.html"/><id>urn:a2</id>
<updated>2025-03-04T00:00:00Z</updated></entry></feed>"""


@dataclass
class Site:
    base: str = ""
    hits: list[tuple[str, float, dict[str, str]]] = field(default_factory=list)
    failures: dict[str, int] = field(default_factory=dict)
    """Path -> how many more times it answers 503 (429 with Retry-After when set)."""
    robots: str | None = None
    retry_after: str | None = None


@pytest.fixture()
def site(serve_http, quiet_handler) -> Site:
    state = Site()

    class Handler(quiet_handler):
        def do_GET(self) -> None:
            state.hits.append((self.path, time.monotonic(), dict(self.headers)))
            if self.path == "/robots.txt":
                if state.robots is None:
                    return self.answer(404, "text/plain", b"none")
                return self.answer(200, "text/plain", state.robots.encode())
            if state.failures.get(self.path, 0) > 0:
                state.failures[self.path] -= 1
                if state.retry_after:
                    return self.answer(429, "text/plain", b"slow down", Retry_After=state.retry_after)
                return self.answer(503, "text/plain", b"busy")
            if self.path in ("/rss.xml", "/atom.xml"):
                if self.headers.get("If-None-Match") == '"v1"':
                    return self.answer(304, "application/rss+xml", b"")
                body = (RSS if self.path == "/rss.xml" else ATOM).format(base=state.base)
                return self.answer(200, "application/rss+xml", body.encode(), ETag='"v1"')
            if self.path == "/slow.xml":
                time.sleep(2)
                return self.answer(200, "application/rss+xml", b"<rss/>")
            if self.path == "/huge.html":
                return self.answer(200, "text/html", b"<p>" + b"x" * 50_000 + b"</p>")
            if self.path == "/report.pdf":
                return self.answer(200, "application/pdf", b"%PDF-1.4 binary")
            if self.path == "/not-a-feed.xml":
                return self.answer(200, "text/html", b"<html><body>hello</body></html>")
            if self.path in PAGES:
                title, text = PAGES[self.path]
                return self.answer(200, "text/html; charset=utf-8",
                                   ARTICLE.format(title=title, text=text).encode())
            return self.answer(404, "text/plain", b"no")

    state.base = serve_http(Handler)
    return state


def fetcher(**options) -> Fetcher:
    return Fetcher(**{"delay": 0, "timeout": 1, "attempts": 2, "backoff": 0.01, **options})


def test_a_feed_yields_its_html_articles_and_reports_the_rest(site):
    items = list(poll(site.base + "/rss.xml", FeedState(site.base + "/rss.xml"), fetcher(),
                      known=lambda url: False))
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, InputError)]
    assert [a.url for a in articles] == [site.base + "/a1.html", site.base + "/a2.html",
                                         site.base + "/copy.html"]
    first = articles[0]
    assert first.publisher == "Desk Wire" and first.title == "Strike on Kharkiv"
    assert first.published and first.published.startswith("2025-03-03")
    assert "killing three civilians" in first.text
    [pdf] = problems
    assert "is not an HTML page" in pdf.message and "application/pdf" in pdf.message
    assert isinstance(items[-1], Polled) and items[-1].state.etag == '"v1"'


def test_known_links_are_not_fetched_and_an_unchanged_feed_costs_a_304(site):
    known = {site.base + "/a1.html", site.base + "/a2.html", site.base + "/copy.html",
             site.base + "/report.pdf"}
    items = list(poll(site.base + "/rss.xml", FeedState(site.base + "/rss.xml"), fetcher(),
                      known=known.__contains__))
    assert [type(i) for i in items] == [Polled]
    assert [path for path, _, _ in site.hits] == ["/robots.txt", "/rss.xml"]
    again = list(poll(site.base + "/rss.xml", items[0].state, fetcher(), known=lambda u: False))
    assert again == [Polled(items[0].state, changed=False)]  # 304: nothing to read
    assert site.hits[-1][2].get("If-None-Match") == '"v1"'


def test_a_feed_whose_pages_failed_keeps_its_old_state(site):
    site.failures["/a2.html"] = 99  # down for now
    old = FeedState(site.base + "/rss.xml")
    items = list(poll(old.url, old, fetcher(), known=lambda url: False))
    assert any(isinstance(i, FetchError) and "/a2.html" in i.message for i in items)
    assert items[-1] == Polled(old)  # not the new ETag: the next poll reads the feed again


def test_robots_txt_and_retry_after_are_obeyed(site):
    site.robots = "User-agent: *\nDisallow: /a2.html\nCrawl-delay: 1\n"
    polite = fetcher()
    with pytest.raises(RobotsRefusedError, match="closed to robots"):
        polite.get(site.base + "/a2.html")
    polite.get(site.base + "/a1.html")
    polite.get(site.base + "/copy.html")
    pages = [t for path, t, _ in site.hits if path.endswith(".html")]
    assert pages[1] - pages[0] >= 0.95  # the crawl delay, though fetch_delay is 0
    site.failures["/rss.xml"], site.retry_after = 1, "1"
    started = time.monotonic()
    fetcher(attempts=2, backoff=0).get(site.base + "/rss.xml")
    assert time.monotonic() - started >= 0.95  # waited as the 429 asked


def test_politeness_spacing_retries_timeouts_and_the_size_cap(site):
    polite = fetcher(delay=0.3)
    for path in ("/a1.html", "/a2.html", "/copy.html"):
        polite.get(site.base + path)
    times = [t for path, t, _ in site.hits if path != "/robots.txt"]
    assert all(b - a >= 0.28 for a, b in itertools.pairwise(times))
    site.failures["/a2.html"] = 2
    assert fetcher(attempts=3).get(site.base + "/a2.html").status == 200  # third time lucky
    site.failures["/a2.html"] = 5
    with pytest.raises(FetchError, match="HTTP 503 \\(after 2 attempts"):
        fetcher().get(site.base + "/a2.html")
    with pytest.raises(FetchError, match="no answer within 1 s"):
        fetcher(attempts=1).get(site.base + "/slow.xml")
    with pytest.raises(FetchError, match="too large"):
        fetcher(max_bytes=10_000).get(site.base + "/huge.html")
    items = list(poll(site.base + "/not-a-feed.xml", FeedState(""), fetcher(), lambda u: False))
    assert "is not an RSS or Atom feed" in items[0].message


def test_a_feed_closed_to_robots_is_reported_and_skipped(site):
    site.robots = "User-agent: *\nDisallow: /atom.xml\n"
    items = list(poll(site.base + "/atom.xml", FeedState(site.base + "/atom.xml"), fetcher(),
                      known=lambda url: False))
    [refused] = items  # no Polled: nothing about the feed is recorded
    assert isinstance(refused, RobotsRefusedError) and "/atom.xml is closed to robots" in refused.message
    assert "/atom.xml" not in [path for path, _, _ in site.hits]


@pytest.mark.slow
def test_a_feed_closed_to_robots_does_not_stop_the_other_feeds(site, tmp_path, pipeline):
    # Regression: the refusal used to escape poll and end the whole follow run.
    site.robots = "User-agent: *\nDisallow: /atom.xml\nDisallow: /copy.html\n"
    atom, rss = site.base + "/atom.xml", site.base + "/rss.xml"
    with Store.open(tmp_path / "w.db") as store:
        report = follow_once([atom, rss], store=store, pipeline=pipeline, fetcher=fetcher())
        assert [coded.article.url for coded in report.stored] == [site.base + "/a1.html",
                                                                 site.base + "/a2.html"]
        refused = [p.message for p in report.problems if isinstance(p, RobotsRefusedError)]
        assert [m.split(" is closed")[0] for m in refused] == [atom, site.base + "/copy.html"]
        assert store.feed_state(atom) == FeedState(atom)  # never read, so nothing recorded
        assert store.feed_state(rss).etag == '"v1"'
    assert not {"/atom.xml", "/copy.html"} & {path for path, _, _ in site.hits}


@pytest.mark.slow
def test_follow_stores_each_article_once_across_feeds_and_polls(site, tmp_path, capsys):
    db = str(tmp_path / "w.db")
    config = tmp_path / "wirewatch.toml"
    config.write_text("fetch_delay = 0.05\nfetch_timeout = 1\nfetch_attempts = 1\n",
                      encoding="utf-8")
    feeds = [site.base + "/rss.xml", site.base + "/atom.xml", site.base + "/slow.xml"]

    def follow() -> str:
        capsys.readouterr()
        try:
            main(["follow", *feeds, "--once", "--db", db, "--config", str(config)])
        except SystemExit as exc:
            assert not exc.code
        captured = capsys.readouterr()
        return captured.out + captured.err

    first = follow()
    # a1 and a2 (copy.html is the same text as a1; the atom feed lists a2 again)
    assert "2 new article(s)" in first
    assert "is not an HTML page" in first and "no answer within 1 s" in first
    pages = [path for path, _, _ in site.hits if path.endswith(".html")]
    assert pages.count("/a2.html") == 1  # the atom feed's a2 was known by its link
    second = follow()
    assert "0 new article(s)" in second and "2 feed(s) unchanged" in second
    assert [path for path, _, _ in site.hits].count("/a1.html") == 1  # never fetched again
    capsys.readouterr()
    with pytest.raises(SystemExit) as done:
        main(["events", "--db", db, "--format", "json"])
    assert not done.value.code
    assert "Kharkiv" in capsys.readouterr().out
