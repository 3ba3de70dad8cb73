"""The event lexicon, loaded from ``data/lexicon.toml`` into plain lookups.

Keeping the words in data rather than code lets an analyst read exactly which
lemma makes which event, and lets the benchmarks show what a change to them does.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: these lemmas, with one of these objects (if given), are this event."""

    event_type: str
    lemmas: frozenset[str]
    objects: frozenset[str] = frozenset()
    mode: str | None = None
    received: bool = False
    """The subject is given to ("a tanker received fuel from a vessel"): it is the target,
    and whoever the "from" phrase names is the source."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: tuple[Trigger, ...]
    """Entries with ``objects`` first, so "send troops" wins over a bare "send"."""
    modes: dict[str, dict[str, str]]
    """Per event type: cue (a lemma, or a phrase of several words) -> mode."""
    contexts: dict[str, str]
    """Cue (a lemma or a phrase) -> PLOVER context."""
    cues: dict[str, frozenset[str]]
    sectors: dict[str, str]
    """Agent noun lemma -> sector."""
    military_modifiers: frozenset[str]
    nouns: dict[str, Trigger] = field(default_factory=dict)
    irregular: dict[str, str] = field(default_factory=dict)
    """Past forms the model's lemmatiser misses: "retook" -> "retake"."""
    verbs: frozenset[str] = frozenset()
    """Every trigger lemma."""
    """Noun lemma -> the physical act it names when no verb tells it ("the attack")."""

    @classmethod
    def load(cls) -> Lexicon:
        return _load_shipped()

    @classmethod
    def from_toml(cls, data: dict[str, Any]) -> Lexicon:
        triggers = sorted((_trigger(entry) for entry in data["trigger"]),
                          key=lambda trigger: not trigger.objects)
        modes = {etype: {cue: mode for mode, cues in table.items() for cue in cues}
                 for etype, table in data.get("modes", {}).items()}
        sectors = dict(data["sectors"])
        military = frozenset(sectors.pop("military_modifiers", ()))
        return cls(
            triggers=tuple(triggers),
            modes=modes,
            contexts={cue: name for name, cues in data["contexts"].items() for cue in cues},
            cues={name: frozenset(words) for name, words in data["cues"].items()},
            sectors={word: sector for sector, words in sectors.items() for word in words},
            military_modifiers=military,
            nouns=_nouns(data.get("nouns", {})),
            irregular=dict(data.get("irregular", {})),
            verbs=frozenset(lemma for trigger in triggers for lemma in trigger.lemmas),
        )

    def match(self, lemma: str, objects: set[str]) -> Trigger | None:
        """The first entry for ``lemma`` whose object condition ``objects`` meets."""
        for trigger in self.triggers:
            if lemma in trigger.lemmas and (not trigger.objects or trigger.objects & objects):
                return trigger
        return None

    def verb_lemma(self, token: Token) -> str:
        """The token's lemma (with its particle where the lexicon lists the phrasal verb:
        "called off" -> "call off"), or, where the model's lemmatiser missed a trigger verb's
        form ("raped" -> "rap", "retook" unchanged), the trigger lemma its spelling comes from."""
        lemma = token.lemma_.lower()
        phrasal = [f"{lemma} {c.lower_}" for c in token.children if c.dep_ in {"prt", "advmod", "oprd"}]
        listed = [form for form in phrasal if form in self.verbs]
        if listed:  # "called off" -> "call off", "was set ablaze" -> "set ablaze"
            return listed[0]
        if lemma in self.verbs or not token.tag_.startswith("VB"):
            return lemma
        word = token.lower_
        guesses = [self.irregular.get(word, "")]
        if word.endswith("ed"):
            guesses += [word[:-1], word[:-2], word[:-3]]  # raped, bombed, shelled -> shell
        elif word.endswith("ing"):
            guesses += [word[:-3], word[:-3] + "e", word[:-4]]
        elif word.endswith("s"):
            guesses += [word[:-1], word[:-2]]
        return next((guess for guess in guesses if guess in self.verbs), lemma)

    def noun(self, lemma: str) -> Trigger | None:
        return self.nouns.get(lemma)

    def cue(self, name: str) -> frozenset[str]:
        return self.cues.get(name, frozenset())


def _nouns(table: dict[str, list[str]]) -> dict[str, Trigger]:
    nouns: dict[str, Trigger] = {}
    for event_type, lemmas in table.items():
        for lemma in lemmas:
            if lemma in nouns:
                raise ValueError(f"lexicon: noun {lemma!r} is listed under both "
                                 f"{nouns[lemma].event_type} and {event_type}")
            nouns[lemma] = Trigger(event_type, frozenset({lemma}))
    return nouns


def _trigger(entry: dict[str, Any]) -> Trigger:
    return Trigger(entry["type"], frozenset(entry["lemmas"]), frozenset(entry.get("objects", ())),
                   entry.get("mode"), bool(entry.get("received", False)))


@functools.cache
def _load_shipped() -> Lexicon:
    text = (resources.files("wirewatch") / "data" / "lexicon.toml").read_text(encoding="utf-8")
    return Lexicon.from_toml(tomllib.loads(text))


__all__ = ["Lexicon", "Trigger"]
