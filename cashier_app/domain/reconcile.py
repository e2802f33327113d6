"""Reconciliation rules: the platform's orders against the receipts the watcher saw.

Pure: the reconciler service (reconcile/) feeds it the orders it has listed and the receipts from
the journal, and raises each finding once (by its key) as a case.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from cashier_app.domain.cases import CaseKind
from cashier_app.domain.orders import FAILURE_STATES, UNPAID_STATES, OrderState
from cashier_app.domain.reconcile_settings import ReconcileSettings

PAID_STATES = frozenset({OrderState.PAID, OrderState.PARTIAL_REFUNDED})


@dataclass(frozen=True)
class OrderSnapshot:
    out_trade_no: str
    state: OrderState
    total_amount: int | None
    created_at: datetime
    paid_at: datetime | None
    channel_trade_no: str | None = None


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
    grace = timedelta(seconds=settings.grace_s)
    stuck_after = timedelta(seconds=settings.stuck_after_s)
    result = ReconcileResult()

    sales: dict[str, list[ReceiptSeen]] = defaultdict(list)
    for receipt in receipts:
        if receipt.out_trade_no and receipt.kind == "SALE":
            sales[receipt.out_trade_no].append(receipt)

    for no, order in orders.items():
        if order.state in PAID_STATES and not sales.get(no) and no not in printed:
            paid_at = order.paid_at or order.created_at
            if now - paid_at >= grace and (watched_since is None or paid_at >= watched_since):
                result.findings.append(Finding(
                    CaseKind.PAID_NO_RECEIPT, no, order.state, order.total_amount,
                    "paid on the platform, no receipt seen after the grace period"))
        waited = now - order.created_at
        if order.state in UNPAID_STATES and waited >= stuck_after:
            # Its real age (the threshold says nothing of how long this customer has waited).
            result.findings.append(Finding(
                CaseKind.STUCK_PAYMENT, no, order.state, order.total_amount,
                f"order in {order.state.value} for {age_text(waited)} (created {order.created_at.isoformat()})"))

    for no, seen in sales.items():
        ids = tuple(r.receipt_id for r in seen)
        amount = seen[0].amount
        listed = orders.get(no)
        originals = [r for r in seen if not r.repeat]
        if len(originals) > 1:
            result.findings.append(Finding(
                CaseKind.DOUBLED_RECEIPT, no, listed.state if listed else None, amount,
                f"{len(originals)} original receipts for one order", ids))
        first_seen = min(r.seen_at for r in seen)
        if listed is None:
            if no in not_on_platform:
                result.findings.append(Finding(
                    CaseKind.RECEIPT_WITHOUT_PAYMENT, no, None, amount, "the platform does not know this order", ids))
            elif now - first_seen >= grace:
                result.to_query.append(no)
            continue
        taken = listed.total_amount
        if listed.state in PAID_STATES and taken is not None and amount is not None and amount != taken:
            result.findings.append(Finding(
                CaseKind.AMOUNT_MISMATCH, no, listed.state, amount,
                f"receipt says {amount} fen, the platform took {taken} fen", ids))
        if listed.state in UNPAID_STATES and now - first_seen >= grace:
            result.findings.append(Finding(
                CaseKind.RECEIPT_WITHOUT_PAYMENT, no, listed.state, amount,
                f"receipt printed but the platform says {listed.state.value}: sync the order", ids))
        elif listed.state in FAILURE_STATES:
            result.findings.append(Finding(
                CaseKind.RECEIPT_WITHOUT_PAYMENT, no, listed.state, amount,
                f"receipt printed but the order is {listed.state.value}", ids))
        elif listed.state is OrderState.REFUNDED:
            result.findings.append(Finding(
                CaseKind.REFUND, no, listed.state, amount, "order refunded after its sale receipt", ids))

    current = {f.key for f in result.findings}
    for key in open_keys:
        kind, _, no = key.partition(":")
        # A missing receipt that arrived, or a stuck order that moved on, clears by itself.
        if key in current:
            continue
        moved_on = orders.get(no)
        receipt_arrived = kind == CaseKind.PAID_NO_RECEIPT.value and (bool(sales.get(no)) or no in printed)
        stopped_waiting = (kind == CaseKind.STUCK_PAYMENT.value and moved_on is not None
                           and moved_on.state not in UNPAID_STATES)
        if receipt_arrived or stopped_waiting:
            result.cleared.add(key)
    return result
