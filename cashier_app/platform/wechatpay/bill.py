"""WeChat Pay's trade bill (交易账单) as a DailyBill (specs/real-platforms.md §1.6).

The file is comma-separated UTF-8 in four parts: the detail header, the detail rows, the summary
header and the summary row. Every data field starts with a back-tick (an Excel guard); header
lines have none. Columns are found by their names, never by position (two layouts exist: the
27-column one since 2018 and the older 24-column one). 交易状态 is the row's kind (a refunded
order keeps its SUCCESS row), amounts are yuan with two decimals.
"""

from __future__ import annotations

import csv
from datetime import date, datetime

from cashier_app.domain.bill import BillEntry, BillEntryKind, DailyBill
from cashier_app.domain.money import fen_from_yuan
from cashier_app.domain.timezones import CHINA_TZ

SUMMARY_FIRST = "总交易单数"
ROW_KINDS = {"SUCCESS": BillEntryKind.PAYMENT, "REFUND": BillEntryKind.REFUND, "REVOKED": BillEntryKind.REVOKED}
# Columns a bill must have (old and new names where they differ).
TIME, TRANSACTION_ID, OUT_TRADE_NO, ROW_KIND = "交易时间", "微信订单号", "商户订单号", "交易状态"
ORDER_AMOUNT = ("订单金额", "总金额")  # 2018 layout, then the older one
REFUND_AMOUNT = ("申请退款金额", "退款金额")
# Free text: a comma inside them shifts the columns after them.
FREE_TEXT = ("商品名称", "商户数据包")


class BillFormatError(ValueError):
    """A bill that cannot be read. The message names the line."""


def _field(value: str) -> str:
    value = value.strip()
    return value[1:] if value.startswith("`") else value


def parse_trade_bill(text: str, day: date, *, digest: str = "") -> DailyBill:  # noqa: C901, PLR0912 - one pass over the bill's lines: header, rows and summary in the file's order
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]
    if not lines:
        raise BillFormatError("the bill is empty")
    lines[0] = lines[0].lstrip("\ufeff")
    header = [name.strip() for name in next(csv.reader([lines[0]]))]
    if header and header[0] == SUMMARY_FIRST:
        raise BillFormatError("line 1: the bill has no detail header")
    columns = {name: i for i, name in enumerate(header)}
    for name in (TIME, TRANSACTION_ID, OUT_TRADE_NO, ROW_KIND):
        if name not in columns:
            raise BillFormatError(f"line 1: no column {name}")
    amount_col = next((columns[n] for n in ORDER_AMOUNT if n in columns), None)
    refund_cols = [columns[n] for n in REFUND_AMOUNT if n in columns]
    if amount_col is None or not refund_cols:
        raise BillFormatError("line 1: no order or refund amount column")
    entries: list[BillEntry] = []
    summary: dict[str, str] = {}
    number = 1
    for number, line in enumerate(lines[1:], start=2):
        row = next(csv.reader([line]))
        if row and row[0].strip() == SUMMARY_FIRST:
            summary = _summary(row, lines, number)
            break
        row = _fit(row, header, number)
        get = {name: _field(row[i]) for name, i in columns.items()}
        try:
            kind = ROW_KINDS[get[ROW_KIND]]
        except KeyError:
            raise BillFormatError(f"line {number}: 交易状态 {get[ROW_KIND]!r} is not SUCCESS, REFUND or "
                                  "REVOKED") from None
        try:
            at = datetime.strptime(get[TIME], "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA_TZ)
            if kind is BillEntryKind.REFUND:
                amount = max((fen_from_yuan(_field(row[i])) for i in refund_cols), default=0)
            else:
                amount = fen_from_yuan(_field(row[amount_col]))
        except ValueError as exc:
            raise BillFormatError(f"line {number}: {exc}") from None
        if not get[OUT_TRADE_NO]:
            raise BillFormatError(f"line {number}: no 商户订单号")
        entries.append(BillEntry(
            kind=kind, out_trade_no=get[OUT_TRADE_NO], channel_trade_no=get[TRANSACTION_ID] or None, at=at,
            amount=abs(amount), channel="WECHAT", trade_type=get.get("交易类型", ""), device=get.get("设备号", ""),
            refund_no=get.get("商户退款单号", "")))
    else:
        raise BillFormatError(f"line {number}: the bill ends without its summary (cut short?)")
    count = summary.get(SUMMARY_FIRST, "")
    if not count.isdigit() or int(count) != len(entries):
        raise BillFormatError(f"the summary counts {count!r} rows, the bill has {len(entries)} (cut short?)")
    return DailyBill(day, "wechatpay-v3", tuple(entries), digest, summary)


def _fit(row: list[str], header: list[str], number: int) -> list[str]:
    """A row with the header's number of fields: commas inside the free-text columns joined back."""
    if len(row) == len(header):
        return row
    free = [i for i, name in enumerate(header) if name in FREE_TEXT]
    if len(row) < len(header) or not free:
        raise BillFormatError(f"line {number}: {len(row)} fields, the header has {len(header)}")
    first, last = min(free), max(free)
    tail = len(header) - last - 1
    middle = row[first:len(row) - tail]
    # Extra commas go to the first free column; the others keep one field each.
    keep = last - first
    joined = [",".join(middle[:len(middle) - keep]), *middle[len(middle) - keep:]]
    return row[:first] + joined + row[len(row) - tail:]


def _summary(row: list[str], lines: list[str], number: int) -> dict[str, str]:
    if number >= len(lines):
        raise BillFormatError(f"line {number}: summary header without its figures")
    values = next(csv.reader([lines[number]]))
    names = [name.strip() for name in row]
    if len(values) != len(names):
        raise BillFormatError(f"line {number + 1}: {len(values)} summary figures for {len(names)} names")
    return {name: _field(value) for name, value in zip(names, values, strict=True)}
