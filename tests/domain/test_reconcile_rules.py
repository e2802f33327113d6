from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cashier_app.domain.cases import CaseKind
from cashier_app.domain.orders import OrderState
from cashier_app.domain.reconcile import OrderSnapshot, ReceiptSeen, reconcile
from cashier_app.domain.reconcile_settings import ReconcileSettings

NOW = datetime(2026, 11, 22, 2, 0, 0, tzinfo=UTC)
S = ReconcileSettings(grace_s=20, stuck_after_s=120)


def order(no: str, state: OrderState, age_s: float, paid_age_s: float | None = None) -> OrderSnapshot:
    paid = NOW - timedelta(seconds=paid_age_s) if paid_age_s is not None else None
    return OrderSnapshot(no, state, 1250, NOW - timedelta(seconds=age_s), paid)


def receipt(rid: int, no: str | None, age_s: float = 60, kind: str = "SALE") -> ReceiptSeen:
    return ReceiptSeen(rid, no, kind, 1250, NOW - timedelta(seconds=age_s))


def kinds(result) -> set[tuple[CaseKind, str]]:
    return {(f.kind, f.out_trade_no) for f in result.findings}


def test_matched_paid_orders_raise_nothing() -> None:
    orders = {"A": order("A", OrderState.PAID, 100, 90)}
    assert reconcile(orders, [receipt(1, "A")], NOW, S).findings == []


def test_paid_without_receipt_waits_for_grace_then_raises() -> None:
    young = {"A": order("A", OrderState.PAID, 30, 10)}
    assert reconcile(young, [], NOW, S).findings == []
    old = {"A": order("A", OrderState.PAID, 30, 21)}
    assert kinds(reconcile(old, [], NOW, S)) == {(CaseKind.PAID_NO_RECEIPT, "A")}


def test_stuck_payment() -> None:
    orders = {"B": order("B", OrderState.USERPAYING, 121), "C": order("C", OrderState.CREATED, 119)}
    assert kinds(reconcile(orders, [], NOW, S)) == {(CaseKind.STUCK_PAYMENT, "B")}


def test_a_stuck_order_is_raised_with_its_real_age() -> None:
    """Seen after the app was down a while: it says 47 min, not "more than 120 s"."""
    orders = {"B": order("B", OrderState.USERPAYING, 47 * 60 + 5)}
    [finding] = reconcile(orders, [], NOW, S).findings
    assert "for 47 min 5 s" in finding.cause and "120" not in finding.cause


def test_receipt_for_unpaid_closed_refunded_or_unknown_order() -> None:
    orders = {
        "U": order("U", OrderState.CREATED, 100),
        "C": order("C", OrderState.CLOSED, 100),
        "R": order("R", OrderState.REFUNDED, 100, 90),
        "X": order("X", OrderState.UNKNOWN, 100),
    }
    receipts = [receipt(1, "U"), receipt(2, "C"), receipt(3, "R"), receipt(4, "X"), receipt(5, "GONE")]
    result = reconcile(orders, receipts, NOW, S, not_on_platform=frozenset({"GONE"}))
    assert kinds(result) == {
        (CaseKind.RECEIPT_WITHOUT_PAYMENT, "U"),
        (CaseKind.RECEIPT_WITHOUT_PAYMENT, "C"),
        (CaseKind.REFUND, "R"),
        (CaseKind.RECEIPT_WITHOUT_PAYMENT, "GONE"),
    }


def test_receipt_not_in_list_is_queried_after_grace() -> None:
    assert reconcile({}, [receipt(1, "Q", age_s=5)], NOW, S).to_query == []
    assert reconcile({}, [receipt(1, "Q", age_s=25)], NOW, S).to_query == ["Q"]


def test_bank_card_slips_are_never_unmatched() -> None:
    result = reconcile({}, [receipt(1, None, age_s=999)], NOW, S)
    assert result.findings == [] and result.to_query == []


def test_doubled_original_receipt() -> None:
    orders = {"D": order("D", OrderState.PAID, 100, 90)}
    result = reconcile(orders, [receipt(1, "D"), receipt(2, "D")], NOW, S)
    assert kinds(result) == {(CaseKind.DOUBLED_RECEIPT, "D")}
    assert result.findings[0].receipt_ids == (1, 2)


def test_refund_receipt_does_not_count_as_sale() -> None:
    orders = {"A": order("A", OrderState.PAID, 100, 90)}
    assert kinds(reconcile(orders, [receipt(1, "A", kind="REFUND")], NOW, S)) == {(CaseKind.PAID_NO_RECEIPT, "A")}


def test_late_receipt_and_moved_on_order_clear_their_cases() -> None:
    orders = {"A": order("A", OrderState.PAID, 100, 90), "B": order("B", OrderState.PAID, 300, 10)}
    result = reconcile(orders, [receipt(1, "A"), receipt(2, "B")], NOW, S,
                       open_keys=["paid_no_receipt:A", "stuck_payment:B", "doubled_receipt:A"])
    assert result.cleared == {"paid_no_receipt:A", "stuck_payment:B"}
