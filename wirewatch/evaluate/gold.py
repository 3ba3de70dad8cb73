"""Run wirewatch over the public gold sets and score it.

Files (from ``../shared/eval/events/``, never copied into the repository):
- ``plover-gsr-dev.jsonl``: one sentence per record with its PLOVER type and the
  source/target actors' countries. A sentence's predicted type is that of its most
  confident event, ``NONE`` where wirewatch finds none.
- ``case2021-task2-dev.jsonl``: snippets with ACLED-style labels. A snippet's predicted
  label is the ACLED class (``Acled.code``) of its most confident event, ``NONE`` where
  wirewatch finds none.

The learned parts (``confidence``, ``acled``) were trained on these same files, so
their scores here are optimistic; ``evaluate.learn`` gives cross-validated ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pycountry

from wirewatch import jobs
from wirewatch.errors import InputError
from wirewatch.evaluate.articles import overlaps
from wirewatch.evaluate.scoring import NONE, Report, role_accuracy, score_labels
from wirewatch.evaluate.split import Half
from wirewatch.evaluate.split import half as split_half
from wirewatch.ingest import make_article
from wirewatch.model import CodedArticle, EventMention
from wirewatch.pipeline import code_articles
from wirewatch.settings import Settings

EVAL_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
KB_DIR = EVAL_DIR.parent / "kb"
"""Public office-holder files (``../shared/kb``), imported as a user would for the benchmarks."""
PLOVER_FILE = "events/plover-gsr-dev.jsonl"
CASE_FILE = "events/case2021-task2-dev.jsonl"
PLV_FILE = "events/plv-train.jsonl"
# CAMEO-era codes in the gold data for countries that ISO 3166-1 alpha-3 spells otherwise;
# other codes that are not countries (IGO, NGO, IMG) are not scored.
CODE_FIXES = {"JAP": "JPN", "VTN": "VNM"}
PLV_ROOTS = {"RETREAT": "CONCEDE", "INVESTIGATE": "DISAPPROVE"}
"""PLV is coded in an older PLOVER of 15 roots. Its YIELD root (the set's ``plover`` field
calls it CONCEDE) covers what PLOVER 2021 splits into CONCEDE and RETREAT: releasing
prisoners, returning property, withdrawing (CAMEO 084 "return, release" is RETREAT in the
official CAMEO2PLOVER table). It has no INVESTIGATE root: its ACCUSE (``plover``:
DISAPPROVE) takes investigations too ("launched an investigation into X", "ordered an
investigation against X" are all coded so). An event of the newer type that links the row's
words is read as the older root."""


@dataclass(frozen=True, slots=True)
class PlvResult:
    """PLV end to end: for each sentence-actor row, the type of the event that links words
    of its source to words of its target (``NONE`` where none does)."""

    report: Report
    no_event: int
    """Rows whose sentence gives no event at all."""
    rows: int


@dataclass(frozen=True, slots=True)
class PloverResult:
    report: Report
    source: tuple[int, int]
    """(found, total) gold source countries that wirewatch's source includes."""
    target: tuple[int, int]


def eval_file(name: str, eval_dir: Path | None = None) -> Path:
    path = (eval_dir or EVAL_DIR) / name
    if not path.is_file():
        raise InputError(f"gold file {path} not found",
                         "the evaluation data lives in ../shared/eval beside the repository",
                         "Run from a checkout with ../shared, or pass --eval-dir")
    return path


def records(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def evaluate_plover(settings: Settings, eval_dir: Path | None = None) -> PloverResult:
    gold, best = _best_events(PLOVER_FILE, settings, eval_dir)
    report = score_labels([r["event_type"] for r in gold],
                          [e.event_type if e else NONE for e in best])
    source = role_accuracy([_countries(r["source"]) for r in gold],
                           [[a.country or "" for a in e.source] if e else [] for e in best])
    target = role_accuracy([_countries(r["target"]) for r in gold],
                           [[a.country or "" for a in e.target] if e else [] for e in best])
    return PloverResult(report, source, target)


def evaluate_case(settings: Settings, eval_dir: Path | None = None) -> Report:
    gold, best = _best_events(CASE_FILE, settings, eval_dir)
    return score_labels([r["label"] for r in gold],
                        [e.acled.code if e and e.acled else NONE for e in best])


def evaluate_plv(settings: Settings, eval_dir: Path | None = None,
                 half: Half | None = None) -> PlvResult:
    """PLV rows (all, or one half: rows are split by their sentence, so no sentence is in
    both), each labelled with the type of the most confident event whose source overlaps the
    row's source words and whose target or recipient overlaps its target words."""
    rows = [r for r in records(eval_file(PLV_FILE, eval_dir))
            if half is None or split_half(r["text"]) == half]
    texts = list(dict.fromkeys(r["text"] for r in rows))
    coded = dict(zip(texts, code_articles((make_article(t, id=f"plv-{n}")
                                           for n, t in enumerate(texts)), settings), strict=True))
    predicted = [_linking(r, coded[r["text"]]) for r in rows]
    no_event = sum(not coded[r["text"]].events for r in rows)
    return PlvResult(score_labels([r["plover"] for r in rows], predicted), no_event, len(rows))


def _linking(row: dict, coded: CodedArticle) -> str:
    """The type of the most confident event linking the row's source to its target."""
    source, target = words_span(row["text"], row["source"]), words_span(row["text"], row["target"])
    linking = [e for e in coded.events
               if any(overlaps(a, *source) for a in e.source)
               and any(overlaps(a, *target) for a in (*e.target, *e.recipient))]
    best = _most_confident(linking)
    return PLV_ROOTS.get(best.event_type, best.event_type) if best else NONE


def words_span(text: str, words: str) -> tuple[int, int]:
    """Where ``words`` stand in ``text`` (case-insensitively if not as written); (0, 0) if not."""
    start = text.find(words)
    start = text.lower().find(words.lower()) if start < 0 else start
    return (start, start + len(words)) if start >= 0 else (0, 0)


def with_office_holders(db: Path) -> tuple[Settings, list[Path]] | None:
    """Settings whose knowledge base has ``KB_DIR``'s office-holder files imported into the
    scratch database ``db`` (``wirewatch kb import``), and those files; None when there are none."""
    files = sorted(KB_DIR.glob("office-holders-*.jsonl"))
    if not files:
        return None
    settings = Settings(processes=1, db=str(db))
    for path in files:
        jobs.kb_import(path, settings=settings)
    return settings, files


def _best_events(name: str, settings: Settings,
                 eval_dir: Path | None) -> tuple[list[dict], list[EventMention | None]]:
    """The gold records of ``name`` and the most confident event wirewatch codes in each."""
    gold = list(records(eval_file(name, eval_dir)))
    articles = (make_article(r["text"], id=r["id"]) for r in gold)
    return gold, [_most_confident(c.events) for c in code_articles(articles, settings)]


def _most_confident(events: Sequence[EventMention]) -> EventMention | None:
    """The most confident event (the first on ties)."""
    return max(events, key=lambda e: e.confidence, default=None)


def _countries(actors: list[dict]) -> list[str]:
    codes = [CODE_FIXES.get(a.get("country") or "", a.get("country") or "") for a in actors]
    return [code for code in codes if pycountry.countries.get(alpha_3=code) is not None]


__all__ = ["CASE_FILE", "EVAL_DIR", "KB_DIR", "PLOVER_FILE", "PLV_FILE", "PloverResult",
           "PlvResult", "evaluate_case", "evaluate_plover", "evaluate_plv", "records", "words_span"]
