"""The jobs front-ends run: ingest paths into a store, code a JSON Lines stream, and keep
the user's knowledge base.

The CLI (and later the HTTP API) parse their arguments and call these; no
front-end codes or stores anything itself.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from wirewatch.errors import IdConflictError, InputError, WirewatchError
from wirewatch.ingest import read
from wirewatch.ingest.decode import decode
from wirewatch.ingest.read import Notice
from wirewatch.ingest.records import from_jsonl
from wirewatch.model import Article, CodedArticle, coded_to_json
from wirewatch.pipeline import Pipeline, check_engine, code_articles
from wirewatch.resolve.kb import ActorKB, KBActor
from wirewatch.resolve.kb_files import merge_file
from wirewatch.settings import Settings
from wirewatch.store import Store
from wirewatch.store.connect import display_name

if TYPE_CHECKING:
    from wirewatch.ingest.feeds import Fetcher


@dataclass
class IngestReport:
    """What an ingest run did, article by article."""

    stored: list[CodedArticle] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    """(article id, id of the stored copy) for articles already in the store."""
    problems: list[InputError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    """What the user should know of inputs that were read (a guessed encoding)."""
    chars_read: int = 0
    """Characters of article text read so far: how far through the input the run is."""

    @property
    def events(self) -> int:
        return sum(len(coded.events) for coded in self.stored)

    @property
    def claims(self) -> int:
        return sum(len(coded.claims) for coded in self.stored)

    @property
    def uncoded(self) -> list[CodedArticle]:
        return [coded for coded in self.stored if not coded.coded]


def ingest(paths: Iterable[str], *, settings: Settings, meta: Mapping[str, str | None] | None = None,
           stdin: TextIO | BinaryIO | None = None,
           on_article: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Read, code and store every article under ``paths``; one transaction per article.

    Articles whose fingerprint is already stored are skipped before NLP, so running
    the same ingest again (after an interruption, say) adds exactly what is missing.
    The store is opened once the first article is read: a mistyped path, or input with
    nothing readable, leaves no new, empty database behind.
    """
    report = IngestReport()
    check_engine(settings)  # an unreachable scheduler must not leave a new, empty database
    articles = _read_all(paths, meta, stdin, report)
    first = next(articles, None)
    if first is None:
        return report
    with Store.open(settings.db) as store:
        fresh = _fresh(itertools.chain([first], articles), store, report, on_article)
        for coded in code_articles(fresh, settings):
            try:
                result = store.save(coded)
            except IdConflictError as error:  # this article's fault: report it, go on
                report.problems.append(InputError(
                    f"{coded.article.origin or coded.article.id}: {error.what}", error.why, error.fix))
                continue
            if result.stored:
                report.stored.append(coded)
            else:
                report.duplicates.append((coded.article.id, result.duplicate_of or ""))
            if on_article:
                on_article(report)
    return report


@dataclass
class FollowReport:
    """What one round over the feeds did."""

    stored: list[CodedArticle] = field(default_factory=list)
    duplicates: int = 0
    problems: list[InputError] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    """Feeds that answered 304 Not Modified."""


def follow_once(urls: Iterable[str], *, store: Store, pipeline: Pipeline,
                fetcher: Fetcher) -> FollowReport:
    """Poll each feed once and store the new articles it lists (one transaction each);
    a feed's state is saved after its articles, so an interrupted round loses nothing."""
    report = FollowReport()
    for url in urls:
        try:
            _follow_feed(url, store, pipeline, fetcher, report)
        except InputError as error:  # the feed's own problem (closed to robots, say)
            report.problems.append(error)
        except WirewatchError:
            raise  # the store's own errors stop the run: they are not the feed's fault
        except Exception as exc:  # noqa: BLE001 (one feed's surprise must not stop the others)
            report.problems.append(InputError(f"the feed {url} could not be read",
                                              f"{type(exc).__name__}: {exc}",
                                              "It is tried again on the next poll"))
    return report


def _follow_feed(url: str, store: Store, pipeline: Pipeline, fetcher: Fetcher,
                 report: FollowReport) -> None:
    from wirewatch.ingest.feeds import Polled, poll  # httpx and feedparser: only to follow

    for item in poll(url, store.feed_state(url), fetcher, store.has_url):
        if isinstance(item, Polled):
            store.save_feed_state(item.state)
            if not item.changed:
                report.unchanged.append(url)
        elif isinstance(item, InputError):
            report.problems.append(item)
        elif store.note_copy(item):
            report.duplicates += 1
        else:
            coded = next(pipeline.code([item]))
            result = store.save(coded)
            if result.stored:
                report.stored.append(coded)
            else:
                report.duplicates += 1


def _read_all(paths: Iterable[str], meta: Mapping[str, str | None] | None,
              stdin: TextIO | BinaryIO | None,
              report: IngestReport) -> Iterator[Article]:
    for path in paths:
        try:
            for item in read(path, meta=meta, stdin=stdin):
                if isinstance(item, InputError):
                    report.problems.append(item)
                elif isinstance(item, Notice):
                    report.notices.append(item.message)
                else:
                    report.chars_read += len(item.text)
                    yield item
        except InputError as error:
            report.problems.append(error)


def _fresh(articles: Iterable[Article], store: Store, report: IngestReport,
           on_article: Callable[[IngestReport], None] | None) -> Iterator[Article]:
    for article in articles:
        stored_as = store.note_copy(article)
        if stored_as is None:
            yield article
            continue
        report.duplicates.append((article.id, stored_as))
        if on_article:
            on_article(report)


def code_stream(data: bytes, *, settings: Settings, origin: str = "<stdin>",
                on_problem: Callable[[InputError], None],
                on_notice: Callable[[str], None] | None = None,
                meta: Mapping[str, str] | None = None) -> Iterator[dict[str, Any]]:
    """``wirewatch code``: one output object per readable JSON line, touching no database.
    ``meta`` may hold ``date_order`` (how the records write numeric dates).

    The input is decoded as ingest decodes files (UTF-8 with or without BOM, UTF-16,
    detected legacy encodings, a guess told to ``on_notice``), and read with the same
    JSON Lines reader.
    """

    def articles() -> Iterator[Article]:
        try:
            text = decode(data, origin, on_notice)
        except InputError as error:
            on_problem(error)
            return
        for item in from_jsonl(text, origin, meta or {}):
            if isinstance(item, InputError):
                on_problem(item)
            elif isinstance(item, Notice):
                if on_notice:
                    on_notice(item.message)
            else:
                yield item

    for coded in code_articles(articles(), settings):
        yield coded_to_json(coded)


def dumps(record: Any) -> str:
    """Compact JSON for one output line, non-ASCII kept readable."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class KBImport:
    """What ``kb_import`` changed."""

    actors: int
    """Actors added or changed."""
    roles: int
    """Their roles, in all."""
    skipped: list[str]
    """``file:line`` of rows left out (no country code)."""


def kb_import(path: Path, *, settings: Settings) -> KBImport:
    """Add an office-holder or actor file to the user's knowledge base, all or nothing.

    Importing the same file again changes nothing: roles already known are not added twice.
    """
    merged = merge_file(path, ActorKB.load(settings.db))  # a bad file fails before any write
    with Store.open(settings.db) as store:
        # merged again inside the write transaction, against what is stored by then
        def change(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
            nonlocal merged
            merged = merge_file(path, ActorKB.overlaid(records, display_name(settings.db)))
            return [actor.to_json() for actor in merged.actors]
        store.update_kb(change, source=str(path))
    return KBImport(len(merged.actors), sum(len(a.roles) for a in merged.actors), merged.skipped)


def kb_put(actor: KBActor, *, settings: Settings, source: str) -> None:
    """Add or replace one actor in the user's knowledge base."""
    with Store.open(settings.db) as store:
        store.put_kb_records([actor.to_json()], source=source)


__all__ = ["IngestReport", "KBImport", "code_stream", "dumps", "ingest", "kb_import", "kb_put"]
