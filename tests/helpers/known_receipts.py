"""A journal with known receipts, written through the app's own stores (intake's ReceiptStore,
the print queue's PrintJobStore), and an oracle that filters them in plain Python.

Three store days (+08:00) of a small shop: WeChat, Alipay, UnionPay and bank-card payments by
operators 01-03, a few refunds, amounts that repeat (38.50), and each paper outcome: printed,
reprinted, held, cancelled, never queued.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from cashier_app.domain.receipt import Receipt
from cashier_app.domain.receipt_parser import parse_receipt
from cashier_app.domain.receipt_search import PRINTED_NO, PRINTED_REPRINTED, PRINTED_YES, ReceiptQuery
from cashier_app.journal.db import Journal
from cashier_app.journal.print_jobs import PrintJobStore
from cashier_app.journal.receipts import FileOutcome, ReceiptStore
from cashier_app.paper import PaperDesk, Reason, Want
from cashier_app.printing.settings import PrinterSettings, PrintingSettings

STORE = timezone(timedelta(hours=8))
CHANNEL_WORDS = {"WECHAT": "微信支付 付款码", "ALIPAY": "支付宝 付款码", "UNIONPAY": "云闪付"}
# Paper outcomes.
PRINTED = "printed"
REPRINTED = "reprinted"
HELD = "held"
CANCELLED = "cancelled"
NEVER_QUEUED = "never_queued"


@dataclass(frozen=True)
class Known:
    id: int
    at: datetime  # store time it was recorded
    out_trade_no: str | None
    channel_trade_no: str | None
    reference_no: str | None
    amount: int
    channel: str
    operator: str
    refund: bool
    paper: str
    text: str

    @property
    def printed(self) -> str:
        if self.paper == REPRINTED:
            return PRINTED_REPRINTED
        return PRINTED_YES if self.paper == PRINTED else PRINTED_NO


# (day, hh:mm, out_trade_no (its last four digits: the day's date goes before them), channel, operator, fen,
#  refund, paper, extra line)
ROWS = [
    ("2026-11-22", "09:05", "0001", "WECHAT", "01", 3850, False, PRINTED, "可乐 x2"),
    ("2026-11-22", "09:40", "0002", "ALIPAY", "02", 1250, False, PRINTED, ""),
    ("2026-11-22", "12:10", "0003", "BANKCARD", "01", 12800, False, PRINTED, ""),
    ("2026-11-22", "18:30", "0004", "WECHAT", "03", 3850, False, REPRINTED, "雪碧"),
    ("2026-11-22", "23:50", "0005", "UNIONPAY", "02", 999, False, PRINTED, ""),
    ("2026-11-23", "00:10", "0006", "WECHAT", "02", 500, False, PRINTED, "夜宵 可乐"),
    ("2026-11-23", "08:00", "0007", "ALIPAY", "01", 3850, False, HELD, ""),
    ("2026-11-23", "10:15", "202611220001", "WECHAT", "01", 3850, True, PRINTED, ""),  # refunds the first sale
    ("2026-11-23", "11:11", "0008", "WECHAT", "03", 20000, False, CANCELLED, ""),
    ("2026-11-23", "15:00", "0009", "ALIPAY", "03", 3851, False, PRINTED, "可乐"),
    ("2026-11-23", "15:01", "0010", "BANKCARD", "02", 3849, False, NEVER_QUEUED, ""),
    ("2026-11-24", "07:59", "0011", "WECHAT", "01", 4500, False, PRINTED, ""),
    ("2026-11-24", "09:00", "0012", "ALIPAY", "02", 3850, False, REPRINTED, ""),
    ("2026-11-24", "10:30", "0013", "WECHAT", "02", 120, False, PRINTED, "口香糖"),
    ("2026-11-24", "14:45", "0014", "UNIONPAY", "03", 88800, False, PRINTED, ""),
    ("2026-11-24", "16:20", "0015", "ALIPAY", "01", 1250, True, PRINTED, ""),
    ("2026-11-24", "22:05", "0016", "WECHAT", "03", 3850, False, PRINTED, "可乐"),
]


def receipt_text(*, day: str, hhmm: str, out_trade_no: str | None, channel: str, channel_trade_no: str | None,
                 reference_no: str | None, operator: str, fen: int, refund: bool, extra: str) -> str:
    amount = f"RMB {fen // 100}.{fen % 100:02d}"
    if channel == "BANKCARD":
        lines = [
            "      中国建设银行 签购单", "商户名称(MERCHANT NAME)：", "星河便利店",
            "终端编号(TERMINAL NO)：10000001", f"操作员号(OPERATOR NO)：{operator}", "交易类型(TRANS TYPE)：消费/SALE",
            f"参考号(REFER NO)：{reference_no}", "日期/时间(DATE/TIME)：", f"{day.replace('-', '/')} {hhmm}:00",
            f"金额(AMOUNT)：{amount}",
        ]
    else:
        kind = f"{CHANNEL_WORDS[channel]}（退款）" if refund else CHANNEL_WORDS[channel]
        lines = [
            "        聚合支付 " + ("退款单" if refund else "签购单"), "商户名称：星河便利店(科技园店)",
            "终端编号：T0001", f"操作员：{operator}", f"交易类型：{kind}", f"商户订单号：{out_trade_no}",
        ]
        if channel_trade_no:
            lines.append(f"第三方订单号：{channel_trade_no}")
        lines += [f"交易时间：{day} {hhmm}:00", f"{'退款金额' if refund else '金额'}：{amount}"]
    if extra:
        lines.append(f"商品：{extra}")
    lines.append("        谢谢惠顾，欢迎再次光临")
    return "\n".join(lines)


def fill(journal: Journal, printer: str = "receipt", *, with_jobs: bool = True) -> list[Known]:
    """The known receipts; with their print jobs unless `with_jobs` is False (then all never queued)."""
    receipts = ReceiptStore(journal)
    jobs = PrintJobStore(journal)
    desk = PaperDesk(journal, PrintingSettings(default_printer=printer, printers={printer: PrinterSettings()}))
    known: list[Known] = []
    for n, (day, hhmm, suffix, channel, operator, fen, refund, row_paper, extra) in enumerate(ROWS, start=1):
        at = datetime.fromisoformat(f"{day}T{hhmm}:00").replace(tzinfo=STORE)
        bank = channel == "BANKCARD"
        out_trade_no = None if bank else suffix if len(suffix) > 4 else f"{day.replace('-', '')}{suffix}"
        channel_trade_no = None if bank or refund else f"42000012{day.replace('-', '')}{n:06d}{suffix[-4:]}"
        reference_no = f"1234567{n:05d}" if bank else None
        text = receipt_text(day=day, hhmm=hhmm, out_trade_no=out_trade_no, channel=channel,
                            channel_trade_no=channel_trade_no, reference_no=reference_no, operator=operator, fen=fen,
                            refund=refund, extra=extra)
        data = text.replace("\n", "\r\n").encode("gb18030")
        receipt = parse_receipt(data)
        assert isinstance(receipt, Receipt), receipt
        assert receipt.amount == fen and receipt.operator == operator, (receipt, fen, operator)
        assert (receipt.kind.value == "REFUND") == refund, receipt
        created = at.astimezone(UTC).isoformat(timespec="microseconds")
        version = receipts.add_file_version(path="C:/till/print.txt", seen_at=created, mtime_ns=n, size=len(data),
                                            sha256=hashlib.sha256(data).hexdigest(), content=data,
                                            outcome=FileOutcome.RECEIPT)
        record = receipts.add_receipt(version, receipt, created_at=created)
        paper = row_paper if with_jobs else NEVER_QUEUED
        if paper != NEVER_QUEUED:  # every job through the paper desk, as the app writes them
            job_id = desk.request(receipt_id=record.id, want=Want.ORIGINAL, reason=Reason.TILL_RECEIPT,
                                  person="system").job_id
            if paper == CANCELLED:
                jobs.cancel(job_id, "already printed another way", "02")
            elif paper != HELD:
                jobs.mark_sending(job_id)
                jobs.mark_done(job_id)
            else:
                jobs.hold(job_id, "paper_end", "out of paper")
            if paper == REPRINTED:
                copy_id = desk.request(receipt_id=record.id, want=Want.COPY, reason="顾客要求补打",
                                       person=operator).job_id
                jobs.mark_sending(copy_id)
                jobs.mark_done(copy_id)
        known.append(Known(record.id, at, out_trade_no, channel_trade_no, reference_no, fen, channel, operator, refund,
                           paper, "\n".join(receipt.lines)))
    return known


def expected(known: list[Known], query: ReceiptQuery) -> list[int]:
    """The oracle: receipt ids matching `query`, newest first (the whole result, no limit)."""
    found = []
    for k in known:
        if query.number and not any(n and n.endswith(query.number)
                                    for n in (k.out_trade_no, k.channel_trade_no, k.reference_no)):
            continue
        if query.amount_min is not None and k.amount < query.amount_min:
            continue
        if query.amount_max is not None and k.amount > query.amount_max:
            continue
        if query.since is not None and k.at < query.since:
            continue
        if query.until is not None and k.at >= query.until:
            continue
        if query.channel is not None and k.channel != query.channel.value:
            continue
        if query.operator and k.operator != query.operator:
            continue
        # "yes" is every receipt that came out of the printer, those copied since included.
        if query.printed == PRINTED_YES and k.printed not in (PRINTED_YES, PRINTED_REPRINTED):
            continue
        if query.printed in (PRINTED_NO, PRINTED_REPRINTED) and k.printed != query.printed:
            continue
        if query.text and query.text.lower() not in k.text.lower():
            continue
        found.append(k)
    return [k.id for k in sorted(found, key=lambda k: (k.at, k.id), reverse=True)]
