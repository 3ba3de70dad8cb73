"""``wirewatch serve``: the HTTP API (FastAPI) and the web app, from one process.

Reads open the store per request (SQLite's WAL lets them run beside an ingest); incidents,
flags and discrepancies are computed on read as the command line computes them, so the
API and the CLI always agree, and kept until the store changes (``Store.state``). Lists take the same filters (``Filters``) and page with
``limit``/``offset``, answering ``{total, limit, offset, items}``. ``POST /api/articles``
codes and stores an article; it needs ``Authorization: Bearer <api_token>``, and with no
token configured writes are disabled. Every error, ours or the framework's, has one shape:
``{"error": {code, message, what, why, fix}}`` (``wirewatch.errors.error_json``).

The web app is static files in ``serve/static/`` (no CDN: the map draws the Natural Earth
country outlines of npm's world-atlas with d3-geo, vendored) that read this API.
"""


import hmac
import math
import sys
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as FastPath
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from wirewatch import __version__
from wirewatch.errors import (
    IdConflictError,
    InputError,
    NotFoundError,
    StoreError,
    TooLargeError,
    WirewatchError,
    error_json,
)
from wirewatch.fuse.incidents import Incident, event_day
from wirewatch.ingest import make_article
from wirewatch.ingest.documents import extract_html
from wirewatch.model import EVENT_TYPES, Discrepancy, EventMention, check_event_type, to_json
from wirewatch.resolve.kb import ActorKB
from wirewatch.serve import exports, render
from wirewatch.settings import Settings
from wirewatch.store import Store
from wirewatch.store.connect import database_path, display_name, is_postgres
from wirewatch.store.outage import Outage
from wirewatch.watch import load_packs, store_flags
from wirewatch.watch.alerts import flag_json
from wirewatch.watch.flags import Flag

STATIC = Path(str(resources.files("wirewatch") / "serve" / "static"))
MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
MAX_ID = 2**63 - 1


@dataclass(frozen=True)
class Filters:
    """What every list takes (all optional; together they must all hold)."""

    type: str | None = None
    country: str | None = None
    actor: str | None = None
    place: str | None = None
    since: date | None = None
    until: date | None = None
    factuality: str | None = None
    flag: str | None = None

    def keep(self, event: EventMention, day: date | None, flags: Sequence[Flag] = ()) -> bool:
        actors = [*event.source, *event.target, *event.recipient]
        if self.type and self.type.upper() not in (event.event_type, event.intended):
            return False
        if self.country and self.country.upper() not in (
                {a.country for a in actors} | {event.place.country if event.place else None}):
            return False
        if self.actor and not any(self.actor.casefold() in f"{a.name} {a.text} {a.kb_id or ''}"
                                  .casefold() for a in actors):
            return False
        if self.place and not (event.place and self.place.casefold() in
                               f"{event.place.name} {event.place.text}".casefold()):
            return False
        if self.factuality and event.factuality != self.factuality:
            return False
        if (self.since and (day is None or day < self.since)) or (
                self.until and (day is None or day > self.until)):
            return False
        return not self.flag or any(self.flag in (f.rule, f.pack, f.flag_id) or self.flag == "any"
                                    for f in flags)


def filters(
    type: Annotated[str | None, Query(description=f"PLOVER type or the act committed to: "
                                                  f"{', '.join(EVENT_TYPES)}")] = None,
    country: Annotated[str | None, Query(description="ISO3 of any actor or the place")] = None,
    actor: Annotated[str | None, Query(description="Part of an actor's name or KB id")] = None,
    place: Annotated[str | None, Query(description="Part of the place's name")] = None,
    since: Annotated[date | None, Query(description="Dated on or after (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="Dated on or before (YYYY-MM-DD)")] = None,
    factuality: Annotated[Literal["asserted", "planned", "hypothetical", "negated", "reported"]
                          | None, Query()] = None,
    flag: Annotated[str | None, Query(description="A flag's rule, pack or id; 'any' for any "
                                                  "flag (incidents only)")] = None,
) -> Filters:
    if type is not None:
        check_event_type(type, "type")
    return Filters(type, country, actor, place, since, until, factuality, flag)


@dataclass(frozen=True)
class Computed:
    """What is computed from the store on read, kept until it changes."""

    incidents: list[Incident]
    flags: list[Flag]
    discrepancies: list[Discrepancy]

    @cached_property
    def _by_subject(self) -> dict[str, list[Flag]]:
        by_subject: dict[str, list[Flag]] = {}
        for flag in self.flags:
            by_subject.setdefault(flag.subject, []).append(flag)
        return by_subject

    def flags_on(self, incident: Incident) -> list[Flag]:
        return self._by_subject.get(incident.incident_id, [])

    def kept(self, where: Filters) -> list[Incident]:
        """The incidents that pass the filters."""
        return [i for i in self.incidents if where.keep(i.event, i.day, self.flags_on(i))]


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class NewArticle(BaseModel):
    """An article to code and store: its text, or an HTML page to take the text from."""

    text: str | None = Field(None, description="The article text")
    html: str | None = Field(None, description="Or an HTML page (its main text is coded)")
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    publisher: str | None = None


class ErrorDetail(BaseModel):
    code: str
    message: str
    what: str
    why: str
    fix: str


class ErrorBody(BaseModel):
    """Every error the API answers, whatever its status."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": why} for status, why in (
        (400, "A filter or body that cannot be used"),
        (401, "A write without a valid bearer token"),
        (403, "A write where the operator has set no token"),
        (404, "No such route, article or incident"),
        (405, "A method the route does not take"),
        (409, "An article id already used for another text"),
        (413, "A body larger than max_body_bytes"),
        (422, "A parameter or body of the wrong shape"),
        (503, "The store cannot be read or written"))}
BEARER = HTTPBearer(auto_error=False, description="The operator's api_token")
POSTED_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": NewArticle.model_json_schema()},
    "text/plain": {"schema": {"type": "string"}},
    "text/html": {"schema": {"type": "string"}}}}}


async def posted(request: Request) -> NewArticle:
    """The posted article, whichever of JSON, plain text or HTML the body is."""
    kind, _, params = request.headers.get("content-type", "application/json").partition(";")
    kind = kind.strip().lower()
    charset = next((v.strip().strip('"') for k, _, v in (p.partition("=") for p in params.split(";"))
                    if k.strip().lower() == "charset"), "utf-8")
    body = await _capped_body(request, request.app.state.max_body_bytes)
    try:
        if kind in ("text/plain", "text/html"):
            fields = {k: v for k, v in request.query_params.items()
                      if k in ("id", "title", "url", "published", "publisher")}
            return NewArticle(**fields, **{"html" if kind == "text/html" else "text":
                                           body.decode(charset)})
        if kind != "application/json" and not kind.endswith("+json"):
            raise InputError(f"cannot read a body of type {kind}", "articles are posted as "
                             "JSON, plain text or HTML", "Send application/json, text/plain "
                             "or text/html")
        return NewArticle.model_validate_json(body)
    except (UnicodeDecodeError, LookupError) as error:
        raise InputError(f"the posted text cannot be read as {charset}", str(error),
                         "Send it as UTF-8, or name its encoding in the charset of its "
                         "Content-Type") from error
    except ValidationError as error:
        raise RequestValidationError(error.errors()) from error


async def _capped_body(request: Request, limit: int) -> bytes:
    """The request body, refused as soon as it passes ``limit`` bytes (whatever its
    Content-Length says, or without one)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> TooLargeError:
    return TooLargeError(f"the body is larger than {limit:,} bytes", "the server takes articles "
                         "up to max_body_bytes", "Send a shorter text (wirewatch codes the first "
                         "max_chars characters of an article anyway), or ask the operator to "
                         "raise max_body_bytes")


def create_app(settings: Settings, *, hosts: Sequence[str] | None = None,
               say: Callable[[str], None] | None = None) -> FastAPI:
    """The API and web app over ``settings.db`` (created if missing).

    Args:
        settings: the store, packs, token and limits.
        hosts: the Host names requests may carry (a DNS-rebinding guard); None:
            ``settings.allowed_hosts``, and any host when that is empty too.
        say: where the server tells its operator about the store (a lost connection,
            errors anonymous clients are not shown); standard error by default.
    """
    app = FastAPI(title="wirewatch", version=__version__, responses=ERROR_RESPONSES,
                  description="Sourced, de-duplicated geopolitical events read from news.")
    app.state.max_body_bytes = settings.max_body_bytes
    token = settings.api_token.get_secret_value() if settings.api_token else ""
    packs = load_packs(settings.packs)
    allowed = _host_names(hosts if hosts is not None else settings.allowed_hosts)
    coder: dict[str, Any] = {}
    coder_lock = threading.Lock()
    tell = say or (lambda message: print(f"wirewatch serve: {message}", file=sys.stderr))
    outage = Outage(display_name(settings.db), tell)
    private = _store_names(settings.db)
    Store.open(settings.db).close()  # create and migrate once, before requests arrive

    def open_store() -> Store:
        """The store, reopened per request; after a lost connection, tried again only when
        the back-off says (503 with Retry-After meanwhile)."""
        if outage.wait_left():
            raise StoreError(f"cannot reach the database {outage.name}", "it went away; the "
                             "server is trying again with back-off", "Try again shortly")
        try:
            opened = Store.open(settings.db)
        except StoreError as error:
            if is_postgres(settings.db):  # a server can come back; a SQLite file is as it is
                outage.failed(error)
            raise
        outage.succeeded()
        return opened

    def store() -> Any:
        with open_store() as opened:
            yield opened

    def snapshot() -> Any:
        """A store read as of one moment: a request's reads agree however many articles
        are saved meanwhile."""
        with open_store() as opened, opened.snapshot():
            yield opened

    StoreDep = Annotated[Store, Depends(store)]
    ReadDep = Annotated[Store, Depends(snapshot)]
    FiltersDep = Annotated[Filters, Depends(filters)]
    Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
    Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]

    cache: dict[str, Any] = {}
    cache_lock = threading.Lock()

    def computed(opened: Store) -> Computed:
        """Incidents, flags and fused discrepancies, computed once per state of the store."""
        state = opened.state()
        with cache_lock:
            if cache.get("state") != state:
                incidents = opened.incidents()
                cache.update(state=state, value=Computed(
                    incidents, store_flags(opened, packs, incidents=incidents),
                    opened.fused_discrepancies(incidents)))
            return cache["value"]  # type: ignore[no-any-return]

    def incident_record(incident: Incident, flags: list[Flag]) -> dict[str, Any]:
        return {**render.incident_json(incident), "flags": [flag_json(f) for f in flags]}

    def page(items: list[Any], limit: int, offset: int) -> Page:
        return Page(total=len(items), limit=limit, offset=offset,
                    items=items[offset:offset + limit])

    @app.exception_handler(WirewatchError)
    def wirewatch_error(request: Request, error: WirewatchError) -> JSONResponse:
        status = _status(error)
        headers = {"Retry-After": str(max(1, math.ceil(outage.wait_left())))} \
            if status == 503 else None
        if status >= 500 and not outage.down:  # an outage is told once, not per request
            tell(error.message)  # the operator sees the cause; the client only its kind
        if not _has_token(token, request.headers.get("authorization", "")):
            error = _anonymous(error, private)
        return JSONResponse(error_json(error), status_code=status, headers=headers)

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        problem = error.errors()[0] if error.errors() else {"loc": (), "msg": "invalid"}
        where = ".".join(str(p) for p in problem["loc"]) or "body"
        return _error(422, "invalid_request", f"the request is not valid at {where}",
                      str(problem["msg"]), "See the OpenAPI document at /openapi.json")

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        codes = {401: "unauthorized", 403: "forbidden", 404: "not_found",
                 405: "method_not_allowed"}
        return _error(error.status_code, codes.get(error.status_code, "http_error"),
                      str(error.detail), "", "See the OpenAPI document at /openapi.json",
                      headers=getattr(error, "headers", None))

    @app.exception_handler(Exception)
    def crash(request: Request, error: Exception) -> Response:
        return _guarded(request, _error(500, "internal_error", "the server failed on this "
                                        "request", type(error).__name__,
                                        "Report it with the request that caused it"))

    @app.get("/api/articles", response_model=Page, tags=["articles"])
    def articles(opened: ReadDep, limit: Limit = 50, offset: Offset = 0) -> Page:
        """Stored articles, oldest first (without their text)."""
        sources = opened.sources()
        items = [{"id": a.id, "title": a.title, "url": a.url, "published": a.published,
                  "publisher": a.publisher, "language": a.language,
                  "copy_of": sources[a.id].copy_of} for a in opened.articles()]
        return page(items, limit, offset)

    @app.get("/api/articles/{article_id:path}", tags=["articles"])
    def article(article_id: str, opened: ReadDep) -> dict[str, Any]:
        """One article with its text (every evidence span indexes it) and its copy group."""
        found = opened.article(article_id)
        copies = opened.copies()
        group = copies.get(article_id, article_id)
        return {"id": found.id, "title": found.title, "url": found.url,
                "published": found.published, "publisher": found.publisher,
                "language": found.language, "text": found.text, "copy_of": group,
                "copies": [a for a, g in copies.items() if g == group and a != article_id]}

    def authorised(bearer: Annotated[HTTPAuthorizationCredentials | None,
                                     Depends(BEARER)]) -> None:
        _authorise(token, bearer)

    @app.post("/api/articles", status_code=201, tags=["articles"],
              dependencies=[Depends(authorised)], openapi_extra=POSTED_BODY)
    def post_article(opened: StoreDep,
                     article: Annotated[NewArticle, Depends(posted)]) -> dict[str, Any]:
        """Code and store one article (needs the operator's bearer token): a JSON body, or
        the text itself (``text/plain``) or a page (``text/html``) with the other fields as
        query parameters."""
        if bool(article.text) == bool(article.html):
            raise InputError("give the article as text or as html", "the body has "
                             + ("both" if article.text else "neither"), "Send one of the two")
        meta = article.model_dump(exclude={"text", "html"})
        if article.html:
            text, found = extract_html(article.html, "the posted page")
            meta = {**found, **{k: v for k, v in meta.items() if v}}
        else:
            text = article.text or ""
        made = make_article(text, origin="the posted article", **meta)
        with coder_lock:
            if "pipeline" not in coder:
                from wirewatch.pipeline import Pipeline
                coder["pipeline"] = Pipeline.from_settings(settings)
            coded = next(coder["pipeline"].code([made]))
        result = opened.save(coded)
        return {"id": made.id, "stored": result.stored, "duplicate_of": result.duplicate_of,
                "copy_of": result.copy_of, "events": len(coded.events),
                "claims": len(coded.claims)}

    @app.get("/api/events", response_model=Page, tags=["events"])
    def events(opened: ReadDep, where: FiltersDep, limit: Limit = 50, offset: Offset = 0) -> Page:
        """Event mentions as coded, one per article sentence group."""
        if where.flag:
            raise InputError("flag filters incidents, not events", "flags are raised on "
                             "incidents", "Use GET /api/incidents?flag=...")
        sources = opened.sources()
        items = [render.event_json(e.id, e.article_id, e.event) for e in opened.events()
                 if where.keep(e.event, event_day(e.event) or sources[e.article_id].day)]
        return page(items, limit, offset)

    @app.get("/api/events/{event_id}", tags=["events"])
    def event(event_id: Annotated[int, FastPath(ge=1, le=MAX_ID)], opened: ReadDep) -> dict[str, Any]:
        found = opened.event(event_id)
        return render.event_json(found.id, found.article_id, found.event)

    @app.get("/api/incidents", response_model=Page, tags=["incidents"])
    def incidents(opened: ReadDep, where: FiltersDep, limit: Limit = 50,
                  offset: Offset = 0) -> Page:
        """Incidents: mentions fused across articles, independent sources counted."""
        found = computed(opened)
        kept = found.kept(where)
        return Page(total=len(kept), limit=limit, offset=offset, items=[
            incident_record(i, found.flags_on(i)) for i in kept[offset:offset + limit]])

    @app.get("/api/incidents/summary", tags=["incidents"])
    def summary(opened: ReadDep, where: FiltersDep) -> dict[str, Any]:
        """Counts of the filtered incidents by day, type and country, and their places: what
        the timeline and the map draw, over all of them (a page holds at most 500)."""
        kept = computed(opened).kept(where)
        by_day = Counter(i.day.isoformat() if i.day else "undated" for i in kept)
        by_type = Counter(i.event.event_type + (f" ({i.event.intended})" if i.event.intended
                                                else "") for i in kept)
        by_country = Counter((i.event.place.country if i.event.place else None)
                             or next((a.country for a in i.event.source if a.country), None)
                             or "unknown" for i in kept)
        places = [{"incident_id": i.incident_id, "event_type": i.event.event_type,
                   "name": i.event.place.name, "lat": i.event.place.lat,
                   "lon": i.event.place.lon, "precision": i.event.place.precision,
                   "sources": i.sources} for i in kept
                  if i.event.place and i.event.place.lat is not None
                  and i.event.place.lon is not None]
        return {"total": len(kept), "by_day": dict(sorted(by_day.items())),
                "by_type": dict(by_type.most_common()),
                "by_country": dict(by_country.most_common()), "places": places}

    @app.get("/api/incidents/{incident_id}", tags=["incidents"])
    def incident(incident_id: str, opened: ReadDep) -> dict[str, Any]:
        """One incident with its flags, its discrepancies and every mention's evidence."""
        everything = computed(opened)
        found = next((i for i in everything.incidents if i.incident_id == incident_id), None)
        if found is None:
            raise NotFoundError(f"no incident {incident_id}", "the store has no incident with "
                                "that id", "List them with GET /api/incidents")
        stated = [d.discrepancy for d in opened.discrepancies()] + everything.discrepancies
        discrepancies = [to_json(d) for d in stated if _concerns(d, found)]
        return {**incident_record(found, everything.flags_on(found)),
                "discrepancies": discrepancies}

    @app.get("/api/claims", response_model=Page, tags=["claims"])
    def claims(opened: ReadDep, country: Annotated[str | None, Query()] = None,
               kind: Annotated[Literal["figure", "violation"] | None, Query()] = None,
               limit: Limit = 50, offset: Offset = 0) -> Page:
        items = [{"id": c.id, "article_id": c.article_id, **to_json(c.claim)}
                 for c in opened.claims(kind=kind, country=country and country.upper())]
        return page(items, limit, offset)

    @app.get("/api/flags", response_model=Page, tags=["flags"])
    def flags(opened: ReadDep, rule: Annotated[str | None, Query()] = None,
              confidence: Annotated[Literal["low", "medium", "high"] | None, Query()] = None,
              limit: Limit = 50, offset: Offset = 0) -> Page:
        """What the configured rule packs flag (docs/watch.md)."""
        levels = ("low", "medium", "high")
        items = [flag_json(f) for f in computed(opened).flags
                 if (not rule or rule in (f.rule, f.pack, f.flag_id))
                 and (not confidence or levels.index(f.confidence) >= levels.index(confidence))]
        return page(items, limit, offset)

    @app.get("/api/discrepancies", response_model=Page, tags=["discrepancies"])
    def discrepancies(opened: ReadDep, limit: Limit = 50, offset: Offset = 0) -> Page:
        items = [{"id": d.id, "article_id": d.article_id, **to_json(d.discrepancy)}
                 for d in opened.discrepancies()]
        items += [{"id": None, "article_id": None, **to_json(d)}
                  for d in computed(opened).discrepancies]
        return page(items, limit, offset)

    @app.get("/api/search", response_model=Page, tags=["search"])
    def search(opened: ReadDep, q: Annotated[str, Query(min_length=1, max_length=500)],
               limit: Limit = 50, offset: Offset = 0) -> Page:
        """Sentences containing every word of ``q``."""
        hits = opened.search(q, limit=limit, offset=offset)
        return Page(total=opened.search_count(q), limit=limit, offset=offset,
                    items=[to_json(h) for h in hits])

    @app.get("/api/export", tags=["export"], response_class=Response, responses={200: {
        "description": "The export file", "content": {
            media.split(";")[0]: {"schema": {"type": "object"} if media.endswith("+json")
                                  else {"type": "string", "format": "binary"}}
            for media in exports.MEDIA_TYPES.values()}}})
    def export(opened: ReadDep,
               format: Annotated[Literal["json", "csv", "geojson", "parquet", "ftm"], Query()]
               = "json",
               all: Annotated[bool, Query(description="Also planned, hypothetical and "
                                                      "negated incidents")] = False) -> Response:
        """The incidents as PLOVER JSON Lines, ACLED CSV, GeoJSON, Parquet or FollowTheMoney
        (by default those that happened: asserted or reported)."""
        found = computed(opened).incidents
        data = exports.export(found if all else exports.happened(found), format,
                              ActorKB.load(settings.db))
        suffix = {"json": "jsonl", "ftm": "ftm.jsonl"}.get(format, format)
        return Response(data, media_type=exports.MEDIA_TYPES[format], headers={
            "Content-Disposition": f'attachment; filename="wirewatch-incidents.{suffix}"'})

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def home() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.api_route("/incident", methods=["GET", "HEAD"], include_in_schema=False)
    def incident_page() -> FileResponse:
        return FileResponse(STATIC / "incident.html")

    @app.middleware("http")
    async def policy(request: Request, call_next: Any) -> Response:
        """Requests must name an allowed host (a page elsewhere cannot reach this server
        through DNS rebinding); pages may load only what this server serves (a second guard
        against script in article text, which the app already inserts as text), may not be
        framed, and send no Referer."""
        host = request.headers.get("host")
        if allowed and host is not None and _host_name(host) not in allowed:
            return _guarded(request, _error(
                400, "host_not_allowed", f"this server does not answer to the host "
                f"{host[:100]!r}", "a page on another site may be reaching it by rebinding "
                "that name to this address", "Open it by an address it was started with, or "
                "start it with --allowed-host NAME"))
        return _guarded(request, await call_next(request))

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _guarded(request: Request, response: Response) -> Response:
    """``response`` with the headers every answer carries: no framing, no Referer, no type
    sniffing, and (but for FastAPI's /docs pages, which load from a CDN) nothing loaded
    from elsewhere."""
    policy = "frame-ancestors 'none'"
    if request.url.path not in ("/docs", "/redoc"):
        policy = "default-src 'self'; img-src 'self' data:; " + policy
    response.headers.setdefault("Content-Security-Policy", policy)
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response


def _status(error: WirewatchError) -> int:
    """The HTTP status of one of wirewatch's errors."""
    for kind, status in ((NotFoundError, 404), (IdConflictError, 409), (TooLargeError, 413),
                         (InputError, 400), (StoreError, 503)):
        if isinstance(error, kind):
            return status
    return 500


def _has_token(token: str, authorization: str) -> bool:
    """Whether an ``Authorization`` header carries the operator's bearer token."""
    scheme, _, credentials = authorization.partition(" ")
    return scheme.lower() == "bearer" and _is_token(token, credentials)


def _is_token(token: str, credentials: str) -> bool:
    """Whether credentials are the operator's token (none is set: never), in constant time."""
    return bool(token) and hmac.compare_digest(credentials.strip().encode(), token.encode())


def _store_names(db: str) -> list[str]:
    """How messages may name the store: its file (as given and absolute) or its server."""
    if is_postgres(db):
        return [display_name(db)]
    path = database_path(db)
    return sorted({str(path), str(path.resolve()), display_name(db)}, key=len, reverse=True)


def _anonymous(error: WirewatchError, names: Sequence[str]) -> WirewatchError:
    """What a client without the token may see of an error: no file path and no server (a
    database failure becomes its kind alone; the operator's log has the rest)."""
    if _status(error) >= 500:
        shown = WirewatchError("the store cannot be read or written right now", "",
                               "Try again later; the server's log says why")
    else:
        what, why, fix = error.what, error.why, error.fix
        for name in names:
            what, why, fix = (part.replace(name, "the store") for part in (what, why, fix))
        shown = WirewatchError(what, why, fix)
    shown.code = error.code
    return shown


def _host_names(hosts: Sequence[str]) -> frozenset[str]:
    """The allowed hosts as ``_host_name`` reads them; empty (any host) for none or ``*``."""
    names = frozenset(_host_name(host) for host in hosts)
    return frozenset() if not names or "*" in names else names


def _host_name(host: str) -> str:
    """A Host header's name without port or IPv6 brackets, lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host[1:]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _authorise(token: str, bearer: HTTPAuthorizationCredentials | None) -> None:
    """A write needs ``Authorization: Bearer <token>`` (scheme in any case)."""
    if not token:
        raise StarletteHTTPException(403, "writes are disabled: the operator has set no API "
                                          "token (api_token / WIREWATCH_API_TOKEN)")
    if bearer is None or not _is_token(token, bearer.credentials):
        raise StarletteHTTPException(401, "a valid bearer token is needed to write",
                                     headers={"WWW-Authenticate": "Bearer"})


def _error(status: int, code: str, what: str, why: str, fix: str,
           headers: dict[str, str] | None = None) -> JSONResponse:
    error = WirewatchError(what, why, fix)
    error.code = code
    return JSONResponse(error_json(error), status_code=status, headers=headers)


def _concerns(discrepancy: Discrepancy, incident: Incident) -> bool:
    """Whether a discrepancy is about an incident: a figure one names it, a title one is
    stated in a sentence the incident was read from (Shoigu's post in the visit's)."""
    if f"({incident.incident_id})" in discrepancy.subject:
        return True
    stated = [v.evidence for v in discrepancy.values if v.evidence is not None]
    return any(e.article_id == s.article_id and e.start < s.end and s.start < e.end
               for m in incident.mentions for e in m.event.evidence for s in stated)


__all__ = ["Filters", "create_app"]
