"""Unpaid, no voucher: close the old order first, then take payment again under a new number."""

from __future__ import annotations

import threading

import pytest

from cashier_app.domain.cases import CaseKind, CaseResult, CaseStatus, StepAction
from cashier_app.domain.guidance import Action, LookupOutcome, Verdict, Voucher
from cashier_app.domain.orders import OrderState
from cashier_app.lookup import ActionNotAllowed, LookupView
from tests.helpers.lookup_rig import Rig


def test_no_voucher_closes_the_old_order_and_a_second_close_is_handled(rig: Rig) -> None:
    rig.order("2026112200030001", "CREATED")

    view = rig.service.lookup("2026112200030001", Voucher.NONE)

    assert view.guidance.verdict is Verdict.NOT_PAID
    assert view.guidance.actions == (Action.CLOSE_AND_PAY_AGAIN,)
    assert not view.guidance.may_take_payment_again  # not before the old order is closed
    assert view.may_close
    assert rig.case(view.case_id).kind is CaseKind.UNPAID

    closed = rig.service.close_and_pay_again(view)

    assert rig.platform_state("2026112200030001") == "CLOSED"
    assert closed.state is OrderState.CLOSED
    assert closed.guidance.may_take_payment_again and not closed.may_close and not closed.may_print
    case = rig.case(closed.case_id)
    assert case.id == view.case_id
    assert (case.status, case.result) == (CaseStatus.CLOSED, CaseResult.CLOSED_AND_REPAID)
    assert [(s.action, s.outcome) for s in case.steps][-2:] == [(StepAction.CLOSE, "closed"),
                                                               (StepAction.CLOSE_CASE, "closed_and_repaid")]
    assert case.steps[-2].state_seen == "CLOSED"

    # The cashier presses "close" again on the old page: refused by the platform, queried, handled.
    again = rig.service.close_and_pay_again(view)

    assert again.state is OrderState.CLOSED and again.guidance.may_take_payment_again
    assert again.case_id == view.case_id
    case = rig.case(view.case_id)
    assert case.result is CaseResult.CLOSED_AND_REPAID  # closed once
    assert [(s.action, s.outcome) for s in case.steps][-2:] == [(StepAction.CLOSE, "not_closable"),
                                                               (StepAction.QUERY, "CLOSED")]
    assert len(rig.all_cases()) == 1
    assert rig.control.order_state("2026112200030001")["close_calls"] == 2


def test_waiting_for_password_is_closed_before_paying_again(rig: Rig) -> None:
    rig.order("2026112200030002", "USERPAYING", upstream="USERPAYING")
    view = rig.service.with_voucher(rig.service.lookup("2026112200030002"), Voucher.NONE)
    assert view.guidance.verdict is Verdict.WAITING_FOR_PASSWORD
    assert rig.case(view.case_id).kind is CaseKind.STUCK_PAYMENT

    closed = rig.service.close_and_pay_again(view)

    assert rig.platform_state("2026112200030002") == "CLOSED"
    assert closed.guidance.may_take_payment_again
    assert rig.case(closed.case_id).result is CaseResult.CLOSED_AND_REPAID


def test_paid_meanwhile_is_not_closed_and_is_guided_to_paid(rig: Rig) -> None:
    rig.order("2026112200030003", "USERPAYING", upstream="USERPAYING")
    view = rig.service.lookup("2026112200030003", Voucher.NONE)
    assert view.may_close
    # The customer's password went through just now; the channel's notice has not arrived.
    rig.control.set_upstream("2026112200030003", "PAID", notify=False)

    after = rig.service.close_and_pay_again(view)

    assert rig.platform_state("2026112200030003") == "PAID"  # never closed: the money is taken
    assert after.outcome is LookupOutcome.FOUND and after.state is OrderState.PAID
    assert after.guidance.verdict is Verdict.PAID and after.guidance.actions == (Action.PRINT,)
    assert not after.guidance.may_take_payment_again
    case = rig.case(after.case_id)
    assert case.status is CaseStatus.OPEN  # the receipt is still to be printed
    assert [(s.action, s.outcome) for s in case.steps][-2:] == [(StepAction.CLOSE, "not_closable"),
                                                               (StepAction.QUERY, "PAID")]

    printed = rig.service.print_receipt(after, "paid while closing")
    assert "2026112200030003" in rig.printed(1)[0].text()
    assert rig.case(printed.case_id).result is CaseResult.PRINTED


def test_closing_is_refused_while_the_customer_shows_paid(rig: Rig) -> None:
    rig.order("2026112200030004", "USERPAYING", upstream="PAID")
    view = rig.service.lookup("2026112200030004", Voucher.SHOWN)
    with pytest.raises(ActionNotAllowed):
        rig.service.close_and_pay_again(view)
    assert rig.platform_state("2026112200030004") == "USERPAYING"
    assert rig.control.order_state("2026112200030004")["close_calls"] == 0


def test_two_presses_at_once_close_once(rig: Rig) -> None:
    rig.order("2026112200030005", "CREATED")
    view = rig.service.lookup("2026112200030005", Voucher.NONE)
    results: list[LookupView] = []
    errors: list[BaseException] = []

    def press() -> None:
        try:
            results.append(rig.service.close_and_pay_again(view))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=press) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    assert errors == [] and len(results) == 2
    assert all(r.state is OrderState.CLOSED for r in results)
    case = rig.case(view.case_id)
    assert sorted(s.outcome for s in case.steps if s.action is StepAction.CLOSE) == ["closed", "not_closable"]
    assert [s.action for s in case.steps].count(StepAction.CLOSE_CASE) == 1
