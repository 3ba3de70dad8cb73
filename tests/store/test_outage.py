"""A lost database connection: tries spaced out with back-off, said once each way."""

from __future__ import annotations

from wirewatch.errors import StoreError
from wirewatch.store.outage import Outage


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_an_outage_is_said_once_and_its_tries_back_off_to_a_minute():
    said: list[str] = []
    clock = Clock()
    outage = Outage("postgresql://desk@db/wire", said.append, clock=clock)
    assert outage.wait_left() == 0 and not outage.down
    waits = []
    for _ in range(9):
        outage.failed(StoreError("cannot read", "the connection is closed"))
        waits.append(outage.wait_left())
        clock.now += outage.wait_left()
        assert outage.wait_left() == 0  # the try is due
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert said == [("lost the connection to postgresql://desk@db/wire (the connection is "
                     "closed); trying again with back-off, up to every 60 s")]
    outage.succeeded()
    outage.succeeded()
    assert said[1:] == ["reconnected to postgresql://desk@db/wire"] and not outage.down
    outage.failed(StoreError("cannot read", "server closed the connection"))
    assert outage.wait_left() == 1  # a new outage starts its back-off again
    assert len(said) == 3
