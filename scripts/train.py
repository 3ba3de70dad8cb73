"""Fit wirewatch's learned weights from the public gold data and write them to wirewatch/data/.

    .venv/bin/python scripts/train.py        (needs `scripts/setup --dev` and ../shared/eval)

Writes ``trigger.json`` and ``target.json`` (trained on the fit half of plv-train; written
first, since the rules the other two learn from use them), ``confidence.json`` (trained on
plover-gsr-dev) and ``acled.json`` (trained on case2021-task2-dev) and prints each model's
5-fold cross-validated scores: the estimate of how the shipped weights do on text they never saw. Deterministic: the
same data and rules give the same weights.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

from rich.console import Console

from wirewatch.errors import WirewatchError
from wirewatch.evaluate.report import print_target, print_trained, print_trigger
from wirewatch.extract.learned import SoftmaxModel
from wirewatch.settings import Settings


def main() -> None:
    console = Console()
    try:
        from wirewatch.evaluate.learn import train, train_target, train_trigger
    except ImportError:
        sys.exit("train: scikit-learn is missing; run scripts/setup --dev")
    data = Path(str(resources.files("wirewatch") / "data"))

    def write(name: str, model: SoftmaxModel) -> None:
        path = data / f"{name}.json"
        path.write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
        console.print(f"wrote {path} ({len(model.weights)} features)")

    try:
        trigger = train_trigger(Settings(processes=1))
        write("trigger", trigger.model)
        SoftmaxModel.forget()  # the rules read from here on use the trigger model just written
        target = train_target(Settings(processes=1))
        write("target", target.model)
        SoftmaxModel.forget()
        trained = train(Settings(processes=1))
    except WirewatchError as error:
        sys.exit(f"train: {error.message}")
    for name, model in (("confidence", trained.confidence), ("acled", trained.acled)):
        write(name, model)
    print_trigger(trigger, console)
    print_target(target, console)
    print_trained(trained, console)


if __name__ == "__main__":
    main()
