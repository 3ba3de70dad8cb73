"""What reads like an act of harm but is none: mishaps, markets, games, and attacks in words.

An analyst is hurt more by a fireworks malfunction coded as five assaults than by a missed
event, so a doerless act of harm is dropped when the sentence tells its cause and the
cause is an accident, a disaster or a market ("flooding killed 25", "a gas explosion
destroyed", "shares rallied"), when it hangs on a verb of mishap ("the bus overturned,
killing nine"), or when it is told among sport words with no one hurt or armed. Anything
that names a weapon or an attack is never a mishap ("rocket fire killed three", "a chemical
attack"), and an act with a doer never reaches these rules. "Attacked the plan" is an
attack in words (DISAPPROVE), unless the attacker is armed. The word lists live in
``data/lexicon.toml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.extract import modes
from wirewatch.extract.kinds import ARMED_SECTORS
from wirewatch.extract.lexicon import Lexicon

SPORT_WINDOW = 8
"""Tokens either side of the trigger in which a sport word makes the act a game."""


def mishap(lex: Lexicon, head: Token, verb: Token) -> bool:
    """Whether a doerless act of harm is told of a mishap (see the module's docstring)."""
    if verb.dep_ in {"advcl", "conj", "xcomp"} and verb.head.lemma_.lower() in lex.cue("mishap_verbs"):
        return True
    clauses = {head, verb, verb.head if verb.dep_ == "advcl" else verb}
    causes = [c for t in clauses for c in t.children if c.dep_ == "nsubj"]
    causes += [p for t in clauses for c in t.children if c.dep_ == "agent"
               for p in c.children if p.dep_ == "pobj"]
    return any(_mishap_cause(lex, cause) for cause in causes)


def _mishap_cause(lex: Lexicon, cause: Token) -> bool:
    """A cause that is an accident, a disaster or a thing on a market, and names no weapon
    or attack ("rocket fire", "a chemical attack", "a boiler blast caused by a rocket")."""
    phrase = list(cause.subtree)
    weapons = modes.cue_table(lex, "ASSAULT")
    name = [t for t in phrase if t.i <= cause.i]  # "a coal mine explosion"
    after = [t for t in phrase if t.i > cause.i]  # "caused by a rocket"
    civil = any(t.dep_ in {"compound", "amod", "nmod"} and t.lemma_.lower() in lex.cue("mishap_modifiers")
                for t in name)
    if any(t.lemma_.lower() in weapons for t in after + ([] if civil else name)):
        return False  # a weapon: "rocket fire", "a blast caused by a rocket"
    if civil:
        return True  # "a gas explosion", "a coal mine explosion"
    lemma = cause.lemma_.lower()
    if lemma in lex.cue("mishaps") or lemma in lex.cue("market_things"):
        return not any(_is_attack(lex, t.lemma_.lower()) for t in phrase if t.i != cause.i)
    return False


def _is_attack(lex: Lexicon, lemma: str) -> bool:
    found = lex.noun(lemma)
    return found is not None and found.event_type in {"ASSAULT", "FIGHT"} and lemma not in (
        lex.cue("mishaps"))


def game(lex: Lexicon, verb: Token) -> bool:
    """Whether the act is told among sport words near its trigger, with no one hurt or armed
    anywhere in its sentence ("the striker attacked the net")."""
    sentence = verb.sent
    near = sentence.doc[max(verb.i - SPORT_WINDOW, sentence.start):
                        min(verb.i + SPORT_WINDOW + 1, sentence.end)]
    if not {t.lemma_.lower() for t in near} & lex.cue("sport"):
        return False
    words = {t.lemma_.lower() for t in sentence} | {t.lower_ for t in sentence}
    return not words & lex.cue("casualties")


def attack_in_words(lex: Lexicon, verb: Token) -> bool:
    """ "Critics attacked the plan": an attack on an abstraction by someone unarmed."""
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in lex.cue("abstract_targets")
               for c in verb.children):
        return False
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    return not any(lex.sectors.get(d.lemma_.lower()) in ARMED_SECTORS for d in doers)


__all__ = ["attack_in_words", "game", "mishap"]
