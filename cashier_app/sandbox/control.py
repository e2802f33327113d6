"""Driving the sandbox: the /sandbox/ endpoints' logic, callable in-process (`SandboxControl`) or
over HTTP from another process (`HttpSandboxControl`), with the same methods.
"""

from __future__ import annotations

import contextlib
import json
import random
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol
from urllib.parse import quote

from cashier_app.domain.numbers import normalise_order_number
from cashier_app.domain.orders import OrderState, is_forward
from cashier_app.sandbox import scenarios
from cashier_app.sandbox.api import DEFAULT_MERCHANT, DEFAULT_TERMINAL, PlatformApi
from cashier_app.sandbox.bills import DEFAULT_READY_AFTER_S
from cashier_app.sandbox.faults import Fault, FaultInjector, FaultSpec, FaultSpecError
from cashier_app.sandbox.orders import (
    CHANNELS,
    PAID_STATES,
    UPSTREAM_STATES,
    OrderDataError,
    SandboxOrder,
    iso,
    order_from_partial,
)
from cashier_app.sandbox.scenarios import ScheduledEvent
from cashier_app.sandbox.store import SandboxStore

# The channel of orders created without one: the emulated platform's own, else WeChat or Alipay.
_DEFAULT_CHANNELS = {"wechatpay-v3": ("WECHAT",), "alipay": ("ALIPAY",)}
_UPSTREAM_KEYS = frozenset({"state", "notify", "paid_amount", "refund_amount", "channel_error", "delay_ms"})


class ChannelEmulator(Protocol):
    """A payment channel's own API (WeChat Pay, Alipay) over the sandbox's orders."""

    options: Any

    def handle(self, method: str, target: str, headers: Mapping[str, str], body: bytes, *, fault: Fault | None,
               base_url: str) -> Any: ...


class ControlError(Exception):
    def __init__(self, status: int, code: str, msg: str) -> None:
        super().__init__(f"{code}: {msg}")
        self.status, self.code, self.msg = status, code, msg


class SandboxController(Protocol):
    """What the demo, training and tests use to stage the platform (in-process or over HTTP)."""

    def create_orders(self, orders: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]: ...
    def set_upstream(self, out_trade_no: str, state: str | None = None, *, notify: bool = False,
                     **changes: Any) -> dict[str, Any]: ...
    def inject_faults(self, **spec: Any) -> dict[str, Any]: ...
    def reset(self) -> None: ...
    def state(self) -> dict[str, Any]: ...
    def load_scenario(self, name: str, *, replace: bool = True) -> dict[str, Any]: ...
    def live_paid_order(self, out_trade_no: str, total_amount: int, channel: str = "WECHAT", *,
                        notify: bool = True, **fields: Any) -> dict[str, Any]: ...


class SandboxControl:
    """In-process control of one sandbox (SandboxServer.control)."""

    def __init__(self, store: SandboxStore, api: PlatformApi, faults: FaultInjector,
                 clock: Callable[[], float]) -> None:
        self._store = store
        self._api = api
        self._faults = faults
        self._clock = clock
        self._rng = random.Random()
        self._timers: list[threading.Timer] = []
        self._timers_lock = threading.Lock()
        # The emulated channel (WeChat Pay, Alipay), when the sandbox plays one.
        self.channel: ChannelEmulator | None = None
        self.platform = "mp-v1"
        # Seconds after a day's end when its bill is ready (negative: before the day ends).
        self.bill_ready_after_s: float = DEFAULT_READY_AFTER_S

    # Orders

    def _default_terminal(self) -> tuple[str, str]:
        keys = self._api.keys
        if (DEFAULT_MERCHANT, DEFAULT_TERMINAL) in keys or not keys:
            return DEFAULT_MERCHANT, DEFAULT_TERMINAL
        return next(iter(keys))

    def _new_number(self, now: float, taken: set[str]) -> str:
        prefix = (iso(now) or "")[:10].replace("-", "")
        while True:
            number = f"{prefix}{self._rng.randrange(10**6):06d}"
            if number not in taken:
                return number

    def create_orders(self, orders: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """Create orders from partial Orders (each may add `upstream_state`, `notify`, `meta`).

        All or nothing: a bad or duplicate order creates none of them.
        """
        if isinstance(orders, Mapping):
            orders = [orders]
        if not isinstance(orders, Sequence) or isinstance(orders, str | bytes):
            raise ControlError(400, "INVALID_PARAMS", "orders must be a list of partial Orders")
        now = self._clock()
        merchant, terminal = self._default_terminal()
        taken = self._store.existing_numbers()
        built: list[SandboxOrder] = []
        seen: set[str] = set()
        for index, partial in enumerate(orders):
            given = isinstance(partial, Mapping) and bool(partial.get("out_trade_no"))
            try:
                order = order_from_partial(partial, now=now, rng=self._rng, merchant_no=merchant,
                                           terminal_no=terminal, channels=_DEFAULT_CHANNELS.get(self.platform,
                                                                                                CHANNELS[:2]),
                                           new_out_trade_no="" if given else self._new_number(now, taken | seen))
            except OrderDataError as exc:
                raise ControlError(400, "INVALID_PARAMS", f"order {index}: {exc}") from None
            if order.out_trade_no in taken or order.out_trade_no in seen:
                raise ControlError(409, "ORDER_EXISTS", f"order {order.out_trade_no} already exists")
            seen.add(order.out_trade_no)
            built.append(order)
        with self._store.lock:
            for order in built:
                if not self._store.insert(order):
                    raise ControlError(409, "ORDER_EXISTS", f"order {order.out_trade_no} already exists")
        return [self._entry(order) for order in built]

    def set_upstream(self, out_trade_no: str, state: str | None = None, *, notify: bool = False,  # noqa: C901, PLR0912 - one case per field the control API lets a test change
                     **changes: Any) -> dict[str, Any]:
        """Change what the channel knows of an order (its state, amounts, outage, slowness).

        The platform's record is untouched (a dropped order) unless `notify` says the channel's
        notice arrived, in which case the platform moves forward too.
        """
        unknown = set(changes) - _UPSTREAM_KEYS
        if unknown:
            raise ControlError(400, "INVALID_PARAMS", f"unknown fields: {', '.join(sorted(unknown))}")
        number = normalise_order_number(out_trade_no)
        with self._store.lock:
            order = self._store.get(number)
            if order is None:
                raise ControlError(404, "ORDER_NOT_EXIST", f"no order with out_trade_no {number}")
            now = self._clock()
            up = order.upstream
            if state is not None:
                try:
                    new_state = OrderState(state)
                except ValueError:
                    new_state = OrderState.UNKNOWN
                if new_state not in UPSTREAM_STATES:
                    raise ControlError(400, "INVALID_PARAMS",
                                       f"state must be one of {', '.join(s.value for s in UPSTREAM_STATES)}")
                if not is_forward(up.state, new_state):
                    raise ControlError(409, "STATE_BACKWARD",
                                       f"the channel cannot move order {number} from {up.state.value} to "
                                       f"{new_state.value}: states only move forward")
                if new_state in PAID_STATES and up.paid_at is None:
                    up.paid_at = now
                    up.paid_amount = order.total_amount
                refunded_before = up.refund_amount
                was_paid = up.state in PAID_STATES
                up.state = new_state
                if new_state is OrderState.REFUNDED:
                    up.refund_amount = up.paid_amount
                elif new_state is OrderState.PARTIAL_REFUNDED and "refund_amount" not in changes:
                    up.refund_amount = max(up.refund_amount, 1, up.paid_amount // 2)
                if up.refund_amount != refunded_before or (new_state is OrderState.REVOKED and was_paid):
                    up.refunded_at = now
            for name in ("paid_amount", "refund_amount", "delay_ms"):
                if name in changes:
                    value = changes[name]
                    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                        raise ControlError(400, "INVALID_PARAMS", f"{name} must be a non-negative integer")
                    if name == "refund_amount" and value != up.refund_amount:
                        up.refunded_at = now
                    setattr(up, name, value)
            if "channel_error" in changes:
                up.channel_error = bool(changes["channel_error"])
            if notify:
                order.catch_up(now)
            self._store.save(order)
        self._api.channel_changed()
        return self._entry(order)

    def live_paid_order(self, out_trade_no: str, total_amount: int, channel: str = "WECHAT", *,
                        notify: bool = True, **fields: Any) -> dict[str, Any]:
        """A customer pays now (for the demo feeder, which writes the matching print.txt).

        With `notify=False` the channel's notice is lost on the way: a dropped order.
        """
        if channel not in CHANNELS:
            raise ControlError(400, "INVALID_PARAMS", f"channel must be one of {', '.join(CHANNELS)}")
        now = self._clock()
        partial = {
            "trade_type": "MICROPAY", **fields,
            "out_trade_no": out_trade_no, "total_amount": total_amount, "channel": channel,
            "created_at": fields.get("created_at", now - self._rng.uniform(3.0, 8.0)),
            "paid_at": fields.get("paid_at", now),
            "state": "PAID" if notify else "USERPAYING", "upstream_state": "PAID",
        }
        return self.create_orders([partial])[0]

    # Faults, reset, state

    def inject_faults(self, **spec: Any) -> dict[str, Any]:
        try:
            parsed = FaultSpec.from_json(spec)
        except FaultSpecError as exc:
            raise ControlError(400, "INVALID_PARAMS", str(exc)) from None
        seed = spec.get("seed")
        self._faults.set(parsed, seed if isinstance(seed, int) and not isinstance(seed, bool) else None)
        return self._faults.pending() or {"requests_left": 0}

    def clear_faults(self) -> None:
        self._faults.clear()

    def set_options(self, **options: Any) -> dict[str, Any]:
        """`bill_ready_after_s` (-86400..864000): when a day's bill is ready, from the day's end;
        `close_unknown_status` (204 or 404, WeChat Pay): what closing an unknown number answers."""
        unknown = set(options) - {"bill_ready_after_s", "close_unknown_status"}
        if unknown:
            raise ControlError(400, "INVALID_PARAMS", f"unknown options: {', '.join(sorted(unknown))}")
        if "bill_ready_after_s" in options:
            value = options["bill_ready_after_s"]
            if isinstance(value, bool) or not isinstance(value, int | float) or not -86400 <= value <= 864000:
                raise ControlError(400, "INVALID_PARAMS", "bill_ready_after_s must be a number in -86400..864000")
            self.bill_ready_after_s = float(value)
        if "close_unknown_status" in options:
            value = options["close_unknown_status"]
            channel_options = getattr(self.channel, "options", None)
            if value not in (204, 404) or channel_options is None or not hasattr(channel_options,
                                                                                  "close_unknown_status"):
                raise ControlError(400, "INVALID_PARAMS", "close_unknown_status is 204 or 404, for WeChat Pay only")
            channel_options.close_unknown_status = value
        return self.options()

    def options(self) -> dict[str, Any]:
        values: dict[str, Any] = {"bill_ready_after_s": self.bill_ready_after_s}
        channel_options = getattr(self.channel, "options", None)
        if channel_options is not None:
            values.update(vars(channel_options))
        return values

    def reset(self) -> None:
        """Back to an empty platform: no orders, faults, idempotency keys, nonces or timers."""
        self.cancel_events()
        self._faults.clear()
        self._store.reset()
        self._api.reset()
        self.bill_ready_after_s = DEFAULT_READY_AFTER_S
        if self.channel is not None:
            self.channel.options = type(self.channel.options)()

    def state(self) -> dict[str, Any]:
        with self._api.syncs.lock:
            running = set(self._api.syncs.running)
        return {
            "now": iso(self._clock()),
            "platform": self.platform,
            "scenario": self._store.get_meta("scenario"),
            "terminals": [{"merchant_no": m, "terminal_no": t} for m, t in self._api.keys],
            "options": self.options(),
            "faults": self._faults.pending(),
            "orders": [self._entry(order, stats.channel_queries, stats.close_calls, order.out_trade_no in running)
                       for order, stats in self._store.all_orders()],
        }

    def order_state(self, out_trade_no: str) -> dict[str, Any]:
        order = self._store.get(normalise_order_number(out_trade_no))
        if order is None:
            raise ControlError(404, "ORDER_NOT_EXIST", f"no order with out_trade_no {out_trade_no}")
        return self._entry(order)

    def _entry(self, order: SandboxOrder, channel_queries: int | None = None, close_calls: int | None = None,
               syncing: bool = False) -> dict[str, Any]:
        if channel_queries is None or close_calls is None:
            stats = self._store.stats(order.out_trade_no)
            channel_queries, close_calls = stats.channel_queries, stats.close_calls
        return {
            "out_trade_no": order.out_trade_no,
            "merchant_no": order.merchant_no,
            "order": order.to_api(),
            "upstream": order.upstream_view(),
            "dropped": order.dropped,
            "channel_queries": channel_queries,
            "close_calls": close_calls,
            "sync_in_progress": syncing,
            "meta": order.meta,
        }

    # Scenarios

    def scenarios(self) -> list[str]:
        return scenarios.available()

    def load_scenario(self, name: str, *, replace: bool = True) -> dict[str, Any]:
        """Stage a scenario (by default on an empty platform); its events run on timers."""
        try:
            scenario = scenarios.materialise(name, self._clock(),
                                             set() if replace else self._store.existing_numbers())
        except scenarios.ScenarioError as exc:
            raise ControlError(404 if "no scenario" in str(exc) else 400, "INVALID_SCENARIO", str(exc)) from None
        if replace:
            self.reset()
        created = self.create_orders(scenario.orders)
        self._store.set_meta("scenario", scenario.name)
        for event in scenario.events:
            self._schedule(event)
        return {"name": scenario.name, "title": scenario.title, "description": scenario.description,
                "orders": len(created), "events": len(scenario.events)}

    def _schedule(self, event: ScheduledEvent) -> None:
        def fire() -> None:
            change = dict(event.change)
            # The order may have been reset or moved on meanwhile: then the event no longer applies.
            with contextlib.suppress(ControlError):
                self.set_upstream(event.out_trade_no, change.pop("state", None),
                                  notify=bool(change.pop("notify", False)), **change)
            with self._timers_lock:
                if timer in self._timers:
                    self._timers.remove(timer)

        timer = threading.Timer(event.after_s, fire)
        timer.daemon = True
        with self._timers_lock:
            self._timers.append(timer)
        timer.start()

    def cancel_events(self) -> None:
        with self._timers_lock:
            timers, self._timers = self._timers, []
        for timer in timers:
            timer.cancel()


class HttpSandboxControl:
    """The same control over HTTP, for a sandbox running in another process (`cashier-app sandbox`)."""

    def __init__(self, base_url: str, timeout_s: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout_s = timeout_s

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
        if not self.base_url.startswith(("http://", "https://")):
            raise ControlError(400, "INVALID_PARAMS", f"not an http(s) URL: {self.base_url}")
        request = urllib.request.Request(self.base_url + path, data=data, method=method,  # noqa: S310 (checked)
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:  # noqa: S310 (checked)
                payload = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            try:
                payload = json.loads(exc.read().decode("utf-8"))
            except ValueError:
                payload = {"code": "HTTP_ERROR", "msg": str(exc)}
            raise ControlError(exc.code, str(payload.get("code")), str(payload.get("msg"))) from None
        return payload.get("data")

    def create_orders(self, orders: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        return list(self._call("POST", "/sandbox/orders", list(orders)))

    def set_upstream(self, out_trade_no: str, state: str | None = None, *, notify: bool = False,
                     **changes: Any) -> dict[str, Any]:
        body = {**changes, "notify": notify, **({"state": state} if state is not None else {})}
        return dict(self._call("POST", f"/sandbox/orders/{quote(out_trade_no, safe='')}/upstream", body))

    def inject_faults(self, **spec: Any) -> dict[str, Any]:
        return dict(self._call("POST", "/sandbox/faults", spec))

    def reset(self) -> None:
        self._call("POST", "/sandbox/reset", {})

    def state(self) -> dict[str, Any]:
        return dict(self._call("GET", "/sandbox/state"))

    def load_scenario(self, name: str, *, replace: bool = True) -> dict[str, Any]:
        return dict(self._call("POST", "/sandbox/scenario", {"name": name, "replace": replace}))

    def live_paid_order(self, out_trade_no: str, total_amount: int, channel: str = "WECHAT", *,
                        notify: bool = True, **fields: Any) -> dict[str, Any]:
        body = {**fields, "out_trade_no": out_trade_no, "total_amount": total_amount, "channel": channel,
                "notify": notify}
        return dict(self._call("POST", "/sandbox/live", body))
