"""Faults injected into the next N requests of the API (POST /sandbox/faults).

Each API request takes one "ticket" while any are left. What a ticket does, in order:
`latency_ms` waits first; then `rate_limit` answers 429 or, with probability `error_rate`, the
request is answered with `status` (500 SYSTEM_ERROR, 502 CHANNEL_ERROR, 503 MAINTENANCE ...)
without being carried out; otherwise the request is carried out and then `bad_signature` signs
the answer wrongly or `drop_response` closes the socket without answering (the action is done,
the answer is lost). The WeChat Pay emulator also knows `probe_signature` (a WECHATPAY/SIGNTEST/
signature, which a client must refuse) and `stale_timestamp_s` (an answer stamped that many
seconds ago, correctly signed); each platform answers `status` and `rate_limit` in its own words.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

ERROR_STATUSES = {400: "INVALID_PARAMS", 401: "SIGN_ERROR", 403: "TERMINAL_NOT_BOUND", 404: "ORDER_NOT_EXIST",
                  409: "SYNC_IN_PROGRESS", 422: "IDEMPOTENCY_KEY_REUSED", 429: "FREQUENCY_LIMITED",
                  500: "SYSTEM_ERROR", 502: "CHANNEL_ERROR", 503: "MAINTENANCE"}
_KEYS = frozenset({"latency_ms", "error_rate", "status", "drop_response", "bad_signature", "rate_limit",
                   "for_requests", "retry_after", "seed", "probe_signature", "stale_timestamp_s"})


class FaultSpecError(ValueError):
    pass


@dataclass(frozen=True)
class FaultSpec:
    latency_ms: int = 0
    error_rate: float = 0.0
    status: int = 500
    drop_response: bool = False
    bad_signature: bool = False
    rate_limit: bool = False
    retry_after: int = 2
    for_requests: int = 1
    probe_signature: bool = False
    stale_timestamp_s: int = 0

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> FaultSpec:
        if not isinstance(body, Mapping):
            raise FaultSpecError("faults must be a JSON object")
        unknown = set(body) - _KEYS
        if unknown:
            raise FaultSpecError(f"unknown fault fields: {', '.join(sorted(unknown))}")

        def integer(name: str, default: int, low: int, high: int) -> int:
            value = body.get(name, default)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise FaultSpecError(f"{name} must be an integer in {low}..{high}")
            return value

        def flag(name: str) -> bool:
            value = body.get(name, False)
            if not isinstance(value, bool):
                raise FaultSpecError(f"{name} must be true or false")
            return value

        status = integer("status", 500, 400, 599)
        if status not in ERROR_STATUSES:
            raise FaultSpecError(f"status must be one of {sorted(ERROR_STATUSES)}")
        # A status without an error_rate means "answer with this status": rate 1.
        default_rate = 1.0 if "status" in body else 0.0
        rate = body.get("error_rate", default_rate)
        if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0.0 <= rate <= 1.0:
            raise FaultSpecError("error_rate must be a number in 0..1")
        return cls(
            latency_ms=integer("latency_ms", 0, 0, 120_000),
            error_rate=float(rate),
            status=status,
            drop_response=flag("drop_response"),
            bad_signature=flag("bad_signature"),
            rate_limit=flag("rate_limit"),
            retry_after=integer("retry_after", 2, 0, 3600),
            for_requests=integer("for_requests", 1, 0, 1_000_000),
            probe_signature=flag("probe_signature"),
            stale_timestamp_s=integer("stale_timestamp_s", 0, 0, 86_400),
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Fault:
    """What happens to one request."""

    latency_s: float = 0.0
    error_status: int | None = None
    rate_limit: bool = False
    retry_after: int = 2
    drop_response: bool = False
    bad_signature: bool = False
    probe_signature: bool = False
    stale_timestamp_s: int = 0


class FaultInjector:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._spec: FaultSpec | None = None
        self._left = 0
        self._rng = random.Random()

    def set(self, spec: FaultSpec, seed: int | None = None) -> None:
        with self._lock:
            self._spec = spec if spec.for_requests > 0 else None
            self._left = spec.for_requests
            if seed is not None:
                self._rng.seed(seed)

    def clear(self) -> None:
        with self._lock:
            self._spec, self._left = None, 0

    def take(self) -> Fault | None:
        """The fault for the next API request, if any are left."""
        with self._lock:
            spec = self._spec
            if spec is None or self._left <= 0:
                return None
            self._left -= 1
            if self._left == 0:
                self._spec = None
            error = spec.error_rate > 0 and self._rng.random() < spec.error_rate
        return Fault(
            latency_s=spec.latency_ms / 1000.0,
            error_status=spec.status if error else None,
            rate_limit=spec.rate_limit,
            retry_after=spec.retry_after,
            drop_response=spec.drop_response,
            bad_signature=spec.bad_signature,
            probe_signature=spec.probe_signature,
            stale_timestamp_s=spec.stale_timestamp_s,
        )

    def pending(self) -> dict[str, Any] | None:
        with self._lock:
            if self._spec is None:
                return None
            return {**self._spec.to_json(), "requests_left": self._left}
