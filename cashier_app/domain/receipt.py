"""What a print.txt file yields: a receipt, or a refusal with its reason."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class ReceiptKind(StrEnum):
    SALE = "SALE"
    REFUND = "REFUND"


class Channel(StrEnum):
    WECHAT = "WECHAT"
    ALIPAY = "ALIPAY"
    UNIONPAY = "UNIONPAY"
    BANKCARD = "BANKCARD"


class RefusalReason(StrEnum):
    """Why a watched file is not a receipt. The values are the spec's words (expected.json)."""

    EMPTY = "empty"
    NOT_TEXT = "not text"
    TOO_LARGE = "too large"
    UNDECODABLE = "undecodable"


@dataclass(frozen=True)
class Receipt:
    """A receipt read from a print.txt file. Amount in fen; paid_at ISO-8601 with +08:00 offset."""

    encoding: str
    kind: ReceiptKind
    channel: Channel | None
    out_trade_no: str | None
    channel_trade_no: str | None
    amount: int | None
    paid_at: str | None
    merchant_no: str | None
    terminal_no: str | None
    operator: str | None
    reference_no: str | None
    # The text as the till laid it out (trailing spaces stripped, leading spaces kept), for printing.
    lines: tuple[str, ...] = field(default=(), compare=False)
    # Which template wrote it (e.g. "wechat-default", "vendor"), when it can be told.
    template: str | None = None

    def fields(self) -> dict[str, Any]:
        """The fields of expected.json, in its order, as plain JSON values."""
        data = asdict(self)
        data.pop("lines")
        data.pop("template")
        data["kind"] = self.kind.value
        data["channel"] = self.channel.value if self.channel else None
        return data


@dataclass(frozen=True)
class Refusal:
    """A file that is not (or not yet) a receipt. Never printed; kept aside with the reason."""

    reason: RefusalReason
    detail: str = ""

    def fields(self) -> dict[str, Any]:
        return {"error": self.reason.value}


ParseResult = Receipt | Refusal
