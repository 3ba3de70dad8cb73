"""Event-coding accuracy on the public gold data: ``python -m benchmarks.events``.

Needs ``../shared/eval/events/`` beside the repository (it says so and stops if not).
Prints, for the PLOVER GSR sentences and the CASE 2021 snippets, per-label
precision/recall/F1, macro-F1, the costliest confusions and source/target country
accuracy, first with the shipped weights, then 5-fold cross-validated (each fold's
weights never saw the records scored: the figure to expect on unseen text), and how
well ``confidence`` is calibrated. The cross-validated part needs scikit-learn
(``scripts/setup --dev``).
"""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table

from wirewatch.errors import WirewatchError
from wirewatch.evaluate.gold import CASE_FILE, PLOVER_FILE, evaluate_case, evaluate_plover
from wirewatch.evaluate.report import print_case, print_plover, print_report
from wirewatch.settings import Settings


def main() -> None:
    console = Console()
    settings = Settings(processes=1)
    try:
        print_plover(evaluate_plover(settings), console)
        print_case(evaluate_case(settings), console)
        cross_validated(settings, console)
    except WirewatchError as error:
        sys.exit(f"benchmarks.events: {error.message}")


def cross_validated(settings: Settings, console: Console) -> None:
    try:
        from wirewatch.evaluate import learn
    except ImportError:
        console.print("(cross-validation skipped: scikit-learn is missing; run scripts/setup --dev)")
        return
    plover = learn.read_gold(PLOVER_FILE, "event_type", settings)
    case = learn.read_gold(CASE_FILE, "label", settings)
    ranker = learn.fit(*learn.confidence_rows(plover), learn.C["confidence"])
    print_report(learn.cross_validate_confidence(plover), "PLOVER type, 5-fold cross-validated",
                 console)
    print_report(learn.cross_validate_acled(case, ranker), "CASE 2021 label, 5-fold cross-validated",
                 console, label="label")
    table = Table(title="confidence calibration, 5-fold cross-validated (PLOVER events)")
    for column in ("confidence", "share that are the sentence's event", "events"):
        table.add_column(column, justify="right")
    for low, high, right, n in learn.calibration(plover):
        table.add_row(f"{low:.1f}-{high:.1f}", f"{right:.2f}", str(n))
    console.print(table)


if __name__ == "__main__":
    main()
