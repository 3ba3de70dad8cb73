"""Rules against incidents and claims built by hand: what matches, the rationale, and a
confidence that follows the evidence (factuality, independent sources, directness)."""

from __future__ import annotations

import textwrap
from datetime import date

from wirewatch.fuse.incidents import Mention, Source, fuse
from wirewatch.model import Actor, Claim, EventMention, Evidence, Place, Quantity, Span
from wirewatch.watch.flags import claim_subject, evaluate, incident_subject
from wirewatch.watch.packs import load_pack, parse_pack

SENTENCE = ("North Korean leader Kim Jong-un has agreed to send 5,000 construction workers along "
            "with 1,000 combat engineers to the Kursk region in Russia.")
LATER = "Officials said the workers would rebuild homes."
TEXT = SENTENCE + " " + LATER


def span(text: str, of: str = TEXT) -> tuple[int, int]:
    start = of.index(text)
    return start, start + len(text)


def commitment(article: str = "a1", publisher: str | None = None, factuality: str = "planned",
               published: str | None = "2025-06-18", event_id: int = 1, copy_of: str | None = None,
               counted_in_later_sentence: bool = False) -> Mention:
    kim = Actor("North Korean leader Kim Jong-un", *span("North Korean leader Kim Jong-un"),
                "Kim Jong-un", "kim-jong-un", "PRK", "government")
    russia = Actor("Russia", *span("Russia"), "Russia", None, "RUS", "government")
    workers = Quantity("5,000 construction workers", *span("5,000 construction workers"), 5000.0,
                       counted="construction workers")
    engineers = Quantity("1,000 combat engineers", *span("1,000 combat engineers"), 1000.0,
                         counted="combat engineers")
    if counted_in_later_sentence:
        workers = Quantity("the workers", *span("the workers"), None, counted="workers")
    kursk = Place("Kursk region", *span("Kursk region"), "Kursk Oblast", "RUS", "RU-KRS", 51.7, 36.3,
                  "admin1")
    evidence = (Evidence(article, 0, len(SENTENCE), SENTENCE),
                Evidence(article, len(SENTENCE) + 1, len(TEXT), LATER))
    event = EventMention(event_type="AGREE", factuality=factuality,  # type: ignore[arg-type]
                         trigger=Span("agreed to send", *span("agreed to send")), confidence=0.9,
                         intended="AID", source=(kim,), target=(russia,), recipient=(russia,),
                         place=kursk, quantities=(workers, engineers), evidence=evidence)
    return Mention(event_id, event, Source(article, published, publisher, copy_of or article))


def flags_for(*mentions: Mention, pack: str = "un-dprk"):
    return evaluate([load_pack(pack)], [incident_subject(i) for i in fuse(list(mentions))], [])


def test_the_commitment_flags_workers_and_military_services_with_low_confidence():
    flags = flags_for(commitment())
    assert [f.rule for f in flags] == ["workers-abroad", "military-services"]
    workers, engineers = flags
    assert workers.flag_id == "un-dprk:workers-abroad:I1"
    assert "2397 OP8" in workers.provision and "2375 OP17" in workers.provision
    assert "1718 OP8(c)" in engineers.provision and "2270 OP9" in engineers.provision
    assert workers.rationale.startswith("Kim Jong-un (PRK) agreed to send 5,000 construction "
                                        "workers to Russia (RUS), in Kursk Oblast, RUS")
    assert "1,000 combat engineers" in engineers.rationale
    assert "5,000" not in engineers.rationale
    for flag in flags:
        assert flag.confidence == "low"
        assert flag.reasons[:2] == ("planned, not yet carried out", "one independent source")
        assert flag.evidence[0].quote == SENTENCE


def test_confidence_rises_with_independent_sources_and_a_deed():
    three = [commitment(f"a{i}", publisher=f"P{i}", factuality="asserted", event_id=i)
             for i in range(1, 4)]
    workers = flags_for(*three)[0]
    assert workers.sources == 3
    assert workers.confidence == "high"
    assert workers.reasons == ("asserted", "3 independent sources",
                               "stated in the sentence of the act")
    reported = flags_for(*[commitment(f"a{i}", publisher=f"P{i}", factuality="reported",
                                      event_id=i) for i in range(1, 3)])[0]
    assert reported.confidence == "medium"


def test_copies_and_one_publisher_do_not_corroborate():
    copies = [commitment("a1", factuality="asserted", event_id=1),
              commitment("a2", factuality="asserted", event_id=2, copy_of="a1"),
              commitment("a3", publisher="Same", factuality="asserted", event_id=3),
              commitment("a4", publisher="Same", factuality="asserted", event_id=4)]
    workers = flags_for(*copies)[0]
    assert workers.sources == 2 and workers.confidence == "high"
    alone = flags_for(*copies[:2])[0]
    assert alone.sources == 1 and alone.confidence == "medium"


def test_particulars_outside_the_sentence_of_the_act_lower_confidence():
    workers = flags_for(commitment(factuality="asserted", counted_in_later_sentence=True))[0]
    assert workers.confidence == "low"
    assert "the particulars are not in the sentence that states the act" in workers.reasons
    assert workers.evidence[0].quote == LATER


def test_negated_acts_and_other_countries_do_not_match():
    assert flags_for(commitment(factuality="negated")) == []
    mention = commitment()
    russian = Actor("Russia", 0, 6, "Russia", None, "RUS", "government")
    event = mention.event
    moved = type(event)(**{**{f: getattr(event, f) for f in event.__dataclass_fields__},
                           "source": (russian,)})
    assert flags_for(Mention(1, moved, mention.source)) == []


RULES = """\
pack: test
title: t
rules:
  - id: r
    title: t
    provision: p
    summary: s
    when:
      {when}
    rationale: "{{source}} {{act}} {{quantity}} ({{keyword}})"
"""


def rule_flags(when: str, *mentions: Mention):
    pack = parse_pack(RULES.format(when=textwrap.indent(when, "      ").lstrip()), "test.yaml")
    return evaluate([pack], [incident_subject(i) for i in fuse(list(mentions))], [])


def test_conditions():
    m = commitment()
    assert rule_flags("quantity: {counted: [worker], at_least: 5000}", m)
    assert not rule_flags("quantity: {counted: [worker], at_least: 5001}", m)
    assert rule_flags("quantity: {counted: [combat engineer]}", m)
    assert not rule_flags("quantity: {counted: [civil engineer]}", m)
    assert rule_flags("keywords: [Kursk Region]", m)  # any case
    assert rule_flags("keywords: [engineer]", m)  # plural
    assert not rule_flags("keywords: [Kur]", m)  # whole words only
    assert rule_flags("place: {name: [Kursk Oblast]}", m)
    assert not rule_flags("place: {not_country: [RUS]}", m)
    assert rule_flags("recipient: {sector: [government], not_country: [PRK]}", m)
    assert not rule_flags("target: {country: [UKR]}", m)
    assert rule_flags("types: [AID]", m)  # the act committed to
    assert not rule_flags("types: [ASSAULT]", m)
    assert rule_flags("after: 2025-06-18", m)
    assert not rule_flags("before: 2025-06-18", m)
    assert rule_flags("before: 2025-06-18", commitment(published=None))  # undated kept
    assert not rule_flags("min_sources: 2", m)
    assert rule_flags("factuality: [planned]", m)
    assert not rule_flags("factuality: [asserted]", m)
    assert rule_flags("any: [{place: {country: [UKR]}}, {keywords: [construction]}]", m)
    assert not rule_flags("any: [{place: {country: [UKR]}}, {keywords: [tanker]}]", m)
    assert rule_flags("all: [{keywords: [Kursk]}, {any: [{keywords: [tanker]}, "
                      "{place: {country: [RUS]}}]}]", m)
    assert not rule_flags("all: [{keywords: [Kursk]}, {keywords: [tanker]}]", m)
    [flag] = rule_flags("keywords: [construction workers, workers]", m)
    assert flag.rationale == ("Kim Jong-un (PRK) agreed to send 5,000 construction workers and "
                              "1,000 combat engineers (construction workers)")


def test_claims_are_matched_and_weighed_as_claims():
    text = "Russian missiles struck a power plant, cutting electricity to 200,000 homes."
    homes = Quantity("200,000 homes", *span("200,000 homes", text), 200000.0, counted="homes")
    claim = Claim("figure", text, 0, len(text), quantities=(homes,),
                  evidence=(Evidence("b1", 0, len(text), text),))
    subject = claim_subject(7, claim, Source("b1", "2025-01-02", "Kyiv Post", "b1"))
    [flag] = evaluate([load_pack("infrastructure")], [], [subject])
    assert flag.flag_id == "infrastructure:outage:C7"
    assert flag.rationale == ("200,000 homes cut off (electricity) in an unstated place, "
                              "per the article.")
    assert flag.confidence == "low"
    assert flag.reasons[0] == "a claim by the article"
    assert flag.day == "2025-01-02"
    assert evaluate([load_pack("infrastructure")], [], [subject], since=date(2025, 1, 3)) == []


def test_keywords_are_whole_words_even_with_punctuation():
    from wirewatch.watch.flags import _keyword

    assert _keyword("U.S.").search("troops of the U.S. army")
    assert not _keyword("U.S.").search("the U.S.A")
    assert not _keyword("tank").search("a think-tanker said")
    assert _keyword("artillery shell").search("artillery-shells were sent")


def actor(name: str, country: str) -> Actor:
    return Actor(name, 0, len(name), name, None, country, "government")


def act(event_type: str, source: Actor, recipient: Actor | None = None, counted: str = "",
        keyword: str = "", event_id: int = 1) -> Mention:
    """One asserted act with its own sentence (no place), for the bundled pack's directions."""
    text = f"{source.name} sent {counted or 'goods'} {keyword}".strip() + "."
    quantity = (Quantity(counted, text.index(counted), text.index(counted) + len(counted), 500.0,
                         counted=counted.split(" ", 1)[1]),) if counted else ()
    event = EventMention(event_type=event_type, factuality="asserted",  # type: ignore[arg-type]
                         trigger=Span("sent", text.index("sent"), text.index("sent") + 4),
                         confidence=0.9, source=(source,),
                         recipient=(recipient,) if recipient else (),
                         target=(recipient,) if recipient else (), quantities=quantity,
                         evidence=(Evidence(f"d{event_id}", 0, len(text), text),))
    return Mention(event_id, event, Source(f"d{event_id}", "2025-01-01", None, f"d{event_id}"))


def rules_hit(*mentions: Mention) -> list[str]:
    return [f.rule for f in flags_for(*mentions)]


def test_the_bundled_pack_reads_the_direction_of_a_transfer():
    dprk, china, russia = actor("North Korea", "PRK"), actor("China", "CHN"), actor("Russia", "RUS")
    assert rules_hit(act("AID", dprk, russia, "500 workers")) == ["workers-abroad"]
    assert rules_hit(act("AID", china, dprk, "500 workers")) == []  # workers into the DPRK
    assert rules_hit(act("MOBILIZE", dprk, None, "500 troops")) == []  # at home
    assert rules_hit(act("AID", dprk, russia, "500 troops")) == ["military-services"]
    assert rules_hit(act("AID", russia, dprk, "500 instructors")) == ["military-services"]
    assert rules_hit(act("AID", dprk, russia, keyword="with ballistic missiles")) == ["arms"]
    assert rules_hit(act("AID", russia, dprk, keyword="with refined petroleum")) == ["petroleum"]
    assert rules_hit(act("AID", dprk, russia, keyword="with refined petroleum")) == []
    assert rules_hit(act("COOPERATE", dprk, china, keyword="of coal")) == ["banned-exports"]
    assert rules_hit(act("COOPERATE", china, dprk, keyword="of coal")) == ["banned-exports"]
    assert rules_hit(act("AID", china, dprk, keyword="of fish")) == []  # food aid to the DPRK
    assert rules_hit(act("AGREE", dprk, russia, keyword="to halt missile tests")) == []
