"""The pipeline checks its stages once, when it is built."""

from __future__ import annotations

import pytest

from wirewatch.errors import WirewatchError
from wirewatch.pipeline import Pipeline


class Reads:
    name = "late"
    reads = ("doc",)
    writes = ("coded",)

    def run(self, works):
        return iter(works)


def test_a_stage_reading_what_nothing_wrote_is_rejected():
    with pytest.raises(WirewatchError, match="'late' reads doc"):
        Pipeline([Reads()])


@pytest.mark.slow
def test_an_article_parsed_in_pieces_codes_as_it_does_whole(example_text):
    from wirewatch.ingest import make_article
    from wirewatch.model import coded_to_json
    from wirewatch.settings import Settings

    pipeline = Pipeline.from_settings(Settings())
    article = make_article(example_text, id="kursk-workers")
    whole = next(pipeline.code([article]))
    nlp = pipeline.stages[1]
    nlp.piece_chars = 300  # the example's paragraphs, about one per piece
    clean = pipeline.stages[0].cleaner(article)
    [doc] = nlp.parse([clean.text])
    assert doc.text == clean.text and len(clean.text) > 3 * nlp.piece_chars
    assert coded_to_json(next(pipeline.code([article]))) == coded_to_json(whole)


def test_pieces_are_whole_paragraphs_that_join_back_to_the_text():
    from wirewatch.pipeline import _groups, _pieces

    text = "\n\n".join(["a" * 50, "b" * 30, "c" * 70, "d" * 5])
    for limit in (10, 60, 100, 1000):
        pieces = _pieces(text, limit)
        assert "".join(pieces) == text
        assert all(p.endswith("\n\n") for p in pieces[:-1])
    assert [len(p) for p in _pieces(text, 100)] == [84, 77]
    assert list(_groups(["x" * 40, "y" * 40, "z" * 40, "w"], 90, 10)) == [
        ["x" * 40, "y" * 40], ["z" * 40, "w"]]
