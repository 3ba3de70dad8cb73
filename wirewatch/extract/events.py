"""Event mentions from one parsed sentence: trigger, type, actors, place, time, counts.

Rules read the dependency parse, keyed on lemmas from ``data/lexicon.toml``:
a verb in the lexicon is a trigger; its subject is the source (the agent of a
passive); its object, the object of "against"/"with"/"on"/"to"/"between", or
the one the thing done is aimed at ("sanctions on Iran") is the target. A
commitment verb governing another trigger ("agreed to send") yields one event,
not two. Purpose clauses ("met ... to finalize the agreement") are not new
events, and an act whose subject is an abstraction ("the partnership strengthens
ties") is commentary, not an event; physical acts are events even with no one
named ("a bomb exploded"), and a sentence with no verb trigger may name one by a
noun ("protests erupted"). ``extractor.article_events`` adds what the learned confidence
and ACLED classifier read.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract import attribution, confidence, modes, nonevents, targets, triggers
from wirewatch.extract.aims import Aims
from wirewatch.extract.clauses import (
    conditional,
    own_tokens,
    participle,
    purpose_clause,
    unique,
)
from wirewatch.extract.kinds import (
    CONFLICTUAL,
    COOPERATIVE,
    OWN_COUNTRY,
    PHYSICAL,
    RECEIVING,
    RECIPROCAL,
    VIOLENT,
    YIELDING,
)
from wirewatch.extract.lexicon import Lexicon, Trigger
from wirewatch.extract.quantities import within
from wirewatch.extract.reading import ArticleReading, prep_objects
from wirewatch.extract.roles import Roles
from wirewatch.extract.setting import Setting
from wirewatch.model import Actor, EventMention, Place


class SentenceEvents:
    """Finds the event mentions of one sentence: which words are acts and of what type; their
    roles (``roles.Roles``, ``aims.Aims``) and setting (``setting.Setting``) are read there."""

    def __init__(self, reading: ArticleReading, sentence: SpacySpan,
                 context: SpacySpan | None = None) -> None:
        self.reading, self.sentence = reading, sentence
        self.context = context or sentence
        """The sentence with its neighbours: the words the ACLED classifier reads."""
        self.lex = reading.r.lexicon
        self.used: set[int] = set()
        """Tokens that belong to an emitted event (so their numbers are not also claims)."""
        self.roles = Roles(reading, sentence)
        self.aims = Aims(self.roles)
        self.setting = Setting(reading)

    def read(self) -> list[tuple[EventMention, list[str]]]:
        """The events as the rules read them, with their confidence features (unscored)."""
        mentions: list[EventMention] = []
        consumed: set[int] = set()
        by_verb: dict[int, int] = {}
        for token in self.sentence:
            if token.i in consumed or token.pos_ not in {"VERB", "AUX"}:
                continue
            demand = self._obligation(token, consumed)
            found = demand or (None if triggers.not_an_act(self.roles, token) else self._from_verb(token, consumed))
            act = by_verb.get(token.head.i) if _consequence(token) else None
            if found is not None and act is not None and {found.event_type, mentions[act].event_type} <= VIOLENT:
                mentions[act] = _with_harm(mentions[act], found)  # "bombed the market, [killing] nine"
                by_verb[token.i] = act  # "..., killing nine and [wounding] 20"
            elif found is not None:
                by_verb[token.i] = len(mentions)
                mentions.append(found)
        if not mentions:
            mentions += self._from_noun()
        mentions += self._learned(consumed | set(by_verb))
        if not mentions:
            return []
        mentions = [self._guess_target(event) for event in mentions]
        return [(event, confidence.features(event, self.trigger_tokens(event)[0], len(mentions), i))
                for i, event in enumerate(mentions)]

    def _guess_target(self, event: EventMention) -> EventMention:
        """An act with a doer whose target no rule reads takes the one the learned model
        (``extract.targets``) is sure of."""
        if event.target or not event.source:
            return event
        origin = targets.origin(self.trigger_tokens(event))
        guessed = targets.choose(origin, event.event_type, targets.candidates(
            self.sentence, origin, event, self.reading.actors, self.reading.offset))
        receiving = (event.intended or event.event_type) in RECEIVING
        return dataclasses.replace(event, target=tuple(guessed), recipient=tuple(guessed) if receiving else ())

    def trigger_tokens(self, event: EventMention) -> list[Token]:
        """The sentence's tokens inside the event's trigger span."""
        return self.roles.tokens_in(event.trigger.start, event.trigger.end)

    def _obligation(self, verb: Token, consumed: set[int]) -> EventMention | None:
        """ "X said Y must act" is X demanding it of Y (PLOVER DEMAND)."""
        if verb.lemma_.lower() not in self.lex.cue("reporting") | {"declare", "conclude", "issue"}:
            return None
        # "said [Y must act]", "issued a reminder to Y [that it must act]"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        clauses += [c for o in objects for c in o.children if c.dep_ == "acl"]
        for clause in clauses:
            if any(c.dep_ == "aux" and c.lower_ in self.lex.cue("obligation") for c in clause.children):
                demand = self.lex.match("demand", set())
                if demand is None:
                    return None
                consumed.add(clause.i)
                found = self._mention(verb, clause, demand, "DEMAND", None)
                subjects = [c for c in clause.children if c.dep_ == "nsubj"]
                target = [a for c in subjects for a in self.reading.actors(c)]
                addressed = [a for c in verb.children if c.dep_ in {"dative", "prep"} and c.lower_ == "to"
                             for p in c.children if p.dep_ == "pobj" for a in self.reading.actors(p)]
                if addressed and all(c.tag_ == "PRP" for c in subjects):
                    target = addressed  # "reminded Iraq that [it] must ...": the one told
                trigger = self.reading.span(verb.i, verb.i + 1)
                return dataclasses.replace(found, target=tuple(target), trigger=trigger) if found else None
        return None

    # -- which verbs are acts -------------------------------------------------------
    def _from_verb(self, verb: Token, consumed: set[int]) -> EventMention | None:
        lemma = self.lex.verb_lemma(verb)
        act = self._complement_act(verb)
        if act is not None and lemma in self.lex.cue("commitment") | {"threaten", "warn"}:
            inner, trigger = act
            consumed.add(inner.i)
            return self._commitment(verb, inner, trigger)
        if act is not None and lemma in self.lex.cue("refusal"):
            consumed.add(act[0].i)  # "refused to meet" is the refusal, not a meeting
            refusal = self.lex.match("refuse", set())
            return self._mention(verb, act[0], refusal, "REJECT", None) if refusal else None
        if act is not None and lemma in self.lex.cue("requesting") and self.roles.told(verb):
            demand = self.lex.match("demand", set())  # "called on [X] to investigate": asked,
            if demand is not None:                  # not done; X is the one asked
                consumed.add(act[0].i)
                return self._mention(verb, verb, demand, "DEMAND", None)
        if verb.dep_ == "xcomp" and verb.head.lower_ in self.lex.cue("commitment_adjectives"):
            found = self.roles.trigger(verb)
            if found is not None and found.event_type in CONFLICTUAL:  # "ready to impose martial law"
                return self._mention(verb.head, verb, found, found.event_type, None, planned=True)
            return (self._mention(verb.head, verb, found, "AGREE", found.event_type, planned=True)
                    if found else None)
        found = self.roles.trigger(verb)
        if found is None:
            return None
        if act is not None and found.event_type == "DEMAND":
            consumed.add(act[0].i)  # "urged Israel to withdraw": asked for, not done
        complement = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
        acted = complement if found.event_type == "AGREE" else verb
        event_type = found.event_type
        if event_type == "ASSAULT" and nonevents.attack_in_words(self.lex, verb):
            event_type = "DISAPPROVE"  # "attacked the plan": words, not violence
        if lemma == "protest" and not any(c.dep_ == "dobj" for c in verb.children):
            event_type = "PROTEST"  # "students protested in Dhaka"; "X protested the decision" is verbal
        return self._mention(verb, acted, found, event_type, None)

    def _from_noun(self) -> list[EventMention]:
        """A sentence with no act told by a verb may name one by a noun: "protests erupted
        in Tripoli", "a grenade attack on a police post". Only physical acts qualify."""
        for noun in self.sentence:
            found = self.lex.noun(noun.lemma_.lower())
            if noun.pos_ != "NOUN" or found is None or found.event_type not in PHYSICAL:
                continue
            if noun.head.dep_ == "prep" and noun.head.head.lemma_.lower() in self.lex.cue("legal_nouns"):
                continue  # "on trial on charges of [murder]": alleged, not told as done
            if noun.dep_ == "compound" and self.lex.noun(noun.head.lemma_.lower()) is not None:
                continue  # "a suicide [attack] on the consulate": the act is the head, with its target
            if found.event_type == "PROTEST" and self.roles.armed(noun):
                found = Trigger("ASSAULT", found.lemmas)  # "a drone strike", "an air strike"
            head = noun.head if noun.dep_ in {"nsubj", "nsubjpass"} else noun
            event = self._mention(head, noun, found, found.event_type, None)
            if event is None:
                continue
            by = self.roles.noun_doers(noun)
            partaking = self.roles.partaking(noun) if not by else None
            if partaking is not None:
                # "[Iran] was involved in the attack": as sure as that clause is ("whether Iran
                # was involved", "the US alleged that ...", "will go on strike")
                by = self.roles.source(partaking) or []
                said = attribution.claimant(self.reading, partaking)
                event = dataclasses.replace(event, claimant=said, factuality=attribution.factuality(
                    self.lex, partaking, partaking, False, said))  # type: ignore[arg-type]
            owned = attribution.responsible(self.lex, noun)  # "claimed responsibility for [it]"
            by += self.reading.actors(owned[0]) if owned else []
            if noun.dep_ == "compound":
                by += self.reading.actors(noun.head)  # "a [suicide] bomber": the bomber did it
            trigger = self.reading.span(noun.i, noun.i + 1)
            return [dataclasses.replace(event, source=tuple(unique(by)), trigger=trigger)]
        return []

    def _learned(self, taken: set[int]) -> list[EventMention]:
        """Acts told by verbs the lexicon does not list ("opened its borders to refugees",
        "returned the sculpture to X"), typed by the learned model (``extract.triggers``),
        when the sentence names the doer and the one it is done to, not by a pronoun (the
        model is not trusted with "it turns to X for support", whose "it" may be misread)."""
        found = []
        for verb in self.sentence:
            if (verb.i in taken or any(c.i in taken for c in verb.children if c.dep_ in {"xcomp", "ccomp"})
                    or not triggers.candidate(verb) or triggers.not_an_act(self.roles, verb) or _by_pronoun(verb)
                    or self.roles.trigger(verb) is not None):
                continue
            typed = triggers.classify(triggers.features(verb, self.lex))
            if typed is None:
                continue
            if typed[0] == "CONCEDE" and modes.event_mode(self.lex, "RETREAT", None, "RETREAT",
                                                          own_tokens(verb)) is not None:
                # the model learned PLV's YIELD, which PLOVER 2021 splits: what a RETREAT mode
                # names ("returned the sculpture", "withdrew its troops") is a RETREAT
                typed = ("RETREAT", typed[1])
            used = set(self.used)
            event = self._mention(verb, verb, Trigger(typed[0], frozenset({verb.lemma_.lower()})),
                                  typed[0], None)
            if event is not None and event.source and event.target:
                found.append(event)
            else:
                self.used = used
        return found

    def _complement_act(self, verb: Token) -> tuple[Token, Trigger] | None:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ in {"VERB", "AUX"}:
                trigger = self.roles.trigger(child)
                if trigger is not None:
                    return child, trigger
        return None

    def _commitment(self, head: Token, inner: Token, trigger: Trigger) -> EventMention | None:
        lemma = head.lemma_.lower()
        if lemma in {"threaten", "warn"}:
            found = self._mention(head, inner, trigger, "THREATEN", None)
            return dataclasses.replace(found, factuality="asserted") if found else None
        agree = self.lex.match(lemma, set())
        if agree is not None and agree.event_type == "AGREE" and trigger.event_type not in CONFLICTUAL:
            return self._mention(head, inner, trigger, "AGREE", trigger.event_type, planned=True)
        return self._mention(head, inner, trigger, trigger.event_type, None, planned=True)

    def _own_word(self, head: Token, source: list[Actor]) -> bool:
        """Whether an act is told on its doer's own word ("Hungary says it will not", "Poland
        would not send weapons, its prime minister said"), or on no one's; not as what others
        say, think or fear of it ("analysts said China would not", "diplomats expect that ...")."""
        if head.dep_ != "ccomp":
            return True
        sayer = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        if sayer is None:
            return False
        at = self.reading.offset(sayer)
        speaking = self.reading.actor(sayer)
        return any(a.start <= at < a.end for a in source) or (
            speaking is not None and speaking.country is not None
            and any(a.country == speaking.country for a in source))

    # -- one mention ----------------------------------------------------------------
    def _mention(self, head: Token, verb: Token, trigger: Trigger, event_type: str,
                 intended: str | None, planned: bool = False) -> EventMention | None:
        source = self.roles.source(head)
        if source is None and event_type not in PHYSICAL:
            return None  # "the partnership strengthens ties" is commentary
        target = self.roles.targets(verb, trigger)
        complement = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if not target and complement is not None and event_type in {"REJECT", "AGREE"}:
            # "refused to allow [two airlines] to land", "agreed to free [the journalists]":
            # who the act refused or agreed to is done to
            target = self.roles.targets(complement, trigger)
        if trigger.received:  # "a tanker received fuel from a vessel": given to the subject
            givers = [a for g in prep_objects(verb, {"from"}) for a in self.reading.actors(g)]
            source, target = givers, source or []
        if participle(verb):
            target = self.reading.actors(verb.head) + target  # "[people] killed in the raid"
        if not source and not target and event_type not in PHYSICAL:
            return None
        if not source and event_type in PHYSICAL and (nonevents.mishap(self.lex, head, verb)
                                                       or nonevents.game(self.lex, verb)):
            return None  # an accident, a disaster, a market or a game: nobody did it to anyone
        source = source or []
        own = own_tokens(head)
        claimant = attribution.claimant(self.reading, head)
        factuality = attribution.factuality(self.lex, head, verb, planned, claimant)
        if factuality == "planned" and event_type in COOPERATIVE | YIELDING and intended is None:
            event_type, intended = "AGREE", event_type  # "will release the hostages": a promise
        if (factuality == "negated" and event_type in COOPERATIVE | YIELDING | {"AGREE"}
                and _future(self.lex, head, verb) and self._own_word(head, source)):
            # "says it will not accept refugees", "X would not lift the ban": a refusal, when
            # the doer says so itself ("analysts said China would not ..." is their guess)
            event_type, intended, factuality = "REJECT", intended or event_type, "asserted"
        if event_type == "ASSAULT" and any(t.lemma_.lower() in self.lex.cue("fighting") for t in self.sentence):
            event_type = "FIGHT"  # violence in a battle is conventional fighting
        if event_type in CONFLICTUAL and (factuality == "planned" or (
                factuality == "hypothetical" and claimant is not None and conditional(head, verb))):
            # a stated intent to do harm is a threat: "plans to impose restrictions", "X said it
            # will boycott unless the president steps down"; the article musing "if talks fail,
            # Russia could attack" is not
            event_type, factuality = "THREATEN", "asserted"
        place = self.setting.place(head, verb, own)
        if not target and (intended or event_type) == "AID" and place is not None:
            target = self.aims.recipient(own, place)
        purpose = purpose_clause(head, verb)
        if not target and event_type == "THREATEN":
            target = self.aims.conditioned(head, verb, source)
        if not target and place is None and event_type in OWN_COUNTRY:
            target = self.aims.own_country(head, source)
        if not target and event_type not in {"CONSULT", "COOPERATE"}:
            # "went on strike to protest against X", "sent material to help defend X",
            # "blocked roads demanding the removal of X": who the act is aimed at
            target = self.aims.aimed_at(head, verb, purpose, source)
        kind = intended or trigger.event_type
        together = kind in RECIPROCAL or "agreement" in trigger.objects
        # "Russian and Ukrainian negotiators met" are two sides; "Russian and Syrian forces
        # fought" one: fighters are two sides only when named apart ("India and Pakistan")
        sides = {(a.start, a.end) if kind == "FIGHT" else (a.start, a.end, a.country) for a in source}
        if not target and together and len(sides) > 1:
            # "Jordan and Britain agreed to hold exercises", "the US and China signed an
            # agreement": each with the other
            target = source
        self.used.update(token.i for token in own)
        particle = self.lex.verb_lemma(verb).partition(" ")[2]  # "called off"
        particles = [c.i for c in verb.children if particle and c.lower_ == particle and c.i == verb.i + 1]
        span = self.reading.span(min(head.i, verb.i), max(head.i, verb.i, *particles) + 1)
        return EventMention(
            event_type=event_type,  # type: ignore[arg-type]
            factuality=factuality,  # type: ignore[arg-type]
            trigger=span,
            confidence=0.0,  # scored once the article is read (extractor.Unscored.scored)
            mode=modes.event_mode(self.lex, event_type, trigger.mode, trigger.event_type, own,
                                  inner_type=trigger.event_type if event_type == "THREATEN" else None,
                                  hosted=_hosted(source, target, place)),
            context=modes.event_contexts(self.lex, self.sentence),
            intended=intended,  # type: ignore[arg-type]
            source=tuple(source),
            target=tuple(target),
            recipient=tuple(target) if (intended or event_type) in RECEIVING else (),
            place=place,
            time=self.setting.time(own, future=factuality == "planned"),
            quantities=tuple(self.setting.quantities(own)),
            claimant=claimant,
            purpose=self.setting.purpose(purpose),
            evidence=(self.reading.evidence(self.sentence),),
        )


def _future(lex: Lexicon, head: Token, verb: Token) -> bool:
    """Whether the act is told as one to come ("will not", "would never", "won't"), not as
    what would have been ("would not have received")."""
    auxes = {c.lower_ for t in {head, verb} for c in t.children if c.dep_ == "aux"}
    return bool(auxes & (lex.cue("future") | {"would", "wo"})) and "have" not in auxes


def _consequence(verb: Token) -> bool:
    """A participle telling what an act did: "a bomb exploded, [killing] nine"."""
    if verb.tag_ != "VBG" or verb.head.i == verb.i:
        return False
    return verb.dep_ == "advcl" or (verb.dep_ == "conj" and _consequence(verb.head))


def _with_harm(act: EventMention, harm: EventMention) -> EventMention:
    """One violent act with the harm a participle says it did: its victims and counts."""
    quantities = list(act.quantities)
    quantities += [q for q in harm.quantities if not within(q, quantities)]
    return dataclasses.replace(act, source=act.source or harm.source,
                               target=tuple(unique([*act.target, *harm.target])),
                               quantities=tuple(quantities))


def _by_pronoun(verb: Token) -> bool:
    """Whether the verb's subject or object is a personal pronoun: "[it] turns to X"."""
    return any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.tag_ == "PRP" for c in verb.children)


def _hosted(source: list[Actor], target: list[Actor], place: Place | None) -> bool:
    """Whether the act happened in the target's country, not the source's (a visit)."""
    return bool(place is not None and source and target
                and place.country == target[0].country != source[0].country)


__all__ = ["SentenceEvents"]
