"""Fit and check halves of a dev file, by a stable hash of each record's key.

Rules and weights are tuned on the fit half and judged on the check half, so a rule is
never judged on the sentence that suggested it. The halves are fixed (sha256, not
Python's salted ``hash``), so every run and every machine splits the same way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Literal, TypeVar

Half = Literal["fit", "check"]
HALVES: tuple[Half, ...] = ("fit", "check")
T = TypeVar("T")


def half(key: str) -> Half:
    """The half a record with this key belongs to."""
    return "fit" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def split(items: Iterable[T], key: Callable[[T], str]) -> dict[Half, list[T]]:
    """``items`` by half, each in its original order."""
    halves: dict[Half, list[T]] = {"fit": [], "check": []}
    for item in items:
        halves[half(key(item))].append(item)
    return halves


__all__ = ["HALVES", "Half", "half", "split"]
