"""Where a verb's clause begins and ends in the parse, and the small readings of it that every
part of event extraction shares: a clause's own tokens, participles, purpose and condition
clauses, the lemma forms of a noun, and actors without repeats."""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.extract.reading import of_objects
from wirewatch.model import Actor

CLAUSE_DEPS = {"relcl", "advcl", "ccomp", "parataxis", "acl", "csubj"}


def hung_on_its_subject(verb: Token) -> bool:
    """A clause the parser hung on its subject as a modifier: after a conjunction it took
    for a preposition ("after [one device] detonated"), or as the sentence's root when the
    verb has an object, which no participle modifying a noun can have ("[Iraqi forces]
    seized on Thursday a cache of arms")."""
    if verb.dep_ != "acl":
        return False
    if verb.tag_ == "VBD" and verb.head.dep_ == "pobj":
        return verb.head.head.lower_ in {"after", "before", "since", "until", "as", "when"}
    return (verb.head.dep_ == "ROOT" and any(c.dep_ == "dobj" for c in verb.children)) \
        or _hung_past_its_subject(verb) is not None


def hung_subject(verb: Token) -> Token:
    """The subject of a clause ``hung_on_its_subject``: the noun it hangs on, or the sentence's
    root noun it was hung past ("[Doctors] from two aid groups donated ...")."""
    return _hung_past_its_subject(verb) or verb.head


def _hung_past_its_subject(verb: Token) -> Token | None:
    """A sentence the parser left without a verb, its subject the root and its verb hung on
    the subject's prepositional phrase: "[Doctors] from two aid groups donated medicine to
    ...", where no participle modifying "groups" would have an object."""
    noun, preposition = verb.head, verb.head.head
    root = preposition.head
    if (noun.dep_ == "pobj" and preposition.dep_ == "prep" and preposition.lower_ != "of"
            and verb.tag_ in {"VBD", "VBN"} and root.dep_ == "ROOT"
            and root.pos_ in {"NOUN", "PROPN"} and any(
                c.dep_ == "dobj" for v in (verb, *(c for c in verb.children if c.dep_ == "conj"))
                for c in v.children)):
        return root
    return None


def participle(verb: Token) -> bool:
    """A past participle modifying a noun: "[shells] fired at the town" (not a clause the
    parser hung on its subject: "[forces] seized on Thursday a cache of arms")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not hung_on_its_subject(verb)


def own_tokens(root: Token, conjuncts: bool = True) -> list[Token]:
    """The clause of ``root`` without its subordinate clauses (they are events of their own),
    and without any conjuncts unless ``conjuncts`` (a conjoined verb is always a clause)."""
    found, stack = [], [root]
    while stack:
        token = stack.pop()
        found.append(token)
        for child in token.children:
            if child.dep_ in CLAUSE_DEPS or (child.dep_ == "conj" and (
                    not conjuncts or child.pos_ in {"VERB", "AUX"})):
                continue
            stack.append(child)
    return found


def lemma_forms(token: Token) -> list[str]:
    """Lemma and a plain singular: title-case headlines leave "Workers" unlemmatised."""
    lemma = token.lemma_.lower()
    return [lemma, lemma[:-1]] if lemma.endswith("s") else [lemma]


def theme_forms(noun: Token) -> set[str]:
    """Lemma forms of an object, its "of" noun and its noun modifiers: "thousands of [workers]",
    "a [mediation] effort"; ``money`` for a sum ("provided [$49 million]")."""
    nouns = [noun, *of_objects(noun)]
    modifiers = [(c, n) for n in nouns for c in n.children if c.dep_ == "compound"]
    hyphened = {f"{c.lower_}-{n.lemma_.lower()}" for c, n in modifiers  # "sit-ins"
                if c.i + 2 == n.i and c.nbor().text == "-"}
    money = {"money"} if any(n.ent_type_ == "MONEY" for n in nouns) else set()  # "$46 million"
    return {form for n in nouns + [c for c, _ in modifiers] for form in lemma_forms(n)} | hyphened | money


def unique(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for actor in actors:  # one span may be two actors: "French and Egyptian warships"
        if (actor.start, actor.end, actor.country) not in seen:
            seen.add((actor.start, actor.end, actor.country))
            out.append(actor)
    return out


def conditional(*verbs: Token) -> bool:
    """Whether an "if"/"unless" clause hangs from the act."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"}
                                         for m in c.children)
               for verb in verbs for c in verb.children)


def purpose_clause(head: Token, verb: Token) -> Token | None:
    """The verb of an infinitive purpose clause: "met ... [to finalize] the agreement",
    "began a strike [to protest] ..."."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for token in (verb, head, *objects):
        for child in token.children:
            if child.dep_ in {"advcl", "relcl", "acl"} and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                return child
    return None


__all__ = ["CLAUSE_DEPS", "conditional", "hung_on_its_subject", "hung_subject", "lemma_forms", "own_tokens",
           "participle", "purpose_clause", "theme_forms", "unique"]
