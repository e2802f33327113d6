"""What a shift is: the schedule's start times, the handovers made, midnight when there is no schedule."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from cashier_app.domain.reports import Handover, ShiftCalendar, ShiftScheduleError, parse_shift_starts

STORE = timezone(timedelta(hours=8))


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=STORE)


def test_without_schedule_or_handover_a_day_is_one_shift() -> None:
    calendar = ShiftCalendar(STORE, [], [])
    now = at("2026-11-24 15:00")
    shift = calendar.shift_at(now, now)
    assert (shift.start, shift.end, shift.running, shift.number) == (at("2026-11-24 00:00"), at("2026-11-25 00:00"),
                                                                     True, 1)
    (only,) = calendar.shifts_of_day(date(2026, 11, 23), now)
    assert (only.start, only.end, only.running, only.closed_by) == (at("2026-11-23 00:00"), at("2026-11-24 00:00"),
                                                                    False, None)


def test_handovers_split_the_day_and_name_who_handed_over() -> None:
    handovers = [Handover(at("2026-11-24 14:02"), "02"), Handover(at("2026-11-24 21:30"), "03")]
    calendar = ShiftCalendar(STORE, [], handovers)
    now = at("2026-11-24 22:00")
    shifts = calendar.shifts_of_day(date(2026, 11, 24), now)
    assert [(s.number, s.start.time(), s.end.time(), s.opened_by, s.closed_by, s.running) for s in shifts] == [
        (1, time(0), time(14, 2), None, "02", False),
        (2, time(14, 2), time(21, 30), "02", "03", False),
        (3, time(21, 30), time(0), "03", None, True),
    ]
    assert calendar.shift_at(at("2026-11-24 15:00"), now) == shifts[1]


def test_a_scheduled_night_shift_runs_past_midnight_and_belongs_to_the_day_it_started() -> None:
    calendar = ShiftCalendar(STORE, parse_shift_starts(["07:00", "15:00", "23:00"]), [])
    now = at("2026-11-25 03:00")
    night = calendar.shift_at(now, now)
    assert (night.day, night.number, night.start, night.end, night.running) == (
        date(2026, 11, 24), 3, at("2026-11-24 23:00"), at("2026-11-25 07:00"), True)
    shifts = calendar.shifts_of_day(date(2026, 11, 24), now)
    assert [s.start.time() for s in shifts] == [time(7), time(15), time(23)]
    # The day's morning hours belong to the night shift of the day before.
    early = calendar.shift_at(at("2026-11-24 05:00"), now)
    assert (early.day, early.start) == (date(2026, 11, 23), at("2026-11-23 23:00"))


def test_a_handover_inside_a_scheduled_shift_splits_it() -> None:
    calendar = ShiftCalendar(STORE, parse_shift_starts(["08:00", "20:00"]), [Handover(at("2026-11-24 12:00"), "01")])
    now = at("2026-11-24 13:00")
    shifts = calendar.shifts_of_day(date(2026, 11, 24), now)
    assert [(s.start.time(), s.end.time(), s.closed_by) for s in shifts] == [
        (time(8), time(12), "01"), (time(12), time(20), None)]
    assert shifts[1].running and shifts[1].until(now) == now


def test_shifts_still_to_come_are_not_listed() -> None:
    calendar = ShiftCalendar(STORE, parse_shift_starts(["07:00", "15:00"]), [])
    shifts = calendar.shifts_of_day(date(2026, 11, 24), at("2026-11-24 10:00"))
    assert [s.start.time() for s in shifts] == [time(7)]


@pytest.mark.parametrize("bad", ["25:00", "7h", "", "07:00:00x"])
def test_a_shift_start_must_be_a_time_of_day(bad: str) -> None:
    with pytest.raises(ShiftScheduleError):
        parse_shift_starts([bad])


def test_shift_starts_are_sorted_and_distinct() -> None:
    assert parse_shift_starts(["15:00", "07:00", "15:00"]) == [time(7), time(15)]
