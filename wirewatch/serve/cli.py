"""The ``wirewatch`` command line (Typer + Rich): thin wrappers over ``wirewatch.jobs`` and the store.

Errors become output in one place, ``main``: a one-line message on stderr
(what, why, what to do) and exit status 2 — never a traceback.
"""

from __future__ import annotations

import signal
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from wirewatch import jobs
from wirewatch.errors import InputError, StoreError, WirewatchError
from wirewatch.extract.acled import CLASSES
from wirewatch.ingest.read import read_stdin
from wirewatch.model import check_event_type, to_json
from wirewatch.resolve.kb import (
    SECTORS,
    TYPES,
    ActorKB,
    KBActor,
    check_date,
    check_known_countries,
    slug,
    user_records,
)
from wirewatch.serve import exports, render
from wirewatch.serve.render import SafeConsole
from wirewatch.settings import Settings
from wirewatch.store import Store
from wirewatch.store.connect import database_path, display_name, is_postgres
from wirewatch.store.outage import Outage
from wirewatch.watch import load_packs, store_flags
from wirewatch.watch.alerts import Channel, JsonLines, Terminal, Webhook, deliver, flag_json
from wirewatch.watch.packs import LEVELS, bundled

app = typer.Typer(help="News articles in; sourced, de-duplicated geopolitical events out.",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
# Piped output gets room for the event table rather than Rich's 80-column default.
out = SafeConsole(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = SafeConsole(stderr=True, soft_wrap=True)

# Help texts are Rich markup: a literal "[default: ...]" is written "\\[default: ...]", or it
# vanishes.
DbOption = Annotated[str | None, typer.Option("--db", envvar="WIREWATCH_DB", help=(
    "A SQLite database path or a postgresql:// URL \\[default: ./wirewatch.db]."))]
ConfigOption = Annotated[Path | None, typer.Option("--config", help="TOML settings file.")]


class DateOrder(str, Enum):
    dmy = "dmy"
    mdy = "mdy"


DateOrderOption = Annotated[DateOrder | None, typer.Option(
    "--date-order", help="How the input writes numeric dates such as 03/04/2005: dmy (day "
    "first) or mdy (month first). Without it such a date is refused (--published) or left "
    "empty with a note (a record's own).")]


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class Confidence(str, Enum):
    low = "low"
    medium = "medium"
    high = "high"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


def _print_rows(format: Format, rows: list[dict[str, str]], what: str,
                columns: list[str] | None = None, records: list[Any] | None = None) -> None:
    """Flat rows as a table titled "N what" or as CSV; JSON prints ``records`` (the rows
    themselves when not given)."""
    if format is Format.json:
        out.print_json(render.to_json_text(rows if records is None else records))
    elif format is Format.csv:
        _write(render.to_csv(rows).encode())
    else:
        out.print(render.table(f"{len(rows)} {what}", rows, columns))


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input.")],
    db: DbOption = None,
    config: ConfigOption = None,
    published: Annotated[str | None, typer.Option(help="Publication date of a single file.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher of a single file.")] = None,
    url: Annotated[str | None, typer.Option(help="URL of a single file.")] = None,
    processes: Annotated[int | None, typer.Option(help="Worker processes.")] = None,
    date_order: DateOrderOption = None,
) -> None:
    """Read, code and store articles (.txt, .html, .jsonl, .csv, folders, -)."""
    settings = Settings.load(config, db=db, processes=processes)
    meta = {"published": published, "publisher": publisher, "url": url}
    if any(meta.values()) and (len(paths) > 1 or Path(paths[0]).is_dir()):
        raise InputError("--published, --publisher and --url describe one article",
                         f"{len(paths)} paths were given" if len(paths) > 1 else f"{paths[0]} is a folder",
                         "Give them with a single file, or put them in a JSON Lines/CSV file")
    _ingest_with_progress(paths, settings, meta | {"date_order": date_order and date_order.value})


class Engine(str, Enum):
    local = "local"
    processes = "processes"
    dask = "dask"


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="The corpus: files, folders, or -.")],
    engine: Annotated[Engine | None, typer.Option(help="local (this process), processes (a "
                                                       "pool) or dask (a cluster) \\[default: the "
                                                       "engine setting, else local].")] = None,
    scheduler: Annotated[str | None, typer.Option(help="A running Dask scheduler, e.g. "
                                                       "tcp://10.0.0.5:8786 \\[default: start a "
                                                       "local cluster].")] = None,
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes for processes, "
                                                            "or for a local Dask cluster.")] = None,
    db: DbOption = None,
    config: ConfigOption = None,
    date_order: DateOrderOption = None,
) -> None:
    """Code and store a whole corpus in batches on an engine; one writer stores the results
    in the corpus's order, so every engine gives the database one process would."""
    settings = Settings.load(config, db=db, processes=workers, engine=engine and engine.value,
                             scheduler=scheduler)
    if settings.scheduler and settings.engine != "dask":
        raise InputError("--scheduler is a Dask scheduler's address",
                         f"the engine is {settings.engine or 'local'}",
                         "Add --engine dask, or leave --scheduler out")
    _ingest_with_progress(paths, settings, {"date_order": date_order and date_order.value})


@app.command()
def follow(
    feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs.")],
    every: Annotated[str, typer.Option(help="Time between polls: 30s, 10m, 1h.")] = "10m",
    once: Annotated[bool, typer.Option(help="Poll each feed once and stop.")] = False,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Poll feeds and store the new articles they list: conditional requests (ETag,
    Last-Modified), one request per host per fetch_delay, timeouts, retries, a size cap;
    never the same article twice."""
    from wirewatch.ingest.feeds import Fetcher
    from wirewatch.pipeline import Pipeline

    interval = _duration(every)
    for url in feeds:
        if not url.startswith(("http://", "https://")):
            raise InputError(f"{url!r} is not a feed URL", "feeds are fetched over http(s)",
                             "Give the feed's address, e.g. https://example.org/rss.xml")
    settings = Settings.load(config, db=db)
    fetcher = Fetcher(delay=settings.fetch_delay, timeout=settings.fetch_timeout,
                      attempts=settings.fetch_attempts, max_bytes=settings.fetch_max_bytes)
    with Store.open(settings.db) as store, _sigterm_stops(), \
            err.status("loading the model", spinner="dots") as status:
        try:
            pipeline = Pipeline.from_settings(settings)
            outage = Outage(display_name(settings.db), _say)
            while True:
                status.update(f"polling {len(feeds)} feed(s)")
                try:
                    report = jobs.follow_once(feeds, store=store, pipeline=pipeline,
                                              fetcher=fetcher)
                except StoreError as lost:
                    if once or store.connected:
                        raise
                    _reconnect(store, outage, lost)
                    continue  # poll again now: the round was cut short
                for problem in report.problems:
                    err.print(f"[yellow]skipped:[/yellow] {escape(problem.message)}",
                              highlight=False)
                events = sum(len(coded.events) for coded in report.stored)
                out.print(f"{time.strftime('%H:%M:%S')} {len(report.stored)} new article(s), "
                          f"{events} event(s); {report.duplicates} already stored; "
                          f"{len(report.unchanged)} feed(s) unchanged; "
                          f"{len(report.problems)} problem(s)", highlight=False)
                if once:
                    break
                status.update(f"next poll in {every}")
                time.sleep(interval)
        except KeyboardInterrupt:
            err.print("stopped following", highlight=False)
        finally:
            fetcher.close()


def _duration(text: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600}
    number, unit = text.strip()[:-1], text.strip()[-1:].lower()
    try:
        seconds = float(number) * units[unit] if unit in units else float(text)
    except ValueError:
        seconds = -1
    if seconds <= 0:
        raise InputError(f"--every {text!r} is not a duration", "it takes a number with s, m "
                         "or h", "Write it as 30s, 10m or 1h")
    return seconds


def _ingest_with_progress(paths: list[str], settings: Settings,
                          meta: dict[str, str | None]) -> None:
    started = time.perf_counter()
    total = _input_size(paths)
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               TaskProgressColumn(), TimeElapsedColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("reading", total=total)

        def show(report: jobs.IngestReport) -> None:
            done = len(report.stored) + len(report.duplicates)
            rate = done / max(time.perf_counter() - started, 1e-9)
            progress.update(task, completed=min(report.chars_read, total or 0) if total else None,
                            description=f"{done} articles ({rate:.1f}/s), {report.events} events, "
                                        f"{len(report.problems)} problems")

        report = jobs.ingest(paths, settings=settings, meta=meta, on_article=show)
    _report_ingest(report, display_name(settings.db))


def _input_size(paths: list[str]) -> int | None:
    """Bytes to read (the progress bar's length); None when reading standard input."""
    if "-" in paths:
        return None
    size = 0
    for path in map(Path, paths):
        files = path.rglob("*") if path.is_dir() else [path]
        size += sum(f.stat().st_size for f in files if f.is_file())
    return size or None


def _report_ingest(report: jobs.IngestReport, db: str) -> None:
    for notice in report.notices:
        err.print(f"[yellow]note:[/yellow] {escape(notice)}", highlight=False)
    for problem in report.problems:
        err.print(f"[red]skipped:[/red] {escape(problem.message)}", highlight=False)
    for coded in report.uncoded:
        err.print(f"[yellow]stored, {escape(coded.note or '')}:[/yellow] {escape(coded.article.id)}",
                  highlight=False)
    if not report.stored and not report.duplicates:
        out.print(f"No article stored in {escape(db)} ({len(report.problems)} problem(s)).",
                  highlight=False)
        raise typer.Exit(1)
    out.print(f"{len(report.stored)} article(s) stored in {escape(db)}, {len(report.duplicates)} already "
              f"there; {report.events} event(s), {report.claims} claim(s); "
              f"{len(report.problems)} problem(s).", highlight=False)


@app.command()
def events(
    db: DbOption = None,
    config: ConfigOption = None,
    format: FormatOption = Format.table,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO3 code of a source, target or place.")] = None,
    acled: Annotated[str | None, typer.Option(help="ACLED event type or sub-event type, any case, "
                                                   "e.g. battles or 'armed clash'.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
) -> None:
    """List stored events."""
    settings = Settings.load(config, db=db)
    if event_type is not None:
        event_type = check_event_type(event_type, "--type")
    acled_names = {name for pair in CLASSES.values() for name in pair}
    if acled is not None and acled.lower() not in {name.lower() for name in acled_names}:
        raise InputError(f"--acled {acled!r} is not an ACLED event or sub-event type",
                         f"the types are {', '.join(sorted({t for t, _ in CLASSES.values()}))}",
                         'Use one of those or a sub-event type such as "Armed clash"; '
                         "see docs/formats.md")
    with _existing_store(settings.db) as store:
        found = store.events(event_type=event_type, country=country,
                             acled=acled, limit=limit)
    _print_rows(format, [render.event_row(e.id, e.article_id, e.event) for e in found], "event(s)",
                ["id", "type", "acled", "factuality", "source", "target", "place", "time",
                 "quantities", "trigger", "mentions"],
                records=[render.event_json(e.id, e.article_id, e.event) for e in found])


@app.command()
def show(
    event_id: Annotated[int, typer.Argument(help="An id from `wirewatch events`.")],
    db: DbOption = None,
    config: ConfigOption = None,
    format: FormatOption = Format.table,
) -> None:
    """Show one event with its quoted evidence."""
    settings = Settings.load(config, db=db)
    with _existing_store(settings.db) as store:
        stored = store.event(event_id)
    event = stored.event
    if format is Format.json:
        out.print_json(render.to_json_text(render.event_json(stored.id, stored.article_id, event)))
        return
    row = render.event_row(stored.id, stored.article_id, event)
    row["acled"] = render.acled_text(event.acled)
    lines = "\n".join(f"[bold]{key}[/bold]: {escape(value)}" for key, value in row.items() if value)
    out.print(Panel(lines, title=f"event {stored.id}", expand=False), highlight=False)
    trigger = (event.trigger.start, event.trigger.end)
    for evidence in event.evidence:
        out.print(f"[dim]{escape(evidence.article_id)} {evidence.start}-{evidence.end}[/dim]")
        out.print(render.evidence_text(evidence.quote, evidence.start, trigger))


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to find in stored sentences.")],
    db: DbOption = None,
    config: ConfigOption = None,
    format: FormatOption = Format.table,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 20,
) -> None:
    """Full-text search over stored sentences."""
    settings = Settings.load(config, db=db)
    with _existing_store(settings.db) as store:
        hits = store.search(text, limit=limit)
    rows = [{"article": h.article_id, "sentence": str(h.sentence_index), "start": str(h.start),
             "end": str(h.end), "text": h.text} for h in hits]
    _print_rows(format, rows, f"sentence(s) matching {escape(repr(text))}",
                ["article", "sentence", "start", "end", "text"])


@app.command()
def stories(
    db: DbOption = None,
    config: ConfigOption = None,
    format: FormatOption = Format.table,
) -> None:
    """List stories: stored articles about the same happening, grouped across outlets."""
    settings = Settings.load(config, db=db)
    with _existing_store(settings.db) as store:
        found = store.stories()
    rows = [{"story": s.story_id, "articles": str(len(s.articles)), "title": s.title,
             "ids": " ".join(s.articles)} for s in found]
    _print_rows(format, rows, "story" if len(rows) == 1 else "stories", records=[
        {"story_id": s.story_id, "title": s.title, "articles": list(s.articles)} for s in found])


@app.command()
def incidents(
    db: DbOption = None,
    config: ConfigOption = None,
    format: FormatOption = Format.table,
    min_sources: Annotated[int, typer.Option("--min-sources",
                                             help="Only incidents with this many independent sources.")] = 1,
) -> None:
    """List incidents: event mentions of one happening fused, with independent sources counted."""
    settings = Settings.load(config, db=db)
    with _existing_store(settings.db) as store:
        found = [i for i in store.incidents() if i.sources >= min_sources]
    _print_rows(format, [render.incident_row(i) for i in found], "incident(s)",
                ["incident", "type", "factuality", "source", "target", "place", "quantities",
                 "sources", "mentions", "claimants"],
                records=[render.incident_json(i) for i in found])


@app.command()
def discrepancies(
    db: DbOption = None,
    config: ConfigOption = None,
    format: FormatOption = Format.table,
    kind: Annotated[str | None, typer.Option(help="Only this kind, e.g. title.")] = None,
    kb_id: Annotated[str | None, typer.Option("--kb-id", help="Only about this actor.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
) -> None:
    """List discrepancies: posts the text gives people that the knowledge base contradicts
    (id and article given), and figures that independent sources give differently."""
    settings = Settings.load(config, db=db)
    with _existing_store(settings.db) as store, store.snapshot():
        found = [(str(d.id), d.article_id, d.discrepancy)
                 for d in store.discrepancies(kind=kind, kb_id=kb_id)]
        if kb_id is None and kind in {None, "figure"}:
            found += [("", "", d) for d in store.fused_discrepancies()]
    found = found[:limit] if limit is not None else found
    _print_rows(format, [render.discrepancy_row(i, a, d) for i, a, d in found],
                "discrepancy" if len(found) == 1 else "discrepancies",
                ["id", "article", "subject", "stated", "known", "on"],
                records=[{"id": int(i) if i else None, "article_id": a or None} | to_json(d)
                         for i, a, d in found])


PackOption = Annotated[list[str] | None, typer.Option(
    "--pack", help="Rule pack: a bundled name (un-dprk, infrastructure) or a YAML file; "
                   "repeat for several \\[default: the packs setting].")]
SinceOption = Annotated[str | None, typer.Option(
    help="Only incidents and claims dated on or after this day (YYYY-MM-DD); undated ones "
         "are kept.")]


@app.command()
def flags(
    db: DbOption = None,
    config: ConfigOption = None,
    format: FormatOption = Format.table,
    pack: PackOption = None,
    since: SinceOption = None,
    confidence: Annotated[Confidence | None, typer.Option(help="Only flags this confident or more.")] = None,
) -> None:
    """List the flags the rule packs raise over the store: provision, rationale, confidence
    and the evidence quotes."""
    settings = Settings.load(config, db=db, packs=tuple(pack) if pack else None)
    packs = load_packs(settings.packs)
    with _existing_store(settings.db) as store:
        found = store_flags(store, packs, _since(since))
    if confidence is not None:
        found = [f for f in found if LEVELS.index(f.confidence) >= LEVELS.index(confidence.value)]
    rows = [{"flag": f.flag_id, "provision": f.provision, "confidence": f.confidence,
             "subject": f.subject, "rationale": f.rationale, "reasons": "; ".join(f.reasons),
             "quote": f.evidence[0].quote.strip() if f.evidence else ""} for f in found]
    _print_rows(format, rows, "flag(s)", ["flag", "provision", "confidence", "rationale", "quote"],
                records=[flag_json(f) for f in found])


@app.command()
def watch(
    db: DbOption = None,
    config: ConfigOption = None,
    pack: PackOption = None,
    since: SinceOption = None,
    follow: Annotated[bool, typer.Option(help="Keep watching: evaluate each new incident and "
                                              "claim as articles are ingested.")] = False,
    every: Annotated[float, typer.Option(min=0.1, help="Seconds between looks at the store "
                                                       "with --follow.")] = 10.0,
    jsonl: Annotated[Path | None, typer.Option(help="Also append each alert to this JSON "
                                                    "Lines file.")] = None,
    webhook: Annotated[str | None, typer.Option(help="Also POST each alert to this URL, "
                                                     "signed with webhook_secret.")] = None,
    quiet: Annotated[bool, typer.Option(help="No alerts on the terminal.")] = False,
    failed: Annotated[bool, typer.Option(help="List the alerts receivers refused, and stop.")
                      ] = False,
    resend: Annotated[bool, typer.Option(help="Send again the alerts these channels refused "
                                              "(after fixing the receiver).")] = False,
) -> None:
    """Evaluate the rule packs over the store and send each new flag once to each channel
    (terminal, --jsonl, --webhook); --follow keeps doing so as articles arrive."""
    settings = Settings.load(config, db=db, packs=tuple(pack) if pack else None)
    if failed:
        with _existing_store(settings.db) as store:
            refused = store.refused_alerts()
        _print_rows(Format.table, [{"flag": a.flag_id, "channel": a.channel,
                                    "refused at": a.refused_at, "why": a.detail or ""}
                                   for a in refused], "refused alert(s)",
                    ["flag", "channel", "refused at", "why"])
        return
    packs = load_packs(settings.packs)
    day = _since(since)
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    channels: list[Channel] = [] if quiet else [Terminal(out)]
    channels += [JsonLines(jsonl)] if jsonl else []
    channels += [Webhook(webhook, secret)] if webhook else []
    store = Store.open(settings.db) if follow else _existing_store(settings.db)
    outage = Outage(display_name(settings.db), _say)
    seen, failures, sent = (0, 0), False, 0
    raised: set[str] = set()

    def report(problem: WirewatchError) -> None:
        err.print(f"[red]alert not sent:[/red] {escape(problem.message)}", highlight=False)

    with store, _sigterm_stops(), err.status(f"watching {escape(display_name(settings.db))} with "
                                             f"{', '.join(p.pack for p in packs)}",
                                             spinner="dots") as status:
        if resend:
            again = store.forget_refused([channel.name for channel in channels])
            err.print(f"{again} refused alert(s) to send again", highlight=False)
        try:
            while True:
                try:
                    with store.snapshot():  # the flags of one state of the store
                        newest = store.newest()
                        found = (store_flags(store, packs, day,
                                             newer_than=(0, 0) if failures else seen)
                                 if newest != seen or failures else None)
                    if found is not None:  # something new, or alerts still to send
                        delivery = deliver(store, found, channels, on_failure=report)
                        seen, failures = newest, bool(delivery.failed)
                        sent += delivery.sent
                        raised.update(f.flag_id for f in found)
                        status.update(f"watching {escape(display_name(settings.db))}: "
                                      f"{sent} alert(s) sent")
                except StoreError as problem:
                    if not follow:
                        raise
                    if store.connected:
                        report(problem)  # a busy or briefly unreadable store: look again later
                    else:
                        _reconnect(store, outage, problem)
                if not follow:
                    break
                time.sleep(every)
        except KeyboardInterrupt:
            err.print("stopped watching", highlight=False)
    err.print(f"{len(raised)} flag(s) raised; {sent} new alert(s) sent"
              + (" (some were not taken; see above)" if failures else ""), highlight=False)
    if failures:
        raise typer.Exit(1)


def _say(message: str) -> None:
    err.print(f"[yellow]{escape(message)}[/yellow]", highlight=False)


def _reconnect(store: Store, outage: Outage, problem: StoreError) -> None:
    """Reopen a store whose server went away, with back-off; returns once it answers."""
    outage.failed(problem)
    while True:
        time.sleep(outage.wait_left())
        try:
            store.reconnect()
        except StoreError as again:
            outage.failed(again)
            continue
        outage.succeeded()
        return


@app.command()
def packs(
    files: Annotated[list[str] | None, typer.Argument(help="Pack files to check "
                                                           "\\[default: list the bundled packs].")] = None,
) -> None:
    """List the bundled rule packs and their rules, or check pack files (file, line and
    reason for any error)."""
    for pack in load_packs(files or bundled()):
        rows = [{"rule": r.id, "provision": r.provision, "subject": r.subject, "title": r.title}
                for r in pack.rules]
        out.print(render.table(f"{pack.pack}: {pack.title} ({pack.origin})", rows))


@app.command()
def serve(
    db: DbOption = None,
    config: ConfigOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host", help="A host name requests may be addressed to (repeatable; * for "
                               "any) \\[default: the allowed_hosts setting, else the listening "
                               "address, and localhost for a loopback one].")] = None,
) -> None:
    """Serve the HTTP API (its OpenAPI document at /openapi.json) and the web app over the
    store."""
    import uvicorn

    from wirewatch.serve.api import create_app

    settings = Settings.load(config, db=db, allowed_hosts=tuple(allowed_host) if allowed_host
                             else None)
    hosts = settings.allowed_hosts or _default_hosts(host)
    app = create_app(settings, hosts=hosts, say=_say)  # opens the store: fails before binding
    listening = _listen(host, port)  # fails before anything says it is serving
    writes = "on (bearer token set)" if settings.api_token else "off (no api_token set)"
    err.print(f"wirewatch on http://{_url_host(host)}:{port}/ over "
              f"{escape(display_name(settings.db))}; writes {writes}; answering to "
              f"{escape(', '.join(hosts))}", highlight=False)
    if "*" in hosts:
        _say("any host name is answered, so a web page elsewhere could read the API by DNS "
             "rebinding: name the ones users reach this server by with --allowed-host")
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    server.run(sockets=[listening])


def _default_hosts(host: str) -> tuple[str, ...]:
    """The names a server listening on ``host`` is reached by: that address, and for a
    loopback one ``localhost`` too; any name when it listens on every address."""
    if host in ("0.0.0.0", "::", ""):
        return ("*",)
    if host in ("127.0.0.1", "::1", "localhost"):
        return tuple(dict.fromkeys((host, "127.0.0.1", "localhost", "::1")))
    return (host,)


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port``, or an ``InputError`` saying why not."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET  # as uvicorn chooses
    try:
        return socket.create_server((host, port), family=family, backlog=2048)
    except OSError as exc:
        raise InputError(f"cannot listen on {_url_host(host)}:{port}",
                         exc.strerror or str(exc),
                         "Stop what is using that port or pick another with --port; --host must "
                         "be an address of this machine") from None


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"
    ftm = "ftm"


@app.command(name="export")
def export_incidents(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="json (PLOVER fields), "
                                                 "csv (ACLED columns), geojson, parquet, ftm "
                                                 "(FollowTheMoney).")] = ExportFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file "
                                                "\\[default: standard output].")] = None,
    all: Annotated[bool, typer.Option("--all", help="Also planned, hypothetical and negated "
                                                    "incidents \\[default: those that happened]."
                                      )] = False,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Export the incidents (events counted once, with their sources) for other tools: by
    default those that happened (asserted or reported), as ACLED would code them."""
    settings = Settings.load(config, db=db)
    if format is ExportFormat.parquet and output is None and sys.stdout.isatty():
        raise InputError("Parquet is binary and standard output is a terminal",
                         "it would print unreadable bytes", "Add --output FILE.parquet")
    with _existing_store(settings.db) as store:
        found = store.incidents()
    found = found if all else exports.happened(found)
    data = exports.export(found, format.value, ActorKB.load(settings.db))
    if output is None:
        _write(data)
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise InputError(f"cannot write {output}", exc.strerror or str(exc),
                         "Check the path and that the folder is writable") from None
    err.print(f"{len(found)} incident(s) written to {escape(str(output))}", highlight=False)


def _write(data: bytes) -> None:
    """Bytes to standard output; to a terminal without control characters (a file or pipe
    gets them exactly)."""
    if sys.stdout.isatty():
        data = render.printable(data.decode("utf-8", "replace")).encode()
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


@contextmanager
def _sigterm_stops() -> Iterator[None]:
    """SIGTERM (how a service manager stops a process) ends a long-running command as
    Ctrl-C does: cleanly, with its summary."""
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _since(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--since {value!r} is not a date", "it takes a day as YYYY-MM-DD",
                         "Write it as 2024-05-12") from None


@app.command()
def code(
    path: Annotated[str, typer.Argument(help="JSON Lines file, or - for standard input.")] = "-",
    db: DbOption = None,
    config: ConfigOption = None,
    date_order: DateOrderOption = None,
) -> None:
    """Code JSON Lines {id, text, ...} to JSON Lines {id, events, claims, ...}; stores nothing
    (it reads the knowledge base a user added to --db, if there is one)."""
    settings = Settings.load(config, db=db)
    problems: list[InputError] = []

    def report(problem: InputError) -> None:
        problems.append(problem)
        err.print(f"skipped: {escape(problem.message)}", highlight=False)

    if path != "-" and not Path(path).is_file():
        raise InputError(f"{path} is not a file", "wirewatch code reads one JSON Lines file or -",
                         "Check the path")
    data = read_stdin() if path == "-" else Path(path).read_bytes()
    if isinstance(data, str):  # a text stream without a binary buffer
        data = data.encode()
    origin = "<stdin>" if path == "-" else path
    written = 0
    def note(notice: str) -> None:
        err.print(f"note: {escape(notice)}", highlight=False)

    meta = {"date_order": date_order.value} if date_order else {}
    for record in jobs.code_stream(data, settings=settings, origin=origin, on_problem=report,
                                   on_notice=note, meta=meta):
        _write((jobs.dumps(record) + "\n").encode())
        written += 1
    if written == 0 and problems:
        raise typer.Exit(1)


@app.command(name="eval")
def evaluate(
    db: DbOption = None,
    config: ConfigOption = None,
    eval_dir: Annotated[Path | None, typer.Option(help="Folder of the gold data "
                                                       "\\[default: ../shared/eval].")] = None,
) -> None:
    """Score event coding against the public gold data: PLV rows end to end, PLOVER types
    and ACLED classes."""
    from wirewatch.evaluate.gold import evaluate_case, evaluate_plover, evaluate_plv
    from wirewatch.evaluate.report import print_case, print_plover, print_plv

    settings = Settings.load(config, db=db)  # the knowledge base a user added to --db applies
    print_plv(evaluate_plv(settings, eval_dir), "every", out)
    print_plover(evaluate_plover(settings, eval_dir), out)
    print_case(evaluate_case(settings, eval_dir), out)
    out.print("The learned weights were fitted on these files, so these scores are optimistic; "
              "`python -m benchmarks.events` adds cross-validated ones.")


kb_app = typer.Typer(help="The actor knowledge base: list, add, edit, import.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")
AliasOption = Annotated[list[str] | None, typer.Option("--alias", help="Another name (repeatable).")]
PostOption = Annotated[str | None, typer.Option(help="A post held: 'Minister of Defence of Russia'.")]
StartOption = Annotated[str | None, typer.Option(help="The day the post was taken (YYYY-MM-DD).")]
EndOption = Annotated[str | None, typer.Option(help="The day it ended (YYYY-MM-DD).")]
SectorOption = Annotated[str | None, typer.Option(help=f"One of {', '.join(SECTORS)}.")]


@kb_app.command("list")
def kb_list(
    db: DbOption = None,
    config: ConfigOption = None,
    format: FormatOption = Format.table,
    name: Annotated[str | None, typer.Option(help="Names containing this text (any case).")] = None,
    country: Annotated[str | None, typer.Option(help="ISO3 code, or IGO.")] = None,
    actor_type: Annotated[str | None, typer.Option("--type", help=f"One of {', '.join(TYPES)}.")] = None,
    on: Annotated[str | None, typer.Option(help="Show the role held on this day, e.g. "
                                                "2024-05-12 \\[default: today].")] = None,
    limit: Annotated[int | None, typer.Option(min=0, help="At most this many.")] = None,
) -> None:
    """List knowledge-base actors with the role each holds on a day."""
    settings = Settings.load(config, db=db)
    day = check_date(on, "--on")
    records = user_records(settings.db)  # read once: the layer and which ids are the user's
    kb = ActorKB.overlaid(records, display_name(settings.db))
    mine = {record["id"] for record in records}
    wanted = (name or "").lower()
    rows = []
    for actor in sorted(kb.actors.values(), key=lambda a: a.id):
        if (wanted and wanted not in " ".join((actor.name, *actor.aliases)).lower()
                or country and actor.country != country.upper()
                or actor_type and actor.type != actor_type):
            continue
        if format is Format.json:
            rows.append(actor.to_json() | {"user": actor.id in mine})
            continue
        role = actor.role_on(day)
        rows.append({"id": actor.id, "type": actor.type, "name": actor.name,
                     "country": actor.country or "", "post": role.post if role else "",
                     "since": role.start or "" if role else "", "roles": str(len(actor.roles)),
                     "added by": "user" if actor.id in mine else "shipped"})
    rows = rows[:limit] if limit is not None else rows
    _print_rows(format, rows, f"actor(s), roles held on {day or 'today'}")


@kb_app.command("add")
def kb_add(
    name: Annotated[str, typer.Argument(help="The actor's usual name: 'Andrei Belousov'.")],
    country: Annotated[str | None, typer.Option(help="ISO3 code of their country, or IGO.")] = None,
    actor_type: Annotated[str, typer.Option("--type", help=f"One of {', '.join(TYPES)}.")] = "person",
    actor_id: Annotated[str | None, typer.Option("--id", help="Id \\[default: from the name].")] = None,
    alias: AliasOption = None,
    sector: SectorOption = None,
    post: PostOption = None,
    start: StartOption = None,
    end: EndOption = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Add an actor (with a first role, if --post is given)."""
    settings = Settings.load(config, db=db)
    actor_id = actor_id or slug(name)
    if actor_id in ActorKB.load(settings.db).actors:
        raise InputError(f"the knowledge base already has an actor {actor_id!r}",
                         "add creates new actors", f"Use `wirewatch kb edit {actor_id}` to change it")
    roles = [_role_option(post, country, start, end, sector)] if post else []
    actor = check_known_countries(KBActor.from_json(
        {"id": actor_id, "name": name, "type": actor_type, "country": country,
         "aliases": alias or [], "sector": sector, "roles": roles}, "kb add"), "kb add")
    jobs.kb_put(actor, settings=settings, source="kb add")
    out.print(f"added {escape(actor.id)}: {escape(actor.name)}", highlight=False)


@kb_app.command("edit")
def kb_edit(
    actor_id: Annotated[str, typer.Argument(help="An id from `wirewatch kb list`.")],
    name: Annotated[str | None, typer.Option(help="A new usual name.")] = None,
    country: Annotated[str | None, typer.Option(help="A new country (ISO3, or IGO).")] = None,
    alias: AliasOption = None,
    sector: SectorOption = None,
    post: Annotated[str | None, typer.Option(help="A post: with --end alone, ends the open role; "
                                                  "with --start, adds a role.")] = None,
    role_country: Annotated[str | None, typer.Option(help="The post's country \\[default: "
                                                          "the actor's].")] = None,
    start: StartOption = None,
    end: EndOption = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Change an actor: rename, add aliases, add a role, or end one ("--post X --end DAY")."""
    settings = Settings.load(config, db=db)
    actor = ActorKB.load(settings.db).actors.get(actor_id)
    if actor is None:
        raise InputError(f"the knowledge base has no actor {actor_id!r}", "edit changes existing actors",
                         "Check the id with `wirewatch kb list --name ...`, or use `wirewatch kb add`")
    record = actor.to_json()
    record.update({k: v for k, v in {"name": name, "country": country, "sector": sector}.items() if v})
    record["aliases"] = [*record["aliases"], *(alias or [])]
    did = "updated"
    if post:
        held = [r for r in record["roles"] if r["post"].lower() == post.lower() and r["end"] is None]
        if end and not start:  # end a role held
            if not held:
                open_posts = [r["post"] for r in record["roles"] if r["end"] is None]
                raise InputError(f"{actor_id} holds no open post {post!r} to end",
                                 f"open posts: {', '.join(open_posts) or 'none'}",
                                 "Give the post as `kb list` shows it, or add a past role with "
                                 "--start and --end")
            held[-1]["end"] = end
            did = f"ended {post!r} on {end} for"
        else:
            record["roles"].append(_role_option(post, role_country or record["country"], start, end,
                                                sector or record["sector"]))
            did = f"added {post!r} to"
    changed = check_known_countries(KBActor.from_json(record, f"kb edit {actor_id}"),
                                    f"kb edit {actor_id}")
    jobs.kb_put(changed, settings=settings, source="kb edit")
    out.print(f"{did} {escape(actor_id)}", highlight=False)


@kb_app.command("import")
def kb_import(
    path: Annotated[Path, typer.Argument(help="JSON Lines: office-holder rows or actor records.")],
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Import an office-holder file (e.g. ../shared/kb/office-holders-factbook.jsonl)."""
    settings = Settings.load(config, db=db)
    with err.status(f"importing {escape(str(path))}"):
        done = jobs.kb_import(path, settings=settings)
    out.print(f"{done.actors} actor(s) added or changed, with {done.roles} role(s), in "
              f"{escape(display_name(settings.db))}; {len(done.skipped)} row(s) without a country "
              "code left out.",
              highlight=False)


def _role_option(post: str, country: str | None, start: str | None, end: str | None,
                 sector: str | None) -> dict[str, str | None]:
    return {"post": post, "country": country, "start": start, "end": end, "sector": sector}


def _existing_store(db: str) -> Store:
    """A store to read from; a mistyped --db must not silently create an empty database
    file (a mistyped server URL fails to connect)."""
    if not is_postgres(db) and not database_path(db).exists():
        raise StoreError(f"no database at {db}", "nothing has been ingested there",
                         "Check --db / WIREWATCH_DB, or run `wirewatch ingest` first")
    return Store.open(db)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning wirewatch errors into one line each (exit status 2)."""
    try:
        app(args=argv, prog_name="wirewatch")
    except WirewatchError as error:
        err.print(f"[red]error:[/red] {escape(error.message)}", highlight=False)
        sys.exit(2)


__all__ = ["app", "main"]
