"""Printing evaluation results as tables (shared by ``wirewatch eval`` and the benchmarks)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from wirewatch.evaluate.gold import PloverResult
from wirewatch.evaluate.scoring import Report


def print_report(report: Report, title: str, console: Console, label: str = "type") -> None:
    """Per-label precision/recall/F1, macro-F1, accuracy and the costliest confusions."""
    table = Table(title=title)
    for column in (label, "support", "predicted", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != label else "left")
    for s in report.scores:
        table.add_row(s.label, str(s.support), str(s.predicted), f"{s.precision:.2f}",
                      f"{s.recall:.2f}", f"{s.f1:.2f}")
    console.print(table)
    console.print(f"macro-F1 {report.macro_f1:.3f} over {len(report.scores)} {label}s; "
                  f"accuracy {report.accuracy:.3f}")
    console.print("costliest confusions (gold -> predicted): " + ", ".join(
        f"{g}->{p} {n}" for g, p, n in report.confusions[:10]))


def print_plover(result: PloverResult, console: Console) -> None:
    print_report(result.report, "PLOVER GSR dev: event type per sentence", console)
    for role, (found, total) in (("source", result.source), ("target", result.target)):
        console.print(f"{role} country accuracy {found / max(total, 1):.3f} ({found}/{total})")


def print_case(report: Report, console: Console) -> None:
    print_report(report, "CASE 2021 task 2 dev: ACLED sub-event type per snippet", console,
                 label="label")


__all__ = ["print_case", "print_plover", "print_report"]
