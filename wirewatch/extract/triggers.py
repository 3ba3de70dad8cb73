"""Learned trigger typing: what a verb the lexicon does not list does between two actors.

The lexicon (``data/lexicon.toml``) names the verbs that are events and reads them by
rule. News uses many more ("flew medicine into", "faulted", "opened its borders to",
"issued an ultimatum to"). For a sentence where the lexicon finds no event, each verb
with a doer is read by a multinomial logistic regression over its parse (its lemma, its
object, its prepositions, its complement, the words of its clause), with a ``NONE`` class
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

from wirewatch.extract.learned import SoftmaxModel
from wirewatch.extract.lexicon import Lexicon

MODEL = "trigger"
NONE = "NONE"
THRESHOLD = 0.5
"""How sure the model must be of a type: over the fit half's cross-validation, events read
at 0.5 or more were of the gold type about twice as often as not."""
CLAUSE_DEPS = {"relcl", "advcl", "ccomp", "parataxis", "acl", "csubj", "conj"}
CONTENT = {"NOUN", "VERB", "ADJ", "PROPN", "ADV"}


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
    words = [t.lemma_.lower() for t in _clause(verb) if t.pos_ in CONTENT and not t.is_stop and t.i != verb.i]
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


def _prep(lemma: str, prep: Token) -> list[str]:
    word = prep.lower_
    return [f"p={word}", f"lp={lemma}|{word}",
            *(f"po={word}|{g.lemma_.lower()}" for g in prep.children if g.dep_ == "pobj")]


def _clause(verb: Token) -> list[Token]:
    """The verb's own clause, without the clauses under it."""
    found, stack = [], [verb]
    while stack:
        token = stack.pop()
        found.append(token)
        stack += [c for c in token.children if c.dep_ not in CLAUSE_DEPS]
    return found


__all__ = ["MODEL", "NONE", "THRESHOLD", "candidate", "classify", "features"]
