"""Rule packs over news that should raise nothing: ``python -m benchmarks.watch [--db PATH]``.

Needs ``../shared/eval/corpus/bbc-news.jsonl`` beside the repository (it says so and stops if
not): 2,225 BBC articles on business, politics, sport, technology and entertainment, none of
them about the DPRK's sanctions. It ingests them into a scratch database (or reuses ``--db``
where they were ingested before), evaluates every bundled pack and prints the flags by rule,
each with its rationale and quote so a false alarm can be read, and the time the evaluation
takes. The target for ``un-dprk`` is no flag at all. It then does the same for the bundled
example, where ``un-dprk`` must raise its two flags (DESIGN.md F1).
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from wirewatch import jobs
from wirewatch.settings import Settings
from wirewatch.store import Store
from wirewatch.watch import load_packs, store_flags
from wirewatch.watch.packs import bundled

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "eval" / "corpus" / "bbc-news.jsonl"
EXAMPLE = ROOT / "examples" / "kursk-workers.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a database the BBC corpus was ingested into before")
    args = parser.parse_args()
    if not BBC.exists():
        sys.exit(f"benchmarks.watch: {BBC} is missing; this benchmark needs the shared "
                 "evaluation data beside the repository (../shared/eval)")
    console = Console(width=140)
    packs = load_packs(bundled())
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or str(Path(scratch) / "bbc.db")
        if not args.db:
            console.print(f"ingesting {BBC.name} ...", style="dim")
            jobs.ingest([str(BBC)], settings=Settings(db=db))
        report(console, "BBC corpus", db, packs)
        example = str(Path(scratch) / "example.db")
        jobs.ingest([str(EXAMPLE)], settings=Settings(db=example))
        report(console, EXAMPLE.name, example, packs)


def report(console: Console, name: str, db: str, packs: list) -> None:
    with Store(db) as store:
        articles = len(store.sources())
        started = time.perf_counter()
        incidents = len(store.incidents())
        flags = store_flags(store, packs)
        took = time.perf_counter() - started
    counts = collections.Counter(f"{f.pack}:{f.rule}" for f in flags)
    table = Table(title=f"Flags over {name}: {articles:,} articles, {incidents:,} incidents "
                        f"(packs evaluated in {took:.2f} s)")
    for column in ("pack", "rule", "provision", "flags"):
        table.add_column(column, justify="right" if column == "flags" else "left")
    for pack in packs:
        for rule in pack.rules:
            table.add_row(pack.pack, rule.id, rule.provision, str(counts[f"{pack.pack}:{rule.id}"]))
    console.print(table)
    for flag in flags:
        quote = flag.evidence[0].quote.strip() if flag.evidence else ""
        console.print(f"  [bold]{flag.flag_id}[/bold] ({flag.confidence}): {flag.rationale}\n"
                      f"    [dim]{flag.evidence[0].article_id if flag.evidence else ''}: "
                      f"{quote[:200]}[/dim]", highlight=False)


if __name__ == "__main__":
    main()
