"""The records that pass between stages: frozen, typed and picklable.

Every character offset in these records (``start``/``end``) indexes
``Article.text``, the text *as ingested*; cleaning never shifts them.
A record that was read from text carries that span, and its ``text`` field is
the quote, ``article.text[start:end]``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal, get_args

from wirewatch.errors import InputError

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION",
    "PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT",
]
Factuality = Literal["asserted", "planned", "hypothetical", "negated", "reported"]
Precision = Literal["region", "country", "admin1", "admin2", "city"]
PlaceUse = Literal["location", "actor", "adjectival", "in-name"]
"""How a text uses a place name: where something is ("in Ottawa"), the state acting ("Ottawa
planned", "Russia's support"), a demonym ("Canadian"), or part of another name ("Texas A&M")."""
FACTUALITIES: tuple[Factuality, ...] = ("asserted", "planned", "hypothetical", "negated", "reported")
EVENT_TYPES: tuple[str, ...] = get_args(EventType)


def check_event_type(name: str, option: str) -> str:
    """``name`` as a PLOVER type (any case: ``assault`` is ``ASSAULT``); an ``InputError``
    naming ``option`` for anything else, so that no filter answers an empty list for a typo."""
    if name.upper() not in EVENT_TYPES:
        raise InputError(f"{option} {name[:50]!r} is not a PLOVER event type",
                         f"wirewatch codes {', '.join(EVENT_TYPES)}", "Use one of those")
    return name.upper()


@dataclass(frozen=True, slots=True)
class Article:
    """A news article as ingested, before any cleaning."""

    text: str
    """The text as ingested (decoded; main text for HTML). All offsets index it."""
    fingerprint: str
    """sha256 of the whitespace- and case-folded text: the same article ingested twice is stored once."""
    id: str
    """The caller's id when given, else derived from the fingerprint."""
    title: str | None = None
    url: str | None = None
    published: str | None = None
    """Publication date or datetime as ISO 8601 text, when known."""
    publisher: str | None = None
    language: str | None = None
    """ISO 639-1 code detected from the text; only ``en`` is coded."""
    origin: str | None = None
    """Where it came from: a path, ``path:line`` for JSON Lines/CSV, or ``<stdin>``."""


@dataclass(frozen=True, slots=True)
class FeedState:
    """What a feed answered last time, to ask it again only for what changed."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: the quote and where it is."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a record was read: article, character span and the quoted text."""

    article_id: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class Dropped:
    """A stretch of text that cleaning removed, and why."""

    start: int
    end: int
    reason: str
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acted or was acted upon, as named in the text and as resolved."""

    text: str
    start: int
    end: int
    name: str
    """Canonical name: a person's full name, a country's short name, or the text itself."""
    kb_id: str | None = None
    """Knowledge-base id of a known person or organisation; None when unknown."""
    country: str | None = None
    """ISO 3166-1 alpha-3 code (or ``IGO`` for intergovernmental bodies)."""
    sector: str | None = None
    """government, military, police, rebels, civilian, labour, business, media, ..."""


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention resolved to a gazetteer entry."""

    text: str
    start: int
    end: int
    name: str
    country: str | None
    """ISO 3166-1 alpha-3, as for actors."""
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: Precision
    geo_id: str | None = None
    use: PlaceUse = "location"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count read from text: exact, approximate, a range or a vague amount."""

    text: str
    start: int
    end: int
    value: float | None
    """The stated number; None for vague amounts such as "thousands"."""
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    """True for "around", "some", "more than", "thousands of" and the like."""
    counted: str | None = None
    """What is counted, as written: "construction workers", "combat engineers"."""


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression attached to an event, as written and resolved against the
    article's publication date (``resolve.dates``)."""

    text: str
    start: int
    end: int
    value: str | None = None
    """ISO date, "YYYY-MM" or "YYYY"; for ``before``/``after`` the publication date."""
    precision: Literal["day", "week", "month", "year", "before", "after"] | None = None


@dataclass(frozen=True, slots=True)
class Acled:
    """An ACLED-style classification of an event, beside its PLOVER type.

    ``event_type``/``sub_event_type`` use ACLED's names ("Battles"/"Armed clash").
    The five classes CASE 2021 adds to ACLED's 25 (natural and man-made disasters,
    organized crime, diplomatic events, attribution of responsibility) come under
    ``event_type`` "Other", which ACLED itself never uses.
    """

    event_type: str
    sub_event_type: str
    code: str
    """The CASE 2021 label, e.g. ``ARMED_CLASH``."""
    confidence: float


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event coded from text, with everything it was read from.

    Mentions of the same happening within an article are merged into one,
    whose ``evidence`` lists every sentence it was read from.
    """

    event_type: EventType
    factuality: Factuality
    trigger: Span
    confidence: float
    """Calibrated probability that this is the act its sentence reports (``extract.confidence``);
    a merged event keeps the highest of its mentions'."""
    mode: str | None = None
    """How it was done, in the PLOVER manual's modes for its type ("visit", "aerial")."""
    context: tuple[str, ...] = ()
    """PLOVER contexts cued in its sentences ("military", "economic")."""
    acled: Acled | None = None
    """Its ACLED class (``extract.acled``); None only in databases written before it existed."""
    intended: EventType | None = None
    """For AGREE: the type of act agreed to (AID for "agreed to send workers")."""
    source: tuple[Actor, ...] = ()
    target: tuple[Actor, ...] = ()
    """Who is acted upon, hosted, aided or fought (PLOVER's "recipient" in general)."""
    recipient: tuple[Actor, ...] = ()
    """For AID and COOPERATE (and AGREE to either): who receives the help or cooperation."""
    place: Place | None = None
    time: TimeExpr | None = None
    quantities: tuple[Quantity, ...] = ()
    claimant: Actor | None = None
    """Who the text says reported it ("as revealed by Russian officials")."""
    purpose: Span | None = None
    """Why, where the text says: "to finalize the agreement for sending workers"."""
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement of a state of affairs or a judgement, rather than an act."""

    kind: Literal["figure", "violation"]
    text: str
    """The sentence the claim is made in."""
    start: int
    end: int
    claimant: Actor | None = None
    """Who makes the claim; None when the article says it in its own voice."""
    about: tuple[Actor, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    places: tuple[Place, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Stated:
    """One side of a discrepancy: a value, who states it, and where."""

    value: str
    by: str
    """ "the article", or "knowledge base" with the role's dates and source."""
    evidence: Evidence | None = None
    """Where the text says it; None for the knowledge base's side."""


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """Sources that disagree about one fact, each value kept with who states it."""

    kind: Literal["title", "figure"]
    """ "title": the text gives a person a post the knowledge base does not have them
    holding on the article's date; "figure": independent sources give different counts
    of one thing (``wirewatch.fuse.incidents``)."""
    subject: str
    """Whom it is about: "Sergei Shoigu"."""
    kb_id: str | None
    on: str | None
    """The day the values were compared for (the article's date; None: today)."""
    values: tuple[Stated, ...]
    note: str
    """One line saying what disagrees."""


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """Everything wirewatch read from one article."""

    article: Article
    dropped: tuple[Dropped, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    events: tuple[EventMention, ...] = ()
    claims: tuple[Claim, ...] = ()
    places: tuple[Place, ...] = ()
    coded: bool = True
    """False when the article was stored but not coded (not English, empty after cleaning)."""
    note: str | None = None
    """Why it was not coded."""
    discrepancies: tuple[Discrepancy, ...] = ()


def to_json(record: Any) -> Any:
    """Turn a record (or a tuple of them) into plain JSON-ready values."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_json(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_json(item) for item in record]
    return record


def coded_to_json(coded: CodedArticle) -> dict[str, Any]:
    """The ``wirewatch code`` output line for one article."""
    return {
        "id": coded.article.id,
        "language": coded.article.language,
        "coded": coded.coded,
        "note": coded.note,
        "events": to_json(coded.events),
        "claims": to_json(coded.claims),
        "places": to_json(coded.places),
        "discrepancies": to_json(coded.discrepancies),
        "dropped": to_json(coded.dropped),
    }


__all__ = [
    "FACTUALITIES",
    "Acled",
    "Actor",
    "Article",
    "Claim",
    "CodedArticle",
    "Discrepancy",
    "Dropped",
    "EventMention",
    "EventType",
    "Evidence",
    "Factuality",
    "FeedState",
    "Place",
    "Precision",
    "Quantity",
    "Sentence",
    "Span",
    "Stated",
    "TimeExpr",
    "check_event_type",
    "coded_to_json",
    "to_json",
]
