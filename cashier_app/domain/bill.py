"""A platform's bill of one day (对账单), read into rows the reconciliation rules understand.

WeChat Pay and Alipay have no list of orders to poll: their truth about a whole day is the bill
they publish the next morning (specs/real-platforms.md §1.6, §2.6). The adapters parse their own
formats into these entries; the rules here turn them into the orders of the day, so that the same
reconciliation rules (domain/reconcile.py) run over a bill as over the merchant platform's list.

A bill only lists money that moved: an order that was never paid is not in it, so a bill never
proves an order unpaid.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from cashier_app.domain.orders import OrderState
from cashier_app.domain.reconcile import OrderSnapshot


class BillEntryKind(StrEnum):
    PAYMENT = "payment"  # WeChat 交易状态 SUCCESS, Alipay 业务类型 交易
    REFUND = "refund"  # WeChat REFUND, Alipay 退款
    REVOKED = "revoked"  # WeChat REVOKED: a 付款码 payment reversed (撤销), money returned


@dataclass(frozen=True)
class BillEntry:
    kind: BillEntryKind
    out_trade_no: str
    channel_trade_no: str | None
    at: datetime  # with its offset: payment time, or when the refund was started
    amount: int  # fen, never negative: the order amount of a payment, the amount of a refund
    channel: str  # WECHAT | ALIPAY
    trade_type: str = ""
    device: str = ""  # WeChat 设备号 / Alipay 终端号: which till, where the store sets it
    store: str = ""  # Alipay 门店编号
    refund_no: str = ""  # 商户退款单号 / 退款批次号


@dataclass(frozen=True)
class DailyBill:
    day: date
    platform: str  # PlatformKind value
    entries: tuple[BillEntry, ...]
    digest: str = ""  # what the platform said the file's hash is (WeChat SHA1), or ours
    # The platform's own totals from the summary lines, checked against the entries when read.
    summary: dict[str, str] = field(default_factory=dict)

    @property
    def payments(self) -> int:
        return sum(1 for e in self.entries if e.kind is BillEntryKind.PAYMENT)

    @property
    def refunds(self) -> int:
        return sum(1 for e in self.entries if e.kind is BillEntryKind.REFUND)

    def only_device(self, device: str = "", store: str = "") -> DailyBill:
        """The entries of one till (and store), where the merchant's bill covers several."""
        if not device and not store:
            return self
        kept = tuple(e for e in self.entries
                     if (not device or e.device == device) and (not store or e.store == store))
        return DailyBill(self.day, self.platform, kept, self.digest, self.summary)


def orders_from_bill(bill: DailyBill) -> dict[str, OrderSnapshot]:
    """The orders paid on the bill's day, in the state the bill proves.

    Refunds in the bill add up against their order: the whole amount refunded is REFUNDED (the
    only proof of a full refund WeChat gives), less is PARTIAL_REFUNDED; a reversed 付款码 payment
    is REVOKED. Refunds of orders paid on another day are not this day's orders.
    """
    refunded: dict[str, int] = defaultdict(int)
    refunded_at: dict[str, datetime] = {}
    revoked: set[str] = set()
    for entry in bill.entries:
        if entry.kind is BillEntryKind.REFUND:
            refunded[entry.out_trade_no] += entry.amount
            last = refunded_at.get(entry.out_trade_no)
            refunded_at[entry.out_trade_no] = entry.at if last is None else max(last, entry.at)
        elif entry.kind is BillEntryKind.REVOKED:
            revoked.add(entry.out_trade_no)
    orders: dict[str, OrderSnapshot] = {}
    for entry in bill.entries:
        # A reversed payment may be listed only as its REVOKED row.
        if entry.kind is BillEntryKind.REFUND or entry.out_trade_no in orders:
            continue
        state = OrderState.PAID
        back = refunded.get(entry.out_trade_no, 0)
        if entry.out_trade_no in revoked:
            state = OrderState.REVOKED
        elif back >= entry.amount > 0:
            state = OrderState.REFUNDED
        elif back > 0:
            state = OrderState.PARTIAL_REFUNDED
        # The amounts and the refund's time, so the refund rules (a refund with no refund receipt) hold
        # for a bill as they do for the platform's list.
        orders[entry.out_trade_no] = OrderSnapshot(
            out_trade_no=entry.out_trade_no, state=state, total_amount=entry.amount, created_at=entry.at,
            paid_at=entry.at, channel_trade_no=entry.channel_trade_no, paid_amount=entry.amount, refund_amount=back,
            updated_at=refunded_at.get(entry.out_trade_no, entry.at))
    return orders


def refunded_by_order(bill: DailyBill) -> dict[str, int]:
    """Fen refunded per merchant order number in this bill."""
    totals: dict[str, int] = defaultdict(int)
    for entry in bill.entries:
        if entry.kind is BillEntryKind.REFUND:
            totals[entry.out_trade_no] += entry.amount
    return dict(totals)
