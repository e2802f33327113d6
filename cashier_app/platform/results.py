"""Every outcome of a platform call as a type. No failure is ever turned into "unpaid".

A caller matches on the type: `OrderFound`, `OrderNotFound`, `NotQueryableYet`, `SyncResult`,
`OrderPage`, `OrderClosed`, `NotClosable`, or `StateUnknown` with its `reason`, the stable
machine code the UI translates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from cashier_app.domain.bill import DailyBill
from cashier_app.domain.orders import OrderState
from cashier_app.platform.order import Order

__all__ = [
    "BillNotReady", "BillResult", "CloseResult", "ListResult", "NotClosable", "NotQueryableYet", "NotStartedYet",
    "Order", "OrderClosed", "OrderFound", "OrderNotFound", "OrderPage", "QueryResult", "RefusedOrder", "StateUnknown",
    "SyncOutcome", "SyncResult", "UnknownReason", "UnsupportedOperation",
]


class UnsupportedOperation(Exception):
    """A call the platform does not have (callers look at the adapter's capabilities first)."""


class UnknownReason(StrEnum):
    """Why the state of an order is not known after a call. Never a reason to think it unpaid."""

    TIMEOUT = "timeout"  # no answer within the time allowed
    NETWORK = "network"  # the connection failed or the answer was lost
    PLATFORM_ERROR = "platform_error"  # 500 SYSTEM_ERROR, still failing after the retries
    CHANNEL_ERROR = "channel_error"  # 502 CHANNEL_ERROR: the payment channel did not answer
    MAINTENANCE = "maintenance"  # 503 MAINTENANCE
    BAD_SIGNATURE = "bad_signature"  # the answer's signature is missing, wrong or a probe
    RATE_LIMITED = "rate_limited"  # 429 FREQUENCY_LIMITED and the wait does not fit the budget
    CREDENTIALS = "credentials"  # 401, or no key stored / the credential store unavailable
    TERMINAL_NOT_BOUND = "terminal_not_bound"  # 403: this till is not registered with the platform
    INVALID_PARAMS = "invalid_params"  # 400: the request had a wrong field (named in `field`)
    UNREADABLE = "unreadable"  # an answer that is not the spec's JSON
    MOVED_BACKWARDS = "moved_backwards"  # an answer that would move an order back: refused
    SYNC_IN_PROGRESS = "sync_in_progress"  # 409 SYNC_IN_PROGRESS: wait and query
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"  # 422: a bug in the caller
    CANCELLED = "cancelled"  # the client was closed while the call waited to retry


@dataclass(frozen=True)
class StateUnknown:
    reason: UnknownReason
    detail: str = ""
    # The platform's `code` and HTTP status when there was a (verified) answer.
    code: str | None = None
    http_status: int | None = None
    # For INVALID_PARAMS: the field the platform named, when it named one.
    field: str | None = None
    # For RATE_LIMITED / MAINTENANCE: how long the platform asked us to wait.
    retry_after: float | None = None
    attempts: int = 1
    request_id: str | None = None

    @property
    def cause(self) -> str:
        """The reason in the words a person acts on: the platform answered and refused this till's key
        (or this computer's clock) is not the same as the platform being unreachable."""
        if self.reason is UnknownReason.CREDENTIALS and self.http_status is not None:
            return CLOCK_REJECTED if self.code in _CLOCK_CODES else KEY_REJECTED
        if self.reason is UnknownReason.BAD_SIGNATURE and self.http_status == 401:
            # A 401 we cannot verify: the platform signs with the terminal's real key, ours is not it.
            return KEY_REJECTED
        return self.reason.value


# StateUnknown.cause beyond the UnknownReason values: the platform answered, and refused us.
KEY_REJECTED = "key_rejected"
CLOCK_REJECTED = "clock_rejected"
REFUSED_CAUSES = frozenset({KEY_REJECTED, CLOCK_REJECTED, "credentials", "terminal_not_bound"})
_CLOCK_CODES = frozenset({"TIMESTAMP_EXPIRED", "NONCE_REPLAYED", "isv.invalid-timestamp"})


@dataclass(frozen=True)
class OrderFound:
    order: Order
    request_id: str | None = None


@dataclass(frozen=True)
class OrderNotFound:
    """404 ORDER_NOT_EXIST: the platform has no order with this number."""

    number: str
    detail: str = ""
    request_id: str | None = None


@dataclass(frozen=True)
class NotQueryableYet:
    """404 CHANNEL_NO_NOT_QUERYABLE: the platform has not had the channel's success notice for this
    third-party number yet. Query by the merchant order number instead, or sync."""

    channel_trade_no: str
    detail: str = ""
    request_id: str | None = None


@dataclass(frozen=True)
class NotStartedYet:
    """The platform has no trade for this number yet, and one may still begin: Alipay's
    ACQ.TRADE_NOT_EXIST for a QR code nobody has scanned. Never proof that the order is unpaid
    for good, nor that there is no such order."""

    number: str
    detail: str = ""
    request_id: str | None = None


@dataclass(frozen=True)
class BillNotReady:
    """The platform has no bill for that day (yet): bills come the next morning (after 10:00)."""

    day: date
    detail: str = ""
    code: str | None = None


@dataclass(frozen=True)
class SyncResult:
    order: Order
    upstream_state: OrderState
    changed: bool
    synced_at: datetime
    idempotency_key: str = ""
    request_id: str | None = None


@dataclass(frozen=True)
class RefusedOrder:
    """An order in a list page that would have moved backwards; left out of the page."""

    out_trade_no: str
    known_state: OrderState
    answered_state: OrderState


@dataclass(frozen=True)
class OrderPage:
    orders: tuple[Order, ...]
    next_cursor: str | None
    refused: tuple[RefusedOrder, ...] = field(default=())
    request_id: str | None = None


@dataclass(frozen=True)
class OrderClosed:
    order: Order
    request_id: str | None = None


@dataclass(frozen=True)
class NotClosable:
    """409 ORDER_NOT_CLOSABLE: only CREATED and USERPAYING orders can be closed. Query it."""

    out_trade_no: str
    detail: str = ""
    order: Order | None = None
    request_id: str | None = None


QueryResult = OrderFound | OrderNotFound | NotQueryableYet | NotStartedYet | StateUnknown
SyncOutcome = SyncResult | OrderNotFound | NotQueryableYet | NotStartedYet | StateUnknown
ListResult = OrderPage | StateUnknown
CloseResult = OrderClosed | NotClosable | OrderNotFound | NotStartedYet | StateUnknown
BillResult = DailyBill | BillNotReady | StateUnknown
