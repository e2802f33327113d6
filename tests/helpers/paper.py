"""The paper desk in tests: print.txt content, taking it in, finishing a job."""

from __future__ import annotations

import hashlib

from cashier_app.domain.receipt import Receipt
from cashier_app.domain.receipt_parser import parse_receipt
from cashier_app.journal.db import Journal
from cashier_app.journal.print_jobs import PrintJobStore
from cashier_app.journal.receipts import FileOutcome, ReceiptRecord, ReceiptStore
from cashier_app.paper import PaperDesk, PaperJob


def print_txt(out_trade_no: str, amount_fen: int = 1250, *, refund: bool = False, extra: str = "") -> bytes:
    title = "退款凭证" if refund else "聚合支付 签购单"
    lines = [title, "交易类型：微信支付" + (" 退款" if refund else ""), f"商户订单号：{out_trade_no}",
             "交易时间：2026-11-22 10:31:05", f"金额：RMB {amount_fen // 100}.{amount_fen % 100:02d}", extra]
    return "\r\n".join(lines).encode("gb18030")


def take_in(desk: PaperDesk, content: bytes, *, training: bool = False) -> tuple[ReceiptRecord, PaperJob | None]:
    """Record a print.txt as the intake does: the receipt and its original job in one transaction."""
    receipt = parse_receipt(content)
    assert isinstance(receipt, Receipt), receipt
    store = ReceiptStore(desk.journal)
    with desk.journal.tx() as conn:
        version = store.add_file_version(path="print.txt", seen_at="2026-11-22T02:31:05.000000+00:00", mtime_ns=0,
                                         size=len(content), sha256=hashlib.sha256(content).hexdigest(),
                                         content=content, outcome=FileOutcome.RECEIPT, conn=conn)
        record = store.add_receipt(version, receipt, training=training, conn=conn)
        job = desk.take_in(conn, record)
    found = store.get(record.id)
    assert found is not None
    return found, job


def finish(journal: Journal, job_id: int) -> None:
    """The printer took the job (as the queue's worker marks it)."""
    jobs = PrintJobStore(journal)
    jobs.mark_sending(job_id)
    jobs.mark_done(job_id)
