"""Scale: engines against bare spaCy, and the store's cost per article as it grows.

    python -m benchmarks.scale [--limit 600] [--repeat 2] [--sizes 10000,100000,1000000]
                               [--stores sqlite,postgresql] [--postgres URL] [--skip-engines]

Needs ``../shared/eval/corpus/bbc-news.jsonl`` (it says so and stops if not).

1. Whole-pipeline articles/s on the BBC articles for the local engine (1 process), a pool
   of 2 processes, and Dask with 1 and 2 workers (a LocalCluster), against bare spaCy
   (``nlp.pipe``) on the same articles with the same number of processes; each in its own
   subprocess, model loading untimed, the fastest of ``--repeat`` runs; peak memory per
   worker (largest resident set of a worker process). Targets: whole pipeline >= 75% of
   bare spaCy on the same cores, Dask with 2 workers >= 1.7x one worker, <= 1 GB a worker.
   On a 2-core machine the 2-process figures share the cores with the writer.
2. The store's cost per article (``Store.save``: one transaction with the article, its
   sentences, events, claims, full-text index and wire-copy index) as the store grows:
   BBC articles are coded once, then saved again and again as near-duplicate copies
   (each with a line of its own appended, so a new fingerprint and id, and found as a
   copy by the LSH index), timed over the last 2,000 before each size; on SQLite, then on
   PostgreSQL: the empty database ``--postgres URL`` names, or else a throwaway server
   started by ``scripts/test-postgres`` (fsync on, ``synchronous_commit`` off: like
   SQLite's WAL with ``synchronous = NORMAL``, a crash may lose the last commits but never
   corrupts), over TCP on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from benchmarks.throughput import BATCH, _timed, load_corpus, run_bare, run_whole


def run_dask(records: list[dict[str, str]], workers: int, repeat: int) -> tuple[float, float]:
    """Seconds for the fastest run on a local Dask cluster, and the peak MB of a worker."""
    from wirewatch.ingest import make_article
    from wirewatch.pipeline import DaskPool
    from wirewatch.settings import Settings

    settings = Settings(batch_size=BATCH, processes=workers, engine="dask")
    with DaskPool(settings) as pool:
        warm = [make_article(f"Warm-up text number {n} for the workers.", id=str(n))
                for n in range(BATCH * workers * 2)]
        list(pool.code(warm))
        seconds = min(_timed(pool.code, records, make_article) for _ in range(repeat))
        peaks = pool._client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return seconds, max(peaks.values()) / 1024


def one(engine: str, processes: int, limit: int, repeat: int) -> None:
    records = load_corpus(limit)
    if engine == "bare":
        seconds = run_bare(records, processes, repeat)
    elif engine == "dask":
        seconds, worker_mb = run_dask(records, processes, repeat)
    else:
        seconds = run_whole(records, processes, repeat)
    if engine != "dask":
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        worker_mb = (own if processes == 1 else children) / 1024
    words = sum(len(r["text"].split()) for r in records)
    print(json.dumps({"engine": engine, "processes": processes, "articles": len(records),
                      "words": words, "seconds": seconds, "worker_mb": worker_mb}))


def engines(console: Console, limit: int, repeat: int) -> None:
    runs = [("bare", 1), ("local", 1), ("dask", 1), ("bare", 2), ("processes", 2), ("dask", 2)]
    results = {}
    for engine, processes in runs:
        console.print(f"  {engine} x{processes} ...", style="dim")
        command = [sys.executable, "-m", "benchmarks.scale", "--limit", str(limit), "--repeat",
                   str(repeat), "--one", engine, str(processes)]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        results[(engine, processes)] = json.loads(output.strip().splitlines()[-1])
    first = next(iter(results.values()))
    table = Table(title=f"Engines on {first['articles']} BBC articles ({first['words']:,} words), "
                        f"batch {BATCH}")
    for column in ("engine", "processes", "articles/s", "vs bare spaCy", "vs 1 worker",
                   "peak MB a worker"):
        table.add_column(column, justify="right")
    for (engine, processes), r in results.items():
        rate = r["articles"] / r["seconds"]
        bare = results[("bare", processes)]["articles"] / results[("bare", processes)]["seconds"]
        single = results.get((engine, 1))
        speedup = (f"{rate / (single['articles'] / single['seconds']):.2f}x"
                   if single and processes > 1 else "")
        table.add_row(engine if engine != "bare" else "bare spaCy", str(processes), f"{rate:.1f}",
                      "" if engine == "bare" else f"{rate / bare:.0%}", speedup,
                      f"{r['worker_mb']:.0f}")
    console.print(table)


def store_growth(console: Console, sizes: list[int], limit: int, stores: list[str],
                 postgres: str | None) -> None:
    from wirewatch.ingest import make_article
    from wirewatch.pipeline import Pipeline
    from wirewatch.settings import Settings

    records = load_corpus(min(limit, 200))
    pipeline = Pipeline.from_settings(Settings(batch_size=BATCH))
    coded = list(pipeline.code(make_article(r["text"], id=r["id"], title=r.get("title"))
                               for r in records))
    table = Table(title=f"Store.save cost as the store grows (near-duplicate copies of "
                        f"{len(coded)} coded BBC articles)")
    window = min(2000, min(sizes))
    for column in ("database", "articles stored", f"ms/article (last {window:,})",
                   "articles/s", "database MB"):
        table.add_column(column, justify="right")
    if "sqlite" in stores:
        with tempfile.TemporaryDirectory() as scratch:
            _grow(console, table, "SQLite", str(Path(scratch) / "scale.db"), coded, sizes, window)
    if "postgresql" in stores and postgres is not None:
        _grow(console, table, "PostgreSQL", postgres, coded, sizes, window)
    elif "postgresql" in stores:
        with _throwaway_postgres() as url:
            _grow(console, table, "PostgreSQL", url, coded, sizes, window)
    console.print(table)


def _grow(console: Console, table: Table, label: str, db: str, coded: list[Any],
          sizes: list[int], window: int) -> None:
    from wirewatch.store import Store

    with Store.open(db) as store:
        if store.articles():
            sys.exit(f"benchmarks.scale: {label} database {store.name} is not empty")
        took, last, goal = 0.0, 0.0, iter(sorted(sizes))
        target = next(goal)
        with Progress(console=console, transient=True, refresh_per_second=1) as progress:
            task = progress.add_task(f"{label}: saving copies", total=max(sizes))
            for n in range(1, max(sizes) + 1):
                copy = _copy(coded[n % len(coded)], n)
                started = time.perf_counter()
                store.save(copy)
                took += time.perf_counter() - started
                if n % window == 0:
                    last, took = took, 0.0
                if n == target:
                    table.add_row(label, f"{n:,}", f"{last / window * 1000:.2f}",
                                  f"{window / last:.0f}", f"{_megabytes(store, db):,.0f}")
                    console.print(f"  {label} {n:,} stored: {last / window * 1000:.2f} ms/article",
                                  style="dim")
                    target = next(goal, 0)
                if n % 1000 == 0:
                    progress.update(task, completed=n)


def _megabytes(store: Any, db: str) -> float:
    if store.dialect == "postgresql":
        query = "SELECT pg_database_size(current_database())"
        return float(store._db.execute(query).fetchone()[0]) / 1e6
    return sum(f.stat().st_size for f in Path(db).parent.iterdir()) / 1e6


@contextmanager
def _throwaway_postgres() -> Iterator[str]:
    script = Path(__file__).resolve().parent.parent / "scripts" / "test-postgres"
    folder = tempfile.mkdtemp(prefix="wirewatch-bench-pg-")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "TEST_POSTGRES_OPTIONS": "-c fsync=on -c synchronous_commit=off"}
    started = subprocess.run(["bash", str(script), "start", folder, str(port)], env=env,
                             capture_output=True, text=True, check=False)
    if started.returncode != 0:
        sys.exit(f"benchmarks.scale: could not start PostgreSQL ({started.stderr.strip()}); "
                 "pass --postgres URL (an empty database) or --stores sqlite")
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run(["bash", str(script), "stop", folder], check=False)


def _copy(coded: Any, n: int) -> Any:
    """The coded article under a new id, its text with a line of its own appended (every
    offset still holds, the fingerprint is new)."""
    from wirewatch.ingest.article import fingerprint

    text = f"{coded.article.text}\n\nRepublished as copy {n}."
    article = dataclasses.replace(coded.article, text=text, fingerprint=fingerprint(text),
                                  id=f"{coded.article.id}-{n}")
    return dataclasses.replace(coded, article=article)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=600, help="BBC articles for the engines")
    parser.add_argument("--repeat", type=int, default=2, help="runs per engine; the fastest counts")
    parser.add_argument("--sizes", default="10000,100000,1000000",
                        help="store sizes at which to report the cost per article")
    parser.add_argument("--skip-engines", action="store_true")
    parser.add_argument("--postgres", metavar="URL",
                        help="an empty PostgreSQL database for the store rows (default: start "
                             "a throwaway server with scripts/test-postgres)")
    parser.add_argument("--stores", default="sqlite,postgresql",
                        help="which databases to measure the store on")
    parser.add_argument("--one", nargs=2, metavar=("ENGINE", "PROCESSES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one[0], int(args.one[1]), args.limit, args.repeat)
        return
    load_corpus(1)  # says what is missing and stops
    console = Console(width=120)
    if not args.skip_engines:
        engines(console, args.limit, args.repeat)
    stores = [name.strip().lower() for name in args.stores.split(",")]
    unknown = set(stores) - {"sqlite", "postgresql"}
    if unknown:
        parser.error(f"--stores: {', '.join(sorted(unknown))} (sqlite, postgresql)")
    store_growth(console, [int(s) for s in args.sizes.split(",")], args.limit, stores,
                 args.postgres)


if __name__ == "__main__":
    main()
