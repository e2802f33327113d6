"""One list request per poll, paging through the cursor, and restarts that neither miss nor repeat."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from cashier_app.domain.cases import CaseKind
from cashier_app.domain.orders import OrderState
from cashier_app.journal.cases import CaseStore
from cashier_app.journal.db import Journal
from cashier_app.journal.orders_seen import OrdersSeenStore
from cashier_app.journal.reconcile_state import ListPosition, ReconcileStateStore
from cashier_app.reconcile.service import Reconciler
from cashier_app.reconcile.state import advance
from tests.helpers.reconcile import FakeClock, Heard, Platform, sale


def stage(platform: Platform, journal: Journal, clock: FakeClock, count: int, *, start_age_s: float = 600,
          receipts: bool = True, prefix: str = "2026112230") -> list[str]:
    """`count` paid orders, one a second apart, oldest first, with their receipts."""
    numbers = [f"{prefix}{i:04d}" for i in range(count)]
    platform.control.create_orders([
        {"out_trade_no": n, "state": "PAID", "total_amount": 1000 + i, "created_at": clock() - start_age_s + i,
         "paid_at": clock() - start_age_s + i + 1}
        for i, n in enumerate(numbers)])
    if receipts:
        for i, n in enumerate(numbers):
            sale(journal, clock, n, amount=1000 + i, ago_s=start_age_s - i - 2)
    return numbers


def seen_numbers(journal: Journal) -> set[str]:
    with journal.read() as conn:
        return {str(r[0]) for r in conn.execute("SELECT out_trade_no FROM orders_seen")}


def test_one_list_request_per_poll_whatever_the_order_count(
        platform: Platform, journal: Journal, clock: FakeClock, make_reconciler: Callable[..., Reconciler]) -> None:
    numbers = stage(platform, journal, clock, 450)
    reconciler = make_reconciler(first_lookback_s=3600)
    reports = []
    for _ in range(4):
        reports.append(reconciler.poll_once())
        clock.advance(10)
    assert [r.list_requests for r in reports] == [1, 1, 1, 1]
    assert platform.requests.lists == 4 and platform.requests.queries == 0
    assert [r.listed for r in reports[:3]] == [200, 200, 50]
    assert [r.more_pages for r in reports] == [True, True, False, False]
    assert sum(r.new_orders for r in reports) == 450
    assert seen_numbers(journal) == set(numbers)
    # All matched: nothing raised, nothing queried.
    assert CaseStore(journal).count_open() == 0
    # The fourth poll started a new scan a few seconds before the newest update (the overlap):
    # what it listed again was recognised and not written.
    assert reports[3].new_orders == 0 and reports[3].repeated_orders == reports[3].listed >= 1


def test_restart_in_the_middle_of_a_scan(platform: Platform, journal: Journal, clock: FakeClock, heard: Heard,
                                         make_reconciler: Callable[..., Reconciler]) -> None:
    numbers = stage(platform, journal, clock, 7, receipts=False)
    first = make_reconciler(first_lookback_s=3600, page_size=3)
    r1 = first.poll_once()
    r2 = first.poll_once()
    assert (r1.listed, r2.listed, r2.more_pages) == (3, 3, True)
    position = ReconcileStateStore(journal).position()
    assert position.cursor is not None and position.updated_since is not None
    # While the app is down, an order already seen is refunded and a new one is paid.
    platform.control.set_upstream(numbers[0], "REFUNDED", notify=True)
    clock.advance(30)
    platform.order("202611223999", "PAID", age_s=5)

    # The app starts again: a new reconciler on the same journal carries on from the saved cursor.
    second = make_reconciler(page_size=3)
    reports = [second.poll_once() for _ in range(4)]
    total_new = r1.new_orders + r2.new_orders + sum(r.new_orders for r in reports)
    assert total_new == 8  # every order once: none missed, none repeated
    assert sum(r.changed_orders for r in reports) == 1  # the refund, seen as a change
    assert seen_numbers(journal) == {*numbers, "202611223999"}
    snapshots, _ = OrdersSeenStore(journal).snapshots("2000-01-01")
    assert snapshots[numbers[0]].state is OrderState.REFUNDED
    assert platform.requests.lists == 6
    # Each missing receipt raised once, across the restart (and the refund without its slip, once).
    raised = [str(c.out_trade_no) for c, created in heard.cases if created and c.kind is CaseKind.PAID_NO_RECEIPT]
    assert sorted(raised) == sorted(numbers)
    for _ in range(2):
        clock.advance(10)
        second.poll_once()
    make_reconciler(page_size=3).poll_once()
    missing = [c for c, created in heard.cases if created and c.kind is CaseKind.PAID_NO_RECEIPT]
    assert len(missing) == len(raised) + 1  # + the new one, after grace
    refunds = [c.out_trade_no for c, created in heard.cases if created and c.kind is CaseKind.REFUND_WITHOUT_RECEIPT]
    assert refunds == [numbers[0]]


def test_states_never_move_back_in_orders_seen(platform: Platform, journal: Journal, clock: FakeClock,
                                               make_reconciler: Callable[..., Reconciler]) -> None:
    from cashier_app.platform.order import Order, kept_order

    platform.order("202611220001", "PAID", age_s=120)
    sale(journal, clock, "202611220001", ago_s=100)
    make_reconciler(first_lookback_s=3600).poll_once()
    store = OrdersSeenStore(journal)
    order = kept_order(store.order_json("202611220001"))
    assert order is not None and order.state is OrderState.PAID
    older = Order.from_json({**order.to_json(), "state": "USERPAYING", "paid_at": None, "channel_trade_no": None,
                             "updated_at": (order.updated_at + timedelta(seconds=5)).isoformat()})
    with journal.tx() as conn:
        counts = store.upsert([older], conn)
    assert counts.refused == 1 and counts.written == 0
    again = kept_order(store.order_json("202611220001"))
    assert again is not None and again.state is OrderState.PAID


def test_a_refused_cursor_rescans_from_where_the_scan_started(
        platform: Platform, journal: Journal, clock: FakeClock, make_reconciler: Callable[..., Reconciler]) -> None:
    stage(platform, journal, clock, 4)
    state = ReconcileStateStore(journal)
    since = (clock.dt() - timedelta(hours=1)).isoformat()
    state.save_position(ListPosition(since, "not-a-cursor-of-this-platform", None))
    reconciler = make_reconciler()
    refused = reconciler.poll_once()
    assert not refused.ok and refused.reason == "invalid_params"
    assert state.position() == ListPosition(since, None, None)
    assert CaseStore(journal).count_open() == 0  # not an outage
    assert reconciler.poll_once().new_orders == 4


def test_advance_keeps_the_scan_start_until_its_last_page() -> None:
    t0 = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)
    start = ListPosition(t0.isoformat(), None, None)
    mid = advance(start, [t0 + timedelta(seconds=50), t0 + timedelta(seconds=70)], "c1", overlap_s=5)
    assert mid == ListPosition(t0.isoformat(), "c1", (t0 + timedelta(seconds=70)).isoformat())
    end = advance(mid, [t0 + timedelta(seconds=60)], None, overlap_s=5)
    assert end == ListPosition((t0 + timedelta(seconds=65)).isoformat(), None, None)
    # An empty page keeps the position; the start never moves back.
    assert advance(end, [], None, overlap_s=5) == end
    assert advance(end, [t0], None, overlap_s=5) == end
