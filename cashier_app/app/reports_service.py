"""Day and shift reports for the CLI and the window: which period, the report, its paper and CSV.

No Qt here. The shift calendar (domain/reports.py) is built from the configured schedule and the
handovers in the journal; a handover is made by whoever is signed in (or the configured operator
where nobody signs in) and is recorded in the journal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo

from cashier_app.domain.errors import CodedError
from cashier_app.domain.reports import DAY, SHIFT, Handover, Report, Shift, ShiftCalendar, parse_shift_starts
from cashier_app.journal.db import Journal
from cashier_app.journal.reports import build_report, report_to_csv
from cashier_app.journal.shifts import ShiftStore
from cashier_app.printing.layout import LayoutResult
from cashier_app.printing.profiles import Profile
from cashier_app.printing.report_layout import layout_report


class ReportError(CodedError):
    """No such shift (or day) to report on."""


class ReportService:
    def __init__(self, journal: Journal, zone: tzinfo, *, shift_starts: list[str], store_name: str,
                 training: bool = False, clock: Callable[[], datetime] | None = None) -> None:
        self.journal = journal
        self.zone = zone
        self.starts = parse_shift_starts(shift_starts)
        self.store_name = store_name
        self.training = training
        self.shifts = ShiftStore(journal)
        self._clock = clock or (lambda: datetime.now(zone))

    def now(self) -> datetime:
        return self._clock().astimezone(self.zone)

    def today(self) -> date:
        return self.now().date()

    # -- which period ----------------------------------------------------------------------

    def calendar(self, around: datetime) -> ShiftCalendar:
        """The schedule plus the handovers near `around` (three days either way)."""
        handovers = self.shifts.handovers(around - timedelta(days=3), around + timedelta(days=4),
                                          training=self.training)
        return ShiftCalendar(self.zone, self.starts, handovers)

    def current_shift(self) -> Shift:
        now = self.now()
        return self.calendar(now).shift_at(now, now)

    def shifts_of_day(self, day: date) -> list[Shift]:
        now = self.now()
        middle = datetime.combine(day, datetime.min.time(), self.zone) + timedelta(hours=12)
        return self.calendar(middle).shifts_of_day(day, now)

    def shift(self, day: date | None = None, number: int | None = None) -> Shift:
        """A shift of a day by its number (1-based; default the day's last); no day: the running one."""
        if day is None and number is None:
            return self.current_shift()
        day = day or self.today()
        shifts = self.shifts_of_day(day)
        if not shifts:
            raise ReportError("no_shift", f"no shift has started on {day.isoformat()}")
        if number is None:
            return shifts[-1]
        if not 1 <= number <= len(shifts):
            raise ReportError("no_shift", f"{day.isoformat()} has {len(shifts)} shift(s), not a shift {number}")
        return shifts[number - 1]

    # -- reports ---------------------------------------------------------------------------

    def day_report(self, day: date | None = None, operator: str | None = None) -> Report:
        day = day or self.today()
        start = datetime.combine(day, datetime.min.time(), self.zone)
        if start > self.now():
            raise ReportError("future_day", f"{day.isoformat()} has not begun yet")
        return build_report(self.journal, kind=DAY, day=day, start=start, end=start + timedelta(days=1),
                            now=self.now(), store_name=self.store_name, operator=operator or None,
                            training=self.training)

    def shift_report(self, shift: Shift, operator: str | None = None) -> Report:
        return build_report(self.journal, kind=SHIFT, day=shift.day, start=shift.start, end=shift.end,
                            now=self.now(), store_name=self.store_name, shift=shift, operator=operator or None,
                            training=self.training)

    def hand_over(self, by: str, note: str = "") -> tuple[Shift, Handover]:
        """交班: the running shift ends now. Returns that shift (now closed) and the handover."""
        at_utc = self.now().astimezone(UTC).isoformat(timespec="microseconds")
        handover = self.shifts.hand_over(by, note, training=self.training, at=at_utc)
        at = handover.at.astimezone(self.zone)
        # The shift that ran until the handover: look just before it.
        closed = self.calendar(at).shift_at(at - timedelta(microseconds=1), self.now())
        return closed, handover

    # -- paper and CSV ---------------------------------------------------------------------

    def csv(self, report: Report) -> bytes:
        return report_to_csv(report, self.zone)

    def lay_out(self, report: Report, profile: Profile, *, cutter: bool = True) -> LayoutResult:
        return layout_report(report, profile, self.zone, cutter=cutter)
