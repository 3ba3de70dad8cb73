"""Targets the rules miss: a learned choice of who an act with a doer is done to.

The rules in ``roles.Roles.targets`` and ``aims.Aims`` read the parse patterns they know
(an object, "against X", "sanctions on X", "X's ambassador"). News has many more: "ordered
an investigation against X", "agreed to allow X access", "imposed a curfew in parts of X".
When the rules find no target for an act that has a doer, each other actor the sentence
names is scored by a logistic regression over the dependency path from the act's word to it
(its labels, the prepositions on it, the verbs it passes), the actor's kind and the event's
type; the best one becomes the target when the model gives it at least ``THRESHOLD``.

``scripts/train.py`` fits it on the fit half of the PLV rows only (``evaluate.learn``):
for each event whose doer the rules read right, every other actor of its sentence is an
example, labelled by whether it is the row's target. It ships as ``data/target.json``;
without that file no target is guessed.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from importlib import resources

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract.learned import SoftmaxModel
from wirewatch.model import Actor, EventMention

MODEL = "target"
TARGET = "target"
THRESHOLD = 0.5
"""How sure the model must be that an actor is the target (``benchmarks.events`` prints the
cross-validated share of guesses at this level that are right)."""
DESCRIBING = frozenset({"amod", "compound", "nmod"})
MODIFIERS = DESCRIBING | {"poss"}
_GUESSING: ContextVar[bool] = ContextVar("guessing", default=True)
"""Off within ``rules_only``."""
LONGEST = 6
"""Paths over more arcs than this are read as ``long``: too far to tell."""


def origin(tokens: Sequence[Token]) -> Token:
    """The word an event's trigger hangs from: the highest of its tokens in the parse."""
    return min(tokens, key=lambda t: len(list(t.ancestors)))


def candidates(sentence: SpacySpan, origin: Token, event: EventMention,
               actors: Callable[[Token], list[Actor]],
               at: Callable[[Token], int] = lambda t: t.idx) -> list[tuple[Token, list[Actor]]]:
    """Each actor the sentence names besides the event's doers and its claimant, with the
    token that names it, in the order of the text; a phrase's head speaks for it
    ("Bolivian [farmers]", not "Bolivian"). ``at``: where a token stands in the article's
    text, in which actors' offsets are counted."""
    source = event.source
    taken = [(a.start, a.end) for a in source]
    taken += [(event.claimant.start, event.claimant.end)] if event.claimant is not None else []
    # the doers' own phrases: "doctors from [a Canadian charity]", "[France]'s president Macron"
    heads = {_phrase_head(d, DESCRIBING) for d in sentence if any(a.start <= at(d) < a.end for a in source)}
    theirs = {t.i for h in heads if origin not in h.subtree for t in h.subtree}
    if origin.dep_ in {"acl", "relcl"}:  # the one a clause describes does it ("doctors [who] donated")
        theirs |= {origin.head.i} | {t.i for c in origin.head.lefts for t in c.subtree}
    found: list[tuple[Token, list[Actor]]] = []
    for token in sorted(sentence, key=lambda t: t.dep_ in MODIFIERS):  # heads first
        if (token.i == origin.i or token.i in theirs or token.pos_ not in {"PROPN", "NOUN", "ADJ"}
                or _renames(token, source, at) or _brokering(token, origin)):
            continue
        named = [a for a in actors(token) if not any(_overlap(a, span) for span in taken)]
        if named:
            taken += [(a.start, a.end) for a in named]
            found.append((token, named))
    return sorted(found, key=lambda pair: pair[0].i)


def features(origin: Token, token: Token, event_type: str, actor: Actor) -> list[str]:
    """The candidate's path from the act's word, read as arcs ("^nsubj" up, "dobj" down, a
    preposition by its word), and what kind of actor it is."""
    up, top, down = _path(origin, token)
    arcs = [f"^{t.dep_}" for t in up] + [_arc(t) for t in down]
    path = "|".join(arcs) if len(arcs) <= LONGEST else "long"
    first = arcs[0] if arcs else "self"
    last = _arc(token) if token.dep_ != "ROOT" else "root"
    passed = [t for t in (*up[1:], top, *down[:-1]) if t.i not in {origin.i, token.i}]
    verbs = sum(t.pos_ in {"VERB", "AUX"} for t in passed)
    preps = [t.lower_ for t in down if t.dep_ == "prep"]
    feats = [f"path={path}", f"first={first}", f"last={last}", f"t={event_type}|first={first}",
             f"t={event_type}|last={last}", f"verbs={min(verbs, 2)}", f"up={min(len(up), 3)}",
             f"down={min(len(down), 4)}", f"after={token.i > origin.i}",
             f"ent={token.ent_type_ or token.pos_}", f"sector={actor.sector}",
             f"country={actor.country is not None}", f"t={event_type}|path={path}"]
    feats += [f"prep={p}" for p in preps] + [f"t={event_type}|prep={p}" for p in preps]
    feats += [f"via={t.dep_}" for t in passed if t.pos_ in {"VERB", "AUX"}]
    feats += [f"l={origin.lemma_.lower()}|first={first}", f"w={token.lemma_.lower()}",
              f"h={token.head.lemma_.lower()}|{last}"]
    return feats


def choose(origin: Token, event_type: str, found: Sequence[tuple[Token, list[Actor]]],
           model: SoftmaxModel | None = None) -> list[Actor]:
    """The actors of the likeliest candidate, when the model (the shipped one unless given)
    is sure enough; none otherwise."""
    model = model or shipped()
    if model is None or not found:
        return []
    scored = [(model.probabilities(features(origin, token, event_type, named[0]))[TARGET], named)
              for token, named in found]
    p, named = max(scored, key=lambda pair: pair[0])
    return named if p >= THRESHOLD else []


@contextlib.contextmanager
def rules_only() -> Iterator[None]:
    """Within: no target is guessed, as when no model ships (what training learns from)."""
    token = _GUESSING.set(False)
    try:
        yield
    finally:
        _GUESSING.reset(token)


def shipped() -> SoftmaxModel | None:
    """The shipped model; None within ``rules_only`` or when none ships."""
    if not _GUESSING.get() or not _ships():
        return None
    return SoftmaxModel.load(MODEL)


@functools.cache
def _ships() -> bool:
    return (resources.files("wirewatch") / "data" / f"{MODEL}.json").is_file()


def _path(origin: Token, token: Token) -> tuple[list[Token], Token, list[Token]]:
    """The tokens climbed from ``origin`` to the lowest head over both (``up``, each giving
    its arc), that head, and those descended from it to ``token`` (``down``). Both are
    words of one sentence, so one tree holds them."""
    over = [origin, *origin.ancestors]
    index = {t.i: k for k, t in enumerate(over)}
    down: list[Token] = []
    for t in (token, *token.ancestors):
        if t.i in index:
            return over[:index[t.i]], t, down[::-1]
        down.append(t)
    raise ValueError(f"{origin.text!r} and {token.text!r} are not in one sentence")


def _renames(token: Token, source: Sequence[Actor], at: Callable[[Token], int]) -> bool:
    """Whether the token's phrase is in apposition to a doer, or a doer to it: "an IRA leader
    at the time, [Sean MacStiofain]" is the doer again."""
    token = _phrase_head(token)
    related = [token.head] if token.dep_ == "appos" else []
    related += [c for c in token.children if c.dep_ == "appos"]
    return any(a.start <= at(t) < a.end for t in related for a in source)


def _brokering(token: Token, origin: Token) -> bool:
    """Whether the token's phrase is the doer of another act, told by "by": "an agreement
    brokered [by Egypt]" names a mediator, not the one the agreement is done to."""
    head = _phrase_head(token)
    by = head.head if head.dep_ == "pobj" else None
    return by is not None and by.dep_ == "agent" and by.head.i != origin.i


def _phrase_head(token: Token, modifiers: frozenset[str] = MODIFIERS) -> Token:
    while token.dep_ in modifiers and token.head.i != token.i:
        token = token.head
    return token


def _overlap(actor: Actor, span: tuple[int, int]) -> bool:
    return actor.start < span[1] and span[0] < actor.end


def _arc(token: Token) -> str:
    return f"{token.dep_}:{token.lower_}" if token.dep_ in {"prep", "agent"} else token.dep_


__all__ = ["MODEL", "THRESHOLD", "candidates", "choose", "features", "origin", "rules_only", "shipped"]
