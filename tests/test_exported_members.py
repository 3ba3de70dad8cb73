"""The public surface is small and pinned: changing it is a decision, not an accident."""

from __future__ import annotations

import wirewatch


def test_all_is_pinned():
    assert sorted(wirewatch.__all__) == sorted([
        "Actor", "Article", "Claim", "CodedArticle", "EventMention", "Evidence", "Pipeline",
        "Place", "Quantity", "Settings", "Span", "Store", "TimeExpr", "WirewatchError",
        "code_articles", "coded_to_json", "make_article",
    ])


def test_every_name_resolves():
    for name in wirewatch.__all__:
        assert getattr(wirewatch, name) is not None
