"""Event coding rules on single sentences: general constructions, not the example's wording."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow
FILLER = " The report was published in English."


def events(code_text, sentence: str):
    return code_text(sentence + FILLER).events


def only(code_text, sentence: str):
    found = events(code_text, sentence)
    assert len(found) == 1, [(e.event_type, e.trigger.text) for e in found]
    return found[0]


@pytest.mark.parametrize("sentence, factuality", [
    ("Russian troops attacked Kharkiv on Monday.", "asserted"),
    ("Russia did not attack Ukraine on Monday.", "negated"),
    ("Russia may attack Ukraine next week.", "hypothetical"),
    ("If talks fail, Russia could attack Ukraine.", "hypothetical"),
    ("North Korea will send troops to Russia.", "planned"),
    ("Russian officials said Ukrainian forces attacked the bridge.", "reported"),
])
def test_factuality(code_text, sentence, factuality):
    assert only(code_text, sentence).factuality == factuality


def test_passive_voice_agent_is_the_source(code_text):
    event = only(code_text, "Ukraine was attacked by Russia on Monday.")
    assert event.event_type == "ASSAULT"
    assert [a.country for a in event.source] == ["RUS"] and [a.country for a in event.target] == ["UKR"]
    assert event.time is not None and event.time.text == "Monday"


def test_what_is_received_is_given_by_the_from_phrase_to_the_subject(code_text):
    event = only(code_text, "North Korea received 500 tonnes of fuel from Russia last week.")
    assert event.event_type == "AID"
    assert [a.country for a in event.source] == ["RUS"]
    assert [a.country for a in event.target] == [a.country for a in event.recipient] == ["PRK"]
    # receiving visitors is not receiving aid
    assert only(code_text, "Kyrgyzstan received a mission of observers from the OSCE."
                ).event_type == "RETREAT"


def test_claimant_from_according_to(code_text):
    event = only(code_text, "According to South Korea's intelligence service, North Korea sent "
                            "11,000 troops to Russia.")
    assert event.factuality == "reported"
    assert event.claimant is not None and event.claimant.country == "KOR"
    [troops] = event.quantities
    assert (troops.value, troops.counted) == (11000, "troops")


def test_threat_codes_the_threat_not_the_attack(code_text):
    event = only(code_text, "Iran threatened to attack Israel.")
    assert (event.event_type, event.mode) == ("THREATEN", "violence")
    assert [a.country for a in event.target] == ["ISR"]


def test_future_cooperation_is_agree_with_the_intended_act(code_text):
    event = only(code_text, "China will send food aid to Sudan.")
    assert (event.event_type, event.intended, event.factuality) == ("AGREE", "AID", "planned")


def test_abstract_subject_is_commentary_not_an_event(code_text):
    assert events(code_text, "The partnership strengthens ties between Russia and North Korea.") == ()


def test_reporting_verb_is_not_an_event(code_text):
    found = events(code_text, "Officials warned that rebels may attack the capital.")
    assert [e.event_type for e in found] == ["ASSAULT"]
    assert found[0].claimant is not None and found[0].claimant.sector == "government"


def test_compound_actor_yields_both(code_text):
    event = only(code_text, "Russia and China condemned the sanctions imposed by the United States.")
    assert event.event_type == "DISAPPROVE"
    assert {a.country for a in event.source} == {"RUS", "CHN"}


@pytest.mark.parametrize(("sentence", "countries"), [
    ("Russian and Syrian warplanes bombed Idlib on Monday.", {"RUS", "SYR"}),
    ("U.S. and Iraqi troops raided the town on Monday.", {"USA", "IRQ"}),
    ("American and South Korean troops attacked the base on Monday.", {"USA", "KOR"}),
])
def test_conjoined_countries_of_one_phrase_are_each_an_actor(code_text, sentence, countries):
    event = events(code_text, sentence)[0]
    assert {a.country for a in event.source} == countries


@pytest.mark.parametrize(("sentence", "doer", "country"), [
    ("The NATO alliance has agreed to an expansion of its force in Afghanistan.",
     "NATO alliance", "IGO"),
    ("The Taliban leadership rejected the talks with Kabul on Monday.", "Taliban leadership", "AFG"),
    # an organisation's country only where the phrase names no country
    ("UN-backed Libyan government forces attacked the town on Monday.",
     "UN-backed Libyan government forces", "LBY"),
])
def test_a_body_named_by_an_organisation_acts_with_its_country(code_text, sentence, doer, country):
    event = events(code_text, sentence)[0]
    assert [(a.text, a.country) for a in event.source] == [(doer, country)]


def test_place_is_the_most_precise_location(code_text):
    event = only(code_text, "Rebels attacked a police station in Goma in the Democratic Republic "
                            "of the Congo.")
    assert event.place is not None and event.place.name.startswith("Goma")
    assert event.place.country == "COD" and event.place.precision == "city"


def test_sentence_without_an_event_yields_none(code_text):
    assert events(code_text, "The weather in Paris was mild and the markets were calm.") == ()


def test_refusal_is_one_reject(code_text):
    event = only(code_text, "Israel's president refused to meet the Jordanian king in Tel Aviv.")
    assert event.event_type == "REJECT"


def test_willingness_is_agree(code_text):
    event = only(code_text, "Syria says it is willing to withdraw its troops from Lebanon.")
    assert (event.event_type, event.intended) == ("AGREE", "RETREAT")
    assert [a.country for a in event.source] == ["SYR"]  # "it" is Syria


def test_must_in_a_reported_clause_is_a_demand(code_text):
    event = only(code_text, "The Bush administration declared that China must drop barriers to "
                            "U.S. exports.")
    assert event.event_type == "DEMAND" and [a.country for a in event.target] == ["CHN"]


def test_announced_conditional_sanction_is_a_threat(code_text):
    event = only(code_text, "The opposition party said it will boycott the elections unless the "
                            "president resigns.")
    assert event.event_type == "THREATEN"


def test_light_verb_noun_triggers(code_text):
    assert only(code_text, "Teachers in Kenya began a hunger strike on Monday.").event_type == "PROTEST"
    assert only(code_text, "The court opened an investigation into the minister.").event_type == "INVESTIGATE"


@pytest.mark.parametrize("sentence", [
    "The president held a press conference on Monday.",
    "The central bank cut interest rates.",
    "Spain beat France 2-1 in the final.",
    "The ministry shared a video of the ceremony.",
    "The government failed to pay salaries.",
    "The ministry released a statement.",
])
def test_everyday_uses_of_event_verbs_are_not_events(code_text, sentence):
    assert events(code_text, sentence) == ()


@pytest.mark.parametrize("sentence, event_type, target", [
    ("The EU imposed new sanctions on Iran.", "SANCTION", "IRN"),
    ("Israeli President Isaac Herzog met Putin at the Kremlin.", "CONSULT", "RUS"),
    ("Students protested in Dhaka on Sunday.", "PROTEST", "BGD"),  # no one named: the place
    ("The president of France called the German chancellor on Tuesday.", "CONSULT", "DEU"),
])
def test_targets_and_types_of_common_sentences(code_text, sentence, event_type, target):
    event = only(code_text, sentence)
    assert event.event_type == event_type
    assert [a.country for a in event.target] == ([target] if target else [])


def test_a_physical_act_with_no_one_named_is_still_an_event(code_text):
    event = only(code_text, "A bomb exploded in a market in Kabul on Monday.")
    assert event.event_type == "ASSAULT" and event.mode == "explosives"
    assert event.place is not None and event.place.country == "AFG"


def test_a_noun_names_the_act_when_no_verb_does(code_text):
    event = only(code_text, "Protests erupted in Tripoli on Tuesday.")
    assert event.event_type == "PROTEST" and event.trigger.text == "Protests"
    assert event.place is not None and event.place.country == "LBY"


def test_a_participle_tells_a_physical_act(code_text):
    found = events(code_text, "Six soldiers killed in the ambush were buried in Mosul.")
    assert [e.event_type for e in found] == ["ASSAULT"]
    assert [a.sector for a in found[0].target] == ["military"]


def test_aid_has_a_recipient(code_text):
    event = only(code_text, "Germany sent humanitarian aid to Ukraine on Friday.")
    assert event.event_type == "AID"
    assert [a.country for a in event.recipient] == ["UKR"] == [a.country for a in event.target]
    assert only(code_text, "Russia attacked Ukraine on Friday.").recipient == ()


def test_a_stated_intent_to_coerce_is_a_threat(code_text):
    event = only(code_text, "Greece plans to impose restrictions on migrants from Albania.")
    assert event.event_type == "THREATEN" and event.factuality == "asserted"


def test_an_act_done_in_a_place_is_done_to_its_country(code_text):
    event = only(code_text, "The army imposed a curfew in Khartoum on Thursday.")
    assert event.event_type == "COERCE" and event.mode == "curfew"
    assert [a.country for a in event.target] == ["SDN"]


def test_noun_modifiers_of_the_object_count_as_its_theme(code_text):
    event = only(code_text, "Qatar launched a mediation effort between Syria and Jordan.")
    assert event.event_type == "CONSULT"
    assert [a.country for a in event.target] == ["SYR", "JOR"]


def test_every_event_carries_an_acled_class_that_fits_its_type(code_text):
    clash = events(code_text, "Rebels clashed with government troops near Goma on Sunday.")[0]
    arrest = events(code_text, "Police arrested twelve protesters in Nairobi on Friday.")[0]
    for event in (clash, arrest):
        assert event.acled is not None and 0 < event.acled.confidence <= 1
    assert clash.acled is not None and clash.acled.event_type == "Battles"
    assert arrest.acled is not None and arrest.acled.sub_event_type == "Arrests"


def test_a_protest_is_against_what_its_purpose_names(code_text):
    event = only(code_text, "Ethnic Turks began a hunger strike to protest against Sweden's decision.")
    assert event.event_type == "PROTEST" and event.mode == "hunger"
    assert [a.country for a in event.target] == ["SWE"]


def test_what_is_done_names_its_target(code_text):
    event = only(code_text, "President Bush threatened further action against Russia on Monday.")
    assert event.event_type == "THREATEN" and [a.country for a in event.target] == ["RUS"]


def test_a_meeting_abroad_is_not_done_to_the_host_country(code_text):
    event = only(code_text, "Russian and Ukrainian negotiators met in Istanbul on Monday.")
    assert event.event_type == "CONSULT" and event.mode != "visit"
    # each side is the other's counterpart, never Turkey
    assert {a.country for a in event.target} == {a.country for a in event.source} == {"RUS", "UKR"}


@pytest.mark.parametrize("sentence", [
    "Jordan and Britain agreed to hold joint military exercises this month.",
    "India and Pakistan clashed along the border on Sunday.",
])
def test_acts_done_together_make_each_doer_the_others_counterpart(code_text, sentence):
    [event] = [e for e in events(code_text, sentence) if e.event_type in {"AGREE", "FIGHT"}]
    assert len(event.source) == 2 and {a.country for a in event.target} == {a.country for a in event.source}


def test_an_act_by_one_doer_is_not_made_mutual(code_text):
    event = only(code_text, "Jordan agreed to hold military exercises this month.")
    assert event.target == ()


def test_acts_in_the_same_country_stay_apart(code_text):
    found = events(code_text, "A bomb exploded in a market in Kabul on Monday. "
                              "Gunmen attacked a police checkpoint in Afghanistan on Tuesday.")
    assert [e.event_type for e in found] == ["ASSAULT", "ASSAULT"]
    assert [a.text for a in found[1].source] == ["Gunmen"]
    # with no one named, the bombing is on the country of its place, quoted from the text
    assert [(a.text, a.name, a.country) for a in found[0].target] == [("Kabul", "Afghanistan", "AFG")]


def test_an_armed_strike_is_an_attack_not_a_walkout(code_text):
    event = only(code_text, "A drone strike on a wedding party in Yemen.")
    assert event.event_type == "ASSAULT" and event.trigger.text == "strike"


@pytest.mark.parametrize("sentence, event_type", [
    ("Four men raped a woman in a moving car near Delhi.", "ASSAULT"),  # model lemma: "rap"
    ("Opposition fighters retook the town from government forces.", "FIGHT"),  # "retook"
    ("Gunmen gunned down a doctor in Baghlan province.", "ASSAULT"),
])
def test_trigger_verbs_the_lemmatiser_misses(code_text, sentence, event_type):
    assert only(code_text, sentence).event_type == event_type


def test_using_a_weapon_is_an_attack(code_text):
    event = only(code_text, "Israeli warplanes fired a missile at a car in Gaza on Monday.")
    assert event.event_type == "ASSAULT" and [a.country for a in event.source] == ["ISR"]


def test_violence_told_by_a_participle_is_an_act_but_background_is_not(code_text):
    fired = events(code_text, "Residents counted shells fired at the town by Russian troops.")
    assert "ASSAULT" in [e.event_type for e in fired] or "FIGHT" in [e.event_type for e in fired]
    background = events(code_text, "The prisoners held in Evin jail were moved on Monday.")
    assert "COERCE" not in [e.event_type for e in background]


@pytest.mark.parametrize("sentence, event_type, mode", [
    ("Uzbekistan opened the crossing to aid convoys on Monday.", "RETREAT", "access"),
    ("France cancelled a planned visit to Haiti on Tuesday.", "SANCTION", "discontinue"),
])
def test_access_and_cancelled_visits(code_text, sentence, event_type, mode):
    event = only(code_text, sentence)
    assert (event.event_type, event.mode) == (event_type, mode)


@pytest.mark.parametrize("sentence, role, countries", [
    # a titled person the knowledge base lacks takes the country the sentence acts in
    ("President Yoweri Museveni imposed a curfew in Kampala on Friday.", "source", ["UGA"]),
    # a known armed group gives its country to its fighters
    ("Hezbollah fighters attacked an army post on Monday.", "source", ["LBN"]),
    # "pro-" and "anti-" name a stance, not a nationality
    ("Police arrested a pro-Russian activist in Tallinn on Monday.", "target", ["EST"]),
    # a minority counts where it lives
    ("Ethnic Uzbeks in southern Kyrgyzstan blocked roads on Monday.", "source", ["KGZ"]),
    # conjoined demonyms are one actor per country
    ("Greek and Turkish warships launched joint exercises on Monday.", "source", ["GRC", "TUR"]),
    # however the parser chains a list, every member is a target
    ("Russia threatened Estonia, Latvia, Lithuania and Poland on Monday.", "target",
     ["EST", "LVA", "LTU", "POL"]),
    # the subject acts where the clause says: "at a jail in ..."
    ("Inmates rioted at a prison in Kenya's capital Nairobi on Monday.", "source", ["KEN"]),
    # an act done in a place with no one named as its object targets the place's country
    ("The government eased the curfew in Mandalay on Friday.", "target", ["MMR"]),
    # ... also when the place is "the city of X" or "X province"
    ("Farmers blocked highways in the port city of Mombasa on Monday.", "target", ["KEN"]),
    ("Poland lifted emergency rules in Podlaskie province on Monday.", "target", ["POL"]),
    # whom a protest or an act is aimed at, from what it is for
    ("Teachers went on strike in Accra on Monday demanding the Ghanaian minister's resignation.",
     "target", ["GHA"]),
    ("Workers staged a strike on Monday in protest of the Kenyan government's tax plan.",
     "target", ["KEN"]),
    ("Japan will send engineers to help rebuild Ukraine.", "target", ["UKR"]),
    # what is asked for names its target: "called for sanctions against X"
    ("The senator called for sanctions against Venezuela on Monday.", "target", ["VEN"]),
    # a grievance names its author before the one complained to
    ("Cyprus complained to the European Union on Monday over Turkish warships in its waters.", "target",
     ["TUR", "IGO"]),
    # "summoned X to protest": the one summoned is the target
    ("Poland summoned Belarus's ambassador on Monday to complain of border incidents.", "target",
     ["BLR"]),
    # a region named in the phrase gives the actor its country
    ("The army accused Tigray separatists of violating the truce on Monday.", "target", ["ETH"]),
    # a minority counts where it lives, not where its name comes from
    ("Police killed two ethnic Hungarians in northern Serbia on Friday.", "target", ["SRB"]),
    # every conjoined object is read for its target
    ("Rebels fired rockets, mortars and artillery shells at Ugandan troops on Monday.",
     "target", ["UGA"]),
    # a slip in a place name is forgiven; a person's name is no slip ("Georgina" is not Georgia)
    ("Police in Afganistan arrested two journalists on Monday.", "source", ["AFG"]),
    ("Georgina Smith met Ukrainian officials in Kyiv on Monday.", "source", ["UKR"]),
    # a person the KB does not know takes the country of the phrase in apposition
    ("Jean Moussa, Chad's defence minister, met French officials in Paris on Monday.", "source",
     ["TCD"]),
])
def test_actor_countries_from_context(code_text, sentence, role, countries):
    event = only(code_text, sentence)
    assert [a.country for a in getattr(event, role)] == countries


def test_an_unknown_state_acting_is_still_the_source(code_text):
    event = only(code_text, "The United Palatinates imposed new sanctions on Borduria on Friday.")
    assert event.event_type == "SANCTION"
    assert [(a.name, a.country) for a in event.source] == [("United Palatinates", None)]


def test_protesters_gathering_is_a_protest(code_text):
    event = only(code_text, "Demonstrators gathered outside parliament in Nairobi on Monday.")
    assert event.event_type == "PROTEST" and [a.country for a in event.source] == ["KEN"]


def test_a_bare_title_refers_to_the_person_given_it(code_text):
    coded = code_text("Defence Secretary Lloyd Austin arrived in Kyiv on Monday. The secretary "
                      "met Ukrainian officials on Tuesday.")
    [meeting] = [e for e in coded.events if e.event_type == "CONSULT"]
    [who] = meeting.source
    assert (who.text, who.name, who.country) == ("secretary", "Lloyd Austin", "USA")
    assert who.kb_id == "lloyd-austin"


def test_a_clause_after_a_report_noun_is_a_reported_act(code_text):
    event = only(code_text, "Human Rights Watch said in a report that Kenyan police beat protesters.")
    assert (event.event_type, event.factuality) == ("ASSAULT", "reported")
    assert event.claimant is not None and event.claimant.text == "Human Rights Watch"


@pytest.mark.parametrize("sentence, event_type, source, target", [
    ("A mob beat two vigilantes.", "ASSAULT", "mob", "vigilantes"),
    ("Two vigilantes were beaten by a mob.", "ASSAULT", "mob", "vigilantes"),
    ("The government released 30 separatist rebels.", "RETREAT", "government", "separatist rebels"),
])
def test_acts_on_people_whatever_their_kind(code_text, sentence, event_type, source, target):
    event = only(code_text, sentence)
    assert event.event_type == event_type
    assert [a.text for a in event.source] == [source] and [a.text for a in event.target] == [target]


def test_must_in_the_clause_of_a_reminder_is_a_demand(code_text):
    event = only(code_text, "France issued a stern reminder to Iraq that it must cooperate fully "
                            "with the inspectors.")
    assert event.event_type == "DEMAND" and [a.country for a in event.target] == ["IRQ"]


def test_a_subject_misparsed_as_a_reduced_relative_still_acts(code_text):
    event = only(code_text, "The Red Cross operating in Iraq said US forces must ensure security.")
    assert event.event_type == "DEMAND"
    assert [a.text for a in event.source] == ["Red Cross"] and [a.country for a in event.target] == ["USA"]


def test_halting_mediation_among_parties_is_aimed_at_them(code_text):
    event = only(code_text, "The European Union halted mediation efforts among Serbia's republics.")
    assert event.event_type == "SANCTION" and [a.country for a in event.target] == ["SRB"]


def test_a_people_that_is_no_nation_acts_with_the_country_its_phrase_names(code_text):
    event = only(code_text, "Some 800,000 Iraqi Kurds sought refuge in Germany last month.")
    assert event.event_type == "DEMAND"  # asking a state for asylum is a request of it
    assert [(a.text, a.country) for a in event.source] == [("Iraqi Kurds", "IRQ")]
    assert [a.country for a in event.target] == ["DEU"]


@pytest.mark.parametrize("sentence, targets", [
    # the parser takes the object of "to" for the subject of the clause after it
    ("Chile has granted asylum to three Bolivian army officers holed up in its embassy since May.",
     ["BOL"]),
    # "up to 12" hangs the object on "up"
    ("Gunmen have kidnapped up to 12 Chinese engineers from a building site.", ["CHN"]),
    # the object moved after "as X"
    ("Hungary denounced as a grave mistake Austria's closure of the border.", ["AUT"]),
    # what is done is one of a series: "a package of sanctions against X"
    ("The European Union will impose a package of sanctions against Belarus.", ["BLR"]),
    # a threat is aimed at whoever must meet its condition
    ("Turkey threatened to launch an offensive unless Syria expelled the rebels.", ["SYR"]),
])
def test_targets_the_parse_hides(code_text, sentence, targets):
    assert [a.country for a in only(code_text, sentence).target] == targets


@pytest.mark.parametrize("sentence, event_type, trigger", [
    ("The teachers' union called off its strike on Monday.", "CONCEDE", "called off"),
    ("Germany called off talks with Iran on Monday.", "SANCTION", "called off"),
    ("Dock workers abandoned their strike on Monday.", "CONCEDE", "abandoned"),
    ("A suspected thief was set ablaze by a mob in Lagos on Wednesday.", "ASSAULT", "set ablaze"),
])
def test_phrasal_verbs(code_text, sentence, event_type, trigger):
    event = only(code_text, sentence)
    assert (event.event_type, event.trigger.text) == (event_type, trigger)


def test_a_protest_with_no_one_named_is_against_the_protesters_own_country(code_text):
    event = only(code_text, "Kenyan demonstrators rioted in protest at the election result.")
    assert event.event_type == "PROTEST"
    [target] = event.target
    assert (target.text, target.country, target.sector) == ("Kenyan", "KEN", "government")
    # with no country in the text there is no target to give
    assert only(code_text, "Dock workers abandoned their strike on Monday.").target == ()


@pytest.mark.parametrize("sentence", [
    "Egyptian police called off the march on Monday.",  # a state organ is not against itself
    "Afghan refugees protested against their deportation.",  # people abroad
    "Ukrainian protesters rallied outside the Russian embassy.",  # another country is named
])
def test_no_own_country_target_where_it_would_be_wrong(code_text, sentence):
    found = events(code_text, sentence)
    assert found and all(a.country != e.source[0].country for e in found for a in e.target)
    # the embassy outside which they rallied is the one protested (the learned target)
    assert all(e.target == () for e in found) or [a.text for e in found for a in e.target] == ["Russian embassy"]


def test_used_to_do_aims_at_the_object_of_the_purpose(code_text):
    found = events(code_text, "Chilean police used tear gas to disperse students.")
    attack = next(e for e in found if e.event_type == "ASSAULT")
    assert [a.text for a in attack.target] == ["students"]


def test_engaged_in_is_active_and_according_to_is_not_a_place(code_text):
    event = only(code_text, "Serb forces were engaged in ethnic cleansing in Kosovo, according to "
                            "the US government.")
    assert [a.country for a in event.source] == ["SRB"]
    assert event.place is not None and event.place.country == "XKX"
    assert [a.country for a in event.target] == ["XKX"]


def test_a_condition_on_the_threatener_names_no_target(code_text):
    event = only(code_text, "Russia threatened to use nuclear weapons if it was attacked.")
    assert event.event_type == "THREATEN" and event.target == ()


@pytest.mark.parametrize("sentence, event_types", [
    ("The rebels dropped their weapons and surrendered.", ["RETREAT"]),  # not an attack
    ("The government announced new measures to support farmers.", []),  # not a sanction
    ("Police used batons to protect the minister.", ["ASSAULT"]),
])
def test_lookalikes_of_the_new_rules(code_text, sentence, event_types):
    found = events(code_text, sentence)
    assert [e.event_type for e in found] == event_types
    assert all(not e.target for e in found)  # protecting the minister is not aimed at him


def test_ready_to_do_harm_is_a_threat(code_text):
    event = only(code_text, "The government is prepared to impose martial law.")
    assert (event.event_type, event.mode) == ("THREATEN", "martial-law")


def test_a_clause_after_a_conjunction_the_parser_took_for_a_preposition(code_text):
    found = events(code_text, "Three people died after a bomb detonated inside a mosque.")
    assert [e.event_type for e in found] == ["ASSAULT"] and found[0].trigger.text == "detonated"


def test_a_demonym_the_model_took_for_a_name_still_gives_the_country(code_text):
    event = only(code_text, "President Yoweri Museveni has banned Ugandan opposition candidates "
                            "from the elections.")
    assert [a.country for a in event.source] == ["UGA"]


@pytest.mark.parametrize("sentence", [
    # the parser hangs a verb with an object on its subject as the sentence's root
    "Police in Lima seized on Friday a cache of rifles.",
    # and makes the object the subject of a reduced relative after it
    "Soldiers found a stash of grenades believed to belong to the rebels.",
])
def test_weapons_seized_through_misparses(code_text, sentence):
    event = only(code_text, sentence)
    assert (event.event_type, event.mode) == ("COERCE", "seize")
    assert [a.text for a in event.source] == [sentence.split()[0]]
    assert [a.text for a in event.target] == (["Lima"] if "Lima" in sentence else [])


@pytest.mark.parametrize("sentence, source_sector, lemma", [
    ("Rebels overran an army outpost near Goma on Sunday.", "rebels", "overrun"),
    ("Government troops retook the provincial capital on Monday.", "military", "retake"),
])
def test_taking_ground_is_fighting_and_the_acled_classifier_reads_who_took_it(
        sentence, source_sector, lemma):
    from wirewatch.clean import Cleaner
    from wirewatch.extract.extractor import Extractor, article_events
    from wirewatch.ingest import make_article
    from wirewatch.pipeline import CleanStage, NlpStage, Work
    from wirewatch.settings import Settings

    settings = Settings()
    [work] = NlpStage(settings.model, 4).run(
        CleanStage(Cleaner.from_settings(settings), settings.languages).run([Work(make_article(sentence))]))
    assert work.clean is not None and work.doc is not None
    [[fight]] = article_events(Extractor.load().read(work.clean, work.doc)[1])
    assert fight.event.event_type == "FIGHT" and [a.sector for a in fight.event.source] == [source_sector]
    assert f"trig:{lemma}" in fight.words and f"taken_by:{source_sector}" in fight.words


@pytest.mark.parametrize("sentence, kind, doer", [
    ("Iran reportedly shipped missiles to Yemen's rebels.", "AID", "IRN"),
    ("Syrian forces allegedly used chemical weapons in Douma.", "ASSAULT", "SYR"),
    ("Turkey is believed to have shelled Kurdish positions in Syria.", "FIGHT", "TUR"),
    ("Two Iranian tankers are suspected of smuggling fuel to Syria.", None, "IRN"),
])
def test_hearsay_is_reported_with_its_doer(code_text, sentence, kind, doer):
    """An act given as somebody's word is `reported`, never asserted, and keeps its doer:
    hedging adverbs, hearsay passives ("is believed to have"), "suspected of"."""
    event = only(code_text, sentence)
    assert event.factuality == "reported" and [a.country for a in event.source] == [doer]
    assert kind is None or event.event_type == kind


@pytest.mark.parametrize("sentence", [
    "A Chinese tanker appears to have transferred oil to a North Korean ship.",
    "Satellite images suggest that Russian forces shelled the village.",
    "Witnesses said government forces opened fire on the protesters.",
    "The tanker was allegedly used to smuggle fuel to North Korea.",
])
def test_an_act_on_anyones_word_or_inferred_is_reported(code_text, sentence):
    """Whoever gives it, even no actor ("witnesses", "images"), a said or inferred act is not
    stored as fact."""
    assert [e.factuality for e in events(code_text, sentence)] == ["reported"]


def test_a_hearsay_passive_of_a_passive_act_takes_its_agent_as_doer(code_text):
    """ "the bombing is thought to have been carried out by X": X did it, on somebody's word."""
    event = only(code_text, "The bombing is thought to have been carried out by Syrian "
                            "government forces.")
    assert event.event_type == "ASSAULT" and event.factuality == "reported"
    assert [a.country for a in event.source] == ["SYR"]


@pytest.mark.parametrize("sentence, doer", [
    ("Hamas fighters took part in the raid on the army post.", "PSE"),
    ("Five Iraqi soldiers were involved in the ambush near the border.", "IRQ"),
    ("Hezbollah's decision to carry out the attacks proved a disaster.", "LBN"),
    ("Nurses in Kenya went on strike on Monday.", "KEN"),
])
def test_an_act_named_by_a_noun_takes_the_doer_the_clause_gives_it(code_text, sentence, doer):
    """Those who took part in, were involved in, or decided to carry out an act a noun names
    are its doers."""
    event = only(code_text, sentence)
    assert [a.country for a in event.source] == [doer], event


@pytest.mark.parametrize("sentence", [
    "Pakistan said it was not involved in the bombing.",
    "India denied that its troops took part in the raid on the village.",
    "Russia's refusal to carry out the attacks surprised analysts.",
    "The rebels' plan to carry out attacks in the capital was foiled.",
    "Children were involved in the attack as victims.",
])
def test_taking_part_denied_planned_or_suffered_names_no_doer(code_text, sentence):
    assert all(not e.source for e in events(code_text, sentence))


@pytest.mark.parametrize("sentence, kind", [
    ("Analysts said China would not lift the ban on imports.", "CONCEDE"),
    ("Had Washington not intervened, Kuwait would not have received any aid.", "AID"),
    ("Hungary says it will not accept the asylum seekers or send aid to Serbia.", "AID"),
])
def test_an_act_others_say_will_not_happen_stays_negated(code_text, sentence, kind):
    """Only the doer's own word that it will not act is a refusal; a guess, a counterfactual,
    or a second verb sharing the first one's "will not" stays a negated act."""
    event = next(e for e in events(code_text, sentence) if e.event_type == kind)
    assert event.factuality == "negated"


@pytest.mark.parametrize("sentence, kind, source, target", [
    ("The Japanese government has provided $49 million to Pakistan.", "AID", "JPN", "PAK"),
    ("Germany accepted more than 1,500 refugees from Greek camps.", "AID", "DEU", None),
    ("The Swiss government gave account information to the Indian government.", "COOPERATE",
     "CHE", "IND"),
])
def test_sums_refugees_and_information_given(code_text, sentence, kind, source, target):
    """A sum of money given is aid, taking in refugees is aid, information handed over is
    cooperation."""
    event = only(code_text, sentence)
    assert event.event_type == kind and [a.country for a in event.source] == [source]
    assert target is None or [a.country for a in event.target] == [target]


@pytest.mark.parametrize("sentence, kind, factuality", [
    ("The army will not withdraw and shelled the city.", "FIGHT", "asserted"),
    ("Police would not comment and arrested two journalists.", "COERCE", "asserted"),
    ("Diplomats expect that China will not send weapons to Russia.", "AID", "negated"),
    ("Investigators are trying to determine whether Iran was involved in the attack.", "ASSAULT",
     "hypothetical"),
    ("The US alleged that Iranian agents were involved in the bombing.", "ASSAULT", "reported"),
])
def test_negation_and_doubt_reach_only_the_acts_they_govern(code_text, sentence, kind, factuality):
    event = next(e for e in events(code_text, sentence) if e.event_type == kind)
    assert event.factuality == factuality


def test_a_leader_speaks_for_the_country_that_will_not_act(code_text):
    event = only(code_text, "Polish Prime Minister Donald Tusk said Poland would not send weapons "
                            "to Ukraine.")
    assert (event.event_type, [a.country for a in event.source]) == ("REJECT", ["POL"])


def test_giving_way_promised_is_an_agreement(code_text):
    """ "will free the hostages" is a promise to release them (PLOVER AGREE), still planned."""
    event = only(code_text, "The rebels will free the hostages next week.")
    assert (event.event_type, event.intended, event.factuality) == ("AGREE", "RETREAT", "planned")


@pytest.mark.parametrize("sentence, source, target", [
    ("Hungary will not send aid to Serbia.", "HUN", "SRB"),
    ("Iran refused to meet the American envoys.", "IRN", "USA"),
    ("Russia refused to allow two European airlines to land.", "RUS", None),
])
def test_a_refusal_is_a_rejection_of_whom_the_act_was_for(code_text, sentence, source, target):
    """A cooperative act promised not to happen, or refused, is a REJECT told as done, aimed
    at whom the act would have been done to."""
    event = only(code_text, sentence)
    assert (event.event_type, event.factuality) == ("REJECT", "asserted")
    assert [a.country for a in event.source] == [source] and len(event.target) == 1
    assert target is None or event.target[0].country == target


@pytest.mark.parametrize("sentence, sector", [
    ("Gunmen stormed a police station in northern Nigeria.", "police"),
    ("Rebels ambushed a military convoy near Goma.", "military"),
])
def test_a_place_of_a_body_hit_is_the_body(code_text, sentence, sector):
    event = only(code_text, sentence)
    assert [a.sector for a in event.target] == [sector]


def test_an_investigation_into_someone_targets_them(code_text):
    event = only(code_text, "Prosecutors opened an investigation into the Iraqi minister.")
    assert event.event_type == "INVESTIGATE" and [a.country for a in event.target] == ["IRQ"]


def test_a_verb_the_parser_hung_past_its_subject_keeps_its_doer(code_text):
    """ "Doctors from a Canadian charity donated and delivered ...": the parser made "Doctors"
    the root and hung the verbs on "charity"; the doctors, of the charity's country, did it."""
    event = only(code_text, "Doctors from a Canadian charity donated and delivered medicine to Haiti.")
    assert event.event_type == "AID"
    assert [(a.text, a.country) for a in event.source] == [("Doctors", "CAN")]


def test_an_accusation_gives_the_act_to_the_accused_on_the_accusers_word(code_text):
    found = events(code_text, "The United States accused Russia of supplying weapons to "
                              "North Korea.")
    accusation = next(e for e in found if e.event_type == "DISAPPROVE")
    supply = next(e for e in found if e.event_type == "AID")
    assert [a.country for a in accusation.source] == ["USA"]
    assert [a.country for a in supply.source] == ["RUS"]  # the accused, not the accuser
    assert supply.factuality == "reported" and supply.claimant is not None
    assert supply.claimant.country == "USA"
    charged = only(code_text, "A man charged with bombing a mosque appeared in court.")
    assert charged.factuality == "reported" and [a.text for a in charged.source] == ["man"]


def test_who_claimed_an_attack_is_its_doer_on_its_own_word(code_text):
    event = only(code_text, "Al-Shabaab claimed responsibility for the attack that killed 12 "
                            "soldiers in Somalia.")
    assert event.event_type == "ASSAULT" and event.factuality == "reported"
    assert [a.text for a in event.source] == ["Al-Shabaab"] and event.claimant is not None


def test_a_ship_takes_no_nationality_from_its_sentence(code_text):
    """The state that seizes a ship is not the one the ship supplied; a ship's country is its
    flag or owner, not a country elsewhere in the sentence."""
    found = events(code_text, "South Korea seized a ship that had transferred oil to a North "
                              "Korean vessel.")
    seizure = next(e for e in found if e.event_type == "COERCE")
    transfer = next(e for e in found if e.event_type == "AID")
    assert [a.country for a in seizure.source] == ["KOR"]
    assert [a.text for a in transfer.source] == ["ship"] and transfer.source[0].country is None
    assert [a.country for a in transfer.target] == ["PRK"]
    flagged = only(code_text, "A Hong Kong-flagged tanker transferred 600 tonnes of oil to a "
                              "North Korean ship.")
    assert [a.country for a in flagged.source] == ["HKG"]


def test_a_doerless_re_mention_joins_its_act_and_another_one_does_not(code_text):
    """One happening is one event per article: "the attack" is the bombing already told; "a
    separate attack" and "another bomb" are new happenings that lend it nothing."""
    found = events(code_text, "Militants bombed a police checkpoint in Kandahar on Monday. "
                              "Nine officers died in the attack. In a separate attack, gunmen "
                              "killed two soldiers in Herat.")
    assert [(e.event_type, len(e.evidence)) for e in found] == [("ASSAULT", 2), ("ASSAULT", 1)]
    kandahar, herat = found
    assert [a.text for a in kandahar.source] == ["Militants"] and kandahar.place is not None
    assert [a.text for a in herat.source] == ["gunmen"] and herat.place.name == "Herat"
    again = events(code_text, "A bomb exploded at a market in Baghdad on Friday. Another bomb "
                              "exploded near a mosque in the city an hour later.")
    assert len(again) == 2 and again[1].place is None  # the second borrows no place


@pytest.mark.parametrize("sentence", [
    "Heavy flooding killed 25 people in Assam on Tuesday.",
    "A coal mine explosion killed 12 miners in Shanxi.",
    "The bus overturned on a mountain road, killing nine passengers.",
    "Shares in Tesla rallied after the results.",
    "Her father hailed from a fishing village near Galway.",
    "The embargo bans arms sales to Myanmar.",
])
def test_mishaps_markets_origins_and_rules_are_not_events(code_text, sentence):
    assert not events(code_text, sentence)


def test_an_attack_on_a_policy_is_words_not_violence(code_text):
    event = only(code_text, "The senator attacked the president's immigration policy.")
    assert event.event_type == "DISAPPROVE"


@pytest.mark.parametrize("sentence", [
    "Gunmen killed 25 people in Assam on Tuesday.",
    "A car bomb exploded in Kabul, killing nine people.",
])
def test_violence_with_a_doer_or_a_weapon_is_still_an_event(code_text, sentence):
    assert {e.event_type for e in events(code_text, sentence)} == {"ASSAULT"}


def test_a_re_mention_with_victims_of_its_own_lends_them_to_no_other_attack(code_text):
    """ "The strike killed six" after two attacks by different sides: which one it was is not
    the text's to say by a determiner alone, so no doer is lent to it."""
    found = events(code_text, "Israeli jets struck a house in Gaza City on Monday. Palestinian "
                              "militants fired rockets at Ashkelon. The strike killed six "
                              "members of one family.")
    family = next(e for e in found if any(a.text == "family" for a in e.target))
    assert family.source == () and len(family.evidence) == 1


@pytest.mark.parametrize("sentence, owner", [
    ("Russia and China vetoed a US resolution on Venezuela on Thursday.", "USA"),
    ("George W. Bush rejected every offer made by the Taliban on Monday.", "AFG"),
])
def test_a_thing_acted_on_names_its_author_as_the_target(code_text, sentence, owner):
    """ "vetoed a [US] resolution", "rejected every offer made by [the Taliban]": the one whose
    resolution or offer it is, not a place the thing mentions."""
    [event] = [e for e in events(code_text, sentence) if e.event_type == "REJECT"]
    assert [a.country for a in event.target][:1] == [owner]


@pytest.mark.parametrize("sentence, doer", [
    ("The army forced the rebels to withdraw from the town on Monday.", "rebels"),
    ("The court allowed the police to investigate the mayor.", "police"),
    ("Iran led Hezbollah to attack Israeli positions.", "Hezbollah"),  # and "led" is no act
])
def test_the_one_told_to_act_is_the_doer_of_the_act(code_text, sentence, doer):
    """Object control: "forced [X] to withdraw", "called on [X] to investigate"."""
    found = events(code_text, sentence)
    assert found and all([a.text for a in e.source] == [doer] for e in found)


def test_a_demand_is_one_event_not_also_the_act_demanded(code_text):
    event = only(code_text, "The UN urged Israel to withdraw its troops from Gaza on Monday.")
    assert event.event_type == "DEMAND"
    assert [a.text for a in event.source] == ["UN"] and [a.country for a in event.target] == ["ISR"]


def test_the_subject_of_a_purpose_still_acts(code_text):
    """ "summoned X to complain": the one who summoned complains (not object control)."""
    found = events(code_text, "India summoned a top US diplomat to complain about spying.")
    assert found and all([a.country for a in e.source] == ["IND"] for e in found)


@pytest.mark.parametrize("sentence", [
    '"Who was it?" the prosecutor asked.',
    "Asked to point him out, the witness gestured to the table.",
    "The minister conceded that the country faces a shortage of medicine.",
])
def test_questions_and_admissions_are_not_events(code_text, sentence):
    assert events(code_text, sentence) == ()


def test_asking_someone_to_act_or_for_something_is_a_demand(code_text):
    for sentence in ("Iran asked Russia for weapons on Monday.", "Iran asked Russia to send weapons."):
        event = only(code_text, sentence)
        assert event.event_type == "DEMAND" and [a.country for a in event.target] == ["RUS"]


def test_the_harm_a_participle_tells_is_the_same_act(code_text):
    """ "exploded, killing nine people and wounding 20": one bombing with its victims and counts."""
    event = only(code_text, "A car bomb exploded in Baghdad on Monday, killing nine people and wounding 20.")
    assert event.event_type == "ASSAULT" and [a.text for a in event.target] == ["people"]
    assert [q.value for q in event.quantities] == [9, 20]
    assert event.place is not None and event.place.text == "Baghdad"


@pytest.mark.parametrize("sentence, doers", [
    ("Three people were killed in an Israeli airstrike on Gaza on Monday.", ["ISR"]),
    ("A man was killed in a battle between Russian troops and Ukrainian forces.", ["RUS", "UKR"]),
])
def test_victims_of_an_attack_named_by_a_noun_take_its_doer(code_text, sentence, doers):
    [event] = [e for e in events(code_text, sentence) if e.event_type in {"ASSAULT", "FIGHT"}]
    assert [a.country for a in event.source] == doers


def test_a_name_before_an_attack_noun_is_not_its_doer(code_text):
    """ "the Rolando bombing" is named for its place; "a Taliban bombing" for a known armed group."""
    assert all(not e.source for e in events(code_text, "The Rolando bombing killed 13 people in Madrid."))
    [event] = events(code_text, "The death toll from a Taliban truck bombing in Mazar-i-Sharif rose to six.")
    assert [a.name for a in event.source] == ["Taliban"]


def test_harm_hung_on_an_act_that_is_no_violence_has_no_doer(code_text):
    """The parser hangs "wounding" on "hunting": the police did not wound anyone."""
    found = events(code_text, "French police are hunting a suspect who left a device that exploded on "
                              "Friday, wounding 13 people.")
    assert found and all(a.sector != "police" for e in found for a in e.source)


def test_an_attack_noun_as_subject_gives_its_forces_as_the_doer(code_text):
    """ "A U.S. military airstrike killed ...": the U.S. military did it."""
    event = only(code_text, "A U.S. military airstrike killed a telecom worker in Somalia on Tuesday.")
    assert [a.country for a in event.source] == ["USA"]


@pytest.mark.parametrize("text, doer", [
    ("MANILA, Philippines -- President Rodrigo Duterte praised the Senate on Monday.", "PHL"),
    ("MOGADISHU, Somalia -- A U.S. military airstrike has killed a worker, officials said.", "USA"),
    ("WASHINGTON (Reuters) - The US imposed sanctions on Iran.", "USA"),
    ("KABUL (Pajhwok) : Iran strongly condemned the attack on the ministry.", "IRN"),
])
def test_a_wire_dateline_is_never_the_doer(code_text, text, doer):
    [event] = events(code_text, text)
    assert [a.country for a in event.source] == [doer]
    opening = min(text.index(mark) for mark in ("-", ":") if mark in text)
    assert all(a.start > opening for a in event.source)  # not the dateline's place


@pytest.mark.parametrize("sentence, target", [
    ("Israel will withdraw its soldiers from Gaza next month.", ["PSE"]),
    ("Police evacuated 300 residents in Kharkiv on Monday.", ["UKR"]),
])
def test_people_moved_are_what_is_moved_not_the_target(code_text, sentence, target):
    [event] = events(code_text, sentence)
    assert [a.country for a in event.target] == target and all(a.sector is None or a.sector == "government"
                                                                for a in event.target)


@pytest.mark.parametrize("sentence, event_type", [
    ("The US and China signed an agreement on trade on Monday.", "SUPPORT"),  # CAMEO 057
    ("Haftar declared a ceasefire in Tripoli on Sunday.", "RETREAT"),  # CAMEO 0871
    ("North Korea agreed to send workers to Russia.", "AGREE"),  # a commitment to act
])
def test_agreements_signed_truces_declared_and_commitments_follow_the_cameo_table(code_text, sentence,
                                                                                  event_type):
    assert only(code_text, sentence).event_type == event_type


def test_an_agreement_signed_by_two_is_between_them_but_praise_by_two_is_not(code_text):
    signed = only(code_text, "The US and China signed an agreement on trade on Monday.")
    assert {a.country for a in signed.target} == {"USA", "CHN"}
    welcomed = only(code_text, "France and Germany welcomed the decision on Monday.")
    assert welcomed.target == ()


def test_an_order_that_frees_someone_is_the_release(code_text):
    event = only(code_text, "A Brazilian judge on Monday ordered the release of former President Michel Temer.")
    assert event.event_type == "RETREAT" and event.mode == "release"
    assert [a.text for a in event.target] == ["former President Michel Temer"]


def test_an_act_a_charge_names_is_not_told_as_done(code_text):
    assert events(code_text, "McVeigh is on trial on charges of murder and conspiracy.") == ()


def test_a_denial_is_speech_and_negates_the_act_denied(code_text):
    found = events(code_text, "Russia denied supplying weapons to the rebels.")
    assert [(e.event_type, e.factuality) for e in found] == [("AID", "negated")]
    assert events(code_text, "Russia denied the allegations on Monday.") == ()
    refusal = only(code_text, "Israel denied the request for a visa on Monday.")
    assert refusal.event_type == "REJECT"  # refusing what was asked is a REJECT


def test_an_attack_named_by_two_nouns_is_read_from_its_head(code_text):
    """ "a suicide [attack] on the consulate": the target belongs to the head noun."""
    [event] = events(code_text, "At least two people died in a suicide attack on the German consulate.")
    assert event.trigger.text == "attack" and [a.country for a in event.target] == ["DEU"]


@pytest.mark.parametrize("sentence, asked", [
    ("The EU called on Serbia to recognise Kosovo.", "SRB"),
    ("The governor called on the Attorney General's office to investigate the mayor.", None),
])
def test_asking_someone_to_act_is_the_askers_demand_not_the_act(code_text, sentence, asked):
    [event] = events(code_text, sentence)
    assert event.event_type == "DEMAND" and event.source
    if asked:
        assert [a.country for a in event.target] == [asked]


def test_a_thing_relied_on_is_not_told_to_act(code_text):
    event = only(code_text, "Israel counted on US support to strike Iran.")
    assert [a.country for a in event.source] == ["ISR"]


@pytest.mark.parametrize("sentence, doer", [
    ("MANILA, Philippines -- President Duterte threatened to impose martial law.", "Duterte"),
    ("KYIV, Ukraine (AP) — Russian forces shelled Kharkiv overnight, officials said.", "Russian forces"),
])
def test_a_dateline_taken_for_a_second_subject_leaves_the_real_one(code_text, sentence, doer):
    event = only(code_text, sentence)
    assert [a.text for a in event.source] == [doer] or doer in event.source[0].text


@pytest.mark.parametrize("sentence", [
    "Russian and Syrian forces fought in Idlib province on Sunday.",
    "American and British troops fought side by side in Helmand.",
])
def test_allies_named_in_one_phrase_do_not_fight_each_other(code_text, sentence):
    event = only(code_text, sentence)
    assert not {(a.start, a.end) for a in event.target} & {(a.start, a.end) for a in event.source}


def test_what_an_agreement_is_for_names_its_target_before_the_signatories(code_text):
    event = only(code_text, "The US and Britain signed an agreement to supply Ukraine with tanks.")
    assert [a.country for a in event.target] == ["UKR"]


def test_a_mediator_is_not_the_target(code_text):
    found = events(code_text, "Israel and Hamas reached a ceasefire agreement brokered by Egypt.")
    assert found and all(a.country != "EGY" for e in found for a in e.target)


def test_a_weapon_strike_gives_its_forces_to_the_victims(code_text):
    event = only(code_text, "Five civilians were killed in a Russian missile strike on Kharkiv.")
    assert [a.country for a in event.source] == ["RUS"]


def test_the_doer_who_claims_an_attack_is_lent_to_the_attack_told_without_one(code_text):
    """ "The Taliban claimed responsibility for the attack": the bombing already told, now with
    its doer; a bombing that has a doer of its own is not given another."""
    found = events(code_text, "A car bomb exploded in a market in Kabul on Monday, killing nine "
                              "people. The Taliban claimed responsibility for the attack.")
    assert [(e.event_type, len(e.evidence)) for e in found] == [("ASSAULT", 2)]
    assert [a.name for a in found[0].source] == ["Taliban"]
    assert [a.text for a in found[0].target] == ["people"]
    owned = events(code_text, "Government forces shelled a market in Kabul on Monday. The Taliban "
                              "claimed responsibility for the attack.")
    assert [a.sector for a in owned[0].source] == ["military"]  # not the Taliban's


def test_a_persons_own_name_gives_no_nationality(code_text):
    event = events(code_text, "Jordan Peterson and Chad Johnson met the mayor on Monday.")[0]
    assert {a.country for a in event.source} & {"JOR", "TCD"} == set()


def test_a_body_noun_with_an_object_is_the_abstraction(code_text):
    found = code_text("Iranian association with Hezbollah worried Israel on Monday." + FILLER)
    assert not [a for e in found.events for a in (*e.source, *e.target)
                if a.text.startswith("Iranian association")]
