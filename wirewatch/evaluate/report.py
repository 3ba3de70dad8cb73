"""Printing evaluation results as tables (shared by ``wirewatch eval`` and the benchmarks)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from wirewatch.evaluate.gold import PloverResult, PlvResult
from wirewatch.evaluate.scoring import Report

if TYPE_CHECKING:  # learn needs scikit-learn, which only the dev setup installs
    from wirewatch.evaluate.learn import Trained, TrainedTarget, TrainedTrigger


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


def print_plv(result: PlvResult, half: str, console: Console) -> None:
    print_report(result.report, f"PLV ({half} half): the type of the event linking each row's "
                 "source to its target, end to end", console, label="root")
    console.print(f"rows whose sentence gives no event: {result.no_event / max(result.rows, 1):.1%}"
                  f" ({result.no_event}/{result.rows})")


def print_case(report: Report, console: Console) -> None:
    print_report(report, "CASE 2021 task 2 dev: ACLED sub-event type per snippet", console,
                 label="label")


def print_trigger(trained: TrainedTrigger, console: Console) -> None:
    """The learned trigger model's cross-validated scores on the PLV fit half's verbs."""
    print_report(trained.cv, f"trigger type of {trained.verbs} verbs in {trained.sentences} PLV "
                 "fit-half sentences, 5-fold cross-validated", console)
    console.print(f"verbs read as an act that have the gold type: {trained.precision:.3f}")


def print_target(trained: TrainedTarget, console: Console) -> None:
    """The learned target model's cross-validated guesses on the PLV fit half."""
    console.print(f"events with the gold doer that the rules gave no target: {trained.untargeted} "
                  f"({trained.reachable} whose gold target is an actor of the sentence); "
                  f"5-fold cross-validated, the model gave {trained.guessed} a target, "
                  f"{trained.right} rightly")


def print_trained(trained: Trained, console: Console) -> None:
    """The learned parts' 5-fold cross-validated scores and confidence calibration."""
    print_report(trained.confidence_cv, "PLOVER type, 5-fold cross-validated", console)
    print_report(trained.acled_cv, "CASE 2021 label, 5-fold cross-validated", console,
                 label="label")
    for name, what in (("confidence", "PLOVER type"), ("acled", "CASE 2021 label")):
        scores = trained.shuffled[name]
        console.print(f"{what} macro-F1, 5-fold cross-validated over {len(scores)} shufflings of "
                      f"the folds: mean {sum(scores) / len(scores):.3f} "
                      f"(range {min(scores):.3f}-{max(scores):.3f})")
    table = Table(title="confidence calibration, 5-fold cross-validated (PLOVER events)")
    for column in ("confidence", "share that are the sentence's event", "events"):
        table.add_column(column, justify="right")
    for low, high, right, n in trained.calibration:
        table.add_row(f"{low:.1f}-{high:.1f}", f"{right:.2f}", str(n))
    console.print(table)


__all__ = ["print_case", "print_plover", "print_plv", "print_report", "print_target", "print_trained", "print_trigger"]
