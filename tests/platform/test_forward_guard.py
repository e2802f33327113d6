from __future__ import annotations

from cashier_app.domain.orders import OrderState
from cashier_app.platform.forward_guard import ForwardGuard


def test_admits_forward_and_refuses_backward() -> None:
    guard = ForwardGuard()
    assert guard.admit("A", OrderState.CREATED) is None
    assert guard.admit("A", OrderState.PAID) is None
    assert guard.admit("A", OrderState.PAID) is None  # staying put is forward
    assert guard.admit("A", OrderState.CREATED) is OrderState.PAID
    assert guard.known("A") is OrderState.PAID  # the refused answer is not remembered
    assert guard.admit("A", OrderState.REFUNDED) is None
    assert guard.admit("A", OrderState.UNKNOWN) is OrderState.REFUNDED  # a final state never changes


def test_seed_never_moves_back_and_oldest_are_forgotten() -> None:
    guard = ForwardGuard(max_remembered=2)
    guard.seed({"A": "PAID"})
    guard.seed({"A": OrderState.CREATED, "B": OrderState.CLOSED})
    assert guard.known("A") is OrderState.PAID
    guard.admit("C", OrderState.CREATED)
    assert guard.known("A") is None
    assert guard.known("B") is OrderState.CLOSED
    assert guard.known("C") is OrderState.CREATED
