"""The store's clock: its zone, its local day, and times shown and typed in it.

The journal keeps UTC; the platforms stamp their own offsets (Beijing time, or UTC); the machine the
app runs on may be set to anything. Every time a person reads (on a screen, a receipt, a report, the
command line) is the store's: `store_time` turns any of them into it, with the offset of
`[parser] utc_offset` read once by `store_zone`. The store's day runs from its local midnight
(`local_day_bounds`, `local_day_range`).

A manager types "2026-11-24" or "2026-11-24 14:30", never a UTC offset (`parse_local_moment`). A
date given as the end of a range means that whole day, so `--from 2026-11-24 --to 2026-11-24` is
that one day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from cashier_app.domain.numbers import fullwidth_to_ascii

# How a moment is shown: to the second, and shorter where a list has no room.
STAMP = "%Y-%m-%d %H:%M:%S"
CLOCK = "%H:%M:%S"
MINUTE = "%Y-%m-%d %H:%M"


class LocalTimeError(ValueError):
    """Text that is not a date or a date-time."""


def store_zone(utc_offset: str) -> timezone:
    """The store's offset ("+08:00", "-05:30", as `[parser] utc_offset` holds it) as a fixed time zone."""
    sign = -1 if utc_offset.startswith("-") else 1
    hours, _, minutes = utc_offset.lstrip("+-").partition(":")
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes or 0)))


def store_time(moment: datetime | str | None, zone: tzinfo, fmt: str = STAMP) -> str:
    """A moment as the store's clock shows it: an aware datetime in any offset, or an ISO-8601 text
    (the journal's UTC, a platform's +08:00). A moment without an offset is taken as the store's own
    already. None or "" → ""; text that is not a time is returned as it is (never hidden)."""
    if moment is None or moment == "":
        return ""
    if isinstance(moment, str):
        try:
            parsed = datetime.fromisoformat(moment)
        except ValueError:
            return moment
    else:
        parsed = moment
    if parsed.tzinfo is not None and parsed.utcoffset() is not None:
        parsed = parsed.astimezone(zone)
    return parsed.strftime(fmt)


def store_now(zone: tzinfo, *, now: datetime | None = None) -> datetime:
    """Now (or `now`) on the store's clock."""
    return (now or datetime.now(UTC)).astimezone(zone)


def local_day_bounds(zone: tzinfo, *, now: datetime | None = None) -> tuple[datetime, datetime]:
    """Midnight to midnight of the store's current local day, as aware datetimes."""
    return local_day_range(store_now(zone, now=now).date(), zone)


def parse_local_moment(text: str, zone: tzinfo, *, end: bool = False) -> datetime:
    """An aware datetime for `text`: "2026-11-24", "2026-11-24 14:30", "2026-11-24T14:30:05",
    "2026/11/24", or an ISO-8601 time with its own offset (kept as given).

    A bare date is its midnight; with `end`, the midnight after it (the whole day is included in
    a half-open range [start, end)). A local time without an offset is in `zone`.
    """
    cleaned = fullwidth_to_ascii(text).strip().replace("/", "-")
    if not cleaned:
        raise LocalTimeError("a date is empty")
    try:
        day = date.fromisoformat(cleaned)
    except ValueError:
        pass
    else:
        start = datetime.combine(day, time(0), zone)
        return _in_range(text, start + timedelta(days=1) if end and day < date.max else start)
    try:
        moment = datetime.fromisoformat(cleaned)
    except ValueError:
        raise LocalTimeError(
            f"{text!r} is not a date (2026-11-24) or a date and time (2026-11-24 14:30)"
        ) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        moment = moment.replace(tzinfo=zone)
    return _in_range(text, moment)


def _in_range(text: str, moment: datetime) -> datetime:
    """A moment that can be told in UTC (the journal's times); the first and last days of the calendar cannot."""
    try:
        moment.astimezone(UTC)
    except OverflowError:
        raise LocalTimeError(f"{text!r} is out of the range of dates") from None
    return moment


def local_day_range(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """Midnight to midnight of a local day."""
    start = datetime.combine(day, time(0), zone)
    return start, start + timedelta(days=1)
