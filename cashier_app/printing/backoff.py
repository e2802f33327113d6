"""Exponential backoff with jitter for a printer that cannot print.

The wait doubles from `initial` up to a cap chosen per try: a try that failed at once (the
printer answered "paper end", or refused the connection) is cheap to repeat, so it is capped
low and the queue notices the fix quickly; a try that cost a timeout is capped high. Jitter only
shortens a wait, so the cap is also the longest the queue takes to notice a fixed printer.
"""

from __future__ import annotations

import random
from collections.abc import Callable


class Backoff:
    def __init__(self, initial: float, maximum: float, jitter: float = 0.2,
                 rand: Callable[[], float] = random.random) -> None:
        if initial <= 0 or maximum <= 0:
            raise ValueError("backoff waits must be positive")
        if not 0 <= jitter < 1:
            raise ValueError("jitter is a fraction in [0, 1)")
        self.initial = initial
        self.maximum = maximum
        self.jitter = jitter
        self._rand = rand
        self.failures = 0

    def reset(self) -> None:
        self.failures = 0

    def next_delay(self, cap: float | None = None) -> float:
        """The wait before the next try; counts one more failure."""
        limit = min(self.maximum, cap) if cap is not None else self.maximum
        base = min(limit, self.initial * (2 ** min(self.failures, 32)))
        self.failures += 1
        return base * (1.0 - self.jitter * self._rand())
