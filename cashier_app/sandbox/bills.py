"""The day's money movements as the emulated platforms' bills list them, and bill download links.

A bill lists what the channel did on one day (Beijing time): each payment (on the day it was paid),
each refund (on the day money went back), each reversal of a paid order. Orders never paid are
not in it. A day's bill is ready `ready_after_s` after the day ends (the platforms publish from
09:00 and say to fetch after 10:00 the next day: 36,000 s); the control API can change that
(`POST /sandbox/options {"bill_ready_after_s": -86400}` makes today's bill ready now, for tests).
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from cashier_app.domain.orders import OrderState
from cashier_app.domain.timezones import CHINA_TZ
from cashier_app.sandbox.orders import PAID_STATES, SandboxOrder
from cashier_app.sandbox.store import SandboxStore

DEFAULT_READY_AFTER_S = 36_000
# The platforms keep bills for three months.
KEPT_DAYS = 92


class BillKind(StrEnum):
    SUCCESS = "SUCCESS"
    REFUND = "REFUND"
    REVOKED = "REVOKED"


class Readiness(StrEnum):
    READY = "ready"
    CREATING = "creating"  # the day is over, the bill is not out yet
    NONE = "none"  # the day is not over, or is too old


@dataclass(frozen=True)
class BillEvent:
    kind: BillKind
    order: SandboxOrder
    at: float
    amount: int  # the order amount (SUCCESS, REVOKED), or the refund's


def day_bounds(day: date) -> tuple[float, float]:
    start = datetime.combine(day, time.min, CHINA_TZ)
    return start.timestamp(), (start + timedelta(days=1)).timestamp()


def readiness(day: date, now: float, ready_after_s: float) -> Readiness:
    _, end = day_bounds(day)
    today = datetime.fromtimestamp(now, CHINA_TZ).date()
    if (today - day).days > KEPT_DAYS:
        return Readiness.NONE
    if now >= end + ready_after_s:
        return Readiness.READY
    return Readiness.CREATING if now >= end else Readiness.NONE


def bill_events(store: SandboxStore, day: date) -> list[BillEvent]:
    start, end = day_bounds(day)
    events: list[BillEvent] = []
    for order, _ in store.all_orders():
        up = order.upstream
        was_paid = up.paid_at is not None and (up.state in PAID_STATES or up.state is OrderState.REVOKED)
        if not was_paid or up.paid_at is None:
            continue
        if up.state is OrderState.REVOKED:
            at = up.refunded_at or up.paid_at
            if start <= at < end:
                events.append(BillEvent(BillKind.REVOKED, order, at, order.total_amount))
            continue
        if start <= up.paid_at < end:
            events.append(BillEvent(BillKind.SUCCESS, order, up.paid_at, order.total_amount))
        if up.refund_amount and up.refunded_at is not None and start <= up.refunded_at < end:
            events.append(BillEvent(BillKind.REFUND, order, up.refunded_at, up.refund_amount))
    events.sort(key=lambda e: (e.at, e.order.out_trade_no))
    return events


class DownloadLinks:
    """Short-lived download tokens: the platforms' bill URLs are valid 30 s to 5 minutes."""

    def __init__(self, ttl_s: float = 300.0) -> None:
        self.ttl_s = ttl_s
        self._files: dict[str, tuple[float, bytes, str]] = {}
        self._lock = threading.Lock()

    def issue(self, content: bytes, content_type: str, now: float) -> str:
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._files = {t: f for t, f in self._files.items() if f[0] > now}
            self._files[token] = (now + self.ttl_s, content, content_type)
        return token

    def get(self, token: str, now: float) -> tuple[bytes, str] | None:
        with self._lock:
            entry = self._files.get(token)
        if entry is None or entry[0] <= now:
            return None
        return entry[1], entry[2]
