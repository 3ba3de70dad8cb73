"""Printing evaluation results as tables (shared by ``wirewatch eval`` and the benchmarks)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from wirewatch.evaluate.gold import PloverResult


def print_plover(result: PloverResult, console: Console) -> None:
    report = result.report
    table = Table(title="PLOVER GSR dev: event type per sentence")
    for column in ("type", "support", "predicted", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != "type" else "left")
    for s in report.scores:
        table.add_row(s.label, str(s.support), str(s.predicted), f"{s.precision:.2f}",
                      f"{s.recall:.2f}", f"{s.f1:.2f}")
    console.print(table)
    console.print(f"macro-F1 {report.macro_f1:.3f} over {len(report.scores)} types; "
                  f"accuracy {report.accuracy:.3f}")
    console.print("costliest confusions (gold -> predicted): " + ", ".join(
        f"{g}->{p} {n}" for g, p, n in report.confusions[:10]))
    for role, (found, total) in (("source", result.source), ("target", result.target)):
        console.print(f"{role} country accuracy {found / max(total, 1):.3f} ({found}/{total})")


__all__ = ["print_plover"]
