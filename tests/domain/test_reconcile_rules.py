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
    assert "for 47 min 5 s" in finding.detail and "120" not in finding.detail


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
        (CaseKind.REFUND_WITHOUT_RECEIPT, "R"),  # refunded on the platform, the till printed no refund
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
    assert kinds(reconcile(orders, [receipt(1, "A", kind="REFUND")], NOW, S)) == {
        (CaseKind.PAID_NO_RECEIPT, "A"), (CaseKind.REFUND_NOT_ON_PLATFORM, "A")}


def amounts(no: str, state: OrderState, total: int, *, paid: int | None = None, refunded: int = 0,
            updated_age_s: float = 60) -> OrderSnapshot:
    return OrderSnapshot(no, state, total, NOW - timedelta(seconds=300), NOW - timedelta(seconds=290),
                         paid_amount=paid, refund_amount=refunded, updated_at=NOW - timedelta(seconds=updated_age_s))


def slip(rid: int, no: str, amount: int | None, age_s: float = 60, kind: str = "SALE") -> ReceiptSeen:
    return ReceiptSeen(rid, no, kind, amount, NOW - timedelta(seconds=age_s))


def test_a_receipt_amount_that_is_not_the_platforms() -> None:
    orders = {"M": amounts("M", OrderState.PAID, 1280), "C": amounts("C", OrderState.PAID, 1280, paid=1080),
              "N": amounts("N", OrderState.PAID, 1280)}
    result = reconcile(orders, [slip(1, "M", 99900), slip(2, "C", 1080), slip(3, "N", None)], NOW, S)
    # A coupon makes the customer pay less than the total: either amount is the platform's. No amount read: no claim.
    assert kinds(result) == {(CaseKind.AMOUNT_MISMATCH, "M")}
    (finding,) = result.findings
    assert finding.amount == 1280 and finding.receipt_ids == (1,)
    assert finding.detail == "receipt says 999.00, the platform says 12.80"
    assert finding.cause == "the receipt's amount is not the amount the platform took"


def test_a_refund_receipt_for_an_order_the_platform_says_is_paid() -> None:
    orders = {"P": amounts("P", OrderState.PAID, 1250), "R": amounts("R", OrderState.REFUNDED, 1250, refunded=1250)}
    receipts = [slip(1, "P", 1250), slip(2, "P", 1250, age_s=10, kind="REFUND"),
                slip(3, "R", 1250), slip(4, "R", 1250, kind="REFUND")]
    assert reconcile(orders, receipts, NOW, S).findings == []  # within the grace: the refund's notice may follow
    receipts[1] = slip(2, "P", 1250, age_s=30, kind="REFUND")
    result = reconcile(orders, receipts, NOW, S)
    assert kinds(result) == {(CaseKind.REFUND_NOT_ON_PLATFORM, "P")}
    assert result.findings[0].amount == 1250 and result.findings[0].receipt_ids == (2,)
    # The platform hears of the refund: the case clears by itself.
    orders["P"] = amounts("P", OrderState.REFUNDED, 1250, refunded=1250)
    cleared = reconcile(orders, receipts, NOW, S, open_keys=["refund_not_on_platform:P"])
    assert cleared.findings == [] and cleared.cleared == {"refund_not_on_platform:P"}


def test_a_refund_on_the_platform_with_no_refund_receipt() -> None:
    orders = {
        "F": amounts("F", OrderState.REFUNDED, 1250),  # full, amount not given: the whole amount
        "H": amounts("H", OrderState.PARTIAL_REFUNDED, 4200, refunded=1500),
        "S": amounts("S", OrderState.PARTIAL_REFUNDED, 4200, refunded=1500, updated_age_s=5),  # just now
        "K": amounts("K", OrderState.PARTIAL_REFUNDED, 4200, refunded=2000),
        "OK": amounts("OK", OrderState.REFUNDED, 1250, refunded=1250),
        "OLD": amounts("OLD", OrderState.REFUNDED, 1250, updated_age_s=7200),
    }
    receipts = [slip(1, "K", 1500, kind="REFUND"), slip(2, "OK", 1250, kind="REFUND"),
                *(slip(10 + i, no, 4200, age_s=290) for i, no in enumerate(("H", "S", "K")))]  # their sales
    result = reconcile(orders, receipts, NOW, S, watched_since=NOW - timedelta(hours=1))
    assert kinds(result) == {(CaseKind.REFUND_WITHOUT_RECEIPT, "F"), (CaseKind.REFUND_WITHOUT_RECEIPT, "H"),
                             (CaseKind.REFUND_WITHOUT_RECEIPT, "K")}
    details = {f.out_trade_no: (f.amount, f.detail) for f in result.findings}
    assert details["F"] == (1250, "refunded 12.50 on the platform, no refund receipt")
    assert details["K"] == (2000, "refunded 20.00 on the platform, refund receipts for 15.00")
    # The refund receipt arrives: cleared.
    receipts.append(slip(3, "H", 1500, kind="REFUND"))
    later = reconcile(orders, receipts, NOW, S, open_keys=["refund_without_receipt:H"],
                      watched_since=NOW - timedelta(hours=1))
    assert "refund_without_receipt:H" in later.cleared


def test_late_receipt_and_moved_on_order_clear_their_cases() -> None:
    orders = {"A": order("A", OrderState.PAID, 100, 90), "B": order("B", OrderState.PAID, 300, 10)}
    result = reconcile(orders, [receipt(1, "A"), receipt(2, "B")], NOW, S,
                       open_keys=["paid_no_receipt:A", "stuck_payment:B", "doubled_receipt:A"])
    assert result.cleared == {"paid_no_receipt:A", "stuck_payment:B"}
