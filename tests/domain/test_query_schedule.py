"""The schedule of queries for platforms without a list: few requests, none for final orders."""

from __future__ import annotations

from cashier_app.domain.orders import OrderState
from cashier_app.domain.query_schedule import QueryState, next_query_at


def at(q: QueryState) -> float | None:
    return next_query_at(q, interval_s=10.0, grace_s=20.0)


def test_first_ask_after_the_grace_period() -> None:
    assert at(QueryState(first_seen=1000.0)) == 1020.0


def test_unpaid_backs_off_to_five_minutes_then_half_an_hour() -> None:
    q = QueryState(1000.0, last_asked=1100.0, state=OrderState.USERPAYING, unchanged=0)
    assert at(q) == 1110.0
    assert at(QueryState(1000.0, last_asked=1100.0, state=OrderState.CREATED, unchanged=10)) == 1400.0
    assert at(QueryState(1000.0, last_asked=5000.0, state=OrderState.CREATED, unchanged=10)) == 6800.0
    # Not started yet on the platform (Alipay's code not scanned): asked like an unpaid order.
    assert at(QueryState(1000.0, last_asked=1100.0, state=None, unchanged=1)) == 1120.0


def test_paid_is_checked_twice_more_then_left_to_the_bill() -> None:
    q = QueryState(1000.0, last_asked=1030.0, state=OrderState.PAID, paid_at=1005.0)
    assert at(q) == 1005.0 + 1800
    assert at(QueryState(1000.0, last_asked=2900.0, state=OrderState.PAID, paid_at=1005.0)) == 1005.0 + 7200
    assert at(QueryState(1000.0, last_asked=8300.0, state=OrderState.PAID, paid_at=1005.0)) is None


def test_final_and_unknown_numbers_are_never_asked_again() -> None:
    for state in (OrderState.CLOSED, OrderState.REVOKED, OrderState.PAY_FAILED, OrderState.REFUNDED):
        assert at(QueryState(1000.0, last_asked=1100.0, state=state)) is None
    assert at(QueryState(1000.0, last_asked=1100.0, not_on_platform=True)) is None


def test_failures_back_off() -> None:
    assert at(QueryState(1000.0, last_asked=1100.0, failures=1)) == 1120.0
    assert at(QueryState(1000.0, last_asked=1100.0, failures=9)) == 1400.0
