"""The Order read strictly from an answer, and the retry arithmetic."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

import pytest

from cashier_app.domain.orders import OrderState
from cashier_app.platform.order import Order, OrderFormatError
from cashier_app.platform.retry import RetryBudget, RetryPolicy, parse_retry_after
from tests.helpers.spec_examples import SPEC_ORDER


def test_spec_example_round_trips() -> None:
    order = Order.from_json(SPEC_ORDER)
    assert order.state is OrderState.PAID
    assert order.paid_at is not None and order.paid_at.utcoffset() == timedelta(hours=8)
    assert order.to_json() == SPEC_ORDER


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("state", "PAYED"),
        ("state", None),
        ("channel", "BANKCARD"),
        ("total_amount", "12.50"),
        ("total_amount", 12.5),
        ("total_amount", True),
        ("paid_amount", -1),
        ("created_at", "2026-11-22 10:31:01"),  # no offset: ambiguous
        ("updated_at", None),
        ("out_trade_no", ""),
        ("channel_trade_no", 4200001234),
    ],
)
def test_malformed_orders_are_refused(field: str, value: Any) -> None:
    with pytest.raises(OrderFormatError, match=field):
        Order.from_json({**SPEC_ORDER, field: value})


def test_unpaid_order_without_channel_number() -> None:
    order = Order.from_json({**SPEC_ORDER, "state": "CREATED", "channel_trade_no": None, "paid_at": None,
                             "paid_amount": 0})
    assert order.channel_trade_no is None and order.paid_at is None


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("3", 3.0), (" 2 ", 2.0), ("0.5", 0.5), (None, None), ("soon", None), ("-1", None),
     ("Wed, 21 Oct 2015 07:28:00 GMT", 10.0)],
)
def test_parse_retry_after(header: str | None, seconds: float | None) -> None:
    now = 1445412470.0  # 10 s before the HTTP date above
    assert parse_retry_after(header, now=now) == seconds


def test_budget_bounds_attempts_and_time() -> None:
    t = [0.0]
    budget = RetryBudget(RetryPolicy(max_attempts=3, budget_s=10.0, backoff_base_s=1.0, backoff_max_s=4.0),
                         clock=lambda: t[0], rng=random.Random(1))
    budget.start_attempt()
    first = budget.backoff_delay()
    assert 0.5 <= first <= 1.0
    assert budget.allows(first)
    budget.start_attempt()
    second = budget.backoff_delay()
    assert 1.0 <= second <= 2.0
    assert not budget.allows(10.0)  # would run past the time budget
    budget.start_attempt()
    assert not budget.allows(0.0)  # no attempts left
    t[0] = 20.0
    assert budget.elapsed == 20.0


def test_retry_after_is_honoured_with_jitter() -> None:
    budget = RetryBudget(RetryPolicy(), rng=random.Random(7))
    delays = [budget.retry_after_delay(2.0) for _ in range(200)]
    assert min(delays) >= 2.0
    assert max(delays) <= 2.0 * 1.2 + 1e-9
    assert len(set(delays)) > 100  # jittered, not one fixed value
