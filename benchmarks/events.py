"""Event-coding accuracy on the public gold data: ``python -m benchmarks.events``.

Needs ``../shared/eval/events/`` beside the repository (it says so and stops if not).
Prints, for the PLV sentence-actor rows (end to end: the event wirewatch finds must link
the row's source words to its target words; fit and check halves, split by sentence; the
learned trigger and target models were fitted on the fit half only, so the check half is unseen text; a
RETREAT counts for PLV's older YIELD root, ``gold.PLV_ROOTS``), then
for the PLOVER GSR sentences and the CASE 2021 snippets, per-label
precision/recall/F1, macro-F1, the costliest confusions and source/target country
accuracy, first with the shipped weights (fitted on these same files, so optimistic),
then 5-fold cross-validated (each fold's weights never saw the records scored: the
figure to expect on unseen text), and how well ``confidence`` is calibrated. The
cross-validated part (the trigger and target models' over the PLV fit half first) needs scikit-learn (``scripts/setup --dev``). Country accuracy is
printed twice: with the shipped knowledge base only, and with the office-holder files of
``../shared/kb/`` imported as a user would (``wirewatch kb import``), into a scratch database.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from rich.console import Console

from wirewatch.errors import WirewatchError
from wirewatch.evaluate.gold import (
    KB_DIR,
    evaluate_case,
    evaluate_plover,
    evaluate_plv,
    with_office_holders,
)
from wirewatch.evaluate.report import (
    print_case,
    print_plover,
    print_plv,
    print_target,
    print_trained,
    print_trigger,
)
from wirewatch.evaluate.split import HALVES
from wirewatch.settings import Settings


def main() -> None:
    console = Console()
    scratch = tempfile.TemporaryDirectory()
    settings = Settings(processes=1, db=str(Path(scratch.name) / "shipped.db"))  # shipped KB only
    try:
        for half in HALVES:
            print_plv(evaluate_plv(settings, half=half), half, console)
        print_plover(evaluate_plover(settings), console)
        print_countries_with_office_holders(Path(scratch.name) / "kb.db", console)
        print_case(evaluate_case(settings), console)
        try:
            from wirewatch.evaluate.learn import train, train_target, train_trigger
        except ImportError:
            sys.exit("benchmarks.events: cross-validation needs scikit-learn; run scripts/setup --dev")
        print_trigger(train_trigger(settings), console)
        print_target(train_target(settings), console)
        print_trained(train(settings), console)
    except WirewatchError as error:
        sys.exit(f"benchmarks.events: {error.message}")


def print_countries_with_office_holders(db: Path, console: Console) -> None:
    imported = with_office_holders(db)
    if imported is None:
        console.print(f"(no office-holder files in {KB_DIR}: country accuracy with them skipped)")
        return
    settings, files = imported
    result = evaluate_plover(settings)
    for role, (found, total) in (("source", result.source), ("target", result.target)):
        console.print(f"{role} country accuracy with {', '.join(p.name for p in files)} imported: "
                      f"{found / max(total, 1):.3f} ({found}/{total})")


if __name__ == "__main__":
    main()
