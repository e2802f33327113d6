from __future__ import annotations

import pytest

from cashier_app.domain.guidance import Action, LookupOutcome, Verdict, Voucher, guide
from cashier_app.domain.orders import OrderState
from cashier_app.domain.paper import PaperStatus


def test_platform_fault_is_never_unpaid() -> None:
    g = guide(LookupOutcome.UNKNOWN)
    assert g.verdict is Verdict.STATE_UNKNOWN
    assert not g.may_take_payment_again
    assert Action.CLOSE_AND_PAY_AGAIN not in g.actions


@pytest.mark.parametrize(("paper", "actions", "case_kind"), [
    (PaperStatus.PRINTED, (Action.REPRINT,), None),
    (PaperStatus.NONE, (Action.PRINT,), "paid_no_receipt"),
    # On its way or held: it prints by itself; a second job now would give the customer two.
    (PaperStatus.ON_ITS_WAY, (), None),
    (PaperStatus.HELD, (), None),
])
def test_paid_offers_print_only_what_the_paper_allows(paper: PaperStatus, actions: tuple[Action, ...],
                                                      case_kind: str | None) -> None:
    g = guide(LookupOutcome.FOUND, OrderState.PAID, paper=paper)
    assert g.verdict is Verdict.PAID and g.actions == actions
    assert g.case_kind == case_kind


@pytest.mark.parametrize("state", [OrderState.CREATED, OrderState.USERPAYING])
def test_customer_shows_paid_but_platform_unpaid_means_sync(state: OrderState) -> None:
    g = guide(LookupOutcome.FOUND, state, voucher=Voucher.SHOWN)
    assert g.verdict is Verdict.POSSIBLY_DROPPED
    assert g.actions[0] is Action.SYNC
    assert not g.may_take_payment_again


def test_still_unpaid_after_sync_escalates() -> None:
    g = guide(LookupOutcome.FOUND, OrderState.CREATED, voucher=Voucher.SHOWN, after_sync=True)
    assert g.verdict is Verdict.STILL_UNPAID_AFTER_SYNC
    assert Action.ESCALATE in g.actions and g.case_kind == "dropped_order"


def test_no_voucher_means_close_then_pay_again_never_pay_again_directly() -> None:
    g = guide(LookupOutcome.FOUND, OrderState.CREATED, voucher=Voucher.NONE)
    assert g.verdict is Verdict.NOT_PAID
    assert g.actions == (Action.CLOSE_AND_PAY_AGAIN,)
    # The old order is still payable until closed: paying again straight away could charge twice.
    assert not g.may_take_payment_again


def test_userpaying_without_voucher_waits_for_password() -> None:
    g = guide(LookupOutcome.FOUND, OrderState.USERPAYING, voucher=Voucher.NONE)
    assert g.verdict is Verdict.WAITING_FOR_PASSWORD


def test_unpaid_and_voucher_not_asked_asks_first() -> None:
    g = guide(LookupOutcome.FOUND, OrderState.CREATED)
    assert g.verdict is Verdict.ASK_FOR_VOUCHER


@pytest.mark.parametrize("state", [OrderState.CLOSED, OrderState.REVOKED, OrderState.REFUNDED])
def test_closed_reversed_refunded_print_nothing(state: OrderState) -> None:
    g = guide(LookupOutcome.FOUND, state, paper=PaperStatus.PRINTED, voucher=Voucher.SHOWN)
    assert g.verdict is (Verdict.CLOSED_UNPAID if state is OrderState.CLOSED else Verdict.MONEY_RETURNS)
    assert Action.PRINT not in g.actions and Action.REPRINT not in g.actions


def test_third_party_number_too_early() -> None:
    g = guide(LookupOutcome.NOT_QUERYABLE_YET)
    assert g.actions == (Action.QUERY_BY_MERCHANT_NO, Action.SYNC)


def test_platform_unknown_state_is_synced_not_concluded() -> None:
    g = guide(LookupOutcome.FOUND, OrderState.UNKNOWN)
    assert g.verdict is Verdict.PLATFORM_UNSURE and g.actions[0] is Action.SYNC


def test_found_needs_a_state() -> None:
    with pytest.raises(ValueError):
        guide(LookupOutcome.FOUND)


def test_a_never_paid_closed_order_promises_no_refund() -> None:
    g = guide(LookupOutcome.FOUND, OrderState.CLOSED)
    assert g.verdict is Verdict.CLOSED_UNPAID and g.may_take_payment_again and g.case_kind is None
    assert guide(LookupOutcome.FOUND, OrderState.REVOKED).verdict is Verdict.MONEY_RETURNS


def test_a_failed_payment_offers_its_next_step() -> None:
    g = guide(LookupOutcome.FOUND, OrderState.PAY_FAILED)
    assert g.verdict is Verdict.PAYMENT_FAILED and g.actions == (Action.PAID_AGAIN,)
    assert g.case_kind == "payment_failed" and g.may_take_payment_again
