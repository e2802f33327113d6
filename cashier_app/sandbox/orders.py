"""Orders as the sandbox keeps them: the platform's record (the spec's Order) and the channel's
hidden ("upstream") record of the same payment.

The two can disagree: that is what a dropped order (掉单) is. The platform's record only moves
forward (`is_forward`), and only catches up with the channel by a sync, a close that finds the
order paid, or the channel's success notice.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from cashier_app.domain.numbers import normalise_order_number
from cashier_app.domain.orders import OrderState, is_forward

# Platforms in China answer in Beijing time; the spec's examples carry +08:00.
CHINA_TZ = timezone(timedelta(hours=8))

CHANNELS = ("WECHAT", "ALIPAY", "UNIONPAY")
TRADE_TYPES = ("MICROPAY", "NATIVE", "JSAPI")
# States in which the channel has taken the money (and so has a channel_trade_no).
PAID_STATES = frozenset({OrderState.PAID, OrderState.PARTIAL_REFUNDED, OrderState.REFUNDED})
# The channel always knows its own state; UNKNOWN is only ever the platform's.
UPSTREAM_STATES = tuple(s for s in OrderState if s is not OrderState.UNKNOWN)

# The order fields of the spec, in the spec's order.
ORDER_FIELDS = (
    "out_trade_no", "channel_trade_no", "channel", "trade_type", "state", "channel_state",
    "total_amount", "paid_amount", "refund_amount", "subject", "store_no", "terminal_no",
    "operator", "created_at", "paid_at", "updated_at", "last_synced_at",
)

# Each channel's own word for a state (spec table; UnionPay in the words of its QR-code API).
_CHANNEL_STATES: dict[str, dict[OrderState, str]] = {
    "WECHAT": {
        OrderState.CREATED: "NOTPAY", OrderState.USERPAYING: "USERPAYING", OrderState.PAID: "SUCCESS",
        OrderState.PAY_FAILED: "PAYERROR", OrderState.REVOKED: "REVOKED", OrderState.CLOSED: "CLOSED",
        OrderState.PARTIAL_REFUNDED: "REFUND", OrderState.REFUNDED: "REFUND",
    },
    "ALIPAY": {
        OrderState.CREATED: "WAIT_BUYER_PAY", OrderState.USERPAYING: "WAIT_BUYER_PAY",
        OrderState.PAID: "TRADE_SUCCESS", OrderState.PAY_FAILED: "TRADE_CLOSED",
        OrderState.REVOKED: "TRADE_CLOSED", OrderState.CLOSED: "TRADE_CLOSED",
        OrderState.PARTIAL_REFUNDED: "TRADE_SUCCESS", OrderState.REFUNDED: "TRADE_CLOSED",
    },
    "UNIONPAY": {
        OrderState.CREATED: "NOTPAY", OrderState.USERPAYING: "PAYING", OrderState.PAID: "SUCCESS",
        OrderState.PAY_FAILED: "FAIL", OrderState.REVOKED: "REVOKED", OrderState.CLOSED: "CLOSED",
        OrderState.PARTIAL_REFUNDED: "REFUND", OrderState.REFUNDED: "REFUND",
    },
}

_SUBJECTS = ("门店消费", "门店消费", "门店消费", "早餐", "咖啡饮品", "便利店商品", "烘焙面包")
_ISO_OFFSET = re.compile(r"(Z|[+-]\d{2}:?\d{2})$")


class OrderDataError(ValueError):
    """A partial order given to the sandbox (control API, scenario file) cannot be used."""


def channel_state_of(channel: str, state: OrderState) -> str | None:
    return _CHANNEL_STATES.get(channel, _CHANNEL_STATES["WECHAT"]).get(state)


def iso(ts: float | None) -> str | None:
    """Unix seconds → ISO-8601 with the +08:00 offset, to the second."""
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, CHINA_TZ).isoformat(timespec="seconds")


def parse_iso(text: str) -> float:
    """ISO-8601 *with an offset* → Unix seconds. A time without an offset is ambiguous: refused."""
    if not isinstance(text, str) or not _ISO_OFFSET.search(text.strip()):
        raise ValueError(f"not an ISO-8601 time with offset: {text!r}")
    return datetime.fromisoformat(text.strip()).timestamp()


def new_channel_trade_no(channel: str, ts: float, rng: random.Random) -> str:
    """A number in the channel's own form (WeChat transaction_id, Alipay trade_no, UnionPay queryId)."""
    day = datetime.fromtimestamp(ts, CHINA_TZ)
    if channel == "ALIPAY":
        return f"{day:%Y%m%d}22001{rng.randrange(10**15):015d}"
    if channel == "UNIONPAY":
        return f"{day:%Y%m%d%H%M%S}{rng.randrange(10**7):07d}"
    return f"4200001{rng.randrange(1000):03d}{day:%Y%m%d}{rng.randrange(10**10):010d}"


@dataclass
class Upstream:
    """The channel's own record of the payment: the truth the platform catches up with."""

    state: OrderState
    channel_trade_no: str
    paid_at: float | None = None
    paid_amount: int = 0
    refund_amount: int = 0
    # The channel does not answer queries for this order (a sync then gets 502 CHANNEL_ERROR).
    channel_error: bool = False
    # How long the channel takes to answer a query, so a sync can be caught while it runs.
    delay_ms: int = 0
    # When money went back (the last refund, or a reversal): the day of its row in the bills.
    refunded_at: float | None = None


@dataclass
class SandboxOrder:
    merchant_no: str
    out_trade_no: str
    channel: str
    trade_type: str
    state: OrderState
    total_amount: int
    paid_amount: int
    refund_amount: int
    subject: str
    store_no: str
    terminal_no: str
    operator: str
    created_at: float
    updated_at: float
    upstream: Upstream
    channel_trade_no: str | None = None
    paid_at: float | None = None
    last_synced_at: float | None = None
    # Free notes for trainers and the demo (what this order stages, whether a receipt was printed).
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def channel_state(self) -> str | None:
        return channel_state_of(self.channel, self.state)

    def to_api(self) -> dict[str, Any]:
        """The spec's Order, field for field."""
        return {
            "out_trade_no": self.out_trade_no,
            "channel_trade_no": self.channel_trade_no,
            "channel": self.channel,
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
            "created_at": iso(self.created_at),
            "paid_at": iso(self.paid_at),
            "updated_at": iso(self.updated_at),
            "last_synced_at": iso(self.last_synced_at),
        }

    def upstream_view(self) -> dict[str, Any]:
        up = self.upstream
        return {
            "state": up.state.value,
            "channel_state": channel_state_of(self.channel, up.state),
            "channel_trade_no": up.channel_trade_no,
            "paid_at": iso(up.paid_at),
            "paid_amount": up.paid_amount,
            "refund_amount": up.refund_amount,
            "channel_error": up.channel_error,
            "delay_ms": up.delay_ms,
            "refunded_at": iso(up.refunded_at),
        }

    @property
    def dropped(self) -> bool:
        """掉单: the channel has the money, the platform still thinks the customer has not paid."""
        return self.state in (OrderState.CREATED, OrderState.USERPAYING) and self.upstream.state in PAID_STATES

    def catch_up(self, now: float) -> bool:
        """Move the platform's record forward to what the channel says. True when anything changed.

        Never moves back: if the channel's state would be a step back (or a final state would
        change), the platform keeps its own.
        """
        up = self.upstream
        if up.state == self.state or not is_forward(self.state, up.state):
            return False
        self.state = up.state
        if up.state in PAID_STATES or up.paid_at is not None:
            self.channel_trade_no = up.channel_trade_no
            self.paid_at = up.paid_at if up.paid_at is not None else now
            self.paid_amount = up.paid_amount
        self.refund_amount = max(self.refund_amount, up.refund_amount)
        self.updated_at = now
        return True

    # Persistence: one JSON document per order.
    def to_record(self) -> dict[str, Any]:
        record = asdict(self)
        record["state"] = self.state.value
        record["upstream"]["state"] = self.upstream.state.value
        return record

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> SandboxOrder:
        data = dict(record)
        up = dict(data.pop("upstream"))
        up["state"] = OrderState(up["state"])
        data["state"] = OrderState(data["state"])
        return cls(upstream=Upstream(**up), **data)


def _int_field(partial: Mapping[str, Any], name: str, default: int) -> int:
    value = partial.get(name)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise OrderDataError(f"{name} must be a non-negative integer (fen), got {value!r}")
    return value


def _time_field(partial: Mapping[str, Any], name: str) -> float | None:
    value = partial.get(name)
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    try:
        return parse_iso(value)
    except (ValueError, TypeError) as exc:
        raise OrderDataError(f"{name}: {exc}") from exc


def _choice(partial: Mapping[str, Any], name: str, choices: tuple[str, ...], default: str) -> str:
    value = partial.get(name)
    if value is None:
        return default
    if value not in choices:
        raise OrderDataError(f"{name} must be one of {', '.join(choices)}, got {value!r}")
    return str(value)


def _state(value: Any, name: str, allowed: tuple[OrderState, ...] = tuple(OrderState)) -> OrderState:
    try:
        state = OrderState(value)
    except ValueError:
        raise OrderDataError(f"{name} must be one of {', '.join(s.value for s in allowed)}, got {value!r}") from None
    if state not in allowed:
        raise OrderDataError(f"{name} must be one of {', '.join(s.value for s in allowed)}, got {value!r}")
    return state


# Keys a partial order may carry besides the Order's own fields.
EXTRA_KEYS = frozenset({"upstream_state", "merchant_no", "notify", "meta", "channel_error", "delay_ms"})


def order_from_partial(  # noqa: C901, PLR0912 - one default per field a scenario may leave out
    partial: Mapping[str, Any],
    *,
    now: float,
    rng: random.Random,
    merchant_no: str,
    terminal_no: str,
    new_out_trade_no: str,
    channels: tuple[str, ...] = CHANNELS[:2],
) -> SandboxOrder:
    """Fill a partial Order with realistic values.

    `state` defaults to CREATED and `upstream_state` to `state`; an upstream state ahead of the
    platform's makes a dropped order. Amounts default to a plausible till amount; times to now
    (paid a few seconds after creation).
    """
    if not isinstance(partial, Mapping):
        raise OrderDataError("each order must be a JSON object")
    unknown = set(partial) - set(ORDER_FIELDS) - EXTRA_KEYS
    if unknown:
        raise OrderDataError(f"unknown order fields: {', '.join(sorted(unknown))}")
    raw_number = partial.get("out_trade_no")
    if raw_number is not None and not isinstance(raw_number, str):
        raise OrderDataError("out_trade_no must be a string")
    out_trade_no = normalise_order_number(raw_number) if raw_number else new_out_trade_no
    if not out_trade_no or len(out_trade_no) > 64:
        raise OrderDataError("out_trade_no must be 1-64 characters")

    state = _state(partial.get("state", "CREATED"), "state")
    upstream_state = _state(partial.get("upstream_state") or (
        state.value if state is not OrderState.UNKNOWN else "USERPAYING"), "upstream_state", UPSTREAM_STATES)
    channel = _choice(partial, "channel", CHANNELS, rng.choice(channels))
    trade_type = _choice(partial, "trade_type", TRADE_TYPES, "MICROPAY")
    total = _int_field(partial, "total_amount", rng.choice((350, 600, 1250, 1800, 2590, 3300, 4680, 8800)))
    if total == 0:
        raise OrderDataError("total_amount must be at least 1 fen")

    created_at = _time_field(partial, "created_at")
    paid_at = _time_field(partial, "paid_at")
    pay_delay = rng.uniform(2.0, 9.0)  # from showing the code to the channel's success
    if created_at is None:
        # An order paid "now" was created a few seconds ago; nothing happens in the future.
        created_at = now - pay_delay if upstream_state in PAID_STATES and paid_at is None else now
    up_paid_at = paid_at
    if up_paid_at is None and upstream_state in PAID_STATES:
        up_paid_at = min(created_at + pay_delay, max(created_at, now))
    full_refund = total if upstream_state is OrderState.REFUNDED else 0
    half_refund = max(1, total // 2) if upstream_state is OrderState.PARTIAL_REFUNDED else 0
    refund = _int_field(partial, "refund_amount", full_refund or half_refund)
    paid_amount_default = total if upstream_state in PAID_STATES else 0

    channel_trade_no = partial.get("channel_trade_no")
    if channel_trade_no is not None:
        if not isinstance(channel_trade_no, str) or not normalise_order_number(channel_trade_no):
            raise OrderDataError("channel_trade_no must be a non-empty string or null")
        channel_trade_no = normalise_order_number(channel_trade_no)
    upstream = Upstream(
        state=upstream_state,
        channel_trade_no=channel_trade_no or new_channel_trade_no(channel, created_at, rng),
        paid_at=up_paid_at if upstream_state in PAID_STATES else None,
        paid_amount=_int_field(partial, "paid_amount", paid_amount_default) if upstream_state in PAID_STATES else 0,
        refund_amount=refund if upstream_state in PAID_STATES else 0,
        refunded_at=(up_paid_at or created_at) if refund and upstream_state in PAID_STATES else None,
        channel_error=bool(partial.get("channel_error", False)),
        delay_ms=_int_field(partial, "delay_ms", 0),
    )
    platform_paid = state in PAID_STATES
    order = SandboxOrder(
        merchant_no=str(partial.get("merchant_no") or merchant_no),
        out_trade_no=out_trade_no,
        channel=channel,
        trade_type=trade_type,
        state=state,
        total_amount=total,
        paid_amount=upstream.paid_amount if platform_paid else 0,
        refund_amount=upstream.refund_amount if platform_paid else 0,
        subject=str(partial.get("subject") or rng.choice(_SUBJECTS)),
        store_no=str(partial.get("store_no") or "S001"),
        terminal_no=str(partial.get("terminal_no") or terminal_no),
        operator=str(partial.get("operator") or "01"),
        created_at=created_at,
        updated_at=created_at,
        upstream=upstream,
        meta=dict(partial.get("meta") or {}),
    )
    if platform_paid:
        if upstream_state not in PAID_STATES:
            # The platform cannot know a payment the channel does not have.
            raise OrderDataError(f"state {state.value} needs a paid upstream_state, got {upstream_state.value}")
        order.channel_trade_no = upstream.channel_trade_no
        order.paid_at = upstream.paid_at
    if not is_forward(state, upstream_state) and state is not OrderState.UNKNOWN:
        raise OrderDataError(f"the platform ({state.value}) cannot be ahead of the channel ({upstream_state.value})")
    order.updated_at = max(t for t in (created_at, order.paid_at, _time_field(partial, "updated_at")) if t is not None)
    order.last_synced_at = _time_field(partial, "last_synced_at")
    if partial.get("notify"):
        order.catch_up(order.updated_at)
    return order
