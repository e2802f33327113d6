"""When to ask a platform that has no list of orders (WeChat Pay, Alipay) about one order again.

Reconciliation then queries, one order at a time, every receipt and known order whose state can
still change, and the next morning's bill settles the day. The schedule keeps the requests few:
- an order never answered yet: first after the grace period, then backing off after failures;
- unpaid (it may still be paid, or be stuck): soon, then less and less often, every 5 minutes at
  most in its first hour, every half hour after that;
- paid (it may still be refunded): twice more, half an hour and two hours after payment; the
  bill tells the rest;
- final (closed, reversed, failed, fully refunded) or not on the platform: never again.
"""

from __future__ import annotations

from dataclasses import dataclass

from cashier_app.domain.orders import FINAL_STATES, UNPAID_STATES, OrderState

MAX_UNPAID_INTERVAL_S = 300.0
LATE_UNPAID_AFTER_S = 3600.0
LATE_UNPAID_INTERVAL_S = 1800.0
PAID_RECHECKS_S = (1800.0, 7200.0)  # after payment


@dataclass(frozen=True)
class QueryState:
    """What the schedule knows of one order number (times in Unix seconds)."""

    first_seen: float
    last_asked: float | None = None
    state: OrderState | None = None  # None: never answered (or not started yet on the platform)
    unchanged: int = 0  # answers in a row that did not change the state
    failures: int = 0  # asks in a row that got no answer
    paid_at: float | None = None
    not_on_platform: bool = False


def next_query_at(q: QueryState, *, interval_s: float, grace_s: float) -> float | None:
    """When to ask next; None: never again (the bill settles the rest)."""
    if q.not_on_platform or (q.state is not None and q.state in FINAL_STATES):
        return None
    if q.last_asked is None:
        return q.first_seen + grace_s
    if q.failures:
        return q.last_asked + min(interval_s * 2 ** q.failures, MAX_UNPAID_INTERVAL_S)
    if q.state is None or q.state in UNPAID_STATES or q.state is OrderState.UNKNOWN:
        cap = LATE_UNPAID_INTERVAL_S if q.last_asked - q.first_seen >= LATE_UNPAID_AFTER_S else MAX_UNPAID_INTERVAL_S
        return q.last_asked + min(interval_s * 2 ** q.unchanged, cap)
    paid = q.paid_at if q.paid_at is not None else q.first_seen
    for after in PAID_RECHECKS_S:
        if q.last_asked < paid + after:
            return paid + after
    return None
