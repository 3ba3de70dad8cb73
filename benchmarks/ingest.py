"""Metadata never costs an article: every ``../shared/eval`` file read as ``wirewatch ingest``
reads it. ``python -m benchmarks.ingest``

Needs ``../shared/eval/`` beside the repository (it says so and stops if not). For each JSON
Lines file: the records, the articles read, those dropped (an error in place of the article)
and the notes (a field left empty), with the first of each.
"""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table

from wirewatch.errors import InputError
from wirewatch.evaluate.gold import EVAL_DIR
from wirewatch.ingest import read
from wirewatch.ingest.read import Notice


def main() -> None:
    console = Console(width=120)
    files = sorted(EVAL_DIR.rglob("*.jsonl"))
    if not files:
        sys.exit(f"benchmarks.ingest: no evaluation files under {EVAL_DIR} (../shared/eval)")
    table = Table(title="articles read from each ../shared/eval file")
    for column in ("file", "records", "read", "dropped", "notes", "first problem or note"):
        table.add_column(column, justify="left" if column in {"file", "first problem or note"}
                         else "right")
    dropped = 0
    for path in files:
        records = sum(1 for line in path.open(encoding="utf-8") if line.strip())
        results = list(read(path))
        errors = [r.message for r in results if isinstance(r, InputError)]
        notes = [r.message for r in results if isinstance(r, Notice)]
        dropped += len(errors)
        first = (errors or notes or [""])[0].split(": ", 1)[-1]
        table.add_row(str(path.relative_to(EVAL_DIR)), str(records),
                      str(len(results) - len(errors) - len(notes)), str(len(errors)),
                      str(len(notes)), first[:60])
    console.print(table)
    console.print(f"articles dropped in all: {dropped}")


if __name__ == "__main__":
    main()
