"""Closing an order, reprinting and closing a case from the lookup are protected: a cashier is refused
without a manager's PIN, before the platform or the printer hears of it; with one, the manager is named in
the case step and the audit trail. Against the sandbox and the virtual printer, as the other lookup tests."""

from __future__ import annotations

import pytest

from cashier_app.domain.access import ProtectedAction, Role, SignInSettings
from cashier_app.domain.cases import CaseResult, StepAction
from cashier_app.domain.guidance import Voucher
from cashier_app.journal.audit import AuditStore
from cashier_app.people.session import AccessRefused, SignInSession
from cashier_app.people.store import PeopleStore
from tests.helpers.lookup_rig import Rig


@pytest.fixture
def till(rig: Rig) -> SignInSession:
    journal = rig.services.journal
    assert journal is not None
    people = PeopleStore(journal)
    people.add("01", "张店长", Role.MANAGER, "2580", by="setup")
    people.add("07", "王芳", Role.CASHIER, "1379", by="01")
    session = SignInSession(people, AuditStore(journal), SignInSettings(enabled=True), default_operator="01")
    session.sign_in("07", "1379")
    return session


def audit(rig: Rig) -> list[tuple[str, str, str | None, str | None]]:
    assert rig.services.journal is not None
    entries = reversed(AuditStore(rig.services.journal).list())
    return [(e.action, e.actor, e.approved_by, e.out_trade_no) for e in entries
            if e.action not in ("sign_in", "person_added")]


def test_closing_an_order_needs_a_managers_pin(rig: Rig, till: SignInSession) -> None:
    service = rig.make_service(operator=lambda: till.actor, authorize=till.authorize, audit=AuditStore(
        rig.services.journal))
    rig.order("2026112200070001", "CREATED")
    view = service.lookup("2026112200070001", Voucher.NONE)
    with pytest.raises(AccessRefused) as refused:
        service.close_and_pay_again(view)
    assert refused.value.code == "manager_pin_required"
    assert rig.platform_state("2026112200070001") == "CREATED"  # the platform never heard of it
    assert rig.control.order_state("2026112200070001")["close_calls"] == 0

    till.approve(ProtectedAction.CLOSE_ORDER, "01", "2580")
    closed = service.close_and_pay_again(view)
    assert rig.platform_state("2026112200070001") == "CLOSED"
    step = next(s for s in rig.case(closed.case_id).steps if s.action is StepAction.CLOSE)
    assert step.actor == "07" and "approved by manager 01" in step.detail
    assert audit(rig) == [("close_order", "07", "01", "2026112200070001")]


def test_a_reprint_needs_a_managers_pin_and_a_first_print_does_not(rig: Rig, till: SignInSession) -> None:
    service = rig.make_service(operator=lambda: till.actor, authorize=till.authorize)
    rig.order("2026112200070002", "PAID")
    rig.order("2026112200070003", "PAID")
    rig.record_sale("2026112200070002")
    had_one = service.lookup("2026112200070002")
    with pytest.raises(AccessRefused):
        service.print_receipt(had_one, "customer asked")
    assert rig.printer.jobs == []
    never_had = service.lookup("2026112200070003")  # print.txt never came: the first paper, not a copy
    printed = service.print_receipt(never_had, "the till printed nothing")
    assert printed.job_id is not None
    till.approve(ProtectedAction.REPRINT, "01", "2580")
    again = service.print_receipt(had_one, "customer asked")
    assert again.job_id is not None
    assert rig.services.queue is not None
    job = rig.services.queue.job(again.job_id)
    assert job is not None and job.requested_by == "07"
    assert [(a, actor, by) for a, actor, by, _ in audit(rig)] == [("print_order", "07", None), ("reprint", "07", "01")]


def test_closing_a_case_by_hand_needs_a_managers_pin(rig: Rig, till: SignInSession) -> None:
    service = rig.make_service(operator=lambda: till.actor, authorize=till.authorize)
    rig.order("2026112200070004", "CREATED")
    view = service.lookup("2026112200070004", Voucher.SHOWN)
    with pytest.raises(AccessRefused):
        service.close_case(view, CaseResult.OTHER, "customer left")
    till.approve(ProtectedAction.CLOSE_CASE, "01", "2580")
    closed = service.close_case(view, CaseResult.OTHER, "customer left")
    case = rig.case(closed.case_id)
    assert case.result is CaseResult.OTHER and case.closed_by == "07"
    assert case.steps[-1].note == "customer left (approved by manager 01)"
