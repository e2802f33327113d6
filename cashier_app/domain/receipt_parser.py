"""The print.txt reader: the bytes a till's payment interface wrote → a Receipt, or a Refusal with its reason.

specs/print-txt.md says what must be read; expected.json beside the samples is the floor. Pure: no I/O,
so the watcher, the CLI (`cashier-app parse`) and the tests all read receipts the same way.

A receipt is free text. Fields are `label：value` lines; a template may put two on one line
(`收银员: 03   机号: T0001`) or the value on the next line (`日期/时间(DATE/TIME)：` then the time).
Labels are matched whole, after their gloss and spaces are removed, so 第三方订单号 is never 订单号.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable
from datetime import datetime
from typing import NamedTuple, TypeVar

from cashier_app.domain.receipt import Channel, Receipt, ReceiptKind, Refusal
from cashier_app.domain.receipt_fields import (
    CARD_NUMBER_LABELS,
    TRADE_TYPE_LABELS,
    iso_local,
    label_index,
    normalise_label,
    parse_amount_fen,
    parse_date,
    parse_datetime,
    parse_identifier,
    parse_text,
    parse_time_of_day,
)
from cashier_app.domain.receipt_labels import ParserSettings
from cashier_app.domain.receipt_templates import KNOWN_TEMPLATES, template_name
from cashier_app.domain.text_decoding import decode_receipt_bytes, split_lines, to_ascii_forms

__all__ = ["LabelledValue", "parse_receipt", "scan_fields"]

T = TypeVar("T")

# Only the 交易类型 line (and the title) says whether money went back (spec: kind).
_KIND_LABELS = frozenset({"交易类型"})
_REFUND_WORDS = ("退款", "退货", "REFUND")

# Channel rules, first match wins: what the 交易类型 / 支付方式 line names. A bank-card slip is told by its
# trade type (消费/SALE) or, failing any of these words, by a 卡号 line.
_CHANNEL_WORDS: tuple[tuple[Channel, tuple[str, ...]], ...] = (
    (Channel.WECHAT, ("微信", "WECHAT", "WEIXIN")),
    (Channel.ALIPAY, ("支付宝", "ALIPAY")),
    (Channel.UNIONPAY, ("云闪付", "银联二维码")),
    (Channel.BANKCARD, ("消费", "SALE", "银行卡", "刷卡")),
)

# A field label starts with a letter (any script), runs to the first colon and is short once its gloss
# and spaces are gone; `2026/11/22 11:20:33` and `10:31 交易成功` are therefore values, not labels.
_HEAD = re.compile(r"([^\W\d_][^:]*?)\s*:\s*(.*)")
_MAX_LABEL_CHARS = 20
# A further `label: value` on the same line, after white space.
_NEXT_PAIR = re.compile(r"(\s+)([^\W\d_][^\s:()]*(?:\s*\([^()]*\))?)\s*:\s*")
_SEPARATOR = re.compile(r"[-=*_.#~+·—─━\s]+")

# Field → how its value reads; amount and paid_at have their own rules below.
_TEXT_FIELDS: dict[str, Callable[[str], str | None]] = {
    "out_trade_no": parse_identifier,
    "channel_trade_no": parse_identifier,
    "merchant_no": parse_identifier,
    "terminal_no": parse_identifier,
    "operator": parse_text,
    "reference_no": parse_identifier,
}
# Labels of a date or a time printed apart (日期：… 时间：…, 交易日期：… 交易时间：…).
_DATE_WORDS = ("日期", "date")
_TIME_WORDS = ("时间", "time")


class LabelledValue(NamedTuple):
    """One `label：value` of a receipt: the label normalised, the value in ASCII forms, stripped."""

    label: str
    value: str
    line: int


def parse_receipt(data: bytes, settings: ParserSettings | None = None) -> Receipt | Refusal:
    """Read a print.txt file's bytes. Never raises for any input: what is not a receipt is a Refusal."""
    settings = settings if settings is not None else ParserSettings()
    decoded = decode_receipt_bytes(data, settings.max_bytes)
    if isinstance(decoded, Refusal):
        return decoded
    lines = split_lines(decoded.text)
    ascii_lines = to_ascii_forms("\n".join(lines)).split("\n")
    index = label_index(settings.labels)
    pairs, title = scan_fields(ascii_lines, _KnownLabels(index))

    candidates: dict[str, list[tuple[int, int, str]]] = {}
    for order, pair in enumerate(pairs):
        for field_name, rank in index.get(pair.label, ()):
            candidates.setdefault(field_name, []).append((rank, order, pair.value))
    for found in candidates.values():
        found.sort()

    ids = {name: _first(parse, candidates.get(name)) for name, parse in _TEXT_FIELDS.items()}
    trade_types = [p.value.upper() for p in pairs if p.label in TRADE_TYPE_LABELS]
    return Receipt(
        encoding=decoded.encoding,
        kind=_kind(title, [p.value.upper() for p in pairs if p.label in _KIND_LABELS]),
        channel=_channel(trade_types, any(p.label in CARD_NUMBER_LABELS for p in pairs)),
        out_trade_no=ids["out_trade_no"],
        channel_trade_no=ids["channel_trade_no"],
        amount=_first(parse_amount_fen, candidates.get("amount")),
        paid_at=_paid_at(candidates.get("paid_at"), pairs, settings.utc_offset),
        merchant_no=ids["merchant_no"],
        terminal_no=ids["terminal_no"],
        operator=ids["operator"],
        reference_no=ids["reference_no"],
        lines=lines,
        template=template_name([p.label for p in pairs], {**KNOWN_TEMPLATES, **settings.templates}),
    )


class _KnownLabels:
    """Labels a field or a rule reads: a second pair on a line after a single space counts only for these."""

    __slots__ = ("_index",)

    def __init__(self, index: dict[str, tuple[tuple[str, int], ...]]) -> None:
        self._index = index

    def __contains__(self, label: object) -> bool:
        return label in self._index or label in TRADE_TYPE_LABELS or label in CARD_NUMBER_LABELS


def scan_fields(lines: list[str], known: Container[str]) -> tuple[list[LabelledValue], list[str]]:
    """Every `label: value` in the lines (ASCII forms), in order, and the title lines above the first one."""
    stripped = [line.strip() for line in lines]
    found_on = [_split_pairs(line, number, known) if line else None for number, line in enumerate(stripped)]
    pairs: list[LabelledValue] = []
    title: list[str] = []
    in_title = True
    count = len(stripped)
    i = 0
    while i < count:
        found = found_on[i]
        if found is None:
            line = stripped[i]
            if in_title and line:
                if _SEPARATOR.fullmatch(line):
                    in_title = not title  # a rule above the title does not end it; one below does
                else:
                    title.append(line)
            i += 1
            continue
        in_title = False
        last = found[-1]
        if not last.value and i + 1 < count:
            # Nothing after the colon: the value stands on the next line, unless that is a field itself.
            following = stripped[i + 1]
            if following and found_on[i + 1] is None and not _SEPARATOR.fullmatch(following):
                found[-1] = LabelledValue(last.label, following, i + 1)
                i += 1
        pairs.extend(found)
        i += 1
    return pairs, title


def _split_pairs(line: str, number: int, known: Container[str]) -> list[LabelledValue] | None:
    head = _HEAD.match(line)
    if head is None:
        return None
    label = normalise_label(head.group(1))
    if not label or len(label) > _MAX_LABEL_CHARS:
        return None
    rest = head.group(2)
    pairs: list[LabelledValue] = []
    while True:
        nxt = _next_pair(rest, known)
        if nxt is None:
            pairs.append(LabelledValue(label, rest.strip(), number))
            return pairs
        pairs.append(LabelledValue(label, rest[: nxt.start()].strip(), number))
        label = normalise_label(nxt.group(2))
        rest = rest[nxt.end():]


def _next_pair(rest: str, known: Container[str]) -> re.Match[str] | None:
    for match in _NEXT_PAIR.finditer(rest):
        gap = match.group(1)
        if len(gap) >= 2 or "\t" in gap or normalise_label(match.group(2)) in known:
            return match
    return None


def _first(parse: Callable[[str], T | None], found: Iterable[tuple[int, int, str]] | None) -> T | None:
    """The value of the most preferred label that reads as this field (a label higher in the list wins)."""
    return _first_of(parse, (value for _, _, value in found or ()))


def _paid_at(found: list[tuple[int, int, str]] | None, pairs: list[LabelledValue], utc_offset: str) -> str | None:
    moment = _first(parse_datetime, found)
    if moment is None:
        # Date and time printed apart (日期：2026/11/22   时间：11:20:33).
        values = [value for _, _, value in found or ()]
        day = _first_of(parse_date, [*values, *(p.value for p in pairs if _has_word(p.label, _DATE_WORDS))])
        clock = _first_of(parse_time_of_day, [*values, *(p.value for p in pairs if p.label.endswith(_TIME_WORDS))])
        if day is None or clock is None:
            return None
        moment = datetime.combine(day, clock)
    return iso_local(moment, utc_offset)


def _first_of(parse: Callable[[str], T | None], values: Iterable[str]) -> T | None:
    for value in values:
        parsed = parse(value)
        if parsed is not None:
            return parsed
    return None


def _has_word(label: str, words: tuple[str, ...]) -> bool:
    return any(word in label for word in words)


def _kind(title: list[str], trade_types: list[str]) -> ReceiptKind:
    for text in (*(line.upper() for line in title), *trade_types):
        if any(word in text for word in _REFUND_WORDS):
            return ReceiptKind.REFUND
    return ReceiptKind.SALE


def _channel(trade_types: list[str], has_card_number: bool) -> Channel | None:
    for channel, words in _CHANNEL_WORDS:
        if any(word in text for text in trade_types for word in words):
            return channel
    return Channel.BANKCARD if has_card_number else None
