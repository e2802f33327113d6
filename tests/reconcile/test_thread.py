"""The reconciler's own thread: polls at the interval, one list request per poll, stops and joins."""

from __future__ import annotations

import threading
from collections.abc import Callable

from cashier_app.domain.cases import Case, CaseKind
from cashier_app.journal.db import Journal
from cashier_app.reconcile.service import PollReport, Reconciler
from cashier_app.reconcile.status import read_status
from tests.helpers.reconcile import FakeClock, Platform, settings


def test_start_polls_every_interval_and_stop_joins(platform: Platform, journal: Journal, clock: FakeClock,
                                                   make_reconciler: Callable[..., Reconciler]) -> None:
    platform.order("202611220002", "PAID", age_s=120)
    polls: list[PollReport] = []
    three_polls, raised = threading.Event(), threading.Event()
    opened: list[Case] = []

    def on_poll(report: PollReport) -> None:
        polls.append(report)
        if len(polls) >= 3:
            three_polls.set()

    def on_case(case: Case, created: bool) -> None:
        opened.append(case)
        raised.set()

    reconciler = make_reconciler(settings=settings(interval_s=0.05), on_poll=on_poll, on_case=on_case,
                                 first_lookback_s=3600)
    reconciler.start()
    try:
        assert raised.wait(10) and three_polls.wait(10)
        assert reconciler.running
    finally:
        assert reconciler.stop(timeout_s=10)
    assert not reconciler.running
    count = len(polls)
    assert platform.requests.lists == count  # one list request per poll, never more
    assert [c.kind for c in opened] == [CaseKind.PAID_NO_RECEIPT]  # raised once, however many polls
    assert all(p.ok for p in polls)
    last = read_status(journal).last_poll
    assert last is not None and last["ok"] is True and last["list_requests"] == 1


def test_a_disabled_reconciler_does_not_start(journal: Journal,
                                              make_reconciler: Callable[..., Reconciler]) -> None:
    reconciler = make_reconciler(settings=settings(enabled=False))
    reconciler.start()
    assert not reconciler.running and reconciler.stop()


def test_a_failing_listener_does_not_stop_reconciliation(platform: Platform, journal: Journal,
                                                         make_reconciler: Callable[..., Reconciler]) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("UI bug")

    platform.order("202611220002", "PAID", age_s=120)
    platform.order("202611220003", "PAID", age_s=120)
    report = make_reconciler(on_case=broken, on_platform=broken, on_poll=broken, first_lookback_s=3600).poll_once()
    assert report.ok and len(report.opened) == 2
