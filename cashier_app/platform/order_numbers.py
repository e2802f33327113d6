"""Order numbers typed or scanned at the till: normalised, and told apart by their shape."""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum

from cashier_app.domain.numbers import normalise_order_number

__all__ = ["NumberKind", "guess_number_kind", "normalise_order_number"]

_TWENTY_EIGHT_DIGITS = re.compile(r"\d{28}")


class NumberKind(StrEnum):
    MERCHANT = "merchant"  # out_trade_no, 商户订单号 (= 平台订单号)
    WECHAT = "wechat"  # transaction_id, 第三方订单号
    ALIPAY = "alipay"  # trade_no, 第三方订单号

    @property
    def is_channel_number(self) -> bool:
        return self is not NumberKind.MERCHANT

    @property
    def query_field(self) -> str:
        """The field of the query body a number of this kind goes in."""
        return "channel_trade_no" if self.is_channel_number else "out_trade_no"


def guess_number_kind(number: str) -> NumberKind:
    """Guess from its shape what a (normalised or raw) number is.

    WeChat's transaction_id is 28 digits starting with 42; Alipay's trade_no is 28 digits made of
    the date (yyyymmdd) and 2200...; anything else is taken for the merchant's own order number.
    A guess only: a lookup that finds nothing as a third-party number may try it as a merchant one.
    """
    text = normalise_order_number(number)
    if not _TWENTY_EIGHT_DIGITS.fullmatch(text):
        return NumberKind.MERCHANT
    if text.startswith("42"):
        return NumberKind.WECHAT
    if text[8:12] == "2200" and _is_date(text[:8]):
        return NumberKind.ALIPAY
    return NumberKind.MERCHANT


def _is_date(yyyymmdd: str) -> bool:
    try:
        datetime.strptime(yyyymmdd, "%Y%m%d")  # only the calendar is checked
    except ValueError:
        return False
    return True
