"""The journal's orders_seen table: written by the reconciler, read by the lookup and the status."""

from __future__ import annotations

from typing import Any

from cashier_app.domain.cases import CaseKind
from cashier_app.domain.orders import OrderState
from cashier_app.journal.cases import CaseStore
from cashier_app.journal.db import Journal
from cashier_app.journal.orders_seen import OrdersSeenStore, SeenCounts
from cashier_app.platform.order import Order, kept_order


def _order(number: str, state: str = "PAID", updated: str = "2026-11-22T10:00:05+08:00") -> Order:
    data: dict[str, Any] = {
        "out_trade_no": number, "channel_trade_no": f"42{number}", "channel": "WECHAT", "trade_type": "MICROPAY",
        "state": state, "channel_state": None, "total_amount": 1250, "paid_amount": 1250, "refund_amount": 0,
        "subject": "", "store_no": "S01", "terminal_no": "T01", "operator": "07",
        "created_at": "2026-11-22T10:00:00+08:00", "paid_at": "2026-11-22T10:00:04+08:00",
        "updated_at": updated, "last_synced_at": None,
    }
    return Order.from_json(data)


def test_an_order_is_kept_as_the_platform_wrote_it_and_read_back(journal: Journal) -> None:
    store = OrdersSeenStore(journal)
    order = _order("202611220001")
    with journal.tx() as conn:
        counts = store.upsert([order, order], conn)
    assert (counts.new, counts.changed, counts.repeated) == (1, 0, 1)
    assert store.order_json("202611220001") == order.to_json()
    assert kept_order(store.order_json("202611220001")) == order
    assert store.order_json("202611229999") is None and kept_order(None) is None
    assert store.states_since("2000-01-01") == {"202611220001": OrderState.PAID}


def test_not_on_platform_is_counted_apart_and_reads_as_no_order(journal: Journal) -> None:
    store = OrdersSeenStore(journal)
    with journal.tx() as conn:
        store.upsert([_order("202611220001"), _order("202611220002")], conn)
        store.mark_not_on_platform("202611220003", conn)
        store.mark_not_on_platform("202611220001", conn)  # listed before: kept as it is
    assert store.counts() == SeenCounts(orders=3, not_on_platform=1)
    assert store.order_json("202611220003") is None
    assert store.order_json("202611220001") is not None
    snapshots, missing = store.snapshots("2000-01-01", ["202611220003"])
    assert sorted(snapshots) == ["202611220001", "202611220002"] and missing == frozenset({"202611220003"})


def test_a_damaged_row_counts_as_never_seen(journal: Journal) -> None:
    store = OrdersSeenStore(journal)
    with journal.tx() as conn:
        store.upsert([_order("202611220001"), _order("202611220002")], conn)
        conn.execute("UPDATE orders_seen SET order_json = '{not json' WHERE out_trade_no = '202611220001'")
        conn.execute("UPDATE orders_seen SET order_json = '{\"state\": \"PAID\"}'"
                     " WHERE out_trade_no = '202611220002'")
    assert store.order_json("202611220001") is None
    assert store.order_json("202611220002") == {"state": "PAID"}
    assert kept_order(store.order_json("202611220002")) is None  # no longer reads as an order


def test_open_cases_are_counted_per_kind_and_mode(journal: Journal) -> None:
    cases = CaseStore(journal)
    assert cases.open_by_kind() == {}
    for number in ("A", "B"):
        cases.open_case(CaseKind.PAID_NO_RECEIPT, actor="system", out_trade_no=number)
    cases.open_case(CaseKind.DROPPED_ORDER, actor="01", out_trade_no="C")
    cases.open_case(CaseKind.DROPPED_ORDER, actor="01", out_trade_no="D", training=True)
    assert cases.open_by_kind() == {CaseKind.DROPPED_ORDER.value: 1, CaseKind.PAID_NO_RECEIPT.value: 2}
    assert cases.open_by_kind(training=True) == {CaseKind.DROPPED_ORDER.value: 1}
