"""The store's clock: every time a person reads is on it, whatever offset wrote it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from cashier_app.domain.local_time import CLOCK, local_day_bounds, local_day_range, store_time, store_zone

STORE = store_zone("+08:00")


def test_the_stores_offset_is_a_fixed_zone() -> None:
    assert store_zone("+08:00").utcoffset(None) == timedelta(hours=8)
    assert store_zone("-05:30").utcoffset(None) == -timedelta(hours=5, minutes=30)
    assert store_zone("+00:00").utcoffset(None) == timedelta(0)


def test_any_offset_is_shown_on_the_stores_clock() -> None:
    moment = datetime(2026, 11, 22, 15, 57, 55, tzinfo=UTC)  # a platform answering in UTC
    assert store_time(moment, STORE) == "2026-11-22 23:57:55"
    assert store_time("2026-11-22T15:57:55+00:00", STORE) == "2026-11-22 23:57:55"  # the journal's text
    assert store_time("2026-11-22T23:57:55+08:00", STORE) == "2026-11-22 23:57:55"
    assert store_time(moment.astimezone(timezone(timedelta(hours=-5))), STORE, CLOCK) == "23:57:55"
    assert store_time(moment, store_zone("+09:00")) == "2026-11-23 00:57:55"  # the next day there


def test_a_time_without_offset_is_the_stores_already_and_nothing_is_hidden() -> None:
    assert store_time("2026-11-22 10:31:05", STORE) == "2026-11-22 10:31:05"
    assert store_time(None, STORE) == "" and store_time("", STORE) == ""
    assert store_time("not a time", STORE) == "not a time"


def test_the_stores_day_runs_from_its_own_midnight() -> None:
    late_utc = datetime(2026, 11, 22, 17, 0, tzinfo=UTC)  # 01:00 on the 23rd in the store
    start, end = local_day_bounds(STORE, now=late_utc)
    assert (start, end) == local_day_range(date(2026, 11, 23), STORE)
    assert start.astimezone(UTC) == datetime(2026, 11, 22, 16, 0, tzinfo=UTC)
    assert end - start == timedelta(days=1)
