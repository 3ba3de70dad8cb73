"""Name folding: both sides of every lookup meet in one dictionary key."""

from __future__ import annotations

import pytest

from wirewatch.resolve.names import display, fold, is_acronym, is_generic, key, strip_mention


@pytest.mark.parametrize(("text", "folded"), [
    ("St.-Petersburg", "st petersburg"), ("Ḩalab", "halab"), ("İstanbul", "istanbul"),
    ("Łódź", "lodz"), ("Côte d'Ivoire", "cote divoire"), ("Washington, D.C.", "washington dc"),
    ("  Kursk   Oblast ", "kursk oblast"), ("Kursk", "kursk"),
])
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(("text", "stripped"), [
    ("the Kremlin's", "Kremlin"), ("North Korea’s", "North Korea"), ("the Philippines'",
    "Philippines"), ("The Hague", "Hague"), ("Kansas", "Kansas"), ("US", "US"), ("'s", "'s"),
])
def test_strip_mention(text: str, stripped: str) -> None:
    assert strip_mention(text) == stripped


def test_key_joins_the_forms_of_one_name() -> None:
    assert key("the Kursk region's") == key("KURSK REGION") == "kursk region"


@pytest.mark.parametrize(("name", "acronym"), [("US", True), ("U.S.", True), ("DPRK", True),
                                               ("Us", False), ("Lao PDR", False), ("USSR.", True),
                                               ("Kursk", False), ("", False)])
def test_is_acronym(name: str, acronym: bool) -> None:
    assert is_acronym(name) is acronym


def test_generic_and_display() -> None:
    assert is_generic("the North-East") and is_generic("Central") and not is_generic("Kursk")
    assert display("Tatarstan, Respublika") == "Tatarstan"
    assert display("Ţarţūs") == "Tartus"
    assert display("Wales [Cymru GB-CYM]") == "Wales"
    assert display("Île-de-France") == "Île-de-France"
