"""What a manager asks of the receipt history, checked before the journal is asked.

`build_query` takes what a person typed (on the history page or `cashier-app receipts search`)
and gives a `ReceiptQuery`, or raises `QueryError` with a code the window turns into words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Final

from cashier_app.domain.errors import CodedError
from cashier_app.domain.local_time import LocalTimeError, parse_local_moment
from cashier_app.domain.money import AmountError, parse_yuan
from cashier_app.domain.numbers import fullwidth_to_ascii, normalise_order_number
from cashier_app.domain.receipt import Channel

# A number is found whole or by its last digits: fewer than four would match too many receipts.
MIN_NUMBER_DIGITS: Final = 4
MAX_LIMIT: Final = 1000
DEFAULT_LIMIT: Final = 50

# --printed: the app printed it (whether copied since or not), it did not (yet), or a copy marked
# REPRINT came out.
PRINTED_YES: Final = "yes"
PRINTED_NO: Final = "no"
PRINTED_REPRINTED: Final = "reprinted"
PRINTED_CHOICES: Final = (PRINTED_YES, PRINTED_NO, PRINTED_REPRINTED)

CHANNEL_CHOICES: Final = tuple(c.value.lower() for c in Channel)


class QueryError(CodedError, ValueError):
    """A search that cannot be run as typed; `field` is the input at fault."""

    def __init__(self, code: str, field: str, message: str) -> None:
        super().__init__(code, message)
        self.field = field


@dataclass(frozen=True)
class SearchCursor:
    """Where the previous page ended: the last receipt shown (newest-first order)."""

    created_at: str  # UTC ISO-8601, as the journal stores it
    receipt_id: int


@dataclass(frozen=True)
class ReceiptQuery:
    number: str | None = None  # merchant or third-party number, whole or its last digits
    amount_min: int | None = None  # fen, inclusive
    amount_max: int | None = None  # fen, inclusive
    since: datetime | None = None  # aware; recorded at or after
    until: datetime | None = None  # aware; recorded before
    channel: Channel | None = None
    operator: str | None = None
    printed: str | None = None  # one of PRINTED_CHOICES
    text: str | None = None  # anywhere in the receipt's text
    limit: int = DEFAULT_LIMIT
    after: SearchCursor | None = None  # the next page starts after this receipt

    @property
    def is_empty(self) -> bool:
        """No filter at all: the newest receipts."""
        return not any((self.number, self.amount_min is not None, self.amount_max is not None, self.since,
                        self.until, self.channel, self.operator, self.printed, self.text))

    def next_page(self, cursor: SearchCursor) -> ReceiptQuery:
        return ReceiptQuery(self.number, self.amount_min, self.amount_max, self.since, self.until, self.channel,
                            self.operator, self.printed, self.text, self.limit, cursor)


def build_query(  # noqa: PLR0913 - the history search form's fields, keyword-only
    zone: tzinfo,
    *,
    number: str | None = None,
    amount: str | None = None,
    amount_min: str | None = None,
    amount_max: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    channel: str | None = None,
    operator: str | None = None,
    printed: str | None = None,
    text: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> ReceiptQuery:
    """Check and convert what was typed. Empty strings count as not given."""
    found_number = _number(number)
    low, high = _amounts(amount, amount_min, amount_max)
    since = _moment(date_from, zone, "from", end=False)
    until = _moment(date_to, zone, "to", end=True)
    if since is not None and until is not None and since >= until:
        raise QueryError("date_range", "to", "the end of the date range is before its start")
    wanted_channel = None
    if _given(channel):
        assert channel is not None
        key = channel.strip().lower()
        if key not in CHANNEL_CHOICES:
            raise QueryError("channel_unknown", "channel",
                             f"unknown channel {channel!r}; allowed: {', '.join(CHANNEL_CHOICES)}")
        wanted_channel = Channel(key.upper())
    wanted_operator = "".join(fullwidth_to_ascii(operator).split()) if operator and _given(operator) else None
    wanted_printed = None
    if _given(printed):
        assert printed is not None
        wanted_printed = printed.strip().lower()
        if wanted_printed not in PRINTED_CHOICES:
            raise QueryError("printed_unknown", "printed",
                             f"unknown printed state {printed!r}; allowed: {', '.join(PRINTED_CHOICES)}")
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError("limit", "limit", f"the limit must be between 1 and {MAX_LIMIT}")
    wanted_text = text.strip() if text and _given(text) else None
    return ReceiptQuery(
        number=found_number, amount_min=low, amount_max=high, since=since, until=until, channel=wanted_channel,
        operator=wanted_operator or None, printed=wanted_printed, text=wanted_text or None, limit=limit,
    )


def _given(value: str | None) -> bool:
    return value is not None and bool(value.strip())


def _number(raw: str | None) -> str | None:
    if not _given(raw):
        return None
    assert raw is not None
    number = normalise_order_number(raw)
    if len(number) < MIN_NUMBER_DIGITS:
        raise QueryError("number_too_short", "number",
                         f"give the whole number or at least its last {MIN_NUMBER_DIGITS} digits")
    return number


def _amounts(exact: str | None, low: str | None, high: str | None) -> tuple[int | None, int | None]:
    if _given(exact):
        if _given(low) or _given(high):
            raise QueryError("amount_both", "amount", "give an amount or a range (min/max), not both")
        fen = _fen(exact, "amount")
        return fen, fen
    low_fen = _fen(low, "amount_min") if _given(low) else None
    high_fen = _fen(high, "amount_max") if _given(high) else None
    if low_fen is not None and high_fen is not None and low_fen > high_fen:
        raise QueryError("amount_range", "amount_max", "the largest amount is below the smallest")
    return low_fen, high_fen


# No receipt is for more than this (a hundred million yuan): a larger amount finds nothing and would
# not fit the journal's integers.
MAX_AMOUNT_FEN: Final = 10**10


def _fen(raw: str | None, field: str) -> int:
    assert raw is not None
    try:
        fen = parse_yuan(raw)
    except AmountError as error:
        raise QueryError("amount_invalid", field, str(error)) from None
    if fen > MAX_AMOUNT_FEN:
        raise QueryError("amount_invalid", field, f"{raw!r} is more than any receipt's amount")
    return fen


def _moment(raw: str | None, zone: tzinfo, field: str, *, end: bool) -> datetime | None:
    if not _given(raw):
        return None
    assert raw is not None
    try:
        return parse_local_moment(raw, zone, end=end)
    except LocalTimeError as error:
        raise QueryError("date_invalid", field, str(error)) from None
