"""MP API v1 as the sandbox platform answers it (specs/merchant-platform-api.md).

Transport-free: `PlatformApi.handle()` takes the method, path, headers and body bytes of one
request and returns the status, envelope and signing key of the answer. The HTTP server signs
and sends it (or, under a fault, does not).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cashier_app.domain.numbers import normalise_order_number
from cashier_app.domain.orders import OrderState
from cashier_app.platform import signing
from cashier_app.sandbox import terminal
from cashier_app.sandbox.orders import SandboxOrder, iso, parse_iso
from cashier_app.sandbox.store import SandboxStore

# The sandbox's own terminal (sandbox/terminal.py), which the demo and training sign as.
DEFAULT_MERCHANT = terminal.MERCHANT_NO
DEFAULT_TERMINAL = terminal.TERMINAL_NO
DEFAULT_KEY = terminal.KEY

TIMESTAMP_WINDOW_S = 300
NONCE_WINDOW_S = 600
SYNC_INTERVAL_S = 5.0
MAX_BODY_BYTES = 64 * 1024

API_PATHS = ("/api/v1/orders/query", "/api/v1/orders/sync", "/api/v1/orders/list", "/api/v1/orders/close")
_CLOSABLE = frozenset({OrderState.CREATED, OrderState.USERPAYING})
_LIST_KEYS = frozenset({"updated_since", "state", "page_size", "cursor"})


class ApiError(Exception):
    def __init__(self, status: int, code: str, msg: str, *, retry_after: int | None = None) -> None:
        super().__init__(f"{status} {code}: {msg}")
        self.status, self.code, self.msg, self.retry_after = status, code, msg, retry_after


@dataclass
class ApiAnswer:
    status: int
    envelope: dict[str, Any]
    # The key the answer is signed with: the terminal's, or the sandbox default for a stranger.
    key: str
    headers: dict[str, str] = field(default_factory=dict)


def new_request_id() -> str:
    return "req-" + uuid.uuid4().hex


def envelope(code: str, msg: str, data: Any, request_id: str | None = None) -> dict[str, Any]:
    return {"code": code, "msg": msg, "request_id": request_id or new_request_id(), "data": data}


def error_answer(exc: ApiError, key: str) -> ApiAnswer:
    headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after is not None else {}
    return ApiAnswer(exc.status, envelope(exc.code, exc.msg, None), key, headers)


class NonceCache:
    """Nonces seen in the last 10 minutes, per terminal; memory bounded by the window."""

    def __init__(self, window_s: float = NONCE_WINDOW_S) -> None:
        self._window = window_s
        self._seen: dict[tuple[str, str, str], float] = {}
        self._order: deque[tuple[float, tuple[str, str, str]]] = deque()
        self._lock = threading.Lock()

    def check_and_add(self, terminal: tuple[str, str], nonce: str, now: float) -> bool:
        """True when the nonce is fresh (and records it); False for a replay."""
        key = (terminal[0], terminal[1], nonce)
        with self._lock:
            while self._order and self._order[0][0] < now - self._window:
                _, old = self._order.popleft()
                if self._seen.get(old, now) < now - self._window:
                    del self._seen[old]
            seen_at = self._seen.get(key)
            if seen_at is not None and seen_at >= now - self._window:
                return False
            self._seen[key] = now
            self._order.append((now, key))
            return True

    def clear(self) -> None:
        with self._lock:
            self._seen.clear()
            self._order.clear()


@dataclass
class SyncLimits:
    """Which orders are being synced now, and when each was last synced (for the 5 s limit)."""

    running: set[str] = field(default_factory=set)
    last_started: dict[str, float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def clear(self) -> None:
        with self.lock:
            self.running.clear()
            self.last_started.clear()


@dataclass(frozen=True)
class Caller:
    merchant_no: str
    terminal_no: str
    key: str


def _header(headers: Mapping[str, str], name: str) -> str | None:
    """Header lookup in a mapping whose names are lower-case (HTTP names are case-insensitive)."""
    value = headers.get(name.lower())
    return value.strip() if isinstance(value, str) else None


class PlatformApi:
    def __init__(self, store: SandboxStore, keys: dict[tuple[str, str], str], clock: Callable[[], float]) -> None:
        self.store = store
        self.keys = keys
        self.clock = clock
        self.nonces = NonceCache()
        self.syncs = SyncLimits()
        self._channel = threading.Condition()
        # Set when the server stops: queries waiting on a slow channel give up.
        self.closing = False

    # Authentication

    def default_key(self) -> str:
        return self.keys.get((DEFAULT_MERCHANT, DEFAULT_TERMINAL)) or next(iter(self.keys.values()), DEFAULT_KEY)

    def signing_key_for(self, headers: Mapping[str, str]) -> str:
        """The key to sign an answer to these headers with (before or without authentication)."""
        mch, term = _header(headers, "X-Mch-No"), _header(headers, "X-Terminal-No")
        return self.keys.get((mch or "", term or ""), self.default_key())

    def authenticate(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> Caller:
        mch, term = _header(headers, "X-Mch-No"), _header(headers, "X-Terminal-No")
        if not mch or not term:
            raise ApiError(400, "INVALID_PARAMS", "X-Mch-No and X-Terminal-No headers are required")
        key = self.keys.get((mch, term))
        if key is None:
            raise ApiError(403, "TERMINAL_NOT_BOUND", f"terminal {term} is not bound to merchant {mch}")
        timestamp, nonce = _header(headers, "X-Timestamp"), _header(headers, "X-Nonce")
        if not timestamp or not timestamp.isdigit() or len(timestamp) > 12:
            raise ApiError(400, "INVALID_PARAMS", "X-Timestamp must be Unix seconds")
        if not nonce or not signing.is_valid_nonce(nonce):
            raise ApiError(400, "INVALID_PARAMS", "X-Nonce must be 16-32 characters of [A-Za-z0-9]")
        string_to_sign = signing.request_string_to_sign(method, path, timestamp, nonce, body)
        if not signing.verify(key, string_to_sign, _header(headers, "X-Sign")):
            raise ApiError(401, "SIGN_ERROR", "X-Sign does not match the request")
        now = self.clock()
        if abs(now - int(timestamp)) > TIMESTAMP_WINDOW_S:
            raise ApiError(401, "TIMESTAMP_EXPIRED",
                           f"X-Timestamp is {int(timestamp) - int(now)} s from the platform's clock (limit 300 s)")
        if not self.nonces.check_and_add((mch, term), nonce, now):
            raise ApiError(401, "NONCE_REPLAYED", "X-Nonce was already used in the last 10 minutes")
        return Caller(mch, term, key)

    # Dispatch

    def handle(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> ApiAnswer:
        key = self.signing_key_for(headers)
        try:
            if path not in API_PATHS:
                raise ApiError(404, "NOT_FOUND", f"no such endpoint: {path}")
            if method != "POST":
                raise ApiError(405, "METHOD_NOT_ALLOWED", "use POST")
            if len(body) > MAX_BODY_BYTES:
                raise ApiError(400, "INVALID_PARAMS", "body too large")
            caller = self.authenticate(method, path, headers, body)
            endpoint = path.rsplit("/", 1)[1]
            if endpoint == "query":
                data = self.query(caller, _json_object(body))
            elif endpoint == "list":
                data = self.list_orders(caller, _json_object(body, empty_ok=True))
            else:
                return self._idempotent(caller, endpoint, headers, body)
            return ApiAnswer(200, envelope("SUCCESS", "成功", data), caller.key)
        except ApiError as exc:
            return error_answer(exc, key)

    # Endpoints

    def query(self, caller: Caller, body: dict[str, Any]) -> dict[str, Any]:
        return self._lookup(caller, body).to_api()

    def _lookup(self, caller: Caller, body: dict[str, Any]) -> SandboxOrder:
        field_name, number = _one_number(body)
        if field_name == "out_trade_no":
            order = self.store.find(caller.merchant_no, out_trade_no=number)
            if order is None:
                raise ApiError(404, "ORDER_NOT_EXIST", f"no order with out_trade_no {number}")
            return order
        order = self.store.find(caller.merchant_no, channel_trade_no=number)
        if order is None:
            # The platform only learns the channel's number from its success notice (or a sync).
            raise ApiError(404, "CHANNEL_NO_NOT_QUERYABLE",
                           f"channel_trade_no {number} is not known to the platform (yet): "
                           "query by out_trade_no instead, or sync")
        return order

    def list_orders(self, caller: Caller, body: dict[str, Any]) -> dict[str, Any]:
        unknown = set(body) - _LIST_KEYS
        if unknown:
            raise ApiError(400, "INVALID_PARAMS", f"unknown fields: {', '.join(sorted(unknown))}")
        since: float | None = None
        if body.get("updated_since") is not None:
            try:
                since = parse_iso(body["updated_since"])
            except (ValueError, TypeError, OverflowError):
                raise ApiError(400, "INVALID_PARAMS", "updated_since must be ISO-8601 with offset") from None
        state = body.get("state")
        if state is not None and state not in OrderState.__members__:
            raise ApiError(400, "INVALID_PARAMS", f"state must be an order state or null, got {state!r}")
        page_size = body.get("page_size", 50)
        if isinstance(page_size, bool) or not isinstance(page_size, int) or not 1 <= page_size <= 200:
            raise ApiError(400, "INVALID_PARAMS", "page_size must be an integer in 1..200")
        after = _decode_cursor(body.get("cursor"))
        rows = self.store.page(caller.merchant_no, caller.terminal_no, since=since, state=state,
                               after=after, limit=page_size + 1)
        more = len(rows) > page_size
        rows = rows[:page_size]
        next_cursor = _encode_cursor(rows[-1][1], rows[-1][2]) if more else None
        return {"orders": [order.to_api() for order, _, _ in rows], "next_cursor": next_cursor}

    def _idempotent(self, caller: Caller, endpoint: str, headers: Mapping[str, str], body: bytes) -> ApiAnswer:
        """sync and close: Idempotency-Key checked, the first successful answer kept and replayed."""
        params = _json_object(body)
        idem_key = _header(headers, "Idempotency-Key")
        if not idem_key or not 8 <= len(idem_key) <= 64 or not idem_key.isprintable() or not idem_key.isascii():
            raise ApiError(400, "INVALID_PARAMS", "Idempotency-Key header is required (8-64 characters)")
        if endpoint == "close":
            unknown = set(params) - {"out_trade_no"}
            if unknown or not isinstance(params.get("out_trade_no"), str):
                raise ApiError(400, "INVALID_PARAMS", "body must be {\"out_trade_no\": \"...\"}")
        field_name, number = _one_number(params)
        fingerprint = hashlib.sha256(f"{endpoint}\n{field_name}\n{number}".encode()).hexdigest()
        kept = self.store.answer_for(caller.merchant_no, caller.terminal_no, idem_key)
        if kept is not None:
            if kept.fingerprint != fingerprint:
                raise ApiError(422, "IDEMPOTENCY_KEY_REUSED",
                               "this Idempotency-Key was used for another request; use a new key for a new body")
            return ApiAnswer(kept.status, kept.envelope, caller.key, {"Idempotent-Replayed": "true"})
        order = self._lookup(caller, params)
        number_key = order.out_trade_no
        with self.syncs.lock:
            if number_key in self.syncs.running:
                raise ApiError(409, "SYNC_IN_PROGRESS", f"order {number_key} is being synced; wait and query")
            now = self.clock()
            if endpoint == "sync":
                last = self.syncs.last_started.get(number_key)
                if last is not None and now - last < SYNC_INTERVAL_S:
                    wait = max(1, math.ceil(SYNC_INTERVAL_S - (now - last)))
                    raise ApiError(429, "FREQUENCY_LIMITED",
                                   f"order {number_key} was synced less than 5 s ago", retry_after=wait)
                self.syncs.last_started[number_key] = now
            self.syncs.running.add(number_key)
        try:
            data = self._sync(number_key) if endpoint == "sync" else self._close(number_key)
            answer = envelope("SUCCESS", "成功", data)
            # Kept before the answer leaves, so a lost answer is found again by its retry.
            self.store.keep_answer(caller.merchant_no, caller.terminal_no, idem_key,
                                   fingerprint=fingerprint, status=200, envelope=answer, now=self.clock())
            return ApiAnswer(200, answer, caller.key)
        finally:
            with self.syncs.lock:
                self.syncs.running.discard(number_key)

    def _ask_channel(self, out_trade_no: str) -> None:
        """The channel's answer takes its time (Upstream.delay_ms, which the control API may change
        while a query waits: the wait then ends at the new delay)."""
        started = time.monotonic()
        while True:
            order = self.store.get(out_trade_no)
            if order is None:
                raise ApiError(404, "ORDER_NOT_EXIST", f"no order with out_trade_no {out_trade_no}")
            remaining = order.upstream.delay_ms / 1000.0 - (time.monotonic() - started)
            if remaining <= 0:
                return
            if self.closing:
                raise ApiError(503, "MAINTENANCE", "the platform is stopping")
            with self._channel:
                self._channel.wait(remaining)

    def channel_changed(self) -> None:
        """Wake queries waiting on a slow channel (its delay or state changed)."""
        with self._channel:
            self._channel.notify_all()

    def _sync(self, out_trade_no: str) -> dict[str, Any]:
        self._ask_channel(out_trade_no)
        with self.store.lock:
            # Read again under the lock: the control API may have changed the order meanwhile.
            order = self.store.get(out_trade_no)
            assert order is not None
            now = self.clock()
            if order.upstream.channel_error:
                self.store.save(order, channel_query=True)
                raise ApiError(502, "CHANNEL_ERROR", "the payment channel did not answer; the order's state is unknown")
            changed = order.catch_up(now)
            order.last_synced_at = now
            self.store.save(order, channel_query=True)
        return {"order": order.to_api(),
                "sync": {"upstream_state": order.upstream.state.value, "changed": changed, "synced_at": iso(now)}}

    def _close(self, out_trade_no: str) -> dict[str, Any]:
        self._ask_channel(out_trade_no)
        with self.store.lock:
            order = self.store.get(out_trade_no)
            assert order is not None
            now = self.clock()
            if order.state not in _CLOSABLE:
                self.store.save(order, close_call=True)
                raise ApiError(409, "ORDER_NOT_CLOSABLE", f"order {out_trade_no} is {order.state.value}; "
                               "only CREATED and USERPAYING orders can be closed")
            if order.upstream.channel_error:
                self.store.save(order, close_call=True)
                raise ApiError(502, "CHANNEL_ERROR", "the payment channel did not answer; the order's state is unknown")
            if order.upstream.state not in _CLOSABLE:
                # The channel refuses to close what the customer has paid (or what is already over):
                # the platform learns the state from that refusal and moves forward.
                order.catch_up(now)
                self.store.save(order, close_call=True)
                raise ApiError(409, "ORDER_NOT_CLOSABLE", f"the channel has order {out_trade_no} as "
                               f"{order.upstream.state.value}; it cannot be closed (query it)")
            order.upstream.state = OrderState.CLOSED
            order.state = OrderState.CLOSED
            order.updated_at = now
            self.store.save(order, close_call=True)
        return order.to_api()

    def reset(self) -> None:
        self.nonces.clear()
        self.syncs.clear()


def _json_object(body: bytes, *, empty_ok: bool = False) -> dict[str, Any]:
    if not body.strip() and empty_ok:
        return {}
    try:
        value = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "INVALID_PARAMS", "body must be JSON in UTF-8") from None
    if not isinstance(value, dict):
        raise ApiError(400, "INVALID_PARAMS", "body must be a JSON object")
    return value


def _one_number(body: dict[str, Any]) -> tuple[str, str]:
    """(field, normalised number) of a body that must carry exactly one of the two numbers."""
    unknown = set(body) - {"out_trade_no", "channel_trade_no"}
    if unknown:
        raise ApiError(400, "INVALID_PARAMS", f"unknown fields: {', '.join(sorted(unknown))}")
    given = [(name, body[name]) for name in ("out_trade_no", "channel_trade_no") if body.get(name) is not None]
    if len(given) != 1:
        raise ApiError(400, "INVALID_PARAMS", "exactly one of out_trade_no/channel_trade_no is required")
    name, raw = given[0]
    if not isinstance(raw, str):
        raise ApiError(400, "INVALID_PARAMS", f"{name} must be a string")
    number = normalise_order_number(raw)
    if not number or len(number) > 64 or not number.isascii() or not number.isprintable():
        raise ApiError(400, "INVALID_PARAMS", f"{name} must be 1-64 characters")
    return name, number


def _encode_cursor(updated_ts: float, seq: int) -> str:
    raw = json.dumps([updated_ts, seq], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: Any) -> tuple[float, int] | None:
    if cursor is None:
        return None
    if not isinstance(cursor, str) or not cursor or len(cursor) > 200:
        raise ApiError(400, "INVALID_PARAMS", "cursor must be null or a cursor from a previous page")
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        ts, seq = float(value[0]), int(value[1])
    except (ValueError, TypeError, IndexError, KeyError, binascii.Error):
        raise ApiError(400, "INVALID_PARAMS", "cursor is not one this platform gave") from None
    if not math.isfinite(ts):
        raise ApiError(400, "INVALID_PARAMS", "cursor is not one this platform gave")
    return ts, seq
