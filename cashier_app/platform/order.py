"""The platform's Order (MP API v1, section "Order"), read strictly from an answer's `data`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cashier_app.domain.orders import OrderState
from cashier_app.domain.receipt import Channel

# The channels and trade types the spec names. A trade type the spec does not name is kept as
# text (it says nothing about payment), an unknown state or channel makes the answer unreadable.
API_CHANNELS = frozenset({Channel.WECHAT, Channel.ALIPAY, Channel.UNIONPAY})
TRADE_TYPES = ("MICROPAY", "NATIVE", "JSAPI")


class OrderFormatError(ValueError):
    """An order in an answer that does not have the spec's shape."""


@dataclass(frozen=True)
class Order:
    out_trade_no: str
    channel_trade_no: str | None
    channel: Channel
    trade_type: str
    state: OrderState
    channel_state: str | None
    total_amount: int
    paid_amount: int
    refund_amount: int
    subject: str
    store_no: str
    terminal_no: str
    operator: str
    created_at: datetime
    paid_at: datetime | None
    updated_at: datetime
    last_synced_at: datetime | None

    @classmethod
    def from_json(cls, data: Any) -> Order:
        if not isinstance(data, dict):
            raise OrderFormatError(f"order must be an object, not {type(data).__name__}")
        try:
            channel = Channel(_text(data, "channel"))
        except ValueError as exc:
            raise OrderFormatError(f"channel: {exc}") from None
        if channel not in API_CHANNELS:
            raise OrderFormatError(f"channel: {channel.value} is not a platform channel")
        try:
            state = OrderState(_text(data, "state"))
        except ValueError as exc:
            raise OrderFormatError(f"state: {exc}") from None
        return cls(
            out_trade_no=_text(data, "out_trade_no"),
            channel_trade_no=_optional_text(data, "channel_trade_no"),
            channel=channel,
            trade_type=_text(data, "trade_type"),
            state=state,
            channel_state=_optional_text(data, "channel_state"),
            total_amount=_fen(data, "total_amount"),
            paid_amount=_fen(data, "paid_amount"),
            refund_amount=_fen(data, "refund_amount"),
            subject=_optional_text(data, "subject") or "",
            store_no=_optional_text(data, "store_no") or "",
            terminal_no=_text(data, "terminal_no"),
            operator=_optional_text(data, "operator") or "",
            created_at=_time(data, "created_at"),
            paid_at=_optional_time(data, "paid_at"),
            updated_at=_time(data, "updated_at"),
            last_synced_at=_optional_time(data, "last_synced_at"),
        )

    def to_json(self) -> dict[str, Any]:
        """The order as the spec writes it: plain JSON values, times ISO-8601 with offset."""
        return {
            "out_trade_no": self.out_trade_no,
            "channel_trade_no": self.channel_trade_no,
            "channel": self.channel.value,
            "trade_type": self.trade_type,
            "state": self.state.value,
            "channel_state": self.channel_state,
            "total_amount": self.total_amount,
            "paid_amount": self.paid_amount,
            "refund_amount": self.refund_amount,
            "subject": self.subject,
            "store_no": self.store_no,
            "terminal_no": self.terminal_no,
            "operator": self.operator,
            "created_at": self.created_at.isoformat(),
            "paid_at": self.paid_at.isoformat() if self.paid_at else None,
            "updated_at": self.updated_at.isoformat(),
            "last_synced_at": self.last_synced_at.isoformat() if self.last_synced_at else None,
        }


def kept_order(data: dict[str, Any] | None) -> Order | None:
    """An order kept as the platform wrote it (the journal's orders_seen); None when none was kept
    or it no longer reads (a damaged row counts as never seen)."""
    if data is None:
        return None
    try:
        return Order.from_json(data)
    except (ValueError, OrderFormatError):
        return None


def parse_time(value: str, key: str = "time") -> datetime:
    """ISO-8601 with an offset; a time without one is ambiguous and refused."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise OrderFormatError(f"{key}: {value!r} is not an ISO-8601 time") from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise OrderFormatError(f"{key}: {value!r} has no UTC offset")
    return parsed


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise OrderFormatError(f"{key}: must be non-empty text, not {value!r}")
    return value


def _optional_text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise OrderFormatError(f"{key}: must be text or null, not {value!r}")
    return value


def _fen(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise OrderFormatError(f"{key}: must be a whole number of fen >= 0, not {value!r}")
    return value


def _time(data: dict[str, Any], key: str) -> datetime:
    return parse_time(_text(data, key), key)


def _optional_time(data: dict[str, Any], key: str) -> datetime | None:
    value = _optional_text(data, key)
    return parse_time(value, key) if value else None
