"""Event-coding accuracy on the public gold data: ``python -m benchmarks.events``.

Needs ``../shared/eval/events/`` beside the repository (it says so and stops if not).
Prints per-type precision/recall/F1, macro-F1, the costliest confusions and
source/target country accuracy.
"""

from __future__ import annotations

import sys

from rich.console import Console

from wirewatch.errors import WirewatchError
from wirewatch.evaluate.gold import evaluate_plover
from wirewatch.evaluate.report import print_plover
from wirewatch.settings import Settings


def main() -> None:
    console = Console()
    try:
        print_plover(evaluate_plover(Settings(processes=1)), console)
    except WirewatchError as error:
        sys.exit(f"benchmarks.events: {error.message}")


if __name__ == "__main__":
    main()
