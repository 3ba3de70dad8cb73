"""Rule packs: the bundled ones load, and a pack that is not valid is refused with its file,
line and reason."""

from __future__ import annotations

import textwrap

import pytest

from wirewatch.errors import InputError
from wirewatch.watch import load_packs
from wirewatch.watch.packs import bundled, load_pack, parse_pack

VALID = """\
pack: desk
title: A desk's watch
rules:
  - id: strikes
    title: Strikes on ports
    provision: Guideline 4.2
    summary: Ports are watched.
    when:
      types: [ASSAULT]
      source: {country: [RUS]}
      keywords: [port]
    rationale: "{source} {act} a port in {place}."
"""


def refusal(text: str) -> str:
    with pytest.raises(InputError) as caught:
        parse_pack(textwrap.dedent(text), "desk.yaml")
    return caught.value.message


def test_bundled_packs_load_with_the_provisions_the_dprk_regime_needs():
    assert {"un-dprk", "infrastructure"} <= set(bundled())
    dprk = load_pack("un-dprk")
    provisions = " ".join(rule.provision for rule in dprk.rules)
    for paragraph in ("2375 OP17", "2397 OP8", "1718 OP8(c)", "2270 OP9", "1718 OP8(a)(b)",
                      "1874 OP9, OP10", "2270 OP6", "2375 OP11", "2397 OP4 / OP5",
                      "2371 OP8, OP9", "2397 OP6", "2375 OP18", "2094 OP11", "2270 OP33",
                      "2321 OP31"):
        assert paragraph in provisions, paragraph
    assert all(rule.summary and rule.rationale for rule in dprk.rules)
    infrastructure = load_pack("infrastructure")
    assert {rule.subject for rule in infrastructure.rules} == {"incidents", "claims"}


def test_a_valid_pack_file_loads(tmp_path):
    path = tmp_path / "desk.yaml"
    path.write_text(VALID, encoding="utf-8")
    [pack] = load_packs([str(path)])
    assert pack.pack == "desk" and pack.origin == str(path)
    rule = pack.rules[0]
    assert rule.when.types == ("ASSAULT",) and rule.when.source is not None
    assert rule.when.source.country == ("RUS",)
    assert rule.when.model_fields_set == {"types", "source", "keywords"}


@pytest.mark.parametrize(("change", "line", "reason"), [
    (("      types: [ASSAULT]", "      types: [ATTACK]"), 9, "rules[0].when.types[0]"),
    (("      keywords: [port]", "      keyword: [port]"), 11, "'keyword' is not a known key"),
    (("{country: [RUS]}", "{country: [Russia]}"), 10, "not an ISO 3166 alpha-3"),
    (("{source} {act}", "{who} {act}"), 12, "{who} is not a rationale field"),
    (("    title: Strikes on ports\n", ""), 4, "title: Field required"),
    (("      source: {country: [RUS]}", "      source: {sector: [pirates]}"), 10,
     "'pirates' is not a sector"),
    (("    rationale:", "    title: again\n    rationale:"), 12, "'title' is given twice"),
    (("  - id: strikes", "  - id: Strikes!"), 4, "rules[0].id"),
    (('"{source} {act}', '"{source:d} {act}'), 12, "without a format spec"),
    (("      keywords: [port]", "      on: [port]"), 11, "the key 'on' is not a name"),
    (("pack: desk", "pack: desk\nyes: 1"), 2, "not a name"),
    (("pack: desk", "pack: desk\norigin: elsewhere"), 2, "'origin' is not a known key"),
])
def test_an_invalid_pack_names_file_line_and_reason(change, line, reason):
    message = refusal(VALID.replace(*change))
    assert f"desk.yaml, line {line} is not valid" in message
    assert reason in message


def test_yaml_syntax_errors_and_wrong_shapes_are_refused():
    bad_indent = refusal("pack: desk\ntitle: x\n  rules: []\n")
    assert "line 3 is not valid: it is not valid YAML" in bad_indent
    assert "it is empty" in refusal("")
    assert "a pack is a mapping" in refusal("- just\n- a list\n")
    assert "line 3 is not valid: rules: Tuple should have at least 1 item" in refusal("pack: d\ntitle: t\nrules: []\n")


def test_keys_that_do_not_fit_the_subject_are_refused():
    claims = VALID.replace("    when:", "    subject: claims\n    when:")
    assert "when.types applies to incidents only" in refusal(claims)
    kinds = VALID.replace("      keywords: [port]", "      kinds: [figure]")
    assert "when.kinds applies to claims only" in refusal(kinds)
    nested = VALID.replace("      keywords: [port]", "      any: [{kinds: [figure]}]")
    assert "when.kinds applies to claims only" in refusal(nested)
    corroborated = (VALID.replace("    when:", "    subject: claims\n    when:")
                    .replace("      types: [ASSAULT]\n      source: {country: [RUS]}\n",
                             "      min_sources: 2\n"))
    assert "when.min_sources applies to incidents only" in refusal(corroborated)


def test_duplicate_rule_ids_and_pack_names_are_refused(tmp_path):
    rule = VALID[VALID.index("  - id: strikes"):]
    assert "two rules have the id 'strikes'" in refusal(VALID + rule)
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(VALID, encoding="utf-8")
    second.write_text(VALID, encoding="utf-8")
    with pytest.raises(InputError, match="two rule packs are named 'desk'"):
        load_packs([str(first), str(second)])


def test_a_missing_pack_says_what_exists():
    with pytest.raises(InputError, match="neither a bundled pack nor a file") as caught:
        load_pack("un-dprkk")
    assert "un-dprk" in caught.value.fix
