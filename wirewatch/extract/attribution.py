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

CONDITIONS = {"if", "unless", "whether"}


def factuality(lex: Lexicon, head: Token, verb: Token, planned: bool,
               claimant: Actor | None) -> str:
    """asserted, planned, hypothetical, negated or reported, for the act of ``head``/``verb``."""
    chain = {head, verb, *_sharing(head)}
    if any(c.dep_ == "neg" for t in chain for c in t.children) or (
            head.dep_ in {"xcomp", "ccomp"} and head.head.lemma_.lower() in lex.cue("negation_verbs")):
        return "negated"
    auxes = {c.lower_ for t in chain for c in t.children if c.dep_ in {"aux", "mark"}}
    # "said it would allow": a future in reported speech, not a hypothesis
    reported_future = "would" in auxes and _said(lex, head)
    if auxes & CONDITIONS or auxes & lex.cue("hypothetical") and not reported_future:
        return "hypothetical"
    # "Russia to send troops": a headline's plan (the head's own "to", not its complement's:
    # "refused to meet" is done)
    headline = head.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children) \
        and any(c.dep_ == "nsubj" for c in head.children)
    if planned or headline or reported_future or auxes & lex.cue("future") or _is_going_to(head):
        return "planned"
    return "reported" if claimant or hearsay(lex, head, verb) else "asserted"


def _sharing(verb: Token) -> list[Token]:
    """The verbs whose negation and auxiliaries a conjoined bare verb with none of its own
    shares: "will not accept refugees or [send] aid" (not a past form, which no "will" or "did"
    governs: "will not withdraw and [shelled] the city"; not after "but")."""
    shared = []
    while verb.dep_ == "conj" and verb.head.i != verb.i and verb.tag_ == verb.head.tag_ == "VB" \
            and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "neg"} for c in verb.children) \
            and not any(c.dep_ == "cc" and c.lower_ in {"but", "yet"} for c in verb.head.children):
        verb = verb.head
        shared.append(verb)
    return shared


def hearsay(lex: Lexicon, head: Token, verb: Token) -> bool:
    """An act the sentence gives as somebody's word without naming them: "allegedly sent",
    "reportedly delivered", "is said to have carried out", "is suspected of transferring",
    "witnesses said forces opened fire", "appears to have transferred"."""
    governing = [head.head] if head.dep_ in {"xcomp", "advcl"} and head.head.i != head.i else []
    hedged = any(c.dep_ == "advmod" and c.lower_ in lex.cue("hedges")
                 for t in (head, verb, *governing) for c in t.children)
    # "Witnesses said [forces opened fire]", "images suggest [that ...]": someone's word,
    # whoever gives it; "a tanker appears to have transferred": the writer's inference
    seeming = head.dep_ == "xcomp" and head.head.lemma_.lower() in lex.cue("seeming")
    return hedged or _said(lex, head) or seeming or raised(lex, head) is not None \
        or accused(lex, head) is not None


def _said(lex: Lexicon, head: Token) -> bool:
    """Whether the act is told in what someone says: "X said [Y attacked]"."""
    return head.dep_ == "ccomp" and head.head.lemma_.lower() in lex.cue("reporting")


def accused(lex: Lexicon, verb: Token) -> tuple[Token, Token | None] | None:
    """For an act told by a gerund under an accusation, who is accused of it and who
    accuses (None when the sentence does not say): "[X] accused [Y] of supplying",
    "[Y] is suspected (by [X]) of transferring", "two [men] accused of bombing"."""
    preposition = verb.head
    if verb.dep_ != "pcomp" or preposition.lower_ not in {"of", "with", "for", "in"}:
        return None
    accusing = preposition.head
    if preposition.dep_ != "prep" or accusing.lemma_.lower() not in lex.cue("accusation"):
        return None
    if accusing.dep_ == "acl" and accusing.tag_ == "VBN":
        return accusing.head, _agent(accusing)  # "two men accused of bombing"
    return _blamed(accusing)


def answering(lex: Lexicon, verb: Token) -> tuple[Token, Token | None] | None:
    """Who the sentence makes answer for the act of ``verb``, and on whose word: accused of
    it ("accused [Y] of supplying"), or claiming or blamed for the act its noun names ("the
    bombing [that killed] 20", claimed by X)."""
    charge = accused(lex, verb)
    if charge is None and verb.dep_ == "relcl":
        charge = responsible(lex, verb.head)
    return charge


def responsible(lex: Lexicon, noun: Token) -> tuple[Token, Token | None] | None:
    """For an act named by a noun, who the sentence makes answer for it and on whose word:
    "[X] claimed responsibility for the bombing" (X, X), "[Y] blamed [X] for the attack"
    (X, Y)."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ not in {"for", "of"}:
        return None
    owner = preposition.head
    subject = next((c for c in owner.head.children if c.dep_ == "nsubj"), None)
    if (owner.lemma_.lower() in lex.cue("responsibility") and owner.dep_ == "dobj"
            and owner.head.lemma_.lower() in lex.cue("owning_up") and subject is not None):
        return subject, subject
    return _blamed(owner) if owner.lemma_.lower() in lex.cue("accusation") else None


def _blamed(accusing: Token) -> tuple[Token, Token | None] | None:
    """Whom a verb of accusing accuses, and who accuses: "[X] blamed [Y]", "[Y] is suspected
    (by [X])"."""
    role = {c.dep_: c for c in accusing.children}
    if "nsubjpass" in role:
        return role["nsubjpass"], _agent(accusing)
    if "dobj" in role:
        return role["dobj"], role.get("nsubj")
    return None


def _agent(verb: Token) -> Token | None:
    """The "by X" of a passive."""
    return next((p for c in verb.children if c.dep_ == "agent" for p in c.children
                 if p.dep_ == "pobj"), None)


def raised(lex: Lexicon, verb: Token) -> Token | None:
    """For the infinitive of a hearsay passive ("X is [said] to have delivered"), the passive
    verb, whose subject is the doer; else None."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i or head.lemma_.lower() not in lex.cue("raising"):
        return None
    passive = any(c.dep_ == "auxpass" for c in head.children)
    return head if passive and any(c.dep_ == "nsubjpass" for c in head.children) else None


def claimant(reading: ArticleReading, head: Token) -> Actor | None:
    """Who the sentence attributes the act to: "X said", "as revealed by X", "according to X",
    "X accused Y of ...", "is believed by X to have ..."."""
    charge = answering(reading.r.lexicon, head)
    if charge is not None:
        return reading.actor(charge[1]) if charge[1] is not None else None
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
            subject = next((c for c in token.children if c.dep_ == "nsubj"), _agent(token))
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


__all__ = ["accused", "answering", "claimant", "factuality", "hearsay", "raised", "responsible"]
