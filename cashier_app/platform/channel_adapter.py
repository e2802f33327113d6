"""What the adapters of the payment channels themselves (WeChat Pay, Alipay) share.

These platforms ARE the channel: there is nobody further to ask, so a "sync" is a fresh query
(whose answer is the truth), and there is no list of orders to poll (reconciliation queries the
orders it knows of and imports the next morning's bill). Both sign with the merchant's RSA key,
which the OS credential store keeps (platform/rsa_keys.py), and verify with the platform's public
key or certificate from the config folder.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from cashier_app.domain.capabilities import Capabilities
from cashier_app.domain.errors import code_of
from cashier_app.domain.numbers import normalise_order_number
from cashier_app.domain.orders import OrderState
from cashier_app.domain.redaction import SecretRedactor
from cashier_app.platform import rsa_keys
from cashier_app.platform.adapter import CredentialCheck
from cashier_app.platform.forward_guard import ForwardGuard
from cashier_app.platform.number_search import search_number
from cashier_app.platform.order import Order
from cashier_app.platform.results import (
    BillResult,
    CloseResult,
    ListResult,
    OrderFound,
    QueryResult,
    StateUnknown,
    SyncOutcome,
    SyncResult,
    UnknownReason,
    UnsupportedOperation,
)
from cashier_app.platform.retry import RetryBudget, RetryPolicy
from cashier_app.platform.settings import PlatformSettings
from cashier_app.platform.transport import HttpTransport

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import rsa

log = logging.getLogger(__name__)

KeyProvider = Callable[[], str]
# Fen already refunded of an order, as the app knows it from the platform's bills (or None).
RefundLedger = Callable[[str], "int | None"]
# A bill download (one file of a day) may be much larger than an API answer.
MAX_BILL_BYTES = 64_000_000


class KeyFileError(Exception):
    """A platform key or certificate file that cannot be used; names the setting and the fix."""

    def __init__(self, setting: str, message: str) -> None:
        super().__init__(f"platform.{setting}: {message}")
        self.setting = setting


class KeyFiles:
    """Public keys read from files in the config folder, read again when a file changes."""

    def __init__(self) -> None:
        self._cache: dict[Path, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def load(self, path: Path, setting: str, fix: str, reader: Callable[[bytes], Any]) -> Any:
        try:
            mtime = path.stat().st_mtime
        except OSError:
            raise KeyFileError(setting, f"{path} does not exist; {fix}") from None
        with self._lock:
            cached = self._cache.get(path)
            if cached is not None and cached[0] == mtime:
                return cached[1]
        try:
            value = reader(path.read_bytes())
        except OSError as exc:
            raise KeyFileError(setting, f"{path} cannot be read: {exc.strerror}") from None
        except rsa_keys.KeyFormatError as exc:
            raise KeyFileError(setting, f"{path}: {exc}; {fix}") from None
        with self._lock:
            self._cache[path] = (mtime, value)
        return value


class ChannelAdapter:
    """The shared half of the WeChat Pay and Alipay adapters (platform/adapter.py's interface)."""

    capabilities: Capabilities

    def __init__(self, settings: PlatformSettings, key_provider: KeyProvider, *,
                 refunds: RefundLedger | None = None, sleep: Callable[[float], None] | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.settings = settings
        self._key_provider = key_provider
        self._refunds = refunds
        self._transport = HttpTransport(settings)
        self._policy = RetryPolicy(settings.max_attempts, settings.retry_budget_s, settings.backoff_base_s,
                                   settings.backoff_max_s)
        self._guard = ForwardGuard()
        self._closing = threading.Event()
        self._sleep = sleep
        self._clock = clock
        self._key_files = KeyFiles()
        self._private: tuple[str, rsa.RSAPrivateKey] | None = None
        self._private_lock = threading.Lock()
        # The platforms' queries carry no creation time: until an order is paid, the first time
        # this adapter saw it stands in for it.
        self._first_seen: dict[str, datetime] = {}

    # -- life cycle -------------------------------------------------------------------------------

    def close(self) -> None:
        self._closing.set()
        self._transport.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def seed_states(self, states: Mapping[str, OrderState | str]) -> None:
        self._guard.seed(states)

    def known_state(self, out_trade_no: str) -> OrderState | None:
        return self._guard.known(normalise_order_number(out_trade_no))

    # -- what both platforms do alike ---------------------------------------------------------------

    def query(self, out_trade_no: str | None = None, *, channel_trade_no: str | None = None) -> QueryResult:
        raise NotImplementedError

    def close_order(self, out_trade_no: str, idempotency_key: str | None = None) -> CloseResult:
        raise NotImplementedError

    def daily_bill(self, day: date) -> BillResult:
        raise NotImplementedError

    def check_credentials(self) -> CredentialCheck:
        raise NotImplementedError

    def lookup(self, number: str) -> QueryResult:
        """By the one rule of platform/number_search.py, as every platform."""
        return search_number(self, number)

    def sync(self, number: str | None = None, idempotency_key: str | None = None, *,
             channel_trade_no: str | None = None) -> SyncOutcome:
        """The platform is the channel: a fresh query is the sync, and its answer is the truth."""
        before = self.known_state(number) if number else None
        result = self.query(number, channel_trade_no=channel_trade_no)
        if not isinstance(result, OrderFound):
            return result
        order = result.order
        changed = before is not None and before is not order.state
        return SyncResult(order, order.state, changed, datetime.fromtimestamp(self._clock(), UTC),
                          idempotency_key or "", result.request_id)

    def list_orders(self, updated_since: datetime | str, state: OrderState | str | None = None,
                    page_size: int = 200, cursor: str | None = None) -> ListResult:
        raise UnsupportedOperation(f"{self.capabilities.kind.value} has no list of orders: reconciliation "
                                   "queries the orders it knows of and imports the daily bill")

    # -- helpers ----------------------------------------------------------------------------------

    def _private_key(self) -> rsa.RSAPrivateKey | StateUnknown:
        """The merchant's private key from the credential store (rebuilt only when it changed)."""
        try:
            secret = self._key_provider()
        except Exception as exc:
            code = code_of(exc, type(exc).__name__)
            log.warning("no private key: %s", exc)
            return StateUnknown(UnknownReason.CREDENTIALS, f"private key not available: {exc}", code=code, attempts=0)
        SecretRedactor.register(secret)
        with self._private_lock:
            if self._private is not None and self._private[0] == secret:
                return self._private[1]
        try:
            key = rsa_keys.private_key_from_secret(secret)
        except rsa_keys.KeyFormatError as exc:
            return StateUnknown(UnknownReason.CREDENTIALS, f"the stored private key cannot be used: {exc}",
                                code="invalid_private_key", attempts=0)
        with self._private_lock:
            self._private = (secret, key)
        return key

    def _wait(self, budget: RetryBudget, delay: float) -> bool:
        """Wait before another attempt if the budget allows it. False: give up now."""
        if self._closing.is_set() or not budget.allows(delay):
            return False
        if self._sleep is not None:
            self._sleep(delay)
            return not self._closing.is_set()
        return not self._closing.wait(delay)

    def _budget(self) -> RetryBudget:
        return RetryBudget(self._policy)

    def _first_seen_at(self, out_trade_no: str) -> datetime:
        now = datetime.fromtimestamp(self._clock(), UTC)
        return self._first_seen.setdefault(out_trade_no, now)

    def _refunded(self, out_trade_no: str) -> int:
        if self._refunds is None:
            return 0
        try:
            return self._refunds(out_trade_no) or 0
        except Exception:
            log.exception("reading the refunds known of %s failed", out_trade_no)
            return 0

    def _admit(self, order: Order, request_id: str | None) -> Order | StateUnknown:
        """Forward-only: an answer that would move a known order back is refused."""
        known = self._guard.admit(order.out_trade_no, order.state)
        if known is not None:
            log.warning("refused answer moving %s back from %s to %s (request %s)", order.out_trade_no,
                        known.value, order.state.value, request_id)
            return StateUnknown(UnknownReason.MOVED_BACKWARDS,
                                f"{order.out_trade_no}: platform answered {order.state.value} after "
                                f"{known.value} was seen; a state never moves back", request_id=request_id)
        return order


def one_number(out_trade_no: str | None, channel_trade_no: str | None) -> tuple[str, str]:
    """("out_trade_no" | "channel_trade_no", the normalised number): exactly one must be given."""
    if (out_trade_no is None) == (channel_trade_no is None):
        raise ValueError("give exactly one of out_trade_no and channel_trade_no")
    field = "out_trade_no" if out_trade_no is not None else "channel_trade_no"
    number = normalise_order_number(out_trade_no if out_trade_no is not None else channel_trade_no or "")
    if not number:
        raise ValueError(f"{field} is empty")
    if len(number) > 64 or not number.isascii() or not number.isprintable() or "/" in number or "?" in number:
        raise ValueError(f"{field} must be 1-64 printable ASCII characters without / or ?")
    return field, number
