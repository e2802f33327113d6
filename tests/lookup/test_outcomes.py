"""Money returns, platform faults (never "unpaid"), not found."""

from __future__ import annotations

from typing import Any

import pytest

from cashier_app.domain.cases import CaseKind, CaseResult, CaseStatus, StepAction
from cashier_app.domain.guidance import Action, LookupOutcome, Verdict, Voucher
from cashier_app.lookup import ActionNotAllowed
from cashier_app.platform.results import UnknownReason
from tests.helpers.lookup_rig import Rig


@pytest.mark.parametrize(("state", "kind", "verdict"), [
    ("CLOSED", None, Verdict.CLOSED_UNPAID),  # closed before it was paid: no money to give back
    ("REVOKED", CaseKind.PAYMENT_FAILED, Verdict.MONEY_RETURNS),
    ("REFUNDED", CaseKind.REFUND, Verdict.MONEY_RETURNS),
])
def test_closed_revoked_refunded_money_returns_and_nothing_prints(rig: Rig, state: str, kind: CaseKind | None,
                                                                  verdict: Verdict) -> None:
    number = f"20261122000400{len(state):02d}"
    rig.order(number, state)
    rig.record_sale(number)  # the sale receipt was printed before the money went back
    assert rig.services.queue is not None
    printed_before = rig.services.queue.jobs()

    view = rig.service.lookup(number, Voucher.SHOWN)

    assert view.outcome is LookupOutcome.FOUND and view.state is not None and view.state.value == state
    assert view.guidance.verdict is verdict
    assert view.guidance.actions == ()
    assert not view.may_print and not view.may_close
    with pytest.raises(ActionNotAllowed):
        rig.service.print_receipt(view, "customer asks for a receipt")
    with pytest.raises(ActionNotAllowed):
        rig.service.close_and_pay_again(view)
    assert rig.services.queue.jobs() == printed_before  # no job written
    if kind is None:
        assert view.case_id is None
    else:
        case = rig.case(view.case_id)  # written down, and settled: the money returns by itself
        assert case.kind is kind
        assert (case.status, case.result) == (CaseStatus.CLOSED, CaseResult.MONEY_RETURNS)
        assert view.case_result is CaseResult.MONEY_RETURNS


def test_an_open_case_is_settled_when_the_order_turns_out_reversed(rig: Rig) -> None:
    rig.order("2026112200040100", "USERPAYING", upstream="USERPAYING")
    shown = rig.service.with_voucher(rig.service.lookup("2026112200040100"), Voucher.SHOWN)
    assert rig.case(shown.case_id).status is CaseStatus.OPEN
    rig.control.set_upstream("2026112200040100", "REVOKED", notify=True)  # the channel reversed it

    synced = rig.service.sync(shown)

    assert synced.guidance.verdict is Verdict.MONEY_RETURNS
    assert rig.case(shown.case_id).result is CaseResult.MONEY_RETURNS


FAULTS: list[tuple[str, dict[str, Any], UnknownReason]] = [
    ("maintenance", {"status": 503}, UnknownReason.MAINTENANCE),
    ("system_error", {"status": 500}, UnknownReason.PLATFORM_ERROR),
    ("timeout", {"latency_ms": 1200}, UnknownReason.TIMEOUT),
    ("bad_signature", {"bad_signature": True}, UnknownReason.BAD_SIGNATURE),
    ("lost_answer", {"drop_response": True}, UnknownReason.NETWORK),
]


@pytest.mark.parametrize(("name", "fault", "reason"), FAULTS, ids=[f[0] for f in FAULTS])
def test_platform_fault_is_state_unknown_never_unpaid(rig: Rig, name: str, fault: dict[str, Any],
                                                       reason: UnknownReason) -> None:
    rig.order("2026112200040200", "CREATED")  # truly unpaid: and still it must not say so
    rig.control.inject_faults(for_requests=50, **fault)

    view = rig.service.lookup("2026112200040200", Voucher.NONE)

    assert view.outcome is LookupOutcome.UNKNOWN
    assert view.unknown_reason == reason.value
    assert view.guidance.verdict is Verdict.STATE_UNKNOWN
    assert view.guidance.actions == (Action.QUERY_AGAIN, Action.ESCALATE)
    assert not view.guidance.may_take_payment_again and not view.may_close and not view.may_print
    assert view.order is None and view.state is None
    assert view.detail and reason.value in view.detail
    with pytest.raises(ActionNotAllowed):
        rig.service.close_and_pay_again(view)
    no_voucher = rig.service.with_voucher(view, Voucher.NONE)
    assert no_voucher.guidance.verdict is Verdict.STATE_UNKNOWN and not no_voucher.may_close
    case = rig.case(view.case_id)
    assert case.kind is CaseKind.PLATFORM_FAULT and case.status is CaseStatus.OPEN
    query = next(s for s in case.steps if s.action is StepAction.QUERY)
    assert query.outcome == f"state_unknown:{reason.value}" and query.state_seen is None
    assert rig.platform_state("2026112200040200") == "CREATED"

    rig.control.clear_faults()
    back = rig.service.lookup("2026112200040200", Voucher.NONE)
    assert back.guidance.verdict is Verdict.NOT_PAID and back.may_close
    assert back.case_id == view.case_id  # the same order's case goes on


def test_a_fault_during_sync_forgets_the_old_unpaid_state(rig: Rig) -> None:
    rig.order("2026112200040300", "USERPAYING", upstream="USERPAYING")
    view = rig.service.lookup("2026112200040300", Voucher.SHOWN)
    rig.control.inject_faults(status=503, for_requests=50)

    synced = rig.service.sync(view)

    assert synced.outcome is LookupOutcome.UNKNOWN and synced.order is None
    assert synced.guidance.verdict is Verdict.STATE_UNKNOWN and not synced.may_close
    assert synced.polls == 0 and synced.out_trade_no == "2026112200040300"
    step = rig.case(synced.case_id).steps[-1]
    assert (step.action, step.outcome) == (StepAction.SYNC, "state_unknown:maintenance")


def test_a_close_whose_answer_is_lost_is_unknown_then_found_closed(rig: Rig) -> None:
    rig.order("2026112200040400", "CREATED")
    view = rig.service.lookup("2026112200040400", Voucher.NONE)
    rig.control.inject_faults(drop_response=True, for_requests=50)  # closed, but every answer is lost

    lost = rig.service.close_and_pay_again(view)

    assert lost.outcome is LookupOutcome.UNKNOWN and not lost.may_close
    assert not lost.guidance.may_take_payment_again  # not until the platform says so
    assert rig.case(view.case_id).status is CaseStatus.OPEN
    rig.control.clear_faults()
    again = rig.service.lookup("2026112200040400", Voucher.NONE)
    assert again.state is not None and again.state.value == "CLOSED" and again.guidance.may_take_payment_again
    assert again.case_id == view.case_id
    case = rig.case(view.case_id)
    assert case.result is CaseResult.CLOSED_AND_REPAID  # the lost close did close it
    assert [(s.action, s.outcome) for s in case.steps][-3:] == [
        (StepAction.CLOSE, "state_unknown:network"), (StepAction.QUERY, "CLOSED"),
        (StepAction.CLOSE_CASE, "closed_and_repaid")]


def test_polls_that_fail_keep_the_last_answer(rig: Rig) -> None:
    rig.order("2026112200040500", "USERPAYING", upstream="USERPAYING")
    view = rig.service.lookup("2026112200040500", Voucher.SHOWN)
    rig.waits.hooks[1] = lambda: rig.control.inject_faults(status=503, for_requests=50)

    synced = rig.service.sync(view)

    assert synced.polls == 3
    assert synced.guidance.verdict is Verdict.STILL_UNPAID_AFTER_SYNC and not synced.may_close
    outcomes = [s.outcome for s in rig.case(synced.case_id).steps if s.action in (StepAction.QUERY,
                                                                                  StepAction.SYNC)]
    assert outcomes[-3:] == ["state_unknown:maintenance"] * 3


def test_not_found_says_check_the_number(rig: Rig) -> None:
    view = rig.service.lookup("2026112200049999")
    assert view.outcome is LookupOutcome.NOT_FOUND
    assert view.guidance.verdict is Verdict.NOT_FOUND and view.guidance.actions == (Action.CHECK_NUMBER,)
    assert view.case_id is None and not view.may_close and not view.may_print


def test_not_found_without_a_voucher_says_plainly_it_is_safe_to_take_payment_again(rig: Rig) -> None:
    view = rig.service.lookup("2026112200049998")
    assert not view.guidance.may_take_payment_again  # not before the customer is asked
    not_charged = rig.service.with_voucher(view, Voucher.NONE)
    assert not_charged.guidance.verdict is Verdict.NOT_FOUND_NOT_CHARGED
    assert not_charged.guidance.may_take_payment_again and not_charged.guidance.actions == ()
    assert not_charged.case_id is None  # nothing went wrong: no case
    paid = rig.service.with_voucher(view, Voucher.SHOWN)
    assert paid.guidance.verdict is Verdict.NOT_FOUND_BUT_PAID and not paid.guidance.may_take_payment_again
    assert paid.guidance.actions == (Action.CHECK_NUMBER, Action.ESCALATE)
    # A fault is never "not found": nothing is said to be safe while the platform cannot answer.
    rig.control.inject_faults(status=503, for_requests=10)
    unknown = rig.service.with_voucher(rig.service.lookup("2026112200049997"), Voucher.NONE)
    assert unknown.outcome is LookupOutcome.UNKNOWN and not unknown.guidance.may_take_payment_again


def test_the_platform_itself_unsure_is_never_closable(rig: Rig) -> None:
    rig.order("2026112200040600", "UNKNOWN")
    view = rig.service.lookup("2026112200040600", Voucher.NONE)
    assert view.outcome is LookupOutcome.FOUND
    assert view.guidance.verdict is Verdict.PLATFORM_UNSURE
    assert view.guidance.actions == (Action.SYNC, Action.ESCALATE)
    assert not view.may_close and not view.guidance.may_take_payment_again
    with pytest.raises(ActionNotAllowed):
        rig.service.close_and_pay_again(view)
    escalated = rig.service.escalate(view)
    assert rig.case(escalated.case_id).kind is CaseKind.PLATFORM_FAULT
