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
