"""The learned parts' weights: multinomial logistic regressions over named features.

``scripts/train.py`` fits them with scikit-learn on the public gold data and writes
``data/<name>.json``; reading them needs only the standard library, so wirewatch
carries no training dependency and loads offline.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class SoftmaxModel:
    """``model.probabilities(features) -> {class: p}`` for binary features present."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SoftmaxModel:
        classes, intercept = tuple(data["classes"]), tuple(data["intercept"])
        weights = {name: tuple(w) for name, w in data["weights"].items()}
        if len(intercept) != len(classes) or any(len(w) != len(classes) for w in weights.values()):
            raise ValueError("model weights do not match its classes")
        return cls(classes, intercept, weights)

    @classmethod
    def load(cls, name: str) -> SoftmaxModel:
        return _load_shipped(name)

    @staticmethod
    def forget() -> None:
        """Read the shipped weights again on the next ``load`` (after training wrote them)."""
        _load_shipped.cache_clear()

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        scores = list(self.intercept)
        for name in set(features):
            for i, weight in enumerate(self.weights.get(name, ())):
                scores[i] += weight
        top = max(scores)
        exp = [math.exp(score - top) for score in scores]
        total = sum(exp)
        return {label: e / total for label, e in zip(self.classes, exp, strict=True)}

    def to_json(self) -> dict[str, Any]:
        return {"classes": list(self.classes), "intercept": list(self.intercept),
                "weights": {name: list(w) for name, w in sorted(self.weights.items())}}


@functools.cache
def _load_shipped(name: str) -> SoftmaxModel:
    path = resources.files("wirewatch") / "data" / f"{name}.json"
    return SoftmaxModel.from_json(json.loads(path.read_text(encoding="utf-8")))


__all__ = ["SoftmaxModel"]
