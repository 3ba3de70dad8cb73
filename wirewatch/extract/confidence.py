"""How likely a coded event is the act its sentence reports: a calibrated ``confidence``.

A logistic regression over what the rules found (type, factuality, which roles
were filled and resolved, where the trigger sits in the parse, how many events
share the sentence), learned from the PLOVER gold sentences by ``scripts/train.py``
and shipped as ``data/confidence.json``. Its output is a probability: of events
scored 0.7, about seven in ten are the sentence's coded event on held-out data.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from wirewatch.extract.learned import SoftmaxModel
from wirewatch.model import EventMention

RIGHT = "right"


def features(event: EventMention, trigger: Token, events_in_sentence: int,
             index: int) -> list[str]:
    """Features of one event read from a sentence with ``events_in_sentence`` events."""
    found = [f"type:{event.event_type}", f"fact:{event.factuality}", f"dep:{trigger.dep_}",
             f"lemma:{trigger.lemma_.lower()}", f"events:{min(events_in_sentence, 3)}",
             f"index:{min(index, 2)}"]
    roles = {"source": event.source, "target": event.target}
    for role, actors in roles.items():
        if actors:
            found.append(role)
        if any(a.kb_id or a.country for a in actors):
            found.append(f"{role}_known")
    flags = {"claimant": event.claimant, "mode": event.mode, "intended": event.intended,
             "place": event.place, "time": event.time, "quantities": event.quantities}
    found += [name for name, value in flags.items() if value]
    return found


def score(feats: Iterable[str], model: SoftmaxModel | None = None) -> float:
    return round((model or SoftmaxModel.load("confidence")).probabilities(feats)[RIGHT], 3)


__all__ = ["RIGHT", "features", "score"]
