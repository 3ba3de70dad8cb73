"""Event-coding accuracy on the public gold data: ``python -m benchmarks.events``.

Needs ``../shared/eval/events/`` beside the repository (it says so and stops if not).
Prints, for the PLOVER GSR sentences and the CASE 2021 snippets, per-label
precision/recall/F1, macro-F1, the costliest confusions and source/target country
accuracy, first with the shipped weights (fitted on these same files, so optimistic),
then 5-fold cross-validated (each fold's weights never saw the records scored: the
figure to expect on unseen text), and how well ``confidence`` is calibrated. The
cross-validated part needs scikit-learn (``scripts/setup --dev``).
"""

from __future__ import annotations

import sys

from rich.console import Console

from wirewatch.errors import WirewatchError
from wirewatch.evaluate.gold import evaluate_case, evaluate_plover
from wirewatch.evaluate.report import print_case, print_plover, print_trained
from wirewatch.settings import Settings


def main() -> None:
    console = Console()
    settings = Settings(processes=1)
    try:
        print_plover(evaluate_plover(settings), console)
        print_case(evaluate_case(settings), console)
        try:
            from wirewatch.evaluate.learn import train
        except ImportError:
            sys.exit("benchmarks.events: cross-validation needs scikit-learn; run scripts/setup --dev")
        print_trained(train(settings), console)
    except WirewatchError as error:
        sys.exit(f"benchmarks.events: {error.message}")


if __name__ == "__main__":
    main()
