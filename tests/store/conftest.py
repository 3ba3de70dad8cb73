"""Fixtures for the store tests: a fresh database and a rich, hand-built CodedArticle.

The article is built from model records, not by the NLP pipeline, so these tests
pin the store alone. Every optional field is set somewhere, and the text holds
non-ASCII letters, so a round trip that drops or mangles anything shows up.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from wirewatch.model import (
    Acled,
    Actor,
    Article,
    Claim,
    CodedArticle,
    Discrepancy,
    Dropped,
    EventMention,
    Evidence,
    Place,
    Quantity,
    Sentence,
    Span,
    Stated,
    TimeExpr,
)
from wirewatch.store import Store

TEXT = (
    "North Korea to send workers to Russia's Kursk\n"
    "North Korea to send workers to Russia's Kursk\n"
    "Kim Jong-un agreed to send 5,000 construction workers and 1,000 combat engineers to "
    "Kursk Oblast, Russian officials said. "
    "Sergei Shoigu (Сергей Шойгу) met Kim in Pyongyang (평양) on Tuesday. "
    "North Korean troops previously fought Ukrainian forces in the Kursk region. "
    "Around 15,000 North Korean workers are already employed in Russia, façade builders "
    "among them. "
    "Their deployment violates UN sanctions 🚫."
)

MakeCoded = Callable[..., CodedArticle]


def span(text: str, quote: str, after: int = 0) -> tuple[int, int]:
    """Where ``quote`` first occurs in ``text`` at or after ``after``."""
    start = text.index(quote, after)
    return start, start + len(quote)


def actor(text: str, quote: str, name: str, **fields: str | None) -> Actor:
    return Actor(quote, *span(text, quote, 92), name=name, **fields)  # type: ignore[arg-type]


def place(text: str, quote: str, **fields: object) -> Place:
    return Place(quote, *span(text, quote, 92), **fields)  # type: ignore[arg-type]


def quantity(text: str, quote: str, **fields: object) -> Quantity:
    return Quantity(quote, *span(text, quote), **fields)  # type: ignore[arg-type]


def evidence(article_id: str, text: str, quote: str) -> Evidence:
    return Evidence(article_id, *span(text, quote), quote)


def sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of TEXT's body, by hand, so the test needs no NLP."""
    parts = ["Kim Jong-un agreed", "Sergei Shoigu", "North Korean troops previously",
             "Around 15,000", "Their deployment"]
    starts = [text.index(part) for part in parts] + [len(text)]
    quotes = [text[starts[i]:starts[i + 1]].rstrip() for i in range(len(parts))]
    return tuple(Sentence(i, starts[i], starts[i] + len(quote), quote)
                 for i, quote in enumerate(quotes))


def build_coded(article_id: str = "kursk-1", text: str = TEXT) -> CodedArticle:
    """The canonical example, coded by hand with every field set somewhere."""
    kursk = place(text, "Kursk Oblast", name="Kursk Oblast", country="RUS", admin1="Kursk",
                  lat=51.7, lon=36.2, precision="admin1", geo_id="gn:538555")
    pyongyang = place(text, "Pyongyang", name="Pyongyang", country="PRK", admin1=None,
                      lat=39.0339, lon=125.7543, precision="city", geo_id="gn:1871859")
    russia = place(text, "Russia", name="Russia", country="RUS", admin1=None, lat=None,
                   lon=None, precision="country")
    kim = actor(text, "Kim Jong-un", "Kim Jong-un", kb_id="Q56226", country="PRK",
                sector="government")
    officials = actor(text, "Russian officials", "Russian officials", country="RUS",
                      sector="government")
    agree = EventMention(
        event_type="AGREE", factuality="planned", trigger=Span("agreed", *span(text, "agreed")),
        confidence=0.87, mode="commitment", context=("labour", "military", "Kursk—région"),
        acled=Acled("Strategic developments", "Agreement", "AGREEMENT", 0.64),
        intended="AID", source=(kim, actor(text, "North Korean", "North Korea", country="PRK")),
        target=(actor(text, "Russia", "Russia", country="RUS", sector="government"),),
        recipient=(actor(text, "Kursk Oblast", "Kursk Oblast", country="RUS"),
                   actor(text, "Russia", "Russia", country="RUS", sector="government")),
        place=kursk, time=TimeExpr("on Tuesday", *span(text, "on Tuesday"), "2024-06-18", "day"),
        quantities=(quantity(text, "5,000 construction workers", value=5000.0,
                             counted="construction workers"),
                    quantity(text, "1,000 combat engineers", value=1000,
                             counted="combat engineers")),
        claimant=officials,
        evidence=(evidence(article_id, text, "Kim Jong-un agreed to send 5,000"),
                  evidence(article_id, text, "1,000 combat engineers")),
    )
    meet = EventMention(
        event_type="CONSULT", factuality="asserted", trigger=Span("met", *span(text, "met")),
        confidence=0.9, mode="visit", context=("diplomacy",),
        source=(actor(text, "Sergei Shoigu (Сергей Шойгу)", "Сергей Шойгу", kb_id="Q313121",
                      country="RUS", sector="government"),),
        target=(actor(text, "Kim", "Kim Jong-un", kb_id="Q56226", country="PRK"),),
        place=pyongyang, time=TimeExpr("on Tuesday", *span(text, "on Tuesday")),
        purpose=Span("met Kim", *span(text, "met Kim")),
        evidence=(evidence(article_id, text, "Sergei Shoigu (Сергей Шойгу) met Kim"),),
    )
    fight = EventMention(
        event_type="FIGHT", factuality="reported", trigger=Span("fought", *span(text, "fought")),
        confidence=0.5, acled=Acled("Battles", "Armed clash", "ARMED_CLASH", 0.71),
        source=(actor(text, "North Korean troops", "North Korea", country="PRK",
                      sector="military"),),
        target=(actor(text, "Ukrainian forces", "Ukraine", country="UKR", sector="military"),),
        place=place(text, "Kursk region", name="Kursk Oblast", country="RUS", admin1="Kursk",
                    lat=51.7, lon=36.2, precision="admin1"),
        time=TimeExpr("previously", *span(text, "previously"), "2024-06-18", "before"),
        quantities=(quantity(text, "troops", value=None, low=1e3, high=1.2e4,
                             approximate=True, counted="troops"),),
        evidence=(evidence(article_id, text, "North Korean troops previously fought"),),
    )
    workers = Claim(
        kind="figure", text=sentences(text)[3].text, start=sentences(text)[3].start,
        end=sentences(text)[3].end,
        claimant=actor(text, "Russian officials", "Russian officials", country="RUS"),
        about=(actor(text, "North Korean workers", "North Korea", country="PRK",
                     sector="labour"),),
        quantities=(quantity(text, "Around 15,000 North Korean workers", value=15000.0,
                             approximate=True, counted="North Korean workers"),),
        places=(russia,),
        evidence=(evidence(article_id, text, "Around 15,000 North Korean workers"),),
    )
    violation = Claim(kind="violation", text=sentences(text)[4].text,
                      start=sentences(text)[4].start, end=sentences(text)[4].end,
                      evidence=(evidence(article_id, text, "violates UN sanctions"),))
    article = Article(
        text=text, fingerprint=hashlib.sha256(text.encode()).hexdigest(), id=article_id,
        title="North Korea to send workers to Russia's Kursk", url="https://example.org/k",
        published="2024-06-18", publisher="Example Wire", language="en",
        origin="examples/kursk-workers.txt")
    return CodedArticle(
        article=article,
        dropped=(Dropped(46, 92, "repeated headline", text[46:92]),
                 Dropped(0, 0, "empty «marker»", "")),
        sentences=sentences(text), events=(agree, meet, fight), claims=(workers, violation),
        places=(kursk, pyongyang, russia),
        discrepancies=(Discrepancy(
            "title", "Sergei Shoigu", "sergei-shoigu", "2024-06-18",
            (Stated("Defence Minister", "the article",
                    evidence(article_id, text, "Sergei Shoigu (Сергей Шойгу) met Kim")),
             Stated("Secretary of the Security Council", "knowledge base (since 2024-05-12)")),
            "the article calls Sergei Shoigu 'Defence Minister'"),),
    )


def unique_coded(article_id: str) -> CodedArticle:
    """A copy of the rich article with its own text, hence its own fingerprint."""
    return build_coded(article_id, TEXT + f"\nRef {article_id}.")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "wirewatch.db"


@pytest.fixture
def store(any_db: str) -> Iterator[Store]:
    """A new store, once on SQLite and once on PostgreSQL."""
    with Store.open(any_db) as opened:
        yield opened


@pytest.fixture
def rich_coded() -> CodedArticle:
    return build_coded()


@pytest.fixture
def make_coded() -> MakeCoded:
    """Build a rich article with a given id and its own fingerprint."""
    return unique_coded
