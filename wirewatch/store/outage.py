"""Long-running commands and a database that goes away: reconnect with back-off, say so once.

``watch --follow``, ``follow`` and ``serve`` run for days beside a PostgreSQL server that
may restart. When their connection is lost they try again after 1 s, then 2 s, 4 s, ... up
to a minute between tries, and tell the user twice: once when the connection is lost, once
when it is back — not once per try. The commands own the loop (one sleeps between tries,
the server answers 503 with ``Retry-After`` until the next try is due); ``Outage`` is the
state they share, with an injectable clock so its timing is tested without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from wirewatch.errors import StoreError

FIRST_WAIT = 1.0
"""Seconds before the first try after a lost connection."""
LONGEST_WAIT = 60.0
"""The most seconds between two tries."""


class Outage:
    """Whether a store is reachable, when to try it next, and what to tell the user."""

    def __init__(self, name: str, say: Callable[[str], None], *,
                 clock: Callable[[], float] = time.monotonic,
                 first_wait: float = FIRST_WAIT, longest_wait: float = LONGEST_WAIT) -> None:
        self.name, self._say, self._clock = name, say, clock
        self.first_wait, self.longest_wait = first_wait, longest_wait
        self.down = False
        self._wait = 0.0
        self._next_try = 0.0

    def failed(self, error: StoreError) -> None:
        """A try failed: the first failure is said, and each one doubles the wait."""
        if not self.down:
            self._say(f"lost the connection to {self.name} ({error.why or error.what}); "
                      f"trying again with back-off, up to every {self.longest_wait:.0f} s")
            self.down, self._wait = True, self.first_wait
        else:
            self._wait = min(self._wait * 2, self.longest_wait)
        self._next_try = self._clock() + self._wait

    def succeeded(self) -> None:
        """A try worked: said once, after an outage."""
        if self.down:
            self._say(f"reconnected to {self.name}")
        self.down, self._wait = False, 0.0

    def wait_left(self) -> float:
        """Seconds until the next try is due (0 when the store is up or the time has come)."""
        return max(0.0, self._next_try - self._clock()) if self.down else 0.0


__all__ = ["FIRST_WAIT", "LONGEST_WAIT", "Outage"]
