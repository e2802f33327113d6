"""The paper desk over a real journal: originals once per document, copies with reason, person and
number, the audit row in UTC in the same transaction, and nothing written when it refuses."""

from __future__ import annotations

import json

import pytest

from cashier_app.journal.audit import AuditFilter, AuditStore
from cashier_app.journal.db import Journal
from cashier_app.journal.print_jobs import PrintJobStore
from cashier_app.paper import PaperDesk, PaperRefused, PaperStatus, Want
from cashier_app.platform.order import Order
from cashier_app.printing.settings import PrintingSettings
from tests.helpers.paper import finish, print_txt, take_in
from tests.helpers.spec_examples import SPEC_ORDER


def order(number: str, state: str = "PAID") -> Order:
    return Order.from_json({**SPEC_ORDER, "out_trade_no": number, "state": state})


def test_the_tills_receipt_gets_its_original_and_a_repeat_gets_none(desk: PaperDesk, journal: Journal) -> None:
    first, job = take_in(desk, print_txt("2026112200010001"))
    assert job is not None and job.original and job.copy_no == 1 and first.paper == "original"
    again, none = take_in(desk, print_txt("2026112200010001", extra="收银员：02"))  # the till wrote it again
    assert none is None and again.paper == "repeat"
    jobs = PrintJobStore(journal).list_jobs()
    assert [(j.receipt_id, j.original, j.paper_key) for j in jobs] == [(first.id, True, "2026112200010001")]
    assert AuditStore(journal).list() == []  # the till's own receipts are not a person's request


def test_an_original_on_its_way_is_not_printed_twice_by_anyone(desk: PaperDesk, journal: Journal) -> None:
    _, job = take_in(desk, print_txt("2026112200010002"))
    assert job is not None
    for want in Want:  # reconciliation, F9, the lookup page, Ctrl+P: none of them adds a job
        with pytest.raises(PaperRefused) as refused:
            desk.request(order=order("2026112200010002"), want=want, reason="顾客要求", person="07")
        assert refused.value.code == "original_pending" and refused.value.paper is not None
    assert len(PrintJobStore(journal).list_jobs()) == 1
    assert desk.paper_of("2026112200010002").status is PaperStatus.ON_ITS_WAY


def test_a_copy_names_its_person_reason_and_number_in_utc(desk: PaperDesk, journal: Journal) -> None:
    record, job = take_in(desk, print_txt("2026112200010003"))
    assert job is not None
    finish(journal, job.job_id)
    with pytest.raises(PaperRefused) as refused:
        desk.request(receipt_id=record.id, want=Want.ORIGINAL, reason="again", person="07")
    assert refused.value.code == "original_exists"

    copy = desk.request(receipt_id=record.id, want=Want.COPY, reason="顾客要求", person="07")
    assert (copy.original, copy.is_reprint, copy.copy_no, copy.receipt_id) == (False, True, 2, record.id)
    stored = PrintJobStore(journal).require(copy.job_id)
    assert stored.is_reprint and stored.requested_by == "07" and stored.reason == "顾客要求"
    [row] = AuditStore(journal).list()
    assert (row.actor, row.action, row.reason, row.copy_no, row.job_id, row.out_trade_no) == (
        "07", "reprint", "顾客要求", 2, copy.job_id, "2026112200010003")
    assert row.at.endswith("+00:00")
    with pytest.raises(PaperRefused) as twice:  # pressed twice before the first came out
        desk.request(receipt_id=record.id, want=Want.COPY, reason="顾客要求", person="07")
    assert twice.value.code == "copy_pending"
    finish(journal, copy.job_id)
    assert desk.request(receipt_id=record.id, want=Want.COPY, reason="再要一张", person="08").copy_no == 3
    assert desk.paper_of("2026112200010003").copies_printed == 1


def test_an_order_without_receipt_is_printed_from_the_platforms_record_once(desk: PaperDesk,
                                                                            journal: Journal) -> None:
    paid = order("2026112200010004")
    job = desk.request(order=paid, want=Want.ORIGINAL, reason="paid_no_receipt", person="system")
    assert job.original and job.receipt_id is None and job.copy_no == 1
    stored = PrintJobStore(journal).require(job.job_id)
    assert json.loads(stored.order_json or "")["out_trade_no"] == "2026112200010004"
    [row] = AuditStore(journal).list(AuditFilter(out_trade_no="2026112200010004"))
    assert (row.action, row.actor) == ("print_order", "system")
    # The till's print.txt comes late: recorded, not printed a second time.
    late, none = take_in(desk, print_txt("2026112200010004"))
    assert none is None and late.paper == "repeat"
    finish(journal, job.job_id)
    copy = desk.request(order=paid, want=Want.COPY, reason="顾客要求", person="07")
    # The copy is laid out from the till's receipt now that the journal has it.
    assert copy.copy_no == 2 and copy.receipt_id == late.id


def test_an_order_that_is_not_paid_gets_no_paper(desk: PaperDesk, journal: Journal) -> None:
    for state in ("USERPAYING", "CLOSED", "REFUNDED"):
        with pytest.raises(PaperRefused) as refused:
            desk.request(order=order("2026112200010005", state), want=Want.ORIGINAL, reason="x", person="07")
        assert refused.value.code == "not_paid"
    assert PrintJobStore(journal).list_jobs() == []
    partly = desk.request(order=order("2026112200010005", "PARTIAL_REFUNDED"), want=Want.ORIGINAL, reason="x",
                          person="07")
    assert partly.original


def test_refund_slips_are_documents_of_their_own(desk: PaperDesk) -> None:
    _, sale = take_in(desk, print_txt("2026112200010006"))
    _, refund = take_in(desk, print_txt("2026112200010006", 300, refund=True))
    _, second_refund = take_in(desk, print_txt("2026112200010006", 200, refund=True))
    assert sale is not None and refund is not None and second_refund is not None
    assert sale.paper_key == "2026112200010006"
    assert refund.paper_key != second_refund.paper_key and refund.paper_key.startswith("receipt:")


def test_observe_mode_records_and_a_copy_is_copy_2(journal: Journal) -> None:
    observing = PaperDesk(journal, PrintingSettings(), mode="observe")
    record, job = take_in(observing, print_txt("2026112200010007"))
    assert job is None and record.paper == "observe"
    assert observing.paper_of("2026112200010007").status is PaperStatus.PRINTED  # the till printed it
    copy = observing.request(receipt_id=record.id, want=Want.COPY, reason="顾客要求", person="07")
    assert copy.copy_no == 2 and copy.is_reprint


def test_an_unknown_printer_or_receipt_writes_nothing(desk: PaperDesk, journal: Journal) -> None:
    with pytest.raises(PaperRefused) as refused:
        desk.request(order=order("2026112200010008"), want=Want.ORIGINAL, reason="x", person="07", printer="kitchen")
    assert refused.value.code == "not_configured" and "kitchen" in refused.value.detail
    with pytest.raises(PaperRefused) as missing:
        desk.request(receipt_id=999, want=Want.COPY, reason="x", person="07")
    assert missing.value.code == "no_such_receipt"
    assert PrintJobStore(journal).list_jobs() == [] and AuditStore(journal).list() == []


def test_training_orders_are_documents_apart_from_real_ones(journal: Journal) -> None:
    real = PaperDesk(journal, PrintingSettings())
    practice = PaperDesk(journal, PrintingSettings(), training=True)
    practice.request(order=order("2026112200010009"), want=Want.ORIGINAL, reason="x", person="07")
    assert real.paper_of("2026112200010009").status is PaperStatus.NONE
    assert practice.paper_of("2026112200010009").status is PaperStatus.ON_ITS_WAY


def test_the_sweep_queues_a_receipt_left_without_its_original(desk: PaperDesk, journal: Journal) -> None:
    record, job = take_in(desk, print_txt("2026112200010010"))
    assert job is not None
    with journal.tx() as conn:  # as if its job had never been written
        conn.execute("DELETE FROM print_job_log")
        conn.execute("DELETE FROM print_jobs")
        conn.execute("UPDATE receipts SET paper = 'pending' WHERE id = ?", (record.id,))
    announced: list[int] = []
    desk.set_announcer(lambda written: announced.append(written.id))
    [swept] = desk.sweep()
    assert swept.original and swept.receipt_id == record.id and announced == [swept.job_id]
    assert desk.sweep() == []  # once
