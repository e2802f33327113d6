"""WeChat Pay's words mapped onto MP API v1's (specs/real-platforms.md §1.2, §1.3, §6).

`trade_state` REFUND says only that some refund happened: it is PARTIAL_REFUNDED unless the
refunds the app knows of (from the bills) add up to the whole order; never REFUNDED on its own,
which would block the truthful PARTIAL_REFUNDED → REFUNDED later.
"""

from __future__ import annotations

from cashier_app.domain.orders import OrderState, is_forward
from cashier_app.platform.results import UnknownReason

TRADE_STATES: dict[str, OrderState] = {
    "NOTPAY": OrderState.CREATED,
    "USERPAYING": OrderState.USERPAYING,
    "ACCEPT": OrderState.USERPAYING,  # v2 only (已接收，等待扣款); tolerated
    "SUCCESS": OrderState.PAID,
    "REFUND": OrderState.PARTIAL_REFUNDED,
    "PAYERROR": OrderState.PAY_FAILED,
    "REVOKED": OrderState.REVOKED,
    "CLOSED": OrderState.CLOSED,
}


def order_state(trade_state: str, *, total: int, refunded: int, known: OrderState | None) -> OrderState:
    """The MP state of a `trade_state`. REFUND is REFUNDED only when the refunds known add up to
    the order (`refunded` ≥ `total`), and stays REFUNDED once known so (it is consistent with it)."""
    state = TRADE_STATES[trade_state]
    if state is OrderState.PARTIAL_REFUNDED:
        if total > 0 and refunded >= total:
            return OrderState.REFUNDED
        if known is OrderState.REFUNDED:
            return known
    return state


# Error codes (HTTP status, code) → what the client does. Codes the query and close answer
# themselves (ORDER_NOT_EXIST, ORDER_CLOSED, USERPAYING) are read by the operations.
NO_RETRY: dict[str, UnknownReason] = {
    "PARAM_ERROR": UnknownReason.INVALID_PARAMS,
    "INVALID_REQUEST": UnknownReason.INVALID_PARAMS,
    "MCH_NOT_EXISTS": UnknownReason.TERMINAL_NOT_BOUND,
    "SIGN_ERROR": UnknownReason.CREDENTIALS,
    "NO_AUTH": UnknownReason.TERMINAL_NOT_BOUND,
    "TRADE_ERROR": UnknownReason.PLATFORM_ERROR,
    "RESOURCE_NOT_EXISTS": UnknownReason.INVALID_PARAMS,
}
BACK_OFF: dict[str, UnknownReason] = {
    "FREQUENCY_LIMITED": UnknownReason.RATE_LIMITED,
    "RATELIMIT_EXCEEDED": UnknownReason.RATE_LIMITED,
    "RULE_LIMIT": UnknownReason.RATE_LIMITED,
    "SYSTEM_ERROR": UnknownReason.PLATFORM_ERROR,
    "BANK_ERROR": UnknownReason.CHANNEL_ERROR,
    "SERVICE_UNAVAILABLE": UnknownReason.MAINTENANCE,
}
# A status without a code we know still says what kind of trouble it is.
BY_STATUS: dict[int, UnknownReason] = {
    400: UnknownReason.INVALID_PARAMS, 401: UnknownReason.CREDENTIALS, 403: UnknownReason.TERMINAL_NOT_BOUND,
    429: UnknownReason.RATE_LIMITED, 500: UnknownReason.PLATFORM_ERROR, 502: UnknownReason.MAINTENANCE,
    503: UnknownReason.MAINTENANCE,
}
# Bills: no bill for that day (yet). Not in the digest's sources; the names v3 uses for them.
BILL_NOT_READY = frozenset({"NO_STATEMENT_EXIST", "STATEMENT_CREATING"})


def moves_back(known: OrderState | None, answered: OrderState) -> bool:
    return known is not None and not is_forward(known, answered)
