"""The web app in a real browser: Debian's chromium driven by Playwright against a live
`wirewatch serve` on 127.0.0.1 loaded with the example article. Screenshots of each page go
to test-artefacts/ (docs/images/overview.png in the README is one of them)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psycopg
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "kursk-workers.txt"
ARTEFACTS = ROOT / "test-artefacts"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
HOSTILE = ("\U0001F600\U0001F600 Russian troops attacked Kharkiv on Monday, officials said. "
           "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(folder: Path, db: str) -> Iterator[str]:
    """`wirewatch serve` over ``db`` loaded with the example and a hostile article posted
    through the API; yields its base URL."""
    env = {**os.environ, "WIREWATCH_API_TOKEN": "test-token", "WIREWATCH_DB": db}
    subprocess.run([sys.executable, "-m", "wirewatch", "ingest", str(EXAMPLE)], env=env,
                   check=True, capture_output=True, timeout=180)
    port = free_port()
    log = (folder / "serve.log").open("wb")
    process = subprocess.Popen([sys.executable, "-m", "wirewatch", "serve", "--port", str(port)],
                               env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/api/incidents", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise AssertionError("wirewatch serve did not answer: "
                                 + (folder / "serve.log").read_text(errors="replace"))
        posted = httpx.post(f"{url}/api/articles", timeout=120,
                            headers={"Authorization": "Bearer test-token"},
                            json={"id": "hostile", "text": HOSTILE, "published": "2025-03-03"})
        assert posted.status_code == 201, posted.text
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("web")
    with serving(folder, str(folder / "w.db")) as url:
        yield url


@pytest.fixture(scope="module")
def pg_server(tmp_path_factory, postgres_server: str) -> Iterator[str]:
    """The same server over a PostgreSQL database."""
    name = f"wirewatch_web_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        with serving(tmp_path_factory.mktemp("web-pg"),
                     postgres_server.rsplit("/", 1)[0] + "/" + name) as url:
            yield url
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: apt-get install -y chromium"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert errors == [], errors


def shot(page: Page, name: str) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / name), full_page=True)


def test_timeline_map_and_incidents(page: Page, server: str):
    page.goto(server + "/")
    rows = page.locator("#incident-table tr[data-incident]")
    expect(rows.first).to_be_visible()
    assert rows.count() >= 4  # the example's three incidents and the posted one
    assert page.locator("#timeline rect.bar").count() >= 1
    expect(page.locator("#map path.country").first).to_be_attached()  # drawn once loaded
    assert page.locator("#map path.country").count() > 150  # Natural Earth's outlines drawn
    expect(page.locator("#map circle.point").first).to_be_attached()
    expect(page.locator("#by-type")).to_contain_text("AGREE (AID)")
    expect(page.locator("#by-country")).to_contain_text("RUS")
    expect(page.locator("#status")).to_contain_text("incident(s)")
    shot(page, "overview.png")


def test_an_incident_shows_its_evidence_highlighted_and_its_flags(page: Page, server: str):
    page.goto(server + "/")
    page.locator('#incident-table tr[data-incident="I1"] a').click()
    page.wait_for_url("**/incident?id=I1")
    expect(page.locator("#title")).to_contain_text("Incident I1: AGREE")
    expect(page.locator("#fields")).to_contain_text("5,000 construction workers")
    expect(page.locator("#fields")).to_contain_text("Kursk Oblast")
    trigger = page.locator("mark.trigger").first
    expect(trigger).to_have_text("agreed to send")
    expect(page.locator("mark.evidence").first).to_contain_text("5,000 construction workers")
    expect(page.locator("#flags")).to_contain_text("UNSCR 2397 OP8 / UNSCR 2375 OP17")
    expect(page.locator("#flags")).to_contain_text("UNSCR 1718 OP8(c) / UNSCR 2270 OP9")
    expect(page.locator("#flags .flag.low").first).to_contain_text("planned, not yet carried out")
    shot(page, "incident.png")


def test_the_visit_shows_the_title_its_sentence_gives_shoigu(page: Page, server: str):
    incidents = httpx.get(f"{server}/api/incidents", params={"type": "CONSULT"}).json()["items"]
    [visit] = [i for i in incidents if i["evidence"][0]["article_id"] != "hostile"]
    page.goto(f"{server}/incident?id={visit['incident_id']}")
    box = page.locator("#discrepancies .discrepancy")
    expect(box).to_contain_text("Sergei Shoigu")
    expect(box).to_contain_text("Defense Council Secretary")
    expect(box).to_contain_text("knowledge base")
    # the commitment's page names no one whose post the text gets wrong
    page.goto(f"{server}/incident?id=I1")
    expect(page.locator("#discrepancies")).to_contain_text("No source contradicts another")


def test_filters_are_in_the_url_and_narrow_the_view(page: Page, server: str):
    page.goto(server + "/")
    page.fill("input[name=country]", "UKR")
    page.click("button[type=submit]")
    page.wait_for_url("**/?country=UKR")
    expect(page.locator("input[name=country]")).to_have_value("UKR")
    rows = page.locator("#incident-table tr[data-incident]")
    expect(rows.first).to_be_visible()
    texts = rows.all_inner_texts()
    assert texts and all("UKR" in text for text in texts)
    assert not any(text.startswith("I1") for text in texts)  # the commitment involves no UKR
    shot(page, "filtered.png")
    page.goto(server + "/?q=Shoigu")  # search shares the URL too
    expect(page.locator("#search-results")).to_contain_text("Sergei Shoigu")


def test_article_text_is_escaped(page: Page, server: str):
    incidents = httpx.get(f"{server}/api/incidents").json()["items"]
    [hostile] = [i for i in incidents if i["evidence"][0]["article_id"] == "hostile"]
    page.goto(f"{server}/incident?id={hostile['incident_id']}")
    expect(page.locator('section[data-article="hostile"]')).to_contain_text(
        "<script>window.__pwned = 1</script>")
    assert page.evaluate("window.__pwned") is None
    # offsets count characters, so the emoji before it do not shift the highlight
    expect(page.locator('section[data-article="hostile"] mark.trigger')).to_have_text("attacked")
    assert page.locator("section[data-article=hostile] script, section[data-article=hostile] img"
                        ).count() == 0
    shot(page, "escaped.png")


@pytest.fixture(params=["server", "pg_server"])
def api(request: pytest.FixtureRequest) -> str:
    """The API over SQLite, then over PostgreSQL."""
    return str(request.getfixturevalue(request.param))


def test_the_api_answers_errors_in_one_shape(api: str):
    server = api
    for answer in (httpx.get(f"{server}/api/incidents/I999"),
                   httpx.get(f"{server}/api/events", params={"since": "yesterday"}),
                   httpx.get(f"{server}/api/nothing-here"),
                   httpx.post(f"{server}/api/articles", json={"text": "x"}),
                   httpx.post(f"{server}/api/articles", json={"text": "x"},
                              headers={"Authorization": "Bearer wrong"})):
        body = answer.json()
        assert answer.status_code in (401, 404, 422), answer.text
        assert set(body["error"]) == {"code", "message", "what", "why", "fix"}
    assert httpx.post(f"{server}/api/articles", json={"text": "x"},
                      headers={"Authorization": "test-token"}).status_code == 401  # no scheme
    assert httpx.head(f"{server}/").status_code == 200
    assert "default-src 'self'" in httpx.get(f"{server}/").headers["content-security-policy"]
    assert httpx.get(f"{server}/api/events", params={"flag": "any"}).status_code == 400
    assert httpx.get(f"{server}/api/events/99999999999999999999").status_code == 422
    export = httpx.get(f"{server}/api/export", params={"format": "geojson"})
    assert export.headers["content-type"].startswith("application/geo+json")
    assert json.loads(export.text)["type"] == "FeatureCollection"


def test_the_api_pages_counts_and_takes_any_article_id(api: str):
    server = api
    summary = httpx.get(f"{server}/api/incidents/summary").json()
    listed = httpx.get(f"{server}/api/incidents", params={"limit": 2}).json()
    assert summary["total"] == listed["total"] >= 4 and len(listed["items"]) == 2
    assert sum(summary["by_day"].values()) == summary["total"]
    assert summary["by_type"]["AGREE (AID)"] == 1
    second = httpx.get(f"{server}/api/incidents", params={"limit": 2, "offset": 2}).json()
    assert {i["incident_id"] for i in second["items"]}.isdisjoint(
        i["incident_id"] for i in listed["items"])
    one = httpx.get(f"{server}/api/search", params={"q": "North Korea", "limit": 1}).json()
    many = httpx.get(f"{server}/api/search", params={"q": "North Korea", "limit": 50}).json()
    assert one["total"] == many["total"] == len(many["items"]) > 1 and len(one["items"]) == 1
    posted = httpx.post(f"{server}/api/articles", timeout=120,
                        headers={"Authorization": "bearer test-token"},  # scheme in any case
                        json={"id": "wire/2025/1", "text": "Protesters marched in Minsk."})
    assert posted.status_code == 201, posted.text
    article = httpx.get(f"{server}/api/articles/wire/2025/1").json()
    assert article["text"] == "Protesters marched in Minsk."
    write = {"Authorization": "Bearer test-token"}
    plain = httpx.post(f"{server}/api/articles", timeout=120, params={"id": "plain-1"},
                       content="Police arrested dozens of protesters in Minsk.",
                       headers={**write, "Content-Type": "text/plain; charset=utf-8"})
    page = httpx.post(f"{server}/api/articles", timeout=120, params={"id": "page-1"},
                      content="<html><body><article><p>Strikers rallied in Lagos on Friday."
                              "</p></article></body></html>",
                      headers={**write, "Content-Type": "text/html"})
    assert plain.status_code == page.status_code == 201, (plain.text, page.text)
    assert "Lagos" in httpx.get(f"{server}/api/articles/page-1").json()["text"]
    refused = httpx.post(f"{server}/api/articles", content=b"\x89PNG",
                         headers={**write, "Content-Type": "image/png"})
    assert refused.status_code == 400 and "text/plain" in refused.json()["error"]["fix"]
    happened = httpx.get(f"{server}/api/export", params={"format": "json"}).text.splitlines()
    everything = httpx.get(f"{server}/api/export", params={"format": "json", "all": "true"}
                           ).text.splitlines()
    planned = [json.loads(line)["id"] for line in everything if line not in happened]
    assert planned == ["wirewatch-I1"]  # the commitment has not happened (yet)
