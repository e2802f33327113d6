"""The merchant platform client (MP API v1): typed results, retries only where the spec says safe.

- Every request is signed and every answer verified before it is read (transport.py).
- Retried: 500 SYSTEM_ERROR and 503 MAINTENANCE with back-off; 429 after its Retry-After (with
  jitter); 401 TIMESTAMP_EXPIRED / NONCE_REPLAYED once with a fresh nonce (and the clock corrected
  by the platform's signed time); lost answers and time-outs. A sync or a close is repeated only
  with its own Idempotency-Key, so the platform never syncs or closes twice.
- Bounded: settings.max_attempts attempts and settings.retry_budget_s seconds per call.
- Forward-only: an answer that would move a known order back is refused (moved_backwards).
- An error is never turned into "unpaid": every failure is a StateUnknown with its reason.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any, Self

from cashier_app.domain.capabilities import MP_V1
from cashier_app.domain.errors import code_of
from cashier_app.domain.numbers import normalise_order_number
from cashier_app.domain.orders import OrderState
from cashier_app.domain.redaction import SecretRedactor
from cashier_app.platform import signing
from cashier_app.platform.adapter import CheckOutcome, CredentialCheck
from cashier_app.platform.forward_guard import ForwardGuard
from cashier_app.platform.number_search import search_number
from cashier_app.platform.order import Order, OrderFormatError, parse_time
from cashier_app.platform.results import (
    BillResult,
    CloseResult,
    ListResult,
    NotClosable,
    NotQueryableYet,
    OrderClosed,
    OrderFound,
    OrderNotFound,
    OrderPage,
    QueryResult,
    RefusedOrder,
    StateUnknown,
    SyncOutcome,
    SyncResult,
    UnknownReason,
    UnsupportedOperation,
)
from cashier_app.platform.retry import RetryBudget, RetryPolicy
from cashier_app.platform.settings import PlatformSettings
from cashier_app.platform.transport import Envelope, SignedTransport, TransportFault

log = logging.getLogger(__name__)

QUERY_PATH = "/api/v1/orders/query"
SYNC_PATH = "/api/v1/orders/sync"
LIST_PATH = "/api/v1/orders/list"
CLOSE_PATH = "/api/v1/orders/close"

MAX_PAGE_SIZE = 200
IDEMPOTENCY_KEY_MIN, IDEMPOTENCY_KEY_MAX = 8, 64

# The spec's error table: code -> HTTP status. An answer pairing them otherwise is unreadable.
ERROR_STATUS = {
    "INVALID_PARAMS": 400,
    "SIGN_ERROR": 401,
    "TIMESTAMP_EXPIRED": 401,
    "NONCE_REPLAYED": 401,
    "TERMINAL_NOT_BOUND": 403,
    "ORDER_NOT_EXIST": 404,
    "CHANNEL_NO_NOT_QUERYABLE": 404,
    "SYNC_IN_PROGRESS": 409,
    "ORDER_NOT_CLOSABLE": 409,
    "IDEMPOTENCY_KEY_REUSED": 422,
    "FREQUENCY_LIMITED": 429,
    "SYSTEM_ERROR": 500,
    "CHANNEL_ERROR": 502,
    "MAINTENANCE": 503,
}
# Answers the operations read themselves; every other code becomes a StateUnknown here.
_ANSWERS = frozenset({"SUCCESS", "ORDER_NOT_EXIST", "CHANNEL_NO_NOT_QUERYABLE", "ORDER_NOT_CLOSABLE"})
_NO_RETRY = {
    "INVALID_PARAMS": UnknownReason.INVALID_PARAMS,
    "SIGN_ERROR": UnknownReason.CREDENTIALS,
    "TERMINAL_NOT_BOUND": UnknownReason.TERMINAL_NOT_BOUND,
    "IDEMPOTENCY_KEY_REUSED": UnknownReason.IDEMPOTENCY_KEY_REUSED,
    "CHANNEL_ERROR": UnknownReason.CHANNEL_ERROR,
}
_CLOCK_OR_NONCE = frozenset({"TIMESTAMP_EXPIRED", "NONCE_REPLAYED"})
_BACK_OFF = {
    "SYSTEM_ERROR": UnknownReason.PLATFORM_ERROR,
    "MAINTENANCE": UnknownReason.MAINTENANCE,
    "SYNC_IN_PROGRESS": UnknownReason.SYNC_IN_PROGRESS,
}

KeyProvider = Callable[[], str]


class PlatformClient:
    """The MP API v1 adapter (platform/adapter.py): the platform owns the order and can sync and list."""

    capabilities = MP_V1

    def __init__(
        self,
        settings: PlatformSettings,
        key_provider: KeyProvider,
        *,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] = time.time,
        nonce_factory: Callable[[], str] = signing.new_nonce,
    ) -> None:
        self.settings = settings
        self._key_provider = key_provider
        self._transport = SignedTransport(settings, clock=clock, nonce_factory=nonce_factory)
        self._policy = RetryPolicy(settings.max_attempts, settings.retry_budget_s,
                                   settings.backoff_base_s, settings.backoff_max_s)
        self._guard = ForwardGuard()
        self._closing = threading.Event()
        self._sleep = sleep
        self._clock = clock
        # Seconds to add to our clock to match the platform's, learnt from a signed TIMESTAMP_EXPIRED.
        self._clock_offset = 0

    # -- life cycle -------------------------------------------------------------------------------

    def close(self) -> None:
        """Stop: calls waiting to retry give up (CANCELLED), connections are closed."""
        self._closing.set()
        self._transport.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def seed_states(self, states: Mapping[str, OrderState | str]) -> None:
        """The last states the journal knows, so that forward-only holds across restarts."""
        self._guard.seed(states)

    def known_state(self, out_trade_no: str) -> OrderState | None:
        return self._guard.known(normalise_order_number(out_trade_no))

    # -- operations -------------------------------------------------------------------------------

    def query(self, out_trade_no: str | None = None, *, channel_trade_no: str | None = None) -> QueryResult:
        """The platform's own record of an order, by exactly one of its two numbers."""
        field, number = _one_number(out_trade_no, channel_trade_no)
        answer = self._call(QUERY_PATH, {field: number})
        if isinstance(answer, StateUnknown):
            return answer
        if answer.code == "ORDER_NOT_EXIST":
            return OrderNotFound(number, answer.msg, answer.request_id)
        if answer.code == "CHANNEL_NO_NOT_QUERYABLE":
            return NotQueryableYet(number, answer.msg, answer.request_id)
        if answer.code != "SUCCESS":
            return self._unexpected(answer)
        order = self._read_order(answer.data, answer, field, number)
        if isinstance(order, StateUnknown):
            return order
        return OrderFound(order, answer.request_id)

    def lookup(self, number: str) -> QueryResult:
        """Query a number typed or scanned at the till by the one rule of platform/number_search.py."""
        return search_number(self, number)

    def sync(self, number: str | None = None, idempotency_key: str | None = None, *,
             channel_trade_no: str | None = None) -> SyncOutcome:
        """Make the platform ask the channel now (补单). `number` is the merchant order number.

        Retries after a lost answer reuse `idempotency_key` (one is made when none is given): the
        platform answers them with the first answer, without asking the channel a second time.
        """
        field, value = _one_number(number, channel_trade_no)
        key = _idempotency_key("sync", idempotency_key)
        answer = self._call(SYNC_PATH, {field: value}, idempotency_key=key)
        if isinstance(answer, StateUnknown):
            return answer
        if answer.code == "ORDER_NOT_EXIST":
            return OrderNotFound(value, answer.msg, answer.request_id)
        if answer.code == "CHANNEL_NO_NOT_QUERYABLE":
            return NotQueryableYet(value, answer.msg, answer.request_id)
        if answer.code != "SUCCESS":
            return self._unexpected(answer)
        data = answer.data
        if not isinstance(data, dict) or not isinstance(data.get("sync"), dict):
            return _unreadable(answer, "sync answer without data.order and data.sync")
        sync = data["sync"]
        try:
            upstream = OrderState(sync.get("upstream_state"))
            changed = sync.get("changed")
            if not isinstance(changed, bool):
                raise OrderFormatError(f"sync.changed: must be true or false, not {changed!r}")
            synced_at = parse_time(sync.get("synced_at") or "", "sync.synced_at")
        except (ValueError, OrderFormatError) as exc:
            return _unreadable(answer, f"sync: {exc}")
        order = self._read_order(data.get("order"), answer, field, value)
        if isinstance(order, StateUnknown):
            return order
        log.info("sync %s: %s (upstream %s, changed %s) key %s", order.out_trade_no, order.state.value,
                 upstream.value, changed, key)
        return SyncResult(order, upstream, changed, synced_at, key, answer.request_id)

    def list_orders(self, updated_since: datetime | str, state: OrderState | str | None = None,
                    page_size: int = MAX_PAGE_SIZE, cursor: str | None = None) -> ListResult:
        """One page of this terminal's orders updated at or after `updated_since`, oldest first."""
        if isinstance(updated_since, datetime):
            if updated_since.tzinfo is None:
                raise ValueError("updated_since must carry a UTC offset")
            since = updated_since.isoformat()
        else:
            since = parse_time(updated_since, "updated_since").isoformat()
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be 1..{MAX_PAGE_SIZE}, not {page_size}")
        payload = {
            "updated_since": since,
            "state": OrderState(state).value if state is not None else None,
            "page_size": page_size,
            "cursor": cursor,
        }
        answer = self._call(LIST_PATH, payload)
        if isinstance(answer, StateUnknown):
            return answer
        if answer.code != "SUCCESS":
            return self._unexpected(answer)
        data = answer.data
        if not isinstance(data, dict) or not isinstance(data.get("orders"), list):
            return _unreadable(answer, "list answer without data.orders")
        next_cursor = data.get("next_cursor")
        if next_cursor is not None and not isinstance(next_cursor, str):
            return _unreadable(answer, f"next_cursor must be text or null, not {next_cursor!r}")
        try:
            orders = [Order.from_json(item) for item in data["orders"]]
        except OrderFormatError as exc:
            return _unreadable(answer, f"order in list: {exc}")
        admitted: list[Order] = []
        refused: list[RefusedOrder] = []
        for order in orders:
            known = self._guard.admit(order.out_trade_no, order.state)
            if known is None:
                admitted.append(order)
            else:
                log.warning("list: refused %s moving back from %s to %s (request %s)", order.out_trade_no,
                            known.value, order.state.value, answer.request_id)
                refused.append(RefusedOrder(order.out_trade_no, known, order.state))
        return OrderPage(tuple(admitted), next_cursor, tuple(refused), answer.request_id)

    def close_order(self, out_trade_no: str, idempotency_key: str | None = None) -> CloseResult:
        """Close an unpaid order so that it can no longer be paid. Repeats reuse the key."""
        _, number = _one_number(out_trade_no, None)
        key = _idempotency_key("close", idempotency_key)
        answer = self._call(CLOSE_PATH, {"out_trade_no": number}, idempotency_key=key)
        if isinstance(answer, StateUnknown):
            return answer
        if answer.code == "ORDER_NOT_EXIST":
            return OrderNotFound(number, answer.msg, answer.request_id)
        if answer.code == "ORDER_NOT_CLOSABLE":
            data = answer.data.get("order", answer.data) if isinstance(answer.data, dict) else None
            order = self._read_order(data, answer, "out_trade_no", number) if data else None
            return NotClosable(number, answer.msg, order if isinstance(order, Order) else None, answer.request_id)
        if answer.code != "SUCCESS":
            return self._unexpected(answer)
        data = answer.data.get("order", answer.data) if isinstance(answer.data, dict) else answer.data
        order = self._read_order(data, answer, "out_trade_no", number)
        if isinstance(order, StateUnknown):
            return order
        log.info("close %s: %s key %s", number, order.state.value, key)
        return OrderClosed(order, answer.request_id)

    def daily_bill(self, day: date) -> BillResult:
        raise UnsupportedOperation("MP API v1 has no daily bill: reconciliation polls its list")

    def check_credentials(self) -> CredentialCheck:
        """A signed list request of one order: read-only, proves the key and the clock."""
        result = self.list_orders(datetime.now(UTC), page_size=1)
        if isinstance(result, OrderPage):
            return CredentialCheck(CheckOutcome.ACCEPTED, "HTTP 200 SUCCESS, signature verified")
        answered = (f"HTTP {result.http_status} {result.code}" if result.code
                    else f"no verified answer ({result.reason})")
        if result.reason in (UnknownReason.CREDENTIALS, UnknownReason.TERMINAL_NOT_BOUND, UnknownReason.BAD_SIGNATURE):
            return CredentialCheck(CheckOutcome.REJECTED, answered, result.reason, result.detail)
        return CredentialCheck(CheckOutcome.UNREACHABLE, answered, result.reason, result.detail)

    # -- the one retry loop -----------------------------------------------------------------------

    def _call(self, path: str, payload: dict[str, Any], *, idempotency_key: str | None = None  # noqa: C901, PLR0912 - the one retry loop: every answer code of the API's error table decided in one place
              ) -> Envelope | StateUnknown:
        try:
            key = self._key_provider()
        except Exception as exc:
            # The credential store's errors carry their own code and hint, never the key.
            code = code_of(exc, type(exc).__name__)
            log.warning("%s: no API key: %s", path, exc)
            return StateUnknown(UnknownReason.CREDENTIALS, f"API key not available: {exc}", code=code, attempts=0)
        SecretRedactor.register(key)
        budget = RetryBudget(self._policy)
        fresh_nonce_retried = False
        while True:
            budget.start_attempt()
            try:
                answer = self._transport.post(path, payload, key, idempotency_key=idempotency_key,
                                              clock_offset=self._clock_offset, deadline=budget.deadline)
            except TransportFault as fault:
                log.warning("%s attempt %d: %s: %s", path, budget.attempts, fault.reason.value, fault.detail)
                if fault.retryable and self._wait(budget, budget.backoff_delay()):
                    continue
                return StateUnknown(fault.reason, fault.detail, http_status=fault.http_status,
                                    attempts=budget.attempts)
            code = answer.code
            expected = 200 if code == "SUCCESS" else ERROR_STATUS.get(code)
            if expected != answer.http_status:
                return _unreadable(answer, f"code {code!r} with HTTP {answer.http_status}", budget.attempts)
            if code in _ANSWERS:
                return answer
            if code != "FREQUENCY_LIMITED":
                log.warning("%s attempt %d: HTTP %d %s: %s (request %s)", path, budget.attempts,
                            answer.http_status, code, answer.msg, answer.request_id)
            if code in _NO_RETRY:
                field = answer.data.get("field") if isinstance(answer.data, dict) else None
                return _failure(answer, _NO_RETRY[code], budget.attempts, field=field if isinstance(field, str)
                                else None)
            if code in _CLOCK_OR_NONCE:
                if not fresh_nonce_retried:
                    fresh_nonce_retried = True
                    if code == "TIMESTAMP_EXPIRED" and answer.server_timestamp is not None:
                        self._clock_offset = answer.server_timestamp - int(self._clock())
                        log.warning("this computer's clock differs from the platform's by %d s",
                                    self._clock_offset)
                    if budget.attempts < self._policy.max_attempts:
                        continue
                return _failure(answer, UnknownReason.CREDENTIALS, budget.attempts)
            if code == "FREQUENCY_LIMITED":
                wait = answer.retry_after if answer.retry_after is not None else self._policy.backoff_base_s
                log.info("%s attempt %d: rate limited, Retry-After %.1f s", path, budget.attempts, wait)
                if self._wait(budget, budget.retry_after_delay(wait)):
                    continue
                return _failure(answer, UnknownReason.RATE_LIMITED, budget.attempts, retry_after=wait)
            reason = _BACK_OFF.get(code)
            if reason is None:
                return _unreadable(answer, f"unknown code {code!r}", budget.attempts)
            if reason is UnknownReason.SYNC_IN_PROGRESS and idempotency_key is None:
                return _failure(answer, reason, budget.attempts)
            delay = (budget.retry_after_delay(answer.retry_after) if answer.retry_after is not None
                     else budget.backoff_delay())
            if self._wait(budget, delay):
                continue
            return _failure(answer, reason, budget.attempts, retry_after=answer.retry_after)

    def _wait(self, budget: RetryBudget, delay: float) -> bool:
        """Wait before another attempt if the budget allows it. False: give up now."""
        if self._closing.is_set() or not budget.allows(delay):
            return False
        if self._sleep is not None:
            self._sleep(delay)
            return not self._closing.is_set()
        return not self._closing.wait(delay)

    def _read_order(self, data: Any, answer: Envelope, field: str, number: str) -> Order | StateUnknown:
        try:
            order = Order.from_json(data)
        except OrderFormatError as exc:
            return _unreadable(answer, f"order: {exc}")
        answered = order.out_trade_no if field == "out_trade_no" else order.channel_trade_no
        if answered != number:
            return _unreadable(answer, f"asked for {field} {number}, answered {answered}")
        known = self._guard.admit(order.out_trade_no, order.state)
        if known is not None:
            log.warning("refused answer moving %s back from %s to %s (request %s)", order.out_trade_no,
                        known.value, order.state.value, answer.request_id)
            return StateUnknown(UnknownReason.MOVED_BACKWARDS,
                                f"{order.out_trade_no}: platform answered {order.state.value} after "
                                f"{known.value} was seen; a state never moves back",
                                code=answer.code, http_status=answer.http_status, request_id=answer.request_id)
        return order

    @staticmethod
    def _unexpected(answer: Envelope) -> StateUnknown:
        return _unreadable(answer, f"code {answer.code!r} does not answer this request")


def _one_number(out_trade_no: str | None, channel_trade_no: str | None) -> tuple[str, str]:
    if (out_trade_no is None) == (channel_trade_no is None):
        raise ValueError("give exactly one of out_trade_no and channel_trade_no")
    field = "out_trade_no" if out_trade_no is not None else "channel_trade_no"
    number = normalise_order_number(out_trade_no if out_trade_no is not None else channel_trade_no or "")
    if not number:
        raise ValueError(f"{field} is empty")
    return field, number


def _idempotency_key(operation: str, given: str | None) -> str:
    if given is None:
        return f"{operation}-{secrets.token_hex(16)}"
    if not IDEMPOTENCY_KEY_MIN <= len(given) <= IDEMPOTENCY_KEY_MAX:
        raise ValueError(f"an Idempotency-Key has {IDEMPOTENCY_KEY_MIN}-{IDEMPOTENCY_KEY_MAX} characters")
    return given


def _failure(answer: Envelope, reason: UnknownReason, attempts: int, *, field: str | None = None,
             retry_after: float | None = None) -> StateUnknown:
    detail = f"HTTP {answer.http_status} {answer.code}: {answer.msg}".rstrip(": ")
    return StateUnknown(reason, detail, code=answer.code, http_status=answer.http_status, field=field,
                        retry_after=retry_after, attempts=attempts, request_id=answer.request_id)


def _unreadable(answer: Envelope, detail: str, attempts: int = 1) -> StateUnknown:
    log.warning("unreadable answer (request %s): %s", answer.request_id, detail)
    return StateUnknown(UnknownReason.UNREADABLE, detail, code=answer.code, http_status=answer.http_status,
                        attempts=attempts, request_id=answer.request_id)
