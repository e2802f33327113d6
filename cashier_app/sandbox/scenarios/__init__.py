"""Scenario files (scenarios/*.json): staged orders whose times are relative to "now".

A scenario is a JSON object:

    {"name": "...", "title": "...", "description": "...",
     "generate": {"count": 40, "from": "-4h", "to": "-5m", "seed": 7,
                  "channels": {"WECHAT": 5, "ALIPAY": 4, "UNIONPAY": 1},
                  "states": {"PAID": 18, "CLOSED": 1}, "amounts": [300, 9800]},
     "orders": [{"created_at": "-35m", "paid_at": "+6s", "state": "USERPAYING",
                 "upstream_state": "PAID", "out_trade_no": "{date}9001", "meta": {"note": "..."}}],
     "events": [{"after": "40s", "out_trade_no": "{date}9003", "state": "PAID", "notify": false}]}

Times: "now", "-2h15m", "-90s" (from now) or "+6s" (after the order's created_at, for the
other time fields). `{date}` in a number is the order's creation day (yyyymmdd). Generated
orders are numbered yyyymmdd + 4 digits in time order.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from typing import Any

from cashier_app.sandbox.orders import CHANNELS, CHINA_TZ, OrderDataError

_RELATIVE = re.compile(r"^(?:now)?\s*(?:(?P<sign>[+-])\s*(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s)?)?$")
_TIME_FIELDS = ("created_at", "paid_at", "updated_at", "last_synced_at")


class ScenarioError(ValueError):
    pass


@dataclass
class ScheduledEvent:
    after_s: float
    out_trade_no: str
    change: dict[str, Any]


@dataclass
class Scenario:
    name: str
    title: str
    description: str
    orders: list[dict[str, Any]] = field(default_factory=list)
    events: list[ScheduledEvent] = field(default_factory=list)


def available() -> list[str]:
    names = []
    for entry in resources.files("cashier_app.sandbox.scenarios").iterdir():
        if entry.name.endswith(".json"):
            names.append(entry.name.removesuffix(".json"))
    return sorted(names)


def load_raw(name: str) -> dict[str, Any]:
    if name not in available():
        raise ScenarioError(f"no scenario {name!r}; available: {', '.join(available())}")
    text = resources.files("cashier_app.sandbox.scenarios").joinpath(f"{name}.json").read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ScenarioError(f"scenario {name}: {exc}") from exc
    if not isinstance(data, dict):
        raise ScenarioError(f"scenario {name}: not a JSON object")
    return data


def offset_seconds(text: str) -> tuple[str, float]:
    """("now" | "+" | "-", seconds) of a relative time such as "-2h15m", "+6s" or "now"."""
    match = _RELATIVE.match(text.strip()) if isinstance(text, str) else None
    if match is None or (not match.group("sign") and text.strip() != "now"):
        raise ScenarioError(f"not a relative time: {text!r} (use now, -2h15m, +6s)")
    seconds = int(match.group("h") or 0) * 3600 + int(match.group("m") or 0) * 60 + int(match.group("s") or 0)
    sign = match.group("sign") or "now"
    return sign, float(-seconds if sign == "-" else seconds)


def _day(ts: float) -> str:
    return f"{datetime.fromtimestamp(ts, CHINA_TZ):%Y%m%d}"


def materialise(name: str, now: float, taken: set[str] | None = None) -> Scenario:  # noqa: C901, PLR0912 - one case per relative field a scenario may use (times, numbers, references)
    """The scenario's orders with absolute times (Unix seconds) and numbers, ready to create."""
    data = load_raw(name)
    taken = set(taken or ())
    orders: list[dict[str, Any]] = []
    resolved: dict[str, str] = {}
    for raw in data.get("orders", []):
        if not isinstance(raw, dict):
            raise ScenarioError(f"scenario {name}: every order must be an object")
        order = dict(raw)
        created = now
        if "created_at" in order:
            sign, secs = offset_seconds(order["created_at"])
            created = now + secs
        order["created_at"] = created
        for name_ in _TIME_FIELDS[1:]:
            if name_ in order and order[name_] is not None:
                sign, secs = offset_seconds(order[name_])
                order[name_] = created + secs if sign == "+" else now + secs
        template = order.get("out_trade_no")
        order = _with_date(order, _day(created))
        if isinstance(template, str) and template:
            resolved[template] = order["out_trade_no"]
        if order.get("out_trade_no"):
            taken.add(order["out_trade_no"])
        orders.append(order)
    orders.extend(_generated(name, data.get("generate"), now, taken))
    orders.sort(key=lambda o: o["created_at"])
    # Numbers for generated orders: yyyymmdd + a counter, in time order, skipping staged ones.
    counters: dict[str, int] = {}
    for order in orders:
        if not order.get("out_trade_no"):
            day = _day(order["created_at"])
            while True:
                counters[day] = counters.get(day, 0) + 1
                number = f"{day}{counters[day]:04d}"
                if number not in taken:
                    break
            order["out_trade_no"] = number
            taken.add(number)
    events = []
    for raw in data.get("events", []):
        change = dict(raw)
        after = str(change.pop("after", "0s"))
        _, secs = offset_seconds(after if after.startswith(("+", "-")) else "+" + after)
        template = str(change.pop("out_trade_no", ""))
        number = resolved.get(template, template.replace("{date}", _day(now)))
        if not number:
            raise ScenarioError(f"scenario {name}: every event needs an out_trade_no")
        events.append(ScheduledEvent(max(0.0, secs), number, change))
    return Scenario(name=str(data.get("name", name)), title=str(data.get("title", name)),
                    description=str(data.get("description", "")), orders=orders, events=events)


def _with_date(value: Any, day: str) -> Any:
    """`{date}` in any text of a staged order (numbers, notes) → the order's creation day."""
    if isinstance(value, str):
        return value.replace("{date}", day)
    if isinstance(value, dict):
        return {k: _with_date(v, day) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_date(v, day) for v in value]
    return value


def _weighted(rng: random.Random, weights: dict[str, Any], default: str) -> str:
    if not weights:
        return default
    names = list(weights)
    return rng.choices(names, weights=[float(weights[n]) for n in names])[0]


def _generated(name: str, spec: Any, now: float, taken: set[str]) -> list[dict[str, Any]]:
    if not spec:
        return []
    if not isinstance(spec, dict):
        raise ScenarioError(f"scenario {name}: generate must be an object")
    rng = random.Random(spec.get("seed", 0))
    count = int(spec.get("count", 0))
    start = now + offset_seconds(spec.get("from", "-4h"))[1]
    end = now + offset_seconds(spec.get("to", "-1m"))[1]
    if end <= start:
        raise ScenarioError(f"scenario {name}: generate.from must be before generate.to")
    low, high = spec.get("amounts", [300, 9800])
    channels = spec.get("channels") or {c: 1 for c in CHANNELS}
    states = spec.get("states") or {"PAID": 1}
    orders = []
    for _ in range(count):
        created = rng.uniform(start, end)
        state = _weighted(rng, states, "PAID")
        order: dict[str, Any] = {
            "created_at": created,
            "channel": _weighted(rng, channels, "WECHAT"),
            "trade_type": rng.choices(("MICROPAY", "NATIVE", "JSAPI"), weights=(8, 3, 1))[0],
            # Till amounts: whole yuan or half yuan mostly, the odd 9.9.
            "total_amount": rng.choice((rng.randrange(low, high, 50),
                                        rng.randrange(low // 100, high // 100) * 100 + 90)),
            "state": state,
            "operator": rng.choice(("01", "01", "02", "03")),
        }
        if state in ("PAID", "PARTIAL_REFUNDED", "REFUNDED"):
            order["paid_at"] = created + rng.uniform(2.0, 12.0)
        orders.append(order)
    return orders


def check(name: str, now: float) -> Scenario:
    """Materialise a scenario and raise ScenarioError for anything wrong in it."""
    try:
        return materialise(name, now)
    except (OrderDataError, KeyError, TypeError) as exc:
        raise ScenarioError(f"scenario {name}: {exc}") from exc
