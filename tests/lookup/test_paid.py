"""Paid orders: shown paid, reprinted (marked) once the receipt is printed, printed from the order when none."""

from __future__ import annotations

import pytest

from cashier_app.domain.cases import CaseKind, CaseResult, CaseStatus, StepAction
from cashier_app.domain.guidance import Action, LookupOutcome, Verdict
from cashier_app.domain.order_numbers import NumberKind
from cashier_app.domain.orders import OrderState
from cashier_app.domain.paper import PaperStatus
from cashier_app.journal.audit import AuditFilter, AuditStore
from cashier_app.lookup import ActionNotAllowed, PrintFailed
from tests.helpers.lookup_rig import Rig


def test_paid_with_receipt_is_reprinted_marked_as_a_reprint(rig: Rig) -> None:
    rig.order("2026112200010001", "PAID")
    receipt_id = rig.record_sale("2026112200010001")

    view = rig.service.lookup("2026112200010001")

    assert view.outcome is LookupOutcome.FOUND and view.number_kind == "merchant"
    assert view.guidance.verdict is Verdict.PAID
    assert view.guidance.actions == (Action.REPRINT,)
    assert view.has_receipt and view.receipt_ids == (receipt_id,)
    assert view.may_print and not view.may_close
    assert view.case_id is None  # nothing abnormal yet: no case
    assert [s.action for s in view.pending_steps] == [StepAction.QUERY]

    printed = rig.service.print_receipt(view, "customer lost it")

    assert printed.job_id is not None
    job = rig.printed(1)[0]
    assert job.printed
    text = job.text()
    assert "重打小票 REPRINT" in text and "副本 COPY 2" in text and "customer lost it" in text
    assert "2026112200010001" in text
    # A customer asking for a copy is no exception (nor a printer fault): no case, an audit row.
    assert printed.case_id is None and rig.all_cases() == []
    # The copy is on its way, or already out when the printer beat the page: nothing more to print.
    assert printed.paper in (PaperStatus.ON_ITS_WAY, PaperStatus.PRINTED)
    assert printed.guidance.actions == ()
    [row] = AuditStore(rig.services.receipts.journal).list(AuditFilter(out_trade_no="2026112200010001"))
    assert (row.action, row.actor, row.reason, row.copy_no, row.job_id, row.receipt_id) == (
        "reprint", "07", "customer lost it", 2, printed.job_id, receipt_id)
    assert row.at.endswith("+00:00")  # UTC, like every other timestamp of the journal


def test_paid_without_receipt_is_printed_from_the_order(rig: Rig) -> None:
    rig.order("2026112200010002", "PAID", subject="矿泉水 x2")

    view = rig.service.lookup("2026112200010002")

    assert view.guidance.verdict is Verdict.PAID
    assert view.guidance.actions == (Action.PRINT,)
    assert not view.has_receipt and view.receipt_ids == ()
    case = rig.case(view.case_id)  # paid, no print.txt: an exception case from the start
    assert case.kind is CaseKind.PAID_NO_RECEIPT and case.status is CaseStatus.OPEN
    assert case.out_trade_no == "2026112200010002" and case.amount == 1250 and case.payment_state == "PAID"

    printed = rig.service.print_receipt(view, "no print.txt")

    job = rig.printed(1)[0]
    assert "2026112200010002" in job.text()
    case = rig.case(view.case_id)
    assert (case.status, case.result) == (CaseStatus.CLOSED, CaseResult.PRINTED)
    assert [s.action for s in case.steps] == [StepAction.RAISED, StepAction.QUERY, StepAction.PRINT,
                                              StepAction.CLOSE_CASE]
    assert printed.job_id is not None and rig.services.queue is not None
    assert rig.services.queue.job(printed.job_id) is not None


def test_a_second_lookup_reuses_the_open_case(rig: Rig) -> None:
    rig.order("2026112200010003", "PAID")
    first = rig.service.lookup("2026112200010003")
    second = rig.service.lookup(" 2026 1122 0001 0003 ")
    assert first.case_id is not None and second.case_id == first.case_id
    case = rig.case(first.case_id)
    assert [s.action for s in case.steps] == [StepAction.RAISED, StepAction.QUERY, StepAction.QUERY]
    assert len(rig.all_cases()) == 1


def test_partly_refunded_may_be_reprinted(rig: Rig) -> None:
    rig.order("2026112200010004", "PARTIAL_REFUNDED", upstream="PARTIAL_REFUNDED")
    rig.record_sale("2026112200010004")
    view = rig.service.lookup("2026112200010004")
    assert view.guidance.verdict is Verdict.PARTLY_REFUNDED and view.guidance.actions == (Action.REPRINT,)
    printed = rig.service.print_receipt(view, "copy for refund desk")
    assert "重打小票 REPRINT" in rig.printed(1)[0].text()
    assert rig.case(printed.case_id).result is CaseResult.REPRINTED


def test_found_by_its_third_party_number(rig: Rig) -> None:
    created = rig.order("2026112200010005", "PAID")
    channel_no = created["order"]["channel_trade_no"]
    view = rig.service.lookup(channel_no)
    assert view.outcome is LookupOutcome.FOUND and view.number_kind == "channel"
    assert view.out_trade_no == "2026112200010005" and view.number == channel_no


def test_unionpay_number_found_by_falling_back_to_the_third_party_kind(rig: Rig) -> None:
    created = rig.order("2026112200010006", "PAID", channel="UNIONPAY")
    query_id = created["order"]["channel_trade_no"]  # 21 digits: looks like a merchant number
    view = rig.service.lookup(query_id)
    assert view.outcome is LookupOutcome.FOUND and view.number_kind == "channel"
    assert view.guidance.verdict is Verdict.PAID
    case = rig.case(view.case_id)
    queries = [s for s in case.steps if s.action is StepAction.QUERY]
    assert [q.outcome for q in queries] == ["not_found", "PAID"]  # merchant first, then third-party


def test_printing_an_unpaid_order_is_refused(rig: Rig) -> None:
    rig.order("2026112200010007", "USERPAYING")
    view = rig.service.lookup("2026112200010007")
    with pytest.raises(ActionNotAllowed) as refused:
        rig.service.print_receipt(view, "customer insists")
    assert refused.value.code == "action_not_allowed"
    assert rig.services.queue is not None and rig.services.queue.jobs() == []


def test_a_print_that_cannot_be_queued_is_reported_and_recorded(rig: Rig) -> None:
    rig.order("2026112200010008", "PAID")
    view = rig.service.lookup("2026112200010008")
    rig.services.config.printing.default_printer = "kitchen"  # a printer that is not configured
    with pytest.raises(PrintFailed) as failed:
        rig.service.print_receipt(view, "no print.txt")
    assert failed.value.code == "print_failed"
    case = rig.case(view.case_id)
    assert case.status is CaseStatus.OPEN
    assert case.steps[-1].action is StepAction.PRINT and case.steps[-1].outcome == "print_failed"
    assert "kitchen" in case.steps[-1].detail
    # Fixed: the cashier tries again from the view the failure returned; nothing is written twice.
    rig.services.config.printing.default_printer = "receipt"
    after = failed.value.view
    assert after is not None and after.case_id == view.case_id
    printed = rig.service.print_receipt(after, "no print.txt")
    assert "2026112200010008" in rig.printed(1)[0].text()
    steps = [(s.action, s.outcome) for s in rig.case(printed.case_id).steps]
    assert steps == [(StepAction.RAISED, "paid_no_receipt"), (StepAction.QUERY, "PAID"),
                     (StepAction.PRINT, "print_failed"), (StepAction.PRINT, f"job {printed.job_id} queued"),
                     (StepAction.CLOSE_CASE, "printed")]


def test_cases_opened_and_closed_by_a_lookup_are_told(rig: Rig) -> None:
    told: list[tuple[int | None, str, bool]] = []
    service = rig.make_service(on_case=lambda case, created: told.append((case.id, case.status.value, created)))
    rig.order("2026112200010009", "PAID")
    view = service.lookup("2026112200010009")  # paid, no receipt: a case opens
    assert view.case_id is not None
    assert told == [(view.case_id, "open", True)]
    service.print_receipt(view, "receipt never came")
    assert told[-1] == (view.case_id, "closed", False)


def test_a_stale_please_print_prints_nothing_when_the_order_got_its_receipt_meanwhile(rig: Rig) -> None:
    from cashier_app.lookup import PaperChanged
    from cashier_app.paper import Want
    from cashier_app.platform.results import OrderFound

    created = rig.order("2026112200010010", "PAID")
    view = rig.service.lookup("2026112200010010")
    assert view.guidance.actions == (Action.PRINT,)
    # Reconciliation (or F9, or another till window) prints it before the cashier presses Enter.
    assert rig.services.paper is not None and rig.services.client is not None
    found = rig.services.client.query("2026112200010010")
    assert isinstance(found, OrderFound)
    rig.services.paper.request(order=found.order, want=Want.ORIGINAL, reason="paid_no_receipt", person="system")
    with pytest.raises(PaperChanged) as changed:
        rig.service.print_receipt(view, "customer asked")
    assert changed.value.code == "paper_changed" and changed.value.reason in ("original_pending", "original_exists")
    after = changed.value.view
    assert after is not None and after.paper is not PaperStatus.NONE and Action.PRINT not in after.guidance.actions
    rig.printed(1)
    assert len(rig.printer.jobs) == 1  # one original, whoever asked first
    steps = [(s.action, s.outcome) for s in rig.case(view.case_id).steps]
    assert steps[-1][0] is StepAction.PRINT and steps[-1][1].startswith("not_printed:")
    assert created["order"]["out_trade_no"] == "2026112200010010"


def test_a_failed_payment_leaves_a_case_with_its_next_step(rig: Rig) -> None:
    rig.order("2026112200010011", "PAY_FAILED")
    view = rig.service.lookup("2026112200010011")
    assert view.guidance.actions == (Action.PAID_AGAIN,) and view.guidance.may_take_payment_again
    case = rig.case(view.case_id)
    assert case.kind is CaseKind.PAYMENT_FAILED and case.status is CaseStatus.OPEN
    done = rig.service.paid_again(view)
    case = rig.case(done.case_id)
    assert (case.status, case.result) == (CaseStatus.CLOSED, CaseResult.CLOSED_AND_REPAID)
    assert [s.outcome for s in case.steps][-2] == "paid_again"


def test_a_refund_reconciliation_saw_is_shown_without_asking_the_platform_again(rig: Rig) -> None:
    """Derived again from the journal: the order moved on (refunded) since the page asked."""
    from cashier_app.journal.orders_seen import OrdersSeenStore
    from cashier_app.platform.order import Order

    rig.order("2026112200010012", "PAID")
    receipt_id = rig.record_sale("2026112200010012")
    view = rig.service.lookup("2026112200010012")
    assert view.guidance.verdict is Verdict.PAID and receipt_id in view.receipt_ids
    assert view.order is not None
    refunded = Order.from_json({**view.order.to_json(), "state": "REFUNDED", "refund_amount": 1250})
    with rig.services.receipts.journal.tx() as conn:
        OrdersSeenStore(rig.services.receipts.journal).upsert([refunded], conn)
    again = rig.service.refresh_paper(view)
    assert again.state is not None and again.state.value == "REFUNDED"
    assert again.guidance.verdict is Verdict.MONEY_RETURNS and not again.may_print


def test_a_missing_receipt_is_printed_only_when_the_platform_says_paid_now(rig: Rig) -> None:
    """The banner's and F9's workflow, in the service: look the order up by its merchant number, then print."""
    rig.order("2026112200010031", "PAID")
    printed = rig.service.print_missing_receipt("2026112200010031")
    assert printed.job_id is not None and printed.number_kind is NumberKind.MERCHANT
    assert "2026112200010031" in rig.printed(1)[0].text()
    case = rig.case(printed.case_id)
    assert (case.kind, case.status, case.result) == (CaseKind.PAID_NO_RECEIPT, CaseStatus.CLOSED, CaseResult.PRINTED)
    [print_step] = [s for s in case.steps if s.action is StepAction.PRINT]
    assert print_step.note == "已付款无小票"

    # Refunded meanwhile: looked up, nothing printed, the view says why.
    rig.order("2026112200010032", "REFUNDED")
    not_printed = rig.service.print_missing_receipt("2026112200010032")
    assert not_printed.job_id is None and not not_printed.may_print
    assert not_printed.state is OrderState.REFUNDED
    # A 28-digit merchant number is asked for as the merchant's, not guessed to be WeChat's.
    rig.order("4200001234202611221234567890", "PAID")
    by_merchant = rig.service.print_missing_receipt("4200001234202611221234567890")
    assert by_merchant.job_id is not None and by_merchant.number_kind is NumberKind.MERCHANT
    assert [s.outcome for s in rig.case(by_merchant.case_id).steps if s.action is StepAction.QUERY] == ["PAID"]
