"""When and how long to wait before trying a platform call again: bounded attempts, bounded time."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

# A Retry-After is honoured with a little jitter on top, so that tills sent away together by the
# platform do not all come back in the same second.
RETRY_AFTER_JITTER = 0.2
RETRY_AFTER_MIN_JITTER_S = 0.05


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 4
    budget_s: float = 20.0
    backoff_base_s: float = 0.5
    backoff_max_s: float = 5.0


@dataclass
class RetryBudget:
    """The attempts and the time left to one call."""

    policy: RetryPolicy
    clock: Callable[[], float] = time.monotonic
    rng: random.Random = field(default_factory=random.Random)
    attempts: int = 0
    _started: float = field(default=0.0, init=False)

    def __post_init__(self) -> None:
        self._started = self.clock()

    def start_attempt(self) -> None:
        self.attempts += 1

    @property
    def elapsed(self) -> float:
        return self.clock() - self._started

    @property
    def deadline(self) -> float:
        """When the call's time is up, on the budget's clock (time.monotonic() unless a test gave another):
        the transport ends an attempt by then too."""
        return self._started + self.policy.budget_s

    def backoff_delay(self) -> float:
        """Exponential back-off with equal jitter after the current attempt."""
        ceiling = min(self.policy.backoff_max_s, self.policy.backoff_base_s * 2 ** max(0, self.attempts - 1))
        return ceiling / 2 + self.rng.uniform(0, ceiling / 2)

    def retry_after_delay(self, retry_after: float) -> float:
        """At least what the platform asked for, plus jitter."""
        return retry_after + self.rng.uniform(0, max(RETRY_AFTER_MIN_JITTER_S, retry_after * RETRY_AFTER_JITTER))

    def allows(self, delay: float) -> bool:
        """True when another attempt after `delay` seconds stays within the attempts and the time."""
        if self.attempts >= self.policy.max_attempts:
            return False
        return self.elapsed + delay < self.policy.budget_s


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds (RFC 9110: delay-seconds or an HTTP date); None when absent or bad."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return seconds if 0 <= seconds < 86_400 else None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))
