"""Platform outages: told once, one PLATFORM_FAULT case, never taken as unpaid, then catch-up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from cashier_app.domain.cases import CaseKind, CaseResult, CaseStatus, StepAction
from cashier_app.domain.local_time import store_zone
from cashier_app.journal.cases import CaseFilter, CaseStore
from cashier_app.journal.db import Journal
from cashier_app.journal.reconcile_state import ReconcileStateStore
from cashier_app.reconcile.platform_health import MAX_BACKOFF_INTERVALS, backoff_intervals, next_wait_s
from cashier_app.reconcile.service import Reconciler
from cashier_app.reconcile.status import read_status
from tests.helpers.reconcile import FakeClock, Heard, Platform, sale

# The client makes 2 attempts per call in these tests: 4 faulted requests = 2 failed polls.
FAULTS = [
    pytest.param(({"status": 503}, "maintenance"), id="503-maintenance"),
    pytest.param(({"status": 500}, "platform_error"), id="500-system-error"),
    pytest.param(({"drop_response": True}, "network"), id="dropped-answers"),
]


@pytest.mark.parametrize("injected", FAULTS)
def test_outage_then_catch_up(platform: Platform, journal: Journal, heard: Heard,
                              make_reconciler: Callable[..., Reconciler], injected: tuple[dict[str, Any], str]) -> None:
    fault, reason = injected
    clock = platform.clock
    platform.order("202611220001", "PAID", age_s=120)
    sale(journal, clock, "202611220001", ago_s=110)
    reconciler = make_reconciler(first_lookback_s=3600)
    assert reconciler.poll_once().ok
    assert [h.reachable for h in heard.health] == [True]

    platform.control.inject_faults(**fault, for_requests=4)
    # Orders paid during the outage; one of them has a receipt the platform cannot confirm yet.
    clock.advance(10)
    platform.order("202611220002", "PAID", age_s=5)
    platform.order("202611220003", "PAID", age_s=5)
    sale(journal, clock, "202611220003")
    sale(journal, clock, "202611229999")  # a receipt for an order the platform will say it does not know
    down = reconciler.poll_once()
    assert not down.ok and down.reason == reason
    (fault_case,) = down.opened
    assert fault_case.kind is CaseKind.PLATFORM_FAULT and fault_case.status is CaseStatus.OPEN
    assert [(h.reachable, h.reason) for h in heard.health] == [(True, None), (False, reason)]
    outage_started = heard.health[-1].since

    clock.advance(40)  # long past every grace period: still, nothing is taken as unpaid
    still_down = reconciler.poll_once()
    assert not still_down.ok and still_down.opened == []
    assert len(heard.health) == 2  # told once
    assert read_status(journal).outage is not None
    assert read_status(journal).open_cases == {"platform_fault": 1}
    assert platform.requests.queries == 0

    clock.advance(10)
    back = reconciler.poll_once()
    assert back.ok
    assert [(h.reachable, h.reason) for h in heard.health] == [(True, None), (False, reason), (True, None)]
    assert heard.health[-1].since > outage_started
    (closed,) = [c for c in back.closed if c.kind is CaseKind.PLATFORM_FAULT]
    assert closed.id == fault_case.id and closed.result is CaseResult.RESOLVED_BY_ITSELF
    note = [s for s in closed.steps if s.action is StepAction.NOTE]
    assert len(note) == 1 and "unreachable for 50 s" in note[0].detail and "2 failed polls" in note[0].detail
    # Caught up from the saved position: the orders of the outage are there, raised as they should be.
    assert {c.out_trade_no for c in back.opened} == {"202611220002", "202611229999"}
    assert back.new_orders == 2 and back.query_requests == 1
    assert len(CaseStore(journal).list(CaseFilter(kind=CaseKind.PLATFORM_FAULT))) == 1
    assert ReconcileStateStore(journal).outage() is None


def test_restart_during_an_outage_closes_the_same_case(
        platform: Platform, journal: Journal, clock: FakeClock, heard: Heard,
        make_reconciler: Callable[..., Reconciler]) -> None:
    platform.control.inject_faults(status=503, for_requests=4)
    first = make_reconciler().poll_once()
    (fault_case,) = first.opened
    # The app restarts while the platform is still down: the UI is told again (a new window), but
    # no second case is opened; the case closes when the platform is back.
    clock.advance(10)
    again = make_reconciler()
    assert again.poll_once().opened == []
    assert [h.reachable for h in heard.health] == [False, False]
    clock.advance(10)
    back = again.poll_once()
    assert [c.id for c in back.closed] == [fault_case.id]
    assert CaseStore(journal).count_open() == 0


def test_no_outage_when_the_app_is_stopping(platform: Platform, journal: Journal, heard: Heard,
                                            make_reconciler: Callable[..., Reconciler]) -> None:
    reconciler = make_reconciler()
    assert reconciler.stop()  # stopping: a list that fails now is the app going away, not the platform
    platform.control.inject_faults(status=503, for_requests=2)
    report = reconciler.poll_once()
    assert not report.ok and report.reason == "maintenance"
    assert heard.health == [] and CaseStore(journal).count_open() == 0
    assert ReconcileStateStore(journal).outage() is None


def test_backoff_is_a_few_intervals_at_most() -> None:
    assert [backoff_intervals(n) for n in range(6)] == [1, 1, 2, 3, 3, 3]
    assert next_wait_s(10.0, 0) == 10.0
    assert next_wait_s(10.0, 5) == 10.0 * MAX_BACKOFF_INTERVALS
    assert next_wait_s(10.0, 1, retry_after_s=25.0) == 25.0
    assert next_wait_s(10.0, 1, retry_after_s=3600.0) == 30.0


def test_a_key_the_platform_rejects_is_named_so_not_unreachable(platform: Platform, journal: Journal, heard: Heard,
                                                                  make_reconciler: Callable[..., Reconciler],
                                                                  clock: FakeClock) -> None:
    """SIGN_ERROR: the platform answers and refuses this till's key. Reconciliation, its case, the
    diagnosis and the status bar say that, not "platform unreachable" (the technician would check the
    network instead of the key)."""
    from cashier_app.diagnostics.checks import reconcile_check
    from cashier_app.diagnostics.journal_access import ReadOnlyJournal
    from cashier_app.domain.cases import PLATFORM_REFUSES_CAUSE
    from cashier_app.platform.client import PlatformClient
    from tests.helpers.reconcile import fast_platform_settings

    with PlatformClient(fast_platform_settings(platform.server.base_url), lambda: "a-wrong-key", clock=clock) as wrong:
        report = make_reconciler(client=wrong).poll_once()
    assert not report.ok and report.reason == "key_rejected"
    assert [h.reason for h in heard.health] == ["key_rejected"]
    [case] = CaseStore(journal).list(CaseFilter(kind=CaseKind.PLATFORM_FAULT))
    assert case.cause == PLATFORM_REFUSES_CAUSE and "key_rejected" in case.steps[0].detail
    check = reconcile_check(ReadOnlyJournal(journal.path), training=False, zone=store_zone("+08:00"))
    assert "平台拒绝本机" in check.summary_zh and "无法访问" not in check.summary_zh
