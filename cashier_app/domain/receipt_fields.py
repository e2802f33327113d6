"""Reading the values of receipt fields: labels, amounts in fen, local times, numbers (specs/print-txt.md).

Every function here takes text already turned to ASCII forms (text_decoding.to_ascii_forms): full-width
digits, letters, colons and brackets arrive as their ASCII counterparts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import lru_cache

# Labels the rules for channel and kind read. Not store-configurable: they are the
# spec's words, not a template's choice of labels.
TRADE_TYPE_LABELS: frozenset[str] = frozenset({"交易类型", "支付方式", "付款方式"})
CARD_NUMBER_LABELS: frozenset[str] = frozenset({"卡号"})

_ALNUM = re.compile(r"[0-9A-Za-z]")
_ID_TOKEN = re.compile(r"[0-9A-Za-z][0-9A-Za-z_\-./#*]*")
_GLOSS = re.compile(r"\([^()]*\)")
_SPACE = re.compile(r"\s+")

# Amounts: `RMB 12.50`, `￥12.50`, `¥12.50`, `12.50元`, `12.5`, `1,280.00`. A minus sign (some refund slips
# print one) is not part of the sum: the kind carries the direction.
_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,])")

# Times: `2026-11-22 10:31:05`, `2026/11/22 11:02:47`, `2026.11.22 10:31`, `2026年11月22日 10:31:05`,
# `2026-11-22T10:31:05`, `20261122103105`.
_DATE_PART = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
_TIME_PART = r"(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})\s*秒?)?"
_DATETIME = re.compile(_DATE_PART + r"\s*T?\s*" + _TIME_PART)
_COMPACT_DATETIME = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})\s*T?\s*(\d{2})(\d{2})(\d{2})(?!\d)")
_DATE_ONLY = re.compile(_DATE_PART + r"|(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")
_TIME_ONLY = re.compile(r"(?<![\d/.-])" + _TIME_PART + r"(?![\d/.-])|(?<!\d)(\d{2})(\d{2})(\d{2})(?!\d)")


@lru_cache(maxsize=4096)
def normalise_label(label: str) -> str:
    """A label as compared with the configured ones: gloss `(MERCHANT NO)` and all spaces removed.

    Cached: a till prints the same few labels on every receipt.
    """
    return _SPACE.sub("", _GLOSS.sub("", label)).casefold()


@lru_cache(maxsize=32)
def _label_index(labels: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, tuple[tuple[str, int], ...]]:
    index: dict[str, list[tuple[str, int]]] = {}
    for field_name, field_labels in labels:
        for rank, label in enumerate(field_labels):
            key = normalise_label(label)
            entries = index.setdefault(key, [])
            if all(name != field_name for name, _ in entries):
                entries.append((field_name, rank))
    return {key: tuple(entries) for key, entries in index.items()}


def label_index(labels: Mapping[str, Sequence[str]]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Normalised label → the fields it names, each with its rank (0 = most preferred).

    Cached by content: settings are mutable dataclasses, and the same few label sets are used over and over.
    """
    key = tuple((name, tuple(values)) for name, values in labels.items())
    return _label_index(key)


def parse_identifier(value: str) -> str | None:
    """An order, merchant, terminal or reference number: white space (grouping) removed. A note after it
    (`T0001(收银台1)`) is dropped; a value with no letter or digit at its start (`无`, `-`) is none."""
    joined = "".join(value.split())
    if joined.isascii() and _ALNUM.search(joined):
        return joined
    match = _ID_TOKEN.match(joined)
    return match.group(0) if match else None


def parse_text(value: str) -> str | None:
    """A value that may be a name (操作员：张三): white space removed; empty → None."""
    joined = "".join(value.split())
    return joined or None


def parse_amount_fen(value: str) -> int | None:
    """The first sum of money in the value, in fen, computed with Decimal; None when there is none or it
    has fractions of a fen."""
    match = _AMOUNT.search(value)
    if match is None:
        return None
    try:
        yuan = Decimal(match.group(1).replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only lets decimal numbers through
        return None
    fen = yuan * 100
    if fen != fen.to_integral_value():
        return None
    return int(fen)


def parse_datetime(value: str) -> datetime | None:
    """A local date and time in one of the layouts tills print; None when the value holds no valid one."""
    match = _DATETIME.search(value)
    if match is not None:
        return _make_datetime(match.groups())
    match = _COMPACT_DATETIME.search(value)
    if match is not None:
        return _make_datetime(match.groups())
    return None


def parse_date(value: str) -> date | None:
    match = _DATE_ONLY.search(value)
    if match is None:
        return None
    groups = [g for g in match.groups() if g is not None]
    try:
        return date(int(groups[0]), int(groups[1]), int(groups[2]))
    except ValueError:
        return None


def parse_time_of_day(value: str) -> time | None:
    match = _TIME_ONLY.search(value)
    if match is None:
        return None
    groups = [g for g in match.groups() if g is not None]
    try:
        return time(int(groups[0]), int(groups[1]), int(groups[2]) if len(groups) > 2 else 0)
    except ValueError:
        return None


def iso_local(moment: datetime, utc_offset: str) -> str:
    """ISO-8601 with the store's offset, e.g. `2026-11-22T10:31:05+08:00`."""
    return f"{moment.isoformat(timespec='seconds')}{utc_offset}"


def _make_datetime(parts: Sequence[str | None]) -> datetime | None:
    """year, month, day, hour, minute[, second] as matched; None when that day or time does not exist."""
    try:
        year, month, day, hour, minute, second = (int(part or 0) for part in parts)
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
