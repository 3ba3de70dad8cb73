"""Attribution: how sure the text is of an act (factuality) and who it says so (claimant).

Factuality comes from the words around the trigger: negation ("did not", "denied
that"), modal auxiliaries and conditions ("may", "could", "if"), the future and
commitments ("will", "agreed to", a headline's "to Send"), and reporting ("said",
"as revealed by", "according to"), which also names the claimant.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.extract.lexicon import Lexicon
from wirewatch.extract.reading import ArticleReading
from wirewatch.model import Actor

CONDITIONS = {"if", "unless"}


def factuality(lex: Lexicon, head: Token, verb: Token, planned: bool,
               claimant: Actor | None) -> str:
    """asserted, planned, hypothetical, negated or reported, for the act of ``head``/``verb``."""
    chain = {head, verb}
    if any(c.dep_ == "neg" for t in chain for c in t.children) or (
            head.dep_ in {"xcomp", "ccomp"} and head.head.lemma_.lower() in lex.cue("negation_verbs")):
        return "negated"
    auxes = {c.lower_ for t in chain for c in t.children if c.dep_ in {"aux", "mark"}}
    # "said it would allow": a future in reported speech, not a hypothesis
    reported_future = ("would" in auxes and head.dep_ == "ccomp"
                       and head.head.lemma_.lower() in lex.cue("reporting"))
    if auxes & CONDITIONS or auxes & lex.cue("hypothetical") and not reported_future:
        return "hypothetical"
    headline = head.dep_ == "ROOT" and "to" in auxes and any(c.dep_ == "nsubj" for c in head.children)
    if planned or headline or reported_future or auxes & lex.cue("future") or _is_going_to(head):
        return "planned"
    return "reported" if claimant else "asserted"


def claimant(reading: ArticleReading, head: Token) -> Actor | None:
    """Who the sentence attributes the act to: "X said", "as revealed by X", "according to X"."""
    reporting = reading.r.lexicon.cue("reporting")
    token = head
    while token.dep_ in {"ccomp", "xcomp", "conj", "advcl", "acl"} and token.head.i != token.i:
        if token.dep_ == "acl":  # "said in a report that [forces raped civilians]"
            noun = token.head
            if noun.dep_ != "pobj" or noun.head.head.lemma_.lower() not in reporting:
                break
            token = noun.head
        token = token.head
        if token.lemma_.lower() in reporting:
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            return reading.actor(subject) if subject is not None else None
    for child in token.children:
        if child.dep_ == "advcl" and child.lemma_.lower() in reporting:
            for grand in child.children:
                if grand.dep_ in {"agent", "nsubj"}:
                    who = next((g for g in grand.children if g.dep_ == "pobj"), grand)
                    return reading.actor(who)
        if child.dep_ == "prep" and child.lower_ == "according":
            for pobj in (g for p in child.children for g in p.children if g.dep_ == "pobj"):
                return reading.actor(pobj)
    return None


def _is_going_to(verb: Token) -> bool:
    return verb.head.lower_ == "going" and verb.dep_ == "xcomp"


__all__ = ["claimant", "factuality"]
