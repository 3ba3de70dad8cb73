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

from wirewatch.extract import attribution, confidence, modes, nonevents, triggers
from wirewatch.extract.lexicon import Trigger
from wirewatch.extract.quantities import quantity_of, within
from wirewatch.extract.reading import ArticleReading, conjuncts, of_objects, pobjects, prep_objects
from wirewatch.model import Actor, EventMention, Place, Quantity, Span, TimeExpr
from wirewatch.resolve.dates import resolve_time

CLAUSE_DEPS = {"relcl", "advcl", "ccomp", "parataxis", "acl", "csubj"}
TARGET_PREPS = {"against", "with", "on", "upon", "to", "between"}
OBJECT_TARGET_PREPS = {"on", "against", "upon", "to", "for", "between", "from", "with", "at", "among"}
"""Preps of the acted-on noun that name the target: "imposed sanctions [on Iran]", "fired
rockets [at X]"."""
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
THEME_TYPES = {"AID", "MOBILIZE", "SANCTION", "PROTEST", "COOPERATE", "INVESTIGATE", "AGREE",
               "DISAPPROVE", "CONCEDE"}
"""Types whose object, even a person, is the thing given or done ("sent workers"); for the
others an object from the trigger's list is the act only when it names no one ("held talks")."""
RECEIVING = {"AID", "COOPERATE"}
"""Types with a recipient (PLOVER: who gets the aid or the cooperation), the target as read."""
CONFLICTUAL = {"ASSAULT", "FIGHT", "COERCE", "SANCTION", "PROTEST"}
"""Acts whose stated intent is a threat (PLOVER THREATEN), as AGREE is for cooperative ones.
Not MOBILIZE: "will send troops to Russia" may be help to an ally."""
PHYSICAL = {"ASSAULT", "FIGHT", "COERCE", "PROTEST", "MOBILIZE", "CRIME"}
"""Material acts that are events even when the text names no one ("a bomb exploded in the
market", "ten people were killed"): a news report of violence is never commentary."""
VIOLENT = {"ASSAULT", "FIGHT"}
"""Acts that are events even when told by a participle ("shells fired at the town")."""
PLACE_TARGETED = PHYSICAL | {"SANCTION", "RETREAT", "AID", "CONCEDE", "THREATEN", "AGREE",
                             "REJECT", "DEMAND", "DISAPPROVE", "INVESTIGATE"}
"""Acts done to a place when no one is named ("eased emergency measures in Montenegro"); a
meeting in Paris, support or cooperation there is not done to France."""
RECIPROCAL = {"CONSULT", "COOPERATE", "FIGHT", "AGREE"}
"""Acts done together: with several doers and no one else named ("Jordan and Britain agreed
to hold joint exercises", "India and Pakistan clashed"), each doer is the other's
counterpart, as dyadic coders code them both ways."""
OWN_COUNTRY = {"PROTEST", "CONCEDE"}
"""Acts that, with no one and no place named, are aimed at the doer's own government, as
ICEWS and PLOVER coders code them (``SentenceEvents._own_country``)."""
ACTIVE_PASSIVES = {"engage", "involve"}
"""Passive forms whose subject is the doer: "Serb forces [were engaged] in ethnic cleansing"."""
NUMBER_LABELS = {"CARDINAL", "MONEY", "QUANTITY"}
ARMED = {"military", "police", "rebels"}
PRECISION_RANK = {"region": 0, "country": 1, "admin1": 2, "admin2": 3, "city": 4}


class SentenceEvents:
    """Finds the event mentions of one sentence."""

    def __init__(self, reading: ArticleReading, sentence: SpacySpan,
                 context: SpacySpan | None = None) -> None:
        self.reading, self.sentence = reading, sentence
        self.context = context or sentence
        """The sentence with its neighbours: the words the ACLED classifier reads."""
        self.lex = reading.r.lexicon
        self.used: set[int] = set()
        """Tokens that belong to an emitted event (so their numbers are not also claims)."""
        self._starts: list[int] | None = None

    def read(self) -> list[tuple[EventMention, list[str]]]:
        """The events as the rules read them, with their confidence features (unscored)."""
        mentions: list[EventMention] = []
        consumed: set[int] = set()
        by_verb: dict[int, int] = {}
        for token in self.sentence:
            if token.i in consumed or token.pos_ not in {"VERB", "AUX"}:
                continue
            demand = self._obligation(token, consumed)
            found = demand or (None if self._not_an_act(token) else self._from_verb(token, consumed))
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
        return [(event, confidence.features(event, self.trigger_tokens(event)[0], len(mentions), i))
                for i, event in enumerate(mentions)]

    def trigger_tokens(self, event: EventMention) -> list[Token]:
        """The sentence's tokens inside the event's trigger span."""
        return self.tokens_in(event.trigger.start, event.trigger.end)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The sentence's tokens that start inside the article characters ``[start, end)``."""
        if self._starts is None:
            self._starts = [self.reading.span(t.i, t.i + 1).start for t in self.sentence]
        return [t for t, at in zip(self.sentence, self._starts, strict=True) if start <= at < end]

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
    def _not_an_act(self, verb: Token) -> bool:
        """Purpose clauses, ongoing states and bare gerunds add no event of their own."""
        has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ == "advcl" and (has_to or _conditional(verb.head)):
            return True  # a purpose or a condition ("unless the president resigns")
        if verb.dep_ in {"relcl", "acl"} and has_to:
            return True  # "a strike to protest ...", "a plan to attack ...": what a thing is for
        if (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.lex.cue("aspectual")
                and verb.head.tag_ in {"VBZ", "VBP"}):
            return True  # "continues to provide" describes a state; "continued to send" an act
        if verb.lemma_.lower() in self.lex.cue("reporting") and any(c.dep_ == "ccomp" for c in verb.children):
            return True
        if verb.lemma_.lower() in self.lex.cue("admission") and any(
                c.dep_ == "ccomp" and not _obligation_clause(c) for c in verb.children):
            return True  # "conceded that the country faces a shortage"
        if verb.lemma_.lower() in self.lex.cue("questions") and not any(
                c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for")
                or (c.dep_ in {"dobj", "dative"} and c.lower_ not in {"question", "questions"})
                for c in verb.children):
            return True  # "'Who was it?' Mendeloff asked"; "asked X to leave" is a demand
        roles = {c.dep_ for c in verb.children}
        if verb.lemma_.lower() in self.lex.cue("origin_verbs") and "dobj" not in roles and any(
                c.dep_ == "prep" and c.lower_ == "from" for c in verb.children):
            return True  # "hailed from Kerala" tells where someone is from
        if verb.tag_ in {"VBZ", "VBP"} and verb.lemma_.lower() in self.lex.cue("rule_verbs") and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in self.lex.cue("violation_objects")
                for c in verb.children):
            return True  # "the embargo bans arms sales": what a rule says, not an act
        if _clause_hung_on_its_subject(verb) or attribution.accused(self.lex, verb) is not None:
            return False  # "accused Russia of [supplying] arms" tells the act accused of
        if _participle(verb):
            # "six people killed when ...", "a vehicle targeted by a bomber", "[shells] fired
            # at the town": violence told as a participle is still an act; "the agreement
            # signed in May" and "the curfew imposed in 1990" are background
            found = self.lex.match(self.lex.verb_lemma(verb), self._objects(verb))
            return found is None or found.event_type not in VIOLENT
        if verb.dep_ == "acl" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            return False  # a clause with its own subject tells what a noun says: "a report that
            # forces raped civilians", "claims that rebels seized the town"
        return verb.dep_ in {"acl", "pcomp", "amod"}

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
        if verb.dep_ == "xcomp" and verb.head.lower_ in self.lex.cue("commitment_adjectives"):
            found = self.lex.match(lemma, self._objects(verb))
            if found is not None and found.event_type in CONFLICTUAL:  # "ready to impose martial law"
                return self._mention(verb.head, verb, found, found.event_type, None, planned=True)
            return (self._mention(verb.head, verb, found, "AGREE", found.event_type, planned=True)
                    if found else None)
        found = self.lex.match(lemma, self._objects(verb))
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
            if found.event_type == "PROTEST" and self._armed(noun):
                found = Trigger("ASSAULT", found.lemmas)  # "a drone strike", "an air strike"
            head = noun.head if noun.dep_ in {"nsubj", "nsubjpass"} else noun
            event = self._mention(head, noun, found, found.event_type, None)
            if event is None:
                continue
            by = self._noun_doers(noun)
            owned = attribution.responsible(self.lex, noun)  # "claimed responsibility for [it]"
            by += self.reading.actors(owned[0]) if owned else []
            if noun.dep_ == "compound":
                by += self.reading.actors(noun.head)  # "a [suicide] bomber": the bomber did it
            trigger = self.reading.span(noun.i, noun.i + 1)
            return [dataclasses.replace(event, source=tuple(_unique(by)), trigger=trigger)]
        return []

    def _learned(self, taken: set[int]) -> list[EventMention]:
        """Acts told by verbs the lexicon does not list ("opened its borders to refugees",
        "returned the sculpture to X"), typed by the learned model (``extract.triggers``),
        when the sentence names the doer and the one it is done to, not by a pronoun (the
        model is not trusted with "it turns to X for support", whose "it" may be misread)."""
        found = []
        for verb in self.sentence:
            if (verb.i in taken or not triggers.candidate(verb) or self._not_an_act(verb) or _by_pronoun(verb)
                    or self.lex.match(self.lex.verb_lemma(verb), self._objects(verb)) is not None):
                continue
            typed = triggers.classify(triggers.features(verb, self.lex))
            if typed is None:
                continue
            used = set(self.used)
            event = self._mention(verb, verb, Trigger(typed[0], frozenset({verb.lemma_.lower()})),
                                  typed[0], None)
            if event is not None and event.source and event.target:
                found.append(event)
            else:
                self.used = used
        return found

    def _noun_doers(self, noun: Token) -> list[Actor]:
        """Who did the act a noun names: "[Russia]'s attack", "an [Israeli] airstrike", "an
        attack by [X]", "a battle between [X] and [Y]"."""
        by = [a for c in noun.children if c.dep_ == "poss" for a in self.reading.actors(c)]
        # a people's adjective or an armed force names the doer ("an [Israeli] airstrike", "a
        # [Taliban] truck bombing", "a U.S. [military] airstrike"); another name is often the
        # place or the target ("the Oklahoma City bombing", "the Rolando bombing")
        by += [a for c in noun.lefts if c.dep_ in {"amod", "compound"} for a in self.reading.actors(c)
               if c.ent_type_ == "NORP" or a.sector in ARMED]
        by += [a for g in prep_objects(noun, {"by", "between"}) for a in self.reading.actors(g)]
        return _unique(by)

    def _violent(self, verb: Token) -> bool:
        found = self.lex.match(self.lex.verb_lemma(verb), self._objects(verb))
        return found is not None and found.event_type in VIOLENT

    def _violent_noun(self, noun: Token) -> bool:
        found = self.lex.noun(noun.lemma_.lower())
        return noun.pos_ == "NOUN" and found is not None and found.event_type in VIOLENT

    def _armed(self, noun: Token) -> bool:
        """Whether a noun's modifiers name a weapon ("drone strike", "air strike")."""
        weapons = modes.cue_table(self.lex, "ASSAULT")
        return any(c.dep_ in {"compound", "amod", "nmod"} and (c.lemma_.lower() in weapons
                                                               or c.lower_ == "air")
                   for c in noun.children)

    def _complement_act(self, verb: Token) -> tuple[Token, Trigger] | None:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ in {"VERB", "AUX"}:
                trigger = self.lex.match(self.lex.verb_lemma(child), self._objects(child))
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

    def _objects(self, verb: Token) -> set[str]:
        """Lemmas of what the verb acts on: "dispatching thousands of [workers]", "[shells]
        fired at the town"; its prepositions as ``prep:on``, its subject's lemmas as
        ``subj:protester``, and ``person`` when it acts on people (an agent noun of the
        sectors table or a named person or group): "beat [vigilantes]", "released [rebels]"."""
        nouns = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "attr"}]
        # "discovered [ammunition] believed to belong to X": the parser made the object the
        # subject of the reduced relative after it
        nouns += [c for clause in verb.children if clause.dep_ == "ccomp" and _reduced_relative(clause)
                  for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if _participle(verb):
            nouns.append(verb.head)  # "[shells] fired at the town"
        nouns += [g for n in list(nouns) for g in n.children if g.dep_ == "conj"]
        preps = {f"prep:{c.lower_}" for c in verb.children if c.dep_ == "prep"}
        # who acts, for verbs that are an event only by their doer: "[demonstrators] gathered"
        doers = {f"subj:{form}" for c in verb.children if c.dep_ == "nsubj"
                 for form in _theme_forms(c)}
        people = {"person"} if any(self._is_person(n) for n in nouns) else set()
        return {form for noun in nouns for form in _theme_forms(noun)} | preps | doers | people

    def _is_person(self, noun: Token) -> bool:
        return noun.ent_type_ in {"PERSON", "NORP"} or any(
            form in self.lex.sectors for n in (noun, *of_objects(noun)) for form in _lemma_forms(n))

    # -- one mention ----------------------------------------------------------------
    def _mention(self, head: Token, verb: Token, trigger: Trigger, event_type: str,
                 intended: str | None, planned: bool = False) -> EventMention | None:
        source = self._source(head)
        if source is None and event_type not in PHYSICAL:
            return None  # "the partnership strengthens ties" is commentary
        target = self._targets(verb, trigger)
        if trigger.received:  # "a tanker received fuel from a vessel": given to the subject
            givers = [a for g in prep_objects(verb, {"from"}) for a in self.reading.actors(g)]
            source, target = givers, source or []
        if _participle(verb):
            target = self.reading.actors(verb.head) + target  # "[people] killed in the raid"
        if not source and not target and event_type not in PHYSICAL:
            return None
        if not source and event_type in PHYSICAL and (nonevents.mishap(self.lex, head, verb)
                                                       or nonevents.game(self.lex, verb)):
            return None  # an accident, a disaster, a market or a game: nobody did it to anyone
        source = source or []
        own = _own_tokens(head)
        claimant = attribution.claimant(self.reading, head)
        factuality = attribution.factuality(self.lex, head, verb, planned, claimant)
        if factuality == "planned" and event_type in COOPERATIVE and intended is None:
            event_type, intended = "AGREE", event_type
        if event_type == "ASSAULT" and any(t.lemma_.lower() in self.lex.cue("fighting") for t in self.sentence):
            event_type = "FIGHT"  # violence in a battle is conventional fighting
        if event_type in CONFLICTUAL and (factuality == "planned" or (
                factuality == "hypothetical" and claimant is not None and _conditional(head, verb))):
            # a stated intent to do harm is a threat: "plans to impose restrictions", "X said it
            # will boycott unless the president steps down"; the article musing "if talks fail,
            # Russia could attack" is not
            event_type, factuality = "THREATEN", "asserted"
        place = self._place(head, verb, own)
        if not target and (intended or event_type) == "AID" and place is not None:
            target = self._recipient(own, place)
        purpose = _purpose_clause(head, verb)
        if not target and event_type == "THREATEN":
            target = self._conditioned(head, verb, source)
        if not target and place is None and event_type in OWN_COUNTRY:
            target = self._own_country(head, source)
        if not target and len(source) > 1 and (intended or event_type) in RECIPROCAL:
            target = source  # "Jordan and Britain agreed to hold exercises": each with the other
        if not target and event_type not in {"CONSULT", "COOPERATE"}:
            # "went on strike to protest against X", "sent material to help defend X",
            # "blocked roads demanding the removal of X": who the act is aimed at
            target = self._aimed_at(head, verb, purpose, source)
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
            time=self._time(own, future=factuality == "planned"),
            quantities=tuple(self._quantities(own)),
            claimant=claimant,
            purpose=self._purpose(purpose),
            evidence=(self.reading.evidence(self.sentence),),
        )

    def _source(self, verb: Token, depth: int = 0) -> list[Actor] | None:
        """Actors doing the act; None when the doer is an abstraction (commentary)."""
        charge = attribution.answering(self.lex, verb)
        raiser = attribution.raised(self.lex, verb)
        if charge is not None or raiser is not None:
            # "[Russia] is accused of supplying", "[Israel] is believed to have carried out"
            doers = [charge[0]] if charge else [c for c in raiser.children  # type: ignore[union-attr]
                                                 if c.dep_ == "nsubjpass"]
            return [a for d in doers for a in self.reading.actors(d)] or None
        for child in verb.children:
            if child.dep_ in {"nsubj", "csubj"}:
                # a misparsed reduced relative makes its verb the subject: "[the Red Cross]
                # operating in Iraq said ..."
                doers = [child, *(c for c in child.children if c.dep_ == "nsubj" and child.pos_ == "VERB")]
                found = [a for d in doers for a in self.reading.actors(d)]
                if not found and self._violent_noun(child):
                    found = self._noun_doers(child)  # "an [Israeli] airstrike killed ..."
                return found or None
            if child.dep_ == "agent":
                return [a for p in child.children if p.dep_ == "pobj" for a in self.reading.actors(p)]
            if child.dep_ == "nsubjpass" and verb.lemma_.lower() in ACTIVE_PASSIVES:
                return self.reading.actors(child) or None
        in_attack = [a for g in prep_objects(verb, {"in", "during"}) if self._violent_noun(g)
                     for a in self._noun_doers(g)]
        if in_attack:
            return in_attack  # "were killed in an [Israeli] airstrike", "in a battle between [X and Y]"
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and self._violent(verb) and not self._violent(verb.head):
            return []  # "police are hunting a man who left a device ..., wounding 13": not the police
        if verb.dep_ == "xcomp":
            # "forced [the rebels] to withdraw", "called on [X] to investigate": the one told
            # to act is its doer, not the one who told it
            telling = verb.head.lemma_.lower() in self.lex.cue("telling")
            told = [c for c in verb.head.children if c.dep_ == "dobj" and telling]
            told += prep_objects(verb.head, {"on", "upon"})
            controllers = [a for c in told for a in self.reading.actors(c) or self._owner(c, named=True)]
            if controllers:
                return controllers
        if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
                c.dep_ in {"aux", "nsubj", "nsubjpass"} for c in verb.children):
            return []  # "[Asked] to point him out, Elliott gestured": Elliott was asked
        if verb.dep_ in {"xcomp", "conj", "advcl", "acomp"} and depth < 3 and verb.head.i != verb.i:
            return self._source(verb.head, depth + 1)
        if verb.dep_ == "relcl" or _clause_hung_on_its_subject(verb):
            return self.reading.actors(verb.head) or None
        return []

    def _targets(self, verb: Token, trigger: Trigger) -> list[Actor]:
        targets: list[Actor] = []
        for child in verb.children:
            if child.dep_ == "nsubjpass" and verb.lemma_.lower() in ACTIVE_PASSIVES:
                continue  # the doer
            if child.dep_ in {"nsubjpass", "dative"}:
                # "a camp for [refugees] was attacked", "the home of [a journalist] was shelled",
                # "granted asylum to [X]" (a dative "to" stands for its object)
                for noun in pobjects(child) if child.pos_ == "ADP" else [child]:
                    targets += (self.reading.actors(noun) or self._owner(noun, named=True)
                                or [a for g in prep_objects(noun, {"for"}) for a in self.reading.actors(g)])
            elif child.dep_ == "dobj" and not (_theme_forms(child) & trigger.objects and (
                    trigger.event_type in THEME_TYPES or not self.reading.actors(child))):
                # "threatened [action] against Russia": a thing done names its target too
                targets += (self.reading.actors(child) or self._owner(child)
                            or self._object_targets(child, trigger))
            elif child.dep_ == "dobj":
                # the thing done names its target, or its owner is it: "summoned [Niger]'s
                # ambassador", "denounced [Serbia]'s suppression" (not "sent its aid")
                targets += self._object_targets(child, trigger) or self._owner(child, named=True)
            elif child.dep_ == "ccomp" and trigger.event_type in {"DEMAND", "REJECT", "DISAPPROVE"}:
                targets += [a for c in child.children if c.dep_ == "nsubj"
                            for a in self.reading.actors(c)]  # "demanded that X ..."
            elif (child.dep_ == "prep" and child.lower_ in {"over", "about"}
                  and trigger.event_type == "DISAPPROVE"):
                # "complained to the UN [over Israeli raids]": the grievance's author is the
                # target, before the one complained to
                targets[:0] = [a for g in child.children if g.dep_ == "pobj"
                               for a in self.reading.actors(g) or self._owner(g, named=True)]
            elif child.dep_ == "prep" and child.lower_ == "for":
                # "called for [sanctions] against Nigeria": what is asked for names its target
                targets += [a for g in child.children if g.dep_ == "pobj" and not self.reading.actors(g)
                            for a in self._object_targets(g, trigger)]
            elif child.dep_ == "prep" and child.lower_ == "as":
                # "denounced as a crime [Serbia]'s suppression": the object moved after "as X"
                targets += [a for g in pobjects(child) for o in g.children if o.dep_ == "appos"
                            for a in self.reading.actors(o) or self._owner(o, named=True)]
            elif child.dep_ == "prt" and child.lower_ == "up":
                # "kidnapped up to 16 [advisers]": the parser hangs the object on "up to"
                targets += [a for g in prep_objects(child, {"to"}) for a in self.reading.actors(g)]
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                for pobj in pobjects(child):
                    if child.lower_ == "to" and self.reading.is_place_use(pobj) and not self._is_country(pobj):
                        continue
                    # "set fire to the offices [of X]": whose thing is hit
                    targets += self.reading.actors(pobj) or self._owner(pobj, named=True)
        return _unique(targets)

    def _object_targets(self, noun: Token, trigger: Trigger) -> list[Actor]:
        """Who the thing done is aimed at: "sanctions [on Iran]", "an offer [from Kabul]"."""
        preps = OBJECT_TARGET_PREPS - {"from"} if trigger.event_type in RECEIVING else OBJECT_TARGET_PREPS
        nouns = [noun, *conjuncts(noun)]  # "artillery and rocket fire [against X]"
        nouns += [o for n in list(nouns) for o in of_objects(n)]  # "a series of measures [against X]"
        return [a for n in nouns for g in prep_objects(n, preps)
                for a in self.reading.actors(g) or self._owner(g, named=True)]

    def _owner(self, noun: Token, named: bool = False) -> list[Actor]:
        """Whose thing is acted on: "support [Turkey]'s efforts", "the removal of [X]", "vetoed
        a [US] resolution", "rejected every offer made by [the Taliban]"; ``named``: not a
        pronoun ("its efforts")."""
        for child in noun.children:
            if child.dep_ == "poss":
                return [] if named and child.tag_ == "PRP$" else self.reading.actors(child)
            if child.dep_ == "prep" and child.lower_ in {"of", "by"}:
                found = [a for g in child.children if g.dep_ == "pobj" for a in self.reading.actors(g)]
                if found:
                    return found
        authors = [a for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                   for g in prep_objects(c, {"by"}) for a in self.reading.actors(g)]
        named_in = [a for c in noun.lefts if c.dep_ in {"compound", "amod", "nmod"}
                    and (c.ent_type_ in {"ORG", "NORP", "PERSON"} or self._is_country(c))
                    for a in self.reading.actors(c)]
        return authors or named_in

    def _is_country(self, token: Token) -> bool:
        ent = self.reading.ent_at.get(token.i)
        match = self.reading.country(ent) if ent is not None else None
        return match is not None and match.kind in {"name", "alias"}

    def _recipient(self, own: list[Token], place: Place) -> list[Actor]:
        """For aid sent to a place, the recipient is the country it lies in ("in Russia")."""
        for token in own:
            ent = self.reading.ent_at.get(token.i)
            if ent is not None and token.i == ent.root.i and self._is_country(token):
                actor = self.reading.actor(token)
                if actor is not None and actor.country == place.country:
                    return [actor]
        return []

    def _place(self, head: Token, verb: Token, own: list[Token]) -> Place | None:
        if verb.dep_ == "relcl" and any(c.lemma_.lower() == "where" for c in verb.children):
            found = _finest([self.reading.place(t) for t in _noun_chain(verb.head)])
            if found is not None:
                return found
        found = _finest([self.reading.place(t) for t in own
                         if self.reading.is_place_use(t) and not _attribution_not_place(t)])
        if found is None:  # where the thing acted on is: "the curfew [imposed in Sudan]"
            described = [t for o in verb.children if o.dep_ == "dobj" for c in o.children
                         if c.dep_ == "acl" for t in _own_tokens(c)]
            found = _finest([self.reading.place(t) for t in described if self.reading.is_place_use(t)])
        return found

    def _time(self, own: list[Token], future: bool = False) -> TimeExpr | None:
        """The clause's time expression, resolved against the publication date; a planned
        act's weekday is the coming one ("will meet on Friday")."""
        for token in sorted(own, key=lambda t: t.i):
            ent = self.reading.ent_at.get(token.i)
            if ent is not None and ent.label_ in {"DATE", "TIME"} and not self._names_a_place(ent):
                span = self.reading.span(ent.start, ent.end)
            elif token.dep_ == "advmod" and token.lower_ in self.lex.cue("time_adverbs"):
                span = self.reading.span(token.i, token.i + 1)
            else:
                continue
            value, precision = resolve_time(span.text, self.reading.day, future=future)
            return TimeExpr(span.text, span.start, span.end, value, precision)  # type: ignore[arg-type]
        return None

    def _names_a_place(self, ent: SpacySpan) -> bool:
        """The model sometimes calls a country a DATE ("the coup in Niger")."""
        return self.reading.country(ent) is not None

    def _quantities(self, own: list[Token]) -> list[Quantity]:
        found: list[Quantity] = []
        seen: set[int] = set()
        for token in sorted(own, key=lambda t: t.i):
            ent = self.reading.ent_at.get(token.i)
            if ent is not None and ent.label_ in NUMBER_LABELS and ent.start not in seen:
                seen.add(ent.start)
                quantity = quantity_of(self.reading, ent)
                if quantity is not None and not within(quantity, found):
                    found.append(quantity)
        return found

    # -- purpose -------------------------------------------------------------------------
    def _purpose(self, clause: Token | None) -> Span | None:
        if clause is None:
            return None
        own = [t for t in _own_tokens(clause) if t.dep_ != "punct"]
        return self.reading.span(min(t.i for t in own), max(t.i for t in own) + 1)

    def _aimed_at(self, head: Token, verb: Token, purpose: Token | None,
                  source: list[Actor]) -> list[Actor]:
        """Who an act with no one named as acted on is aimed at, from the clause that says
        what it is for: an infinitive or a participle ("demanding the removal of X"), or
        "in protest of/against X". The nearest actor in it that is not the doer."""
        clauses = [purpose] if purpose is not None else []
        # "used tear gas [to disperse] demonstrators": what a thing is used for, when that
        # is itself harm ("used drones to monitor refugees" is not aimed at the refugees)
        clauses += [c for c in verb.children if c.dep_ == "xcomp" and c.i != head.i
                    and any(a.lower_ == "to" for a in c.children)
                    and any(o.dep_ == "dobj" and o.i < c.i for o in verb.children)
                    and (harm := self.lex.match(self.lex.verb_lemma(c), self._objects(c))) is not None
                    and harm.event_type in CONFLICTUAL]
        for token in (verb, head, *(c for c in verb.children if c.dep_ == "dobj")):
            clauses += [c for c in token.children if c.dep_ in {"advcl", "acl"} and c.tag_ == "VBG"
                        and self._claims_of(c)]
            clauses += [g for p in prep_objects(token, {"in"}) if p.lemma_.lower() == "protest"
                        for g in p.children if g.dep_ == "prep" and g.lower_ in {"of", "against", "at"}]
        doers = {(a.start, a.end) for a in source}
        if verb.dep_ == "xcomp" and verb.head.i != head.i:  # "summoned [X] to complain"
            found = [a for o in verb.head.children if o.dep_ == "dobj" for a in self.reading.actors(o)
                     if (a.start, a.end) not in doers]
            if found:
                return _unique(found)
        for clause in clauses:
            queue = [clause]
            while queue:  # breadth first: the clause's own objects before what they qualify
                token = queue.pop(0)
                found = [a for a in self.reading.actors(token) if (a.start, a.end) not in doers]
                if found and token.i != clause.i:
                    return _unique(found)
                queue += [c for c in token.children if c.dep_ not in {"nsubj", "nsubjpass", "punct"}]
        return []

    def _own_country(self, head: Token, source: list[Actor]) -> list[Actor]:
        """A protest or concession with no one and no place named is aimed at the doer's own
        government: "[Kenyan] demonstrators rioted". Not for a state's own organs, people
        abroad ("Afghan refugees protested"), or where the sentence names another country
        ("outside the Russian embassy"); the target quotes the word that names the country."""
        if len(source) != 1 or source[0].sector in {"government", "military", "police"}:
            return []
        doer = source[0]
        words = self.tokens_in(doer.start, doer.end)
        if (doer.country in {None, "IGO"} or self.reading.sentence_countries(head) - {doer.country}
                or any(t.lemma_.lower() in self.lex.cue("abroad") for t in words)):
            return []
        for token in words:  # the entity, or a word inside one: "the [Nigerian] Union of Teachers"
            ent = self.reading.ent_at.get(token.i)
            start, end = (ent.start, ent.end) if ent is not None else (token.i, token.i + 1)
            match = self.reading.country(ent) if ent is not None else None
            if (match is None or match.iso3 != doer.country) and token.is_title:
                start, end, match = token.i, token.i + 1, self.reading.r.countries.match(token.text)
            if match is not None and match.iso3 == doer.country:
                span = self.reading.span(max(start, words[0].i), min(end, words[-1].i + 1))
                return [Actor(span.text, span.start, span.end, match.name, None, match.iso3, "government")]
        return []

    def _conditioned(self, head: Token, verb: Token, source: list[Actor]) -> list[Actor]:
        """Who a threat is made to: the one its condition asks to act ("... unless [Baghdad]
        accepted its conditions", "if [Kyiv] does not withdraw"); not the threatener ("if
        it was attacked")."""
        spans, countries = {(a.start, a.end) for a in source}, {a.country for a in source if a.country}
        return _unique([a for token in (head, verb) for clause in token.children
                        if clause.dep_ == "advcl" and any(
                            m.dep_ == "mark" and m.lower_ in {"unless", "if"} for m in clause.children)
                        for c in clause.children if c.dep_ == "nsubj"
                        for a in self.reading.actors(c)
                        if (a.start, a.end) not in spans and a.country not in countries])

    def _claims_of(self, verb: Token) -> bool:
        """Whether a participle presses a claim on someone: "demanding", "calling for",
        "protesting" (not "citing", "joining", "following")."""
        found = self.lex.match(self.lex.verb_lemma(verb), self._objects(verb))
        return found is not None and found.event_type in {"DEMAND", "PROTEST", "DISAPPROVE"}


def _purpose_clause(head: Token, verb: Token) -> Token | None:
    """The verb of an infinitive purpose clause: "met ... [to finalize] the agreement",
    "began a strike [to protest] ..."."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for token in (verb, head, *objects):
        for child in token.children:
            if child.dep_ in {"advcl", "relcl", "acl"} and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                return child
    return None


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
                               target=tuple(_unique([*act.target, *harm.target])),
                               quantities=tuple(quantities))


def _obligation_clause(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in clause.children)


def _by_pronoun(verb: Token) -> bool:
    """Whether the verb's subject or object is a personal pronoun: "[it] turns to X"."""
    return any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.tag_ == "PRP" for c in verb.children)


def _clause_hung_on_its_subject(verb: Token) -> bool:
    """A clause the parser hung on its subject as a modifier: after a conjunction it took
    for a preposition ("after [one device] detonated"), or as the sentence's root when the
    verb has an object, which no participle modifying a noun can have ("[Iraqi forces]
    seized on Thursday a cache of arms")."""
    if verb.dep_ != "acl":
        return False
    if verb.tag_ == "VBD" and verb.head.dep_ == "pobj":
        return verb.head.head.lower_ in {"after", "before", "since", "until", "as", "when"}
    return verb.head.dep_ == "ROOT" and any(c.dep_ == "dobj" for c in verb.children)


def _reduced_relative(clause: Token) -> bool:
    """ "[ammunition] believed to belong to X": a belief verb with an infinitive, no "that"."""
    return (clause.lemma_.lower() in {"believe", "think", "suspect", "say", "report", "allege", "know"}
            and not any(c.dep_ == "mark" for c in clause.children)
            and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in clause.children))


def _attribution_not_place(token: Token) -> bool:
    """A name inside "according to ..." that is not where the teller is: "according to [the
    US] government" says who told ("according to witnesses in Cairo" says where)."""
    inside = any(a.dep_ == "prep" and a.lower_ == "according" for a in token.ancestors)
    return inside and not (token.dep_ == "pobj" and token.head.lower_ in {"in", "at"})


def _participle(verb: Token) -> bool:
    """A past participle modifying a noun: "[shells] fired at the town" (not a clause the
    parser hung on its subject: "[forces] seized on Thursday a cache of arms")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not _clause_hung_on_its_subject(verb)


def _hosted(source: list[Actor], target: list[Actor], place: Place | None) -> bool:
    """Whether the act happened in the target's country, not the source's (a visit)."""
    return bool(place is not None and source and target
                and place.country == target[0].country != source[0].country)


def _conditional(*verbs: Token) -> bool:
    """Whether an "if"/"unless" clause hangs from the act."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"}
                                         for m in c.children)
               for verb in verbs for c in verb.children)


def _finest(places: list[Place | None]) -> Place | None:
    """The most precise place named (a city over its region over its country); first on ties."""
    found = [place for place in places if place is not None]
    return max(found, key=lambda place: PRECISION_RANK[place.precision], default=None)


def _noun_chain(noun: Token) -> list[Token]:
    """A noun and the nouns it qualifies: "Russia" in "the Kursk region in Russia" -> region too."""
    chain = [noun]
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head.head
        chain.append(noun)
    return chain


def _own_tokens(root: Token) -> list[Token]:
    """The clause of ``root`` without its subordinate clauses (they are events of their own)."""
    found, stack = [], [root]
    while stack:
        token = stack.pop()
        found.append(token)
        for child in token.children:
            if child.dep_ in CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}):
                continue
            stack.append(child)
    return found


def _lemma_forms(token: Token) -> list[str]:
    """Lemma and a plain singular: title-case headlines leave "Workers" unlemmatised."""
    lemma = token.lemma_.lower()
    return [lemma, lemma[:-1]] if lemma.endswith("s") else [lemma]


def _theme_forms(noun: Token) -> set[str]:
    """Lemma forms of an object, its "of" noun and its noun modifiers: "thousands of [workers]",
    "a [mediation] effort"."""
    nouns = [noun, *of_objects(noun)]
    modifiers = [(c, n) for n in nouns for c in n.children if c.dep_ == "compound"]
    hyphened = {f"{c.lower_}-{n.lemma_.lower()}" for c, n in modifiers  # "sit-ins"
                if c.i + 2 == n.i and c.nbor().text == "-"}
    return {form for n in nouns + [c for c, _ in modifiers] for form in _lemma_forms(n)} | hyphened


def _unique(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for actor in actors:  # one span may be two actors: "French and Egyptian warships"
        if (actor.start, actor.end, actor.country) not in seen:
            seen.add((actor.start, actor.end, actor.country))
            out.append(actor)
    return out


__all__ = ["PLACE_TARGETED", "RECEIVING", "SentenceEvents"]
