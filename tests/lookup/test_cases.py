"""Every step goes into the order's case, with its time, the operator and the state seen."""

from __future__ import annotations

from datetime import datetime

from cashier_app.domain.cases import CaseKind, CaseResult, CaseStatus, StepAction
from cashier_app.domain.guidance import Voucher
from cashier_app.journal.cases import CaseFilter
from tests.helpers.lookup_rig import Rig


def test_each_step_has_its_time_actor_and_state(rig: Rig) -> None:
    rig.order("2026112200050001", "USERPAYING", upstream="PAID")
    rig.operator.number = "07"
    view = rig.service.lookup("2026112200050001")
    shown = rig.service.with_voucher(view, Voucher.SHOWN)
    rig.operator.number = "12"  # the shift changed; the next cashier goes on with the case
    synced = rig.service.sync(shown)
    rig.service.print_receipt(synced, "dropped order")

    case = rig.case(shown.case_id)
    assert case.opened_by == "07" and case.closed_by == "12"
    assert [(s.action, s.actor, s.state_seen) for s in case.steps] == [
        (StepAction.RAISED, "07", "USERPAYING"),
        (StepAction.QUERY, "07", "USERPAYING"),
        (StepAction.NOTE, "07", "USERPAYING"),
        (StepAction.SYNC, "12", "PAID"),
        (StepAction.PRINT, "12", "PAID"),
        (StepAction.CLOSE_CASE, "12", None),
    ]
    times = [datetime.fromisoformat(s.at) for s in case.steps]
    assert all(t.tzinfo is not None for t in times)
    assert times[2] <= times[3] <= times[4] <= times[5]
    assert case.steps[2].outcome == "voucher:shown"
    assert case.payment_state == "PAID"
    assert case.handling_seconds is not None and case.handling_seconds >= 0


def test_steps_before_the_case_are_written_with_their_own_times(rig: Rig) -> None:
    rig.order("2026112200050002", "PAID")
    rig.record_sale("2026112200050002")
    view = rig.service.lookup("2026112200050002")
    assert view.case_id is None and len(view.pending_steps) == 1
    queried_at = view.pending_steps[0].at

    escalated = rig.service.escalate(view, "customer disputes the amount")

    case = rig.case(escalated.case_id)
    assert [s.action for s in case.steps] == [StepAction.RAISED, StepAction.QUERY, StepAction.ESCALATE]
    assert case.steps[1].at == queried_at
    assert escalated.pending_steps == ()


def test_cashier_closes_a_case_with_a_result(rig: Rig) -> None:
    rig.order("2026112200050003", "PAY_FAILED")
    view = rig.service.lookup("2026112200050003")
    assert view.guidance.may_take_payment_again
    assert rig.case(view.case_id).kind is CaseKind.PAYMENT_FAILED

    done = rig.service.close_case(view, CaseResult.NO_ACTION_NEEDED, "paid again as 2026112200050004")

    case = rig.case(done.case_id)
    assert (case.status, case.result) == (CaseStatus.CLOSED, CaseResult.NO_ACTION_NEEDED)
    assert case.steps[-1].note == "paid again as 2026112200050004"  # the person's words, as a note
    assert done.case_result is CaseResult.NO_ACTION_NEEDED


def test_training_cases_are_marked_and_kept_apart(rig: Rig) -> None:
    rig.order("2026112200050005", "CREATED")
    rig.order("2026112200050006", "PAID")
    rig.record_sale("2026112200050006", training=True)
    trainee = rig.make_service(training=True)

    view = trainee.lookup("2026112200050005", Voucher.NONE)
    closed = trainee.close_and_pay_again(view)
    paid = trainee.lookup("2026112200050006")
    assert paid.has_receipt  # the practice receipt counts in training
    assert not rig.service.lookup("2026112200050006").has_receipt  # ... and not outside it

    case = rig.case(closed.case_id)
    assert case.training and case.result is CaseResult.CLOSED_AND_REPAID
    assert rig.services.cases.list(CaseFilter(training=True))[0].id == case.id
    assert all(c.id != case.id for c in rig.services.cases.list(CaseFilter(training=False)))
    assert rig.services.cases.count_open(training=False) == 1  # the real paid-no-receipt lookup


def test_the_reconcilers_open_case_for_the_order_is_used(rig: Rig) -> None:
    rig.order("2026112200050007", "PAID")
    raised, _ = rig.services.cases.open_case(CaseKind.PAID_NO_RECEIPT, actor="system",
                                             key="paid_no_receipt:2026112200050007",
                                             out_trade_no="2026112200050007", payment_state="PAID")
    view = rig.service.lookup("2026112200050007")
    assert view.case_id == raised.id
    printed = rig.service.print_receipt(view, "no print.txt")
    case = rig.case(raised.id)
    assert case.result is CaseResult.PRINTED and printed.job_id is not None
    assert len(rig.all_cases()) == 1
