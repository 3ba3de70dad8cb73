"""Builds and runs the stages: clean -> nlp -> extract, in-process or in a process pool.

Each stage declares the fields of ``Work`` it reads and writes; ``Pipeline``
checks once, when it is built, that every field read was written by an earlier
stage. Stages take and yield streams so the NLP stage can batch through
``nlp.pipe``. Only picklable records (``Article`` in, ``CodedArticle`` out) cross
process boundaries; spaCy docs stay in the worker that made them.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import multiprocessing
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import Any, Protocol, Self

from spacy.tokens import Doc

from wirewatch.clean import CleanArticle, Cleaner
from wirewatch.clean.cleaner import PARAGRAPH_BREAK
from wirewatch.errors import WirewatchError
from wirewatch.extract import Extractor
from wirewatch.model import Article, CodedArticle
from wirewatch.nlp import load_nlp
from wirewatch.resolve.cache import collection_paused
from wirewatch.resolve.kb import ActorKB, user_records
from wirewatch.settings import Settings

PIECE_CHARS = 10_000
"""Longest stretch of an article spaCy parses at once (whole paragraphs; see NlpStage)."""
BATCH_CHARS = 50_000
"""Most characters spaCy is given in one batch."""
SCHEDULER_TIMEOUT = 5.0
"""Seconds a Dask scheduler has to answer before it is reported unreachable (Dask waits 30)."""


class SchedulerError(WirewatchError):
    """The Dask scheduler of ``--scheduler`` / ``scheduler`` cannot be reached."""

    code = "scheduler_unreachable"


@dataclass(frozen=True, slots=True)
class Work:
    """One article on its way through the stages."""

    article: Article
    clean: CleanArticle | None = None
    doc: Any = None
    """The spaCy Doc (never pickled)."""
    coded: CodedArticle | None = None
    """Set by the last stage, or early for articles that are stored but not coded."""


class Stage(Protocol):
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def run(self, works: Iterable[Work]) -> Iterator[Work]: ...


class CleanStage:
    name = "clean"
    reads: tuple[str, ...] = ("article",)
    writes: tuple[str, ...] = ("clean", "coded")

    def __init__(self, cleaner: Cleaner, languages: Sequence[str]) -> None:
        self.cleaner, self.languages = cleaner, tuple(languages)

    def run(self, works: Iterable[Work]) -> Iterator[Work]:
        for work in works:
            article = work.article
            if article.language is not None and article.language not in self.languages:
                yield _uncoded(work, f"not coded: language {article.language!r} is not one of "
                                     f"{', '.join(self.languages)}")
                continue
            clean = self.cleaner(article)
            yield (_uncoded(work, "not coded: no text left after cleaning", clean) if not clean.text
                   else dataclasses.replace(work, clean=clean))


class NlpStage:
    """spaCy over the cleaned texts, in pieces of whole paragraphs.

    spaCy's memory grows with the text it parses at once (about 3 kB a character for the
    packaged model), so a text longer than ``piece_chars`` is parsed as pieces of whole
    paragraphs (the cleaner bounds a paragraph at ``clean.MAX_PARAGRAPH``) joined back into
    one Doc, and the pieces of a batch go to spaCy in groups of at most ``batch_chars``.
    A 200,000-character article then costs the memory of a 10,000-character one.
    """

    name = "nlp"
    reads: tuple[str, ...] = ("clean",)
    writes: tuple[str, ...] = ("doc",)

    def __init__(self, model: str, batch_size: int, piece_chars: int = PIECE_CHARS,
                 batch_chars: int = BATCH_CHARS) -> None:
        self.nlp, self.batch_size = load_nlp(model), batch_size
        self.piece_chars, self.batch_chars = piece_chars, batch_chars

    def run(self, works: Iterable[Work]) -> Iterator[Work]:
        iterator = iter(works)
        while batch := list(islice(iterator, self.batch_size)):
            texts = [work.clean.text for work in batch if work.clean and work.coded is None]
            docs = iter(self.parse(texts))
            for work in batch:
                yield (dataclasses.replace(work, doc=next(docs))
                       if work.clean and work.coded is None else work)

    def parse(self, texts: Sequence[str]) -> list[Doc]:
        """One Doc per text, each equal in text to it."""
        pieces = [_pieces(text, self.piece_chars) for text in texts]
        parsed: list[Doc] = []
        for group in _groups([p for each in pieces for p in each], self.batch_chars,
                             self.batch_size):
            parsed.extend(self.nlp.pipe(group, batch_size=len(group)))
        docs, at = [], 0
        for each in pieces:
            part = parsed[at:at + len(each)]
            docs.append(part[0] if len(part) == 1 else Doc.from_docs(part, ensure_whitespace=False))
            at += len(each)
        return docs


class ExtractStage:
    name = "extract"
    reads: tuple[str, ...] = ("clean", "doc")
    writes: tuple[str, ...] = ("coded",)

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor

    def run(self, works: Iterable[Work]) -> Iterator[Work]:
        for work in works:
            if work.coded is None and work.clean is not None:
                work = dataclasses.replace(work, coded=self.extractor(work.clean, work.doc), doc=None)
            yield work


class Pipeline:
    """``Pipeline.from_settings(s).code(articles)`` yields one CodedArticle per article, in order."""

    def __init__(self, stages: Sequence[Stage], settings: Settings | None = None) -> None:
        _check(stages)
        self.stages, self.settings = tuple(stages), settings or Settings()

    @classmethod
    def from_settings(cls, settings: Settings, kb: ActorKB | None = None) -> Pipeline:
        """The stages for ``settings``; the user's knowledge base is read from
        ``settings.db`` unless ``kb`` is given."""
        # The model, gazetteer and knowledge base are a million objects that live as long as
        # the process. Nothing collects while they are made, and once made they are moved out
        # of the collector's sight, so that no collection walks them again: not while coding,
        # nor at exit (where walking them took 0.4 s of a one-sentence run). Only the first
        # pipeline of a process freezes: later ones reuse the loaded data, and freezing again
        # would keep whatever garbage a library user's process had made meanwhile.
        with collection_paused():
            extract = ExtractStage(Extractor.load(settings.db, kb))  # first: 0.07 s faster
            pipeline = cls([CleanStage(Cleaner.from_settings(settings), settings.languages),
                            NlpStage(settings.model, settings.batch_size), extract], settings)
        _freeze_once()
        return pipeline

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        works: Iterable[Work] = (Work(article) for article in articles)
        for stage in self.stages:
            works = stage.run(works)
        for work in works:
            assert work.coded is not None, "the last stage codes every article"
            yield work.coded


@functools.cache
def _freeze_once() -> None:
    gc.freeze()


def code_articles(articles: Iterable[Article], settings: Settings) -> Iterator[CodedArticle]:
    """Code articles, in their order, on ``settings.engine``: this process, a pool of
    ``settings.processes`` worker processes, or Dask (``settings.scheduler``, else a local
    cluster of that many workers). Whatever the engine, the caller gets the same records
    in the same order, so one writer stores exactly what a single process would."""
    engine = _engine(settings)
    if engine == "local":
        yield from Pipeline.from_settings(settings).code(articles)
        return
    pool: WorkerPool | DaskPool = (WorkerPool(settings) if engine == "processes"
                                   else DaskPool(settings))
    with pool:
        yield from pool.code(articles)


def check_engine(settings: Settings) -> None:
    """Fail now, before any store is opened, if the engine cannot start: a Dask scheduler
    (``settings.scheduler``) that does not answer raises ``SchedulerError``."""
    if _engine(settings) == "dask" and settings.scheduler:
        connect_scheduler(settings.scheduler).close()


def connect_scheduler(address: str) -> Any:
    """A ``distributed.Client`` of the running scheduler at ``address``.

    Raises:
        SchedulerError: nothing answered within ``SCHEDULER_TIMEOUT`` seconds, or the
            address is not one Dask can read.
    """
    from distributed import Client

    try:
        return Client(address, timeout=SCHEDULER_TIMEOUT)
    except (OSError, ValueError) as exc:  # refused or timed out (OSError); a malformed address
        raise SchedulerError(f"cannot reach the Dask scheduler at {address}", str(exc),
                             "Start one with `dask scheduler`, check the address, or use "
                             "--engine processes") from exc


def _engine(settings: Settings) -> str:
    return settings.engine or ("processes" if settings.processes > 1 else "local")


class WorkerPool:
    """Worker processes that each build the pipeline once and code batches in order.

    Keep one open to code several streams without paying for model loading again.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        context = multiprocessing.get_context("spawn")
        self._pool = context.Pool(settings.processes, _init_worker, (settings,))

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        # The input is read here, in the caller's thread (Pool.imap would read it in a
        # thread of its own, where the caller's SQLite connection cannot be used), and
        # at most two batches per worker are in flight, so memory stays bounded.
        pending: deque[AsyncResult[list[CodedArticle]]] = deque()
        for batch in _batches(articles, self.settings.batch_size):
            pending.append(self._pool.apply_async(_code_batch, (batch,)))
            if len(pending) >= 2 * self.settings.processes:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class DaskPool:
    """Batches coded on a Dask cluster: each worker process builds the pipeline once (and
    keeps it for later batches and runs); results come back in the input's order.

    The user's knowledge base is read here, from the writer's store, and sent to the
    workers once, so a remote worker codes with the same knowledge base without seeing
    the database; a worker rebuilds its pipeline when the settings or that knowledge base
    change. Workers need wirewatch and the spaCy model installed, as here.
    """

    def __init__(self, settings: Settings) -> None:
        import hashlib
        import json
        import logging

        from distributed import Client, LocalCluster

        # only what coding needs travels: no tokens or secrets
        self.settings = settings.model_copy(update={"api_token": None, "webhook_secret": None})
        records = user_records(settings.db)
        self._key = hashlib.sha256((self.settings.model_dump_json() + json.dumps(
            records, sort_keys=True)).encode()).hexdigest()
        self._cluster: Any = None
        self._client: Any = None
        try:
            if settings.scheduler:
                self._client = connect_scheduler(settings.scheduler)
            else:
                self._cluster = LocalCluster(n_workers=settings.processes, threads_per_worker=1,
                                             processes=True, dashboard_address=None,
                                             silence_logs=logging.ERROR)
                self._client = Client(self._cluster)
            self.workers = len(self._client.scheduler_info(n_workers=-1)["workers"]) or 1
            [self._records] = self._client.scatter([records], broadcast=True)
        except BaseException:
            self.close()
            raise

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        pending: deque[Any] = deque()
        for batch in _batches(articles, self.settings.batch_size):
            pending.append(self._client.submit(_code_batch_once, batch, self.settings,
                                               self._key, self._records, pure=False))
            if len(pending) >= 2 * self.workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def close(self) -> None:
        try:
            if self._client is not None:
                self._client.close()
        finally:
            if self._cluster is not None:
                self._cluster.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_WORKER: dict[str, Pipeline] = {}
_WORKER_LOCK = threading.Lock()
"""The pipeline of this worker process, built once by ``_init_worker``."""


def _init_worker(settings: Settings) -> None:
    _WORKER["pipeline"] = Pipeline.from_settings(settings)


def _code_batch(articles: list[Article]) -> list[CodedArticle]:
    return list(_WORKER["pipeline"].code(articles))


def _code_batch_once(articles: list[Article], settings: Settings, key: str,
                     kb_records: list[dict[str, Any]]) -> list[CodedArticle]:
    """A Dask task: the worker's pipeline for these settings and knowledge base, built on
    its first batch (under a lock, for workers that run several threads)."""
    with _WORKER_LOCK:
        if key not in _WORKER:
            _WORKER.clear()
            _WORKER[key] = Pipeline.from_settings(settings, ActorKB.overlaid(kb_records,
                                                                              "the writer's store"))
        pipeline = _WORKER[key]
        return list(pipeline.code(articles))


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def _pieces(text: str, limit: int) -> list[str]:
    """``text`` as consecutive runs of whole paragraphs (each with the break after it) of
    at most ``limit`` characters where the paragraphs allow; joined, they are ``text``."""
    if len(text) <= limit:
        return [text]
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = text.rfind(PARAGRAPH_BREAK, start + 1, start + limit)
        cut = text.find(PARAGRAPH_BREAK, start + limit) if cut < 0 else cut
        if cut < 0:
            break
        pieces.append(text[start:cut + len(PARAGRAPH_BREAK)])
        start = cut + len(PARAGRAPH_BREAK)
    return [*pieces, text[start:]] if start < len(text) else pieces


def _groups(texts: list[str], max_chars: int, max_count: int) -> Iterator[list[str]]:
    """Consecutive texts in groups of at most ``max_count`` and, beyond their first text,
    ``max_chars`` characters."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and (size + len(text) > max_chars or len(group) == max_count):
            yield group
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield group


def _uncoded(work: Work, note: str, clean: CleanArticle | None = None) -> Work:
    dropped = clean.dropped if clean else ()
    return dataclasses.replace(work, clean=clean,
                               coded=CodedArticle(work.article, dropped, coded=False, note=note))


def _check(stages: Sequence[Stage]) -> None:
    """Every field a stage reads must be the input or written by an earlier stage."""
    available = {"article"}
    for stage in stages:
        missing = set(stage.reads) - available
        if missing:
            raise WirewatchError(f"Stage {stage.name!r} reads {', '.join(sorted(missing))}",
                                 "no earlier stage writes it", "Reorder the stages")
        available |= set(stage.writes)


__all__ = ["Pipeline", "SchedulerError", "Stage", "Work", "WorkerPool", "check_engine",
           "code_articles", "connect_scheduler"]
