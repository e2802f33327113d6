"""What a job puts on paper: words a customer can read (the store's name, a reason in words, the
copy number that came out), never an internal code."""

from __future__ import annotations

from datetime import timedelta, timezone

from cashier_app.emulator.decoder import decode
from cashier_app.journal.db import Journal
from cashier_app.journal.print_jobs import PrintJobStore
from cashier_app.journal.receipts import ReceiptStore
from cashier_app.paper import JobRenderer, PaperDesk, Want
from cashier_app.platform.order import Order
from cashier_app.printing.settings import PrintingSettings
from tests.helpers.paper import finish
from tests.helpers.spec_examples import SPEC_ORDER

CHINA = timezone(timedelta(hours=8))


def printed_text(journal: Journal, job_id: int, store_name: str = "星河便利店") -> str:
    printing = PrintingSettings()
    job = PrintJobStore(journal).require(job_id)
    render = JobRenderer(ReceiptStore(journal), printing, CHINA, store_name=store_name)
    payload = render(job, printing.printers[printing.default_printer])
    return decode(payload, charset="gbk", dots=384).text()


def test_an_order_printed_from_the_record_names_the_store_and_says_where_it_comes_from(desk: PaperDesk,
                                                                                    journal: Journal) -> None:
    order = Order.from_json({**SPEC_ORDER, "out_trade_no": "2026112200090001"})
    job = desk.request(order=order, want=Want.ORIGINAL, reason="paid_no_receipt", person="system")
    text = printed_text(journal, job.job_id)
    assert "补打小票" in text and "据平台记录打印" in text and "商户名称：星河便利店" in text
    assert "S001" not in text and "paid_no_receipt" not in text and "REPRINT" not in text


def test_copies_say_their_reason_in_words_and_count_what_came_out(desk: PaperDesk, journal: Journal) -> None:
    order = Order.from_json({**SPEC_ORDER, "out_trade_no": "2026112200090002"})
    original = desk.request(order=order, want=Want.ORIGINAL, reason="paid_no_receipt", person="system")
    finish(journal, original.job_id)
    copy = desk.request(order=order, want=Want.COPY, reason="paid_no_receipt", person="07")
    text = printed_text(journal, copy.job_id)
    assert "重打小票 REPRINT" in text and "副本 COPY 2" in text and "已付款未出小票" in text
    assert "paid_no_receipt" not in text
    # Cut off part-way, it comes out again as the next copy, saying so.
    jobs = PrintJobStore(journal)
    jobs.mark_sending(copy.job_id)
    jobs.interrupt(copy.job_id, "send_failed", "link dropped")
    again = printed_text(journal, copy.job_id)
    assert "副本 COPY 3" in again and "打印中断后重打" in again and "interrupted" not in again
