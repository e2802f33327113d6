"""Amounts and dates as a manager types them: exact fen, local days in the store's offset."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashier_app.domain.local_time import LocalTimeError, local_day_range, parse_local_moment
from cashier_app.domain.money import AmountError, parse_yuan, yuan

STORE = timezone(timedelta(hours=8))


@pytest.mark.parametrize(("typed", "fen"), [
    ("38.50", 3850), ("38.5", 3850), ("38", 3800), ("0.01", 1), (".5", 50), ("¥38.50", 3850), ("￥ 38.50", 3850),
    ("RMB 38.50", 3850), ("３８．５０", 3850), ("1,234.00", 123400), (" 7.05 ", 705), ("0", 0),
])
def test_amounts_are_exact_fen(typed: str, fen: int) -> None:
    assert parse_yuan(typed) == fen


@given(st.integers(min_value=0, max_value=10**12))
def test_a_formatted_amount_reads_back(fen: int) -> None:
    assert parse_yuan(yuan(fen)) == fen


@pytest.mark.parametrize("typed", ["38.505", "-1", "abc", "", "3 8", "38.5.0", "1e3", "٣٨", ".", "5."])
def test_what_is_not_an_amount_is_refused(typed: str) -> None:
    with pytest.raises(AmountError):
        parse_yuan(typed)


def test_a_date_is_its_local_midnight_and_as_an_end_the_next_one() -> None:
    assert parse_local_moment("2026-11-24", STORE) == datetime(2026, 11, 24, tzinfo=STORE)
    assert parse_local_moment("2026-11-24", STORE, end=True) == datetime(2026, 11, 25, tzinfo=STORE)
    assert parse_local_moment("2026/11/24", STORE) == datetime(2026, 11, 24, tzinfo=STORE)
    assert parse_local_moment("２０２６-１１-２４", STORE) == datetime(2026, 11, 24, tzinfo=STORE)


def test_a_time_without_offset_is_store_time_and_one_with_an_offset_keeps_it() -> None:
    assert parse_local_moment("2026-11-24 14:30", STORE) == datetime(2026, 11, 24, 14, 30, tzinfo=STORE)
    assert parse_local_moment("2026-11-24T14:30:05", STORE, end=True) == datetime(2026, 11, 24, 14, 30, 5,
                                                                                    tzinfo=STORE)
    given = parse_local_moment("2026-11-24T00:00:00+00:00", STORE)
    assert given == datetime(2026, 11, 24, 8, tzinfo=STORE)


@pytest.mark.parametrize("typed", ["", "yesterday", "24.11.2026", "2026-13-01", "0001-01-01", "0001-01-01 07:59"])
def test_what_is_not_a_date_is_refused(typed: str) -> None:
    with pytest.raises(LocalTimeError):
        parse_local_moment(typed, STORE)


def test_local_day_range() -> None:
    start, end = local_day_range(date(2026, 11, 24), STORE)
    assert (start, end - start) == (datetime(2026, 11, 24, tzinfo=STORE), timedelta(days=1))


def test_the_last_day_of_the_calendar_ends_the_range_without_overflowing() -> None:
    assert parse_local_moment("9999-12-31", STORE, end=True).year == 9999
