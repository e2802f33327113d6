"""Shift handover (交班) and day reports: what a shift is, and what a report holds.

A shift runs from one boundary to the next. Boundaries are the handovers someone made (the
"close shift" action, by whoever is signed in or the configured operator) and the store's shift
schedule (`reports.shift_starts`, local times repeated every day). With no schedule, midnight is
a boundary, so a till where nobody hands over has one shift a day. A shift belongs to the day it
started on; a night shift that runs past midnight stays one shift.

The journal fills a `Report` (journal/reports.py); printing lays it out on paper
(printing/report_layout.py); the CLI and the window show it and export it as CSV.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Final

DAY: Final = "day"
SHIFT: Final = "shift"


@dataclass
class ReportSettings:
    # Local times at which a new shift starts every day, e.g. ["07:00", "15:00", "23:00"]. Empty:
    # one shift a day, ended by midnight or by a handover (交班) made in the window or the CLI.
    shift_starts: list[str] = field(default_factory=list)


class ShiftScheduleError(ValueError):
    """A shift start that is not a time of day (HH:MM)."""


def parse_shift_starts(values: list[str]) -> list[time]:
    """"07:00", "15:00" ... → sorted distinct times of day."""
    found = set()
    for value in values:
        try:
            moment = time.fromisoformat(value.strip())
        except ValueError:
            raise ShiftScheduleError(f"{value!r} is not a time of day (HH:MM)") from None
        found.add(moment.replace(second=0, microsecond=0, tzinfo=None))
    return sorted(found)


@dataclass(frozen=True)
class Handover:
    at: datetime  # aware
    by: str  # person who handed over
    note: str = ""


@dataclass(frozen=True)
class Shift:
    day: date  # the local day it started on
    number: int  # 1-based among the shifts that started that day
    start: datetime  # aware, local
    end: datetime  # aware, local; for the running shift: the next boundary (may lie in the future)
    running: bool  # `now` lies inside it
    opened_by: str | None  # who handed over at its start (None: the schedule or midnight)
    closed_by: str | None  # who handed over at its end (None: the schedule, midnight, or still running)

    def until(self, now: datetime) -> datetime:
        """Where the report of this shift ends: its end, or now while it runs."""
        return min(self.end, now) if self.running else self.end


class ShiftCalendar:
    """The shifts of a store: the schedule plus the handovers, in the store's time zone."""

    def __init__(self, zone: tzinfo, starts: list[time], handovers: list[Handover]) -> None:
        self.zone = zone
        self.starts = sorted(starts)
        self.handovers = sorted(handovers, key=lambda h: h.at)

    def boundaries(self, since: datetime, until: datetime) -> list[tuple[datetime, Handover | None]]:
        """Every boundary in [since, until), in order, with its handover (None: schedule or midnight)."""
        found: dict[datetime, Handover | None] = {}
        day = since.astimezone(self.zone).date() - timedelta(days=1)
        last = until.astimezone(self.zone).date() + timedelta(days=1)
        times = self.starts or [time(0)]
        while day <= last:
            for moment in times:
                at = datetime.combine(day, moment, self.zone)
                if since <= at < until:
                    found.setdefault(at, None)
            day += timedelta(days=1)
        for handover in self.handovers:
            at = handover.at.astimezone(self.zone)
            if since <= at < until:
                found[at] = handover
        return sorted(found.items(), key=lambda item: item[0])

    def shift_at(self, moment: datetime, now: datetime) -> Shift:
        """The shift `moment` falls in."""
        local = moment.astimezone(self.zone)
        # The schedule (or midnight) puts a boundary in every day: two days either way suffice.
        around = self.boundaries(local - timedelta(days=2), local + timedelta(days=2))
        before = [b for b in around if b[0] <= local]
        after = [b for b in around if b[0] > local]
        start, opened = before[-1]
        end, closed = after[0]
        return self._shift(start, end, opened, closed, now)

    def shifts_of_day(self, day: date, now: datetime) -> list[Shift]:
        """The shifts that started on a local day (not those still to start after `now`)."""
        first = datetime.combine(day, time(0), self.zone)
        around = self.boundaries(first - timedelta(days=2), first + timedelta(days=3))
        shifts = []
        for (start, opened), (end, closed) in itertools.pairwise(around):
            if start.date() == day and start <= now:
                shifts.append(self._shift(start, end, opened, closed, now))
        return [Shift(s.day, n, s.start, s.end, s.running, s.opened_by, s.closed_by)
                for n, s in enumerate(shifts, start=1)]

    def _shift(self, start: datetime, end: datetime, opened: Handover | None, closed: Handover | None,
               now: datetime) -> Shift:
        day = start.astimezone(self.zone).date()
        number = 1 + sum(1 for s, _ in self.boundaries(datetime.combine(day, time(0), self.zone), start)
                         if s.date() == day and s < start)
        running = start <= now < end
        return Shift(day, number, start, end, running, opened.by if opened else None,
                     closed.by if closed and not running else None)


# -- what a report holds -------------------------------------------------------------------------

@dataclass(frozen=True)
class Tally:
    count: int = 0
    amount: int = 0  # fen

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.count + other.count, self.amount + other.amount)


@dataclass(frozen=True)
class ChannelLine:
    channel: str  # Channel value, or "" for receipts whose channel could not be read
    sales: Tally
    refunds: Tally

    @property
    def net(self) -> int:
        return self.sales.amount - self.refunds.amount


@dataclass(frozen=True)
class OperatorLine:
    operator: str  # as printed on the receipts ("" when the receipt names none)
    sales: Tally
    refunds: Tally


@dataclass(frozen=True)
class PlatformOrderLine:
    out_trade_no: str
    state: str  # OrderState value: REFUNDED, PARTIAL_REFUNDED, CLOSED, REVOKED
    amount: int | None
    at: str  # UTC, when the platform last changed it


@dataclass(frozen=True)
class CaseKindLine:
    kind: str  # CaseKind value
    open: int
    closed: int


@dataclass(frozen=True)
class ReprintLine:
    at: str  # UTC, when it was asked for
    out_trade_no: str | None
    copy_no: int
    reason: str
    person: str
    state: str  # the job's state: done, held, cancelled...


@dataclass(frozen=True)
class MissingReceiptLine:
    out_trade_no: str
    amount: int | None
    paid_at: str  # UTC
    printed_from_record: bool  # a receipt was printed from the platform's record (F9, auto)


@dataclass(frozen=True)
class Report:
    kind: str  # DAY or SHIFT
    day: date
    start: datetime  # aware, local
    end: datetime  # aware, local (for a running shift: now)
    generated_at: datetime
    store_name: str
    shift: Shift | None = None
    operator: str | None = None  # the report is limited to this operator's receipts and reprints
    channels: tuple[ChannelLine, ...] = ()
    operators: tuple[OperatorLine, ...] = ()
    platform_orders: tuple[PlatformOrderLine, ...] = ()
    cases: tuple[CaseKindLine, ...] = ()
    reprints: tuple[ReprintLine, ...] = ()
    missing_receipts: tuple[MissingReceiptLine, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def sales(self) -> Tally:
        return sum((c.sales for c in self.channels), Tally())

    @property
    def refunds(self) -> Tally:
        return sum((c.refunds for c in self.channels), Tally())

    @property
    def net(self) -> int:
        return self.sales.amount - self.refunds.amount

    def platform_count(self, *states: str) -> Tally:
        lines = [o for o in self.platform_orders if o.state in states]
        return Tally(len(lines), sum(o.amount or 0 for o in lines))

    @property
    def missing_still(self) -> int:
        return sum(1 for m in self.missing_receipts if not m.printed_from_record)
