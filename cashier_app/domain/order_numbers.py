"""An order's two numbers, told apart in one place: which kind a number is, and how long one can be.

Every order has the merchant's number (out_trade_no, 商户订单号, the platform's order number too) and,
once paid, the channel's (channel_trade_no, 第三方订单号: WeChat's transaction_id, Alipay's trade_no,
UnionPay's ...). A number a cashier types or scans does not say which it is: its shape suggests one
(`guess_number_kind`), and a lookup that finds nothing tries the other when the number could be it
(platform/number_search.py, for the window and the command line alike).
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from typing import Final

from cashier_app.domain.numbers import normalise_order_number
from cashier_app.domain.receipt import Channel

__all__ = [
    "CHANNEL_NUMBER_DIGITS", "NUMBER_LENGTH", "NumberKind", "could_be_channel_number", "guess_channel",
    "guess_number_kind", "is_order_number", "normalise_order_number",
]

# An order number as tills print it: 6-64 characters of A-Z a-z 0-9 _ - (the platform allows 1-64, but
# no till numbers its orders with fewer than 6, and a shorter input is a typing slip). Letters keep
# their case: merchants' numbers are case-sensitive.
NUMBER_LENGTH: Final = (6, 64)
_ORDER_NUMBER = re.compile(rf"[A-Za-z0-9_-]{{{NUMBER_LENGTH[0]},{NUMBER_LENGTH[1]}}}")
# A third-party number is a run of digits: WeChat's and Alipay's have 28, UnionPay's 21.
CHANNEL_NUMBER_DIGITS: Final = (16, 32)


class NumberKind(StrEnum):
    MERCHANT = "merchant"  # out_trade_no, 商户订单号 (= 平台订单号)
    CHANNEL = "channel"  # channel_trade_no, 第三方订单号

    @property
    def is_channel_number(self) -> bool:
        return self is NumberKind.CHANNEL

    @property
    def query_field(self) -> str:
        """The field of the query body a number of this kind goes in."""
        return "channel_trade_no" if self is NumberKind.CHANNEL else "out_trade_no"

    @property
    def other(self) -> NumberKind:
        return NumberKind.MERCHANT if self is NumberKind.CHANNEL else NumberKind.CHANNEL


_TWENTY_EIGHT_DIGITS = re.compile(r"\d{28}")


def is_order_number(text: str) -> bool:
    """Whether `text` (normalised) is shaped like an order number: the one length rule, for the window,
    the scanner and the command line."""
    return _ORDER_NUMBER.fullmatch(text) is not None


def guess_channel(number: str) -> Channel | None:
    """The channel whose number this looks like: WeChat's transaction_id is 28 digits starting with 42;
    Alipay's trade_no is 28 digits of the date (yyyymmdd) and 2200...; None for anything else."""
    text = normalise_order_number(number)
    if not _TWENTY_EIGHT_DIGITS.fullmatch(text):
        return None
    if text.startswith("42"):
        return Channel.WECHAT
    if text[8:12] == "2200" and _is_date(text[:8]):
        return Channel.ALIPAY
    return None


def guess_number_kind(number: str) -> NumberKind:
    """Which number this most likely is, by its shape: WeChat's and Alipay's own shapes are the channel's;
    anything else is taken for the merchant's number first. A guess only (see `could_be_channel_number`)."""
    return NumberKind.CHANNEL if guess_channel(number) is not None else NumberKind.MERCHANT


def could_be_channel_number(number: str) -> bool:
    """Whether a number not found as the merchant's is worth asking for as the channel's."""
    text = normalise_order_number(number)
    low, high = CHANNEL_NUMBER_DIGITS
    return text.isdigit() and text.isascii() and low <= len(text) <= high


def _is_date(yyyymmdd: str) -> bool:
    try:
        datetime.strptime(yyyymmdd, "%Y%m%d")  # only the calendar is checked
    except ValueError:
        return False
    return True
