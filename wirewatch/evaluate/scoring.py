"""Scoring labels against gold: per-label precision/recall/F1, macro-F1, costly confusions.

Plain counting, so the figures can be checked by hand and compared with published ones
(macro-F1 over the labels present in the gold data, as the NGEC and CASE reports do).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

NONE = "NONE"


def share(part: int, whole: int) -> float:
    """``part / whole``, 0 when there is no whole (a label nobody predicted)."""
    return part / whole if whole else 0.0


@dataclass(frozen=True, slots=True)
class LabelScore:
    label: str
    support: int
    """How many gold items carry the label."""
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return share(self.correct, self.predicted)

    @property
    def recall(self) -> float:
        return share(self.correct, self.support)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Report:
    scores: tuple[LabelScore, ...]
    """One per label present in the gold data (``NONE`` excluded), by label."""
    confusions: tuple[tuple[str, str, int], ...]
    """(gold, predicted, count) for wrong predictions, most frequent first."""
    accuracy: float

    @property
    def macro_f1(self) -> float:
        return sum(s.f1 for s in self.scores) / len(self.scores) if self.scores else 0.0


def score_labels(gold: Sequence[str], predicted: Sequence[str]) -> Report:
    """Compare two equally long label sequences."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    pairs = list(zip(gold, predicted, strict=True))
    support, made = Counter(gold), Counter(predicted)
    correct = Counter(g for g, p in pairs if g == p)
    labels = sorted(label for label in support if label != NONE)
    scores = tuple(LabelScore(label, support[label], made[label], correct[label]) for label in labels)
    wrong = Counter((g, p) for g, p in pairs if g != p)
    confusions = tuple((g, p, n) for (g, p), n in wrong.most_common())
    accuracy = sum(correct.values()) / len(pairs) if pairs else 0.0
    return Report(scores, confusions, accuracy)


def role_accuracy(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> tuple[int, int]:
    """(found, total): gold countries of a role that the prediction for that role contains."""
    found = total = 0
    for wanted, got in zip(gold, predicted, strict=True):
        for country in wanted:
            total += 1
            found += country in set(got)
    return found, total


__all__ = ["NONE", "LabelScore", "Report", "role_accuracy", "score_labels", "share"]
