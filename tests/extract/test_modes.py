"""PLOVER modes and contexts from cue words: the manual's names only, read from real parses."""

from __future__ import annotations

import tomllib
from collections import Counter
from importlib import resources

import pytest

from wirewatch.extract import modes
from wirewatch.extract.lexicon import Lexicon
from wirewatch.extract.modes import PLOVER_CONTEXTS, PLOVER_MODES, event_contexts, event_mode
from wirewatch.model import EVENT_TYPES

LEX = Lexicon.load()


@pytest.fixture(scope="module")
def parse():
    from wirewatch.nlp import load_nlp
    from wirewatch.settings import Settings

    nlp = load_nlp(Settings().model)
    return lambda text: nlp(text)


CLAUSES = {"ccomp", "advcl", "relcl", "parataxis"}


def own_clause(doc):
    """The root's clause without its complement and subordinate clauses (as events.py reads it)."""
    root = next(token for token in doc if token.dep_ == "ROOT")
    found, stack = [], [root]
    while stack:
        token = stack.pop()
        found.append(token)
        stack += [c for c in token.children if c.dep_ not in CLAUSES]
    return found


# -- the lexicon names only the manual's modes and contexts ------------------------------
def test_every_type_has_its_manual_modes_listed():
    assert set(PLOVER_MODES) == set(EVENT_TYPES)


def test_every_mode_the_lexicon_can_give_is_the_manuals_for_that_type():
    for event_type in EVENT_TYPES:
        cued = set(modes.cue_table(LEX, event_type).values())
        assert cued <= PLOVER_MODES[event_type], (event_type, cued - PLOVER_MODES[event_type])
    for trigger in LEX.triggers:
        assert trigger.mode is None or trigger.mode in PLOVER_MODES[trigger.event_type], trigger
    assert set(LEX.modes) <= set(EVENT_TYPES)


def test_every_mode_the_rules_can_give_is_the_manuals_for_that_type():
    threats = PLOVER_MODES["THREATEN"]
    assert set(modes.THREAT_BY_TYPE.values()) | set(modes.THREAT_BY_MODE.values()) <= threats
    assert all(overrides <= threats for overrides in modes.THREAT_OVERRIDES.values())
    for (event_type, mode), narrower in modes.NARROWER.items():
        assert {mode} | narrower <= PLOVER_MODES[event_type]
    for event_type, tiers in modes.RANKS.items():
        assert all(tier <= PLOVER_MODES[event_type] for tier in tiers)


def test_contexts_are_the_manuals_37_and_each_has_cues():
    assert len(PLOVER_CONTEXTS) == 37
    assert set(LEX.contexts.values()) == PLOVER_CONTEXTS


def test_no_cue_is_listed_twice_in_one_table():
    """A repeated cue would silently take the last table's value."""
    text = (resources.files("wirewatch") / "data" / "lexicon.toml").read_text("utf-8")
    data = tomllib.loads(text)
    tables = [*data["modes"].values(), data["contexts"]]
    for table in tables:
        counts = Counter(cue for cues in table.values() for cue in cues)
        assert [cue for cue, n in counts.items() if n > 1] == []


# -- modes -------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("event_type, sentence, mode", [
    ("ASSAULT", "Police fired tear gas at protesters in Nairobi.", "crowd-control"),
    ("ASSAULT", "Police fired tear-gas and rubber bullets at students.", "crowd-control"),
    ("ASSAULT", "Syrian jets dropped chlorine bombs on Douma.", "unconventional"),
    ("ASSAULT", "Gunmen abducted 20 students from a school in Kaduna.", "abduct"),
    ("ASSAULT", "A drone struck a convoy near the border.", "drone"),
    ("ASSAULT", "Warplanes bombed the market on Sunday.", "aerial"),
    ("ASSAULT", "A suicide bomber blew himself up at a checkpoint.", "suicide-attack"),
    ("ASSAULT", "Militants stabbed two villagers with machetes.", "primitive"),
    ("ASSAULT", "A roadside bomb killed three soldiers.", "explosives"),
    ("ASSAULT", "Russian missiles hit the nuclear power plant.", "heavy-weapons"),
    ("FIGHT", "Troops clashed with rebels, using artillery and mortars.", "heavy-weapons"),
    ("FIGHT", "Soldiers and insurgents exchanged gunfire for hours.", "firearms"),
    ("PROTEST", "Prisoners went on a hunger strike.", "hunger"),
    ("PROTEST", "Thousands of workers went on strike in Lagos.", "strike"),
    ("PROTEST", "Students held a rally outside parliament.", "demo"),
    ("PROTEST", "Rioters set ablaze several cars in the capital.", "riot"),
    ("PROTEST", "Farmers called for a boycott of the supermarkets.", "boycott"),
    ("SANCTION", "A court convicted the former minister of fraud.", "convict"),
    ("SANCTION", "Moscow expelled ten British diplomats.", "expel"),
    ("MOBILIZE", "The government mobilized riot police in the capital.", "police"),
    ("MOBILIZE", "Hezbollah mobilized fighters near the border.", "militia"),
    ("MOBILIZE", "Russia deployed troops and tanks to the border.", "troops"),
    ("COERCE", "Police arrested two hackers in Kyiv.", "arrest"),
    ("COERCE", "Authorities deported hundreds of migrants.", "deport"),
    ("COERCE", "Security forces raided the newspaper's offices.", "seize"),
    ("RETREAT", "The prime minister resigned on Friday.", "resign"),
    ("RETREAT", "Rebels released twelve hostages.", "release"),
    ("RETREAT", "Both sides observed a ceasefire along the front.", "ceasefire"),
    ("DEMAND", "The opposition called for talks with the government.", "meet"),
    ("DEMAND", "Kyiv asked its allies for more military aid.", "assist"),
    ("REJECT", "Russia refused to meet the Ukrainian delegation.", "meet"),
    ("REJECT", "The government rejected calls to lift the blockade.", "yield"),
    ("DISAPPROVE", "France condemned the attack on the embassy.", "disapprove"),
    ("DISAPPROVE", "Ukraine accused Russia of war crimes.", "allege"),
    ("CONSULT", "Putin phoned Erdogan on Monday.", "phone"),
    ("CONSULT", "Blinken met Wang on the sidelines of the NATO summit.", "multilateral"),
    ("CONSULT", "The two sides met in talks mediated by Qatar.", "third-party"),
])
def test_mode_from_cues(parse, event_type, sentence, mode):
    assert event_mode(LEX, event_type, None, event_type, list(parse(sentence))) == mode


@pytest.mark.slow
def test_a_longer_cue_beats_the_shorter_one_inside_it(parse):
    strike = parse("Prisoners went on a hunger strike.")
    found = modes.find_cues(modes.cue_table(LEX, "PROTEST"), list(strike))
    assert [cue.value for cue in found] == ["hunger"]


@pytest.mark.slow
def test_the_triggers_own_mode_wins_unless_a_cue_narrows_it(parse):
    curfew = list(parse("The army imposed a curfew in the capital."))
    assert event_mode(LEX, "COERCE", "restrict", "COERCE", curfew) == "curfew"
    blockade = list(parse("The army imposed a blockade on the city."))
    assert event_mode(LEX, "COERCE", "restrict", "COERCE", blockade) == "restrict"
    emergency = list(parse("The government declared a state of emergency."))
    assert event_mode(LEX, "COERCE", "restrict", "COERCE", emergency) == "martial-law"
    forces = list(parse("The government deployed security forces to the capital."))
    assert event_mode(LEX, "MOBILIZE", "troops", "MOBILIZE", forces) == "police"
    # coded as another type than its trigger's, the event reads the cues of its own type
    assert event_mode(LEX, "AGREE", "troops", "MOBILIZE", forces) is None


@pytest.mark.slow
def test_consult_on_the_hosts_ground_is_a_visit_when_nothing_else_is_cued(parse):
    met = list(parse("Shoigu met Kim in Pyongyang on Thursday."))
    assert event_mode(LEX, "CONSULT", None, "CONSULT", met, hosted=True) == "visit"
    assert event_mode(LEX, "CONSULT", None, "CONSULT", met) is None
    phoned = list(parse("Putin phoned Erdogan on Monday."))
    assert event_mode(LEX, "CONSULT", None, "CONSULT", phoned, hosted=True) == "phone"


@pytest.mark.slow
def test_the_demanded_clause_gives_the_demands_mode(parse):
    doc = parse("Protesters demanded that the prime minister step down.")
    assert event_mode(LEX, "DEMAND", None, "DEMAND", own_clause(doc)) == "change"


@pytest.mark.slow
@pytest.mark.parametrize("sentence, inner_type, trigger_mode, mode", [
    ("Iran threatened to attack Israel.", "ASSAULT", None, "violence"),
    ("Iran threatened to launch a new military offensive.", "ASSAULT", None, "violence"),
    ("The president threatened to impose a curfew in Algiers.", "COERCE", "restrict", "curfew"),
    ("The government threatened to impose martial law.", "COERCE", "restrict", "martial-law"),
    ("The president threatened to ban opposition candidates.", "COERCE", None, "restrict"),
    ("Police threatened to arrest the strikers.", "COERCE", None, "arrest"),
    ("The ministry threatened to deport the journalists.", "COERCE", None, "expel"),
    ("The EU threatened to impose sanctions on Iran.", "SANCTION", "discontinue", "relations"),
    ("The party said it will boycott the elections unless the president steps down.",
     "SANCTION", None, "restrict"),
    ("Moscow threatened to expel the ambassador.", "SANCTION", None, "expel"),
    ("Unions threatened to strike next week.", "PROTEST", None, "restrict"),
    ("China threatened to seize control of the island.", "COERCE", None, "territory"),
    ("Beijing threatened to cut ties with Lithuania.", None, None, "relations"),
])
def test_threat_mode_is_what_is_threatened(parse, sentence, inner_type, trigger_mode, mode):
    tokens = list(parse(sentence))
    trigger_type = inner_type or "THREATEN"
    found = event_mode(LEX, "THREATEN", trigger_mode, trigger_type, tokens, inner_type=inner_type)
    assert found == mode


@pytest.mark.slow
def test_nothing_cued_is_no_mode(parse):
    attacked = list(parse("They attacked the town."))
    assert event_mode(LEX, "ASSAULT", None, "ASSAULT", attacked) is None
    assert event_mode(LEX, "AID", None, "AID", list(parse("Japan sent food aid to Sudan."))) is None


# -- contexts ----------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("sentence, expected", [
    ("The group criticized human rights abuses in the region.", {"human_rights"}),
    ("Thousands of refugees crossed into Poland.", {"migration"}),
    ("Police fired tear gas at protesters in Nairobi.", {"repression"}),
    ("The air force bombed rebel positions.", {"military"}),
    ("The king declared martial law after the coup.", {"political_institutions", "pro_autocracy"}),
    ("Russian missiles hit the nuclear power plant.", {"military", "technology"}),
    ("Iran expanded uranium enrichment at Fordow.", {"cbrn"}),
    ("Syrian jets dropped chlorine bombs on Douma.", {"cbrn"}),
    ("Women's rights groups protested against corruption.", {"gender", "corruption"}),
    ("Police seized cocaine from traffickers at the port.", {"illegal_drugs", "trafficking"}),
    ("Police arrested two drug traffickers.", {"illegal_drugs"}),
    ("The ransomware attack hit hospitals across the country.", {"cyber", "health"}),
    ("The earthquake left thousands homeless.", {"disasters", "human_security"}),
    ("The EU imposed new sanctions on Russian oil.", {"economic", "natural_resource"}),
    ("The ambassador was summoned over the election.", {"diplomatic", "election"}),
    ("Ecuador granted asylum to the journalist.", {"asylum"}),
    # accidents and spills are disasters too (the manual's "natural and accidents/spills")
    ("A chemical leak at the plant forced residents to flee.", {"disasters"}),
    ("Gunmen demanded a ransom for the engineers.", {"crime"}),
])
def test_contexts_from_cues(parse, sentence, expected):
    found = event_contexts(LEX, parse(sentence))
    assert set(found) == expected and list(found) == sorted(found)


def test_a_noun_listed_under_two_types_is_refused():
    from wirewatch.extract.lexicon import Lexicon
    data = {"trigger": [], "contexts": {}, "cues": {}, "sectors": {},
            "nouns": {"ASSAULT": ["raid"], "COERCE": ["raid"]}}
    with pytest.raises(ValueError, match="'raid' is listed under both ASSAULT and COERCE"):
        Lexicon.from_toml(data)
