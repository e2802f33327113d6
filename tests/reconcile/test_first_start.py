"""The first start at a store: an order paid before the app first ran on this journal was never
watched, so its receipt is not missing (neither raised nor printed from the platform's record); one
paid after it is. The moment is written into the journal once and kept across restarts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from cashier_app.journal.app_state import first_started
from cashier_app.journal.db import Journal
from cashier_app.reconcile.service import Reconciler
from tests.helpers.reconcile import Heard, Platform, settings


def test_orders_paid_before_the_first_start_are_neither_raised_nor_printed(
        platform: Platform, journal: Journal, heard: Heard, make_reconciler: Callable[..., Reconciler]) -> None:
    clock = platform.clock
    started = first_started(journal, now=(clock.dt() - timedelta(seconds=120)).isoformat())
    platform.order("202611220101", "PAID", age_s=600)  # paid 595 s ago: before the app first ran
    platform.order("202611220102", "PAID", age_s=60)  # paid 55 s ago, after it: its print.txt never came
    reconciler = make_reconciler(settings=settings(missing_receipt="auto"),
                                 watched_since=datetime.fromisoformat(started))

    first = reconciler.poll_once()
    assert first.ok and first.listed == 2  # both within the first poll's look back
    assert [c.out_trade_no for c in first.opened] == ["202611220102"]
    assert heard.printed == ["202611220102"]

    clock.advance(30)  # later polls leave the earlier order alone too
    assert reconciler.poll_once().opened == []
    assert heard.printed == ["202611220102"]


def test_the_first_start_is_written_once_and_kept_across_restarts(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal = Journal(path)
    try:
        assert first_started(journal, now="2026-11-22T01:00:00+00:00") == "2026-11-22T01:00:00+00:00"
        assert first_started(journal, now="2026-11-23T09:00:00+00:00") == "2026-11-22T01:00:00+00:00"
    finally:
        journal.close()
    reopened = Journal(path)  # the next start of the app
    try:
        assert first_started(reopened) == "2026-11-22T01:00:00+00:00"
    finally:
        reopened.close()
