"""Rendering stored records as tables, JSON or CSV for the terminal and files.

Article text is hostile input. What goes to a terminal passes through ``SafeConsole``,
which drops control characters other than newline and tab from everything it prints
(an ESC or C1 sequence in a title could clear the screen, retitle the window or plant a
hyperlink); CSV cells that a spreadsheet would run as a formula are neutralised the
way OWASP recommends (``csv_cell``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from wirewatch.fuse.incidents import Incident
from wirewatch.model import Acled, Actor, Discrepancy, EventMention, Quantity, TimeExpr, to_json

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def printable(text: str) -> str:
    """``text`` without control characters other than newline and tab (C0, DEL, C1)."""
    return _CONTROL.sub("", text)


class SafeConsole(Console):
    """A Rich console that prints no control character it was not asked to: whatever the
    text of a table, panel or JSON holds, only Rich's own styling reaches the terminal."""

    def render(self, renderable: RenderableType,
               options: ConsoleOptions | None = None) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control is None and _CONTROL.search(segment.text):
                yield Segment(printable(segment.text), segment.style)
            else:
                yield segment


def csv_cell(value: Any) -> Any:
    """A CSV value a spreadsheet will not run: text starting with ``= + - @``, tab or CR gets
    a leading apostrophe (OWASP's rule); numbers ("-12", "-33.9") stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) \
            and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def event_json(event_id: int, article_id: str, event: EventMention) -> dict[str, Any]:
    return {"id": event_id, "article_id": article_id, **to_json(event)}


def incident_json(incident: Incident) -> dict[str, Any]:
    """An incident: its best-supported fields, how it is sourced, every mention's evidence."""
    fields = to_json(incident.event)
    fields.pop("evidence", None)
    fields.pop("claimant", None)
    return {"incident_id": incident.incident_id, **fields, "sources": incident.sources,
            "corroboration": incident.corroboration,
            "mentions": len(incident.mentions), "first_seen": incident.first_seen,
            "last_seen": incident.last_seen,
            "claimants": [{"claimant": name, "sources": n} for name, n in incident.claimants],
            "evidence": [{"event_id": m.event_id, "article_id": m.source.article_id,
                          "publisher": m.source.publisher, "copy_of": m.source.copy_of,
                          "factuality": m.event.factuality,
                          "claimant": to_json(m.event.claimant) if m.event.claimant else None,
                          "quotes": [to_json(e) for e in m.event.evidence]}
                         for m in incident.mentions]}


def incident_row(incident: Incident) -> dict[str, str]:
    row = event_row(0, "", incident.event)
    return {"incident": incident.incident_id, "type": row["type"], "factuality": row["factuality"],
            "source": row["source"], "target": row["target"], "place": row["place"],
            "time": row["time"], "quantities": row["quantities"], "sources": str(incident.sources),
            "mentions": str(len(incident.mentions)),
            "claimants": "; ".join(f"{name} ({n})" for name, n in incident.claimants),
            "first_seen": incident.first_seen or "", "last_seen": incident.last_seen or ""}


def actors_text(actors: Sequence[Actor]) -> str:
    return "; ".join(f"{a.name} ({a.country})" if a.country else a.name for a in actors)


def quantity_text(quantity: Quantity) -> str:
    if quantity.value is not None:
        number = f"{quantity.value:,.0f}"
    else:
        number = f"{quantity.low or 0:,.0f}-{quantity.high or 0:,.0f}"
    prefix = "~" if quantity.approximate else ""
    return f"{prefix}{number} {quantity.counted or ''}".strip()


def acled_text(acled: Acled | None) -> str:
    """The full ACLED classification: "Battles / Armed clash (ARMED_CLASH, 0.71)"."""
    if acled is None:
        return ""
    return (f"{acled.event_type} / {acled.sub_event_type} "
            f"({acled.code}, {acled.confidence:.2f})")


def event_row(event_id: int, article_id: str, event: EventMention) -> dict[str, str]:
    """The flat view of an event used by the table and CSV."""
    place = event.place
    return {
        "id": str(event_id),
        "article": article_id,
        "type": event.event_type + (f"({event.intended})" if event.intended else ""),
        "acled": event.acled.sub_event_type if event.acled else "",
        "mode": event.mode or "",
        "factuality": event.factuality,
        "source": actors_text(event.source),
        "target": actors_text(event.target),
        "recipient": actors_text(event.recipient),
        "place": (f"{place.name}{', ' + place.country if place.country else ''} ({place.precision})"
                  if place else ""),
        "time": time_text(event.time),
        "quantities": "; ".join(quantity_text(q) for q in event.quantities),
        "trigger": event.trigger.text,
        "claimant": actors_text([event.claimant] if event.claimant else []),
        "purpose": event.purpose.text if event.purpose else "",
        "context": ", ".join(event.context),
        "confidence": f"{event.confidence:.2f}",
        "mentions": str(len(event.evidence)),
    }


def discrepancy_row(discrepancy_id: int | str, article_id: str, d: Discrepancy) -> dict[str, str]:
    """One discrepancy as a flat row: the text's value and quote beside the others (for a
    figure, each source's value with its claimant)."""
    if d.kind == "figure":
        stated = []
        others = list(d.values)
    else:
        stated = [v for v in d.values if v.evidence is not None]
        others = [v for v in d.values if v.evidence is None]
    return {"id": str(discrepancy_id), "article": article_id, "kind": d.kind, "subject": d.subject,
            "kb_id": d.kb_id or "", "on": d.on or "today",
            "stated": "; ".join(v.value for v in stated),
            "known": "; ".join(f"{v.value}, per {v.by}" for v in others),
            "quote": " / ".join(v.evidence.quote.strip() for v in (others if d.kind == "figure" else stated)
                                if v.evidence),
            "note": d.note}


def time_text(time: TimeExpr | None) -> str:
    """ "on Tuesday = 2024-10-08", "previously (before 2024-10-08)"."""
    if time is None:
        return ""
    if time.precision in {"before", "after"}:
        return f"{time.text} ({time.precision} {time.value or 'publication'})"
    return f"{time.text} = {time.value}" if time.value else time.text


def table(title: str, rows: list[dict[str, str]], columns: Sequence[str] | None = None) -> Table:
    columns = list(columns or (rows[0].keys() if rows else ()))
    out = Table(title=title, show_lines=False, expand=False)
    for column in columns:
        out.add_column(column, overflow="fold")
    for row in rows:
        out.add_row(*(Text(row.get(column, "")) for column in columns))
    return out


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """Rows as CSV (the first row's keys, else ``columns``), every cell made safe to open."""
    columns = list(columns or (rows[0] if rows else ()))
    if not columns:
        return ""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: csv_cell(row.get(k)) for k in columns} for row in rows)
    return buffer.getvalue()


def to_json_text(records: Any) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2)


def evidence_text(quote: str, start: int, highlight: tuple[int, int] | None) -> Text:
    """The quoted sentence with the trigger (given in article offsets) in bold."""
    text = Text(quote)
    if highlight and start <= highlight[0] < highlight[1] <= start + len(quote):
        text.stylize("bold yellow", highlight[0] - start, highlight[1] - start)
    return text


__all__ = [
    "SafeConsole",
    "acled_text",
    "actors_text",
    "csv_cell",
    "discrepancy_row",
    "event_json",
    "event_row",
    "evidence_text",
    "printable",
    "quantity_text",
    "table",
    "time_text",
    "to_csv",
    "to_json_text",
]
