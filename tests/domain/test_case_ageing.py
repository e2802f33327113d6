"""Escalated cases age in working days: weekends and the store's holidays do not count, make-up working days do."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from cashier_app.domain.cases import (
    Case,
    CaseKind,
    CaseSettings,
    CaseStatus,
    add_working_days,
    escalation_overdue,
    working_days_between,
)

CHINA = timezone(timedelta(hours=8))
FRIDAY = datetime(2026, 9, 25, 15, 0, tzinfo=CHINA)  # a Friday before the National Day week


def test_weekends_do_not_count() -> None:
    settings = CaseSettings()
    assert add_working_days(FRIDAY, 1, settings) == datetime(2026, 9, 28, 15, 0, tzinfo=CHINA)  # Monday
    assert add_working_days(FRIDAY, 3, settings) == datetime(2026, 9, 30, 15, 0, tzinfo=CHINA)
    assert working_days_between(FRIDAY, datetime(2026, 9, 30, 14, 59, tzinfo=CHINA), settings) == 2
    assert working_days_between(FRIDAY, datetime(2026, 9, 30, 15, 0, tzinfo=CHINA), settings) == 3
    assert working_days_between(FRIDAY, FRIDAY, settings) == 0


def test_holidays_and_make_up_days() -> None:
    settings = CaseSettings(holidays=[f"2026-10-0{d}" for d in range(1, 8)], working_weekends=["2026-10-10"])
    # Three working days after Tuesday 29 Sep: Wednesday 30, then the week off, then Thursday 8 and Friday 9.
    start = datetime(2026, 9, 29, 10, 0, tzinfo=CHINA)
    assert add_working_days(start, 3, settings) == datetime(2026, 10, 9, 10, 0, tzinfo=CHINA)
    assert add_working_days(start, 4, settings) == datetime(2026, 10, 10, 10, 0, tzinfo=CHINA)  # a Saturday, worked


def case(escalated_at: datetime | None, status: CaseStatus = CaseStatus.OPEN) -> Case:
    return Case(id=1, kind=CaseKind.DROPPED_ORDER, opened_at=FRIDAY.astimezone(UTC).isoformat(), opened_by="07",
                status=status, escalated_at=escalated_at.astimezone(UTC).isoformat() if escalated_at else None)


def test_overdue_after_the_limit_in_the_stores_time() -> None:
    settings = CaseSettings(escalation_reminder_working_days=3)
    escalated = case(FRIDAY)
    assert escalated.escalated
    assert not escalation_overdue(escalated, datetime(2026, 9, 30, 14, 0, tzinfo=CHINA), settings)
    assert escalation_overdue(escalated, datetime(2026, 9, 30, 15, 0, tzinfo=CHINA), settings)
    assert not escalation_overdue(case(None), datetime(2026, 12, 1, tzinfo=CHINA), settings)
    closed = case(FRIDAY, CaseStatus.CLOSED)
    assert not closed.escalated and not escalation_overdue(closed, datetime(2026, 12, 1, tzinfo=CHINA), settings)
