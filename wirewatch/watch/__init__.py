"""Watch: rule packs (``packs``) evaluated over the store's incidents and claims
(``flags``), and new flags sent as alerts (``alerts``). docs/watch.md is the user's guide."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from wirewatch.errors import InputError
from wirewatch.fuse.incidents import Incident
from wirewatch.store import Store
from wirewatch.watch.flags import Flag, claim_subject, evaluate, incident_subject
from wirewatch.watch.packs import Pack, load_pack


def load_packs(names: Sequence[str]) -> list[Pack]:
    """Bundled packs by name and pack files by path, each checked; two packs with one name
    are refused (their flag ids would collide)."""
    packs = [load_pack(name) for name in dict.fromkeys(names)]
    seen: dict[str, str] = {}
    for pack in packs:
        if pack.pack in seen:
            raise InputError(f"two rule packs are named {pack.pack!r}",
                             f"{seen[pack.pack]} and {pack.origin}",
                             "Give one of them another 'pack:' name")
        seen[pack.pack] = pack.origin
    return packs


def store_flags(store: Store, packs: Sequence[Pack], since: date | None = None,
                newer_than: tuple[int, int] = (0, 0),
                incidents: Sequence[Incident] | None = None) -> list[Flag]:
    """The flags the packs raise over the store now; with ``newer_than`` (an event id and
    a claim id from ``Store.newest``), only on incidents and claims that have something
    stored after them. ``incidents`` saves fusing again when the caller has them (read in
    the caller's ``Store.snapshot``, so that they agree with the claims read here)."""
    with store.snapshot():
        sources = store.sources()
        fused = store.incidents(sources) if incidents is None else incidents
        claims = [claim_subject(c.id, c.claim, sources[c.article_id]) for c in store.claims()
                  if c.id > newer_than[1]]
    subjects = [s for s in map(incident_subject, fused) if s.newest > newer_than[0]]
    return evaluate(packs, subjects, claims, since)


__all__ = ["load_packs", "store_flags"]
