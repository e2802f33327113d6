"""Whether the merchant platform answers the reconciler, and how long to wait after it did not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

# While the platform is down the poll slows down, but never to more than this many intervals:
# the cashier must learn quickly that it is back.
MAX_BACKOFF_INTERVALS = 3


@dataclass(frozen=True)
class PlatformHealth:
    """What the UI shows: reachable, or down since `since` for `reason` (a stable machine code,
    an UnknownReason value such as "maintenance" or "network"; the UI says "平台连接中断")."""

    reachable: bool
    reason: str | None
    since: datetime
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"reachable": self.reachable, "reason": self.reason, "since": self.since.isoformat(),
                "detail": self.detail}


def backoff_intervals(failures: int) -> int:
    """Intervals to wait after `failures` failed polls in a row: 1, 2, 3, 3, ..."""
    if failures <= 1:
        return 1
    return min(2 ** (failures - 1), MAX_BACKOFF_INTERVALS)


def next_wait_s(interval_s: float, failures: int, retry_after_s: float | None = None) -> float:
    """Seconds until the next poll. A platform's Retry-After is honoured up to the same cap."""
    wait = interval_s * backoff_intervals(failures)
    if retry_after_s:
        wait = max(wait, min(retry_after_s, interval_s * MAX_BACKOFF_INTERVALS))
    return wait
