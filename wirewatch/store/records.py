"""What the store hands back: model records together with their database ids."""

from __future__ import annotations

from dataclasses import dataclass

from wirewatch.model import Claim, Discrepancy, EventMention


@dataclass(frozen=True, slots=True)
class SaveResult:
    """The outcome of saving one article."""

    article_id: str
    """The id of the article that was passed in."""
    stored: bool
    """False when an article with the same fingerprint was already stored."""
    duplicate_of: str | None = None
    """The id the earlier copy is stored under, when ``stored`` is False."""
    copy_of: str | None = None
    """When stored: the first article of the wire-copy group it joined, if it copies one."""


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event mention as stored: ``id`` is what ``wirewatch events`` lists."""

    id: int
    article_id: str
    event: EventMention


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim as stored, with its database id and article."""

    id: int
    article_id: str
    claim: Claim


@dataclass(frozen=True, slots=True)
class StoredDiscrepancy:
    """A discrepancy as stored, with its database id and article."""

    id: int
    article_id: str
    discrepancy: Discrepancy


@dataclass(frozen=True, slots=True)
class RefusedAlert:
    """A flag an alert channel refused for good (``watch --failed``)."""

    flag_id: str
    channel: str
    confidence: str
    refused_at: str
    detail: str | None
    """What the receiver answered, when it was recorded."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A sentence that matched a full-text search."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    """The whole sentence."""
    snippet: str
    """Up to a dozen words around the match, matched words wrapped in ``[`` ``]``."""


__all__ = ["RefusedAlert", "SaveResult", "SearchHit", "StoredClaim", "StoredDiscrepancy", "StoredEvent"]
