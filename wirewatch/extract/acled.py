"""ACLED-style classification of coded events, beside their PLOVER type.

ACLED's sub-event types turn on things PLOVER does not code (a grenade versus
a mortar, a peaceful protest versus one the police broke up), so instead of a
hand table this is a multinomial logistic regression over the words of the
event's sentence and the event's PLOVER type, mode and actors' sectors.
Its weights are learned from the CASE 2021 task 2 snippets by ``scripts/train.py``
and shipped in ``data/acled.json`` (see ``extract.learned``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract import modes
from wirewatch.extract.learned import SoftmaxModel
from wirewatch.extract.lexicon import Lexicon
from wirewatch.model import Acled, EventMention

# CASE 2021 label -> (ACLED event type, ACLED sub-event type). The last five are
# CASE's additions to ACLED's 25; they come under "Other".
CLASSES: dict[str, tuple[str, str]] = {
    "ARMED_CLASH": ("Battles", "Armed clash"),
    "GOV_REGAINS_TERIT": ("Battles", "Government regains territory"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("Battles", "Non-state actor overtakes territory"),
    "CHEM_WEAP": ("Explosions/Remote violence", "Chemical weapon"),
    "AIR_STRIKE": ("Explosions/Remote violence", "Air/drone strike"),
    "SUIC_BOMB": ("Explosions/Remote violence", "Suicide bomb"),
    "ART_MISS_ATTACK": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "REM_EXPLOS": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "GRENADE": ("Explosions/Remote violence", "Grenade"),
    "SEX_VIOL": ("Violence against civilians", "Sexual violence"),
    "ATTACK": ("Violence against civilians", "Attack"),
    "ABDUCT_DISSAP": ("Violence against civilians", "Abduction/forced disappearance"),
    "PEACE_PROTEST": ("Protests", "Peaceful protest"),
    "PROTEST_WITH_INTER": ("Protests", "Protest with intervention"),
    "FORCE_AGAINST_PROTEST": ("Protests", "Excessive force against protesters"),
    "VIOL_DEMONSTR": ("Riots", "Violent demonstration"),
    "MOB_VIOL": ("Riots", "Mob violence"),
    "AGREEMENT": ("Strategic developments", "Agreement"),
    "ARREST": ("Strategic developments", "Arrests"),
    "CHANGE_TO_GROUP_ACT": ("Strategic developments", "Change to group/activity"),
    "DISR_WEAP": ("Strategic developments", "Disrupted weapons use"),
    "HQ_ESTABLISHED": ("Strategic developments", "Headquarters or base established"),
    "PROPERTY_DISTRUCT": ("Strategic developments", "Looting/property destruction"),
    "NON_VIOL_TERRIT_TRANSFER": ("Strategic developments", "Non-violent transfer of territory"),
    "OTHER": ("Strategic developments", "Other"),
    "NATURAL_DISASTER": ("Other", "Natural disaster"),
    "MAN_MADE_DISASTER": ("Other", "Man-made disaster"),
    "ORG_CRIME": ("Other", "Organized crime"),
    "DIPLO": ("Other", "Diplomatic event"),
    "ATTRIB": ("Other", "Attribution of responsibility"),
}


VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
VERBAL = ("Strategic developments", "Other")
TAKING_GROUND = frozenset({"GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"})
COMPATIBLE: dict[str, tuple[str, ...]] = {
    "ASSAULT": (*VIOLENT, "Protests", *VERBAL),
    "FIGHT": (*VIOLENT, "Strategic developments"),
    "PROTEST": ("Protests", "Riots"),
    "COERCE": ("Strategic developments", "Protests", "Violence against civilians", "Battles", "Other"),
    "CRIME": ("Other", "Strategic developments", "Violence against civilians"),
    "MOBILIZE": ("Strategic developments", "Battles"),
    "RETREAT": ("Strategic developments", "Battles"),
}
"""ACLED event types a PLOVER type can be: a battle is never a "Diplomatic event", and a
statement (every type not listed) is a strategic development or one of CASE's others."""
NEVER: dict[str, frozenset[str]] = {
    "FIGHT": frozenset({"AGREEMENT", "ARREST"}), "ASSAULT": frozenset({"AGREEMENT"}),
}
"""Sub-event types an allowed ACLED type still excludes: fighting is never an agreement (the
agreement beside it in the sentence is an event of its own)."""


def word_features(tokens: Iterable[Token], prefix: str = "w") -> list[str]:
    """Content lemmas: ``w:grenade``."""
    return sorted({f"{prefix}:{t.lemma_.lower()}" for t in tokens
                   if t.is_alpha and not t.is_stop and len(t) > 1})


def event_features(event: EventMention, near: Iterable[EventMention] = ()) -> list[str]:
    """The event's type, mode, factuality and actors' sectors, as the rules read them, and
    the types and modes of the events ``near`` it (``co:``)."""
    found = {f"type:{event.event_type}", f"type_mode:{event.event_type}:{event.mode}",
             f"fact:{event.factuality}"}
    for other in near:
        if other is not event:
            found |= {f"co:{other.event_type}", f"co:{other.event_type}:{other.mode}"}
    found |= {f"src:{a.sector}" for a in event.source if a.sector}
    found |= {f"tgt:{a.sector}" for a in event.target if a.sector}
    if event.intended:
        found.add(f"intended:{event.intended}")
    return sorted(found)


def trigger_features(event: EventMention, trigger: Iterable[Token], lex: Lexicon) -> list[str]:
    """The trigger's content lemmas (``trig:capture``) and, for ground taken (the lexicon's
    ``territorial`` verbs), who took it (``taken_by:rebels``): ACLED tells a non-state actor
    overtaking territory from a government regaining it by the taker."""
    lemmas = {lex.verb_lemma(t) for t in trigger if t.is_alpha and not t.is_stop}
    found = {f"trig:{lemma}" for lemma in lemmas}
    if event.event_type == "FIGHT" and lemmas & lex.cue("territorial"):
        found |= {f"taken_by:{a.sector or 'unknown'}" for a in event.source} or {"taken_by:none"}
    return sorted(found)


def context_features(sentence: SpacySpan, context: SpacySpan, lex: Lexicon) -> list[str]:
    """The sentence's words; and, over the sentence with its neighbours (``context``), the
    PLOVER modes and contexts their cues name and the lexicon's ``attribution`` cues
    (``cue:``) and the sectors of their agent nouns (``sec:``), which pool rare synonyms
    ("hand grenade", "militants", "claimed responsibility"). The neighbours' own words are
    left out: cross-validated, they cost about 0.02 of CASE macro-F1 (noise more than help)."""
    tokens = list(context)
    cues = {f"cue:{cue.value}" for table in _cue_tables(lex) for cue in modes.find_cues(table, tokens)}
    cues |= {f"sec:{lex.sectors[t.lemma_.lower()]}" for t in tokens if t.lemma_.lower() in lex.sectors}
    return word_features(sentence) + sorted(cues)


def _cue_tables(lex: Lexicon) -> list[dict[str, str]]:
    return [modes.cue_table(lex, t) for t in ("ASSAULT", "PROTEST", "COERCE", "RETREAT")] + [
        lex.contexts, dict.fromkeys(lex.cue("attribution"), "attribution")]


def classify(feats: Iterable[str], event_type: str | None,
             model: SoftmaxModel | None = None) -> Acled:
    """The most probable class compatible with the PLOVER ``event_type`` under ``model``
    (the shipped weights by default)."""
    feats = list(feats)
    probabilities = (model or SoftmaxModel.load("acled")).probabilities(feats)
    allowed = COMPATIBLE.get(event_type or "", VERBAL)
    never = NEVER.get(event_type or "", frozenset())
    fitting = [c for c in probabilities if CLASSES[c][0] in allowed and c not in never] or list(probabilities)
    taken = _territorial_words()
    if event_type == "FIGHT" and not any(f.startswith("taken_by:") or f in taken for f in feats):
        # ground changes hands only where the sentence says it was taken ("recaptured"):
        # "North Korean troops fought against Ukraine" is a clash, not a regained territory
        fitting = [c for c in fitting if c not in TAKING_GROUND] or fitting
    code = max(fitting, key=probabilities.__getitem__)
    event_type, sub_event_type = CLASSES[code]
    return Acled(event_type, sub_event_type, code, round(probabilities[code], 3))


@functools.cache
def _territorial_words() -> frozenset[str]:
    """The word features of the lexicon's ``territorial`` verbs: ``w:recapture``."""
    return frozenset(f"w:{lemma}" for lemma in Lexicon.load().cue("territorial"))


__all__ = ["CLASSES", "classify", "context_features", "event_features", "trigger_features",
           "word_features"]
