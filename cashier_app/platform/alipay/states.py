"""Alipay's words mapped onto MP API v1's (specs/real-platforms.md §2.3-2.5, §6).

TRADE_CLOSED is two states: closed unpaid, or refunded in full after payment (or a cancelled
付款码 payment). An answer that shows the trade was paid (send_pay_date, or money received) makes
it REFUNDED; so does an order already seen paid (PAID → CLOSED would be a step back, PAID →
REFUNDED is not); otherwise CLOSED. TRADE_SUCCESS stays PARTIAL_REFUNDED once refunds are known.
"""

from __future__ import annotations

from cashier_app.domain.orders import OrderState
from cashier_app.platform.results import UnknownReason

TRADE_STATUSES = frozenset({"WAIT_BUYER_PAY", "TRADE_CLOSED", "TRADE_SUCCESS", "TRADE_FINISHED"})
_PAID_BEFORE = frozenset({OrderState.PAID, OrderState.PARTIAL_REFUNDED, OrderState.REFUNDED})


def order_state(trade_status: str, *, was_paid: bool, total: int, refunded: int,
                known: OrderState | None) -> OrderState:
    if trade_status == "WAIT_BUYER_PAY":
        # A 付款码 payment waiting for the password: Alipay says WAIT_BUYER_PAY all the same.
        return known if known is OrderState.USERPAYING else OrderState.CREATED
    if trade_status in ("TRADE_SUCCESS", "TRADE_FINISHED"):
        if total > 0 and refunded >= total:
            return OrderState.REFUNDED
        if refunded > 0 or known in (OrderState.PARTIAL_REFUNDED, OrderState.REFUNDED):
            return known if known is OrderState.REFUNDED else OrderState.PARTIAL_REFUNDED
        return OrderState.PAID
    if trade_status == "TRADE_CLOSED":
        if known is OrderState.REVOKED:
            return known
        return OrderState.REFUNDED if was_paid or known in _PAID_BEFORE else OrderState.CLOSED
    raise ValueError(f"trade_status {trade_status!r}")


# Gateway codes (and business sub_codes) → what the client does.
RETRY_CODES = frozenset({"20000"})
RETRY_SUB_CODES = frozenset({"ACQ.SYSTEM_ERROR", "isp.unknow-error", "aop.unknow-error"})
SUB_CODE_REASONS: dict[str, UnknownReason] = {
    "isv.invalid-signature": UnknownReason.CREDENTIALS,
    "isv.invalid-timestamp": UnknownReason.CREDENTIALS,
    "isv.invalid-app-id": UnknownReason.TERMINAL_NOT_BOUND,
    "isv.missing-signature": UnknownReason.CREDENTIALS,
    "ACQ.INVALID_PARAMETER": UnknownReason.INVALID_PARAMS,
    "ACQ.SYSTEM_ERROR": UnknownReason.PLATFORM_ERROR,
}
CODE_REASONS: dict[str, UnknownReason] = {
    "20000": UnknownReason.PLATFORM_ERROR,
    "20001": UnknownReason.TERMINAL_NOT_BOUND,
    "40001": UnknownReason.INVALID_PARAMS,
    "40002": UnknownReason.INVALID_PARAMS,
    "40006": UnknownReason.TERMINAL_NOT_BOUND,
}
TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST"
NOT_CLOSABLE = frozenset({"ACQ.TRADE_STATUS_ERROR", "ACQ.REASON_TRADE_STATUS_INVALID", "ACQ.REASON_ILLEGAL_STATUS"})
BILL_NOT_READY = frozenset({"isp.bill_not_exist"})
