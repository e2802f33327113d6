"""Reconciliation rules: the platform's orders against the receipts the watcher saw.

Pure: the reconciler service (reconcile/) feeds it the orders it has listed and the receipts from
the journal, and raises each finding once (by its key) as a case. Every path that knows the
platform's orders (the list during the day, a platform's daily bill the next morning) runs these
same rules, so each raises the same findings:
- a paid order with no receipt; a receipt whose order is not paid, failed, closed or unknown;
- an order stuck waiting for payment; one order printed twice as an original;
- a receipt's amount that is not the platform's;
- a refund receipt for an order the platform says is paid (the refund never reached it);
- a refund on the platform with no refund receipt (or receipts for less than was refunded).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from cashier_app.domain.cases import DEFAULT_CAUSE, CaseKind
from cashier_app.domain.money import yuan
from cashier_app.domain.orders import FAILURE_STATES, UNPAID_STATES, OrderState
from cashier_app.domain.reconcile_settings import ReconcileSettings

PAID_STATES = frozenset({OrderState.PAID, OrderState.PARTIAL_REFUNDED})
REFUNDED_STATES = frozenset({OrderState.PARTIAL_REFUNDED, OrderState.REFUNDED})


@dataclass(frozen=True)
class OrderSnapshot:
    out_trade_no: str
    state: OrderState
    total_amount: int | None
    created_at: datetime
    paid_at: datetime | None
    channel_trade_no: str | None = None
    paid_amount: int | None = None  # what the customer paid (a coupon can make it less than the total)
    refund_amount: int = 0  # refunded so far
    updated_at: datetime | None = None  # the platform's last change (for a refund: about when it happened)

    @property
    def refunded(self) -> int:
        """Fen refunded: a full refund without an amount counts as the whole amount paid."""
        if self.refund_amount:
            return self.refund_amount
        if self.state is OrderState.REFUNDED:
            return self.paid_amount or self.total_amount or 0
        return 0


@dataclass(frozen=True)
class ReceiptSeen:
    receipt_id: int
    out_trade_no: str | None  # None for bank-card slips: recorded, never raised as unmatched
    kind: str  # "SALE" | "REFUND"
    amount: int | None
    seen_at: datetime
    # Recorded but not printed: its order had its original already (the till wrote print.txt again).
    repeat: bool = False


@dataclass(frozen=True)
class Finding:
    kind: CaseKind
    out_trade_no: str
    state: OrderState | None
    amount: int | None
    cause: str
    receipt_ids: tuple[int, ...] = ()
    detail: str = ""  # the particulars (amounts, states), for the case's first step

    @property
    def key(self) -> str:
        """Raised once per key: a finding seen again on the next poll is the same case."""
        return f"{self.kind.value}:{self.out_trade_no}"


@dataclass
class ReconcileResult:
    findings: list[Finding] = field(default_factory=list)
    # Receipts whose order the list has not shown after the grace period: query each once.
    to_query: list[str] = field(default_factory=list)
    # Keys of earlier findings that no longer hold (e.g. the receipt arrived late).
    cleared: set[str] = field(default_factory=set)


def age_text(age: timedelta) -> str:
    """A duration as a person says it: "45 s", "7 min 12 s", "2 h 5 min"."""
    seconds = max(0, int(age.total_seconds()))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


def reconcile(
    orders: Mapping[str, OrderSnapshot],
    receipts: Iterable[ReceiptSeen],
    now: datetime,
    settings: ReconcileSettings,
    *,
    not_on_platform: frozenset[str] = frozenset(),
    open_keys: Iterable[str] = (),
    printed: frozenset[str] = frozenset(),
    watched_since: datetime | None = None,
) -> ReconcileResult:
    """`printed`: orders whose original paper exists or is on its way without a receipt of theirs
    (printed from the platform's record). `watched_since`: when the app first ran; orders paid before
    it were never watched, so their receipts cannot be missing."""
    sales: dict[str, list[ReceiptSeen]] = defaultdict(list)
    refunds: dict[str, list[ReceiptSeen]] = defaultdict(list)
    for receipt in receipts:
        if receipt.out_trade_no:
            (sales if receipt.kind == "SALE" else refunds)[receipt.out_trade_no].append(receipt)
    round_ = _Round(orders, sales, refunds, now, timedelta(seconds=settings.grace_s),
                    timedelta(seconds=settings.stuck_after_s), not_on_platform, printed, watched_since)
    for no, order in orders.items():
        round_.check_order(no, order)
    for no, seen in sales.items():
        round_.check_sales(no, seen)
    for no, slips in refunds.items():
        round_.check_refund_slips(no, slips)
    round_.clear(open_keys)
    return round_.result


@dataclass
class _Round:
    """One reconciliation: what it was given, and the findings so far (each pass is one method)."""

    orders: Mapping[str, OrderSnapshot]
    sales: dict[str, list[ReceiptSeen]]
    refunds: dict[str, list[ReceiptSeen]]
    now: datetime
    grace: timedelta
    stuck_after: timedelta
    not_on_platform: frozenset[str]
    printed: frozenset[str]
    watched_since: datetime | None
    result: ReconcileResult = field(default_factory=ReconcileResult)

    def raise_(self, kind: CaseKind, no: str, state: OrderState | None, amount: int | None, detail: str, *,
               ids: tuple[int, ...] = ()) -> None:
        self.result.findings.append(Finding(kind, no, state, amount, DEFAULT_CAUSE[kind], ids, detail))

    def watched(self, moment: datetime) -> bool:
        return self.watched_since is None or moment >= self.watched_since

    def check_order(self, no: str, order: OrderSnapshot) -> None:
        """The platform's order against the receipts: paid without one, stuck paying, refunded without one."""
        if order.state in PAID_STATES and not self.sales.get(no) and no not in self.printed:
            paid_at = order.paid_at or order.created_at
            if self.now - paid_at >= self.grace and self.watched(paid_at):
                self.raise_(CaseKind.PAID_NO_RECEIPT, no, order.state, order.total_amount,
                            "paid on the platform, no receipt seen after the grace period")
        waited = self.now - order.created_at
        if order.state in UNPAID_STATES and waited >= self.stuck_after:
            # Its real age (the threshold says nothing of how long this customer has waited).
            self.raise_(CaseKind.STUCK_PAYMENT, no, order.state, order.total_amount,
                        f"order in {order.state.value} for {age_text(waited)} (created {order.created_at.isoformat()})")
        if order.state in REFUNDED_STATES:
            _refund_without_receipt(order, self.refunds.get(no, []), now=self.now, grace=self.grace,
                                    watched=self.watched, raise_=self.raise_)

    def check_sales(self, no: str, seen: list[ReceiptSeen]) -> None:
        """An order's sale receipts against the platform: doubled, without payment, for another amount."""
        ids = tuple(r.receipt_id for r in seen)
        amount = seen[0].amount
        listed = self.orders.get(no)
        originals = [r for r in seen if not r.repeat]
        if len(originals) > 1:
            self.raise_(CaseKind.DOUBLED_RECEIPT, no, listed.state if listed else None, amount,
                        f"{len(originals)} original receipts for one order", ids=ids)
        first_seen = min(r.seen_at for r in seen)
        if listed is None:
            if no in self.not_on_platform:
                self.raise_(CaseKind.RECEIPT_WITHOUT_PAYMENT, no, None, amount,
                            "the platform does not know this order", ids=ids)
            elif self.now - first_seen >= self.grace:
                self.result.to_query.append(no)
            return
        if listed.state in UNPAID_STATES and self.now - first_seen >= self.grace:
            self.raise_(CaseKind.RECEIPT_WITHOUT_PAYMENT, no, listed.state, amount,
                        f"receipt printed but the platform says {listed.state.value}: sync the order", ids=ids)
        elif listed.state in FAILURE_STATES:
            self.raise_(CaseKind.RECEIPT_WITHOUT_PAYMENT, no, listed.state, amount,
                        f"receipt printed but the order is {listed.state.value}", ids=ids)
        elif listed.state in PAID_STATES or listed.state is OrderState.REFUNDED:
            _amount_mismatch(listed, seen, self.raise_)

    def check_refund_slips(self, no: str, slips: list[ReceiptSeen]) -> None:
        """An order's refund receipts against the platform: a refund the platform has not heard of."""
        ids = tuple(r.receipt_id for r in slips)
        listed = self.orders.get(no)
        refunded = sum(r.amount or 0 for r in slips)
        first_seen = min(r.seen_at for r in slips)
        if listed is None:
            if no in self.not_on_platform:
                self.raise_(CaseKind.REFUND_NOT_ON_PLATFORM, no, None, refunded,
                            "refund receipt for an order the platform does not know", ids=ids)
            elif self.now - first_seen >= self.grace:
                self.result.to_query.append(no)
        elif listed.state is OrderState.PAID and self.now - first_seen >= self.grace:
            self.raise_(CaseKind.REFUND_NOT_ON_PLATFORM, no, listed.state, refunded,
                        f"refund receipt of {yuan(refunded)} but the platform says the order is paid, nothing "
                        "refunded", ids=ids)

    def clear(self, open_keys: Iterable[str]) -> None:
        """Open cases this round no longer finds, because what they waited for came."""
        current = {f.key for f in self.result.findings}
        for key in open_keys:
            if key not in current and self._resolved(key):
                self.result.cleared.add(key)

    def _resolved(self, key: str) -> bool:
        kind, _, no = key.partition(":")
        moved_on = self.orders.get(no)
        # A missing receipt that arrived, or a stuck order that moved on, clears by itself.
        receipt_arrived = kind == CaseKind.PAID_NO_RECEIPT.value and (bool(self.sales.get(no)) or no in self.printed)
        stopped_waiting = (kind == CaseKind.STUCK_PAYMENT.value and moved_on is not None
                           and moved_on.state not in UNPAID_STATES)
        # A refund receipt arrived for the platform's refund, or the platform heard of the till's refund.
        refund_receipted = kind == CaseKind.REFUND_WITHOUT_RECEIPT.value and moved_on is not None and bool(
            self.refunds.get(no))
        refund_reached = (kind == CaseKind.REFUND_NOT_ON_PLATFORM.value and moved_on is not None
                          and moved_on.state in REFUNDED_STATES)
        return receipt_arrived or stopped_waiting or refund_receipted or refund_reached


class Raise(Protocol):
    def __call__(self, kind: CaseKind, no: str, state: OrderState | None, amount: int | None, detail: str, *,
                 ids: tuple[int, ...] = ()) -> None: ...


def _amount_mismatch(order: OrderSnapshot, seen: list[ReceiptSeen], raise_: Raise) -> None:
    """A sale receipt whose amount is neither the order's total nor what the customer paid."""
    platform = {a for a in (order.total_amount, order.paid_amount) if a is not None}
    if not platform:
        return
    wrong = [r for r in seen if r.amount is not None and r.amount not in platform]
    if wrong:
        shown = ", ".join(yuan(r.amount) for r in wrong if r.amount is not None)
        paid = f", paid {yuan(order.paid_amount)}" if order.paid_amount not in (None, order.total_amount) else ""
        raise_(CaseKind.AMOUNT_MISMATCH, order.out_trade_no, order.state, order.total_amount,
               f"receipt says {shown}, the platform says {yuan(order.total_amount or 0)}{paid}",
               ids=tuple(r.receipt_id for r in wrong))


def _refund_without_receipt(order: OrderSnapshot, slips: list[ReceiptSeen], *, now: datetime, grace: timedelta,
                            watched: Callable[[datetime], bool], raise_: Raise) -> None:
    """Refunded on the platform, but no refund receipt (or receipts for less than was refunded)."""
    refunded = order.refunded
    when = order.updated_at or order.paid_at or order.created_at
    if refunded <= 0 or now - when < grace or not watched(when):
        return
    covered = sum(r.amount or 0 for r in slips)
    if slips and (covered >= refunded or any(r.amount is None for r in slips)):
        return
    detail = (f"refunded {yuan(refunded)} on the platform, refund receipts for {yuan(covered)}" if slips
              else f"refunded {yuan(refunded)} on the platform, no refund receipt")
    raise_(CaseKind.REFUND_WITHOUT_RECEIPT, order.out_trade_no, order.state, refunded, detail,
           ids=tuple(r.receipt_id for r in slips))
