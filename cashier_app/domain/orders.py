"""Orders on the merchant platform and their forward-only states (specs/merchant-platform-api.md)."""

from __future__ import annotations

from enum import StrEnum


class OrderState(StrEnum):
    CREATED = "CREATED"
    USERPAYING = "USERPAYING"
    PAID = "PAID"
    PAY_FAILED = "PAY_FAILED"
    REVOKED = "REVOKED"
    CLOSED = "CLOSED"
    PARTIAL_REFUNDED = "PARTIAL_REFUNDED"
    REFUNDED = "REFUNDED"
    UNKNOWN = "UNKNOWN"


FINAL_STATES = frozenset({OrderState.PAY_FAILED, OrderState.REVOKED, OrderState.CLOSED, OrderState.REFUNDED})
UNPAID_STATES = frozenset({OrderState.CREATED, OrderState.USERPAYING})
FAILURE_STATES = frozenset({OrderState.PAY_FAILED, OrderState.REVOKED, OrderState.CLOSED})

# Rank along the main line CREATED → USERPAYING → PAID → PARTIAL_REFUNDED → REFUNDED.
_RANK = {
    OrderState.CREATED: 0,
    OrderState.USERPAYING: 1,
    OrderState.PAID: 2,
    OrderState.PARTIAL_REFUNDED: 3,
    OrderState.REFUNDED: 4,
}


def is_forward(old: OrderState, new: OrderState) -> bool:
    """True when moving from `old` to `new` does not move the order back.

    Staying put is forward. UNKNOWN is the platform not knowing: it may follow or precede any
    non-final state, but never replaces a final one. A final state never changes. The failure
    states can only be reached from an unpaid state (or UNKNOWN).
    """
    if old == new:
        return True
    if old in FINAL_STATES:
        return False
    if OrderState.UNKNOWN in (new, old):
        return True
    if new in FAILURE_STATES:
        return old in UNPAID_STATES
    return _RANK[new] > _RANK[old]
