"""One interface in front of every payment platform (design.md, "Platforms are adapters").

An adapter maps its platform's protocol onto the forward-only states and typed results of
specs/merchant-platform-api.md, and declares what it can do (`capabilities`). Callers look at the
capabilities before they call: an operation the platform does not have raises
UnsupportedOperation, it is never answered with a guess.

Adapters: MP API v1 (platform/client.py), WeChat Pay API v3 (platform/wechatpay/) and Alipay
(platform/alipay/). Every adapter signs every request, verifies every answer before it reads it,
and turns every failure into a StateUnknown with its reason: never into "unpaid".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol, Self, runtime_checkable

from cashier_app.domain.capabilities import Capabilities
from cashier_app.domain.orders import OrderState
from cashier_app.platform.results import (
    BillResult,
    CloseResult,
    ListResult,
    QueryResult,
    SyncOutcome,
    UnknownReason,
)
from cashier_app.platform.settings import PlatformSettings


class CheckOutcome(StrEnum):
    ACCEPTED = "accepted"  # the platform took the signed request and its answer verified
    REJECTED = "rejected"  # the platform refused the signature / the account, or its answer did not verify
    UNREACHABLE = "unreachable"  # no verified answer at all: nothing can be said about the keys


@dataclass(frozen=True)
class CredentialCheck:
    """What one signed, read-only call proved about the keys, and what the platform answered."""

    outcome: CheckOutcome
    answered: str  # e.g. "HTTP 404 ORDER_NOT_EXIST, signature verified"
    reason: UnknownReason | None = None
    detail: str = ""
    # Platform clock minus ours, from a verified answer's timestamp, where the platform sends one.
    skew_s: float | None = None


@runtime_checkable
class PlatformAdapter(Protocol):
    settings: PlatformSettings
    capabilities: Capabilities

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...

    def seed_states(self, states: Mapping[str, OrderState | str]) -> None:
        """The last states the journal knows, so that forward-only holds across restarts."""

    def known_state(self, out_trade_no: str) -> OrderState | None: ...

    def query(self, out_trade_no: str | None = None, *, channel_trade_no: str | None = None) -> QueryResult:
        """The platform's record of an order, by exactly one of its two numbers."""

    def lookup(self, number: str) -> QueryResult:
        """Query a number typed or scanned at the till, guessing from its shape which number it is."""

    def sync(self, number: str | None = None, idempotency_key: str | None = None, *,
             channel_trade_no: str | None = None) -> SyncOutcome:
        """Ask the channel again (补单); where the platform is the channel, a fresh query."""

    def list_orders(self, updated_since: datetime | str, state: OrderState | str | None = None,
                    page_size: int = ..., cursor: str | None = None) -> ListResult:
        """One page of this terminal's orders (capabilities.list)."""

    def close_order(self, out_trade_no: str, idempotency_key: str | None = None) -> CloseResult:
        """Close an unpaid order so that it can no longer be paid (capabilities.close)."""

    def daily_bill(self, day: date) -> BillResult:
        """The platform's bill of one day (capabilities.daily_bill)."""

    def check_credentials(self) -> CredentialCheck:
        """One signed read-only call: does the platform accept our keys, and do its answers verify?"""
