"""Whole articles: of everything an article reports, what does wirewatch find, and how much
of what it outputs is real? ``python -m benchmarks.articles``

Needs ``../shared/eval/articles/`` beside the repository (it says so and stops if not).
Each file is split into a fit half and a check half by a stable hash of the record id
(``wirewatch.evaluate.split``): rules are tuned on fit, and check is the figure to quote.

- WikiEvents dev (every event of 20 articles annotated): precision of the output events
  WikiEvents judges, recall of its gold events, and how often an attack's doer is right
  (``wirewatch.evaluate.articles`` has the conventions).
- Giveme5W1H (96 articles, each with its main event's who/what): the main event found with
  its who, over the topics whose main event a PLOVER coder codes, and over all of them.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

from wirewatch.errors import WirewatchError
from wirewatch.evaluate.articles import POLITICAL_CLUSTERS, score_main_events, score_wikievents
from wirewatch.evaluate.gold import eval_file, records
from wirewatch.evaluate.scoring import share
from wirewatch.evaluate.split import HALVES, split
from wirewatch.ingest import make_article
from wirewatch.model import CodedArticle
from wirewatch.pipeline import code_articles
from wirewatch.settings import Settings

WIKIEVENTS = "articles/wikievents-dev.jsonl"
GIVEME = "articles/giveme5w1h-gold.jsonl"


def coded(gold: list[dict], settings: Settings) -> list[CodedArticle]:
    articles = (make_article(r["text"], id=r["id"], title=r.get("title"),
                             published=r.get("published"), publisher=r.get("publisher"))
                for r in gold)
    return list(code_articles(articles, settings))


def main() -> None:
    console = Console(width=120)
    scratch = tempfile.TemporaryDirectory()  # the shipped knowledge base only
    settings = Settings(processes=1, db=str(Path(scratch.name) / "shipped.db"))
    try:
        wiki = split(records(eval_file(WIKIEVENTS)), lambda r: r["id"])
        giveme = split(records(eval_file(GIVEME)), lambda r: r["id"])
    except WirewatchError as error:
        sys.exit(f"benchmarks.articles: {error.message}")
    table = Table(title="WikiEvents dev: every event of each article (fit / check halves)")
    for column in ("half", "articles", "judged output", "precision", "gold events", "recall",
                   "recall, any mention", "attacks with doer", "doer right"):
        table.add_column(column, justify="right")
    for name in HALVES:
        score = score_wikievents(wiki[name], coded(wiki[name], settings))
        table.add_row(name, str(len(wiki[name])), str(score.judged), f"{score.precision:.2f}",
                      str(score.gold), f"{score.recall:.2f}", f"{score.recall_any:.2f}",
                      str(score.attacks), f"{score.doer:.2f} ({score.doer_right})")
    console.print(table)
    table = Table(title="Giveme5W1H: main event found with its who (fit / check halves)")
    for column in ("half", "political topics", "found", "all topics", "found"):
        table.add_column(column, justify="right")
    clusters: dict[str, list[str]] = {}
    for name in HALVES:
        score = score_main_events(giveme[name], coded(giveme[name], settings))
        found, total = score.total(POLITICAL_CLUSTERS)
        every, articles = score.total()
        table.add_row(name, str(total), f"{share(found, total):.2f} ({found})", str(articles),
                      f"{share(every, articles):.2f} ({every})")
        for cluster, (hit, seen) in score.found.items():
            clusters.setdefault(cluster, []).append(f"{name} {hit}/{seen}")
    console.print(table)
    console.print("by topic: " + "; ".join(f"{c} ({', '.join(v)})" for c, v in clusters.items()))


if __name__ == "__main__":
    main()
