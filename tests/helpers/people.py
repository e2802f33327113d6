"""People tests: a clock the tests move."""

from __future__ import annotations

from datetime import UTC, datetime


class Clock:
    def __init__(self) -> None:
        self.t = datetime(2026, 11, 24, 2, 0, tzinfo=UTC).timestamp()

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds
