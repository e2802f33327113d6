"""Which orders to ask a platform without a list about, and when (domain/query_schedule.py).

Kept in memory: after a restart every order still open is asked about once more, which the
per-poll limit spreads out. Numbers come from the receipts seen and the orders already known.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterable

from cashier_app.domain.orders import OrderState
from cashier_app.domain.query_schedule import QueryState, next_query_at


class QueryPlan:
    def __init__(self, interval_s: float, grace_s: float) -> None:
        self.interval_s = interval_s
        self.grace_s = grace_s
        self._plan: dict[str, QueryState] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._plan)

    def know(self, number: str, first_seen: float, state: OrderState | None = None, paid_at: float | None = None,
             *, not_on_platform: bool = False) -> None:
        """Add a number (a receipt's, or an order the journal knows); a number planned already stays."""
        with self._lock:
            if number not in self._plan:
                self._plan[number] = QueryState(first_seen, state=state, paid_at=paid_at,
                                                not_on_platform=not_on_platform)

    def due(self, now: float, limit: int) -> list[str]:
        """The numbers to ask about now, the longest overdue first, at most `limit`."""
        with self._lock:
            times = [(at, number) for number, q in self._plan.items()
                     if (at := next_query_at(q, interval_s=self.interval_s, grace_s=self.grace_s)) is not None
                     and at <= now]
        return [number for _, number in sorted(times)[:limit]]

    def answered(self, number: str, now: float, state: OrderState | None, paid_at: float | None = None) -> None:
        with self._lock:
            q = self._plan.get(number) or QueryState(now)
            unchanged = q.unchanged + 1 if q.last_asked is not None and q.state == state else 0
            self._plan[number] = dataclasses.replace(q, last_asked=now, state=state, unchanged=unchanged, failures=0,
                                                     paid_at=paid_at if paid_at is not None else q.paid_at)

    def not_on_platform(self, number: str, now: float) -> None:
        with self._lock:
            q = self._plan.get(number) or QueryState(now)
            self._plan[number] = dataclasses.replace(q, last_asked=now, not_on_platform=True)

    def failed(self, number: str, now: float) -> None:
        with self._lock:
            q = self._plan.get(number) or QueryState(now)
            self._plan[number] = dataclasses.replace(q, last_asked=now, failures=q.failures + 1)

    def forget_older_than(self, moment: float) -> None:
        with self._lock:
            self._plan = {n: q for n, q in self._plan.items() if q.first_seen >= moment}

    def numbers(self) -> Iterable[str]:
        with self._lock:
            return list(self._plan)
