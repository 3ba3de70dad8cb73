"""Roles: who does an act (the source) and who it is done to (the target), read from the
parse around its verb: subjects and passive agents, objects and the prepositions that name a
target, the owner or author of a thing acted on, the doers an attack noun names, and the one
told to act ("urged [X] to withdraw")."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract import attribution, modes
from wirewatch.extract.clauses import (
    hung_on_its_subject,
    hung_subject,
    lemma_forms,
    participle,
    theme_forms,
    unique,
)
from wirewatch.extract.kinds import ARMED_SECTORS, RECEIVING, THEME_TYPES, VIOLENT
from wirewatch.extract.lexicon import Trigger
from wirewatch.extract.reading import ArticleReading, conjuncts, of_objects, pobjects, prep_objects
from wirewatch.model import Actor

TARGET_PREPS = {"against", "with", "on", "upon", "to", "between"}
OBJECT_TARGET_PREPS = {"on", "against", "upon", "to", "for", "between", "from", "with", "at", "among"}
"""Preps of the acted-on noun that name the target: "imposed sanctions [on Iran]", "fired
rockets [at X]"; and "into" for an investigation ("opened an inquiry [into X]")."""
ACTIVE_PASSIVES = {"engage", "involve"}
"""Passive forms whose subject is the doer: "Serb forces [were engaged] in ethnic cleansing"."""
DECIDED = {"decision", "move", "choice"}
"""Nouns whose infinitive tells an act their possessor chose to do: "[X]'s decision to" (not an
attempt, bid or order, which may have failed or not been carried out)."""
VICTIMS = {"victim", "target", "casualty", "hostage", "bystander", "witness", "survivor"}
PARTAKING = ACTIVE_PASSIVES | {"participate", "take", "join"}
"""Verbs whose subject takes part in the act a noun after "in" names."""
MOVED = {"MOBILIZE", "AID", "RETREAT"}
"""Acts that move people: the people sent or withdrawn ("sent CIA [operatives] to Libya",
"will withdraw its [troops] from Gaza") are what is moved, never the target; those released
are ("released 30 [rebels]")."""


class Roles:
    """The source and target of the acts told in one sentence."""

    def __init__(self, reading: ArticleReading, sentence: SpacySpan) -> None:
        self.reading, self.sentence = reading, sentence
        self.lex = reading.r.lexicon
        self._starts: list[int] | None = None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The sentence's tokens that start inside the article characters ``[start, end)``."""
        if self._starts is None:
            self._starts = [self.reading.offset(t) for t in self.sentence]
        return [t for t, at in zip(self.sentence, self._starts, strict=True) if start <= at < end]

    def source(self, verb: Token, depth: int = 0) -> list[Actor] | None:
        """Actors doing the act; None when the doer is an abstraction (commentary)."""
        charge = attribution.answering(self.lex, verb)
        raiser = attribution.raised(self.lex, verb)
        if raiser is not None and charge is None and (agents := self.agents(verb)):
            return agents  # "the attack is believed to have been carried out by [ETA]"
        if charge is not None or raiser is not None:
            # "[Russia] is accused of supplying", "[Israel] is believed to have carried out"
            doers = [charge[0]] if charge else [c for c in raiser.children  # type: ignore[union-attr]
                                                 if c.dep_ == "nsubjpass"]
            return [a for d in doers for a in self.reading.actors(d)] or None
        for child in verb.children:
            if child.dep_ in {"nsubj", "csubj"}:
                if child.i in self.reading.dateline:
                    # "MANILA, Philippines -- [President Duterte] ...": the words hung on the
                    # dateline, else the verb's other subject
                    child = self.reading.past_dateline(child)  # type: ignore[assignment]
                    if child is None:
                        continue
                # a misparsed reduced relative makes its verb the subject: "[the Red Cross]
                # operating in Iraq said ..."
                doers = [child, *(c for c in child.children if c.dep_ == "nsubj" and child.pos_ == "VERB")]
                found = [a for d in doers for a in self.reading.actors(d)]
                if not found and self.violent_noun(child):
                    found = self.noun_doers(child)  # "an [Israeli] airstrike killed ..."
                return found or None
            if child.dep_ == "agent":
                return self.agents(verb)
            if child.dep_ == "nsubjpass" and verb.lemma_.lower() in ACTIVE_PASSIVES:
                return self.reading.actors(child) or None
        in_attack = [a for g in prep_objects(verb, {"in", "during"}) if self.violent_noun(g)
                     for a in self.noun_doers(g)]
        if in_attack:
            return in_attack  # "were killed in an [Israeli] airstrike", "in a battle between [X and Y]"
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and self.violent(verb) and not self.violent(verb.head):
            return []  # "police are hunting a man who left a device ..., wounding 13": not the police
        if verb.dep_ == "xcomp":
            # "forced [the rebels] to withdraw", "called on [X] to investigate": the one told
            # to act is its doer, not the one who told it
            controllers = self.told(verb.head)
            if controllers:
                return controllers
        if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
                c.dep_ in {"aux", "nsubj", "nsubjpass"} for c in verb.children):
            return []  # "[Asked] to point him out, Elliott gestured": Elliott was asked
        if verb.dep_ in {"xcomp", "conj", "advcl", "acomp"} and depth < 3 and verb.head.i != verb.i:
            return self.source(verb.head, depth + 1)
        if verb.dep_ == "relcl" or hung_on_its_subject(verb):
            return self.reading.actors(hung_subject(verb)) or None
        if (verb.dep_ == "acl" and verb.head.lemma_.lower() in DECIDED
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
            # "[the IRA]'s decision to carry out the attacks": whose decision or bid (not whose
            # plan, refusal or failure: those tell no act done)
            return [a for c in verb.head.children if c.dep_ == "poss" for a in self.reading.actors(c)]
        return []

    def agents(self, verb: Token) -> list[Actor]:
        """The actors of a passive's "by" phrase: "carried out [by ETA]"."""
        return [a for c in verb.children if c.dep_ == "agent"
                for p in c.children if p.dep_ == "pobj" for a in self.reading.actors(p)]

    def partaking(self, noun: Token) -> Token | None:
        """The verb by which the clause makes its subject take part in or carry out the act a
        noun names: "[34 people] are involved in the assassination attempt", "[X] took part in
        the attack", "[X] carried out the attacks", "[teachers] went on strike" (its ``source``
        is the doer); None when there is none, or the taking part is denied or suffered."""
        if noun.dep_ == "compound":
            noun = noun.head  # "the assassination [attempt]"
        verb = None
        if noun.dep_ == "pobj" and noun.head.lower_ == "in":
            verb = noun.head.head
            if verb.lower_ == "part" and verb.dep_ == "dobj":
                verb = verb.head  # "took part in"
            if verb.lemma_.lower() not in PARTAKING:
                verb = None
        elif noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lex.cue("carrying_out"):
            verb = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.lemma_.lower() == "go":
            verb = noun.head.head  # "[teachers] went on strike"
        return None if verb is None or self._disowned(verb) else verb

    def _disowned(self, verb: Token) -> bool:
        """Taking part denied or negated ("was not involved in", "denied that its troops took
        part in"), or as one acted on ("were involved in the attack as victims")."""
        lemmas = self.lex.cue("denial") | self.lex.cue("negation_verbs")
        as_victims = any(c.dep_ == "prep" and c.lower_ == "as" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in VICTIMS for g in c.children) for c in verb.subtree)
        return (as_victims or any(c.dep_ == "neg" for c in verb.children)
                or (verb.dep_ in {"ccomp", "xcomp"} and verb.head.lemma_.lower() in lemmas))

    def told(self, verb: Token) -> list[Actor]:
        """Who a verb tells to act, when its complement is theirs to do: "urged [Israel] to",
        "forced [the rebels] to" (``telling``), "called on [X] to", "relied on [X]'s office
        to" (``relying``); not "summoned X to complain" or "counted on US support to strike"
        (a thing is not told anything)."""
        lemma = verb.lemma_.lower()
        told = [c for c in verb.children if c.dep_ == "dobj" and lemma in self.lex.cue("telling")]
        if lemma in self.lex.cue("relying"):
            told += prep_objects(verb, {"on", "upon"})
        found = []
        for noun in told:
            owners = [p for p in noun.children if p.dep_ == "poss" and p.tag_ != "PRP$"]
            if noun.ent_type_ or self.reading.sector(noun):
                found += self.reading.actors(noun)
            elif owners:
                found += [a for p in owners for a in self.reading.actors(p)]  # "[X]'s office"
        return found

    def targets(self, verb: Token, trigger: Trigger) -> list[Actor]:
        targets: list[Actor] = []
        for child in verb.children:
            if child.dep_ == "nsubjpass" and verb.lemma_.lower() in ACTIVE_PASSIVES:
                continue  # the doer
            if child.dep_ in {"nsubjpass", "dative"}:
                # "a camp for [refugees] was attacked", "the home of [a journalist] was shelled",
                # "granted asylum to [X]" (a dative "to" stands for its object)
                for noun in pobjects(child) if child.pos_ == "ADP" else [child]:
                    targets += (self.reading.actors(noun) or self.owner(noun, named=True)
                                or [a for g in prep_objects(noun, {"for"}) for a in self.reading.actors(g)])
            elif child.dep_ == "dobj" and not (theme_forms(child) & trigger.objects and (
                    trigger.event_type in THEME_TYPES or not self.reading.actors(child))) and not (
                    trigger.event_type in MOVED and trigger.mode != "release"
                    and any(f in self.lex.sectors for f in lemma_forms(child))):
                # "threatened [action] against Russia": a thing done names its target too
                targets += (self.reading.actors(child) or self.owner(child)
                            or self.object_targets(child, trigger))
            elif child.dep_ == "dobj":
                # the thing done names its target, or its owner is it: "summoned [Niger]'s
                # ambassador", "denounced [Serbia]'s suppression" (not "sent its aid")
                targets += self.object_targets(child, trigger) or self.owner(child, named=True)
            elif child.dep_ == "ccomp" and trigger.event_type in {"DEMAND", "REJECT", "DISAPPROVE"}:
                targets += [a for c in child.children if c.dep_ == "nsubj"
                            for a in self.reading.actors(c)]  # "demanded that X ..."
            elif (child.dep_ == "prep" and child.lower_ in {"over", "about"}
                  and trigger.event_type == "DISAPPROVE"):
                # "complained to the UN [over Israeli raids]": the grievance's author is the
                # target, before the one complained to
                targets[:0] = [a for g in child.children if g.dep_ == "pobj"
                               for a in self.reading.actors(g) or self.owner(g, named=True)]
            elif child.dep_ == "prep" and child.lower_ == "for":
                # "called for [sanctions] against Nigeria": what is asked for names its target
                targets += [a for g in child.children if g.dep_ == "pobj" and not self.reading.actors(g)
                            for a in self.object_targets(g, trigger)]
            elif child.dep_ == "prep" and child.lower_ == "as":
                # "denounced as a crime [Serbia]'s suppression": the object moved after "as X"
                targets += [a for g in pobjects(child) for o in g.children if o.dep_ == "appos"
                            for a in self.reading.actors(o) or self.owner(o, named=True)]
            elif child.dep_ == "prt" and child.lower_ == "up":
                # "kidnapped up to 16 [advisers]": the parser hangs the object on "up to"
                targets += [a for g in prep_objects(child, {"to"}) for a in self.reading.actors(g)]
            elif child.dep_ == "prep" and (child.lower_ in TARGET_PREPS or (
                    child.lower_ == "into" and trigger.event_type == "INVESTIGATE")):
                for pobj in pobjects(child):
                    if child.lower_ in {"to", "into"} and self.reading.is_place_use(pobj) and not self.is_country(pobj):
                        continue
                    # "set fire to the offices [of X]": whose thing is hit
                    targets += self.reading.actors(pobj) or self.owner(pobj, named=True)
        return unique(targets)

    def object_targets(self, noun: Token, trigger: Trigger) -> list[Actor]:
        """Who the thing done is aimed at: "sanctions [on Iran]", "an offer [from Kabul]"."""
        preps = OBJECT_TARGET_PREPS - {"from"} if trigger.event_type in RECEIVING else OBJECT_TARGET_PREPS
        if trigger.event_type == "INVESTIGATE":
            preps = preps | {"into"}
        nouns = [noun, *conjuncts(noun)]  # "artillery and rocket fire [against X]"
        nouns += [o for n in list(nouns) for o in of_objects(n)]  # "a series of measures [against X]"
        return [a for n in nouns for g in prep_objects(n, preps)
                for a in self.reading.actors(g) or self.owner(g, named=True)]

    def owner(self, noun: Token, named: bool = False) -> list[Actor]:
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
                   and c.lemma_.lower() in self.lex.cue("authoring")  # not "brokered by [Egypt]"
                   for g in prep_objects(c, {"by"}) for a in self.reading.actors(g)]
        named_in = [a for c in noun.lefts if c.dep_ in {"compound", "amod", "nmod"}
                    and (c.ent_type_ in {"ORG", "NORP", "PERSON"} or self.is_country(c))
                    for a in self.reading.actors(c)]
        return authors or named_in

    def noun_doers(self, noun: Token) -> list[Actor]:
        """Who did the act a noun names: "[Russia]'s attack", "an [Israeli] airstrike", "an
        attack by [X]", "a battle between [X] and [Y]"."""
        by = [a for c in noun.children if c.dep_ == "poss" for a in self.reading.actors(c)]
        # a people's adjective or an armed force names the doer ("an [Israeli] airstrike", "a
        # [Taliban] truck bombing", "a U.S. [military] airstrike"); another name is often the
        # place or the target ("the Oklahoma City bombing", "the Rolando bombing")
        by += [a for c in noun.lefts if c.dep_ in {"amod", "compound"} for a in self.reading.actors(c)
               if c.ent_type_ == "NORP" or a.sector in ARMED_SECTORS]
        by += [a for g in prep_objects(noun, {"by", "between"}) for a in self.reading.actors(g)]
        return unique(by)

    def is_country(self, token: Token) -> bool:
        ent = self.reading.ent_at.get(token.i)
        match = self.reading.country(ent) if ent is not None else None
        return match is not None and match.kind in {"name", "alias"}

    def trigger(self, verb: Token) -> Trigger | None:
        """The lexicon entry the verb, with what it acts on, matches ("send" + troops)."""
        return self.lex.match(self.lex.verb_lemma(verb), self.objects(verb))

    def objects(self, verb: Token) -> set[str]:
        """Lemmas of what the verb acts on: "dispatching thousands of [workers]", "[shells]
        fired at the town"; its prepositions as ``prep:on``, its subject's lemmas as
        ``subj:protester``, and ``person`` when it acts on people (an agent noun of the
        sectors table or a named person or group): "beat [vigilantes]", "released [rebels]"."""
        nouns = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "attr"}]
        # "discovered [ammunition] believed to belong to X": the parser made the object the
        # subject of the reduced relative after it
        nouns += [c for clause in verb.children if clause.dep_ == "ccomp" and _reduced_relative(clause)
                  for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if participle(verb):
            nouns.append(verb.head)  # "[shells] fired at the town"
        raiser = attribution.raised(self.lex, verb)
        if raiser is not None and any(c.dep_ == "auxpass" for c in verb.children):
            # "[the attack] is believed to have been carried out by X"
            nouns += [c for c in raiser.children if c.dep_ == "nsubjpass"]
        nouns += [g for n in list(nouns) for g in n.children if g.dep_ == "conj"]
        preps = {f"prep:{c.lower_}" for c in verb.children if c.dep_ == "prep"}
        # who acts, for verbs that are an event only by their doer: "[demonstrators] gathered"
        doers = {f"subj:{form}" for c in verb.children if c.dep_ == "nsubj"
                 for form in theme_forms(c)}
        people = {"person"} if any(self.is_person(n) for n in nouns) else set()
        return {form for noun in nouns for form in theme_forms(noun)} | preps | doers | people

    def is_person(self, noun: Token) -> bool:
        return noun.ent_type_ in {"PERSON", "NORP"} or any(
            form in self.lex.sectors for n in (noun, *of_objects(noun)) for form in lemma_forms(n))

    def violent(self, verb: Token) -> bool:
        found = self.trigger(verb)
        return found is not None and found.event_type in VIOLENT

    def violent_noun(self, noun: Token) -> bool:
        """Whether a noun names violence: "attack", "airstrike", a "missile [strike]"."""
        found = self.lex.noun(noun.lemma_.lower())
        return noun.pos_ == "NOUN" and found is not None and (
            found.event_type in VIOLENT or found.event_type == "PROTEST" and self.armed(noun))

    def armed(self, noun: Token) -> bool:
        """Whether a noun's modifiers name a weapon ("drone strike", "air strike")."""
        weapons = modes.cue_table(self.lex, "ASSAULT")
        return any(c.dep_ in {"compound", "amod", "nmod"} and (c.lemma_.lower() in weapons
                                                               or c.lower_ == "air")
                   for c in noun.children)


def _reduced_relative(clause: Token) -> bool:
    """ "[ammunition] believed to belong to X": a belief verb with an infinitive, no "that"."""
    return (clause.lemma_.lower() in {"believe", "think", "suspect", "say", "report", "allege", "know"}
            and not any(c.dep_ == "mark" for c in clause.children)
            and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in clause.children))


__all__ = ["Roles"]
