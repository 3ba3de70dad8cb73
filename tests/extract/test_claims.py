"""Claims: figures no event accounts for, and assertions of violations; never commentary."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_figure_claim_with_claimant(code_text):
    coded = code_text("Ukrainian officials said about 600 North Korean soldiers are now in the "
                      "Kursk region.")
    [claim] = [c for c in coded.claims if c.kind == "figure"]
    [count] = claim.quantities
    assert (count.value, count.approximate, count.counted) == (600, True, "soldiers")
    assert claim.claimant is not None and claim.claimant.country == "UKR"


def test_violation_claim(code_text):
    coded = code_text("Analysts say the shipments breach the arms embargo on Libya.")
    assert [c.kind for c in coded.claims] == ["violation"]


def test_commentary_is_not_a_claim(code_text):
    coded = code_text("This decision marks a notable escalation in cooperation between the two "
                      "governments.")
    assert coded.claims == () and coded.events == ()


def test_number_hanging_from_no_verb_is_read_without_hanging(code_text):
    """Regression: walking up from a verbless fragment once looped forever."""
    coded = code_text("Casualties: 15 soldiers.\n\nTotal: 40 civilians.")
    assert {q.value for c in coded.claims for q in c.quantities} <= {15, 40}
