"""A day's bill against the receipts seen that day, through the same reconciliation rules.

The next morning (bills are published from 09:00, fetched after 10:00 Beijing time) the bill is
imported whole into the journal and its orders are matched with the day's receipts by
domain/reconcile.py: a paid order with no receipt, a receipt of an order the bill does not show
paid (asked about once: a bill cannot prove an order unpaid), an amount that differs. Findings
are raised as cases with the same keys as during the day, so nothing is raised twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from cashier_app.domain.bill import BillEntry, BillEntryKind, DailyBill, orders_from_bill
from cashier_app.domain.cases import Case
from cashier_app.domain.receipt import Channel
from cashier_app.domain.reconcile import Finding, OrderSnapshot, ReceiptSeen
from cashier_app.domain.timezones import CHINA_TZ
from cashier_app.platform.order import Order
from cashier_app.platform.results import BillNotReady, NotStartedYet, OrderFound, OrderNotFound, StateUnknown

log = logging.getLogger(__name__)

# Bills come out from 09:00 the next day; the platforms say to fetch them after 10:00.
READY_AFTER = time(10, 0)
# A receipt printed just after midnight may belong to an order paid just before it.
DAY_MARGIN = timedelta(minutes=10)
# How many days back a missed bill is still fetched (the platforms keep three months).
CATCH_UP_DAYS = 7


@dataclass
class BillReport:
    day: date
    imported: bool = False
    reason: str | None = None  # "not_ready" or an UnknownReason value when not imported
    detail: str = ""
    entries: int = 0
    payments: int = 0
    refunds: int = 0
    queries: int = 0
    findings: list[Finding] = field(default_factory=list)
    opened: list[Case] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"day": self.day.isoformat(), "imported": self.imported, "reason": self.reason,
                "detail": self.detail, "entries": self.entries, "payments": self.payments, "refunds": self.refunds,
                "queries": self.queries,
                "findings": [{"kind": f.kind.value, "out_trade_no": f.out_trade_no, "amount": f.amount,
                              "state": f.state.value if f.state else None, "cause": f.cause} for f in self.findings],
                "opened": [c.id for c in self.opened]}


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, CHINA_TZ)
    return start, start + timedelta(days=1)


def ready_at(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), READY_AFTER, CHINA_TZ)


def beijing_day(moment: datetime) -> date:
    return moment.astimezone(CHINA_TZ).date()


def receipts_of_day(receipts: list[ReceiptSeen], day: date) -> tuple[list[ReceiptSeen], set[str]]:
    """The receipts to match with a day's bill (with a margin either side), and the numbers of
    those seen within the day itself: only those can be missing from the day's bill."""
    start, end = day_bounds(day)
    near = [r for r in receipts if start - DAY_MARGIN <= r.seen_at < end + DAY_MARGIN]
    within = {r.out_trade_no for r in near if r.out_trade_no and start <= r.seen_at < end}
    return near, within


def order_of(entry: BillEntry, snapshot: OrderSnapshot, refunded: int) -> Order:
    """The journal's record of an order the bill shows (forward-only when written)."""
    paid_at = snapshot.paid_at or entry.at
    return Order(
        out_trade_no=entry.out_trade_no, channel_trade_no=entry.channel_trade_no,
        channel=Channel.WECHAT if entry.channel == "WECHAT" else Channel.ALIPAY,
        trade_type=entry.trade_type or "-", state=snapshot.state,
        channel_state=f"BILL:{snapshot.state.value}", total_amount=entry.amount, paid_amount=entry.amount,
        refund_amount=min(refunded, entry.amount), subject="", store_no=entry.store, terminal_no=entry.device or "-",
        operator="", created_at=paid_at, paid_at=paid_at, updated_at=paid_at, last_synced_at=None)


def bill_orders(bill: DailyBill) -> tuple[dict[str, OrderSnapshot], list[Order]]:
    """The bill's orders as the rules read them, and as the journal keeps them."""
    snapshots = orders_from_bill(bill)
    refunded: dict[str, int] = {}
    for entry in bill.entries:
        if entry.kind is BillEntryKind.REFUND:
            refunded[entry.out_trade_no] = refunded.get(entry.out_trade_no, 0) + entry.amount
    orders: list[Order] = []
    seen: set[str] = set()
    for entry in bill.entries:
        snapshot = snapshots.get(entry.out_trade_no)
        if snapshot is None or entry.kind is BillEntryKind.REFUND or entry.out_trade_no in seen:
            continue
        seen.add(entry.out_trade_no)
        orders.append(order_of(entry, snapshot, refunded.get(entry.out_trade_no, 0)))
    return snapshots, orders


def snapshot_of(order: Order) -> OrderSnapshot:
    return OrderSnapshot(order.out_trade_no, order.state, order.total_amount, order.created_at, order.paid_at,
                         order.channel_trade_no, paid_amount=order.paid_amount, refund_amount=order.refund_amount,
                         updated_at=order.updated_at)


def answer_for_missing(result: object, number: str) -> tuple[OrderSnapshot | None, bool]:
    """A query about a receipt the bill does not show: (the order, not on the platform)."""
    if isinstance(result, OrderFound):
        return snapshot_of(result.order), False
    if isinstance(result, OrderNotFound | NotStartedYet):
        # A day later, no trade at all for a number the till printed a receipt for: no payment.
        return None, True
    return None, False


def not_ready(day: date, result: BillNotReady | StateUnknown) -> BillReport:
    if isinstance(result, BillNotReady):
        return BillReport(day, reason="not_ready", detail=result.detail)
    return BillReport(day, reason=result.reason.value, detail=result.detail)

