"""What the lookup page shows for one order: the platform's answer, the guidance, the case.

A view is immutable: every action of the service takes one and returns the next, so that the
page (on the GUI thread) and the worker running the action never share a changing object.
"""

from __future__ import annotations

from dataclasses import dataclass

from cashier_app.domain.cases import CaseResult, CaseStep
from cashier_app.domain.guidance import Action, Guidance, LookupOutcome, Voucher
from cashier_app.domain.order_numbers import NumberKind
from cashier_app.domain.orders import OrderState
from cashier_app.domain.paper import PaperStatus
from cashier_app.platform.order import Order

PRINTABLE_STATES = frozenset({OrderState.PAID, OrderState.PARTIAL_REFUNDED})
UNPAID_STATES = frozenset({OrderState.CREATED, OrderState.USERPAYING})


@dataclass(frozen=True)
class Carried:
    """What a view hands every later step on the same order: the customer's answer about a payment voucher
    and what the last sync found. A step starts from its view's record and changes only what it learns
    (`dataclasses.replace`), so nothing is dropped on the way; a new lookup starts afresh."""

    voucher: Voucher = Voucher.NOT_ASKED
    after_sync: bool = False
    sync_changed: bool | None = None
    polls: int = 0  # how many times sync/query was repeated while still unpaid


@dataclass(frozen=True)
class LookupView:
    number: str  # normalised input
    number_kind: NumberKind  # the number the answer was given for
    outcome: LookupOutcome
    # The platform's record from the last answer; None unless `outcome` is FOUND (an order whose
    # state is not known now is not shown with a state it had before).
    order: Order | None
    guidance: Guidance
    carried: Carried
    has_receipt: bool  # a sale receipt (print.txt) of this order is in the journal (see `paper` for what was printed)
    receipt_ids: tuple[int, ...]  # those receipts, oldest first
    case_id: int | None  # the order's open case, when there is one
    unknown_reason: str | None = None  # UnknownReason value when outcome is UNKNOWN
    detail: str = ""  # English technical detail for the tooltip/log
    job_id: int | None = None  # print job queued by the last action (not carried: the next action's own)
    # -- added beside the page's API --------------------------------------------------------
    # The merchant order number when known (from the order, or the number itself when it is
    # one): actions on an order whose state became unknown still know which order it is.
    out_trade_no: str | None = None
    # Steps taken before the order had a case (a lookup of a paid order with its receipt):
    # written into the case, with their own times, once an action opens one.
    pending_steps: tuple[CaseStep, ...] = ()
    # The result the case was closed with by the last action (None while it is open).
    case_result: CaseResult | None = None
    # What the order's receipt has had on paper (from the journal, read again after every action
    # and whenever a job of the order changes: cashier_app.paper).
    paper: PaperStatus = PaperStatus.NONE
    copies_printed: int = 0
    printed_at: str | None = None  # UTC, when the app printed the original
    printed_by: str | None = None  # who asked for the original ("system": the till's print.txt or reconciliation)
    held_job_ids: tuple[int, ...] = ()  # the order's jobs waiting for the printer
    held_fault: str | None = None  # why (a printer fault code)
    # Which platform answered (PlatformKind value), and whether it is the payment channel itself
    # (WeChat Pay, Alipay): then a "sync" is a fresh query and its answer is the truth.
    platform: str = "mp-v1"
    channel_is_platform: bool = False

    @property
    def voucher(self) -> Voucher:
        return self.carried.voucher

    @property
    def after_sync(self) -> bool:
        return self.carried.after_sync

    @property
    def sync_changed(self) -> bool | None:
        return self.carried.sync_changed

    @property
    def polls(self) -> int:
        return self.carried.polls

    @property
    def state(self) -> OrderState | None:
        """The order's state as the platform answered it now; None when not found or not known."""
        return self.order.state if self.order is not None else None

    @property
    def may_close(self) -> bool:
        """Whether closing this order (before taking payment again) is allowed: only for an order
        the platform answered as unpaid, when the guidance offers it (the customer has no voucher,
        or was not asked yet). Never for a state that is not known."""
        return (self.outcome is LookupOutcome.FOUND and self.state in UNPAID_STATES
                and Action.CLOSE_AND_PAY_AGAIN in self.guidance.actions)

    @property
    def may_print(self) -> bool:
        """Whether a receipt may be printed (or reprinted) for this order: only a paid one."""
        return self.outcome is LookupOutcome.FOUND and self.state in PRINTABLE_STATES


@dataclass(frozen=True)
class SyncProgress:
    """Reported by LookupService.sync before each wait while an order stays unpaid after a sync."""

    poll: int  # 1, 2, ...: the poll about to be made
    polls: int  # how many polls there will be at most
    waiting_s: float  # the wait before it
    state: OrderState | None  # the state the platform answered last
