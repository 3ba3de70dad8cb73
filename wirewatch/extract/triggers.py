"""Triggers: which verbs tell an act (``not_an_act``), and the learned typing of a verb the
lexicon does not list, between two actors.

The lexicon (``data/lexicon.toml``) names the verbs that are events and reads them by
rule. News uses many more ("flew medicine into", "faulted", "opened its borders to",
"issued an ultimatum to"). Each verb with a doer that the lexicon does not list and that
is no part of an event already read is read by a multinomial logistic regression over its
parse (its lemma, its object, its prepositions, its complement, the words of its clause),
with a ``NONE`` class
for verbs that are no political act ("said", "led", "based"). ``scripts/train.py`` fits it
on the fit half of the PLV gold rows only (``evaluate.learn.trigger_rows``), so PLV's check
half, the PLOVER GSR and CASE sets are text it has never seen; it ships as
``data/trigger.json``.

An event read this way still needs what every event needs: a doer, someone acted on, and
the model's probability of at least ``THRESHOLD`` for one type.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from wirewatch.extract import attribution
from wirewatch.extract.clauses import conditional, hung_on_its_subject, own_tokens, participle
from wirewatch.extract.kinds import VIOLENT
from wirewatch.extract.learned import SoftmaxModel
from wirewatch.extract.lexicon import Lexicon
from wirewatch.extract.roles import Roles

MODEL = "trigger"
NONE = "NONE"
THRESHOLD = 0.5
"""How sure the model must be of a type: over the fit half's cross-validation, about four in
five verbs read at 0.5 or more have the gold type (``benchmarks.events`` prints the share)."""
CONTENT = {"NOUN", "VERB", "ADJ", "PROPN", "ADV"}


def not_an_act(roles: Roles, verb: Token) -> bool:
    """Whether a verb tells no act of its own: purpose and condition clauses, ongoing states,
    reported speech, questions, admissions, origins, what a rule says, bare gerunds."""
    lex = roles.lex
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "advcl" and (has_to or conditional(verb.head)):
        return True  # a purpose or a condition ("unless the president resigns")
    if verb.dep_ in {"relcl", "acl"} and has_to:
        return True  # "a strike to protest ...", "a plan to attack ...": what a thing is for
    if (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.cue("aspectual")
            and verb.head.tag_ in {"VBZ", "VBP"}):
        return True  # "continues to provide" describes a state; "continued to send" an act
    if verb.lemma_.lower() in lex.cue("reporting") and any(c.dep_ == "ccomp" for c in verb.children):
        return True
    if verb.lemma_.lower() in lex.cue("admission") and any(
            c.dep_ == "ccomp" and not _obligation(c) for c in verb.children):
        return True  # "conceded that the country faces a shortage"
    if verb.lemma_.lower() in lex.cue("denial") and any(
            c.dep_ == "ccomp" or (c.dep_ == "xcomp" and c.tag_ == "VBG")
            or (c.dep_ == "dobj" and c.lemma_.lower() in lex.cue("denied_things")) for c in verb.children):
        return True  # "denied supplying arms", "denied the allegations": speech, not a refusal
    if verb.lemma_.lower() in lex.cue("questions") and not any(
            c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for")
            or (c.dep_ in {"dobj", "dative"} and c.lower_ not in {"question", "questions"})
            for c in verb.children):
        return True  # "'Who was it?' Mendeloff asked"; "asked X to leave" is a demand
    deps = {c.dep_ for c in verb.children}
    if verb.lemma_.lower() in lex.cue("origin_verbs") and "dobj" not in deps and any(
            c.dep_ == "prep" and c.lower_ == "from" for c in verb.children):
        return True  # "hailed from Kerala" tells where someone is from
    if verb.tag_ in {"VBZ", "VBP"} and verb.lemma_.lower() in lex.cue("rule_verbs") and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in lex.cue("violation_objects")
            for c in verb.children):
        return True  # "the embargo bans arms sales": what a rule says, not an act
    if hung_on_its_subject(verb) or attribution.accused(lex, verb) is not None:
        return False  # "accused Russia of [supplying] arms" tells the act accused of
    if participle(verb):
        # "six people killed when ...", "a vehicle targeted by a bomber", "[shells] fired
        # at the town": violence told as a participle is still an act; "the agreement
        # signed in May" and "the curfew imposed in 1990" are background
        found = roles.trigger(verb)
        return found is None or found.event_type not in VIOLENT
    if verb.dep_ == "acl" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return False  # a clause with its own subject tells what a noun says: "a report that
        # forces raped civilians", "claims that rebels seized the town"
    return verb.dep_ in {"acl", "pcomp", "amod"}


def candidate(verb: Token) -> bool:
    """A verb that could be an act: a full verb with a subject or an agent of its own."""
    return verb.pos_ == "VERB" and any(c.dep_ in {"nsubj", "nsubjpass", "agent"} for c in verb.children)


def features(verb: Token, lex: Lexicon) -> list[str]:
    """What the model reads of one verb; ``k=TYPE`` for a word of its clause that the lexicon
    lists ("issued an [ultimatum]", "announced a [ceasefire]"), which carries what the model
    learns past the words of its training sentences."""
    lemma = verb.lemma_.lower()
    found = [f"l={lemma}", f"d={verb.dep_}"]
    for child in verb.children:
        dep, word = child.dep_, child.lemma_.lower()
        if dep == "prep" or (dep == "dative" and child.pos_ == "ADP"):  # "returned it [to] X"
            found += _prep(lemma, child)
        elif dep in {"dobj", "dative", "attr", "oprd"}:
            found += [f"o={word}", f"lo={lemma}|{word}"]
            # the parser hangs a preposition on the verb or on its object alike ("returned
            # [a sculpture to X]"): both are read as the verb's
            found += [f for p in child.children if p.dep_ == "prep" for f in _prep(lemma, p)]
            if child.ent_type_:
                found.append(f"oe={child.ent_type_}")
        elif dep == "xcomp":
            found += [f"x={word}", f"lx={lemma}|{word}"]
        elif dep == "prt":
            found.append(f"l={lemma} {word}")
        elif dep == "neg":
            found.append("neg")
        elif dep in {"nsubjpass", "auxpass"}:
            found.append("passive")
        elif dep == "ccomp":
            found.append("says")
        elif dep == "aux" and word in {"will", "would", "shall"}:
            found.append("future")
    words = [t.lemma_.lower() for t in own_tokens(verb, conjuncts=False) if t.pos_ in CONTENT and not t.is_stop and t.i != verb.i]
    found += [f"w={word}" for word in words]
    listed = (lex.noun(word) or lex.match(word, set()) for word in words)
    found += [f"k={trigger.event_type}" for trigger in listed if trigger is not None]
    return found


def classify(feats: Iterable[str], model: SoftmaxModel | None = None) -> tuple[str, float] | None:
    """The type the model gives a verb with these ``features`` and its probability, None when
    it is no act or the model is not sure enough."""
    probabilities = (model or SoftmaxModel.load(MODEL)).probabilities(feats)
    label, p = max(probabilities.items(), key=lambda item: item[1])
    return (label, p) if label != NONE and p >= THRESHOLD else None


def _obligation(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in clause.children)


def _prep(lemma: str, prep: Token) -> list[str]:
    word = prep.lower_
    return [f"p={word}", f"lp={lemma}|{word}",
            *(f"po={word}|{g.lemma_.lower()}" for g in prep.children if g.dep_ == "pobj")]


__all__ = ["MODEL", "NONE", "THRESHOLD", "candidate", "classify", "features", "not_an_act"]
