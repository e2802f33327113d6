"""Times a person types: a local date or date-time in the store's offset.

A manager types "2026-11-24" or "2026-11-24 14:30", never a UTC offset. A date given as the end
of a range means that whole day, so `--from 2026-11-24 --to 2026-11-24` is that one day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from cashier_app.domain.numbers import fullwidth_to_ascii


class LocalTimeError(ValueError):
    """Text that is not a date or a date-time."""


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
