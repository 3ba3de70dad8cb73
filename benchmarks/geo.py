"""Geocoding end to end from raw text: ``python -m benchmarks.geo``.

Needs ``../shared/eval/geo/`` (GeoWebNews ``gwn.jsonl`` and ``lgl.jsonl``) beside the repository,
and ``../shared/eval/events/plover-gsr-dev.jsonl`` for the actor-country table; it says so and
stops when they are missing. For each file it runs wirewatch's own toponym finding and geocoding
(``ArticleReading.toponyms``: every place name however used, demonyms as their country) and
prints, the usual way geoparsers are scored, under both annotation conventions: every toponym
(demonyms such as "Canadian" as their country) and without the demonyms (the ``adjectival``
uses). Both files annotate demonyms (GeoWebNews as "non-literal modifiers"), so "all
toponyms" is the figure to quote; the second row says what the demonyms are worth:

- toponym precision and recall on spans (a found span that overlaps a gold one is a match);
- accuracy@161 km over the gold toponyms (a gold toponym with no match counts as wrong) and
  over the matched ones, and the median error in km of the matched ones;
- the time to geocode one article (finding and resolving its toponyms, after spaCy).

Then actor country accuracy over the PLOVER dev records (source and target), with the shipped
knowledge base and with ``../shared/kb``'s office-holders imported into a scratch database.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from wirewatch.clean import Cleaner
from wirewatch.errors import WirewatchError
from wirewatch.evaluate.gold import EVAL_DIR, evaluate_plover, records, with_office_holders
from wirewatch.extract.reading import ArticleReading, Resolvers
from wirewatch.ingest import make_article
from wirewatch.model import Place
from wirewatch.pipeline import CleanStage, NlpStage, Work
from wirewatch.resolve.gazetteer import distance_km
from wirewatch.settings import Settings

FILES = ("gwn.jsonl", "lgl.jsonl")
KM = 161.0


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    matched_found: int = 0
    matched_gold: int = 0
    within: int = 0
    errors: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)


CONVENTIONS = {"all toponyms": frozenset({"location", "actor", "adjectival", "in-name"}),
               "without demonyms": frozenset({"location", "actor", "in-name"})}


def score_file(path: Path, settings: Settings, resolvers: Resolvers) -> dict[str, Score]:
    """The file's scores under each convention, by its name."""
    gold = list(records(path))
    works = (Work(make_article(r["text"], id=r["id"], url=r.get("url"))) for r in gold)
    cleaned = CleanStage(Cleaner.from_settings(settings), settings.languages).run(works)
    scores = {convention: Score() for convention in CONVENTIONS}
    for record, work in zip(gold, NlpStage(settings.model, settings.batch_size).run(cleaned),
                            strict=True):
        toponyms = record["toponyms"]
        for score in scores.values():
            score.gold += len(toponyms)
        if work.clean is None or work.doc is None:
            continue
        began = time.perf_counter()
        found = ArticleReading(work.doc, work.clean, resolvers).toponyms()
        seconds = time.perf_counter() - began
        for convention, score in scores.items():
            score.seconds.append(seconds)
            match_spans([p for p in found if p.use in CONVENTIONS[convention]], toponyms, score)
    return scores


def match_spans(found: list[Place], toponyms: list[dict], score: Score) -> None:
    """Pair each gold toponym with the first found place whose span overlaps it."""
    score.found += len(found)
    used: set[int] = set()
    for gold in toponyms:
        hit = next((k for k, p in enumerate(found) if k not in used
                    and p.start < gold["end"] and gold["start"] < p.end), None)
        if hit is None:
            continue
        used.add(hit)
        score.matched_gold += 1
        place = found[hit]
        if place.lat is not None and place.lon is not None:
            error = distance_km(place.lat, place.lon, float(gold["lat"]), float(gold["lon"]))
            score.errors.append(error)
            score.within += error <= KM
    score.matched_found += len(used)


def print_geo(scores: dict[str, dict[str, Score]], console: Console) -> None:
    table = Table(title="Geocoding end to end (toponyms found by wirewatch)")
    for column in ("file", "scored", "gold", "found", "precision", "recall", "acc@161 (all gold)",
                   "acc@161 (matched)", "median km", "ms/article"):
        table.add_column(column, justify="right" if column not in {"file", "scored"} else "left")
    for name, convention, s in ((n, c, s) for n, by in scores.items() for c, s in by.items()):
        table.add_row(name, convention, str(s.gold), str(s.found),
                      f"{s.matched_found / max(s.found, 1):.3f}",
                      f"{s.matched_gold / max(s.gold, 1):.3f}", f"{s.within / max(s.gold, 1):.3f}",
                      f"{s.within / max(len(s.errors), 1):.3f}",
                      f"{statistics.median(s.errors):.1f}" if s.errors else "-",
                      f"{1000 * statistics.mean(s.seconds):.1f}" if s.seconds else "-")
    console.print(table)


def main() -> None:
    console = Console(width=160 if not sys.stdout.isatty() else None)
    geo_dir = EVAL_DIR / "geo"
    missing = [name for name in FILES if not (geo_dir / name).is_file()]
    if missing:
        sys.exit(f"benchmarks.geo: {', '.join(missing)} not found in {geo_dir}; the evaluation "
                 "data lives in ../shared/eval beside the repository")
    scratch = tempfile.TemporaryDirectory()
    settings = Settings(processes=1, db=str(Path(scratch.name) / "shipped.db"))
    try:
        resolvers = Resolvers.load(settings.db)
        print_geo({name: score_file(geo_dir / name, settings, resolvers) for name in FILES}, console)
        print_actor_countries(settings, Path(scratch.name) / "kb.db", console)
    except WirewatchError as error:
        sys.exit(f"benchmarks.geo: {error.message}")


def print_actor_countries(shipped: Settings, imported_db: Path, console: Console) -> None:
    table = Table(title="Actor country accuracy, PLOVER dev records that give one")
    for column in ("knowledge base", "source", "target"):
        table.add_column(column)
    runs = [("shipped", shipped)]
    imported = with_office_holders(imported_db)
    if imported is not None:
        runs.append(("shipped + ../shared/kb imported", imported[0]))
    for name, settings in runs:
        result = evaluate_plover(settings)
        table.add_row(name, *(f"{found / max(total, 1):.3f} ({found}/{total})"
                              for found, total in (result.source, result.target)))
    console.print(table)


if __name__ == "__main__":
    main()
